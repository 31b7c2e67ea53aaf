"""Escapes composed of parts: how many tools write a text out as a string.

Languages and tools that write text out as a string literal differ from
one another mostly in a part: the notation for one character, which
characters get it, what goes around the text, what becomes of its line
feeds.  Here each part is a table, and one writer and one reader serve
every combination:

- ``NOTATIONS``: how one character is written (``\\u0627``, ``\\330\\247``,
  ``&#1575;``, ``%D8%A7``...), each with the short escapes (``\\t``) of
  its family;
- ``CHARACTER_SETS``: the characters it is written for (those outside
  ASCII, the ones not printable, every one...);
- ``WRAPPERS``: what goes around the text (quotes, ``$VAR1 = "...";``, a
  line ``key=``, an XML element), and how a quote inside is written;
- ``LINE_RULES``: a line feed kept, written ``\\n``, or in the notation;
  or each line ending ``$``, folded at a width (GNU sed's ``l``);
- and, read off each copy, what is written otherwise inside: a backslash
  before a character (``\\"``, ``\\$``), a quote doubled (``BACKSLASHED``
  where none is given).

``composed(text, *parts)`` writes a text so; ``shown(copy)`` gives the
notations whose escapes a copy shows, and ``readings(copy, key)`` each
text and parts it reads as in one, made again to the same bytes;
``said(*parts)`` names them in a report, and ``TOOLS`` the parts that are
a tool's own output (``tool_parts``), each checked against that tool's
output kept in the tests; ``alike(text, parts)`` gives the other parts that
write a text alike, which ``said_together`` names in one line;
``widest(text)`` is the form the size limit counts.
"""

import bisect
import functools
import re
import unicodedata
from itertools import accumulate
from operator import itemgetter
from typing import Callable, NamedTuple

from .escapes import C_ESCAPES, HEX_ESCAPE, one_character_escapes_read
from .text import either

# Notations.


class Notation(NamedTuple):
    """How one character is written: ``said`` in a report, ``write(char)``,
    ``escape`` a pattern of one escape, whose digits ``value`` reads, and
    ``unit``, what those values are of (see UNITS).  ``shorts``: the
    characters its family writes with a letter (``\\t``) where it escapes
    them.  ``backslash``: a family of backslash escapes, whose short
    escapes and backslashes before a character are read too.  ``mark``:
    where a notation read before it reads some of its escapes alike, the
    pattern of those it alone writes, which a copy must show to be read in
    it (each reading of a long copy costs)."""

    said: str
    write: Callable[[str], str]
    escape: str
    unit: str
    shorts: str = ""
    value: Callable[["re.Match[str]"], "int | str"] = lambda match: int(
        match[match.lastindex], 16
    )
    backslash: bool = True
    mark: str = ""


def in_utf8(template: str) -> Callable[[str], str]:
    """Write each UTF-8 byte of a character with ``template`` (``%{:02X}``)."""
    return lambda char: "".join(
        map(template.format, char.encode("utf-8", "surrogatepass"))
    )


def in_utf16(template: str) -> Callable[[str], str]:
    """Write each UTF-16 code unit of a character with ``template``: a
    character outside the Basic Multilingual Plane as a surrogate pair."""

    def write(char: str) -> str:
        units = char.encode("utf-16-be", "surrogatepass")
        return "".join(
            template.format(int.from_bytes(units[at : at + 2], "big"))
            for at in range(0, len(units), 2)
        )

    return write


def in_tiers(*tiers: "tuple[int, str]") -> Callable[[str], str]:
    """Write a code point with the first template of ``tiers`` (below, template)
    whose bound it is below: ``\\xNN``, then ``\\uNNNN``, then ``\\UNNNNNNNN``."""
    return lambda char: next(
        template.format(ord(char)) for below, template in tiers if ord(char) < below
    )


def cat_v(char: str) -> str:
    """How ``cat -v`` writes a character: each byte past ASCII as ``M-`` and
    the byte less 128, a control as ``^`` and the letter (``^?`` for DEL),
    a tab as it is."""

    def byte(value: int) -> str:
        meta = "M-" * (value >= 0x80)
        value &= 0x7F
        if value == 0x7F:
            return meta + "^?"
        return meta + ("^" + chr(value + 0x40) if value < 0x20 else chr(value))

    if char == "\t":
        return char
    return "".join(map(byte, char.encode("utf-8", "surrogatepass")))


def cat_v_value(match: "re.Match[str]") -> int:
    """The byte that one of cat -v's escapes stands for."""
    meta, control, char = match.groups()
    value = 0x7F if control and char == "?" else ord(char) ^ (0x40 if control else 0)
    return value | (0x80 if meta else 0)


def named(char: str) -> str:
    """Python's ``namereplace``: ``\\N{NAME}``, or where a character has no
    name, as ``backslashreplace`` writes it."""
    name = unicodedata.name(char, "")
    return f"\\N{{{name}}}" if name else PYTHON(char)


UTF16_LOWER = in_utf16("\\u{:04x}")
PYTHON = in_tiers((0x100, "\\x{:02x}"), (0x10000, "\\u{:04x}"), (0x110000, "\\U{:08x}"))
HEX = "0-9a-fA-F"
# The short escapes of each family: what it writes with a letter.
JSON_SHORTS = "\b\f\n\r\t"
PYTHON_SHORTS = "\t\n\r"
C_SHORTS = "".join(C_ESCAPES)
# The letter of each short escape: C's, and \e for ESC (Ruby, Perl, bash).
SHORT_LETTERS = {**C_ESCAPES, "\x1b": "e"}

