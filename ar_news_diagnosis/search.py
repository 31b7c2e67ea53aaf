"""The search: which chains of known changes make a copy of the expected text.

First what is written over the whole copy is undone on it (a newline after
an escape, the escape, the display order, shaping, inserted characters, the
saving, an indentation, a wrong reading), one change of each stage and
three at most, the last made first: a few candidate texts.  Then, for each,
the changes that make it of the expected text: up to two that are not local
(normalizations, mojibake, whitespace), and any number of local ones,
changes of single characters found from the places that differ.  Last,
each chain is made again from the expected text and compared with the
copy: only what that makes byte for byte, or the start of, is returned.
Lines wrapped are undone apart, where no shorter chain explains the copy,
with texts that the text changes make as guides (``unwrap``).

``find_chains`` is the entry; ``cut`` says where a cut-short copy ends.
"""

import collections
import functools
import heapq
import itertools
import re
import unicodedata
from typing import Iterable
from unicodedata import bidirectional

from . import forward, notations
from .bidi import MIRRORED, display_line, resolved_levels
from .cut import holds_a_character
from .layout import (
    MARKS,
    ZERO_WIDTH,
    lines,
    lines_broken_at_most,
    most_breaks,
    unwrapped,
)
from .limits import deepest, limit_before, most_of, searched_in_full
from .savings import (
    ARABIC_CODECS,
    CODECS,
    HANDLER_WRITES,
    HOLDING_ALL,
    MISREADINGS,
    bytes_read_as,
    codecs_reading,
    escaped_characters,
    written_in,
)
from .shaping import PRESENTATION_FORMS, presentation_forms
from .table import (
    BY_STAGE,
    CHANGES,
    CHANGES_BY_KEY,
    CODEC_KEY_OF,
    FORWARD_SAVINGS,
    HANDLER_NAMES,
    LOCAL_BY_CHARACTER,
    LOCAL_CHANGES,
    MOST_CHANGES,
    MOST_OTHER,
    OTHER_TEXT_CHANGES,
    READ_AS,
    SAVED_IN,
    STAGES,
    UNDONE,
    WRAPPED_LAYERS,
    WRAPPED_OTHER,
    Change,
    codec_saving,
    escaped_in,
    remade,
    undo_kept,
)
from .text import (
    CHARACTERS,
    LONE_SURROGATE,
    UNHELD,
    as_text,
    characters,
    common_prefix,
    share_read_alike,
    utf8,
)

MOST_STATES = 256  # sets of local changes tried for one candidate
# A candidate this many times shorter than the base, and more (a copy cut
# short), is first looked for in the base's start: local changes write each
# character on its own, so what they make of a start is the start of what
# they make of the whole, and where the two first differ is the same.
START_OF = 4
START_MORE = 64
# Local changes of whitespace alone: what wrapping's guide may have been through.
SPACING = [
    change
    for change in LOCAL_CHANGES
    if all(
        chr(code).isspace() and new.strip() == "" for code, new in change.table.items()
    )
]
NEWLINE = CHANGES_BY_KEY["newline-added"]
# Changes of single characters that a display order does not make the same
# after: they write a character of another direction than the one they
# replace (European digits as Arabic-Indic ones), or a line break, or
# replace one.
TURNING = [
    change
    for change in LOCAL_CHANGES
    if any(
        "\n" in chr(code) + written
        or {bidirectional(char) for char in written} - {bidirectional(chr(code))}
        for code, written in change.table.items()
    )
]
# Brackets as one, whichever way a display order mirrors them; marks it may put in left out.
MIRRORED_AS_ONE = str.maketrans(
    {
        **{code: min(code, ord(chr(code).translate(MIRRORED))) for code in MIRRORED},
        **dict.fromkeys(map(ord, MARKS)),
    }
)
# What is undone on the copy, group by group in the order undone: a newline
# added at the end, then each stage after the text's, the last made first
# (an escape, a saving, ..., a wrong reading); of each, what can be undone.
# Lines wrapped are not among them: they are undone with a guide (``unwrap``).
LAYERS = [[NEWLINE]] + [
    [change for change in BY_STAGE[stage] if change.undo]
    for stage in reversed(STAGES[1:])
]
# The group of the escapes: those after it undo changes made before them.
ESCAPE_LAYER = next(at for at, group in enumerate(LAYERS) if group[0].stage == "escape")


def undone(change: Change, text: str) -> "tuple[str, tuple] | None":
    """Undo ``change`` on ``text``: the text before and its form; None where it
    does not apply, or changes nothing but is no saving.

    A saving in a code page leaves ASCII as it is, and yet what it wrote for
    what it cannot hold (?) is to be told from the text's own: it is kept.
    """
    before = undo_kept(change, text)
    if before is None:
        return None
    before, form = before if isinstance(before, tuple) else (before, ())
    return (before, form) if before != text or change.stage == "saving" else None


def undone_layers(found: str, displayed, in_codecs, unsaved=None, made_before=None):
    """Yield the copy with 0, 1, 2 and 3 of what is written over the whole of it undone.

    Each time a map of the texts it gives to the chains undone to each, in
    the order made: one change of each stage at most, the last made undone
    first.  Changes that undo each other (a wrong reading and a saving in the
    same code page) are left out, and so is a display order on a text that
    ``displayed(text)`` does not allow.  Besides the table's savings, those
    in the codecs that ``in_codecs(text)`` reads the text's bytes in; besides
    its escapes, the escape of parts in each notation the text shows; where
    ``unsaved`` is given, of what a saving undone gives, only a text that
    ``unsaved(text)`` allows (one that the changes before it may write).

    Where ``made_before`` is given, ``made_before(text, stage)`` tells
    whether a text is no longer than the changes make before ``stage``: a
    copy as long as the size limit owes it to an escape.  Of what a change
    made before the escapes gives, only a text made before the saving is
    kept; of what an escape gives, a text longer than the escapes are made
    of is only read again in that escape (written twice), not taken as it is.
    """
    # Each text undone to: (the chain undone, the last group, the texts on
    # the way, and whether it is taken as it is, or only read again).
    level = {found: [((), -1, (found,), True)]}
    for _ in range(MOST_CHANGES + 1):
        taken = {
            text: [chain for chain, _, _, as_it_is in chains if as_it_is]
            for text, chains in level.items()
        }
        yield {text: chains for text, chains in taken.items() if chains}
        deeper = {}
        for text, chains in level.items():
            for number, group in enumerate(LAYERS):
                if not any(may_follow(each, number) for each in chains) or (
                    group[0].stage == "display" and not displayed(text)
                ):
                    continue
                tried = group
                if group[0].stage == "saving":
                    tried = group + [
                        each for each in in_codecs(text) if each not in group
                    ]
                elif group[0].stage == "escape":
                    shown = notations.shown(text)
                    tried = group + [escaped_in(key) for key in shown]
                    if text.endswith("$\n"):  # as sed's l ends a line
                        tried += [escaped_in(key, line_fed=True) for key in shown]
                for change in tried:
                    earlier = [
                        each for each in chains if undone_after(each, change, number)
                    ]
                    result = undone(change, text) if earlier else None
                    if result and unsaved and change.stage == "saving":
                        result = result if unsaved(result[0]) else None
                    if result and made_before and number > ESCAPE_LAYER:
                        result = result if made_before(result[0], "saving") else None
                    # What an escape gives that is longer than the escapes
                    # are made of is an escape's output: only read again.
                    limited = result and made_before and number == ESCAPE_LAYER
                    as_it_is = not limited or made_before(result[0], "escape")
                    for chain, _, way, _ in earlier if result else ():
                        # Undone again, unless a saving that gives the text
                        # back where it wrote what it cannot hold.
                        if result[0] not in way or shows_losses(change, text):
                            deeper.setdefault(result[0], []).append(
                                (
                                    ((change, result[1]),) + chain,
                                    number,
                                    (*way, result[0]),
                                    as_it_is,
                                )
                            )
        level = deeper


def shows_losses(change: Change, text: str) -> bool:
    """Tell whether ``text``, which ``change`` undone gives back as it is,
    may yet be its output: a saving in a code page read as another, where
    the text holds what it writes for a character it cannot hold (?) and a
    character outside ASCII that the reading wrote (text that was mojibake,
    saved in a code page, ? for most of it, and read as Latin-1)."""
    if change.stage != "saving" or "-read-as-" not in change.key:
        return False
    written = lost(change, UNHELD)
    return written not in ("", UNHELD) and written in text and not text.isascii()


@functools.lru_cache(maxsize=None)  # a pair of the table's changes
def writes_back(saving: Change, change: Change) -> bool:
    """Tell whether ``saving`` writes back the bytes that ``change``, a wrong
    reading, read: UTF-8 read as Latin-1, then each code unit cut to its low
    byte.  The two undo each other, and are never named together."""
    sample = "\u0627\xa0\u2019\U0001f1e8"  # characters of two, three and four bytes
    return change.stage == "reading" and utf8(
        as_text(saving.make(change.make(sample)))
    ) == utf8(sample)


