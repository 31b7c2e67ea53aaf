"""Check that files are the Arabic news article fixture, byte for byte.

With no FILE, check the repository: ar_news.txt is the original (its size
and CRC-32 are pinned here) and what make_article.py writes is the same bytes.
With FILEs, compare each with the original; "-" reads standard input;
--expected compares them with a file of one's own instead.

A file that matches prints ``FILE: OK``.  One that differs prints where, in
cmp's terms (byte, line and column, numbered from 1), the characters expected
and found, and which known changes made by tools (an editor, git, a text
pipeline, an encoder, an Arabic shaper or bidi display) explain the file, if
any do: several at once, in some of the places, or cut short.  A change is
named only where the named changes, made again to the expected text, give
the file byte for byte.  --json prints the same as data.
Exit status as cmp: 0 all identical, 1 some file differs, 2 trouble.

From Python:

- ``compare(expected, actual, name)`` returns None or the report;
- ``explain(expected, actual, name)`` returns None or a ``Difference``: where
  the copy differs, and each ``Explanation`` by the keys of its changes;
- ``assert_same(expected, actual, name)`` raises AssertionError with the report;
- ``variant(*keys, text=ARTICLE)`` is the bytes the changes make of a text;
- ``CHANGES`` is the table of known changes, each a ``Change`` with a
  stable key, the name a report prints and what it does to a text;
  ``CHANGES_BY_KEY`` finds one by its key;
- ``size_limit(text)`` is the most bytes the known changes make of a text.
"""

import binascii
import codecs
import os
import sys

try:
    if __package__:  # imported as part of a package, e.g. tests.fixtures.ar_news
        from .make_article import ARTICLE, DEFAULT_TARGET
    else:  # run as a script, or imported from the folder it is in
        from make_article import ARTICLE, DEFAULT_TARGET
except ImportError:  # taken without it: explain and compare work, the command says so
    ARTICLE = DEFAULT_TARGET = None
ORIGINAL_BYTES = ARTICLE and ARTICLE.encode("utf-8")

# The original, pinned by its size and CRC-32.  A CRC-32, as zip and PNG
# check what they hold, catches every change of up to 32 bits in a row and
# all but one in four billion of the others: enough against tools, and a
# pin in a file anyone can edit holds against no more than tools.  A SHA-256
# (hashlib) would cost this run the loading of OpenSSL, a sixth of its time;
# it is here for people, as the original's SHA256SUMS gives it.
ORIGINAL_SIZE = 7165
ORIGINAL_CRC32 = 0xC2429492
ORIGINAL_SHA256 = "a1478f8c1314683ffc280c1d19182536c0e1340826b8686424675ae19824c37d"

# How much of a file the command reads: size_limit(ARTICLE), the most bytes
# the known changes make of the original (a test checks it), and one more.
READ_LIMIT = 253923

# How many of the places that differ a report lists.
PLACES_SHOWN = 5

# Names that unicodedata does not give: the control characters have none.
CONTROL_NAMES = {
    "\0": "NULL",
    "\t": "CHARACTER TABULATION",
    "\n": "LINE FEED",
    "\r": "CARRIAGE RETURN",
    "\x1a": "SUBSTITUTE",
}

# The vocabulary: what tools do to Arabic text, the helpers that do and undo
# it, and then the table of known changes that names them.

HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"  # U+064B to U+0652
ALEFS = "\u0622\u0623\u0625\u0627"  # with madda, hamza above, hamza below; alef
SUBSTITUTE = "ar-news-substitute"  # encoding error handlers, registered below
PER_UNIT = "ar-news-per-unit"
ASTRAL = "[\U00010000-\U0010ffff]"  # outside the Basic Multilingual Plane


def as_text(data: "bytes | str") -> str:
    """Bytes as text, each byte that is not UTF-8 kept as a lone surrogate."""
    return data if isinstance(data, str) else data.decode("utf-8", "surrogateescape")


def utf8(text: str) -> bytes:
    """The inverse of ``as_text``: the bytes a text stands for."""
    return text.encode("utf-8", "surrogateescape")


def normalize(form: str, text: str) -> str:
    """Return ``text`` in Unicode normalization ``form``."""
    import unicodedata

    return unicodedata.normalize(form, text)


def substitute(error: UnicodeEncodeError) -> "tuple[str, int]":
    """Write SUB (0x1A) for each character a code page cannot hold, as ICU's uconv does."""
    return "\x1a" * (error.end - error.start), error.end