# Each notation by the key a form gives it: how it looks, "h" standing for
# a lower-case hex digit, "H" for an upper-case one.  Read back in this
# order: of two that read a copy alike, the first is named.
NOTATIONS = {
    # JSON, JavaScript, Java: UTF-16 code units.
    "\\uhhhh": Notation(
        "\\uhhhh (a surrogate pair outside the BMP)",
        in_utf16("\\u{:04x}"),
        r"\\u([0-9a-f]{4})",
        "UTF-16",
        JSON_SHORTS,
    ),
    "\\uHHHH": Notation(
        "\\uHHHH (a surrogate pair outside the BMP)",
        in_utf16("\\u{:04X}"),
        r"\\u([0-9A-F]{4})",
        "UTF-16",
        JSON_SHORTS,
    ),
    # Python's repr, ascii and unicode_escape.
    "\\xhh\\uhhhh\\Uhhhhhhhh": Notation(
        "\\xhh, \\uhhhh or \\Uhhhhhhhh",
        PYTHON,
        rf"\\x([{HEX}]{{2}})|\\u([{HEX}]{{4}})|\\U([{HEX}]{{8}})",
        "code point",
        PYTHON_SHORTS,
    ),
    # Go's %q and %+q: \x for ASCII only.
    "\\uhhhh\\Uhhhhhhhh": Notation(
        "\\uhhhh or \\Uhhhhhhhh (\\xhh in ASCII)",
        in_tiers((0x80, "\\x{:02x}"), (0x10000, "\\u{:04x}"), (0x110000, "\\U{:08x}")),
        r"\\x([0-9a-f]{2})|\\u([0-9a-f]{4})|\\U([0-9a-f]{8})",
        "code point",
        C_SHORTS,
    ),
    # Node's util.inspect: \xHH below U+0100 (the controls it escapes), a
    # lone surrogate as \uhhhh.
    "\\xHH\\uhhhh": Notation(
        "\\xHH below U+0100, else \\uhhhh (a surrogate pair outside the BMP)",
        lambda char: f"\\x{ord(char):02X}" if char < "\u0100" else UTF16_LOWER(char),
        r"\\x([0-9A-F]{2})|\\u([0-9a-f]{4})",
        "UTF-16",
        JSON_SHORTS,
        mark=r"\\x[0-9A-F]{2}",  # \uhhhh alone is JSON's
    ),
    # Ruby's String#dump.
    "\\uHHHH\\u{H}": Notation(
        "\\uHHHH, or \\u{H} outside the BMP (\\xHH in ASCII)",
        in_tiers(
            (0x80, "\\x{:02X}"), (0x10000, "\\u{:04X}"), (0x110000, "\\u{{{:X}}}")
        ),
        r"\\x([0-9A-F]{2})|\\u([0-9A-F]{4})|\\u\{([0-9A-F]{5,6})\}",
        "code point",
        C_SHORTS + "\x1b",
    ),
    # Rust.
    "\\u{h}": Notation(
        "\\u{h}",
        in_tiers((0x110000, "\\u{{{:x}}}")),
        r"\\u\{([0-9a-f]{1,6})\}",
        "code point",
        PYTHON_SHORTS,
    ),
    # Perl: each UTF-8 byte (a file read as bytes), else a code point.
    "\\x{h}-bytes": Notation(
        "\\x{h}, each byte",
        in_utf8("\\x{{{:x}}}"),
        r"\\x\{([0-9a-f]{1,2})\}",
        "UTF-8",
        C_SHORTS,
    ),
    "\\x{h}": Notation(
        "\\x{h}",
        in_tiers((0x110000, "\\x{{{:x}}}")),
        r"\\x\{([0-9a-f]{1,6})\}",
        "code point",
        C_SHORTS,
    ),
    "\\N{name}": Notation(
        "\\N{name}",
        named,
        rf"\\N\{{([A-Z0-9 -]+)\}}|\\x([{HEX}]{{2}})|\\u([{HEX}]{{4}})|\\U([{HEX}]{{8}})",
        "name",
        PYTHON_SHORTS,
        lambda match: match[1] or int(match[match.lastindex], 16),
    ),
    # Each UTF-8 byte: C, the shells, sed, Perl reading bytes.
    "\\ooo": Notation(
        "\\ooo, each byte in octal",
        in_utf8("\\{:03o}"),
        r"\\([0-7]{3})",
        "UTF-8",
        C_SHORTS + "\x1b",
        lambda match: int(match[1], 8),
    ),
    "\\xhh": Notation(
        "\\xhh, each byte", in_utf8("\\x{:02x}"), r"\\x([0-9a-f]{2})", "UTF-8", C_SHORTS
    ),
    "\\xHH": Notation(
        "\\xHH, each byte", in_utf8("\\x{:02X}"), r"\\x([0-9A-F]{2})", "UTF-8", C_SHORTS
    ),
    # References, and the escapes of URLs and mail.
    "&#d;": Notation(
        "&#d; (decimal references)",
        in_tiers((0x110000, "&#{};")),
        r"&#([0-9]+);",
        "code point",
        value=lambda match: int(match[1]),
        backslash=False,
    ),
    "&#xh;": Notation(
        "&#xh; (hex references)",
        in_tiers((0x110000, "&#x{:x};")),
        r"&#x([0-9a-f]+);",
        "code point",
        backslash=False,
    ),
    "&#xH;": Notation(
        "&#xH; (hex references)",
        in_tiers((0x110000, "&#x{:X};")),
        r"&#x([0-9A-F]+);",
        "code point",
        backslash=False,
    ),
    "%HH": Notation(
        "%HH, each byte",
        in_utf8("%{:02X}"),
        r"%([0-9A-F]{2})",
        "UTF-8",
        backslash=False,
    ),
    "%hh": Notation(
        "%hh, each byte",
        in_utf8("%{:02x}"),
        r"%([0-9a-f]{2})",
        "UTF-8",
        backslash=False,
    ),
    "%uHHHH": Notation(
        "%uHHHH (%HH below U+0100, a surrogate pair outside the BMP)",
        lambda char: (
            f"%{ord(char):02X}" if char < "\u0100" else in_utf16("%u{:04X}")(char)
        ),
        r"%u([0-9A-F]{4})|%([0-9A-F]{2})",
        "UTF-16",
        backslash=False,
    ),
    "=HH": Notation(
        "=HH, each byte",
        in_utf8("={:02X}"),
        r"=([0-9A-F]{2})",
        "UTF-8",
        backslash=False,
    ),
    "M-x": Notation(
        "M-x, each byte past ASCII (cat -v's)",
        cat_v,
        r"(?=M-|\^)(M-)?(\^)?(.)",
        "UTF-8",
        value=cat_v_value,
        backslash=False,
    ),
    # No notation: only what the wrapper and backslashes write.
    "none": Notation("nothing", lambda char: char, "(?!)", "code point", C_SHORTS),
}


def from_utf16(values: "list[int]") -> str:
    """The characters of UTF-16 code units; a lone surrogate raises ValueError."""
    return b"".join(value.to_bytes(2, "big") for value in values).decode("utf-16-be")


def from_names(values: "list[int | str]") -> str:
    """The characters of names and code points; an unknown name raises KeyError."""
    return "".join(
        unicodedata.lookup(value) if isinstance(value, str) else chr(value)
        for value in values
    )


# What the values a notation reads are of, and how they make characters.
UNITS = {
    "code point": lambda values: "".join(map(chr, values)),
    "UTF-16": from_utf16,
    "UTF-8": lambda values: bytes(values).decode("utf-8"),
    "name": from_names,
}


# Character sets.

