"""Savings made forward, and the changes found made before them.

A saving that loses what it wrote (each byte's high bit cleared, each
UTF-16 code unit cut to its low byte, a code page read as UTF-8) is not
undone on the copy, and one in a code page that cannot hold all writes ?
where a change before it may have been: each is made of the text.  Where
its output first differs from the copy, the changes that make the copy
there, made before the saving, are tried: a change of single characters
(made to the whole text), or a character inserted there (a zero-width
character, a mark) where the copy shows it.  The search goes on from there,
a chunk of the text at a time, so that each place costs what its chunk
does; MOST_TRIED texts in all, one search, and as many more for a wrong
reading made forward with the saving (``more``).  The mojibake of a wrong
reading is made forward as it is (``AS_IT_IS``), for the characters
inserted in it.

``made_before`` is the entry; ``begin`` starts a search; ``made_then``
makes a wrong reading, or shaping, forward with the saving after it, for
the changes made before it.
"""

import functools
import itertools
import math
import re
from typing import NamedTuple

from .layout import MARKS, ZERO_WIDTH
from .table import CHANGES_BY_KEY, LOCAL_BY_CHARACTER, Change
from .text import UNHELD, as_text, characters, common_prefix, most, utf8

# Each of these savings writes a text that ends in an ASCII character as
# the start of what it writes of a longer one: it makes each character's
# bytes on their own, and a reading as UTF-8 ends any sequence at an ASCII
# byte.  The text is made a chunk at a time, cut after such a character.
CHUNK = 256  # characters of the text made and compared at a time
ASCII = re.compile("[\x00-\x7f]")
LAST_ASCII = re.compile(
    "[\x00-\x7f](?=[^\x00-\x7f]*\\Z)"
)  # the last, up to where searched
# Characters either side of the one whose output first differs where a
# change may be: a reading as UTF-8 joins a character's bytes to those
# of the next two at most.
NEAR = 2
AFTER = 8  # characters after those a change is tried on, to tell it agrees
# Characters inserted are one in SPARSE of the text's at most, and a run of
# RUN more: a copy that needs more, of a saving that writes ? or U+FFFD
# for most letters, would be matched by inserting some anywhere.
SPARSE, RUN = 4, 2
# So the copy's length is within APART times that of the saving's output of
# the text, and the other way round: a change of single characters writes
# two characters for one at most (the output's length is told from its
# start's).
APART = 4
SAMPLE = 32  # characters at the start of a text its output's length is told from
MOST_TRIED = 600  # texts tried in one search, for every saving made forward
# Texts tried for one saving on one text where no change there agrees
# further, before it is given up: a copy the saving made of the text with
# changes found leads nowhere that often.
MOST_DEAD_ENDS = 3
# The text as it is, in UTF-8: made forward on the mojibake of a wrong
# reading, with the characters inserted found on it, as undoing them on the
# copy would take out those the reading wrote too (UTF-8 read as
# Windows-1256 writes U+200C and U+200D).  No step of a chain.
AS_IT_IS = Change("as-it-is", "written as it is, in UTF-8", "saving", utf8)


@functools.lru_cache(maxsize=None)  # one for each pair, met in many searches
def made_then(first: Change, saving: Change) -> Change:
    """``first`` and then ``saving``, made forward as one, so that the changes
    of single characters made before ``first`` are found: a wrong reading, or
    shaping before a saving that cannot hold every presentation form."""
    return Change(
        f"{first.key} {saving.key}",
        f"{first.name} and {saving.name}",
        first.stage,  # a reading's: no character is inserted before it
        lambda text: saving.make(first.make(text)),
    )


# Characters no code page holds, of the BMP and beyond: what a saving writes
# for what it cannot hold.
LOST = frozenset("\uffff" + UNHELD)
# Characters inserted: each stage's change, and the characters it inserts.
INSERTIONS = (
    (CHANGES_BY_KEY["zero-width-inserted"], ZERO_WIDTH),
    (CHANGES_BY_KEY["marks-inserted"], MARKS),
)


