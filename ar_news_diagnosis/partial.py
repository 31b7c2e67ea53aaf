"""Changes made in part: the text changes that make every place that differs.

Where no chain makes the whole copy, ``partly_made`` looks for up to three
text changes that together make each place that differs, each made at its
places only, and verifies them, place by place, in the order named.
"""

import itertools

from .places import places_that_differ
from .table import LOCAL_CHANGES, TEXT_CHANGES

# What stands for the rest of the text before and after a place, when a
# change that is not of characters is tried on it: a letter no change alters.
WITHIN_A_LINE = "x"
# What a reading as UTF-8 writes for bytes it cannot read (a code page's
# Arabic letters): no text change writes it.
UNREADABLE = "\ufffd"


def written_by_none(text: str, place: tuple) -> bool:
    """Tell whether ``place`` (offset, expected run, found run) holds
    UNREADABLE where what a change made there sees holds none: no text
    change, nor any change of layout, makes it."""
    offset, old, new = place
    seen = text[max(offset - 1, 0) : offset + len(old) + 1]
    return UNREADABLE in new and UNREADABLE not in seen


def made_at(steps: "tuple | list", text: str, offset: int, old: str) -> "str | None":
    """What ``steps``, made one after another, make of ``old`` at ``offset`` in ``text``.

    A change of characters (or another ``in_place``) sees only the place.
    The others, which may need to (trailing whitespace, empty lines), see
    what is around it as ``surroundings`` gives it; None where they change
    what is around it.
    """
    place, around = old, None
    for change, form in steps:
        if change.table and change.replaced.isdisjoint(old):
            continue  # a change of characters, none of them here
        if change.in_place:
            old = change.make(old, *form)
            continue
        if around is None:  # worked out where a change sees it
            around = surroundings([change for change, _ in steps], text, offset, place)
        before, after = around
        made = change.make(before + old + after, *form)
        if not (
            len(made) >= len(before + after)
            and made.startswith(before)
            and made.endswith(after)
        ):
            return None
        old = made[len(before) : len(made) - len(after)]
    return old


def surroundings(changes: list, text: str, offset: int, old: str) -> "tuple[str, str]":
    """What ``changes`` see before and after ``old`` at ``offset``, as ``made_at`` says.

    They see the character before it and the one after it, and beyond
    those, where the text goes on, a letter that stands for the rest: a
    change made at the start or the end of the text is not made there.
    """
    if all(change.in_place for change in changes):
        return "", ""
    end = offset + len(old)
    before = WITHIN_A_LINE * (offset > 1) + text[offset - 1 : offset]
    return before, text[end : end + 1] + WITHIN_A_LINE * (end + 1 < len(text))


def reach(step: tuple, text: str, changed: str, made: int) -> "tuple[tuple, int, int]":
    """How far a change went: where it made ``made`` places that held ``changed``.

    Returns the step, the places it made and the places it makes in all.  A
    change of characters counts characters, and one that left a single one
    of them as it was everywhere is that change with the exception.
    """
    change = step[0]
    if not change.table:  # its places alone may be cut otherwise: at most all of them
        everywhere = len(places_that_differ(text, change.make(text)))
        return step, min(made, everywhere), everywhere
    replaced = list(map(chr, change.table))
    made = sum(map(changed.count, replaced))
    everywhere = sum(map(text.count, replaced))
    kept = [char for char in replaced if char in text and char not in changed]
    if len(kept) == 1 and everywhere - text.count(kept[0]) == made:
        return (change, (kept[0],)), made, made
    return step, made, everywhere


# A place that no one change makes may be made by several: a letter and its
# haraka changed together.  So short a place, and no longer, is tried so.
MERGED_PLACE = 4
MOST_IN_PART = 3  # changes that together make the places that differ
MOST_PLACES = 2000  # places that differ where changes made in part are looked for
MOST_CHARACTERS = 20_000  # and the characters of both texts in them


def ways(cover: tuple, differ: list, makers: list, text: str) -> "list[tuple] | None":
    """For each place that differs, the change of ``cover`` that makes it, or all of them in order; None where they cannot."""
    made = []
    for (offset, old, new), single in zip(differ, makers):
        way = next(((step,) for step in cover if step in single), None)
        if (
            way is None
            and len(old) <= MERGED_PLACE
            and made_at(cover, text, offset, old) == new
        ):
            way = cover
        if way is None:
            return None
        made.append(way)
    return made