# Which characters a notation is written for, by the key a form gives it.
# Every set holds the C0 controls (below U+0020), which every notation here
# escapes; a line feed is the line rule's.  Read in this order: of two sets
# that make a copy alike (a text with nothing of Latin-1 past ASCII), the
# first is named.
CHARACTER_SETS: "dict[str, Callable[[str], bool]]" = {
    "outside ASCII": lambda char: char < " " or char > "\x7f",
    "outside printable ASCII": lambda char: not " " <= char <= "~",
    "not printable": lambda char: not char.isprintable(),
    "not printable, and combining marks": lambda char: (
        not char.isprintable() or unicodedata.category(char) in ("Mn", "Me")
    ),
    "controls": lambda char: char < " ",
    "controls, DEL and C1": lambda char: unicodedata.category(char) == "Cc",
    "outside Latin-1": lambda char: char < " " or char > "\xff",
    "outside the BMP": lambda char: char < " " or char > "\uffff",
    "combining marks": lambda char: (
        char < " " or unicodedata.category(char) in ("Mn", "Me")
    ),
    "every character": lambda char: True,
    "nothing": lambda char: False,
}
# The sets of no notation: nothing, or the controls by their short escapes.
NONE_SETS = ("nothing", "controls")
# How a report names each set.
SETS_SAID = {
    "outside ASCII": "each character outside ASCII",
    "outside printable ASCII": "each character outside printable ASCII",
    "not printable": "each character that is not printable (controls, spaces other than U+0020)",
    "not printable, and combining marks": "each character that is not printable, and each combining mark",
    "controls": "each C0 control character",
    "controls, DEL and C1": "each control character (C0, DEL and C1)",
    "outside Latin-1": "each character outside Latin-1",
    "outside the BMP": "each character outside the Basic Multilingual Plane",
    "combining marks": "each combining mark",
    "every character": "every character",
    "nothing": "no character",
}


# Wrappers.


class Wrapper(NamedTuple):
    """What goes around a text: ``said`` in a report, and the patterns of what
    goes before and after it (a key, a date, an element's name read off the
    copy); ``inside``: how a character of its own is written within it,
    each way one reads it (a quote doubled, or an XML entity), the last as
    any whose writing a copy does not show;
    ``backslashes``: whether a backslash may escape within it (not in XML)."""

    said: str
    before: str
    after: str
    inside: "tuple[dict[str, str], ...]" = ({},)
    backslashes: bool = True


XML_INSIDE = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Each kind of wrapper; read in this order, nothing around the text last.
WRAPPERS = (
    Wrapper("in double quotes", '"', '"'),
    # A quote doubled read first: where the copy shows none, all read alike.
    Wrapper("in single quotes", "'", "'", ({"'": "''"}, {"'": "'\\''"}, {})),
    Wrapper("in the shell's $'...'", r"\$'", "'"),
    Wrapper("in PostgreSQL's E'...'", "E'", "'", ({"'": "''"}, {})),
    Wrapper('in Data::Dumper\'s $VAR1 = "...";', r'\$VAR1 = "', '";\n'),
    # As Python's repr (and str) of bytes writes them: print(data) of what
    # was not decoded.  Named by their shape: a body of raw text is none of
    # Python's, and the parts say what is in it.
    Wrapper("in b'...'", "b'", "'"),
    Wrapper('in b"..."', 'b"', '"'),
    # As json.dumps writes one, on a line or indented (indent=2).
    Wrapper("in a JSON array", r'\[\n? *"', r'"\n?\]'),
    Wrapper("as the value of a JSON object", r'\{\n? *"[\w .-]*": ?"', r'"\n?\}'),
    # As Tcl writes a list's one element with spaces: within braces nothing
    # is read (after JSON's object, which braces hold too).  Named by its
    # shape: Tcl quotes otherwise a text with a brace unmatched.
    Wrapper("in braces {...}", r"\{", r"\}", backslashes=False),
    Wrapper(
        "as the value of a line KEY=, after comment lines",
        r"(?:[#!][^\n]*\n)*[\w.-]+=",
        r"\n",
    ),
    Wrapper(
        "in an XML element",
        r"(?:<\?xml [^>\n]*\?>\n)?<[\w.-]+>",
        r"</[\w.-]+>\n?",
        (XML_INSIDE,),
        backslashes=False,
    ),
    # As ElementTree writes an attribute: <t name="..." />.
    Wrapper(
        "as an XML attribute's value",
        r"(?:<\?xml [^>\n]*\?>\n)?<[\w.-]+ [\w.-]+=\"",
        r"\" ?/>\n?",
        ({**XML_INSIDE, '"': "&quot;"},),
        backslashes=False,
    ),
    Wrapper("", "", ""),  # last: a copy wrapped reads as wrapped
)


@functools.lru_cache(maxsize=None)
def wrapper_pattern(before: str, after: str) -> "re.Pattern[str]":
    """The pattern of a whole copy so wrapped: what goes before, the body, after."""
    return re.compile(f"({before})(.*)({after})", re.DOTALL)


@functools.lru_cache(maxsize=4)  # a copy, read in each notation it shows
def wrapped(copy: str) -> "list[tuple[Wrapper, str, str, str]]":
    """Each wrapper whose pattern ``copy`` fits, with what goes before, the
    body and what goes after."""
    matches = [
        (wrapper, wrapper_pattern(wrapper.before, wrapper.after).fullmatch(copy))
        for wrapper in WRAPPERS
    ]
    return [(wrapper, *match.groups()) for wrapper, match in matches if match]


def wrapper_of(around: "tuple[str, str]") -> Wrapper:
    """The kind of wrapper that writes ``around``, what goes before and after."""
    for wrapper in WRAPPERS:
        if re.fullmatch(wrapper.before, around[0]) and re.fullmatch(
            wrapper.after, around[1]
        ):
            return wrapper
    raise ValueError(f"no known wrapper writes {around!r}")


# Line rules: what becomes of a line feed.  "\\n" also gives the notation's
# short escapes (\t, \r) to the characters of its set that have one.
LINE_RULES = {
    "kept": "line feeds kept",
    "\\n": "line feeds as \\n",
    "\\n +": "line feeds as \\n, each line in quotes of its own, joined by + and a line break",
    "escaped": "line feeds in the notation too",
}
# "\\n +": as Node's util.inspect writes a long string, a literal a line,
# each but the last ending \\n, joined by JOINER between the quotes.
JOINER = " +\n  "
# Node writes 10,000 characters of a string at most (maxStringLength), each
# in six at most (\\uhhhh), and a joiner of six a line: a longer copy is
# read as no literals joined (each notation that shows would read all of it).
JOINED_MOST = 120_000
# And GNU sed's l: each line written on its own, ending "$" and a line
# feed, and folded with a backslash at the end of a line before an escape
# (of one byte, for \ooo) would take it past WIDTH - 1 columns; a width of
# 0 folds nothing.  Its short escapes are C's: ESC is \033.  Keyed
# "$ folded at WIDTH"; sed's own width is 70 (``sed -n l``).
FOLDED = re.compile(r"\$ folded at (0|[1-9][0-9]*)")
SED_WIDTH = 70


def lines_said(lines: str) -> str:
    """How a report names a line rule."""
    folded = FOLDED.fullmatch(lines)
    if not folded:
        return LINE_RULES[lines]
    width = int(folded[1])
    return "each line ending $" + (
        f", folded at {width} columns with \\" if width else ""
    )


# Where no part is given: backslashes before quotes and backslashes.
BACKSLASHED = (('"', '\\"'), ("'", "\\'"), ("\\", "\\\\"))


