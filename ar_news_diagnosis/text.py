"""Text and bytes: what every other module of the diagnosis shares.

A copy is handled as text even where it is not UTF-8: each byte that is
not is kept as a lone surrogate (``as_text``), and ``utf8`` gives the bytes
back.  Also here: the Arabic characters the changes speak of, how a
character or a run of them is named (``describe``, ``describe_run``), a binary search for the longest common
start of two sequences, how far a line reads in the order of a text
(``share_read_alike``, and ``other_than_letters`` for a transliteration's
order), the characters of a text, kept for a search (``characters``),
the kind of a character in a report's words (``kind``: letters and marks by
script, digits, spaces...), and ``sub_each_once``: ``re.sub``, each
distinct match read once.
"""

import functools
import re
import unicodedata

HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"  # U+064B to U+0652
ALEFS = "\u0622\u0623\u0625\u0627"  # with madda, hamza above, hamza below; alef
ASTRAL = "[\U00010000-\U0010ffff]"  # outside the Basic Multilingual Plane
LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # half a pair, or a byte as_text kept
UNHELD = "\U0001f1e8"  # a character no code page holds (the flag's first)


# Names that unicodedata does not give: the control characters have none.
CONTROL_NAMES = {
    "\0": "NULL",
    "\t": "CHARACTER TABULATION",
    "\n": "LINE FEED",
    "\r": "CARRIAGE RETURN",
    "\x1a": "SUBSTITUTE",
}


def as_text(data: "bytes | str") -> str:
    """Bytes as text, each byte that is not UTF-8 kept as a lone surrogate."""
    return data if isinstance(data, str) else data.decode("utf-8", "surrogateescape")


def utf8(text: str) -> bytes:
    """The inverse of ``as_text``: the bytes a text stands for."""
    return text.encode("utf-8", "surrogateescape")


def undecodable(char: str) -> bool:
    """Tell whether ``char`` stands for a byte that is not UTF-8, as ``as_text`` reads it."""
    return "\udc80" <= char <= "\udcff"


def describe(char: str) -> str:
    """Name one character by code point and name; show a byte that is not UTF-8 as 0xC2."""
    if undecodable(char):
        return f"0x{ord(char) - 0xDC00:02X}"
    name = CONTROL_NAMES.get(char) or unicodedata.name(char, "<control>")
    return f"U+{ord(char):04X} {name}"


def escape(char: str) -> str:
    """Escape one character for an excerpt as Python does; show a byte that is not UTF-8 as <0x9F>."""
    if undecodable(char):
        return f"<{describe(char)}>"
    return "\\'" if char == "'" else ascii(char)[1:-1]


def describe_run(run: str) -> str:
    """Name up to three characters; show a longer run as an escaped excerpt."""
    if not run:
        return "nothing"
    if len(run) <= 3:
        return " + ".join(map(describe, run))
    excerpt = "".join(map(escape, run[:12]))
    return f"'{excerpt}{'...' if len(run) > 12 else ''}' ({len(run)} characters)"


def most(high: int, holds) -> int:
    """The largest number from 0 to ``high`` that ``holds``, which holds up to one and no further."""
    low = 0
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if holds(middle) else (low, middle - 1)
    return low


def common_prefix(one: "str | bytes | list", other: "str | bytes | list") -> int:
    """How many items ``one`` and ``other`` have in common at the start."""
    return most(
        min(len(one), len(other)), lambda length: one[:length] == other[:length]
    )


def outside_the_bmp(replacement: str, text: str) -> str:
    """Replace each character outside the Basic Multilingual Plane (the flag's two)."""
    return re.sub(ASTRAL, replacement, text)


# Two texts read alike where they share runs of this many characters.
RUN = 3


@functools.lru_cache(maxsize=4)  # the expected text of a compare, asked often
def runs_of(text: str) -> "frozenset[str]":
    """The runs of RUN characters of ``text``, as NFKC writes it."""
    letters = unicodedata.normalize("NFKC", text)
    return frozenset(letters[at : at + RUN] for at in range(len(letters) - RUN + 1))