def widened(text: str, differ: list) -> list:
    """The places, each insertion with the character after it, so that it
    holds what was changed (a CR put in before a line feed: LF to CRLF)."""
    return [
        (offset, text[offset], new + text[offset])
        if not old and offset < len(text)
        else (offset, old, new)
        for offset, old, new in differ
    ]


def partly_made(text: str, found: str, differ: list) -> "list[list[tuple]]":
    """The text changes that make every place that differs, each as (step, places made here, in all).

    Preferred are those that left the fewest of their places unmade, then
    the fewest changes: so a change is named where its effects are, never
    a larger one most of whose effects are absent.  A change of characters
    that left one of them as it was everywhere is named with that exception.
    Each is made again, place by place, to verify.  None are looked for
    past MOST_PLACES places, or MOST_CHARACTERS in them: a change made in
    part changes a few characters here and there, not a text's lines; nor
    where a place is one no change makes (``written_by_none``).
    """
    if (
        len(differ) > MOST_PLACES
        or sum(len(old) + len(new) for _, old, new in differ) > MOST_CHARACTERS
        or any(written_by_none(text, place) for place in differ)
    ):
        return []
    differ = widened(text, differ)
    touching = [
        (change, ())
        for change in TEXT_CHANGES
        if any(
            made_at(((change, ()),), text, offset, old) != old
            for offset, old, _ in differ
        )
    ]
    makers = [  # for each place, the changes that make it alone
        {step for step in touching if made_at((step,), text, offset, old) == new}
        for offset, old, new in differ
    ]
    explained = []  # (rank, cover, the way it makes each place, how far each change went)
    for size in range(1, MOST_IN_PART + 1):
        for cover in itertools.combinations(touching, size):
            made = ways(cover, differ, makers, text) or ()
            here = [
                [index for index, way in enumerate(made) if step in way]
                for step in cover
            ]
            if made and all(here):  # each change of the cover makes some place
                changed = [
                    "".join(differ[index][1] for index in indexes) for indexes in here
                ]
                parts = list(map(reach, cover, [text] * size, changed, map(len, here)))
                if any(map(needlessly_large, parts, changed)):
                    continue
                unmade = sum(everywhere - count for _, count, everywhere in parts)
                explained.append(((unmade, size), cover, made, parts))
    best = min((rank for rank, _, _, _ in explained), default=None)
    covers = []
    for rank, cover, made, parts in explained:
        steps = dict(zip(cover, parts))
        for order in itertools.permutations(cover) if rank == best else ():
            ordered = [steps[step] for step in order]  # the first that verifies
            if remade_in_places(text, differ, in_order(ordered, made)) == found:
                covers.append(ordered)
                break
    return covers


def in_order(parts: list, made: list) -> "list[tuple]":
    """Each place's steps, the changes of ``parts`` made in that order: those
    made in all their places, and the one that made it (all, where several did)."""
    return [
        tuple(
            step
            for step, count, everywhere in parts
            if len(way) > 1 or count == everywhere or step[0] is way[0][0]
        )
        for way in made
    ]


def needlessly_large(part: tuple, changed: str) -> bool:
    """Tell whether a change made in part is larger than the places it made need.

    So it is where most of its places are left unmade and each character it
    changed there, ``changed``, a change of some of its characters changes
    alike (harakat removed and teh marbuta as heh, not a search normalization).
    """
    (change, _), made, everywhere = part
    return (
        bool(change.table)
        and 2 * made < everywhere
        and all(
            any(
                ord(char) in other.table
                for other in LOCAL_CHANGES
                if other.table.items() < change.table.items()
            )
            for char in set(changed)
            if ord(char) in change.table
        )
    )


def remade_in_places(text: str, differ: list, made: list) -> str:
    """Make each place that differs of ``text`` with its steps in ``made``."""
    pieces, last = [], 0
    for (offset, old, _), steps in zip(differ, made):
        pieces += [text[last:offset], made_at(steps, text, offset, old) or ""]
        last = offset + len(old)
    return "".join(pieces) + text[last:]