def composed(
    text: str,
    notation: str = "\\u{h}",
    escaped: str = "outside printable ASCII",
    around: "tuple[str, str]" = ("", ""),
    lines: str = "\\n",
    inside: "tuple[tuple[str, str], ...]" = BACKSLASHED,
) -> str:
    """Write ``text`` so: each character of the set ``escaped`` in the
    ``notation``, a line feed as ``lines`` says, each character of
    ``inside`` as it says (a backslash before it, a quote doubled), between
    ``around``, what goes before and after."""
    folded = FOLDED.fullmatch(lines) if isinstance(lines, str) else None
    try:
        written = NOTATIONS[notation]
        in_set = CHARACTER_SETS[escaped]
        joined = "\\n" + around[1] + JOINER + around[0]
        line_feed = (
            "\n"
            if folded
            else {"kept": "\n", "\\n": "\\n", "\\n +": joined, "escaped": None}[lines]
        )
        written_inside = dict(inside)
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"no such part of an escape: {error}") from None
    if (lines in ("\\n", "\\n +") or folded) and not written.backslash:
        raise ValueError(f"{notation} is no backslash escape: no {lines}")
    if lines == "\\n +" and not (around[0] and around[1]):
        raise ValueError("lines joined by + are literals: no quotes around")
    shorts = written.shorts if lines in ("\\n", "\\n +") else C_SHORTS if folded else ""
    table = {}
    for char in set(text):
        if char == "\n" and line_feed is not None:
            table[10] = line_feed
        elif char in written_inside:
            table[ord(char)] = written_inside[char]
        elif in_set(char) or char == "\n":
            table[ord(char)] = (
                "\\" + SHORT_LETTERS[char] if char in shorts else written.write(char)
            )
    if folded:
        body = folded_lines(text, table, written, int(folded[1]))
        return around[0] + body + around[1]
    body = text.translate(table)
    if lines == "\\n +" and text.endswith("\n"):  # the last line's, no literal after
        body = body[: -len(joined)] + "\\n"
    return around[0] + body + around[1]


def folded_lines(text: str, table: dict, notation: Notation, width: int) -> str:
    """``text`` as GNU sed's l writes it, each character as ``table`` says:
    each line ending "$" and a line feed (a last line feed ends the last
    line), folded where an escape would pass ``width`` - 1 columns."""
    written = text.translate(table)
    ended = text.endswith("\n") or not text  # a last line feed ends the last line
    if not width or max(map(len, written.split("\n"))) < width:  # no fold
        return written.replace("\n", "$\n") + "$\n" * (not ended)
    lines = text.split("\n")
    if ended:
        lines.pop()  # the line feed that ends the last line, or no text
    units = {}
    out = []
    for line in lines:
        written = line.translate(table)
        if not width or len(written) < width:  # no fold: each line at once
            out.append(written + "$\n")
            continue
        column = 0
        for char in line:
            if char not in units:
                units[char] = fold_units(table.get(ord(char), char), notation)
            for unit in units[char]:
                if column + len(unit) > width - 1:
                    out.append("\\\n")
                    column = 0
                out.append(unit)
                column += len(unit)
        out.append("$\n")
    return "".join(out)


def fold_units(written: str, notation: Notation) -> "list[str]":
    """What a fold does not cut of ``written``, a character as written: each
    of its escapes (one a byte, in \\ooo), or the whole."""
    pieces = whole_escape(notation.escape).findall(written) if len(written) > 1 else []
    pieces = [piece if isinstance(piece, str) else piece[0] for piece in pieces]
    return pieces if "".join(pieces) == written else [written]


# The notations the size limit does not follow, which write a character
# longer than any other: \N{name}, whose names run to 90 bytes a
# character (see limits), and \x{h} for each byte, six bytes a byte, with
# which the article's limit went from 380,551 bytes to 425,453, and random
# bytes that long took 0.50 s.  A copy of them written over twice more may
# be said too long.
UNBOUNDED = ("\\N{name}", "\\x{h}-bytes")


# Reading.

# The characters a copy's body is read from first: of a longer body, the
# start is read and made again before the whole is, and before that, a
# start PROBED_MORE times as long, and so on: a copy that holds few of a
# notation's escapes is told apart as soon as they show.
PROBED, PROBED_MORE = 512, 8
# How far past its stop a body is read, and the longest escape of a
# character (a name of \N{...}: 88 characters at most, in Unicode 15).
READ_PAST, LONGEST_ESCAPE = 256, 128
SHORT = {letter: char for char, letter in SHORT_LETTERS.items()}


# A short escape of a letter (\n), read as SHORT says; no notation's escape
# starts so (a run of escapes is split at them, ``runs_read``).
SHORT_ESCAPE = "\\\\[abfnrtve]"
SHORT_ESCAPES = re.compile(f"({SHORT_ESCAPE})")


@functools.lru_cache(maxsize=None)
def token_pattern(
    key: str, meant: "tuple[str, ...]", replaced: "tuple[str, ...]"
) -> "re.Pattern[str]":
    """One token of a body in the notation of ``key``, as the one group of
    the pattern: a string of ``meant`` (a quote written with a backslash), a
    run of escapes (in a family of backslash escapes, short ones among them
    after the first: \\u0627\\n over and over is one run), and in such a
    family, a stretch of short escapes and backslashes before a character
    other than a letter or digit; the text between them, in which no other
    token nor any of ``replaced`` (a quote doubled) starts, outside it
    (``token_kind`` tells a token's kind)."""
    notation = NOTATIONS[key]
    meant = list(map(re.escape, meant))
    # Not captured: each group a split writes for each token costs (a copy
    # as long as the size limit holds 100,000 tokens).
    escape = uncaptured(notation.escape)
    kinds = [*meant, f"(?:{escape})+"]
    if notation.backslash:
        one = not_at([*meant, escape]) + f"(?:{SHORT_ESCAPE}|\\\\[^0-9A-Za-z])"
        plain = not_at([*meant, *map(re.escape, replaced)]) + "[^\\\\]"
        kinds[-1] = f"(?:{escape})(?:{escape}|{not_at(meant)}{SHORT_ESCAPE})*"
        kinds.append(f"{one}(?:(?:{plain})*{one})*")
    return re.compile(f"({'|'.join(kinds)})", re.DOTALL)


def uncaptured(pattern: str) -> str:
    """``pattern`` with each of its groups not captured: each opening
    parenthesis after an even run of backslashes (none, or \\\\ before a
    group), not one of an extension (``(?``)."""
    return re.sub(r"(?<!\\)((?:\\\\)*)\((?!\?)", r"\1(?:", pattern)


def token_kind(key: str, token: str, meant: "dict[str, str]") -> str:
    """The kind of a token of ``token_pattern``: "inside", a string of
    ``meant``; else "run", where it starts with an escape of the notation
    of ``key``; else "simple", a stretch of simple escapes (which starts
    with none: the pattern tries them in that order)."""
    if token in meant:
        return "inside"
    return "run" if re.match(NOTATIONS[key].escape, token) else "simple"


def not_at(patterns: "list[str]") -> str:
    """A pattern that matches nothing where one of ``patterns`` matches."""
    patterns = [pattern for pattern in patterns if pattern != "(?!)"]
    return f"(?!{'|'.join(patterns)})" if patterns else ""