class Made(NamedTuple):
    """A text on its way to the saving, and how far its output is the copy's."""

    text: str  # the text, with the changes found so far made
    done: int  # characters of it whose output is the copy's start
    written: int  # the bytes of the copy that is
    local: "tuple[Change, ...]"  # changes of single characters, in the order found
    inserted: "tuple[tuple[int, str], ...]"  # (index in ``text``, character), in order


def output(saving: Change, text: str) -> bytes:
    """What ``saving`` writes of ``text``, as bytes: kept for a search, as
    the texts it tries share most chunks (shaping, made with the saving,
    costs as much as all else made forward)."""
    if (saving.key, text) not in OUTPUTS:
        OUTPUTS[saving.key, text] = utf8(as_text(saving.make(text)))
    return OUTPUTS[saving.key, text]


def chunk_end(text: str, start: int) -> int:
    """Where a chunk of ``text`` from ``start`` ends: after an ASCII
    character about CHUNK characters on, or at the text's end."""
    end = min(len(text), start + CHUNK)
    if end == len(text):
        return end
    last = LAST_ASCII.search(text, start, end)
    if last:
        return last.end()
    after = ASCII.search(text, end)
    return after.end() if after else len(text)


# One search's: what each saving made forward on a text gave for a copy,
# the characters inserted it shows, the starts of texts that led nowhere,
# what it writes of each text (``output``) and how many bytes a character
# of each start, and how many texts are left to try for all, MOST_TRIED
# (``begin``).
FOUND: "dict[tuple[str, str, bytes], tuple | None]" = {}
INSERTABLE: "dict[tuple[str, str], str]" = {}
NOWHERE: "set[tuple[str, str, bytes, str]]" = set()  # starts of texts that led nowhere
OUTPUTS: "dict[tuple[str, str], bytes]" = {}  # what each saving writes of each text
LENGTHS: "dict[tuple[str, str], float]" = {}  # bytes a character, of each start
left = MOST_TRIED


def begin() -> None:
    """Start a search: nothing made forward yet, MOST_TRIED texts to try."""
    global left
    FOUND.clear()
    INSERTABLE.clear()
    NOWHERE.clear()
    OUTPUTS.clear()
    LENGTHS.clear()
    left = MOST_TRIED


def more() -> None:
    """MOST_TRIED texts more to try, for a wrong reading made forward with the
    saving (``made_then``) where nothing else explained the copy."""
    global left
    left = MOST_TRIED


def insertable(saving: Change, base: str) -> str:
    """The characters inserted that a copy ``saving`` made of ``base`` shows:
    those it writes neither as it writes what it cannot hold (?, U+FFFD,
    nothing) nor as it writes a character of the text (a code page read as
    UTF-8 writes U+FFFD for letters and marks alike).  None where a wrong
    reading is made forward with the saving (``made_then``): characters are
    inserted after a reading, not before."""
    if saving.stage == "reading":
        return ""
    if (saving.key, base) not in INSERTABLE:
        unseen = {output(saving, char) for char in LOST.union(characters(base))}
        INSERTABLE[saving.key, base] = "".join(
            char
            for _, put_in in INSERTIONS
            for char in put_in
            if output(saving, char) not in unseen
        )
    return INSERTABLE[saving.key, base]


def made_before(saving: Change, base: str, written: bytes) -> "tuple | None":
    """The steps made to ``base`` before ``saving`` whose output is ``written``,
    each (change, form): changes of single characters first, in the order
    found, then characters inserted, by stage; None where none are found
    (or the texts left to try in this search run out).  Found where the
    outputs first differ, those that agree the furthest first."""
    global left
    if (saving.key, base, written) in FOUND:
        return FOUND[saving.key, base, written]
    if not fits(saving, base, written):
        return None  # too long or too short for such changes to make
    # A text that starts as one that led nowhere from its start, with the
    # same characters to insert, leads nowhere.
    start = (saving.key, base[: chunk_end(base, 0) + NEAR + AFTER], written)
    if start + (insertable(saving, base),) in NOWHERE:
        return None
    pending = [agreed(saving, Made(base, 0, 0, (), ()), written)]
    seen, found, dead_ends = set(), None, 0
    while pending and left > 0 and dead_ends < MOST_DEAD_ENDS:
        made = pending.pop()
        # Texts alike from where they agree on, with the same changes to
        # make, go on alike: one is tried.
        ahead = (made.written, made.text[made.done :], made.local)
        if ahead in seen:
            continue
        seen.add(ahead)
        left -= 1
        if made.done == len(made.text) and made.written == len(written):
            found = steps(made)
            break
        further = changes_there(saving, made, written, insertable(saving, base))
        pending.extend(further)
        dead_ends += not further
        if not further and len(seen) == 1 and made.done == 0:
            NOWHERE.add(start + (insertable(saving, base),))
    FOUND[saving.key, base, written] = found
    return found


