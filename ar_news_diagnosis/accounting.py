"""The accounting: where no chain makes a copy, what made each place that differs.

``accounted`` is the contents page:

1. the lines of the copy in a display order are put back in their own,
   each counted as a place (``lines_in_their_order``);
2. each place that differs is made again there by each change that may
   make it, the smallest first, then by two changes of layout together
   (``maker``);
3. places next to each other that none made alone (a mark moved before
   its letter, a word shaped, a comma and a space reversed) are made
   together: within a word first, then across words.

A place is counted for a change only where making that change there gives
the copy's characters there; a place none makes is not accounted for, and
is listed, so a hand edit stays a hand edit.
"""

import functools
import itertools
import re

from .partial import made_at, surroundings, written_by_none
from .places import places_that_differ
from .table import (
    BY_STAGE,
    CHANGES_BY_KEY,
    LOCAL_CHANGES,
    PLACE_CHANGES,
    TEXT_CHANGES,
    Change,
)
from .text import share_read_alike

# Who may make a place, the smallest first: changes of single characters
# (those of fewest characters first), the other changes of the text,
# characters put in and shaping as a place shows them, then layout.
# Of the other changes of the text, those of whitespace first, the narrowest
# first: an empty line removed is told so, not as whitespace stripped at
# line ends.
WHITESPACE = ("empty-lines-removed", "rstrip", "rstrip-regex", "whitespace-collapsed")
ACCOUNTANTS = (
    sorted(LOCAL_CHANGES, key=lambda change: len(change.table))
    + sorted(
        (change for change in TEXT_CHANGES if not change.table),
        key=lambda change: (
            WHITESPACE.index(change.key)
            if change.key in WHITESPACE
            else len(WHITESPACE)
        ),
    )
    + BY_STAGE["zero-width"]
    + BY_STAGE["marks"]
    + BY_STAGE["shaping"]
    + list(PLACE_CHANGES)
)
# Changes of layout, and shaping, two of which may make one place: a space
# turned into a line break and a page break put in after it, where a page
# ends; a word shaped and the space after it turned into a line break.
LAYOUT = [
    change
    for change in ACCOUNTANTS
    if change.stage in ("place", "shaping")
    or change.key in ("line-breaks-as-spaces", "empty-lines-removed")
]
# The orders a line of the copy may be displayed in: on a line of one
# direction, each is its own undoing.
LINE_ORDERS = [
    CHANGES_BY_KEY[key]
    for key in ("visual-order", "visual-order-marks-after", "visual-order-rtl")
] + [CHANGES_BY_KEY["lines-reversed"]]
# A line is taken for one in a display order where, put back in its own,
# more than this share of its runs of three characters are the original's
# (``share_read_alike``), and more than twice as many as before: only lines
# with no more than it are tried.
PUT_BACK = 0.5
# Hebrew, Arabic and the scripts after them to U+08FF, and the presentation
# forms of both: the letters a line in a display order has reversed.
RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
READ_MOST = 100_000  # characters of lines with right-to-left letters
REORDERED_MOST = 50_000  # characters of lines put back in order
# Places within a word this near each other are tried together.
NEAR = 2
# The longest place tried, its two runs together: a change of layout makes
# a few characters, and a longer run is made whole by no change a place is
# accounted to (past it, each change would be made on all of it).
LONGEST_PLACE = 400
MOST_ACCOUNTED = 1000  # places: past them, none is accounted, and all are listed


def accounted(text: str, found: str, differ: list) -> "tuple[list, list] | None":
    """Account each place where ``found`` differs from ``text`` to the changes
    that make it there; ``differ``, the places (offset, expected run, found
    run), as ``places_that_differ`` gives them.

    Returns the changes that made places, each as (steps, places made), in
    the order of the table, and the places none made; None where there are
    too many places to account.
    """
    found, reordered = lines_in_their_order(text, found)
    if reordered:
        differ = places_that_differ(text, found)
    if len(differ) > MOST_ACCOUNTED:
        return None
    counts = {(change,): count for change, count in reordered.items()}
    known = {}  # each place's maker, by what it holds and sees around it
    makers = [maker(text, place, known) for place in differ]
    for within_words in (True, False):
        for group in near_each_other(text, differ, makers, within_words):
            place = joined(text, [differ[index] for index in group])
            merged = maker(text, place, known)
            for index in group if merged else ():
                makers[index] = merged
    for steps in filter(None, makers):
        counts[steps] = counts.get(steps, 0) + 1
    unmade = [place for place, steps in zip(differ, makers) if steps is None]
    order = {change: index for index, change in enumerate(ACCOUNTANTS + LINE_ORDERS)}
    made = sorted(counts.items(), key=lambda item: [order[each] for each in item[0]])
    return made, unmade