# The letter of a short escape read as its character, in a stretch of
# simple escapes (``token_pattern``).
SHORT_READ = str.maketrans(SHORT)


class Read(NamedTuple):
    """A body read in a notation: the text, where reading stopped, and the
    characters seen escaped, kept as they are, written short, and written
    otherwise inside (a backslash before them, a quote doubled)."""

    text: str
    end: int
    escaped: "set[str]"
    kept: "set[str]"
    short: "set[str]"
    inside: "dict[str, str]"


def read_body(
    body: str, key: str, inside: "dict[str, str]", stop: int, start: int = 0
) -> Read:
    """Read ``body`` from ``start`` in the notation of ``key``, each of
    ``inside`` written as it says, up to the first token past ``stop``
    (within a run of escapes, the first whole character past it; a stretch
    of simple escapes, whole); a run of escapes that makes no characters
    raises ValueError.

    The body is split at its tokens, and each distinct token, and each
    distinct text between them, read once: a copy repeats them (a space and
    %D8%A7 over and over, at the size limit, is 76,000 tokens of one kind).
    """
    meant, replaced = ways_inside(inside)
    tokens = token_pattern(key, tuple(meant), tuple(replaced))
    # Read no further than READ_PAST past the stop; what is read of the text
    # between tokens there, but for the length of the longest escape.
    end = min(len(body), stop + READ_PAST)
    pieces = tokens.split(body[start:end])  # the text before each, and each
    betweens, found = pieces[0::2], pieces[1::2]
    kinds = {each: token_kind(key, each, meant) for each in set(found)}
    # Where each token starts and ends: those that start by the stop are read.
    bounds = list(accumulate(map(len, pieces), initial=start))
    count = bisect.bisect_right(bounds, stop, 1, 2 * len(found)) // 2
    whole, at, tail = found[:count], bounds[2 * count], []
    if count and kinds[found[count - 1]] == "run" and at > stop:
        whole = found[: count - 1]  # the last, a run across the stop, up to it
        run, run_start = found[count - 1], bounds[2 * count - 1]
        chars, at, made, letters = runs_read(key, run, run_start, stop)
        tail.append((chars, made, letters.translate(SHORT_READ), "", {}))
    if count == len(found) and at == bounds[2 * count]:  # the text after the last
        last = end if end == len(body) else max(at, end - LONGEST_ESCAPE)
        # Not within what a wrapper writes of its own (a quote doubled).
        while at < last < len(body) and body[last] in "".join(replaced):
            last -= 1
        tail.append(between_read(body[at:last], replaced))
        at = last
    between_reads = {
        each: between_read(each, replaced) for each in dict.fromkeys(betweens[:count])
    }
    token_reads = {
        each: token_read(key, kinds[each], each, meant) for each in dict.fromkeys(whole)
    }
    # Each piece read as the text between tokens or as a token (no text
    # between them is one), those up to the last read whole.
    texts = {
        each: read[0] for each, read in [*between_reads.items(), *token_reads.items()]
    }
    read = Read(
        "".join(map(texts.__getitem__, pieces[: count + len(whole)]))
        + "".join(chars for chars, *_ in tail),
        at,
        set(),
        set(),
        set(),
        {},
    )
    # (A character written inside two ways, a quote doubled and after a
    # backslash, is taken as the last read here writes it: no way makes such
    # a body again.)
    for _, escaped, short, kept, ways in [
        *between_reads.values(),
        *token_reads.values(),
        *tail,
    ]:
        read.escaped.update(escaped)
        read.short.update(short)
        read.kept.update(kept)
        read.inside.update(ways)
    return read


def between_read(text: str, replaced: "dict[str, str]") -> tuple:
    """What ``text``, between tokens, reads as (as ``token_read``), each of
    ``replaced`` (a quote doubled) as the character it stands for."""
    part = as_it_is = text
    ways = {}
    for written, char in replaced.items():
        if written in part:
            ways[char] = written
            part = part.replace(written, char)
            as_it_is = as_it_is.replace(written, "")  # (not kept as it is)
    return part, "", "", as_it_is, ways


def token_read(key: str, kind: str, token: str, meant: "dict[str, str]") -> tuple:
    """What a token of ``kind`` (``token_kind``) reads as, whole, in the notation of
    ``key``: its characters, those escaped, written short and kept as they
    are, and the ways of writing inside it shows (character: as written)."""
    if kind == "inside":
        return meant[token], "", "", "", {meant[token]: token}
    if kind == "run":
        chars, _, made, letters = runs_read(key, token, 0, len(token))
        return chars, made, letters.translate(SHORT_READ), "", {}
    chars, plain, escaped_chars = one_character_escapes_read(token, SHORT_READ)
    escaped_chars = set(escaped_chars)
    short = "".join(SHORT[char] for char in escaped_chars if char in SHORT)
    ways = {char: "\\" + char for char in escaped_chars if char not in SHORT}
    return chars, "", short, "".join(plain), ways


def ways_inside(inside: "dict[str, str]") -> "tuple[dict, dict]":
    """Each way of ``inside`` (character: as written), as written: those that
    hold a backslash, read as a token, before backslash escapes; the rest (a
    quote doubled, XML's entities), in the text between them."""
    meant = {written: char for char, written in inside.items() if "\\" in written}
    replaced = {
        written: char for char, written in inside.items() if "\\" not in written
    }
    return meant, replaced


def ends_kept(body: str, key: str, inside: "dict[str, str]") -> bool:
    """Tell whether the last backslash of ``body`` that escapes (the last of
    an odd run) starts no token of the notation of ``key``, a family of
    backslash escapes: it is kept as it is, as none writes it (a copy cut
    short in an escape).  Told at once, before a long body is read."""
    at = body.rfind("\\")
    if not NOTATIONS[key].backslash or at < 0:
        return False
    before = at  # where the run of backslashes it ends starts
    while before > max(0, at - LONGEST_ESCAPE) and body[before - 1] == "\\":
        before -= 1
    if body[before - 1 : before] == "\\" or (at - before) % 2:
        return False  # a longer run, or one whose last is escaped
    meant, replaced = ways_inside(inside)
    return not token_pattern(key, tuple(meant), tuple(replaced)).match(body, at)


def read_on(read: Read, more: Read) -> Read:
    """A body read up to where ``read`` ends, then on as ``more`` reads it."""
    return Read(
        read.text + more.text,
        more.end,
        read.escaped | more.escaped,
        read.kept | more.kept,
        read.short | more.short,
        {**read.inside, **more.inside},
    )


