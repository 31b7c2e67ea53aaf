"""The limits: how large a copy the known changes can make of a text.

A copy larger than ``size_limit(text)`` is only said to be too long, so
that no search starts on it; ``limit_before`` bounds what is undone on a
copy: the text before its escapes, and before its saving (where a display
order is made).  Both are bounded character by character, from what each
change makes of each character alone in its widest form, through the
chains the search tries (see ``table.MOST_CHANGES`` and ``MOST_OTHER``);
then what is added once, and what wrapping and indenting add to lines.
"""

import collections
import functools

from .layout import INDENTED, MARKS, most_breaks
from .savings import HOLDING_ALL
from .table import (
    BY_STAGE,
    LOCAL_CHANGES,
    MOST_CHANGES,
    MOST_OTHER,
    OTHER_TEXT_CHANGES,
    STAGES,
    WRAPPED_LAYERS,
    WRAPPED_OTHER,
    Change,
    codec_saving,
)
from .text import as_text, common_prefix, utf8

MOST_MADE: "dict[tuple, int]" = {}  # by character, stage, layers left and end
MADE: "dict[tuple[str, str], str | None]" = {}  # by change's key and character
# Of the savings in a codec (``table.codec_saving``), those that write the
# most of a character: where ASCII cannot hold it, the handlers that write
# it out as an escape, and the codecs that hold every character, UTF-7's
# runs of Base64 among them.
WIDEST_IN_CODECS = [
    codec_saving("ascii", errors)
    for errors in ("xmlcharrefreplace", "backslashreplace")
] + [codec_saving(codec) for codec in HOLDING_ALL]
# Counted where it is the only change but those of single characters, and
# a newline after it: namereplace, whose names run to 90 bytes a
# character (half what the other changes make of one, at most).  Counted
# after other changes, it took the article's limit from 380,551 to 585,648
# bytes (mojibake, each letter two or three names); with an escape over it
# (a hexdump of the names) to 1,689,473, where random bytes took 0.57 s and
# escapes of many notations 0.86 s.  Such a copy within the limit is named.
ONLY_IN_CODECS = [codec_saving("ascii", "namereplace")]
# What a change makes of a character within a longer text, where it makes
# more of one alone: a mail header's encoded words write a whole word of
# one (=?utf-8?q?=D8=A7?=).  In a long text, each byte of UTF-8 is Q's
# escape (=D8) and its share of what a word writes of its own (=?utf-8?q?,
# ?=, the fold), 14 characters for 52 of escapes at least: four characters
# a byte at most, Base64's fewer.  Stand-ins of as many characters: the
# escapes are the last layer, and only counted.
IN_A_LONG_TEXT = {"encoded-words": lambda char: "=XX-" * len(utf8(char))}
LAYER_STAGES = [  # each change of these makes each character alone; display only
    # reorders, and layout adds to lines (see ``layout_added``)
    BY_STAGE[stage] + WIDEST_IN_CODECS * (stage == "saving")
    for stage in STAGES[1:]
    if stage not in ("layout", "display")
]
LAYER_NAMES = [stage for stage in STAGES[1:] if stage not in ("layout", "display")]
# The characters any local change replaces.
ANY_REPLACED = frozenset().union(*(change.replaced for change in LOCAL_CHANGES))
# The most characters the texts that text changes (not local) make of the
# expected text may hold in all, one search: each depth of them makes
# len(OTHER_TEXT_CHANGES) times as many texts (15, 225), so that a text of
# more than 4,444 characters gets one such change, not two (``deepest``;
# past SEARCHED_MOST, below, none is made).  Each of those texts is searched
# through (its characters read, its changes made): a copy of a text of
# 31,000 characters with a hand edit took 0.8 s with eight million, 0.5 s
# with two; one of 9,800 characters, searched two deep with two million, 0.7 s.
BASES_BUDGET = 1_000_000
# The texts the search tries every chain on (``searched_in_full``): of a
# longer text, or one of more distinct characters, it tries changes of
# single characters, and a saving after them, and the size limit is what
# they make.  Each chain found is made again from the whole text, many of
# them character by character in Python (shaping, escapes): a text of
# 140,000 characters, shaped and percent-encoded, took 1.5 s, one of 40,000
# with 128 distinct characters 0.52 s.  And the limit costs some 1 to 2 ms
# for each distinct character on its first call (300 CJK characters: 0.6 s).
SEARCHED_MOST, SEARCHED_DISTINCT = 30_000, 128


def made_of(change: Change, char: str) -> "str | None":
    """What ``change`` makes of ``char`` in its widest form, less what it adds once to any text.

    What it makes of the empty text (quotes, a byte-order mark, a final
    newline) is taken off where it stands around the character.  None where
    a saving cannot hold it.  Kept: the limit asks for each many times.
    """
    if change.key in IN_A_LONG_TEXT:
        return IN_A_LONG_TEXT[change.key](char)
    if (change.key, char) not in MADE:
        empty = made_of_nothing(change)
        try:
            made = as_text(change.make(char, *change.widest(char)))
        except ValueError:
            made = None
        if made is not None and empty:
            before = common_prefix(made, empty)
            if made.endswith(empty[before:]) and len(made) >= len(empty):
                made = made[before : len(made) - len(empty) + before]
        MADE[change.key, char] = made
    return MADE[change.key, char]