def share_read_alike(text: str, line: str) -> float:
    """The share of the runs of RUN characters of ``line`` that ``text`` has,
    both as NFKC writes them, so that a letter shaped into a presentation
    form is the letter: high where ``line`` reads in the order of ``text``."""
    runs, line = runs_of(text), unicodedata.normalize("NFKC", line)
    count = len(line) - RUN + 1
    return sum(line[at : at + RUN] in runs for at in range(count)) / max(count, 1)


# The characters of each text a search meets, base or candidate, kept for
# the search (which clears them): ``characters`` of a long text costs much.
CHARACTERS: "dict[tuple[str, bool], frozenset[str]]" = {}


def characters(text: str, cut_short: bool = False) -> "frozenset[str]":
    """The characters of ``text``; ``cut_short``: but for a character cut short
    at its end, bytes that are not UTF-8 among its last three."""
    if (text, cut_short) not in CHARACTERS:
        end = text[-3:]
        if cut_short:
            end = "".join(char for char in end if not undecodable(char))
        CHARACTERS[text, cut_short] = frozenset(text[: max(0, len(text) - 3)] + end)
    return CHARACTERS[text, cut_short]


@functools.lru_cache(maxsize=4)  # the expected text, between the copies' samples
def other_than_letters(text: str) -> str:
    """The characters of ``text`` other than letters and marks: what a map of
    letters, a transliteration, leaves as they are (spaces, punctuation,
    digits, line breaks)."""
    return "".join(char for char in text if unicodedata.category(char)[0] not in "LM")


# What a report calls the kinds of character where two texts differ: letters
# and marks by script (the others "other"), then by general category; line
# breaks, as str.splitlines takes them, first of all.  A byte that is not
# UTF-8 is read as a lone surrogate (category Cs).
SCRIPTS = {"ARABIC": "Arabic", "LATIN": "Latin"}
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
KIND_NAMES = {
    "N": "digits",
    "P": "punctuation",
    "S": "symbols",
    "Z": "spaces",
    "Cc": "other controls",
    "Cf": "format characters",
    "Cs": "bytes that are not UTF-8",
    "Co": "private-use characters",
    "Cn": "unassigned code points",
}


def kind(char: str) -> str:
    """The kind of ``char``, in a report's words ("Arabic letters and marks", "line breaks")."""
    if char in LINE_BREAKS:
        return "line breaks"
    category = unicodedata.category(char)
    if category[0] in "LM":  # the letters of a transliteration are Latin
        name = unicodedata.name(char, "")
        script = next(
            (SCRIPTS[each] for each in name.split() if each in SCRIPTS), "other"
        )
        return f"{script} letters and marks"
    return KIND_NAMES.get(category, KIND_NAMES.get(category[0], "other characters"))


# The most values of a field a name lists; of more, the first and how many
# others (a text saved in any of eighty codecs that hold none of its letters).
MOST_LISTED = 4


def either(values: "list[str]") -> str:
    """Name alternatives: "A or B", or "A, B, C or 9 others alike"."""
    if len(values) <= MOST_LISTED:
        return " or ".join(values)
    listed = ", ".join(values[: MOST_LISTED - 1])
    return f"{listed} or {len(values) - MOST_LISTED + 1} others alike"


def sub_each_once(pattern: "re.Pattern[str]", read, text: str) -> str:
    """``pattern.sub(read, text)``, each distinct match read once: a copy
    repeats them (an escape of one letter, 76,000 times at the size limit,
    read once, not by a call for each).  ``pattern`` looks neither ahead
    nor behind: a match read alone is read as it was there."""
    whole = wholly(pattern)
    pieces = whole.split(text)  # the text before each match, the match, its groups
    matches = pieces[1 :: whole.groups + 1]
    made = {each: read(pattern.fullmatch(each)) for each in dict.fromkeys(matches)}
    return "".join(
        alternately(pieces[:: whole.groups + 1], map(made.__getitem__, matches))
    )


@functools.lru_cache(maxsize=None)
def wholly(pattern: "re.Pattern[str]") -> "re.Pattern[str]":
    """``pattern`` as a group of its own, the first that ``split`` gives."""
    return re.compile(f"({pattern.pattern})", pattern.flags)


def alternately(first: list, second) -> list:
    """The items of ``first`` and ``second`` in turn, from the first (as
    many of each, or one more of the first)."""
    second = list(second)
    merged = [None] * (len(first) + len(second))
    merged[0::2], merged[1::2] = first, second
    return merged