def runs_read(key: str, run: str, start: int, stop: int) -> "tuple[str, int, str, str]":
    """What a run of escapes at ``start`` of a body makes, the notation's of
    ``key`` and short ones among them: its characters, where reading
    stopped, what the notation's escapes made, and the letters of the short
    ones.  Read whole where it ends by ``stop``, else up to the first whole
    character past it.  Split at its short escapes: each distinct run of the
    notation's escapes between them is read once (``run_made``), as a copy
    repeats them."""
    pieces = SHORT_ESCAPES.split(run)  # the notation's, a short one, and so on
    end, cut = start + len(run), ""
    if end > stop:  # what starts past the stop is not read
        while len(pieces) > 1 and end - len(pieces[-1]) > stop:
            end -= len(pieces.pop())
        if len(pieces) % 2:  # the notation's escapes across it, up to a whole character
            last = pieces.pop()
            cut, end = run_read(NOTATIONS[key], last, end - len(last), stop)
        pieces.append("")  # (a short escape across it is read whole)
    runs, shorts = pieces[0::2], pieces[1::2]
    made = {each: run_made(key, each) if each else "" for each in set(runs)}
    letters = "".join(shorts)[1::2]
    pieces[0::2] = map(made.__getitem__, runs)
    pieces[1::2] = letters.translate(SHORT_READ)
    return "".join(pieces) + cut, end, "".join(made.values()) + cut, letters


@functools.lru_cache(maxsize=4096)
def run_made(key: str, run: str) -> str:
    """The characters a whole run of escapes in the notation of ``key`` makes."""
    return run_read(NOTATIONS[key], run, 0, len(run))[0]


def run_read(notation: Notation, run: str, start: int, stop: int) -> "tuple[str, int]":
    """The characters a run of escapes, at ``start`` of a body, makes up to the
    first whole character past ``stop``, and where that is; escapes that
    make no characters raise ValueError.  Read by its distinct escapes, each
    once: a copy repeats them."""
    escapes = list(map(itemgetter(0), whole_escape(notation.escape).findall(run)))
    value_of = {
        escape: notation.value(re.fullmatch(notation.escape, escape, re.DOTALL))
        for escape in set(escapes)
    }
    values, end = list(map(value_of.__getitem__, escapes)), start + len(run)
    if end > stop:  # up to the first whole character past it
        ends = list(accumulate(map(len, escapes), initial=start))
        for count in range(bisect.bisect_right(ends, stop), len(values) + 1):
            # (a character is four values at most: UTF-8's bytes)
            if whole(notation.unit, values[max(0, count - 4) : count]):
                values, end = values[:count], ends[count]
                break
    try:
        return UNITS[notation.unit](values), end
    except (UnicodeDecodeError, OverflowError, KeyError) as error:
        raise ValueError("escapes that make no characters") from error


@functools.lru_cache(maxsize=None)
def whole_escape(escape: str) -> "re.Pattern[str]":
    """``escape`` as a group of its own, the first ``findall`` gives of each."""
    return re.compile(f"({escape})", re.DOTALL)


def whole(unit: str, values: "list[int | str]") -> bool:
    """Tell whether ``values`` of ``unit`` end with a whole character: not
    within a surrogate pair, or a UTF-8 sequence."""
    if unit == "UTF-16":
        return not 0xD800 <= values[-1] <= 0xDBFF
    if unit != "UTF-8":
        return True
    lead = next(
        (at for at in range(len(values) - 1, -1, -1) if not 0x80 <= values[at] < 0xC0),
        None,
    )
    if lead is None:
        return False
    length = (
        1 + (values[lead] >= 0xC0) + (values[lead] >= 0xE0) + (values[lead] >= 0xF0)
    )
    return len(values) - lead == length


def parts_read(read: Read, key: str) -> "tuple[str, str, tuple] | None":
    """The set, the line rule and what is written otherwise inside, as a body
    read shows them: the first set that holds every character escaped and
    none kept (but those the notation writes as they are); None where none
    does."""
    notation = NOTATIONS[key]
    write = notation.write
    if "\n" in read.kept:
        lines = "kept"
    elif "\n" in read.escaped or not notation.backslash:
        lines = "escaped" if "\n" in read.escaped else "kept"
    elif read.short or not read.escaped & set(notation.shorts):
        lines = "\\n"  # short escapes seen, or none that would be
    else:
        lines = "escaped"
    if "\\" in read.kept and notation.backslash:
        return None  # a backslash kept as it is: not a writer of backslash escapes
    escaped = (read.escaped | read.short) - {"\n"}
    kept = read.kept - {"\n"}
    for name in NONE_SETS if key == "none" else CHARACTER_SETS:
        in_set = CHARACTER_SETS[name]
        if all(map(in_set, escaped)) and not any(
            in_set(char) and write(char) != char for char in kept
        ):
            return name, lines, tuple(sorted(read.inside.items()))
    return None


# An escape of hex digits of any family (``hex_escapes``), after a backslash
# that no backslash escapes; a backslash and another character, none.
HEX_ESCAPES = re.compile(
    r"\\[^uUx]|(\\(?:u\{[0-9A-Fa-f]+\}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|x[0-9A-Fa-f]{2}))",
    re.DOTALL,
)


@functools.lru_cache(maxsize=4)  # a copy, asked by each escape that reads it
def hex_escapes(copy: str) -> "frozenset[str]":
    """The distinct escapes of hex digits ``copy`` holds, of any family:
    none where no backslash is before u, U or x (looked for at once)."""
    if not HEX_ESCAPE.search(copy):
        return frozenset()
    return frozenset(HEX_ESCAPES.findall(copy)) - {""}


def writes_each(key: str, escaped: str, escapes: "frozenset[str]") -> bool:
    """Tell whether each of ``escapes`` is what the notation of ``key``
    writes of a character of the set ``escaped``: none is a look-alike's
    (\\xe9 for Go, \\u4e2d for Ruby, \\u0627 where printable characters
    are kept)."""
    notation = NOTATIONS[key]
    for escape in escapes:
        match = re.fullmatch(notation.escape, escape)
        if match is None or notation.unit != "code point":
            return False
        char = chr(notation.value(match))
        if notation.write(char) != escape or not CHARACTER_SETS[escaped](char):
            return False
    return True


def seen(key: str, body: str) -> bool:
    """Tell whether ``body`` shows an escape of the notation of ``key``."""
    notation = NOTATIONS[key]
    return key != "none" and bool(re.search(notation.mark or notation.escape, body))


# Each escape of a family of backslash escapes starts with a backslash and
# a letter or digit: a copy that holds none is looked through once, not
# once for each family (at a backslash, most patterns are tried on).
BACKSLASH_ESCAPE = re.compile(r"\\[0-9A-Za-z]")


@functools.lru_cache(maxsize=8)  # a text the search undoes to more than once
def shown(copy: str) -> "tuple[str, ...]":
    """The notations whose escapes ``copy`` shows, and "none": those a copy
    is read in."""
    backslashed = bool(BACKSLASH_ESCAPE.search(copy))
    return tuple(
        key
        for key, notation in NOTATIONS.items()
        if key == "none" or (backslashed or not notation.backslash) and seen(key, copy)
    )