def fits(saving: Change, base: str, written: bytes) -> bool:
    """Tell whether ``written`` is within APART times as long as what
    ``saving`` writes of ``base``, told from what it writes of its start."""
    start = base[:SAMPLE]  # texts alike at the start share it
    if (saving.key, start) not in LENGTHS:
        LENGTHS[saving.key, start] = len(output(saving, start)) / max(1, len(start))
    length = LENGTHS[saving.key, start] * len(base)
    return len(written) / APART <= length <= len(written) * APART


def agreed(saving: Change, made: Made, written: bytes) -> Made:
    """``made``, taken on chunk by chunk as long as its output is the copy's."""
    done, at = made.done, made.written
    while done < len(made.text):
        end = chunk_end(made.text, done)
        chunk = output(saving, made.text[done:end])
        if not written.startswith(chunk, at):
            break
        done, at = end, at + len(chunk)
    return made._replace(done=done, written=at)


def changes_there(
    saving: Change, made: Made, written: bytes, insertable: str
) -> "list[Made]":
    """The texts that a change more makes where the output of ``made`` first
    differs from the copy (at its end: a character inserted there), each
    with more of its output the copy's; those whose output agrees the
    furthest last.  Of the characters inserted, those ``insertable``."""
    text, done, at = made.text, made.done, made.written
    end = chunk_end(text, done)
    agreeing = agreeing_with(output(saving, text[done:end]), written, at)

    def before_it(count: int) -> bool:
        """Tell whether the output of ``count`` characters on ends before the first byte that differs."""
        return len(output(saving, text[done : done + count])) <= agreeing

    index = done + most(end - done, before_it)  # the character that byte is of
    # Where a change may be: from after the ASCII character before (whose
    # output is the same on its own: a code page read as UTF-8 writes a run
    # of letters as as many U+FFFD, which differ only where the run ends)
    # to a few characters on.
    start = max(done, index - NEAR)
    while start > done and not ASCII.match(text, start - 1):
        start -= 1
    stop = min(end, index + NEAR + AFTER)
    offset = at + len(output(saving, text[done:start]))
    window = text[start:stop]
    local = list(
        dict.fromkeys(  # each once, in the table's order
            change
            for char in sorted(text[start : index + NEAR + 1])
            for change in LOCAL_BY_CHARACTER.get(char, ())
            if change not in made.local
        )
    )
    # Each try: what it makes of the window, its changes, and what it makes of ``made``.
    tried = [
        (change.make(window), (change,), lambda change=change: local_made(made, change))
        for change in local
    ]
    # A character inserted there writes what the copy holds there: what
    # it writes on its own is within a few bytes of where they differ.
    differs = at + agreeing
    there = written[max(0, differs - 4 * NEAR) : differs + 4 * NEAR]
    sparse = len(made.inserted) < RUN + index // SPARSE
    for _, put_in in INSERTIONS if sparse else ():
        for char in (char for char in put_in if char in insertable):
            if output(saving, char) not in there:
                continue
            for place in range(start, min(end, index + NEAR) + 1):
                tried.append(
                    (
                        text[start:place] + char + text[place:stop],
                        (),
                        lambda place=place, char=char: inserted(made, place, char),
                    )
                )

    def further(tried: list) -> "list[tuple[Made, tuple]]":
        """Those of ``tried`` whose output agrees with the copy further, each
        made whole, with its changes."""
        found, outputs = [], set()
        for piece, changes, make in tried:
            made_there = output(saving, piece)
            # A character inserted that writes what another does there makes
            # the same text after: one is tried.  A change of single
            # characters goes on to change others.
            if (made_there, changes) in outputs:
                continue
            outputs.add((made_there, changes))
            if offset + agreeing_with(made_there, written, offset) > at + agreeing:
                # Made whole, and taken on as far as it agrees: a change of
                # single characters may have changed what agreed before.
                each = agreed(saving, make(), written)
                if reach(saving, each, written) > at + agreeing:
                    found.append((each, changes))
        return found

    found = further(tried)
    if not found:
        # A code page read as UTF-8 writes U+FFFD for each letter of a run:
        # two changes there (tatweel removed, a letter it cannot hold) may
        # each leave as many, and together as few as the copy has.  Made in
        # the table's order.
        found = further(
            [
                (
                    second.make(first.make(window)),
                    (first, second),
                    lambda pair=(first, second): local_made(
                        local_made(made, pair[0]), pair[1]
                    ),
                )
                for first, second in itertools.combinations(local, 2)
            ]
        )
    # Of those that agree as far, the change of the fewest characters is
    # tried first (last in the list), and a character inserted last: a
    # wider change is likelier to change a character the copy has as it was.
    return [
        each
        for each, changes in sorted(
            found,
            key=lambda found: (
                reach(saving, found[0], written),
                -sum(len(change.table) for change in found[1])
                if found[1]
                else -math.inf,
            ),
        )
    ]