def lines_in_their_order(text: str, found: str) -> "tuple[str, dict]":
    """Put each line of ``found`` that is in a display order back in its own.

    Returns the copy so, and how many lines each order held.  A line with
    right-to-left letters is put back where the order made again of what
    that gives is the line, and what it gives has more of the original's
    runs of three characters, as PUT_BACK says.  Where the lines with
    right-to-left letters hold more than READ_MOST characters, or those to
    try more than REORDERED_MOST, none is.
    """
    if not RIGHT_TO_LEFT.search(found):  # told at once of a copy of many lines
        return found, {}
    lines = found.split("\n")
    right_to_left = [
        number for number, line in enumerate(lines) if RIGHT_TO_LEFT.search(line)
    ]
    if sum(len(lines[number]) for number in right_to_left) > READ_MOST:
        return found, {}
    share = functools.partial(share_read_alike, text)
    tried = [number for number in right_to_left if share(lines[number]) <= PUT_BACK]
    if sum(len(lines[number]) for number in tried) > REORDERED_MOST:
        return found, {}
    held = {}
    for number in tried:
        line = lines[number]
        # Those that read in the text's order enough are made again, to see
        # that the order gives the line: a display order costs much.
        least = max(PUT_BACK, 2 * share(line))
        orders = [(order, order.make(line)) for order in LINE_ORDERS]
        best = max(
            (
                (share(own), order, own)
                for order, own in orders
                if own != line and share(own) > least and order.make(own) == line
            ),
            key=lambda each: each[0],
            default=None,
        )
        if best:
            lines[number] = best[2]
            held[best[1]] = held.get(best[1], 0) + 1
    return "\n".join(lines), held


def maker(text: str, place: tuple, known: dict) -> "tuple | None":
    """The change that makes ``place`` (offset, expected run, found run) of
    ``text``, the first of ACCOUNTANTS, else two changes of LAYOUT made one
    after the other, as a tuple; None where none does.  Characters put in
    are tried with the character after them, then with the one before.

    ``known`` keeps what was found for places alike: the same runs, with
    the same characters around them (as ``surroundings`` sees them).
    """
    offset, old, new = place
    end = offset + len(old)
    if written_by_none(text, place):
        return None
    seen = (
        old,
        new,
        text[max(offset - 2, 0) : end + 1],
        min(offset, 2),
        len(text) - end < 2,
    )
    if seen not in known and len(old + new) <= LONGEST_PLACE:
        readings = [place] if old else []
        if not old and offset < len(text):
            readings.append((offset, text[offset], new + text[offset]))
        if not old and offset:
            readings.append((offset - 1, text[offset - 1], text[offset - 1] + new))
        singles = (
            (change,)
            for change in ACCOUNTANTS
            if not change.table
            or any(may_write(change, reading) for reading in readings)
        )
        shown = [  # the changes of layout the place may show, in pairs
            change
            for change in LAYOUT
            if any(shows(change, text, reading) for reading in readings)
        ]
        known[seen] = next(
            (
                steps
                for steps in itertools.chain(singles, itertools.permutations(shown, 2))
                if any(made_there(steps, text, reading) for reading in readings)
            ),
            None,
        )
    return known.get(seen)


def may_write(change: Change, place: tuple) -> bool:
    """Tell whether ``change``, a change of single characters, may make
    ``place`` (offset, expected run, found run): it replaces a character of
    the expected run, and the found run holds only characters of the
    expected run and of what it writes (a word of ? is no change of
    letters').  Only then is it made there."""
    _, old, new = place
    replaces = any(ord(char) in change.table for char in old)
    return replaces and set(new) <= set(old) | table_written(change)


@functools.lru_cache(maxsize=None)  # each change of the table, asked at each place
def table_written(change: Change) -> "frozenset[str]":
    """The characters that ``change``, a change of single characters, writes."""
    return frozenset("".join(change.table.values()))


def shows(change: Change, text: str, place: tuple) -> bool:
    """Tell whether ``place`` may show ``change``: undone on the copy's run
    there, it gives another; or, where it has no undoing, made on the
    expected run, it gives another."""
    offset, old, new = place
    if not change.undo:
        return made_at(((change, ()),), text, offset, old) not in (None, old)
    before, after = surroundings([change], text, offset, old)
    try:
        undone = change.undo(before + new + after)
    except ValueError:  # not that change's output
        return False
    return (undone[0] if isinstance(undone, tuple) else undone) != before + new + after


def made_there(steps: tuple, text: str, place: tuple) -> bool:
    """Tell whether ``steps``, made one after the other at ``place``, give its
    found run: each in its form read off the copy there, where it has forms."""
    offset, old, new = place
    before, after = surroundings(steps, text, offset, old)
    copy, chain = before + new + after, []
    for change in reversed(steps):
        form = ()
        if change.undo:
            try:
                undone = change.undo(copy)
            except ValueError:  # not that change's output
                return False
            copy, form = undone if isinstance(undone, tuple) else (undone, ())
        chain.insert(0, (change, form))
    return made_at(chain, text, offset, old) == new


def near_each_other(
    text: str, places: list, makers: list, within_words: bool
) -> "list[list[int]]":
    """The runs of places, one after the other, each NEAR the next, that
    hold a place none made; ``within_words``: with no whitespace between
    them (a word shaped), else with any (a comma and a space reversed)."""
    runs = [[0]] if places else []
    for index in range(1, len(places)):
        offset, old, _ = places[index - 1]
        between = text[offset + len(old) : places[index][0]]
        if len(between) <= NEAR and not (
            within_words and any(map(str.isspace, between))
        ):
            runs[-1].append(index)
        else:
            runs.append([index])
    return [
        run
        for run in runs
        if len(run) > 1 and any(makers[index] is None for index in run)
    ]


def joined(text: str, places: list) -> tuple:
    """One place of ``places``, in order, with the original's characters between them."""
    first, last = places[0], places[-1]
    end = last[0] + len(last[1])
    new = ""
    for (offset, old, found), following in zip(places, places[1:] + [None]):
        upto = following[0] if following else offset + len(old)
        new += found + text[offset + len(old) : upto]
    return first[0], text[first[0] : end], new