def readings(
    copy: str, key: str, elsewhere=lambda text, parts, whole: False, line_fed=False
):
    """Yield each text ``copy`` reads as in the notation of ``key``, and its
    parts, made again to the same bytes: lines GNU sed's l folded, or a
    wrapper whose pattern it fits, each way a wrapper's own characters are
    written, the set and line rule read.  Of a long copy, one whose start,
    read in those parts, ``elsewhere(start, parts, False)`` says is named
    otherwise, is passed over (see ``body_read``).  ``line_fed``: only lines
    sed folded, read as a text that ends with a line feed."""
    yield from folded_readings(copy, key, line_fed)
    for wrapper, before, body, after in [] if line_fed else wrapped(copy):
        if key == "none" and not before + after and "\\" not in body:
            continue  # nothing around it, nothing escaped: the copy as it is
        # Literals joined by +: read as one, each \\n that ends one in it.
        joiner = after + JOINER + before
        joined = before and after and len(body) <= JOINED_MOST and joiner in body
        if joined:
            body = body.replace("\\n" + joiner, "\\n")
            if joiner in body:
                continue  # a literal that does not end a line
        # A way the body shows none of reads it as the last does: read once.
        shown_inside = [
            inside
            for inside in wrapper.inside[:-1]
            if any(written in body for written in inside.values())
        ]
        ways = [
            (read_as, inside)
            for read_as in read_as_nothing(key, wrapper, body)
            for inside in shown_inside + list(wrapper.inside[-1:])
        ]
        for read_as, inside in ways:
            read = body_read(body, read_as, inside, (before, after), elsewhere)
            if not read:
                continue
            text, (escaped, lines, written) = read
            if read_as != key:
                escaped = "nothing"  # none escaped, else it is read as references
            if joined:
                lines = "\\n +"
            parts = (key, escaped, (before, after), lines, written)
            if (joined or read_as != key) and composed(text, *parts) != copy:
                continue
            yield text, parts


def read_as_nothing(key: str, wrapper: Wrapper, body: str) -> "list[str]":
    """The notations a body is read in for ``key``: itself, but for "none",
    which reads a backslash's escapes, where nothing escaped is read as no
    reference is: where no backslash escapes (XML), and where a backslash
    is kept as it is (``parts_read`` refuses it, as a writer of backslash
    escapes would escape it), where none is before a letter, a digit, a
    quote or a backslash: no escape a writer of backslash escapes writes,
    which a long body would be read in for nothing."""
    if key != "none":
        return [key]
    if not wrapper.backslashes:
        return ["&#d;"]
    kept = "\\" in body and not BACKSLASH_WRITTEN.search(body)
    return ["none", "&#d;"] if kept else ["none"]


# A backslash escape as any writer of them writes one (``read_as_nothing``).
BACKSLASH_WRITTEN = re.compile(r"\\[0-9A-Za-z\\'\"]")


def folded_readings(copy: str, key: str, line_fed: bool = False):
    """Yield the text ``copy`` reads as in the notation of ``key``, and its
    parts, where GNU sed's l wrote it so (``folded_read``).  sed writes a
    text alike with or without a line feed at its end: ``line_fed``, with
    one."""
    read = folded_read(copy, key)
    if read is None:
        return
    text, parts = read
    if not line_fed:
        yield text, parts
    elif not text.endswith("\n"):  # its last line is empty: it has one
        yield text + "\n", parts


@functools.lru_cache(maxsize=64)  # a copy, read with and without a line feed
def folded_read(copy: str, key: str) -> "tuple[str, tuple] | None":
    """The text ``copy`` reads as in the notation of ``key``, and its parts,
    where GNU sed's l wrote it so (``FOLDED``): its lines unfolded and read
    whole, at sed's width or the narrowest the copy shows, made again to
    the same bytes; None where not."""
    body = unfolded(copy)
    if body is None:
        return None
    try:
        read = read_body(body, key, {}, len(body))
    except ValueError:
        return None
    parts = parts_read(read, key)
    if parts is None:
        return None
    escaped, _, inside = parts
    folds = "\\\n" in copy
    for width in (SED_WIDTH, narrowest(copy, key) if folds else 0):
        lines = f"$ folded at {width}"
        if composed(read.text, key, escaped, ("", ""), lines, inside) == copy:
            return read.text, (key, escaped, ("", ""), lines, inside)
    return None


@functools.lru_cache(maxsize=4)  # a copy, read in each notation it shows
def unfolded(copy: str) -> "str | None":
    """The lines of a copy GNU sed's l wrote, each "$" and fold taken out,
    joined by line feeds; None where a line feed neither ends a line ("$")
    nor folds one (a backslash).  (A backslash of the text is written
    \\\\, a line feed of it ends a line: the one before a line feed is
    sed's.)"""
    if not copy.endswith("$\n"):
        return None
    if copy.count("\n") != copy.count("$\n") + copy.count("\\\n"):
        return None
    lines = copy.replace("\\\n", "").replace("$\n", "\n")
    # A last line that is empty is a line feed more: sed reads none after
    # the text's last line feed.
    return lines if lines.endswith("\n\n") or lines == "\n" else lines[:-1]


def narrowest(copy: str, key: str) -> int:
    """The narrowest width that folds the lines of ``copy`` as they are: one
    past the longest piece (up to a fold's backslash or the "$" that ends a
    line) that sed wrote without a fold: the start of a line, or one of
    more than an escape or character (one alone after a fold may be wider).
    Looked for from the longest: one of a few characters is one escape."""
    pieces = copy[:-1].split("\n")
    one = re.compile(f"{NOTATIONS[key].escape}|\\\\.|.", re.DOTALL)
    by_length = {}
    for at, piece in enumerate(pieces):
        by_length.setdefault(len(piece) - 1, []).append(at)
    for length in sorted(by_length, reverse=True):
        for at in by_length[length]:
            starts = at == 0 or pieces[at - 1][-1] == "$"
            if starts or not one.fullmatch(pieces[at], 0, length):
                return length + 1
    return 1


def body_read(
    body: str, key: str, inside: "dict[str, str]", around: tuple, elsewhere
) -> "tuple | None":
    """The text ``body`` reads as in the notation of ``key`` and the parts it
    shows, where made again they write it; None where they do not.  Of a
    long body, starts ever longer are read, each on from the last, and made
    again first (PROBED, and past its first escape), and where
    ``elsewhere`` says another names the copy of a text that starts as it
    reads (those parts, ``around`` it), None: read in whole, it would be
    that text."""
    first = re.search(NOTATIONS[key].escape, body)
    stops = {PROBED * PROBED_MORE**power for power in range(8)}
    stops.add(first.end() + PROBED if first else PROBED)  # its first escape read
    stops = sorted(stop for stop in stops if 2 * stop < len(body)) + [len(body)]
    read = Read("", 0, set(), set(), set(), {})
    if ends_kept(body, key, inside):
        return None
    try:
        for stop in stops:
            read = read_on(read, read_body(body, key, inside, stop, read.end))
            parts = parts_read(read, key)
            if parts is None:
                return None
            made = composed(read.text, key, *parts[:1], ("", ""), *parts[1:])
            # Of the start, what its last characters make may differ: they
            # may be half of a quote doubled.
            alike = read.end if read.end == len(body) else read.end - LONGEST_ESCAPE
            if made[:alike] != body[:alike]:
                return None
            if read.end < len(body) and elsewhere(
                read.text, (key, parts[0], around, *parts[1:]), False
            ):
                return None
    except ValueError:
        return None
    return read.text, parts