def agreeing_with(made: bytes, written: bytes, at: int) -> int:
    """How many bytes ``made`` has in common with the copy's from ``at``."""
    return common_prefix(made, written[at : at + len(made)])


def reach(saving: Change, made: Made, written: bytes) -> int:
    """How many bytes of the copy the output of ``made`` starts with, as far as its next chunk."""
    end = chunk_end(made.text, made.done)
    chunk = output(saving, made.text[made.done : end])
    return made.written + agreeing_with(chunk, written, made.written)


def local_made(made: Made, change: Change) -> Made:
    """``made`` with ``change`` made to the whole text, the characters inserted kept where they are."""
    pieces, last = [], 0
    for index, _ in made.inserted:
        pieces.append(change.make(made.text[last:index]))
        last = index + 1
    pieces.append(change.make(made.text[last:]))
    inserted, offset = [], 0
    for piece, (_, char) in zip(pieces, made.inserted):
        offset += len(piece)
        inserted.append((offset, char))
        offset += 1
    text = "".join(piece + char for piece, (_, char) in zip(pieces, made.inserted))
    text += pieces[-1]
    kept = text[: made.done] == made.text[: made.done]  # else made again from the start
    return made._replace(
        text=text,
        done=made.done if kept else 0,
        written=made.written if kept else 0,
        local=made.local + (change,),
        inserted=tuple(inserted),
    )


def inserted(made: Made, place: int, char: str) -> Made:
    """``made`` with ``char`` inserted at ``place``."""
    before = tuple(each for each in made.inserted if each[0] < place)
    after = tuple((index + 1, each) for index, each in made.inserted if index >= place)
    return made._replace(
        text=made.text[:place] + char + made.text[place:],
        inserted=before + ((place, char),) + after,
    )


def steps(made: Made) -> tuple:
    """The steps ``made`` took: its changes of single characters, then each
    stage's characters inserted, with the places they go as the form."""
    found = tuple((change, ()) for change in made.local)
    stage_of = {
        index: next(n for n, (_, each) in enumerate(INSERTIONS) if char in each)
        for index, char in made.inserted
    }
    for stage, (change, _) in enumerate(INSERTIONS):
        # Where each of this stage's characters goes, in the text without
        # them and those of the stages after: the runs at each offset.
        runs, left_out = [], 0  # the characters before, of this stage or after
        for index, char in made.inserted:  # in the order of the text
            if stage_of[index] == stage:
                offset = index - left_out
                if runs and runs[-1][0] == offset:
                    runs[-1] = (offset, runs[-1][1] + char)
                else:
                    runs.append((offset, char))
            left_out += stage_of[index] >= stage
        if runs:
            found += ((change, (tuple(runs),)),)
    return found