@functools.lru_cache(maxsize=None)
def made_of_nothing(change: Change) -> str:
    """What ``change`` makes of the empty text in its widest form: what it adds once."""
    return as_text(change.make("", *change.widest("")))


@functools.lru_cache(maxsize=None)
def made_in_stage(char: str, stage: int) -> "frozenset[str]":
    """What the changes of a stage make of ``char``, each output once (savings
    in many code pages write a character alike); none where a saving cannot hold it."""
    made = {made_of(change, char) for change in LAYER_STAGES[stage]}
    return frozenset(made - {None})


@functools.lru_cache(maxsize=None)
def made_alone(char: str, stage: int) -> "frozenset[str]":
    """What the changes of a stage counted as the only one (ONLY_IN_CODECS)
    make of ``char``: none where a saving cannot hold it."""
    made = {made_of(change, char) for change in ONLY_IN_CODECS}
    return frozenset(made - {None}) if LAYER_NAMES[stage] == "saving" else frozenset()


def most_made(
    char: str,
    stage: int = 0,
    layers: int = MOST_CHANGES,
    end: "int | None" = None,
    target: "str | None" = None,
) -> int:
    """The most that the layers from ``stage`` on, ``layers`` at most, make of ``char``.

    Bytes, after them all; or characters, before the stage ``end``; or, where
    ``target`` is given, how many of it.  What a change makes of a text is
    at most the sum of what it makes of each character, and what it adds once.
    """
    key = (char, stage, layers, end, target)
    if key not in MOST_MADE:
        last = len(LAYER_STAGES) if end is None else end
        if stage >= last:
            return counted(char, end, target)
        most = most_made(char, stage + 1, layers, end, target)
        for made in made_in_stage(char, stage) if layers else ():
            if stage + 1 == last:  # what the last layer makes: counted as it is
                made_most = counted(made, end, target)
            else:
                made_most = sum(
                    most_made(each, stage + 1, layers - 1, end, target) for each in made
                )
            most = max(most, made_most)
        alone = layers == MOST_CHANGES and end is None  # no change made before
        for made in made_alone(char, stage) if alone else ():
            most = max(most, counted(made, end, target))
        MOST_MADE[key] = most
    return MOST_MADE[key]


def counted(text: str, end: "int | None", target: "str | None" = None) -> int:
    """The length of ``text`` after the layers: its bytes, or before the
    stage ``end``, its characters; or how many of ``target`` it holds."""
    if target is not None:
        return text.count(target)
    return len(text.encode("utf-8", "surrogatepass")) if end is None else len(text)


def searched_in_full(text: str) -> bool:
    """Tell whether the search tries every chain on ``text``: one of
    SEARCHED_MOST characters and SEARCHED_DISTINCT distinct ones at most."""
    return len(text) <= SEARCHED_MOST and len(set(text)) <= SEARCHED_DISTINCT


def deepest(text: str) -> int:
    """How many text changes that are not local the search makes of ``text``:
    MOST_OTHER, or fewer where the texts they make would hold more than
    BASES_BUDGET characters in all."""
    return next(
        depth
        for depth in range(MOST_OTHER, -1, -1)
        if len(OTHER_TEXT_CHANGES) ** depth * len(text) <= BASES_BUDGET or not depth
    )


def made_locally(texts: "dict[str, int]") -> None:
    """Add to ``texts`` what local changes make of them, each change at most
    once, in either order, each with the count of the text it is made of."""
    changeable = [text for text in texts if not ANY_REPLACED.isdisjoint(text)]
    for change in LOCAL_CHANGES * 2:
        for text in list(changeable):
            if change.replaced.isdisjoint(text):
                continue
            made = change.make(text)
            if made not in texts:
                texts[made] = texts[text]
                if not ANY_REPLACED.isdisjoint(made):
                    changeable.append(made)


@functools.lru_cache(maxsize=None)
def texts_of(char: str, other: int) -> "dict[str, int]":
    """What up to ``other`` text changes that are not local (as many as the
    search makes of the text, ``deepest``), then local ones, each once,
    make of ``char`` alone: each text, with the fewest changes not local
    that make it."""
    texts = {char: 0}
    for count in range(1, other + 1):
        for text in list(texts):
            for change in OTHER_TEXT_CHANGES:
                texts.setdefault(made_of(change, text), count)
    made_locally(texts)
    return texts


def unit(
    char: str, other: int, end: "int | None" = None, target: "str | None" = None
) -> int:
    """The most the known changes, as the search combines them, make of ``char`` alone.

    The texts ``texts_of`` makes of it, then the layers, three changes in
    all with the others: bytes, or the characters before the stage ``end``
    (the display order); or how many of ``target`` (``most_made``).
    """
    return max(
        sum(most_made(each, 0, MOST_CHANGES - count, end, target) for each in text)
        for text, count in texts_of(char, other).items()
    )