# Tools.

# Parts that are a tool's own output, and the tool as a report names it:
# each checked against the tool's output of the article, kept in the tests
# (tests/test_tools.py), and in its documentation or source for the rest.
TOOLS = {
    (
        "\\xhh\\uhhhh\\Uhhhhhhhh",
        "outside printable ASCII",
        ("'", "'"),
        "\\n",
        (("\\", "\\\\"),),
    ): "Python's ascii()",
    (
        "\\u{h}",
        "not printable, and combining marks",
        ('"', '"'),
        "\\n",
        (('"', '\\"'), ("\\", "\\\\")),
    ): "Rust's {:?}",
    ("\\u{h}", "outside printable ASCII", ("", ""), "\\n", BACKSLASHED): (
        "Rust's escape_default"
    ),
    ("\\u{h}", "every character", ("", ""), "escaped", ()): "Rust's escape_unicode",
    ("\\u{h}", "not printable", ("", ""), "\\n", BACKSLASHED): "Rust's escape_debug",
    (
        "\\x{h}",
        "outside printable ASCII",
        ('$VAR1 = "', '";\n'),
        "\\n",
        (('"', '\\"'), ("$", "\\$"), ("@", "\\@"), ("\\", "\\\\")),
    ): "Perl's Data::Dumper with Useqq",
    (
        "\\ooo",
        "outside printable ASCII",
        ("$'", "'"),
        "\\n",
        (("'", "\\'"), ("\\", "\\\\")),
    ): "bash's printf %q in the C locale",
    ("M-x", "outside printable ASCII", ("", ""), "kept", ()): "cat -v",
    (
        "\\ooo",
        "outside printable ASCII",
        ("", ""),
        f"$ folded at {SED_WIDTH}",
        (("\\", "\\\\"),),
    ): "GNU sed's l",
    (
        "none",
        "nothing",
        ("'", "'"),
        "kept",
        (("'", "\\'"), ("\\", "\\\\")),
    ): "PHP's var_export",
    ("none", "nothing", ("'", "'"), "kept", (("'", "''"),)): "SQLite's quote()",
}


def tool_parts(text: str, parts: tuple, copy: str) -> tuple:
    """The parts of a tool that write ``copy`` of ``text``, where a tool's do
    (a set or what is backslashed read off the copy may be narrower than
    the tool's, where the text has none of the rest; the notation, what goes
    around and line feeds are read as they are); else ``parts``."""
    if parts in TOOLS:
        return parts
    for each in TOOLS:
        alike = (each[0], each[2], each[3]) == (parts[0], parts[2], parts[3])
        if alike and composed(text, *each) == copy:
            return each
    return parts


def said(
    notation: str,
    escaped: str,
    around: "tuple[str, str]",
    lines: str,
    inside: "tuple[tuple[str, str], ...]",
) -> str:
    """How a report names an escape of these parts, and the tool whose they are."""
    return said_together([(notation, escaped, around, lines, inside)])


def said_together(forms: "list[tuple]") -> str:
    """How a report names escapes of these parts that write the same bytes of
    a text (``alike``), in one line: what they all say, the notations of
    those alike but for it, and each tool whose they are.  What only some
    say is of characters the text does not hold, else they would differ."""
    phrases = [parts_said(*form) for form in forms]
    common = [each for each in phrases[0] if all(each in other for other in phrases)]
    escaping = [form for form in forms if form[0] != "none"]
    if any(parts_said(*form)[0] not in common for form in escaping):
        # Alike but for the notation, or the set: each named, the notations
        # by their keys.
        sets = list(dict.fromkeys(SETS_SAID[form[1]] for form in escaping))
        notations = list(dict.fromkeys(form[0] for form in escaping))
        written = (
            either(notations) if len(notations) > 1 else NOTATIONS[notations[0]].said
        )
        common.insert(0, f"{either(sets)} as {written}")
    tools = list(dict.fromkeys(TOOLS[form] for form in forms if form in TOOLS))
    return (
        "written with "
        + ", ".join(common)
        + (f", as {either(tools)} writes it" if tools else "")
    )


def parts_said(
    notation: str,
    escaped: str,
    around: "tuple[str, str]",
    lines: str,
    inside: "tuple[tuple[str, str], ...]",
) -> "list[str]":
    """What a report says of each of these parts, in order."""
    told = []
    if notation != "none":
        told.append(f"{SETS_SAID[escaped]} as {NOTATIONS[notation].said}")
    elif escaped == "controls":
        told.append("each control character by its short escape")
    told.append(lines_said(lines))
    told += [f"{char} as {written}" for char, written in inside]
    wrapper = wrapper_of(around)
    if wrapper.said:
        told.append(wrapper.said)
    if "KEY" in wrapper.said or "XML" in wrapper.said:
        told[-1] += f" ({around[0]!r} before the text, {around[1]!r} after)"
    return told


def alike(text: str, parts: tuple) -> "list[tuple]":
    """The other parts that write ``text`` as ``parts`` do: another notation,
    where they escape some character of it, and the parts of each tool of
    TOOLS that writes the same bytes (a text with no quote is quoted alike
    by PHP's var_export and SQLite's quote())."""
    made = composed(text, *parts)
    notation, escaped, *rest = parts
    others = [
        (key, escaped, *rest)
        for key in NOTATIONS
        if key not in (notation, "none")
        and notation != "none"
        and any(map(CHARACTER_SETS[escaped], characters_of(text)))
    ]
    found = []
    for other in others + [each for each in TOOLS if each != parts]:
        try:
            # Told apart on the text's start first: each writes a character
            # as it is, but for what ends the text (a quote, sed's "$").
            start = composed(text[:PROBED], *other)
            if not made.startswith(start[: len(start) - LONGEST_ESCAPE]):
                continue
            if composed(text, *other) == made:
                found.append(other)
        except ValueError:  # parts that cannot write it (no \n in %HH)
            continue
    return found


def characters_of(text: str) -> "set[str]":
    """The distinct characters of ``text``, but for a line feed: the line rule's."""
    return set(text) - {"\n"}


# Of the notations the size limit follows, the two that write the most of
# any character: \uhhhh of ASCII (six bytes), \ooo of the rest (four a
# byte).  A test checks it against every notation.
WIDEST = ("\\uhhhh", "\\ooo")


def widest(text: str) -> tuple:
    """The parts that write the most of ``text``: every character in the
    notation of WIDEST that writes it longest."""
    notation = max(
        WIDEST, key=lambda key: sum(len(NOTATIONS[key].write(char)) for char in text)
    )
    return notation, "every character", ("", ""), "escaped", ()
