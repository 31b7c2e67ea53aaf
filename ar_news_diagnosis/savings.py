"""Savings: the text written as bytes other than plain UTF-8, and read back.

Unicode forms (UTF-16, UTF-32, a UTF-8 byte-order mark, CESU-8), legacy
code pages with what converters write for what those cannot hold, and the
mojibake that comes of reading bytes in the wrong code page.  The error
handlers that write those losses are registered with ``codecs`` when this
module is imported, under names of this package's own.
"""

import codecs
import functools
import re

from .text import ASTRAL, as_text, utf8

# Error handlers of ours, for what converters write where a code page falls short.
SUBSTITUTE = "ar-news-substitute"
PER_UNIT = "ar-news-per-unit"

UNDECODABLE = re.compile(
    "[\udc80-\udcff]"
)  # a byte that is not UTF-8, as as_text reads it


def substitute(error: UnicodeEncodeError) -> "tuple[str, int]":
    """Write SUB (0x1A) for each character a code page cannot hold, as ICU's uconv does."""
    return "\x1a" * (error.end - error.start), error.end


def per_unit(error: UnicodeEncodeError) -> "tuple[str, int]":
    """Write ? for each UTF-16 code unit a code page cannot hold, as .NET does: two for a character outside the BMP."""
    run = error.object[error.start : error.end]
    return "?" * (len(run.encode("utf-16-le", "surrogatepass")) // 2), error.end


codecs.register_error(SUBSTITUTE, substitute)
codecs.register_error(PER_UNIT, per_unit)


def undefined_as_itself(codec: str) -> str:
    """Register, and name, the error handler that reads a byte ``codec`` leaves
    undefined as the same code point, as Windows reads it (the way to
    mojibake), and writes such a character back so.

    One handler for each codec: a charmap codec tells a handler its name as
    "charmap", not which code page it is.
    """

    def handle(error: UnicodeError) -> "tuple[str | bytes, int]":
        run = error.object[error.start : error.end]
        if isinstance(error, UnicodeDecodeError):
            return run.decode("latin-1"), error.end
        if max(run) > "\xff" or run.encode("latin-1").decode(codec, "ignore"):
            raise error  # no undefined byte is read so
        return run.encode("latin-1"), error.end

    name = f"ar-news-undefined-{codec}"
    codecs.register_error(name, handle)
    return name


# The legacy code pages that hold Arabic letters, which a text is saved in.
LEGACY_CODE_PAGES = (("Windows-1256", "cp1256"), ("ISO-8859-6", "iso-8859-6"))
# What converters write for a character a code page cannot hold: the name a
# report gives it, the error handler that writes it, and the key's ending.
LOSSES = (
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
        (code_page, encoding, ("replaced", "sub", "dropped", "per-unit"))
        for code_page, encoding in LEGACY_CODE_PAGES
    ),
    ("DOS Arabic (CP720)", "cp720", ("replaced", "sub", "dropped", "per-unit")),
    ("MacArabic", "mac-arabic", ("replaced",)),
    ("Latin-1", "latin-1", ("replaced", "per-unit")),
    ("Windows-1252", "cp1252", ("replaced", "per-unit")),
)
# How the bytes of a legacy code page get read as something else: the name,
# the key's ending, and the codec ("" for UTF-8 with U+FFFD, no way back).
WRONG_READINGS = (
    ("Latin-1", "latin1", "latin-1"),
    ("Windows-1252", "cp1252", "cp1252"),
    ("UTF-8 (U+FFFD for what is not UTF-8)", "utf8", ""),
)
SEVEN_BITS = (
    bytes(range(0x80)) * 2
)  # a table for bytes.translate: each high bit cleared


@functools.lru_cache(
    maxsize=None
)  # one for each saving in a code page, whatever its loss
def decoded(encoding: str, mark: str = "", read: str = ""):
    """Undo saving in ``encoding`` after a byte-order ``mark``, the copy perhaps ``read`` as another first.

    A copy cut short in a character keeps what decodes.  UTF-8 is read
    only where it is UTF-8 up to such an end; bytes that are UTF-8 with
    characters outside ASCII are not taken for a code page's (Arabic text
    in a code page never is).
    """
    start = mark.encode(encoding)
    undefined = undefined_as_itself(read) if read else None

    def undo(copy: str) -> "tuple[str, tuple]":
        text = as_text(copy.encode(read, undefined)) if read else copy
        if encoding.startswith(("utf-16", "utf-32")):
            data = utf8(text)
            if not data.startswith(start):
                raise ValueError("no byte-order mark")
            unit = 4 if encoding.startswith("utf-32") else 2
            whole_units = data[len(start) :][: (len(data) - len(start)) // unit * unit]
            return whole_units.decode(encoding, "surrogatepass"), ()
        if not text.startswith(mark):  # UTF-8's, read as it is
            raise ValueError("no byte-order mark")
        text = text[len(mark) :]
        if encoding == "utf-8":
            if UNDECODABLE.search(text, 0, len(text) - 3):
                raise ValueError("not UTF-8")
            return text, ()
        if not text.isascii() and not UNDECODABLE.search(text):
            raise ValueError("UTF-8, not a code page's bytes")
        return utf8(text).decode(encoding, "surrogateescape"), ()

    return undo


def unicode_saving(encoding: str, mark: bool):
    """Make and undo saving in ``encoding``, after a byte-order mark if ``mark``."""
    start = "\ufeff" * mark
    return (lambda text: (start + text).encode(encoding)), decoded(encoding, start)


def in_code_page(encoding: str, errors: str, reading: "str | None" = None):
    """Make saving in ``encoding``, writing what it cannot hold as ``errors`` says;
    then, where ``reading`` is given, those bytes read as that codec ("" for
    UTF-8, U+FFFD for what is not) and saved as UTF-8: mojibake."""

    undefined = undefined_as_itself(reading) if reading else None

    def make(text: str) -> "bytes | str":
        saved = text.encode(encoding, errors)
        if reading is None:
            return saved
        return (
            saved.decode(reading, undefined)
            if reading
            else saved.decode("utf-8", "replace")
        )

    return make


def wrongly_read(encoding: str):
    """Make UTF-8 read as the single-byte ``encoding`` and saved as UTF-8 again: mojibake."""
    undefined = undefined_as_itself(encoding)
    return lambda text: utf8(text).decode(encoding, undefined)


def cesu_8(text: str) -> bytes:
    """Encode as CESU-8: a character outside the BMP as the UTF-8 of its UTF-16 surrogates."""

    def surrogates(match: "re.Match[str]") -> str:
        code = ord(match[0]) - 0x10000
        return chr(0xD800 + (code >> 10)) + chr(0xDC00 + (code & 0x3FF))

    return re.sub(ASTRAL, surrogates, text).encode("utf-8", "surrogatepass")


def cesu_8_undone(copy: str) -> "tuple[str, tuple]":
    """Undo CESU-8: surrogate pairs written as UTF-8 joined into their
    characters; a lone one (as ``cesu_8`` writes a byte that is not UTF-8,
    kept as a lone surrogate) kept as it is."""
    text = utf8(copy).decode("utf-8", "surrogatepass")
    return text.encode("utf-16-le", "surrogatepass").decode(
        "utf-16-le", "surrogatepass"
    ), ()


def seven_bits(text: str) -> bytes:
    """Pass through a 7-bit channel: the high bit of each byte cleared."""
    return utf8(text).translate(SEVEN_BITS)


def utf16_low_bytes(text: str) -> bytes:
    """Cut each UTF-16 code unit to its low byte, as a binary or Latin-1 string does."""
    return text.encode("utf-16-le", "surrogatepass")[::2]