def made_after_display(chain: tuple) -> bool:
    """Tell whether each change of ``chain`` is made after a display order:
    a saving, an escape, a newline added at the end."""
    return all(
        change.stage in ("saving", "escape") or change is NEWLINE for change, _ in chain
    )


def may_follow(each: tuple, number: int) -> bool:
    """Tell whether a change of the group ``number`` of LAYERS may be undone
    after a chain (as ``undone_after``): of a later group, where the text is
    taken as it is, or of the same (an escape undone again)."""
    _, last, _, as_it_is = each
    return last < number and as_it_is or last == number


def undone_after(each: tuple, change: Change, number: int) -> bool:
    """Tell whether ``change``, of the group ``number`` of LAYERS, may be
    undone after a chain (chain, last group, texts on the way, whether taken
    as it is): of a later group, as each stage's change is made once at
    most, where the text is taken as it is; or the escape just undone, a
    second time, as text written as JSON twice or percent-encoded twice."""
    chain, last, _, as_it_is = each
    if last < number and as_it_is:
        return True
    again = last == number and change.stage == "escape" and chain[0][0] is change
    return again and not (len(chain) > 1 and chain[1][0] is change)  # not thrice


# The expected texts', searched with each copy: four texts at each depth,
# as tests and benchmarks take turns (limits.BASES_BUDGET characters a text
# at most).
@functools.lru_cache(maxsize=4 * (MOST_OTHER + 1))
def bases_of(text: str, depth: int) -> "tuple[tuple, dict]":
    """What ``other_changes`` makes of ``text`` at ``depth``, as a tuple, and
    the characters of each text, as ``characters`` keeps them: kept from one
    search of a text to the next.  A text that fewer changes make is left
    out: searched with those, where a chain found is shorter (NFKC then NFD
    is NFKD; a change that finds nothing to do makes the text it is made of)."""
    fewer = {
        base for shallower in range(depth) for _, base in bases_of(text, shallower)[0]
    }
    made = tuple(
        (chain, base) for chain, base in other_changes(text, depth) if base not in fewer
    )
    distinct = dict.fromkeys(base for _, base in made)  # changes alike make one
    return made, {(base, False): frozenset(base) for base in distinct}


def other_changes(text: str, depth: int):
    """Yield each text that ``depth`` text changes that are not local make of ``text``, with its chain."""
    if not depth:
        yield (), text
        return
    for chain, before in other_changes(text, depth - 1):
        for change in OTHER_TEXT_CHANGES:
            yield chain + ((change, ()),), change.make(before)


LOST: "dict[tuple[str, str], str]" = {}  # by saving and character: what it writes


def lost(saving: Change, char: str) -> str:
    """What ``saving``, undone, gives for ``char``: itself, unless it cannot hold it."""
    if (saving.key, char) not in LOST:
        try:
            LOST[saving.key, char] = saving.undo(as_text(saving.make(char)))[0]
        except ValueError:
            LOST[saving.key, char] = char
    return LOST[saving.key, char]


@functools.lru_cache(maxsize=65536)
def written_from(char: str, saving: "Change | None") -> "frozenset[str]":
    """The characters that local changes can make of ``char``, each made on
    what the others write, and ``saving`` write for what it cannot hold."""
    written, pending = set(), [char]
    while pending:
        each = pending.pop()
        if each not in written:
            written.add(each)
            for change in LOCAL_BY_CHARACTER.get(each, ()):
                pending.extend(change.make(each))
            if saving:
                pending.extend(lost(saving, each))
    return frozenset(written)


# Kept for one search, which meets each text, base or candidate, many times
# (and what each undoing gives of each text, in ``table``): the characters
# of each (kept in ``text``, for ``forward`` reads them too), what a saving
# writes of each base, and of each candidate its bytes, the savings made
# forward it may be the output of, and those of them shaping may be before.
WRITTEN: "dict[tuple[str, str], str]" = {}
ENCODED: "dict[str, bytes | None]" = {}
SEEN: "dict[str, list[Change]]" = {}
SHOWING_FORMS: "dict[str, list[Change]]" = {}
IN_CODECS: "dict[str, list[Change]]" = {}
# The chains that end in a wrong reading, each with a saving made forward
# after it that named nothing, the copy undone and the layers undone to it:
# tried with the reading made forward too, where nothing else explains it.
READ_FORWARD: "dict[tuple, None]" = {}


# Savings undone on the copy that cannot hold all (no code page holds the flag).
CODE_PAGES = [
    saving
    for saving in BY_STAGE["saving"]
    if saving.undo and lost(saving, UNHELD) != UNHELD
]


def encoded(candidate: str) -> "bytes | None":
    """The bytes ``candidate`` stands for; None where it holds a lone surrogate."""
    if candidate not in ENCODED:
        try:
            ENCODED[candidate] = utf8(candidate)
        except ValueError:
            ENCODED[candidate] = None
    return ENCODED[candidate]


def savings_seen(candidate: str, text: str) -> "list[Change]":
    """The savings made forward whose output ``candidate`` may be: those that
    cannot be undone, where they may have written it, and those in a code
    page, where undone on it (what it lost, a change made before it
    may have lost too), of the table and of the codecs its bytes show."""
    if candidate not in SEEN:
        in_codecs = [
            saving
            for saving in in_codecs_seen(candidate, text)
            if loses(saving) and saving not in CODE_PAGES
        ]
        SEEN[candidate] = [
            saving for saving in FORWARD_SAVINGS if saving.seen(candidate)
        ] + [saving for saving in CODE_PAGES + in_codecs if undone(saving, candidate)]
    return SEEN[candidate]


def in_codecs_seen(candidate: str, text: str) -> "list[Change]":
    """The savings in the codecs of ``savings.CODECS`` that ``candidate``'s
    bytes show (``codecs_reading``): of each group of codecs that read them
    alike, and write the characters of ``text`` alike, the first, with each
    error handler that may have written what it reads (``handlers_shown``).
    The others of its group, a chain found with it is made with again
    (``in_codecs_alike``)."""
    if candidate not in IN_CODECS:
        IN_CODECS[candidate] = [
            codec_saving(codecs_alike[0], errors, read)
            for data, read, among in bytes_read(candidate)
            for (reading, _), codecs_alike in codecs_reading(
                data,
                allowed_in(text),
                written_in_order(text) + escaped_characters(data),
                among,
                read_wrongly(text),
            ).items()
            for errors in handlers_shown(codecs_alike[0], reading, text)
        ]
    return IN_CODECS[candidate]


def bytes_read(candidate: str) -> "list[tuple[bytes, str, tuple[str, ...]]]":
    """The bytes ``candidate`` may be of a codec: those it stands for, read
    in any of CODECS; and where it is mojibake, those a reading of
    MISREADINGS read as its characters, in one of ARABIC_CODECS (with the
    reading)."""
    data = encoded(candidate)
    found = [] if data is None else [(data, "", CODECS)]
    misread = {}  # by the bytes read: the readings that read them alike
    if not candidate.isascii():
        for _, _, read in MISREADINGS:
            try:
                misread.setdefault(bytes_read_as(read, candidate), read)
            except UnicodeEncodeError:  # a character the reading writes of no byte
                continue
    # Bytes that both readings read alike are tried once (the other named
    # with it, by ``writing_alike``).
    return found + [(each, read, ARABIC_CODECS) for each, read in misread.items()]


def handlers_shown(codec: str, reading: str, text: str) -> "list[str]":
    """The error handlers that may have written ``reading`` in ``codec``:
    their mark in it, and no character but theirs and those that a display
    order of what the known changes make of ``text`` may hold."""
    foreign = characters(reading) - shown_characters(text)
    handlers = ["strict"] if codec in HOLDING_ALL else HANDLER_NAMES
    return [
        errors
        for errors in handlers
        if HANDLER_WRITES[errors][0] in reading
        and foreign.issubset(HANDLER_WRITES[errors][1])
    ]


@functools.lru_cache(maxsize=4)
def unsaved_characters(text: str) -> "frozenset[str]":
    """The characters a text a saving is made of may hold: those a display
    order of what the known changes make of ``text`` may, and surrogates,
    as a line folded in bytes leaves a character cut in two (each byte of
    it kept as one, by ``as_text``; half a pair, by CESU-8 undone)."""
    return shown_characters(text).union(map(chr, range(0xD800, 0xE000)))


@functools.lru_cache(maxsize=4)
def allowed_in(text: str) -> "frozenset[str]":
    """The characters a text read in a codec may hold: those a display
    order of what the known changes make of ``text`` may, and those an
    error handler writes."""
    written = "".join(every for _, every in HANDLER_WRITES.values())
    return shown_characters(text).union(written)


