"""Places that differ: where two texts differ, run by run.

Lines are matched first, then the characters within lines that differ, by
``difflib``; past a size the rest of a run is one place, so that the cost
is never quadratic in the copy.

- ``places_that_differ``: the runs of characters, by offset, that the search
  and the changes made in part count;
- ``places_as_told``: the places a report lists, as a person would tell them:
  lines deleted, added, moved, written again or exchanged, then the
  characters within the lines that changed, each a ``Place``.
"""

import collections
import difflib
import itertools
import re
import unicodedata
from typing import Iterator

from .limits import deepest, searched_in_full
from .table import MOST_OTHER
from .text import common_prefix

# How long two runs that differ may be, multiplied, and still be compared
# character by character: difflib's time grows with that product.
MOST_COMPARED = 250_000
# And all the runs of one pair of texts, their products added up, each
# with what setting difflib up costs, as many pairs: past that, each run
# left is one place.
COMPARED_IN_ALL = 2_000_000
SETTING_UP = 1000
# And for a text the search tries less on (``deepest``, ``searched_in_full``),
# longer than a third more than the article or of many characters: 2,000,000
# took 0.4 s of a copy of 140,000 characters whose every line differs, and
# of one of 23,000 listing its places 0.24 s.
LONG_COMPARED = 500_000
# The most words of a run two texts differ in that are matched word by word:
# difflib reads the words left on one side once for each match it finds, so
# that texts whose every few words differ (mojibake of 22,000 words) took
# 0.35 s.  Past that, the run is one place.
MOST_WORDS = 5000


class Work:
    """How much comparing is left for one pair of texts, in pairs of items."""

    def __init__(self, pairs: int) -> None:
        self.left = pairs

    def spend(self, pairs: int) -> bool:
        """Take ``pairs`` and SETTING_UP from what is left; False, taking
        nothing, where too few are."""
        if pairs + SETTING_UP > self.left:
            return False
        self.left -= pairs + SETTING_UP
        return True


def work_for(expected: str) -> Work:
    """How much comparing one pair of texts may cost: COMPARED_IN_ALL pairs,
    or LONG_COMPARED where the search tries less on ``expected``."""
    full = searched_in_full(expected) and deepest(expected) == MOST_OTHER
    return Work(COMPARED_IN_ALL if full else LONG_COMPARED)


def places_that_differ(
    expected: str, found: str, work: "Work | None" = None
) -> "list[tuple[int, str, str]]":
    """List the places where two texts differ: offset in ``expected``, expected run, found run.

    Where both have the same number of lines, which partial damage keeps,
    lines are compared pair by pair; otherwise the lines are matched first.
    Within lines that differ, the characters are compared where the runs
    are short enough, and the rest of a run is one place; so is each run
    past what ``work_for`` allows (or the ``work`` left, where given).
    """
    return list(each_place_that_differs(expected, found, work))


def each_place_that_differs(
    expected: str, found: str, work: "Work | None" = None
) -> "Iterator[tuple[int, str, str]]":
    """Yield the places ``places_that_differ`` lists, each block of lines
    compared as the one before is asked for: one who stops at a place
    compares no further."""
    work = work or work_for(expected)
    expected_lines, found_lines = expected.split("\n"), found.split("\n")
    if len(expected_lines) == len(found_lines):
        blocks = [(index, index + 1) * 2 for index in range(len(expected_lines))]
    else:
        blocks = blocks_that_differ(expected_lines, found_lines)
    offsets = [0]
    for line in expected_lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for i1, i2, j1, j2 in blocks:
        old, new = "\n".join(expected_lines[i1:i2]), "\n".join(found_lines[j1:j2])
        # Lines inserted or deleted go with the line break before or after them.
        if i1 == i2 and j1 < j2:
            old, new, at = (
                ("", "\n" + new, offsets[i1] - 1) if i1 else ("", new + "\n", 0)
            )
        elif j1 == j2 and i1 < i2:
            old, new, at = (
                ("\n" + old, "", offsets[i1] - 1) if i1 else (old + "\n", "", 0)
            )
        else:
            at = offsets[i1]
        for start, end, new_start, new_end in blocks_that_differ(old, new, work):
            yield at + start, old[start:end], new[new_start:new_end]