def wrapped_unit(char: str, other: int) -> int:
    """The most bytes of UTF-8 of a text that lines are wrapped in that
    ``texts_of`` makes of ``char``: WRAPPED_OTHER changes at most that are
    not local."""
    return max(
        len(utf8(text))
        for text, count in texts_of(char, other).items()
        if count <= WRAPPED_OTHER
    )


def made_in_all(text: str, unit_of) -> int:
    """What ``unit_of(char, depth)`` says of each character of ``text``, as
    deep as the search goes for it, added up over the text."""
    other = deepest(text)
    counts = collections.Counter(text)
    return sum(count * unit_of(char, other) for char, count in counts.items())


def layout_added(text: str, end: "int | None" = None) -> int:
    """The most that lines wrapped and indented add: bytes, or characters before the stage ``end``.

    Wrapping puts in a line break for every few bytes at most (``most_breaks``),
    each through the layers after it, WRAPPED_LAYERS at most.  Each line, the
    text's own and those, may be indented by INDENTED spaces, a layer itself:
    one more after it.
    """
    wrapped = made_in_all(text, wrapped_unit)
    breaks = most_breaks(wrapped)
    lines = text.count("\n") + 1 + breaks
    return breaks * most_made("\n", 0, WRAPPED_LAYERS, end) + (
        lines * INDENTED * most_made(" ", 0, WRAPPED_LAYERS - 1, end)
    )


def size_limit(text: str) -> int:
    """The most bytes that the known changes, as the search combines them, make of ``text``.

    Of a text not searched in full (``searched_in_full``), what local
    changes make of it, each character alone, saved at the most bytes a
    saving writes, and 64 bytes.

    Bounded character by character (with one inserted character of each
    kind after each), then room for what is added once: two newlines at the
    end and a mark at the start, each through three layers, and 64 bytes
    for quotes, a byte-order mark and Base64's last line; what wrapping and
    indenting add (``layout_added``); and for the soft line breaks of
    quoted-printable, two characters in every 76 (YAML's folded lines stay
    within what percent-encoding and references make of each).
    """
    if not searched_in_full(text):
        return 64 + sum(
            count * most_made_locally(char)
            for char, count in collections.Counter(text).items()
        )
    total = made_in_all(text, unit)
    total += layout_added(text)
    once = 2 * most_made("\n") + most_made(MARKS[0]) + 64
    return total + total // 32 + once


# The most bytes a saving writes of one character (UTF-32's four), and of
# one outside the Basic Multilingual Plane (CESU-8's six): what a saving
# undone on a copy of a text not searched in full may have written.
SAVED_MOST, SAVED_MOST_ASTRAL = 4, 6


def most_made_locally(char: str) -> int:
    """The most bytes that local changes make of ``char``, then a saving."""
    texts = {char: 0}
    if not ANY_REPLACED.isdisjoint(char):
        made_locally(texts)
    return max(
        sum(SAVED_MOST_ASTRAL if each > "\uffff" else SAVED_MOST for each in text)
        for text in texts
    )


def limit_before(text: str, stage: str) -> int:
    """The most characters that the known changes make of ``text`` before ``stage``.

    As ``size_limit``, with room for a newline and a mark added once.
    ``stage`` is one of LAYER_NAMES: "saving" bounds a display order, made
    before it, and "escape" the text the escapes are made of.
    """
    end = LAYER_NAMES.index(stage)
    total = made_in_all(text, functools.partial(unit, end=end))
    return total + layout_added(text, end) + 64


@functools.lru_cache(maxsize=None)
def reached_from(char: str, other: int) -> "frozenset[str]":
    """The characters of the texts that ``texts_of`` makes of ``char``, and
    those a wrong reading of them writes: each a text the known changes
    make before a saving may hold (but characters put in, and shaping's
    presentation forms) where it holds ``char``."""
    held = set("".join(texts_of(char, other)))
    for change in BY_STAGE["reading"]:
        held.update(*(made_of(change, each) or "" for each in list(held)))
    return frozenset(held)


@functools.lru_cache(maxsize=64)  # the characters of a search's copies
def most_of(text: str, stage: str, target: str) -> int:
    """How many of ``target`` the known changes make of ``text`` before
    ``stage`` at most: as ``limit_before`` bounds its length, of the
    characters that may make it (``reached_from``), and 64 for what is
    added once.

    Bounded so, character by character, but for what a change writes of
    characters together: a composed letter (normalized to NFC, alef and a
    hamza above are one), shaping's forms, characters put in, and what a
    saving writes where it cannot hold one.  Those are not to be asked of.
    """
    end = LAYER_NAMES.index(stage)
    other = deepest(text)
    return 64 + sum(
        count * unit(char, other, end, target)
        for char, count in collections.Counter(text).items()
        if target in reached_from(char, other)
    )