@functools.lru_cache(maxsize=4)
def read_wrongly(text: str) -> str:
    """The characters that a wrong reading writes of those text changes
    make of ``text`` (``written_in_order``), but those: a text saved in a
    code page may hold them (mojibake, saved again)."""
    written = written_in_order(text)
    read = set().union(*(change.make(written) for change in BY_STAGE["reading"]))
    return "".join(sorted(read.difference(written)))


@functools.lru_cache(maxsize=4)
def written_in_order(text: str) -> str:
    """The characters that a text change the search makes of ``text`` (not a
    wrong reading: its Latin letters, which a code page may hold or not,
    would make most code pages a group of one) makes of it, and local
    changes write of them, in order: what codecs that read a copy alike are
    told apart by."""
    depth = min(1, deepest(text)) if searched_in_full(text) else 0
    made, known = bases_of(text, depth)
    characters = [
        known[base, False]
        for chain, base in made
        if not chain or chain[-1][0].stage != "reading"
    ]
    return "".join(sorted(written_of(frozenset().union(*characters), None)))


@functools.lru_cache(maxsize=None)  # a saving of the table's, or in a codec
def loses(saving: Change) -> bool:
    """Tell whether ``saving``, undone, gives some character back as another (?) or none."""
    return bool(saving.undo) and lost(saving, UNHELD) != UNHELD


# One search's: the characters of each text that no change of single
# characters replaces; and for a saving and a copy's bytes, the characters
# told to be written there by it, and those told not to be.
KEPT: "dict[str, frozenset[str]]" = {}
TOLD: "dict[tuple[str, bytes], tuple[set[str], set[str]]]" = {}


def writes_what_stays(saving: Change, base: str, written: bytes) -> bool:
    """Tell whether ``written`` holds what ``saving`` writes of each character
    of ``base`` that no change of single characters replaces: made forward
    on it, with such changes and characters inserted, it may write the copy.
    Each character is told once for a saving and a copy: the texts the
    changes of the whole text make share most."""
    if base not in KEPT:
        KEPT[base] = frozenset(characters(base) - LOCAL_BY_CHARACTER.keys())
    kept = KEPT[base]
    if (saving.key, written) not in TOLD:
        TOLD[saving.key, written] = (set(), set())
    shown, not_shown = TOLD[saving.key, written]
    if not kept.isdisjoint(not_shown):
        return False
    for char in sorted(kept - shown):
        if not shows_written(saving, written, char):
            not_shown.add(char)
            return False
        shown.add(char)
    return True


def shows_written(saving: Change, written: bytes, char: str) -> bool:
    """Tell whether ``written`` holds what ``saving`` writes of ``char``: its
    bytes among those of ``written`` first, as a search for what is not
    there reads all of it."""
    made = forward.output(saving, char)
    return bytes_of(written).issuperset(made) and made in written


@functools.lru_cache(maxsize=16)  # the copy, and what layers undone on it give
def bytes_of(written: bytes) -> "frozenset[int]":
    """The distinct bytes of ``written``."""
    return frozenset(written)


@functools.lru_cache(maxsize=4096)  # bases of one text have few sets of characters
def written_of(present: "frozenset[str]", saving: "Change | None") -> "frozenset[str]":
    """The characters that local changes, and ``saving``'s losses, may write of those ``present``."""
    return frozenset().union(*(written_from(char, saving) for char in present))


def may_make(base: str, candidate: str, saving: "Change | None") -> bool:
    """Tell whether local changes, and ``saving``'s losses, may make ``candidate``
    of ``base``: each character it has, they may write."""
    return holds_only(candidate, written_of(characters(base), saving))


# The most characters that changes of single characters (two, one made on
# what the other wrote) and a saving's loss (?? for a character outside the
# Basic Multilingual Plane, one a UTF-16 unit) write of one character.
MOST_WRITTEN_OF_ONE = (
    max(len(new) for change in LOCAL_CHANGES for new in change.table.values()) ** 2 * 2
)