def per_unit(error: UnicodeEncodeError) -> "tuple[str, int]":
    """Write ? for each UTF-16 code unit a code page cannot hold, as .NET does: two for a character outside the BMP."""
    run = error.object[error.start : error.end]
    return "?" * (len(run.encode("utf-16-le", "surrogatepass")) // 2), error.end


codecs.register_error(SUBSTITUTE, substitute)
codecs.register_error(PER_UNIT, per_unit)


UNDEFINED = "ar-news-undefined"  # an error handler, registered below


def undefined_as_itself(error: UnicodeError) -> "tuple[str | bytes, int]":
    """Read a byte that a code page leaves undefined as the same code point, as
    Windows reads it (the way to mojibake), and write such a character back so."""
    run = error.object[error.start : error.end]
    if isinstance(error, UnicodeDecodeError):
        return run.decode("latin-1"), error.end
    if max(run) > "\xff" or run.encode("latin-1").decode(error.encoding, "ignore"):
        raise error  # no undefined byte is read so
    return run.encode("latin-1"), error.end


codecs.register_error(UNDEFINED, undefined_as_itself)


def decoded(encoding: str, mark: str = "", read: str = ""):
    """Undo saving in ``encoding`` after a byte-order ``mark``, the copy perhaps ``read`` as another first.

    A copy cut short in a character keeps what decodes.  UTF-8 is read
    only where it is UTF-8 up to such an end; bytes that are UTF-8 with
    characters outside ASCII are not taken for a code page's (Arabic text
    in a code page never is).
    """

    def undo(copy: str) -> "tuple[str, tuple]":
        data = copy.encode(read, UNDEFINED) if read else utf8(copy)
        start = mark.encode(encoding)
        if not data.startswith(start):
            raise ValueError("no byte-order mark")
        data = data[len(start) :]
        if encoding.startswith(("utf-16", "utf-32")):
            unit = 4 if encoding.startswith("utf-32") else 2
            return data[: len(data) // unit * unit].decode(
                encoding, "surrogatepass"
            ), ()
        import re

        text = data.decode("utf-8", "surrogateescape")
        undecodable = re.compile(
            "[\udc80-\udcff]"
        )  # as surrogateescape reads such a byte
        if encoding == "utf-8":
            if undecodable.search(text, 0, len(text) - 3):
                raise ValueError("not UTF-8")
            return text, ()
        if not text.isascii() and not undecodable.search(text):
            raise ValueError("UTF-8, not a code page's bytes")
        return data.decode(encoding, "surrogateescape"), ()

    return undo


def outside_the_bmp(replacement: str, text: str) -> str:
    """Replace each character outside the Basic Multilingual Plane (the flag's two)."""
    import re

    return re.sub(ASTRAL, replacement, text)


def cesu_8(text: str) -> bytes:
    """Encode as CESU-8: a character outside the BMP as the UTF-8 of its UTF-16 surrogates."""
    import re

    def surrogates(match: "re.Match[str]") -> str:
        code = ord(match[0]) - 0x10000
        return chr(0xD800 + (code >> 10)) + chr(0xDC00 + (code & 0x3FF))

    return re.sub(ASTRAL, surrogates, text).encode("utf-8", "surrogatepass")


def unicode_saving(encoding: str, mark: bool):
    """Make and undo saving in ``encoding``, after a byte-order mark if ``mark``."""
    start = "\ufeff" * mark
    return (lambda text: (start + text).encode(encoding)), decoded(encoding, start)


def cesu_8_undone(copy: str) -> "tuple[str, tuple]":
    """Undo CESU-8: surrogate pairs written as UTF-8 joined into their characters."""
    text = utf8(copy).decode("utf-8", "surrogatepass")
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le"), ()


def strip_line_ends(text: str) -> str:
    r"""Remove trailing whitespace as ``s/\s+$//mg`` does: empty lines go with it."""
    import re

    return re.sub(r"\s+$", "", text, flags=re.MULTILINE)


def without_empty_lines(text: str) -> str:
    """Remove each line that is empty or only whitespace, with its line break, as
    HTML-to-text tools do: a line break always goes with it, so no part of a line is one."""
    import re

    return re.sub(r"^[^\S\n]*\n", "", text, flags=re.MULTILINE)


def newline_undone(copy: str) -> "tuple[str, tuple]":
    """Undo a newline added at the end, as after a value a command-line tool prints."""
    if not copy.endswith("\n"):
        raise ValueError("no newline at the end")
    return copy[:-1], ()


# Shaping: each letter as its presentation form, and back.

POSITIONS = (
    "<isolated>",
    "<initial>",
    "<final>",
    "<medial>",
)  # by joining: after, before
SHAPES: "tuple[dict[str, str], dict[str, str]]" = ({}, {})  # built on first use


def presentation_forms() -> "tuple[dict[str, str], dict[str, str]]":
    """The Arabic presentation forms (U+FB50 to U+FDFF, U+FE70 to U+FEFF), from unicodedata.

    Two maps, built once: each form to the letters it stands for, and the
    letters followed by a position (``"<final>"``) to their form.
    """
    letters_of, form_of = SHAPES
    if not letters_of:
        import unicodedata

        for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
            tag, *letters = unicodedata.decomposition(chr(code)).split() or [""]
            if tag in POSITIONS:
                written = "".join(chr(int(letter, 16)) for letter in letters)
                letters_of[chr(code)] = written
                form_of.setdefault(written + tag, chr(code))
    return SHAPES


def joining(char: str) -> str:
    """How a character joins, read off its presentation forms: D both ways, R to the one before it.

    Tatweel joins both ways, with no forms of its own; a combining mark (T)
    is passed over; anything else (U) joins neither way.
    """
    import unicodedata

    form_of = presentation_forms()[1]
    if char == "\u0640" or char + "<initial>" in form_of:
        return "D"
    if char + "<final>" in form_of:
        return "R"
    return "T" if unicodedata.category(char) == "Mn" else "U"


def shape(text: str, fribidi: bool = False) -> str:
    """Write each Arabic letter as its presentation form for its place in the word.

    As arabic-reshaper does: lam before alef becomes one ligature, across
    harakat, which follow it; hamza, which joins neither way, in its
    isolated form.  ``fribidi``: as FriBidi does: the ligature only with no
    haraka between, U+FEFF in the lam's place, hamza left as it is.
    """
    form_of = presentation_forms()[1]
    kinds = list(map(joining, text))
    letters = [index for index, kind in enumerate(kinds) if kind != "T"]
    shaped, ligated = list(text), set()  # ligated: alefs in a ligature
    for number, index in enumerate(letters):
        char, kind = text[index], kinds[index]
        before = kinds[letters[number - 1]] if number else "U"
        following = letters[number + 1] if number + 1 < len(letters) else None
        after = kinds[following] if following is not None else "U"
        joins_before = kind in "DR" and before == "D"
        joins_after = kind == "D" and after in "DR"
        if index in ligated or (kind == "U" and fribidi):
            continue
        if (
            char == "\u0644"
            and following is not None
            and text[following] in ALEFS
            and (not fribidi or following == index + 1)
        ):
            position = "<final>" if joins_before else "<isolated>"
            ligature = form_of[char + text[following] + position]
            shaped[index] = "\ufeff" if fribidi else ligature
            shaped[following] = ligature if fribidi else ""
            ligated.add(following)
            continue
        position = POSITIONS[joins_after + 2 * joins_before]
        shaped[index] = form_of.get(char + position, char)
    return "".join(shaped)


def unshape(text: str) -> str:
    """Write presentation forms as their letters again.

    A shaper that joins lam and alef into one ligature writes the harakat
    of the lam after it: they go back between the two letters.
    """
    import re

    letters_of = presentation_forms()[0]

    def letters(match: "re.Match[str]") -> str:
        form, harakat = match[1], match[2]
        written = letters_of.get(form, form)
        if "\ufef5" <= form <= "\ufefc":  # a lam-alef ligature
            return written[0] + harakat + written[1]
        return written + harakat

    # FriBidi keeps the lam's place in a lam-alef ligature with U+FEFF, before it
    text = re.sub(f"\ufeff([{HARAKAT}]*)([\ufef5-\ufefc])", r"\2\1", text)
    forms = "\ufb50-\ufdff\ufe70-\ufefe"
    return re.sub(f"([{forms}])([{HARAKAT}]*)", letters, text)


# Characters inserted: where they were is the form, read off the copy.


def inserted(characters: str):
    """Make and undo the insertion of runs of ``characters``.

    Its form is where each run goes: (offset in the text before, run), in
    order; by default one of the first character at the start of each line.
    """

    def make(text: str, runs: "tuple | None" = None) -> str:
        if runs is None:
            return "\n".join(characters[0] + line for line in text.split("\n"))
        pieces, last = [], 0
        for offset, run in runs:
            pieces += [text[last:offset], run]
            last = offset
        return "".join(pieces) + text[last:]

    def undo(copy: str) -> "tuple[str, tuple]":
        import re

        if not any(char in copy for char in characters):
            raise ValueError("none inserted")
        runs, removed = [], 0
        for match in re.finditer(f"[{characters}]+", copy):
            runs.append((match.start() - removed, match[0]))
            removed += len(match[0])
        return re.sub(f"[{characters}]+", "", copy), (tuple(runs),)

    def widest(text: str) -> tuple:  # one after each character
        return (tuple((offset, characters[0]) for offset in range(1, len(text) + 1)),)

    return make, undo, widest


# Escapes: each written by its forward function, in the form read off the copy.


def unescape_python(text: str) -> str:
    """Undo Python's backslash escapes (``\\n``, ``\\xa0``, ``\\u0627``, ``\\U0001f1e8``)."""
    import warnings

    with warnings.catch_warnings():  # an unknown escape is kept, not warned about
        warnings.simplefilter("ignore")
        return text.encode("latin-1", "backslashreplace").decode("unicode_escape")


def python_literal(copy: str) -> "tuple[str, tuple]":
    """Undo ``repr()``: a string literal in quotes."""
    if len(copy) < 2 or copy[0] not in "'\"" or copy[-1] != copy[0]:
        raise ValueError("not a string literal")
    return unescape_python(copy[1:-1]), ()


def unicode_escaped(copy: str) -> "tuple[str, tuple]":
    """Undo ``unicode_escape``: ASCII only, everything else escaped."""
    if not copy.isascii():
        raise ValueError("not what unicode_escape writes")
    return unescape_python(copy), ()


# Backslash escapes, as other languages and formats write a string: for
# each, a function says how it writes a character; one reader reads any back.
# The control characters that C names, and the letter each is written with:
C_ESCAPES = dict(zip("\a\b\f\n\r\t\v", "abfnrtv"))
ESCAPE = r"\\(?:u\{([0-9A-Fa-f]+)\}|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|x([0-9A-Fa-f]{2})|(.))"


def ruby_dump(char: str) -> str:
    """How Ruby's ``String#dump`` writes a character (of text with no ``#{``)."""
    if char in C_ESCAPES or char in '"\\\x1b':
        return "\\" + C_ESCAPES.get(char, "e" if char == "\x1b" else char)
    if char.isascii():
        return char if char.isprintable() else f"\\x{ord(char):02X}"
    return f"\\u{ord(char):04X}" if char < "\U00010000" else f"\\u{{{ord(char):X}}}"


def go_quoted(char: str, ascii_only: bool = False) -> str:
    """How Go's ``%q`` (``strconv.Quote``) writes a character; ``ascii_only``: ``%+q``."""
    import unicodedata

    if char in C_ESCAPES or char in '"\\':
        return "\\" + C_ESCAPES.get(char, char)
    printable = char == " " or unicodedata.category(char)[0] in "LMNPS"
    if printable and (char.isascii() or not ascii_only):
        return char
    code = ord(char)
    return (
        f"\\x{code:02x}"
        if code < 0x80
        else f"\\u{code:04x}"
        if code < 0x10000
        else f"\\U{code:08x}"
    )


def backslashed(escape, quote: str = '"', end: str = ""):
    """Make and undo a string written with backslash escapes: ``escape(char)``, in ``quote``s, ``end`` after."""

    def make(text: str) -> str:
        return quote + "".join(map(escape, text)) + quote + end

    def undo(copy: str) -> str:
        import re

        body = copy[len(quote) : len(copy) - len(quote + end)]
        if "\\" not in copy or copy != quote + body + quote + end:
            raise ValueError("not a string with backslash escapes")

        def unescaped(match: "re.Match[str]") -> str:
            code = next(filter(None, match.groups()[:4]), None)
            return chr(int(code, 16)) if code else UNESCAPED.get(match[5], match[5])

        return re.sub(ESCAPE, unescaped, body, flags=re.DOTALL)

    return make, undo


# YAML's escapes, as PyYAML's emitter writes them in a double-quoted scalar.
YAML_ESCAPES = {
    **C_ESCAPES,
    "\0": "0",
    "\x1b": "e",
    '"': '"',
    "\\": "\\",
    "\x85": "N",
    "\xa0": "_",
    "\u2028": "L",
    "\u2029": "P",
}
UNESCAPED = dict(map(reversed, YAML_ESCAPES.items()))  # what each escape stands for
YAML_BREAK = r"\\\n[ \t]*|[ \t]*(\n[ \t]*)+|" + ESCAPE  # a line break, or any escape


def yaml_quoted(text: str, ascii_only: bool = True, width: "int | None" = 80) -> str:
    """Write as a YAML document of one double-quoted string, as PyYAML's ``yaml.dump`` does.

    Lines broken at a space or after an escape past ``width`` columns (None:
    never), with a backslash; ``ascii_only``: without ``allow_unicode``.
    """
    written, column, start = ['"'], 1, 0
    for end in range(len(text) + 1):
        char = text[end : end + 1]
        kept = (
            " " <= char <= "~"
            or not ascii_only
            and ("\xa0" <= char <= "\ud7ff" or "\ue000" <= char <= "\ufffd")
        )
        if not char or char in '"\\\x85\u2028\u2029\ufeff' or not kept:
            written.append(text[start:end])
            column, start = column + end - start, end
            if char:
                code = ord(char)
                escape = "\\" + YAML_ESCAPES.get(char, "")
                if char not in YAML_ESCAPES:
                    escape += (
                        f"x{code:02X}"
                        if code < 0x100
                        else f"u{code:04X}"
                        if code < 0x10000
                        else f"U{code:08X}"
                    )
                written.append(escape)
                column, start = column + len(escape), end + 1
        if (
            0 < end < len(text) - 1
            and (char == " " or start >= end)
            and width is not None
            and column + end - start > width
        ):
            written += [
                text[start:end],
                "\\\n  " + "\\" * (text[max(start, end)] == " "),
            ]
            start = max(start, end)
            column = 2 + (text[start] == " ")
    return "".join(written) + '"\n'


def yaml_unquoted(copy: str) -> "tuple[str, tuple]":
    """Undo a YAML double-quoted scalar: its escapes and its folded lines.

    The form is whether it kept to ASCII, and the width its lines were
    broken past (None where none is): one of the two its shortest broken
    line allows, at a space or after an escape, the one that writes it.
    """
    import re

    if len(copy) < 3 or copy[0] != '"' or not copy.endswith('"\n'):
        raise ValueError("not a YAML double-quoted scalar")

    def unfolded(match: "re.Match[str]") -> str:
        if match[0].startswith("\\\n"):  # an escaped line break joins the lines
            return ""
        if match[1] is not None:  # a line break is a space; more, one fewer
            return "\n" * (match[0].count("\n") - 1) or " "
        code = next(filter(None, match.groups()[1:5]), None)
        if code:
            return chr(int(code, 16))
        return UNESCAPED.get(match[6], match[6])

    text = re.sub(YAML_BREAK, unfolded, copy[1:-2], flags=re.DOTALL)
    broken = copy.split("\n")[:-2]  # each ends with the backslash of its break
    form = (copy.isascii(), None)
    for past in (2, 3) if broken else ():
        form = (copy.isascii(), min(map(len, broken)) - past)
        if yaml_quoted(text, *form) == copy:
            break
    return text, form


def json_string(text: str, ensure_ascii: bool = True) -> str:
    import json

    return json.dumps(text, ensure_ascii=ensure_ascii)


def json_lines(text: str, ensure_ascii: bool = True) -> str:
    """Write each line as a JSON string on a line of its own: JSON Lines."""
    return "".join(json_string(line, ensure_ascii) + "\n" for line in text.split("\n"))


def json_lines_undone(copy: str) -> "tuple[str, tuple]":
    """Undo ``json_lines``; the form is whether it kept to ASCII."""
    if not copy.endswith("\n"):
        raise ValueError("not JSON Lines")
    lines = [json_undone(line)[0] for line in copy[:-1].split("\n")]
    return "\n".join(lines), (copy.isascii(),)


def json_undone(copy: str, quoted: bool = True) -> "tuple[str, tuple]":
    """Undo ``json.dumps`` of a string; the form is whether it kept to ASCII (``ensure_ascii``)."""
    import json

    if quoted and not copy.startswith(
        '"'
    ):  # a string, never an array or object to nest
        raise ValueError("not a JSON string")
    return json.loads(copy if quoted else f'"{copy}"'), (copy.isascii(),)


def references(text: str, written: "tuple | None" = None) -> str:
    """Write characters as HTML or XML references: ``written`` says how, as (character, reference).

    By default each character outside ASCII as a decimal reference.
    """
    if written is None:
        return "".join(char if char.isascii() else f"&#{ord(char)};" for char in text)
    return text.translate({ord(char): reference for char, reference in written})


def references_undone(copy: str) -> "tuple[str, tuple]":
    """Undo HTML or XML references (``&#1575;``, ``&#x627;``, ``&nbsp;``), each character written one way."""
    import html
    import re

    written: dict[str, str] = {}

    def character(match: "re.Match[str]") -> str:
        char = html.unescape(match[0])
        if len(char) != 1:  # no reference: the copy says &name; itself
            return match[0]
        if written.setdefault(char, match[0]) != match[0]:
            raise ValueError("a character written in two ways")
        return char

    pattern = "&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"
    return re.sub(pattern, character, copy), (tuple(written.items()),)


NAMED: "dict[str, str]" = {}  # each character's longest named reference, built on first use


def widest_references(text: str) -> tuple:
    """Each character of ``text`` as its longest reference: decimal, hex or named."""
    if not NAMED:
        import html.entities

        for name, char in html.entities.html5.items():
            if name.endswith(";") and len(char) == 1:
                NAMED[char] = max(NAMED.get(char, ""), f"&{name}", key=len)
    return (
        tuple(
            (
                char,
                max(
                    f"&#{ord(char)};",
                    f"&#x{ord(char):X};",
                    NAMED.get(char, ""),
                    key=len,
                ),
            )
            for char in set(text)
        ),
    )


# The ASCII characters that urllib.parse.quote encodes: all but letters,
# digits and _.-~ and, with ``safe="/"`` as by default, the slash.
PERCENT_ENCODED = "".join(map(chr, range(32))) + " !\"#$%&'()*+,:;<=>?@[\\]^`{|}\x7f"


def percent_encoded(
    text: str,
    encoded: str = PERCENT_ENCODED,
    lowercase: bool = False,
    plus: bool = False,
) -> str:
    """Percent-encode each byte outside ASCII and each ASCII character in ``encoded``; ``plus``: a space as +."""
    escape = "%{:02x}" if lowercase else "%{:02X}"
    return "".join(
        "+"
        if plus and byte == 0x20
        else escape.format(byte)
        if byte > 0x7F or chr(byte) in encoded
        else chr(byte)
        for byte in utf8(text)
    )


def percent_undone(copy: str, plus: bool = False) -> "tuple[str, tuple]":
    """Undo percent-encoding; the form is which ASCII characters were encoded, and the hex digits' case."""
    import re
    import urllib.parse

    if not copy.isascii():
        raise ValueError("not what percent-encoding writes")
    if plus and "+" not in copy:  # then the same as without plus
        raise ValueError("no + to undo")
    escapes = re.findall("%([0-9A-Fa-f]{2})", copy)
    encoded = "".join(
        sorted({chr(int(code, 16)) for code in escapes if int(code, 16) < 0x80})
    )
    lowercase = any(code != code.upper() for code in escapes)
    unquote = urllib.parse.unquote_plus if plus else urllib.parse.unquote
    return unquote(copy, errors="surrogateescape"), (encoded, lowercase)


def in_lines(encoded: str, width: int, final: bool) -> str:
    """``encoded`` in lines of ``width`` characters (0: one line); ``final``: a line break at the end."""
    starts = range(0, len(encoded), width) if width else [0]
    lines = [encoded[start : start + width] if width else encoded for start in starts]
    return "\n".join(lines) + "\n" * final


def out_of_lines(copy: str, group: int) -> "tuple[str, int, bool]":
    """Undo ``in_lines``: the lines joined, their width, a multiple of ``group``, and whether a line break ends them."""
    lines = copy.split("\n")
    final = len(lines) > 1 and not lines[-1]
    lines = lines[:-1] if final else lines
    width = len(lines[0]) if len(lines) > 1 else 0
    if width % group or not lines[0]:  # nothing encoded is written as nothing
        raise ValueError(f"not lines of whole groups of {group}")
    return "".join(lines), width, final


def base64_encoded(text: str, width: int = 76, final: bool = True) -> str:
    """Encode as Base64, in lines of ``width`` characters (0: one line); ``final``: a line break at the end."""
    import base64

    return in_lines(base64.b64encode(utf8(text)).decode("ascii"), width, final)


def base64_undone(copy: str) -> "tuple[str, tuple]":
    """Undo Base64, as in MIME mail, PEM and data URLs; the form is its line width and final line break."""
    import base64

    encoded, width, final = out_of_lines(copy, 4)
    return as_text(base64.b64decode(encoded, validate=True)), (width, final)


def hex_dump(
    text: str, width: int = 60, final: bool = True, upper: bool = False
) -> str:
    """Write the bytes as hex digits, in lines of ``width`` (0: one line), as ``xxd -p`` does by default."""
    encoded = utf8(text).hex()
    return in_lines(encoded.upper() if upper else encoded, width, final)


def hex_undone(copy: str) -> "tuple[str, tuple]":
    """Undo a hex dump (``xxd -p``, ``binascii.hexlify``); the form is its width, final line break and case."""
    encoded, width, final = out_of_lines(copy, 2)
    if not encoded.isalnum():  # bytes.fromhex would pass over spaces
        raise ValueError("not hex digits")
    return as_text(bytes.fromhex(encoded)), (width, final, encoded != encoded.lower())


# What JavaScript's escape() keeps; it writes each other UTF-16 code unit
# below 0x100 as %XX, and the rest as %uXXXX.
JS_KEPT = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@*_+-./"


def js_escaped(text: str) -> str:
    """Write as JavaScript's ``escape()`` does."""
    units = text.encode("utf-16-be", "surrogatepass")
    codes = (
        int.from_bytes(units[start : start + 2], "big")
        for start in range(0, len(units), 2)
    )
    return "".join(
        chr(code)
        if chr(code) in JS_KEPT
        else f"%{code:02X}"
        if code < 0x100
        else f"%u{code:04X}"
        for code in codes
    )


def js_unescaped(copy: str) -> str:
    """Undo JavaScript's ``escape()``."""
    import re

    if not copy.isascii() or "%" not in copy:
        raise ValueError("not what escape() writes")
    units = re.sub(
        "%u([0-9A-Fa-f]{4})|%([0-9A-Fa-f]{2})",
        lambda match: chr(int(match[1] or match[2], 16)),
        copy,
    )
    return units.encode("utf-16-be", "surrogatepass").decode(
        "utf-16-be", "surrogatepass"
    )


def csv_field(text: str, start: str = "", end: str = "\r\n") -> str:
    """Write as the one field of a CSV file, as the csv module writes it: quoted,
    each quote doubled, then ``end``; ``start`` a byte-order mark, as Excel's."""
    return start + '"' + text.replace('"', '""') + '"' + end


def csv_undone(copy: str) -> "tuple[str, tuple]":
    """Undo ``csv_field``; the form is the byte-order mark before it and the line end after it."""
    start = copy[:1] if copy.startswith("\ufeff") else ""
    field = copy[len(start) :]
    end = "\r\n" if field.endswith('"\r\n') else "\n"  # a row always ends so
    field = field[: len(field) - len(end)]
    if len(field) < 2 or field[0] != '"' or field[-1] != '"':
        raise ValueError("not a quoted CSV field")  # text in quotes is no CSV row
    return field[1:-1].replace('""', '"'), (start, end)


def quoted_printable(text: str, writer: str = "quopri") -> str:
    """Encode as quoted-printable, as Python's ``quopri`` or ``email`` package writes it."""
    if writer == "email":
        import email.quoprimime

        return email.quoprimime.body_encode(utf8(text).decode("latin-1"))
    import quopri

    return quopri.encodestring(utf8(text)).decode("ascii")


def quoted_printable_undone(copy: str) -> "tuple[str, tuple]":
    """Undo quoted-printable (``=D8=A7``, ``=`` at a soft line break); the form is the writer whose wrapping it has."""
    import quopri

    if not copy.isascii():
        raise ValueError("not what quoted-printable writes")
    text = as_text(quopri.decodestring(copy.encode("ascii")))
    writer = "email" if quoted_printable(text, "email") == copy else "quopri"
    return text, (writer,)


# Display order: the Unicode Bidirectional Algorithm (UAX #9) for text
# without explicit embeddings or isolates (they count as neutral) and
# without bracket pairs (N0).  Each step quotes the rule it implements.

# Brackets that a right-to-left run shows mirrored: the pairs of Unicode's
# BidiMirroring.txt (Bidi_Mirroring_Glyph) within ASCII and Latin-1, and the
# single guillemets U+2039 and U+203A.
MIRRORED = str.maketrans("()<>[]{}\xab\xbb\u2039\u203a", ")(><][}{\xbb\xab\u203a\u2039")


def display_line(
    line: str, marks_follow: bool = False, base: "int | None" = None
) -> str:
    """Reorder one line as UAX #9 displays it, at the paragraph level ``base``, if given.

    ``marks_follow``: combining marks after their letter in right-to-left
    runs (L3), as FriBidi writes them.
    """
    original = bidi_classes(line)
    if base is None:
        base = paragraph_level(original)
    if not line or (not base and not {"R", "AL", "AN"} & set(original)):  # level 0
        return line
    kinds = resolve_weak_types(original, base)
    kinds = resolve_neutral_types(kinds, base)
    levels = resolve_implicit_levels(kinds, base)
    levels = reset_whitespace(original, levels, base)
    order = reorder(levels)
    if marks_follow:
        order = marks_after_letters(order, original, levels)
    return mirror(line, order, levels)


def bidi_classes(line: str) -> "list[str]":
    """Each character's bidirectional class."""
    import unicodedata

    return [unicodedata.bidirectional(char) or "ON" for char in line]


def paragraph_level(original: "list[str]") -> int:
    """P2. Find the first character of type L, AL, or R.
    P3. If it is of type AL or R, set the paragraph embedding level to one;
    otherwise, to zero."""
    return int(
        next((kind for kind in original if kind in ("L", "R", "AL")), "L") != "L"
    )


def resolve_weak_types(original: "list[str]", base: int) -> "list[str]":
    """W1 to W7, on the line as one isolating run sequence (sos and eos the paragraph's direction)."""
    edge = "LR"[base]
    kinds, previous, strong = [], edge, edge
    for kind in original:
        # W1. Change the type of each NSM to the type of the previous character.
        kind = previous if kind == "NSM" else kind
        kind = kind if kind in ("L", "R", "AL", "EN", "AN", "ES", "CS", "ET") else "ON"
        # W2. Search backward from each European number until the first strong
        # type is found. If an AL is found, change it to Arabic number.
        if kind == "EN" and strong == "AL":
            kind = "AN"
        if kind in ("L", "R", "AL"):
            strong = kind
        previous = kind
        kinds.append("R" if kind == "AL" else kind)  # W3. Change all ALs to R.
    # W4. A single European separator between two European numbers changes to
    # a European number. A single common separator between two numbers of the
    # same type changes to that type.
    for index in range(1, len(kinds) - 1):
        kind, before, after = kinds[index], kinds[index - 1], kinds[index + 1]
        if before == after and (
            (kind == "ES" and before == "EN")
            or (kind == "CS" and before in ("EN", "AN"))
        ):
            kinds[index] = before
    # W5. A sequence of European terminators adjacent to European numbers
    # changes to all European numbers.
    kinds = resolve_runs(
        kinds, "ET", lambda before, after: "EN" if "EN" in (before, after) else "ET"
    )
    # W6. Otherwise, separators and terminators change to Other Neutral.
    kinds = ["ON" if kind in ("ES", "ET", "CS") else kind for kind in kinds]
    # W7. Search backward from each European number until the first strong
    # type is found. If an L is found, change it to L.
    strong = edge
    for index, kind in enumerate(kinds):
        if kind in ("L", "R"):
            strong = kind
        elif kind == "EN" and strong == "L":
            kinds[index] = "L"
    return kinds


def resolve_neutral_types(kinds: "list[str]", base: int) -> "list[str]":
    """N1. A sequence of neutrals takes the direction of the surrounding strong
    text if the text on both sides has the same direction; numbers count as R.
    N2. Any remaining neutrals take the embedding direction."""
    edge = "LR"[base]
    direction = {"L": "L", "R": "R", "EN": "R", "AN": "R", None: edge}
    return resolve_runs(
        kinds,
        "ON",
        lambda before, after: (
            direction[before] if direction[before] == direction[after] else edge
        ),
    )


def resolve_runs(kinds: "list[str]", kind: str, resolve) -> "list[str]":
    """Replace each run of ``kind`` with what ``resolve(kind before, kind after)`` says."""
    import itertools

    runs = [(each, len(list(group))) for each, group in itertools.groupby(kinds)]
    resolved = []
    for index, (each, length) in enumerate(runs):
        if each == kind:
            before = runs[index - 1][0] if index else None
            after = runs[index + 1][0] if index + 1 < len(runs) else None
            each = resolve(before, after)
        resolved += [each] * length
    return resolved


def resolve_implicit_levels(kinds: "list[str]", base: int) -> "list[int]":
    """I1. At an even level, R goes up one level, AN and EN two.
    I2. At an odd level, L, EN and AN go up one level."""
    raise_by = ({"R": 1, "AN": 2, "EN": 2}, {"L": 1, "AN": 1, "EN": 1})[base]
    return [base + raise_by.get(kind, 0) for kind in kinds]


def reset_whitespace(
    original: "list[str]", levels: "list[int]", base: int
) -> "list[int]":
    """L1. Reset to the paragraph level segment and paragraph separators, any
    whitespace before them, and any whitespace at the end of the line."""
    levels, resetting = list(levels), True
    for index in reversed(range(len(original))):
        if original[index] in ("B", "S"):
            resetting = True
        elif original[index] != "WS":
            resetting = False
        if resetting:
            levels[index] = base
    return levels


def reorder(levels: "list[int]") -> "list[int]":
    """L2. From the highest level to the lowest odd level, reverse any
    contiguous sequence of characters at that level or higher."""
    order = list(range(len(levels)))
    for level in range(max(levels), 0, -1):
        start = None
        for index, at in enumerate(levels + [0]):  # the end: below every level
            if at >= level:
                start = index if start is None else start
            elif start is not None:
                order[start:index] = order[start:index][::-1]
                start = None
    return order


def marks_after_letters(
    order: "list[int]", original: "list[str]", levels: "list[int]"
) -> "list[int]":
    """L3. Combining marks of a right-to-left letter now precede it: put them
    after it again, in their own order."""
    order, position = list(order), 0
    while position < len(order):
        end = position
        while (
            end < len(order)
            and original[order[end]] == "NSM"
            and levels[order[end]] % 2
        ):
            end += 1
        if position < end:
            letter = order[end : end + 1]  # none at the end of the line
            order[position : end + len(letter)] = letter + order[position:end][::-1]
        position = max(end, position) + 1
    return order


def mirror(line: str, order: "list[int]", levels: "list[int]") -> str:
    """L4. A character at an odd level is shown by its mirrored glyph, if it has one."""
    mirrored = line.translate(MIRRORED)
    return "".join(
        [mirrored[index] if levels[index] % 2 else line[index] for index in order]
    )


def display_order(
    text: str, marks_follow: bool = False, base: "int | None" = None, kept: bool = False
) -> str:
    """Write each line as the bidi algorithm displays it; on this article, its own undoing.

    ``kept``: each line break reordered with its line, as a paragraph
    separator at the paragraph's level (L1), so before a right-to-left line.
    """
    lines = text.split("\n")
    shown = [display_line(line, marks_follow, base) for line in lines]
    if not kept:
        return "\n".join(shown)
    rtl = [
        paragraph_level(bidi_classes(line)) if base is None else base
        for line in lines[:-1]
    ]
    return (
        "".join(
            "\n" + line if level else line + "\n" for line, level in zip(shown, rtl)
        )
        + shown[-1]
    )


# The table of known changes.


class Change:
    """A known change: a stable key, the name a report prints, and what it does to a text.

    ``make(text, *form)`` makes it; ``form``, empty for most, says in which
    of the ways that tools write it.  ``stage`` is where it stands in a
    chain (see STAGES).  ``undo(copy)``, where the search needs it, returns
    the text before the change and the form, read off the copy (or the text
    alone, for a change of one form), and raises ValueError where the copy
    cannot be its output.  A change of single
    characters has them in ``table``; its form is the characters it left
    as they were.  ``widest(text)`` is the form that makes the most of a text.
    A saving that cannot be undone is made where ``seen(copy)``: where the
    copy may be its output.
    """

    def __init__(
        self,
        key: str,
        name: str,
        stage: str,
        make=None,
        undo=None,
        widest=None,
        table=None,
        seen=None,
    ) -> None:
        self.key, self.name, self.stage, self.undo = key, name, stage, undo
        self.seen = seen
        self.table = str.maketrans(table) if table else None
        self.make = make or self.translate
        self.widest = widest or (lambda text: ())

    def translate(self, text: str, *kept: str) -> str:
        """Replace the characters of ``table``, all but those ``kept``.

        No replacement holds a character replaced after it.
        """
        for code, new in self.table.items():
            if chr(code) not in kept:
                text = text.replace(chr(code), new)
        return text

    def __repr__(self) -> str:
        return f"<Change {self.key}>"


# Where each stage stands in a chain, in the order they are made.  Text
# changes come first: any number of local ones (of single characters, with a
# ``table``), up to two others.  A wrong reading (mojibake) may be made among
# them or after them; then, one of each at most, what is written over the
# whole text: inserted characters, shaping, display order, a saving other
# than UTF-8, an escape.  A newline added at the end may follow them all, as
# a command-line tool prints it.
STAGES = (
    "text",
    "reading",
    "zero-width",
    "marks",
    "shaping",
    "display",
    "saving",
    "escape",
)


def wrong_reading(key: str, name: str, encoding: str) -> Change:
    """UTF-8 read as the single-byte ``encoding`` and saved as UTF-8 again: mojibake."""
    return Change(
        key,
        name,
        "reading",
        lambda text: utf8(text).decode(encoding, UNDEFINED),
        decoded("utf-8", read=encoding),
    )


def replacing(key: str, name: str, old: str, new: "str | tuple[str, ...]") -> Change:
    """A text change of single characters: each of ``old`` becomes ``new``, or,
    where ``new`` is as long, the character (or string) at its place."""
    table = dict(zip(old, new)) if len(new) == len(old) > 1 else dict.fromkeys(old, new)
    return Change(key, name, "text", table=table)


LEGACY_CODE_PAGES = (("Windows-1256", "cp1256"), ("ISO-8859-6", "iso-8859-6"))
LOSSES = (  # what converters write for a character a code page cannot hold
    ("? for what it cannot hold", "replace", "replaced"),
    ("SUB (0x1A) for what it cannot hold", SUBSTITUTE, "sub"),
    ("dropping what it cannot hold", "ignore", "dropped"),
    ("? for each UTF-16 code unit it cannot hold (as .NET does)", PER_UNIT, "per-unit"),
)
# Code pages saved in, and the losses each is written with: DOS tools, Perl's
# MacArabic (Encode, as Python's mac_arabic: a space as its right-to-left
# duplicate 0xA0), and a latin1 database column's "????".
CODE_PAGES = (
    *(
        (code_page, encoding, "replaced sub dropped per-unit")
        for code_page, encoding in LEGACY_CODE_PAGES
    ),
    ("DOS Arabic (CP720)", "cp720", "replaced sub dropped per-unit"),
    ("MacArabic", "mac-arabic", "replaced"),
    ("Latin-1", "latin-1", "replaced per-unit"),
    ("Windows-1252", "cp1252", "replaced per-unit"),
)
WRONG_READINGS = (  # how the bytes of a legacy code page get read as something else
    ("Latin-1", "latin1", "latin-1"),
    ("Windows-1252", "cp1252", "cp1252"),
    ("UTF-8 (U+FFFD for what is not UTF-8)", "utf8", ""),  # no way back from U+FFFD
)
SEVEN_BITS = bytes(range(0x80)) * 2  # each byte with its high bit cleared
MARKS = "\u200f\u200e\u061c"  # right-to-left, left-to-right, Arabic letter mark
ZERO_WIDTH = "\u200b\u200c\u200d\u2060"  # space, non-joiner, joiner, word joiner

# The keys are public: tests elsewhere assert on them.  Names stay as worded.
# A change of single characters is a row: its key, its name, the characters
# it replaces and what each becomes, between " | " (see ``replacing``).
CHANGES = tuple(
    entry if isinstance(entry, Change) else replacing(*entry.split(" | "))
    for entry in (
        # Changes made to the text, by editors, git, normalizers, Arabic NLP and
        # search tools, Persian keyboards, mojibake and databases.
        Change(
            "newline-added",
            "a newline added at the end",
            "text",
            lambda text: text + "\n",
            newline_undone,
        ),
        "crlf | LF turned into CRLF | \n | \r\n",
        "nbsp-as-space | no-break spaces turned into plain spaces | \xa0 |  ",
        Change(
            "rstrip",
            "trailing whitespace stripped from each line (str.rstrip)",
            "text",
            lambda text: "\n".join(map(str.rstrip, text.split("\n"))),
        ),
        *(
            Change(
                form.lower(),
                f"normalized to {form}",
                "text",
                lambda text, form=form: normalize(form, text),
            )
            for form in ("NFD", "NFKC", "NFKD")
        ),
        wrong_reading(
            "utf8-read-as-latin1",
            "UTF-8 read as Latin-1 and saved as UTF-8 (mojibake)",
            "latin-1",
        ),
        wrong_reading(
            "utf8-read-as-cp1252",
            "UTF-8 read as Windows-1252 and saved as UTF-8 (mojibake)",
            "cp1252",
        ),
        "tatweel-removed | tatweel (kashida, U+0640) removed | \u0640 | ",
        "harakat-removed | harakat (diacritics, U+064B to U+0652) removed | \u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652 | ",
        "alef-unified | alef forms U+0623, U+0625, U+0622 unified to alef U+0627 | \u0623\u0625\u0622 | \u0627",
        "teh-marbuta-as-heh | teh marbuta U+0629 written as heh U+0647 | \u0629 | \u0647",
        "alef-maqsura-as-yeh | alef maqsura U+0649 written as yeh U+064A | \u0649 | \u064a",
        "arabic-indic-digits | Western digits turned into Arabic-Indic digits | 0123456789 | \u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669",
        "quotes-straightened | curly quotes straightened | \u201c\u201d\u2018\u2019 | \"\"''",
        "arabic-comma | Arabic comma U+060C turned into a Latin comma | \u060c | ,",
        "arabic-semicolon | Arabic semicolon U+061B turned into a Latin semicolon | \u061b | ;",
        "cr | LF turned into CR (classic Mac OS) | \n | \r",
        Change(
            "rstrip-regex",
            r"trailing whitespace and empty lines removed by a multi-line \s+$",
            "text",
            strip_line_ends,
        ),
        wrong_reading(
            "utf8-read-as-cp1256",
            "UTF-8 read as Windows-1256 and saved as UTF-8 (mojibake)",
            "cp1256",
        ),
        wrong_reading(
            "utf8-read-as-mac-roman",
            "UTF-8 read as Mac Roman and saved as UTF-8 (mojibake)",
            "mac-roman",
        ),
        "farsi-yeh | yeh U+064A written as Farsi yeh U+06CC | \u064a | \u06cc",
        "alef-maqsura-as-farsi-yeh | alef maqsura U+0649 written as Farsi yeh U+06CC | \u0649 | \u06cc",
        "keheh | kaf U+0643 written as keheh U+06A9 | \u0643 | \u06a9",
        "persian-letters | Persian letters: yeh and alef maqsura as Farsi yeh U+06CC, kaf as keheh U+06A9 | \u064a\u0649\u0643 | \u06cc\u06cc\u06a9",
        "persian-digits | Western digits turned into Extended Arabic-Indic (Persian) digits | 0123456789 | \u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",
        "hamza-unified | hamza forms U+0623, U+0625, U+0624, U+0626 and madda U+0622 written as hamza U+0621 | \u0623\u0625\u0624\u0626\u0622 | \u0621",
        replacing(
            "hamza-madda-as-two",
            "hamza forms U+0623, U+0625, U+0624, U+0626 written as hamza U+0621, madda U+0622 as two",
            "\u0623\u0625\u0624\u0626\u0622",
            ("\u0621", "\u0621", "\u0621", "\u0621", "\u0621\u0621"),
        ),
        replacing(
            "lucene-normalized",
            (
                "normalized for search as Lucene's ArabicNormalizer does: alef forms as alef,"
                " alef maqsura as yeh, teh marbuta as heh, tatweel and harakat removed"
            ),
            "\u0622\u0623\u0625\u0649\u0629\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652",
            ("\u0627", "\u0627", "\u0627", "\u064a", "\u0647", *[""] * 9),
        ),
        Change(
            "astral-as-question-marks",
            "characters outside the BMP (the flag) written as ?, as MySQL's 3-byte utf8 does",
            "text",
            lambda text: outside_the_bmp("?", text),
        ),
        Change(
            "astral-removed",
            "characters outside the BMP (the flag) removed",
            "text",
            lambda text: outside_the_bmp("", text),
        ),
        Change(
            "whitespace-collapsed",
            "whitespace collapsed to single spaces (' '.join(text.split()))",
            "text",
            lambda text: " ".join(text.split()),
        ),
        # What HTML-to-text tools leave of a text.
        "nbsp-removed | no-break spaces removed | \xa0 | ",
        "line-breaks-as-spaces | line breaks turned into spaces | \n |  ",
        Change(
            "empty-lines-removed", "empty lines removed", "text", without_empty_lines
        ),
        "hamza-taken-off | hamza and madda taken off their seats (as accent stripping does): U+0622, U+0623, U+0625 as alef, U+0624 as waw, U+0626 as yeh | \u0622\u0623\u0625\u0624\u0626 | \u0627\u0627\u0627\u0648\u064a",
        "alef-maqsura-as-alef | alef maqsura U+0649 written as alef U+0627 | \u0649 | \u0627",
        # Ways of saving the text other than plain UTF-8: each makes bytes.
        Change(
            "utf8-bom",
            "a UTF-8 byte-order mark added",
            "saving",
            *unicode_saving("utf-8", True),
        ),
        *(
            Change(
                f"utf{bits}{order.lower()}{'-bom' * mark}",
                f"saved as UTF-{bits} {order}{' with a byte-order mark' * mark}",
                "saving",
                *unicode_saving(f"utf-{bits}-{order.lower()}", mark),
            )
            for bits in (16, 32)
            for mark in (False, True)
            for order in ("LE", "BE")
        ),
        Change(
            "cesu-8",
            "saved as CESU-8 (Java's modified UTF-8, Oracle's UTF8)",
            "saving",
            cesu_8,
            cesu_8_undone,
        ),
        # Bytes damaged on the way, made forward only.
        Change(
            "seven-bit",
            "passed through a 7-bit channel (the high bit of each byte cleared)",
            "saving",
            lambda text: utf8(text).translate(SEVEN_BITS),
            seen=str.isascii,
        ),
        Change(
            "utf16-low-byte",
            "each UTF-16 code unit cut to its low byte (a binary or Latin-1 string)",
            "saving",
            lambda text: text.encode("utf-16-le", "surrogatepass")[::2],
            seen=lambda copy: True,  # any bytes may be
        ),
        *(
            Change(
                f"{encoding}-{loss}",
                f"saved as {code_page}, {what}",
                "saving",
                lambda text, encoding=encoding, errors=errors: text.encode(
                    encoding, errors
                ),
                decoded(encoding),
            )
            for code_page, encoding, losses in CODE_PAGES
            for what, errors, loss in LOSSES
            if loss in losses.split()
        ),
        *(
            Change(
                f"{encoding}-{loss}-read-as-{key}",
                f"saved as {code_page} ({what}), read as {wrong} and saved as UTF-8 (mojibake)",
                "saving",
                lambda text, encoding=encoding, errors=errors, reading=reading: (
                    text.encode(encoding, errors).decode(reading, UNDEFINED)
                    if reading
                    else text.encode(encoding, errors).decode("utf-8", "replace")
                ),
                decoded(encoding, read=reading) if reading else None,
                seen=lambda copy: "\ufffd" in copy,  # where it cannot be undone
            )
            for code_page, encoding in LEGACY_CODE_PAGES
            for what, errors, loss in LOSSES
            for wrong, key, reading in WRONG_READINGS
        ),
        # Characters inserted, shaping, display orders and escapes: written over
        # the whole text, each undone on the copy and made again.
        Change(
            "zero-width-inserted",
            "zero-width characters (U+200B, U+200C, U+200D, U+2060) inserted",
            "zero-width",
            *inserted(ZERO_WIDTH),
        ),
        Change(
            "marks-inserted",
            "right-to-left or left-to-right marks inserted",
            "marks",
            *inserted(MARKS),
        ),
        Change(
            "shaped",
            "shaped into Arabic presentation forms",
            "shaping",
            shape,
            unshape,
        ),
        Change(
            "shaped-fribidi",
            "shaped into Arabic presentation forms as FriBidi does (the lam of a lam-alef as U+FEFF)",
            "shaping",
            lambda text: shape(text, fribidi=True),
            unshape,
        ),
        Change(
            "visual-order",
            "written in visual order, each line as the bidi algorithm displays it",
            "display",
            display_order,
            display_order,
        ),
        Change(
            "visual-order-marks-after",
            "written in visual order, combining marks after their letters (as FriBidi does)",
            "display",
            *[lambda text: display_order(text, marks_follow=True)] * 2,
        ),
        Change(
            "visual-order-rtl",
            "written in visual order, each line displayed right to left (base direction R)",
            "display",
            lambda text: display_order(text, base=1),
        ),
        *(
            Change(
                f"visual-order{rtl}-breaks-kept",
                f"written in visual order{named}, each line break kept with its line"
                " (before a right-to-left one), as unicode-bidi and ICU do",
                "display",
                lambda text, base=base: display_order(text, base=base, kept=True),
            )
            for rtl, named, base in (("", "", None), ("-rtl", " right to left", 1))
        ),
        Change(
            "lines-reversed",
            "each line reversed, character by character (a naive right-to-left display)",
            "display",
            *[lambda text: "\n".join(line[::-1] for line in text.split("\n"))] * 2,
        ),
        Change("json", "written as a JSON string", "escape", json_string, json_undone),
        Change(
            "ruby-dump",
            "written as Ruby's String#dump",
            "escape",
            *backslashed(ruby_dump),
        ),
        Change("go-q", "written as Go's %q", "escape", *backslashed(go_quoted)),
        Change(
            "yaml",
            "written as a YAML double-quoted string (PyYAML's yaml.dump)",
            "escape",
            yaml_quoted,
            yaml_unquoted,
        ),
        Change(
            "go-plus-q",
            "written as Go's %+q (ASCII only)",
            "escape",
            *backslashed(lambda char: go_quoted(char, ascii_only=True)),
        ),
        Change(
            "postgresql-copy",
            "written as a field of PostgreSQL's COPY text format, a line of its own",
            "escape",
            *backslashed(
                lambda char: (
                    "\\" + C_ESCAPES.get(char, char)
                    if char in C_ESCAPES or char == "\\"
                    else char
                ),
                "",
                "\n",
            ),
        ),
        Change(
            "json-unquoted",
            "escaped as in a JSON string, without the quotes",
            "escape",
            lambda text, ensure_ascii=True: json_string(text, ensure_ascii)[1:-1],
            lambda copy: json_undone(copy, quoted=False),
        ),
        Change(
            "repr",
            "written as a Python string literal (repr)",
            "escape",
            repr,
            python_literal,
        ),
        Change(
            "unicode-escape",
            "escaped with Python's unicode_escape",
            "escape",
            lambda text: text.encode("unicode_escape").decode("ascii"),
            unicode_escaped,
        ),
        Change(
            "html-references",
            "written with HTML or XML character references or entities",
            "escape",
            references,
            references_undone,
            widest_references,
        ),
        Change(
            "percent",
            "percent-encoded, as in URLs",
            "escape",
            percent_encoded,
            percent_undone,
            lambda text: ("".join(map(chr, range(0x80))),),
        ),
        Change(
            "percent-plus",
            "percent-encoded, + for space, as in HTML forms",
            "escape",
            lambda text, encoded=PERCENT_ENCODED + "/", lowercase=False: (
                percent_encoded(text, encoded, lowercase, plus=True)
            ),
            lambda copy: percent_undone(copy, plus=True),
        ),
        Change(
            "base64",
            "encoded as Base64",
            "escape",
            base64_encoded,
            base64_undone,
            lambda text: (4, True),
        ),
        Change(
            "hex", "written as hex digits (a hex dump)", "escape", hex_dump, hex_undone
        ),
        Change(
            "json-lines",
            "written as JSON Lines, each line a JSON string",
            "escape",
            json_lines,
            json_lines_undone,
        ),
        Change("csv", "written as a quoted CSV field", "escape", csv_field, csv_undone),
        Change(
            "js-escape",
            "escaped with JavaScript's escape() (%uXXXX)",
            "escape",
            js_escaped,
            js_unescaped,
        ),
        Change(
            "quoted-printable",
            "encoded as quoted-printable",
            "escape",
            quoted_printable,
            quoted_printable_undone,
        ),
    )
)

# The table sorted: by key, by stage and, for local changes, by character.
CHANGES_BY_KEY: "dict[str, Change]" = {}
BY_STAGE: "dict[str, list[Change]]" = {stage: [] for stage in STAGES}
LOCAL_BY_CHARACTER: "dict[str, list[Change]]" = {}  # each character's local changes
for _change in CHANGES:
    CHANGES_BY_KEY[_change.key] = _change
    BY_STAGE[_change.stage].append(_change)
    for _code in _change.table or ():
        LOCAL_BY_CHARACTER.setdefault(chr(_code), []).append(_change)
TEXT_CHANGES = BY_STAGE["text"]
LOCAL_CHANGES = [change for change in TEXT_CHANGES if change.table]
FORWARD_SAVINGS = [change for change in BY_STAGE["saving"] if not change.undo]
OTHER_TEXT_CHANGES = [
    change
    for change in CHANGES
    if change.stage in ("text", "reading") and not change.table
]

# The search, in layers.  First what is written over the whole copy is undone
# on it (a newline after an escape, the escape, the display order, shaping,
# inserted characters, the saving, a wrong reading), one change of each stage
# and three at most, the last made first: a few candidate texts.  Then, for
# each, the changes that make it of the expected text: up to two that are
# not local (normalizations, mojibake, whitespace), and any number of local
# ones, changes of single characters found from the places that differ.
# Last, each chain is made again from the expected text and compared with the
# copy.  A chain is a tuple of steps, each a change and the form it was made in.

MOST_CHANGES = 3  # not counting local ones: others and layers undone on the copy
MOST_OTHER = 2  # text changes that are not local
MOST_STATES = 256  # sets of local changes tried for one candidate
LAYERS = (
    [[CHANGES_BY_KEY["newline-added"]]]
    + [  # in the order undone
        [change for change in BY_STAGE[stage] if change.undo]
        for stage in reversed(STAGES[1:])
    ]
)


def remade(text: str, chain: tuple) -> "bytes | None":
    """Make the changes of ``chain`` to ``text``, one after another; None where they cannot be made."""
    try:
        for change, form in chain:
            text = as_text(change.make(text, *form))
        return utf8(text)
    except ValueError:  # a character that a saving or the copy's bytes cannot hold
        return None


def undone(change: Change, text: str) -> "tuple[str, tuple] | None":
    """Undo ``change`` on ``text``: the text before and its form; None where it does not apply or changes nothing."""
    try:
        before = change.undo(text)
    except ValueError:  # not this change's output
        return None
    before, form = before if isinstance(before, tuple) else (before, ())
    return (before, form) if before != text else None


def undone_layers(found: str, displayed):
    """Yield the copy with 0, 1, 2 and 3 of what is written over the whole of it undone.

    Each time a map of the texts it gives to the chains undone to each, in
    the order made: one change of each stage at most, the last made undone
    first.  Changes that undo each other (a wrong reading and a saving in the
    same code page) are left out, and so is a display order on a text longer
    than ``displayed(length)`` allows.
    """
    level = {
        found: [((), -1, (found,))]
    }  # text: (chain, last group undone, texts on the way)
    for _ in range(MOST_CHANGES + 1):
        yield {
            text: [chain for chain, _, _ in chains] for text, chains in level.items()
        }
        deeper = {}
        for text, chains in level.items():
            for number, group in enumerate(LAYERS):
                earlier = [each for each in chains if each[1] < number]
                if not earlier or (
                    group[0].stage == "display" and not displayed(len(text))
                ):
                    continue
                for change in group:
                    result = undone(change, text)
                    for chain, _, way in earlier if result else ():
                        if result[0] not in way:  # else undone again
                            deeper.setdefault(result[0], []).append(
                                (
                                    ((change, result[1]),) + chain,
                                    number,
                                    (*way, result[0]),
                                )
                            )
        level = deeper


def other_changes(text: str, depth: int):
    """Yield each text that ``depth`` text changes that are not local make of ``text``, with its chain."""
    if not depth:
        yield (), text
        return
    for chain, before in other_changes(text, depth - 1):
        for change in OTHER_TEXT_CHANGES:
            yield chain + ((change, ()),), change.make(before)


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


LOST: "dict[tuple[str, str], str]" = {}  # by saving and character: what it writes


def lost(saving: Change, char: str) -> str:
    """What ``saving``, undone, gives for ``char``: itself, unless it cannot hold it."""
    if (saving.key, char) not in LOST:
        try:
            LOST[saving.key, char] = saving.undo(as_text(saving.make(char)))[0]
        except ValueError:
            LOST[saving.key, char] = char
    return LOST[saving.key, char]


def interacts(one: Change, other: Change) -> bool:
    """Tell whether one local change replaces what the other writes: then the order they are made in matters."""
    return any(
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
    short.
    """
    found, seen, pending = [], set(), [((), base)]
    while pending and len(seen) < MOST_STATES:
        applied, state = pending.pop()
        if (frozenset(applied), state) in seen:
            continue
        seen.add((frozenset(applied), state))
        index = common_prefix(state, candidate)
        if index == len(state) == len(candidate):
            found.append((applied, True))
            continue
        if ends_in(state, candidate, index):
            found.append((applied, False))
            continue
        char = state[index : index + 1]
        local = tuple(change for change in applied if change is not saving)
        for change in LOCAL_BY_CHARACTER.get(char, ()):
            if change in applied or not candidate.startswith(change.make(char), index):
                continue
            for place in range(
                len(local), -1, -1
            ):  # last, or before one it interacts with
                if place == len(local) or interacts(change, local[place]):
                    order = local[:place] + (change,) + local[place:]
                    made = base
                    for each in order:
                        made = each.make(made)
                    if saving in applied:
                        made, order = written_as(saving, made), order + (saving,)
                    pending.append((order, made))
        loss = lost(saving, char) if saving and saving not in applied else char
        if loss != char and candidate.startswith(loss, index):
            pending.append((applied + (saving,), written_as(saving, state)))
    return found


def ends_in(state: str, candidate: str, index: int) -> bool:
    """Tell whether ``candidate`` ends at ``index``, where it first differs from ``state``, or in the character there."""
    rest = candidate[index:]
    if len(rest) > 3:
        return False
    try:
        return utf8(state[index : index + 1]).startswith(utf8(rest))
    except ValueError:  # a lone surrogate, which no byte stands for
        return False


WRITTEN: "dict[tuple[str, str], str]" = {}  # kept for one search: one base meets many copies


def written_as(saving: Change, text: str) -> str:
    """``text`` with each character that ``saving`` cannot hold written as it writes it."""
    if (saving.key, text) not in WRITTEN:
        written = {ord(char): lost(saving, char) for char in set(text)}
        WRITTEN[saving.key, text] = text.translate(written)
    return WRITTEN[saving.key, text]


def in_table_order(other: tuple, local: tuple) -> "list[tuple]":
    """Text changes as steps: in the table's order, where they commute, or else as found."""
    found = other + tuple((change, ()) for change in local)
    ordered = tuple(sorted(found, key=lambda step: CHANGES.index(step[0])))
    return [ordered, found] if ordered != found else [found]


def search(text: str, actual: bytes) -> "tuple[list[tuple], list[tuple]]":
    """Find the fewest known changes that make ``actual`` of ``text``.

    Returns the chains, in the order made, that make all of it, each made
    again to verify; where none does, those whose output ``actual`` is the
    start of.  Chains are tried by how many changes that are not local they
    hold, fewest first, so that what needs more is never worked out.
    """
    found = as_text(actual)
    WRITTEN.clear()
    limit = []  # worked out only for a text more than four times as long as ``text``

    def displayed(length: int) -> bool:
        """Tell whether a text so long may be the display order of one the known changes make."""
        if length <= 4 * len(text) + 64:
            return True
        limit[:] = limit or [display_limit(text)]
        return length <= limit[0]

    undoing = undone_layers(found, displayed)
    levels, bases = [], []  # worked out as they are needed
    whole, cut_short = [], []
    for count in range(MOST_CHANGES + 1):
        fewest = min(map(len, whole), default=MOST_CHANGES + 1)
        if fewest < count:
            break
        for depth in range(min(count, MOST_OTHER) + 1):
            while len(levels) <= count - depth:
                levels.append(next(undoing))
            while len(bases) <= depth:
                bases.append(list(other_changes(text, len(bases))))
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
    # where nothing else explains the copy, each is made of the expected text.
    for change in () if whole else BY_STAGE["display"]:
        made = ((change, ()),)
        add_explanations(
            text, actual, made, change.make(text), found, [()], whole, cut_short
        )
    chains = whole or cut_short
    fewest = min(map(len, chains), default=0)
    chains = [chain for chain in chains if len(chain) == fewest]
    return (chains, []) if whole else ([], chains)


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
    savings = {
        next((c for c, _ in layers if c.stage == "saving"), None) for layers in chains
    }
    for saving in savings:
        for changes, complete in local_changes(base, candidate, saving):
            changes = tuple(change for change in changes if change is not saving)
            for layers in chains:
                for made_first in in_table_order(chain, changes):
                    steps = made_first + layers
                    made = remade(text, steps) or b""
                    longer = len(made) > len(actual) and made.startswith(actual)
                    if made == actual if complete else longer:
                        (whole if complete else cut_short).append(steps)
                        break
    # Made, not undone, where the copy as it is may be their output: with
    # U+FFFD, as a code page's Arabic bytes are never UTF-8; bytes cut short.
    for saving in () if any(chains[0]) else FORWARD_SAVINGS:
        if saving.seen(candidate):
            made = utf8(as_text(saving.make(base)))
            if made == actual:
                whole.append(chain + ((saving, ()),))
            elif made.startswith(actual) and chain:
                cut_short.append(chain + ((saving, ()),))


def characters_kept(text: str, chain: tuple, actual: bytes) -> int:
    """How many characters of ``text`` a cut-short copy holds, changed by ``chain``."""
    return most(
        len(text), lambda length: actual.startswith(remade(text[:length], chain))
    )


def made_at(steps: "tuple | list", text: str, offset: int, old: str) -> "str | None":
    """What ``steps``, made one after another, make of ``old`` at ``offset`` in ``text``.

    A change of characters sees only the place; for the others, which may
    need to (trailing whitespace), the character after it goes with it, and
    None where they change that one too.
    """
    following = (
        ""
        if all(change.table for change, _ in steps)
        else text[offset + len(old) : offset + len(old) + 1]
    )
    made = old + following
    for change, form in steps:
        made = change.make(made, *form)
    return made[: len(made) - len(following)] if made.endswith(following) else None


def reach(step: tuple, text: str, changed: str, made: int) -> "tuple[tuple, int, int]":
    """How far a change went: where it made ``made`` places that held ``changed``.

    Returns the step, the places it made and the places it makes in all.  A
    change of characters counts characters, and one that left a single one
    of them as it was everywhere is that change with the exception.
    """
    change = step[0]
    if not change.table:  # its places alone may be cut otherwise: at most all of them
        everywhere = len(places(text, change.make(text)))
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


def partly_made(text: str, found: str, differ: list) -> "list[list[tuple]]":
    """The text changes that make every place that differs, each as (step, places made here, in all).

    Preferred are those that left the fewest of their places unmade, then
    the fewest changes: so a change is named where its effects are, never
    a larger one most of whose effects are absent.  A change of characters
    that left one of them as it was everywhere is named with that exception.
    Each is made again, place by place, to verify.
    """
    import itertools

    differ = [  # an insertion with the character after it, so that it holds what was changed
        (offset, text[offset], new + text[offset])
        if not old and offset < len(text)
        else (offset, old, new)
        for offset, old, new in differ
    ]
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


def step_name(step: tuple) -> str:
    """The name of a change as made: with the characters it left as they were, if any."""
    change, form = step
    if change.table and form:
        return f"{change.name}, except {' and '.join(map(describe, form))}"
    return change.name


def named(chain: tuple) -> str:
    """Name a chain of known changes in the order made; one made twice running as "twice"."""
    import itertools

    return " and ".join(
        name if len(list(times)) == 1 else f"{name}, twice"
        for name, times in itertools.groupby(map(step_name, chain))
    )


def distinct(chains: list) -> list:
    """The chains, those of the same changes in another order once."""
    kept = {}
    for chain in chains:
        kept.setdefault(tuple(sorted(change.key for change, _ in chain)), chain)
    return list(kept.values())


# The limit: how large a copy the known changes can make of a text.

UNITS: "dict[str, tuple[int, int]]" = {}  # by character: the most made of it alone
MOST_MADE: "dict[tuple, int]" = {}  # by character, stage, layers left and end
MADE: "dict[tuple[str, str], str | None]" = {}  # by change's key and character
LAYER_STAGES = [  # each change of these makes each character alone; display only reorders
    BY_STAGE[stage] for stage in STAGES[1:] if stage != "display"
]
# Where the display order is made: before the saving, among the LAYER_STAGES.
DISPLAY = LAYER_STAGES.index(BY_STAGE["saving"])


def made_of(change: Change, char: str) -> "str | None":
    """What ``change`` makes of ``char`` in its widest form, less what it adds once to any text.

    What it makes of the empty text (quotes, a byte-order mark, a final
    newline) is taken off where it stands around the character.  None where
    a saving cannot hold it.  Kept: the limit asks for each many times.
    """
    if (change.key, char) not in MADE:
        try:
            made = as_text(change.make(char, *change.widest(char)))
            empty = as_text(change.make("", *change.widest("")))
        except ValueError:
            made = empty = None
        if made is not None:
            before = common_prefix(made, empty)
            if made.endswith(empty[before:]) and len(made) >= len(empty):
                made = made[before : len(made) - len(empty) + before]
        MADE[change.key, char] = made
    return MADE[change.key, char]


def most_made(
    char: str, stage: int = 0, layers: int = MOST_CHANGES, end: "int | None" = None
) -> int:
    """The most that the layers from ``stage`` on, ``layers`` at most, make of ``char``.

    Bytes, after them all; or characters, before the stage ``end``.  What a
    change makes of a text is at most the sum of what it makes of each
    character, and what it adds once.
    """
    key = (char, stage, layers, end)
    if key not in MOST_MADE:
        last = len(LAYER_STAGES) if end is None else end
        most = len(char.encode("utf-8", "surrogatepass")) if end is None else len(char)
        if stage < last:
            most = most_made(char, stage + 1, layers, end)
            for change in LAYER_STAGES[stage] if layers else ():
                made = made_of(change, char)
                if made is None:  # a character that the saving cannot hold
                    continue
                most = max(
                    most,
                    sum(most_made(each, stage + 1, layers - 1, end) for each in made),
                )
        MOST_MADE[key] = most
    return MOST_MADE[key]


def unit(char: str) -> "tuple[int, int]":
    """The most the known changes, as the search combines them, make of ``char`` alone.

    Up to two text changes that are not local, then local ones, each once;
    then the layers, three changes in all with the others.  Returns the
    bytes, and the characters that the display order gets.
    """
    if char not in UNITS:
        texts = {char: 0}  # each text made: the fewest changes not local that make it
        for count in range(1, MOST_OTHER + 1):
            for text in list(texts):
                for change in OTHER_TEXT_CHANGES:
                    texts.setdefault(made_of(change, text), count)
        present = set("".join(texts))
        for change in LOCAL_CHANGES * 2:  # each at most once, in either order
            if present.isdisjoint(map(chr, change.table)):
                continue  # it changes none of them
            for text, count in list(texts.items()):
                made = change.make(text)
                present.update(made)
                texts.setdefault(made, count)
        UNITS[char] = tuple(
            max(
                sum(most_made(each, 0, MOST_CHANGES - count, end) for each in text)
                for text, count in texts.items()
            )
            for end in (None, DISPLAY)
        )
    return UNITS[char]


def size_limit(text: str) -> int:
    """The most bytes that the known changes, as the search combines them, make of ``text``.

    Bounded character by character (with one inserted character of each
    kind after each), then room for what is added once: two newlines at the
    end and a mark at the start, each through three layers, and 64 bytes
    for quotes, a byte-order mark and Base64's last line; and for the soft
    line breaks of quoted-printable, two characters in every 76 (YAML's folded
    lines stay within what percent-encoding and references make of each).
    """
    total = sum(text.count(char) * unit(char)[0] for char in set(text))
    once = 2 * most_made("\n") + most_made(MARKS[0]) + 64
    return total + total // 32 + once


def display_limit(text: str) -> int:
    """The most characters that the known changes make of ``text`` before its display order.

    As ``size_limit``, with room for a newline and a mark added once.
    """
    return sum(text.count(char) * unit(char)[1] for char in set(text)) + 64


# The report: where a copy differs and what explains it.


def undecodable(char: str) -> bool:
    """Tell whether ``char`` stands for a byte that is not UTF-8, as surrogateescape decodes it."""
    return "\udc80" <= char <= "\udcff"


def describe(char: str) -> str:
    """Name one character by code point and name; show a byte that is not UTF-8 as 0xC2."""
    if undecodable(char):
        return f"0x{ord(char) - 0xDC00:02X}"
    import unicodedata

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


def character_at(data: bytes, start: int) -> str:
    """Describe the character that starts at ``data[start]``, or the end of the file."""
    if start >= len(data):
        return "end of file"
    return describe(data[start : start + 4].decode("utf-8", "surrogateescape")[0])


def character_start(data: bytes, index: int) -> int:
    """Return where the UTF-8 character that holds ``data[index]`` starts."""
    while 0 < index < len(data) and 0x80 <= data[index] < 0xC0:  # a continuation byte
        index -= 1
    return index


def line_and_column(before: str) -> "tuple[int, int]":
    """Return the line and column, from 1, of the character that follows ``before``."""
    return before.count("\n") + 1, len(before) - before.rfind("\n")


# How long two runs that differ may be, multiplied, and still be compared
# character by character: difflib's time grows with that product.
MOST_COMPARED = 250_000


def places(expected: str, found: str) -> "list[tuple[int, str, str]]":
    """List the places where two texts differ: offset in ``expected``, expected run, found run.

    Where both have the same number of lines, which partial damage keeps,
    lines are compared pair by pair; otherwise the lines are matched first.
    Within lines that differ, the characters are compared where the runs
    are short enough, and the rest of a run is one place.
    """
    expected_lines, found_lines = expected.split("\n"), found.split("\n")
    if len(expected_lines) == len(found_lines):
        blocks = [(index, index + 1) * 2 for index in range(len(expected_lines))]
    else:
        blocks = blocks_that_differ(expected_lines, found_lines)
    offsets = [0]
    for line in expected_lines:
        offsets.append(offsets[-1] + len(line) + 1)
    result = []
    for i1, i2, j1, j2 in blocks:
        old, new = "\n".join(expected_lines[i1:i2]), "\n".join(found_lines[j1:j2])
        if (
            i1 == i2 and j1 < j2
        ):  # lines inserted: with the line break before or after them
            old, new, at = (
                ("", "\n" + new, offsets[i1] - 1) if i1 else ("", new + "\n", 0)
            )
        elif j1 == j2 and i1 < i2:
            old, new, at = (
                ("\n" + old, "", offsets[i1] - 1) if i1 else (old + "\n", "", 0)
            )
        else:
            at = offsets[i1]
        result += [
            (at + start, old[start:end], new[new_start:new_end])
            for start, end, new_start, new_end in blocks_that_differ(old, new)
        ]
    return result


def blocks_that_differ(old: "str | list", new: "str | list") -> "list[tuple]":
    """Where two sequences differ, as (start, end) in ``old`` and in ``new``.

    Past a common start and end, they are matched where short enough, and
    else the rest is one block.
    """
    import difflib

    start = common_prefix(old, new)
    end = common_prefix(old[start:][::-1], new[start:][::-1])
    old_end, new_end = len(old) - end, len(new) - end
    if (old_end - start) * (new_end - start) > MOST_COMPARED:
        return [(start, old_end, start, new_end)]
    matcher = difflib.SequenceMatcher(
        None, old[start:old_end], new[start:new_end], autojunk=False
    )
    return [
        (start + i1, start + i2, start + j1, start + j2)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


class Explanation:
    """One way the known changes explain a copy, as data a test can assert on.

    ``keys``: the changes' keys, in the order made; ``forms``: the form each
    was made in, () for most (an escape's, the character a change left);
    ``changes``: the two side by side.  ``extent``: "whole"; "cut short",
    the copy ending after byte ``ends_after`` of their output, at ``line``
    and ``column`` of the original; or "partial", ``places`` giving for each
    change (the places it made, the places it makes in all).
    """

    def __init__(
        self,
        steps: tuple,
        extent: str = "whole",
        places: "list | None" = None,
        ends_after: "int | None" = None,
        line: "int | None" = None,
        column: "int | None" = None,
    ) -> None:
        self.steps, self.extent, self.places = steps, extent, places
        self.ends_after, self.line, self.column = ends_after, line, column
        changes, self.forms = zip(*steps)
        self.keys = tuple(change.key for change in changes)
        self.changes = tuple(zip(self.keys, self.forms))

    def __repr__(self) -> str:
        keyed = " + ".join(
            key + (repr(form) if form else "") for key, form in self.changes
        )
        return f"<Explanation {self.extent}: {keyed}>"

    def lines(self) -> "list[str]":
        """The report's lines for it."""
        if self.extent == "cut short":
            return [
                f"  known change, cut short: {named(self.steps)}",
                (
                    f"    the copy ends after byte {self.ends_after} of its output,"
                    f" at line {self.line}, column {self.column} of the original"
                ),
            ]
        if self.extent == "whole":
            return [f"  known change: {named(self.steps)}"]
        if len(self.steps) == 1:
            (made, everywhere), step = self.places[0], self.steps[0]
            return [
                f"  known change, in {made} of {everywhere} places: {step_name(step)}"
            ]
        parts = [
            step_name(step)
            + (f" (in {made} of {everywhere} places)" if made < everywhere else "")
            for step, (made, everywhere) in zip(self.steps, self.places)
        ]
        return [f"  known change, in part: {' and '.join(parts)}"]


# What a report calls the letters of a script (the others "other") and the
# characters of a general category.
SCRIPTS = {"ARABIC": "Arabic", "LATIN": "Latin"}
KIND_NAMES = {"N": "digits", "P": "punctuation", "S": "symbols", "Z": "spaces"}


def kinds(text: str) -> str:
    """What a text holds, by script and general category ("Arabic letters and marks, spaces")."""
    import unicodedata

    found = set()
    for char in set(text):
        kind = unicodedata.category(char)[0]
        name = unicodedata.name(char, "")
        if kind in "LM":  # the letters of a transliteration are Latin
            script = next(
                (SCRIPTS[each] for each in name.split() if each in SCRIPTS), "other"
            )
            found.add(f"{script} letters and marks")
        elif kind in KIND_NAMES:
            found.add(KIND_NAMES[kind])
    return ", ".join(sorted(found)) or "nothing"


# Where a copy first differs, in cmp's words, by ``Difference.at``.
WHERE = {
    "differs": "differs: {place}",
    "longer": "longer than the original: {place}",
    "ends": "EOF on {name} after {place}",
    "empty": "EOF on {name} which is empty",
}

# What --json gives of an explanation: those that are not None, in this order.
EXPLANATION_FIELDS = (
    "keys",
    "forms",
    "extent",
    "places",
    "ends_after",
    "line",
    "column",
)


class Difference:
    """How a copy differs from the expected text, as data; ``str()`` is the report.

    ``name`` names the copy.  Where it first differs, in cmp's terms: ``at``
    is "differs", "longer" (the copy goes on past the end), "ends" (the copy
    ends early: ``byte`` is then its last byte) or "empty"; ``byte``, from
    1, and the ``line`` and ``column`` of the expected text it falls in;
    ``expected`` and ``found`` name the characters there.  ``explanations``
    are the ways known changes explain it (none for a copy that only ends
    early), alternatives each.  ``places`` lists every place that differs
    as (line, column, expected run, found run), worked out when first asked.
    ``too_long`` is the size limit, where the copy is over it, else None.
    """

    def __init__(self, expected: bytes, actual: bytes, name: str) -> None:
        self.name, self.explanations, self.too_long = name, [], None
        index = common_prefix(expected, actual)
        start = before = character_start(expected, index)
        self.at = "differs" if index < min(len(expected), len(actual)) else "longer"
        self.byte = index + 1
        if index == len(actual):
            self.at, self.byte = ("ends", index) if actual else ("empty", 0)
            before = character_start(expected, index - 1) if actual else 0
        self.line, self.column = line_and_column(expected[:before].decode("utf-8"))
        self.expected = character_at(expected, start)
        self.found = character_at(actual, start)
        self._texts, self._places = (expected.decode("utf-8"), as_text(actual)), None

    @property
    def places(self) -> "list[tuple[int, int, str, str]]":
        if self._places is None:
            text, found = self._texts
            self._places = [
                (*line_and_column(text[:offset]), old, new)
                for offset, old, new in places(text, found)
            ]
        return self._places

    def __str__(self) -> str:
        place = f"byte {self.byte}, line {self.line}, column {self.column}"
        where = WHERE[self.at].format(name=self.name, place=place)
        lines = [
            f"{self.name}: {where}",
            f"  expected {self.expected}, found {self.found}",
        ]
        if self.at in ("ends", "empty"):
            return "\n".join(lines)
        if self.too_long is not None:
            lines.append(
                f"  longer than {self.too_long} bytes: no known change makes that much of the original"
            )
            return "\n".join(lines)
        if len(self.explanations) > 1:
            lines.append("  any one of these known changes explains it:")
        for explanation in self.explanations:
            lines += explanation.lines()
        if all(explanation.extent == "partial" for explanation in self.explanations):
            unexplained = "" if self.explanations else "no known change explains it; "
            lines.append(f"  {unexplained}places that differ: {len(self.places)}")
            lines += [
                f"    line {line}, column {column}: expected {describe_run(old)}, found {describe_run(new)}"
                for line, column, old, new in self.places[:PLACES_SHOWN]
            ]
            if len(self.places) > PLACES_SHOWN:
                lines.append(f"    and {len(self.places) - PLACES_SHOWN} more")
            held, holds = ("".join(run[at] for run in self.places) for at in (2, 3))
            if not self.explanations and kinds(held) != kinds(holds):
                lines.append(
                    f"  where they differ, the original has {kinds(held)};"
                    f" the copy has {kinds(holds)}"
                )
        return "\n".join(lines)

    def as_json(self) -> "dict[str, object]":
        """The difference as JSON, for ``check.py --json``."""
        return {
            "file": self.name,
            "status": "differs",
            "first_difference": {
                name: getattr(self, name)
                for name in ("at", "byte", "line", "column", "expected", "found")
            },
            "too_long": self.too_long,
            "explanations": [
                {
                    name: getattr(explanation, name)
                    for name in EXPLANATION_FIELDS
                    if getattr(explanation, name) is not None
                }
                for explanation in self.explanations
            ],
            "places": len(self.places),
        }


def explained(text: str, actual: bytes) -> "list[Explanation]":
    """The ways the known changes explain ``actual``: whole, else cut short, else partial."""
    import itertools

    whole, cut_short = search(text, actual)
    if whole:
        return [Explanation(chain) for chain in distinct(whole)]
    explanations = []
    for chain in distinct(cut_short):
        line, column = line_and_column(text[: characters_kept(text, chain, actual)])
        explanations.append(
            Explanation(
                chain, "cut short", ends_after=len(actual), line=line, column=column
            )
        )
    if explanations:
        return explanations
    found = as_text(actual)
    for cover in partly_made(text, found, places(text, found)):
        steps, made, everywhere = zip(*cover)
        # Made in another order, all in all their places: a change of
        # characters before a normalization may leave it less to do.
        whole = (
            order
            for order in itertools.permutations(steps)
            if remade(text, order) == actual
        )
        explanations.append(
            next(map(Explanation, whole), None)
            or Explanation(steps, "partial", list(zip(made, everywhere)))
        )
    return [each for each in explanations if each.extent == "whole"] or explanations


def as_bytes(value: "bytes | bytearray | str", argument: str) -> bytes:
    """Return ``value`` as bytes: a ``str`` stands for its UTF-8 bytes."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    raise TypeError(
        f"{argument} must be bytes, bytearray or str, not {type(value).__name__}"
    )


def explain(
    expected: "bytes | str", actual: "bytes | str", name: str = "-"
) -> "Difference | None":
    """Return None where ``actual`` is ``expected``, else how it differs, as a Difference.

    ``expected`` is UTF-8 text: the article or any part of it, or any other
    text; either may be given as ``str``, which stands for its UTF-8 bytes.
    A copy larger than the known changes make of ``expected`` (``size_limit``)
    is only said to be too long.  ``name`` names ``actual``.
    """
    expected, actual = as_bytes(expected, "expected"), as_bytes(actual, "actual")
    try:
        text = expected.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(
            f"expected is not UTF-8: byte {error.start + 1} is 0x{expected[error.start]:02X}"
        ) from None
    if actual == expected:
        return None
    difference = Difference(expected, actual, name)
    if difference.at in ("ends", "empty"):
        return difference
    # Four times the size is always within the limit (each character's unit
    # holds its percent-encoding, and an inserted character of each kind
    # percent-encoded, 18 bytes): only a longer copy needs it worked out.
    if len(actual) > 4 * len(expected) and len(actual) > (limit := size_limit(text)):
        difference.too_long = limit
    else:
        difference.explanations = explained(text, actual)
    return difference


def compare(
    expected: "bytes | str", actual: "bytes | str", name: str = "-"
) -> "str | None":
    """Return None where ``actual`` is ``expected``, else the report of how it differs: ``str(explain(...))``."""
    difference = explain(expected, actual, name)
    return None if difference is None else str(difference)


def assert_same(
    expected: "bytes | str", actual: "bytes | str", name: str = "-"
) -> None:
    """Raise AssertionError with the report where ``actual`` is not ``expected``: for unittest and pytest."""
    __tracebackhide__ = True  # pytest shows the report, not this function
    difference = explain(expected, actual, name)
    if difference is not None:
        raise AssertionError(str(difference))


def variant(*keys: str, text: "str | None" = None) -> bytes:
    """The bytes that the known changes of ``keys``, made in that order, make of ``text`` (the article).

    Each change in its first form: the README says which.
    """
    for key in keys:
        if key not in CHANGES_BY_KEY:
            raise ValueError(f"no known change has the key {key!r}")
    made = remade(
        ARTICLE if text is None else text,
        tuple((CHANGES_BY_KEY[key], ()) for key in keys),
    )
    if made is None:
        raise ValueError(f"{' then '.join(keys)} cannot be made of this text")
    return made


# The command.


def is_original(data: bytes) -> bool:
    """Tell whether ``data`` has the original's pinned size and CRC-32."""
    return len(data) == ORIGINAL_SIZE and binascii.crc32(data) == ORIGINAL_CRC32


def read_start(path: str, limit: int = READ_LIMIT) -> bytes:
    """Read as much of a file as a check needs, ``limit`` and a byte (``-``: standard input)."""
    if path == "-":
        if sys.stdin is None:
            raise OSError("standard input is closed")
        return sys.stdin.buffer.read(limit + 1)
    with open(path, "rb") as stream:
        return stream.read(limit + 1)


def say(name: str, report: "Difference | str | None", options) -> None:
    """Print that ``name`` is identical (None) or how it differs, as text or JSON, unless quiet."""
    if options and options.quiet:
        return
    if not (options and options.json):
        print(f"{name}: OK" if report is None else report)
        return
    import json

    if isinstance(report, Difference):
        data = report.as_json()
    else:
        status = "differs" if report else "identical"
        data = {
            "file": name,
            "status": status,
            **({"message": report} if report else {}),
        }
    print(json.dumps(data))


def trouble(name: str, message: str, options) -> None:
    """Say that ``name`` could not be checked: a line on standard error, and JSON too."""
    if options and options.quiet:
        return
    if options and options.json:
        import json

        print(json.dumps({"file": name, "status": "trouble", "message": message}))
    print(f"check.py: {name + ': ' if name else ''}{message}", file=sys.stderr)


def compared(expected: bytes, name: str, data: bytes, options) -> int:
    """Say how ``data`` differs from ``expected``, if it does; return its exit status."""
    difference = explain(expected, data, name)
    say(name, difference, options)
    return 1 if difference else 0


def check_files(expected: bytes, paths: "list[str]", options) -> int:
    """Compare each file with ``expected``; return the exit status."""
    limit = (
        READ_LIMIT
        if expected == ORIGINAL_BYTES
        else size_limit(expected.decode("utf-8"))
    )
    status = 0
    for path in paths:
        try:
            data = read_start(path, limit)
        except OSError as error:
            trouble(path, error.strerror or str(error), options)
            status = 2
        else:
            status = max(status, compared(expected, path, data, options))
    return status


def check_repository(options) -> int:
    """Check that ar_news.txt and what make_article.py writes are the original."""
    try:
        data = read_start(DEFAULT_TARGET)
    except OSError as error:
        trouble(DEFAULT_TARGET, error.strerror or str(error), options)
        return 2
    produced = ARTICLE.encode("utf-8")
    original = next((copy for copy in (produced, data) if is_original(copy)), None)
    copies = {"ar_news.txt": data, "make_article.py": produced}
    if original is None:  # both changed: the pin tells that, not where
        for name in copies:
            say(
                name,
                f"{name}: FAILED: not the original, whose SHA-256 is {ORIGINAL_SHA256}",
                options,
            )
        return 1
    return max(
        [compared(original, name, copy, options) for name, copy in copies.items()]
    )


# How large an expected file --expected takes: the search works on it whole.
EXPECTED_LIMIT = 256 * 1024


def parse_arguments(arguments: "list[str]"):
    """Parse the command line."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="check.py",
        description="Check that files are the Arabic news article fixture, byte for byte, "
        "and name the known change that explains a file that is not. "
        "Exit status: 0 all identical, 1 some file differs, 2 trouble.",
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="a file to compare with the original; - reads standard input "
        "(default: check the repository's ar_news.txt and make_article.py; "
        "with --expected, standard input)",
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print nothing; the exit status still says",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object per file (JSON Lines, ASCII): file, status "
        "(identical, differs or trouble, with a message), first_difference, "
        "explanations (keys, forms, extent), places",
    )
    parser.add_argument(
        "--expected",
        metavar="EXPECTED",
        help=f"compare the files with EXPECTED, UTF-8 text of at most {EXPECTED_LIMIT} bytes, "
        "instead of the article",
    )
    return parser.parse_args(arguments)


def read_expected(path: str) -> bytes:
    """Read the file that --expected names: UTF-8 of at most EXPECTED_LIMIT bytes."""
    data = read_start(path, EXPECTED_LIMIT)
    if len(data) > EXPECTED_LIMIT:
        raise OSError(f"larger than {EXPECTED_LIMIT} bytes")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise OSError(f"not UTF-8: byte {error.start + 1}") from None
    return data


def main() -> None:
    arguments = sys.argv[1:]
    # With no arguments there is nothing to parse, and argparse, which costs
    # more to import and set up than the rest of the run, is not needed.
    options = parse_arguments(arguments) if arguments else None
    if sys.stdout is not None:  # print any file name, whatever the terminal holds
        sys.stdout.reconfigure(errors="backslashreplace")
    if options and options.expected is not None:
        try:
            expected = read_expected(options.expected)
        except OSError as error:
            trouble(options.expected, error.strerror or str(error), options)
            raise SystemExit(2) from None
        raise SystemExit(check_files(expected, options.files or ["-"], options))
    if ARTICLE is None:
        trouble("", "make_article.py is not beside check.py; copy both", options)
        raise SystemExit(2)
    if options and options.files:
        if not is_original(ORIGINAL_BYTES):
            trouble("", "make_article.py does not hold the original text", options)
            raise SystemExit(2)
        raise SystemExit(check_files(ORIGINAL_BYTES, options.files, options))
    raise SystemExit(check_repository(options))


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        # The reader of standard output went away: stop quietly, and point
        # standard output at /dev/null so that the exit flush fails no more.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(2)