def blocks_that_differ(
    old: "str | list", new: "str | list", work: "Work | None" = None
) -> "list[tuple]":
    """Where two sequences differ, as (start, end) in ``old`` and in ``new``.

    Past a common start and end, they are matched where short enough; two
    texts too long for that, word by word first (``by_words``); else the
    rest is one block.  ``work``, where given, is spent on each match.
    """
    start, old_end, new_end = trimmed(old, new)
    if isinstance(old, str) and (old_end - start) * (new_end - start) > MOST_COMPARED:
        return by_words(old, new, start, old_end, new_end, work)
    return matched(old, new, start, old_end, new_end, work)


def trimmed(old: "str | list", new: "str | list") -> "tuple[int, int, int]":
    """Where two sequences differ past their common start and end: the start,
    and the end in each."""
    start = common_prefix(old, new)
    end = common_prefix(old[start:][::-1], new[start:][::-1])
    return start, len(old) - end, len(new) - end


def matched(
    old: "str | list",
    new: "str | list",
    start: int,
    old_end: int,
    new_end: int,
    work: "Work | None" = None,
) -> "list[tuple]":
    """Where two sequences differ from ``start`` to the ends given, by difflib;
    one block where they are too long to match, or ``work`` is spent, or
    one side is empty (nothing to match); none where both are."""
    if start == old_end and start == new_end:
        return []
    # Lines that are blank match only beside lines that match, as difflib's
    # Differ has them: so many alike, they would pair lines far apart.
    blank = None if isinstance(old, str) else lambda line: not line.strip()
    pairs = (old_end - start) * (new_end - start)
    if not pairs or pairs > MOST_COMPARED or work and not work.spend(pairs):
        return [(start, old_end, start, new_end)]
    matcher = difflib.SequenceMatcher(
        blank, old[start:old_end], new[start:new_end], autojunk=False
    )
    return [
        (start + i1, start + i2, start + j1, start + j2)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


WORD = re.compile(r"\s+|\S+\s*")  # a word and the whitespace after it
# What a word is matched by: as NFKC writes it (a presentation form is its
# letters, a no-break space a space), without whitespace or format characters
# (direction controls, zero-width characters, the byte-order mark).
UNSEEN = re.compile("[\\s\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+")


def by_words(
    old: str, new: str, start: int, old_end: int, new_end: int, work: "Work | None"
) -> list:
    """Where two texts differ from ``start`` to the ends given, matched word
    by word (each as UNSEEN has it), then character by character within the
    words that differ; one block where the words would make too many pairs,
    or are more than MOST_WORDS."""
    words = [
        WORD.findall(each[start:stop])
        for each, stop in ((old, old_end), (new, new_end))
    ]
    if max(map(len, words)) > MOST_WORDS:  # too many: told before their keys
        return [(start, old_end, start, new_end)]
    keys = [
        [UNSEEN.sub("", unicodedata.normalize("NFKC", word)) for word in each]
        for each in words
    ]
    counts = collections.Counter(keys[1])
    pairs = sum(counts[key] for key in keys[0])
    if pairs > MOST_COMPARED or work and not work.spend(pairs):
        return [(start, old_end, start, new_end)]
    offsets = [
        list(itertools.accumulate(map(len, each), initial=start)) for each in words
    ]
    matcher = difflib.SequenceMatcher(None, *keys, autojunk=False)
    blocks = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        # Words alike are compared pair by pair, the rest as one run.
        spans = (
            zip(
                range(i1, i2),
                range(i1 + 1, i2 + 1),
                range(j1, j2),
                range(j1 + 1, j2 + 1),
            )
            if tag == "equal"
            else [(i1, i2, j1, j2)]
        )
        for w1, w2, v1, v2 in spans:
            a, b, c, d = offsets[0][w1], offsets[0][w2], offsets[1][v1], offsets[1][v2]
            blocks += [
                (a + i, a + j, c + k, c + m)
                for i, j, k, m in matched(
                    old[a:b], new[c:d], *trimmed(old[a:b], new[c:d]), work
                )
            ]
    return blocks


class Place(tuple):
    """A place that differs: (line, column, expected run, found run), where it
    begins in the original, from 1.  ``kind`` says what it is: "characters",
    or whole lines "deleted", "added", "moved", "duplicated" (written again)
    or "exchanged" (two blocks of lines, each where the other was);
    ``copy_line`` is the copy's line where it is."""

    def __new__(  # noqa: PYI034 (a tuple of four, and its kind)
        cls,
        line: int,
        column: int,
        expected: str,
        found: str,
        kind: str = "characters",
        copy_line: "int | None" = None,
    ) -> "Place":
        place = super().__new__(cls, (line, column, expected, found))
        place.kind, place.copy_line = kind, copy_line
        return place

    def __repr__(self) -> str:
        return f"Place{tuple(self)!r} {self.kind}"


def places_as_told(expected: str, found: str) -> "list[Place]":
    """The places where ``found`` differs from ``expected``, lines first.

    The lines are matched where there are few enough (else compared in
    place, as ``changed_lines`` does).  A block of lines deleted that is
    added elsewhere is moved, or, past the lines between alone, exchanged
    with them; a block added that the original has elsewhere is written
    again.  Within blocks of lines that changed, the characters, as
    ``changed_lines`` pairs the lines.
    """
    old, new = expected.split("\n"), found.split("\n")
    work = work_for(expected)
    if len(old) * len(new) > MOST_COMPARED:
        return changed_lines(old, new, 0, len(old), 0, len(new), work)
    blocks = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    places, paired = [], set()
    for number, (tag, i1, i2, j1, j2) in enumerate(blocks):
        if number in paired or tag == "equal":
            continue
        if tag == "replace":
            places += changed_lines(old, new, i1, i2, j1, j2, work)
            continue
        partner = moved_block(blocks, number, old, new, paired)
        text = "\n".join(old[i1:i2] or new[j1:j2])
        if partner is not None:
            paired.add(partner)
            places.append(moved(blocks, number, partner, old, new))
        elif tag == "delete":
            places.append(Place(i1 + 1, 1, text, "", "deleted", j1 + 1))
        else:
            kind = "duplicated" if written_again(old, new[j1:j2]) else "added"
            places.append(Place(i1 + 1, 1, "", text, kind, j1 + 1))
    return sorted(places, key=lambda place: (place[0], place.copy_line or 0))


def moved_block(
    blocks: list, number: int, old: "list[str]", new: "list[str]", paired: set
) -> "int | None":
    """The block that holds the lines of the block ``number`` (deleted, or
    added) added, or deleted, elsewhere, but for empty lines at either end;
    None where none does, or they are empty lines alone."""
    tag, i1, i2, j1, j2 = blocks[number]
    lines = text_of(old[i1:i2] if tag == "delete" else new[j1:j2])
    wanted = "insert" if tag == "delete" else "delete"
    return next(
        (
            index
            for index, (kind, a1, a2, b1, b2) in enumerate(blocks)
            if lines
            and kind == wanted
            and index not in paired
            and text_of(new[b1:b2] if kind == "insert" else old[a1:a2]) == lines
        ),
        None,
    )


def text_of(lines: "list[str]") -> "list[str]":
    """A block's lines but for the empty lines at either end."""
    start = next((at for at, line in enumerate(lines) if line), len(lines))
    end = next((at for at in range(len(lines), 0, -1) if lines[at - 1]), start)
    return lines[start:end]


def moved(
    blocks: list, one: int, other: int, old: "list[str]", new: "list[str]"
) -> Place:
    """The place of a block of lines moved: exchanged with the lines between,
    where they are one block of no more lines with text, else moved."""
    first, last = sorted((one, other))
    deleted, added = sorted((blocks[one], blocks[other]))  # "delete" < "insert"
    moving = text_of(old[deleted[1] : deleted[2]])
    _, a1, a2, _, _ = blocks[first + 1]
    if last - first == 2 and len(text_of(old[a1:a2])) <= len(moving):
        (_, i1, _, j1, _), (_, _, i2, _, j2) = blocks[first], blocks[last]
        return Place(
            i1 + 1, 1, "\n".join(old[i1:i2]), "\n".join(new[j1:j2]), "exchanged", j1 + 1
        )
    start = deleted[1] + old[deleted[1] : deleted[2]].index(moving[0])
    copy_start = added[3] + new[added[3] : added[4]].index(moving[0])
    text = "\n".join(moving)
    return Place(start + 1, 1, text, text, "moved", copy_start + 1)


def written_again(old: "list[str]", lines: "list[str]") -> bool:
    """Tell whether the original has ``lines`` one after another somewhere: an
    added block that is a copy of some of its lines (not empty lines alone)."""
    if not any(lines):
        return False
    size = len(lines)
    return any(old[at : at + size] == lines for at in range(len(old) - size + 1))


# A line of the copy is taken for a line of the original changed where they
# are this alike (difflib's ratio, as its Differ takes it), among at most
# this many pairs of lines in a block that changed.
ALIKE, MOST_PAIRS = 0.75, 400


def changed_lines(
    old: "list[str]",
    new: "list[str]",
    i1: int,
    i2: int,
    j1: int,
    j2: int,
    work: Work,
) -> "list[Place]":
    """The places in the lines i1 to i2 of the original and j1 to j2 of the
    copy, none of them the same: line by line where they are as many; else
    the most alike pair is a line changed, and the lines before and after it
    are told alike, the rest deleted or added (as difflib's Differ does).
    Past MOST_PAIRS, the first lines of each side are compared in place, and
    the lines one side has more are deleted or added: a run of characters
    is never longer than a line.  ``work`` is what comparing is left."""
    if i2 - i1 == j2 - j1:  # as many lines: each changed in its place
        return [
            place
            for at, copy_at in zip(range(i1, i2), range(j1, j2))
            for place in character_places(old[at], new[copy_at], at, copy_at, work)
        ]
    if i1 == i2 or j1 == j2:  # lines deleted or added alone
        text = "\n".join(old[i1:i2] or new[j1:j2])
        kind = "deleted" if j1 == j2 else "added"
        return [
            Place(i1 + 1, 1, *((text, "") if j1 == j2 else ("", text)), kind, j1 + 1)
        ]
    if (i2 - i1) * (j2 - j1) > MOST_PAIRS:  # in place, and the rest deleted or added
        paired = min(i2 - i1, j2 - j1)
        return changed_lines(
            old, new, i1, i1 + paired, j1, j1 + paired, work
        ) + changed_lines(old, new, i1 + paired, i2, j1 + paired, j2, work)
    ratio, at, copy_at = max(
        (alike(old[a], new[b]), a, b) for a in range(i1, i2) for b in range(j1, j2)
    )
    if ratio < ALIKE:  # nothing alike: all deleted, all added
        return changed_lines(old, new, i1, i2, j1, j1, work) + changed_lines(
            old, new, i2, i2, j1, j2, work
        )
    return (
        changed_lines(old, new, i1, at, j1, copy_at, work)
        + character_places(old[at], new[copy_at], at, copy_at, work)
        + changed_lines(old, new, at + 1, i2, copy_at + 1, j2, work)
    )


def alike(one: str, other: str) -> float:
    """How alike two lines are: difflib's ratio, where its quicker upper
    bounds (from the lengths, then the characters) do not already put it
    under ALIKE; for lines too long to compare, the bound from the characters."""
    if 2 * min(len(one), len(other)) < ALIKE * (len(one) + len(other)):
        return 0.0
    matcher = difflib.SequenceMatcher(None, one, other, autojunk=False)
    bound = matcher.quick_ratio()
    if bound < ALIKE or len(one) * len(other) > MOST_COMPARED:
        return bound
    return matcher.ratio()


def character_places(
    old: str, new: str, at: int, copy_at: int, work: Work
) -> "list[Place]":
    """The runs of characters that differ between the line ``at`` of the
    original and the line ``copy_at`` of the copy (from 0), each a Place."""
    return [
        Place(at + 1, offset + 1, expected, found, "characters", copy_at + 1)
        for offset, expected, found in places_that_differ(old, new, work)
    ]