def keeps_what_stays(base: str, candidate: str, saving: "Change | None") -> bool:
    """Tell whether ``candidate`` holds each character of the start of
    ``base`` that no change of single characters replaces, as ``saving``
    writes it: the start that, MOST_WRITTEN_OF_ONE characters a character,
    is written within the candidate's length, were it cut short there (a
    copy of ? has no Arabic letter a code page that holds them writes)."""
    start = base[: len(candidate) // MOST_WRITTEN_OF_ONE]
    held = characters(candidate, cut_short=True)
    return all(
        held.issuperset(lost(saving, char) if saving else char)
        for char in characters(start) - LOCAL_BY_CHARACTER.keys()
    )


def holds_only(candidate: str, written: "frozenset[str]") -> bool:
    """Tell whether ``candidate`` holds only characters ``written``, but for
    one cut short at its end.

    Its first characters are looked at first: where they are not, as in
    bytes that share nothing with the text, the rest is not read.
    """
    start = candidate[: min(64, max(0, len(candidate) - 3))]  # never its last three
    return written.issuperset(start) and written.issuperset(
        characters(candidate, cut_short=True)
    )


def characters_made(text: str) -> "set[frozenset[str]]":
    """The characters of each text that text changes make of ``text``, at
    each depth the search makes them to."""
    return {
        present
        for depth in range(deepest(text) + 1)
        for present in bases_of(text, depth)[1].values()
    }


@functools.lru_cache(maxsize=16)
def shown_characters(text: str) -> "frozenset[str]":
    """The characters a display order of what the known changes make of ``text`` may hold.

    What text changes make of it, and local changes write of that; then
    what the stages below the display order write of those: a wrong
    reading, characters inserted, shaping; brackets mirrored; and what a
    code page wrote for what it cannot hold.
    """
    written = set(written_of(frozenset().union(*characters_made(text)), None))
    for change in BY_STAGE["reading"]:
        written.update(*map(change.make, list(written)))
    return shown_of_written(written)


@functools.lru_cache(maxsize=4)
def shown_apart(text: str) -> "list[frozenset[str]]":
    """The characters a display order of each text the known changes make of
    ``text`` may hold: as ``shown_characters``, but of each text's
    characters that text changes make apart, and of a wrong reading of
    them or none, as a chain holds one of each.  A text of characters of
    two, such as bytes that no change writes read in a code page, holds
    no text's: Arabic letters and the signs that only mojibake writes.
    Only the sets no other holds are kept."""
    largest = maximal(characters_made(text))
    shown = set()
    for present in largest:
        written = written_of(present, None)
        shown.add(shown_of_written(written))
        for change in BY_STAGE["reading"]:
            shown.add(shown_of_written(change.make("".join(sorted(written)))))
    return maximal(shown)


def maximal(sets: "set[frozenset[str]]") -> "list[frozenset[str]]":
    """The sets of ``sets`` that no other of them holds all of."""
    return [each for each in sets if not any(each < other for other in sets)]


def shown_of_written(written: "Iterable[str]") -> "frozenset[str]":
    """The characters a display order of a text of characters ``written``
    may hold: those, characters inserted, presentation forms of their
    letters, brackets mirrored, and what a code page wrote for what it
    cannot hold."""
    shown = set(written)
    shown.update(ZERO_WIDTH, MARKS, "\ufeff")  # U+FEFF: FriBidi's lam of a lam-alef
    # What a code page undone on the copy gives for what it could not hold.
    shown.update(*(lost(saving, UNHELD) for saving in CODE_PAGES))
    letters_of = presentation_forms()[0]
    shown.update(
        form for form, letters in letters_of.items() if shown.issuperset(letters)
    )
    shown.update([char.translate(MIRRORED) for char in shown])
    return frozenset(shown)


# How many characters ``counts_bounded`` asks the bound of: those a copy
# holds most of (a few repeated tell a copy of junk; each bound costs).
COUNTED_MOST = 8
# Characters whose count ``limits.most_of`` does not bound: those put in,
# what a decoder writes for a byte it cannot read, and brackets (mirrored).
UNCOUNTED = frozenset(ZERO_WIDTH + MARKS + "\ufeff\ufffd" + "".join(map(chr, MIRRORED)))


def counts_bounded(candidate: str, text: str) -> bool:
    """Tell whether ``candidate`` holds no more of each character than the
    known changes make of ``text`` before a saving (``limits.most_of``), as
    a display order keeps how many of each a text holds: of the COUNTED_MOST
    characters it holds most of, its presentation forms read as their
    letters, those so bounded (``bounded``)."""
    counts = collections.Counter(unshaped(candidate))
    # As many as the text holds and 64 are within the bound, worked out for more.
    more = [
        (count, char)
        for char, count in counts.items()
        if count > 64 + text.count(char) and bounded(char)
    ]
    return all(
        count <= most_of(text, "saving", char)
        for count, char in heapq.nlargest(COUNTED_MOST, more)
    )


def bounded(char: str) -> bool:
    """Tell whether ``limits.most_of`` bounds how many of ``char`` a text
    holds: none of Latin-1, which a saving writes for what it cannot hold
    (a code unit cut to its low byte), nor of UNCOUNTED, nor a surrogate
    (a byte that is not UTF-8), nor a character of a decomposition (a
    composed letter, a presentation form)."""
    return (
        char > "\xff"
        and char not in UNCOUNTED
        and not "\ud800" <= char <= "\udfff"
        and not unicodedata.decomposition(char)
    )


@functools.lru_cache(maxsize=None)  # a pair of the table's changes, asked often
def interacts(one: Change, other: Change) -> bool:
    """Tell whether the order two local changes are made in matters: one
    replaces what the other writes, or both replace one character (alef
    unified and hamza unified, each writing U+0623 its own way)."""
    return bool(one.table.keys() & other.table.keys()) or any(
        chr(code) in "".join(second.table.values())
        for first, second in ((one, other), (other, one))
        for code in first.table
    )


def local_changes(base: str, candidate: str, saving: "Change | None") -> list:
    """The sets of local changes that make ``candidate`` of ``base``: (the changes in the order made, whether whole).

    Where the two first differ, each change that makes the character there
    what the candidate has is made to the whole text, after the changes
    already found or before one whose output it changes, and the search
    goes on from there; ``saving`` may also write what it cannot hold as it
    does.  A set that makes the start of the candidate, all of it, is cut
    short.  A candidate much shorter than the base is looked for in the
    base's start first (``START_OF``): the same sets, unless a text made of
    that start runs out before it differs from the candidate.
    """
    length = START_OF * len(candidate) + START_MORE
    if len(base) > length:
        found = changes_found(base[:length], candidate, saving, start=True)
        if found is not None:
            return found
    return changes_found(base, candidate, saving, start=False)


def changes_found(
    base: str, candidate: str, saving: "Change | None", start: bool
) -> "list | None":
    """``local_changes`` of ``base``, or, where ``start``, of a text's start
    ``base``: None where a text made of that start runs out before it
    differs from ``candidate``."""
    found, seen, pending = [], set(), [((), base)]
    made_of = {(): base}  # what each order of changes makes of the base

    def made_by(order: tuple) -> str:
        if order not in made_of:
            made_of[order] = order[-1].make(made_by(order[:-1]))
        return made_of[order]

    while pending and len(seen) < MOST_STATES:
        applied, state = pending.pop()
        if (frozenset(applied), state) in seen:
            continue
        seen.add((frozenset(applied), state))
        index = common_prefix(state, candidate)
        if start and index == len(state):
            return None  # made of the start, which ran out before it differed
        if index == len(state) == len(candidate):
            found.append((applied, True))
            continue
        if index and ends_in(state, candidate, index):  # holds something whole
            found.append((applied, False))
            continue
        char = state[index : index + 1]
        local = tuple(change for change in applied if change is not saving)
        # Changes that make the character there what the candidate has, or
        # what the saving writes of that, where it cannot hold it.
        seen_there = changes_there(char, candidate, index, saving)
        if not seen_there and not (saving and loses(saving)):
            # A change found before may have written the character there
            # over one it replaced, which another change, made before it,
            # would have made what the candidate has (alef unified, then
            # hamza unified): where nothing else does, that one.  Not where
            # a code page wrote ? for most characters: any change would do.
            seen_there = [
                change
                for replaced in written_over(char, local)
                for change in changes_there(replaced, candidate, index, saving)
            ]
        if not seen_there and saving in applied:
            # The saving wrote what it cannot hold as the character there: a
            # change made before it may have written one it holds instead,
            # which the candidate has (curly quotes straightened, then
            # ISO-8859-6 with ?), or removed it (harakat removed, then CP864
            # with ?, which writes ? for harakat too).
            seen_there = [
                change
                for replaced, change in held_instead(
                    saving, char, candidate[index : index + 1]
                )
                if candidate.startswith(change.make(replaced), index)
            ] + [
                change
                for change in REMOVING
                if change not in applied and char in removed_as(saving, change)
            ]
        # Two changes, one made on what the other wrote (LF into CRLF, then
        # LF into CR): made last, in that order.
        for first, second in pairs_there(char, candidate, index, saving):
            if first not in applied and second not in applied:
                order = local + (first, second)
                made = made_by(order)
                if saving in applied:
                    made, order = written_as(saving, made), order + (saving,)
                pending.append((order, made))
        for change in seen_there:
            if change in applied:
                continue
            # Made last, or before a change it interacts with.
            for place in range(len(local), -1, -1):
                if place == len(local) or interacts(change, local[place]):
                    order = local[:place] + (change,) + local[place:]
                    made = made_by(order)
                    if saving in applied:
                        made, order = written_as(saving, made), order + (saving,)
                    pending.append((order, made))
        loss = lost(saving, char) if saving and saving not in applied else char
        if loss != char and candidate.startswith(loss, index):
            pending.append((applied + (saving,), written_as(saving, state)))
    return found


# The local changes that remove characters, each with those it removes.
REMOVING = [change for change in LOCAL_CHANGES if "" in change.table.values()]


@functools.lru_cache(maxsize=None)  # a saving and a change of the table's
def removed_as(saving: Change, change: Change) -> "frozenset[str]":
    """What ``saving`` writes for each character ``change`` removes, where it
    cannot hold it (? and the like; nothing where it drops it)."""
    removed = [chr(code) for code, written in change.table.items() if not written]
    return frozenset(lost(saving, char) for char in removed) - set(removed)


def changes_there(
    char: str, candidate: str, index: int, saving: "Change | None"
) -> "list[Change]":
    """The local changes that make ``char`` what ``candidate`` has at
    ``index``, or what ``saving`` writes of that, where it cannot hold it."""
    return [
        change
        for change in LOCAL_BY_CHARACTER.get(char, ())
        if shows(candidate, index, change.make(char), saving)
        and not unseen(saving, char, change.make(char))
    ]


def pairs_there(
    char: str, candidate: str, index: int, saving: "Change | None"
) -> "list[tuple[Change, Change]]":
    """The pairs of local changes, the second made on what the first wrote,
    that make ``char`` what ``candidate`` has at ``index`` (or what
    ``saving`` writes of that, where it cannot hold it)."""
    return [
        (first, second)
        for first in LOCAL_BY_CHARACTER.get(char, ())
        for second in dict.fromkeys(  # each once, in the table's order
            change
            for written in first.make(char)
            for change in LOCAL_BY_CHARACTER.get(written, ())
        )
        if second is not first
        and shows(candidate, index, second.make(first.make(char)), saving)
        and not unseen(saving, char, second.make(first.make(char)))
    ]


def shows(candidate: str, index: int, made: str, saving: "Change | None") -> bool:
    """Tell whether ``candidate`` has ``made`` at ``index``, or what ``saving``
    writes of it, where it cannot hold it."""
    return candidate.startswith(made, index) or bool(
        saving and candidate.startswith(written_as(saving, made), index)
    )


def unseen(saving: "Change | None", char: str, made: str) -> bool:
    """Tell whether ``saving`` writes ``made``, what a change made of
    ``char``, as it writes ``char`` itself: a letter changed into another
    that a code page cannot hold either, both written ?.  Such a change is
    not looked for there (the saving alone writes what the copy has), only
    where it shows."""
    return bool(saving) and written_as(saving, made) == written_as(saving, char)


@functools.lru_cache(maxsize=None)  # a saving and two characters, asked often
def held_instead(saving: Change, loss: str, shown: str) -> "list[tuple[str, Change]]":
    """The characters that ``saving`` writes as ``loss``, as it cannot hold
    them, each with a change of single characters that writes of it a text
    that starts with ``shown`` instead."""
    return [
        (char, change)
        for char, changes in LOCAL_BY_CHARACTER.items()
        if char != loss and lost(saving, char) == loss
        for change in changes
        if shown and change.make(char).startswith(shown)
    ]


def written_over(char: str, local: tuple) -> "list[str]":
    """The characters that the local changes ``local`` replace with ``char``."""
    return [
        chr(code)
        for change in local
        for code, written in change.table.items()
        if written == char
    ]


def ends_in(state: str, candidate: str, index: int) -> bool:
    """Tell whether ``candidate`` ends at ``index``, where it first differs from ``state``, or in the character there."""
    rest = candidate[index:]
    if len(rest) > 3:
        return False
    try:
        return utf8(state[index : index + 1]).startswith(utf8(rest))
    except ValueError:  # a lone surrogate, which no byte stands for
        return False


def written_as(saving: Change, text: str) -> str:
    """``text`` with each character that ``saving`` cannot hold written as it writes it."""
    if (saving.key, text) not in WRITTEN:
        written = text
        for char in set(text):
            if lost(saving, char) != char:
                written = written.replace(char, lost(saving, char))
        WRITTEN[saving.key, text] = written
    return WRITTEN[saving.key, text]


def in_table_order(other: tuple, local: tuple) -> "list[tuple]":
    """Text changes as steps: in the table's order, where they commute, or else as found."""
    found = other + tuple((change, ()) for change in local)
    ordered = tuple(sorted(found, key=lambda step: CHANGES.index(step[0])))
    return [ordered, found] if ordered != found else [found]


# The most characters a text that a display order is undone on, or made of,
# may hold: the Bidirectional Algorithm, made here in Python, took over a
# second for the article repeated 36 times (140,000 characters), and a copy
# of the article is at most four times as long before its display order.
DISPLAY_MOST = 40_000
# What is undone on the copy of a text the search does not try in full: a
# saving, or a newline added at the end, which a codec undoes at once (an
# escape's undoing reads the copy in Python: 0.5 s for a long one).
LONG_LAYERS = [change for change in BY_STAGE["saving"] if change.undo] + [NEWLINE]
# A copy longer than READ_FROM characters is not undone as a display order
# where more than READS_IN_ORDER of the runs of characters of its first
# READ_SAMPLE are the expected text's, in its order.
READ_FROM, READ_SAMPLE, READS_IN_ORDER = 20_000, 2_000, 0.9
# A copy longer than TOLD_APART_FROM characters is undone as a display
# order only where one text the changes make may hold all its characters
# (``shown_apart``), and no more of each than they make (``counts_bounded``).
# Telling that takes up to 0.1 s a search: more than undoing the display
# orders of the article read as mojibake (7,165 characters: 70 ms more so),
# less than of it read so twice (14,590: 20 ms less).  A few characters
# repeated, read as hex digits or Base85 in code pages, gave texts of 24,000
# and 38,400 characters of a few Arabic letters: 0.2 s undone.  Such a text,
# of any length, is not reordered again where nothing explains the copy
# (0.15 s).
TOLD_APART_FROM = 8_000


def find_chains(
    text: str, actual: bytes, before: "dict[str, int] | None" = None
) -> "tuple[list[tuple], list[tuple]]":
    """Find the fewest known changes that make ``actual`` of ``text``.

    Returns the chains, in the order made, that make all of it, each made
    again to verify; where none does, those whose output ``actual`` is the
    start of.  Chains are tried by how many changes that are not local they
    hold, fewest first, so that what needs more is never worked out.  Of a
    text not searched in full (``searched_in_full``), local changes, and a
    saving or a newline added undone on the copy first (``saved_over``).
    ``before``: ``limit_before`` of the text by stage, where the caller
    knows it (the article's, pinned in check.py).
    """
    found = as_text(actual)
    UNDONE.clear()  # table's, as READ_AS
    READ_AS.clear()
    display_line.cache_clear()
    resolved_levels.cache_clear()
    forward.begin()
    KEPT.clear()
    TOLD.clear()
    LAYERED.clear()
    MADE.clear()
    CHARACTERS.clear()
    WRITTEN.clear()
    ENCODED.clear()
    SEEN.clear()
    SHOWING_FORMS.clear()
    IN_CODECS.clear()
    READ_FORWARD.clear()
    whole, cut_short = [], []
    if not searched_in_full(text):
        for candidate, chains in saved_over(found, text).items():
            add_made_locally(
                text, actual, (), text, candidate, chains, whole, cut_short
            )
        return fewest_named_alike(text, whole, cut_short)
    # By stage: each worked out only for a text over four times as long,
    # where the caller does not know it.
    limits = dict(before or {})

    def made_before(candidate: str, stage: str = "saving") -> bool:
        """Tell whether ``candidate`` is no longer than the known changes make
        of ``text`` before ``stage``: a saving (where its display order is
        made), or the escapes."""
        if len(candidate) <= 4 * len(text) + 64:
            return True  # within the limit, which need not be worked out
        if stage not in limits:
            limits[stage] = limit_before(text, stage)
        return len(candidate) <= limits[stage]

    def displayed(candidate: str) -> bool:
        """Tell whether ``candidate`` may be the display order of a text the known changes make.

        Such a text holds DISPLAY_MOST characters at most, no lone surrogate
        (a byte that is not UTF-8, half a pair), but in a character cut
        short at its end, only characters that the changes write of the
        text's, and is no longer than the changes make before a saving.
        Those are looked at first, as undoing a display order takes longer
        than them all.  A copy over READ_FROM characters whose start reads in
        the text's own order is none: undoing a display order of it would
        cost much and give nothing.
        """
        if len(candidate) > DISPLAY_MOST:
            return False
        if LONE_SURROGATE.search(candidate, 0, len(candidate) - 3):
            return False
        if not holds_only(candidate, shown_characters(text)):
            return False
        if len(candidate) > TOLD_APART_FROM and not (
            any(holds_only(candidate, shown) for shown in shown_apart(text))
            and counts_bounded(candidate, text)
        ):
            return False  # no one text the changes make holds as much
        if len(candidate) > READ_FROM and (
            share_read_alike(text, candidate[:READ_SAMPLE]) > READS_IN_ORDER
        ):
            return False  # a long copy that reads in the text's own order
        return made_before(candidate)

    undoing = undone_layers(
        found,
        displayed,
        lambda candidate: in_codecs_seen(candidate, text),
        lambda candidate: holds_only(candidate, unsaved_characters(text)),
        made_before,
    )
    most_other = deepest(text)
    levels, bases = [], []  # worked out as they are needed
    for count in range(MOST_CHANGES + 1):
        fewest = min(map(len, whole), default=MOST_CHANGES + 1)
        if fewest < count:
            break
        for depth in range(min(count, most_other) + 1):
            while len(levels) <= count - depth:
                levels.append(next(undoing))
            while len(bases) <= depth:
                bases.append(texts_made(text, len(bases)))
            level = levels[count - depth]
            for chain, base in bases[depth]:
                # As few as the fewest found: only with no local change, the same text.
                pairs = [(base, level[base])] if base in level else []
                pairs = pairs if fewest == count else level.items()
                for candidate, chains in pairs:
                    add_explanations(
                        text, actual, chain, base, candidate, chains, whole, cut_short
                    )
    # Reordering a copy again undoes no display order of every mixed text:
    # where nothing else explains the copy, each is made of the expected text,
    # and what was undone on the copy after it (a saving, an escape) made
    # again after it.  A copy of one character, repeated, is no mixed text:
    # reordered again, it gives the only text displayed so (brackets
    # mirrored), which the layers undone have tried; and a copy that holds
    # more of a character than the changes make (``counts_bounded``) is
    # a display order of none.
    after_display = []  # (candidate, the chains undone to it after a display order)
    for level in [] if whole else levels:
        for candidate, chains in level.items():
            undone = [chain for chain in chains if made_after_display(chain)]
            mixed = len(characters(candidate)) > 1
            if (
                undone
                and mixed
                and displayed(candidate)
                and counts_bounded(candidate, text)
            ):
                after_display.append((candidate, undone))
    for chain, base in shown_of(bases, after_display):
        for change in BY_STAGE["display"]:
            shown = display_made(change, base)
            for candidate, chains in after_display:
                add_explanations(
                    text,
                    actual,
                    chain + ((change, ()),),
                    shown,
                    candidate,
                    chains,
                    whole,
                    cut_short,
                )
    # Lines wrapped, where no chain found is as short as one that wraps them.
    fewest = min(map(len, whole), default=MOST_CHANGES + 2)
    wrapping = min(WRAPPED_LAYERS + 1, fewest - 1)  # how many levels may be
    while len(levels) < wrapping:
        levels.append(next(undoing))
    while len(bases) <= WRAPPED_OTHER:
        bases.append(texts_made(text, len(bases)))
    unwrap(text, actual, levels[:wrapping], bases, whole, cut_short)
    if not whole:
        read_forward(text, actual, whole)
    return fewest_named_alike(text, whole, cut_short)


def fewest_named_alike(text: str, whole: list, cut_short: list) -> "tuple[list, list]":
    """The chains of the fewest changes (``fewest_of``), whole ones with
    those that save in another codec or write other parts alike: those are
    as long, and are made again only of the chains that are named."""
    whole, cut_short = fewest_of(whole, cut_short)
    return escapes_alike(text, in_codecs_alike(text, whole)), cut_short


def texts_made(text: str, depth: int) -> list:
    """``bases_of(text, depth)``'s texts, their characters known to ``characters``."""
    made, known = bases_of(text, depth)
    CHARACTERS.update(known)
    return list(made)


def saved_over(found: str, text: str) -> "dict[str, list[tuple]]":
    """The copy as it is, and with each saving of LONG_LAYERS, or in a codec
    its bytes show, undone on it, each with the chains undone: what the
    search tries on a text it does not search in full (``searched_in_full``),
    local changes made to the text before."""
    level = {found: [()]}
    for change in LONG_LAYERS + in_codecs_seen(found, text):
        result = undone(change, found)
        if result:
            level.setdefault(result[0], []).append(((change, result[1]),))
    return level


def in_codecs_alike(text: str, chains: list) -> list:
    """``chains``, and where one saves in a codec, the same with each other
    codec that writes the same bytes there, with the same error handler:
    the search tries one of the codecs that read the copy alike, and the
    report names them together."""
    alike = []
    for chain in chains:
        for index, (change, _) in enumerate(chain):
            if change not in SAVED_IN:
                continue
            before = made_text(text, chain[:index])
            for saving in writing_alike(before, *SAVED_IN[change]):
                if saving is not change:
                    alike.append((*chain[:index], (saving, ()), *chain[index + 1 :]))
    return chains + [chain for chain in dict.fromkeys(alike) if chain not in chains]


def escapes_alike(text: str, chains: list) -> list:
    """``chains``, and where one writes an escape of parts, the same with
    each other parts that write the same bytes there (``notations.alike``):
    the report names them together."""
    alike = []
    for chain in chains:
        for index, (change, form) in enumerate(chain):
            if change.key != "escaped":
                continue
            before = made_text(text, chain[:index])
            for parts in [] if before is None else notations.alike(before, form):
                step = (escaped_in(parts[0]), parts)
                alike.append((*chain[:index], step, *chain[index + 1 :]))
    return chains + [chain for chain in dict.fromkeys(alike) if chain not in chains]


@functools.lru_cache(maxsize=64)  # many chains found share the text saved
def writing_alike(before: str, codec: str, errors: str, read: str) -> "list[Change]":
    """The savings in each codec that writes ``before`` as ``codec`` does,
    with ``errors`` and the reading ``read`` or, where there is one, another:
    of those that hold just the characters of it that ``codec`` holds, those
    whose output is the same."""
    characters = "".join(sorted(set(before)))
    held = [each is None for each in written_in(codec, characters)]
    written = codec_saving(codec, errors, read).make(before)
    readings = [each for _, _, each in MISREADINGS] if read else [""]
    savings = []
    for other, reading in itertools.product(CODECS, readings):
        if (other, errors, reading) not in CODEC_KEY_OF:
            continue  # strictly, of a codec that cannot hold all
        if [each is None for each in written_in(other, characters)] != held:
            continue
        saving = codec_saving(other, errors, reading)
        if saving.make(before) == written:
            savings.append(saving)
    return savings


def fewest_of(whole: list, cut_short: list) -> "tuple[list, list]":
    """Of the chains found, those of the fewest changes: whole, else cut short."""
    chains = whole or cut_short
    fewest = min(map(len, chains), default=0)
    chains = [chain for chain in chains if len(chain) == fewest]
    return (chains, []) if whole else ([], chains)


@functools.lru_cache(maxsize=64)  # the expected text's, made again for each copy
def display_made(change: Change, base: str) -> str:
    """What ``change``, a display order, makes of ``base``, a text the
    changes of the whole text make of the expected text."""
    return change.make(base)


def shown_of(bases: list, after_display: list) -> "list[tuple]":
    """The texts a display order is made of, where nothing else explains the
    copy: the expected text, and of the texts one text change makes of it,
    those that hold just the characters of a copy undone, or else the one
    nearest it where nearer than the text, each as the saving undone on the
    copy wrote it (a display order reorders characters, mirrors brackets
    and may put in marks: those are not counted); then what changes of
    single characters that it does not make the same after make of those
    (``turned``)."""
    if not after_display:
        return []
    text = bases[0][0][1]
    # Each candidate, counted, and the savings undone to it (None: no saving).
    held = [
        (
            counted(candidate),
            {
                next((change for change, _ in chain if change.stage == "saving"), None)
                for chain in chains
            },
        )
        for candidate, chains in after_display
    ]

    def nearest(made: collections.Counter) -> "list[int]":
        """How far each candidate is from a text counted ``made``, saved as it was."""
        saved = {
            saving: as_saved(made, saving) if saving else made
            for saving in set().union(*(savings for _, savings in held))
        }
        return [
            min(apart(each, saved[saving]) for saving in savings)
            for each, savings in held
        ]

    # The text; the bases that hold just a candidate's characters, or else
    # the one nearest a candidate, where nearer than the text.
    from_text = nearest(counted(text))
    one_change = [
        made for made in (bases[1] if len(bases) > 1 else []) if made[1] != text
    ]
    near = [nearest(counted(base)) for _, base in one_change]
    same = [made for made, far in zip(one_change, near) if 0 in far]
    nearer = [
        (min(each - other for each, other in zip(far, from_text)), number)
        for number, far in enumerate(near)
    ]
    closest, number = min(nearer, default=(0, None))
    chosen = [bases[0][0]] + (same or ([one_change[number]] if closest < 0 else []))
    # Shaped, where a candidate shows shaping, and each form it holds is
    # one of a letter that those chosen hold, or local changes write of them.
    written = written_of(
        frozenset().union(*(characters(base) for _, base in chosen)), None
    )
    shaped = any(
        shows_shaping(candidate, text) and written.issuperset(letters_shown(candidate))
        for candidate, _ in after_display
    )
    if shaped and len(text) <= SHAPED_MOST:
        letters = [counted(unshaped(candidate)) for candidate, _ in after_display]
        chosen += shaped_nearest(chosen, letters, nearest)
    counts = [each for each, _ in held]
    return chosen + [
        (in_stage_order(chain), made)
        for each in chosen
        for chain, made in turned(*each, counts, nearest)
    ]


def in_stage_order(chain: tuple) -> tuple:
    """``chain``, its steps in the order of their stages: the changes of
    single characters that ``turned`` makes after a shaping, which write
    and replace characters that join neither way, are made before it alike."""
    return tuple(sorted(chain, key=lambda step: STAGES.index(step[0].stage)))


# The most characters of a text whose shapings a display order is made of
# (``shaped_nearest``): shaping costs some 0.5 microseconds a character, and
# each of four is made of two texts, then the nearest reordered; a text of
# 15,600 characters took 0.35 s where the copy named nothing (0.24 s without).
SHAPED_MOST = 8_000


def shaped_nearest(chosen: list, letters: list, nearest) -> "list[tuple]":
    """Of what the shapings make of each text ``chosen``, with its chain and
    the shaping, the one nearest a candidate (those as near, each): a
    display order of a shaped text, saved where the saving cannot hold every
    presentation form (CP864), where a candidate shows forms.  And what
    that shaping makes after changes of single characters (``respelled``)
    that hold just a candidate's characters."""
    nearest_shaped = []
    for chain, base in chosen:
        shaped = [(chain + ((change, ()),), change.make(base)) for change in SHAPINGS]
        far = [min(nearest(counted(made)), default=0) for _, made in shaped]
        for made, each in zip(shaped, far):
            if each == min(far):
                nearest_shaped.append(made)
                nearest_shaped += respelled(chain, base, made, each, letters, nearest)
    return nearest_shaped


def respelled(
    chain: tuple, base: str, shaped: tuple, far: int, letters: list, nearest
) -> "list[tuple]":
    """What changes of single characters made before the shaping of
    ``shaped`` (the chain to it and its text, ``far`` from the nearest
    candidate) make of ``base``, shaped, each once and in any order: of
    those that leave the fewest of a candidate's letters unwritten (its
    forms counted as letters in ``letters``), each whose text holds just a
    candidate's characters, as saved.  Only those that write a letter some
    candidate holds more of than ``base`` are made (alef unified, then
    shaped: more alefs' forms); their letters are counted from ``base``'s,
    and only those chosen are shaped."""
    start = counted(base)
    more = set().union(*(each - start for each in letters))
    changes = [
        change
        for change in LOCAL_CHANGES
        if change not in TURNING and more.intersection("".join(change.table.values()))
    ]
    made = in_any_order(
        start, changes, recounted, lambda counts: frozenset(counts.items())
    )
    unwritten = {
        applied: min(sum((each - counts).values()) for each in letters)
        for applied, counts in made.items()
    }
    fewest = min(unwritten.values())
    shaping = shaped[0][-1]
    found = []
    for applied, each in unwritten.items():
        if each > fewest or each == unwritten[()]:
            continue
        steps = tuple((change, ()) for change in applied)
        text = shaping[0].make(made_text(base, steps))
        if min(nearest(counted(text)), default=0) == 0 < far:
            found.append((chain + steps + (shaping,), text))
    return found


def turned(chain: tuple, base: str, held: list, nearest) -> "list[tuple]":
    """What changes of single characters that a display order does not make
    the same after (TURNING) make of ``base``, each once and in any order,
    with ``chain`` and them: those that hold just a candidate's characters,
    or else the one nearest a candidate, where nearer than ``base``.  Only
    the changes that write a character some candidate, counted in
    ``held``, holds more of than ``base`` are made; their characters are
    counted from ``base``'s, each change made on the counts, and only those
    chosen are made."""
    start = counted(base)
    more = set().union(*(each - start for each in held))
    turning = [
        change
        for change in TURNING
        if more.intersection("".join(change.table.values()))
    ]
    made = in_any_order(
        start, turning, recounted, lambda counts: frozenset(counts.items())
    )
    far = {applied: nearest(counts) for applied, counts in made.items()}
    same = [applied for applied, each in far.items() if applied and 0 in each]
    if not same:
        closest = min(far, key=lambda applied: min(far[applied], default=0))
        if min(far[closest], default=0) < min(far[()], default=0):
            same = [closest]
    steps = [tuple((change, ()) for change in applied) for applied in same]
    return [(chain + each, made_text(base, each)) for each in steps]


def in_any_order(start, changes: list, make, alike=lambda state: state) -> dict:
    """What ``changes`` make of ``start`` (a text, or what stands for one),
    each once and in any order, by the changes made, fewest first; each
    made by ``make(state, change)``.  A change that makes nothing new is
    not made, and of the orders that make the same (``alike``) with the
    same changes, one goes on."""
    made = {(): start}
    pending, seen = [()], set()
    while pending:
        applied = pending.pop(0)
        for change in (change for change in changes if change not in applied):
            state = make(made[applied], change)
            key = (frozenset(applied + (change,)), alike(state))
            if state != made[applied] and key not in seen:
                seen.add(key)
                made[applied + (change,)] = state
                pending.append(applied + (change,))
    return made


def recounted(counts: collections.Counter, change: Change) -> collections.Counter:
    """The characters counted in ``counts`` as ``change``, of single characters, writes them."""
    made = counts.copy()
    for code, written in change.table.items():
        count = made.pop(chr(code), 0)
        for char in written.translate(MIRRORED_AS_ONE) if count else "":
            made[char] += count
    return made


# The texts the expected text's changes make, counted for each copy.
@functools.lru_cache(maxsize=64)
def counted(text: str) -> collections.Counter:
    """How many of each character ``text`` holds, brackets and marks as a
    display order leaves them (kept: not to be changed)."""
    return collections.Counter(text.translate(MIRRORED_AS_ONE))


def as_saved(made: collections.Counter, saving: Change) -> collections.Counter:
    """The characters counted in ``made`` as ``saving`` writes them, undone."""
    saved = collections.Counter()
    for char, count in made.items():
        for each in lost(saving, char):
            saved[each] += count
    return saved


def apart(one: collections.Counter, other: collections.Counter) -> int:
    """How many characters one of the two holds more of than the other."""
    return sum((one - other).values()) + sum((other - one).values())


def unwrap(
    text: str, actual: bytes, levels: list, bases: list, whole: list, cut_short: list
) -> None:
    """Add the chains that wrap lines: the line breaks put in are taken out of
    the copy, with the layers of ``levels`` undone, where it has more
    lines than a text that WRAPPED_OTHER text changes make (the guide) and
    as much else, and the search goes on from the lines unwrapped.  Local
    changes of whitespace alone (line breaks turned into spaces, LF into
    CRLF) may have been made to the text before the wrapping, and no other:
    each text they make of it is a guide too."""
    guides = [  # each base, and the guides it may give (with how many changes)
        (
            chain,
            base,
            [(guide, made, *lines(guide)) for guide, made in spaced(base, depth)],
        )
        for depth in range(WRAPPED_OTHER + 1)
        for chain, base in bases[depth]
    ]
    # A break put in is a byte more at most, and a character four bytes at
    # most: a candidate longer than this is none.
    longest = 4 * max(len(base) for _, base, _ in guides)
    longest += most_breaks(longest)
    for undone, level in enumerate(levels):
        for candidate, chains in level.items():
            if len(candidate) > longest:  # a character is a byte or more
                continue
            broken, rest = lines(candidate)
            for chain, base, spacings in guides:
                for guide, spacing, own, other in spacings:
                    # The fewest changes a chain this way holds: the text's,
                    # those of whitespace, the wrapping and the layers
                    # undone; none longer than the shortest found is worked out.
                    fewest = len(chain) + spacing + 1 + undone
                    found = (
                        not any(len(each) < fewest for each in whole)
                        and other is not None
                        and other == rest
                        and own < broken
                        and broken - own <= lines_broken_at_most(candidate)
                        and unwrapped(candidate, guide)
                    )
                    if found:
                        before, key, form = found
                        layers = [
                            ((CHANGES_BY_KEY[key], form),) + each for each in chains
                        ]
                        add_explanations(
                            text, actual, chain, base, before, layers, whole, cut_short
                        )


def spaced(base: str, depth: int) -> "list[tuple[str, int]]":
    """``base``, then what local changes of whitespace alone make of it, each
    once and in any order, where no other text change made it (``depth``
    0): each text once, with the fewest changes that make it."""
    changes = SPACING if not depth else []
    made = in_any_order(base, changes, lambda text, change: change.make(text))
    fewest: dict[str, int] = {}
    for applied, text in made.items():  # fewest first
        fewest.setdefault(text, len(applied))
    return list(fewest.items())


# A saving made on a start of a text gives what it gives made on the whole,
# but for the last few characters' bytes, which a reading as UTF-8 may join
# to the bytes after them (three bytes, written as up to three U+FFFD).
START = 64  # characters of a text a saving made forward is tried on first
TAIL = 16  # bytes at the end of its output there that may differ


def may_start(saving: Change, base: str, actual: bytes) -> bool:
    """Tell, from a start of ``base``, whether ``saving`` made on it may give
    ``actual`` or an output that ``actual`` starts."""
    if len(base) <= START:
        return True
    start = forward.output(saving, base[:START])
    return common_prefix(start, actual) >= min(len(actual), len(start) - TAIL)


# One search's: what each chain of changes makes of the text, and what
# layers make of each text they are made over.
MADE: "dict[tuple[str, tuple], str | None]" = {}
LAYERED: "dict[tuple[bytes | None, tuple], bytes | None]" = {}


def made_text(text: str, steps: tuple) -> "str | None":
    """What ``steps`` make of ``text``, as ``remade`` makes it but as text;
    each start of a chain made once in a search (many chains share one)."""
    if not steps:
        return text
    if (text, steps) not in MADE:
        before = made_text(text, steps[:-1])
        change, form = steps[-1]
        try:
            made = None if before is None else as_text(change.make(before, *form))
        except ValueError:  # a character that a saving cannot hold
            made = None
        MADE[text, steps] = made
    return MADE[text, steps]


def remade_once(text: str, steps: tuple) -> "bytes | None":
    """``remade(text, steps)``, each start of the chain made once in a search."""
    made = made_text(text, steps)
    try:
        return None if made is None else utf8(made)
    except ValueError:  # a lone surrogate, which no byte stands for
        return None


def layered(made: "bytes | None", layers: tuple) -> "bytes | None":
    """What ``layers`` make of ``made`` (None: nothing), as ``remade`` would:
    many chains of changes of single characters give the same text."""
    if (made, layers) not in LAYERED:
        LAYERED[made, layers] = (
            made if made is None or not layers else remade(as_text(made), layers)
        )
    return LAYERED[made, layers]


# An escape writes one character as this many bytes at most (\U0001F1E8):
# a copy cut short may end within one, undone as it is.
ESCAPE_MOST = 10


def gives(text: str, steps: tuple, candidate: str, complete: bool) -> bool:
    """Tell whether ``steps`` make of ``text`` the ``candidate`` that the
    copy was undone to, or, cut short, a text that starts with it but for
    an escape cut within: the layers undone, made over it, may then give
    the copy (made again only then: an escape costs more)."""
    made, wanted = remade_once(text, steps), encoded(candidate)
    if made is None or wanted is None:
        return False
    if complete:
        return made == wanted
    return common_prefix(made, wanted) >= len(wanted) - ESCAPE_MOST


def add_explanations(
    text: str,
    actual: bytes,
    chain: tuple,
    base: str,
    candidate: str,
    chains: list,
    whole: list,
    cut_short: list,
) -> None:
    """Add to ``whole`` and ``cut_short`` the chains that make ``actual`` of ``text`` by way of ``base`` and ``candidate``.

    ``chain`` makes ``base`` of ``text``; each of ``chains`` undid the copy
    to ``candidate``; local changes between the two, made again to verify.
    Savings that cannot be undone are made to ``base`` where no layer is.
    """
    add_made_locally(text, actual, chain, base, candidate, chains, whole, cut_short)
    add_made_forward(text, actual, chain, base, candidate, chains, whole, cut_short)


def savings_undone(chains: list) -> "set[Change | None]":
    """The savings undone on the copy by each of ``chains`` (None: none)."""
    return {
        next((c for c, _ in layers if c.stage == "saving"), None) for layers in chains
    }


def add_made_locally(
    text: str,
    actual: bytes,
    chain: tuple,
    base: str,
    candidate: str,
    chains: list,
    whole: list,
    cut_short: list,
) -> None:
    """Add the chains that local changes, made to ``base``, and ``chains``
    made over it (the savings among them writing what they cannot hold as
    they do) make ``actual`` of: as ``add_explanations``."""
    for saving in savings_undone(chains):
        if not may_make(base, candidate, saving):
            continue  # a character no local change or loss writes
        if not keeps_what_stays(base, candidate, saving):
            continue  # a character none replaces, not in the candidate
        for changes, complete in local_changes(base, candidate, saving):
            changes = tuple(change for change in changes if change is not saving)
            orders = in_table_order(chain, changes)
            if not saving:
                orders = [
                    each for each in orders if gives(text, each, candidate, complete)
                ]
            for layers in chains:
                for made_first in orders:
                    steps = made_first + layers
                    if not complete and not holds_a_character(text, steps, actual):
                        continue
                    made = layered(remade_once(text, made_first), layers) or b""
                    longer = len(made) > len(actual) and made.startswith(actual)
                    if made == actual if complete else longer:
                        (whole if complete else cut_short).append(steps)
                        break


def add_made_forward(
    text: str,
    actual: bytes,
    chain: tuple,
    base: str,
    candidate: str,
    chains: list,
    whole: list,
    cut_short: list,
) -> None:
    """Add the chains that make ``actual`` with a saving that cannot be
    undone, made forward to ``base`` and local changes made to it, where
    no layer of ``chains`` is a saving: as ``add_explanations``."""
    # Made, not undone, where the copy as it is may be their output: with
    # U+FFFD, as a code page's Arabic bytes are never UTF-8; bytes cut short.
    # An escape, or a newline added, may have been undone after them; and
    # after the text as it is, a saving that loses nothing.
    read = any(change.stage == "reading" for change, _ in chain)
    for layers in chains:
        stages = {"escape"} if not read else {"escape", "saving"}
        if not all(
            change.stage in stages and not loses(change) or change is NEWLINE
            for change, _ in layers
        ):
            continue
        written = encoded(candidate) if layers else actual
        if written is None:  # a lone surrogate, which no byte stands for
            continue
        saved = any(change.stage == "saving" for change, _ in layers)
        for saving in [] if saved else savings_seen(candidate, text):
            if read and any(writes_back(saving, change) for change, _ in chain):
                continue  # (only a wrong reading is written back)
            cut = chain and not layers and not saving.undo  # as no layer undoes it
            if cut and may_start(saving, base, written):
                made = forward.output(saving, base)
                if made.startswith(actual) and len(made) > len(actual):
                    cut_short.append(chain + ((saving, ()),))
            # Whole, with the changes found made before the saving; or else,
            # where the chain ends in a wrong reading, before the reading,
            # where nothing else explains the copy (``read_forward``).
            made = writes_what_stays(saving, base, written) and made_forward(
                text, actual, chain, base, saving, written, layers, whole
            )
            if not made and chain[-1:] and chain[-1][0].stage == "reading":
                READ_FORWARD[chain, saving, written, layers] = None
        for saving in [] if saved else savings_showing_forms(candidate, text):
            for shaping in shaped_before(saving, candidate, written, chain, base):
                shaped = forward.made_then(shaping, saving)
                steps = ((shaping, ()), (saving, ()))
                if made_forward(
                    text, actual, chain, base, shaped, written, layers, whole, steps
                ):
                    continue
                # Cut short, of the text as it is (each shaping made once):
                # what they make of it, as no layer undoes it.
                if not layers and not chain and may_start(shaped, base, written):
                    made = remade_once(text, steps) or b""
                    if made.startswith(actual) and len(made) > len(actual):
                        cut_short.append(steps)
        if read:
            made_forward(
                text, actual, chain, base, forward.AS_IT_IS, written, layers, whole, ()
            )


SHAPINGS = BY_STAGE["shaping"]
SHAPED_AT = STAGES.index("shaping")
# Shaping is made forward with a saving after one change of the whole text
# at most: a shaped copy in CP864 with changes of single characters and a
# byte edited, which names nothing, took 0.45 s after two (0.33 s without
# shaping made forward), as each of 43 texts was made forward four times.
SHAPED_AFTER = 1


def savings_showing_forms(candidate: str, text: str) -> "list[Change]":
    """Of the savings made forward that ``candidate`` may be the output of
    (``savings_seen``), those in a code page that loses and, undone on it,
    show presentation forms: shaping may have been made before them."""
    if candidate not in SHOWING_FORMS:
        SHOWING_FORMS[candidate] = [
            saving
            for saving in savings_seen(candidate, text)
            if loses(saving) and shows_forms(undone(saving, candidate)[0])
        ]
    return SHOWING_FORMS[candidate]


def shaped_before(
    saving: Change, candidate: str, written: bytes, chain: tuple, base: str
) -> "list[Change]":
    """The shapings that may have been made to ``base``, after ``chain``,
    before ``saving``, which wrote ``candidate`` (``written``, its bytes)
    and shows presentation forms (``savings_showing_forms``): each, where
    the saving's output of ``base`` is about as long, and the letters of
    those forms are what local changes may write of ``base``.  What such a
    saving cannot hold is a form, not a letter (CP864 holds some of each
    letter's), so that a loss is not undone letter by letter: shaping is
    made forward with the saving."""
    if len(chain) > SHAPED_AFTER or any(
        STAGES.index(change.stage) > SHAPED_AT for change, _ in chain
    ):
        return []
    if not forward.fits(forward.made_then(SHAPINGS[0], saving), base, written):
        return []  # the shapings' outputs are about as long as each other
    letters = unshaped(undone(saving, candidate)[0])
    return SHAPINGS if may_make(base, letters, saving) else []


@functools.lru_cache(maxsize=16)  # what the savings undone on a copy give
def shows_forms(text: str) -> bool:
    """Tell whether ``text`` holds a presentation form."""
    return re.search(PRESENTATION_FORMS, text) is not None


def shows_shaping(candidate: str, text: str) -> bool:
    """Tell whether ``candidate`` may be a shaped copy of ``text``: it holds
    presentation forms for a quarter of the text's letters that have them at
    least, not a stray one (a byte that a code page reads as a form)."""
    if not shows_forms(candidate):
        return False
    forms = len(re.findall(PRESENTATION_FORMS, candidate))
    return 4 * forms >= shaped_letters(text)


def letters_shown(candidate: str) -> "frozenset[str]":
    """The letters of the presentation forms ``candidate`` holds."""
    forms = re.findall(PRESENTATION_FORMS, "".join(characters(candidate)))
    return frozenset(unshaped("".join(sorted(forms))))


@functools.lru_cache(maxsize=4)
def shaped_letters(text: str) -> int:
    """How many of the letters of ``text`` shaping writes as a presentation form."""
    formed = frozenset("".join(presentation_forms()[0].values()))
    return sum(count for char, count in counted(text).items() if char in formed)


@functools.lru_cache(maxsize=16)
def unshaped(text: str) -> str:
    """``text`` with its presentation forms written as their letters."""
    return SHAPINGS[0].undo(text)


def read_forward(text: str, actual: bytes, whole: list) -> None:
    """Add to ``whole`` the chains of READ_FORWARD that make ``actual``: the
    wrong reading that ends each made forward with the saving, and the
    changes of single characters found made before the reading."""
    forward.more()
    for chain, saving, written, layers in READ_FORWARD:
        *before, reading = chain
        first = made_text(text, tuple(before))
        both = forward.made_then(reading[0], saving)
        if forward.fits(both, first, written) and writes_what_stays(
            both, first, written
        ):
            made_forward(
                text,
                actual,
                tuple(before),
                first,
                both,
                written,
                layers,
                whole,
                (reading, (saving, ())),
            )


def made_forward(
    text: str,
    actual: bytes,
    chain: tuple,
    base: str,
    saving: Change,
    written: bytes,
    layers: tuple,
    whole: list,
    saved: "tuple | None" = None,
) -> bool:
    """Add to ``whole`` the chains that make ``actual`` of ``text`` by way of
    ``base``, the changes found before ``saving`` and ``saving``, made
    forward, and ``layers``, undone on the copy to ``written``; tell
    whether one is.  ``saved``: the steps ``saving`` stands for, itself by
    default (none for the text as it is, ``forward.AS_IT_IS``; a wrong
    reading and a saving, for ``forward.made_then``)."""
    before = forward.made_before(saving, base, written)
    local = tuple(change for change, _ in before or () if change.table)
    inserted = before[len(local) :] if before else ()
    saved = ((saving, ()),) if saved is None else saved
    for made_first in in_table_order(chain, local) if before is not None else ():
        steps = made_first + inserted + saved
        if layered(remade_once(text, steps), layers) == actual:
            whole.append(steps + layers)
            return True
    return False
