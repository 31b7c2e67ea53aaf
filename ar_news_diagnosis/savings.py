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
import unicodedata

from .text import ASTRAL, CHARACTERS, as_text, sub_each_once, utf8
from .text import characters as characters_of

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


@functools.lru_cache(maxsize=None)  # one for each code page bytes are read in
def as_windows_reads(codec: str) -> "tuple[str, dict[int, str], re.Pattern[str]]":
    """The single-byte ``codec`` as Windows reads it: a byte it leaves
    undefined read as the same code point (the way to mojibake).

    Returns the character each byte reads as, in the bytes' order; a table
    for ``str.translate`` from each of those characters to the Latin-1
    character of its byte; and a pattern of the characters no byte reads as.
    """
    read = "".join(
        bytes([byte]).decode(codec, "ignore") or chr(byte) for byte in range(256)
    )
    unread = re.compile(f"[^{re.escape(read)}]")
    return read, {ord(char): chr(byte) for byte, char in enumerate(read)}, unread


def read_as(codec: str, data: bytes) -> str:
    """``data`` read as ``codec``, as Windows reads it (``as_windows_reads``)."""
    try:
        return data.decode(codec)  # most hold no byte it leaves undefined
    except UnicodeDecodeError:
        return data.decode("latin-1").translate(as_windows_reads(codec)[0])


def bytes_read_as(codec: str, text: str) -> bytes:
    """The bytes that, read as ``codec`` as Windows reads it, give ``text``.

    Raises UnicodeEncodeError where no byte reads as a character of it.  A
    table, not an error handler: one is called for each such character, and
    a copy may hold 190,000 of them (1 s).
    """
    try:
        return text.encode(codec)  # most hold no character of an undefined byte
    except UnicodeEncodeError:
        _, to_latin_1, unread = as_windows_reads(codec)
        where = unread.search(text)
        if where:
            raise UnicodeEncodeError(
                codec, text, where.start(), where.end(), "no byte reads as it"
            ) from None
        return text.translate(to_latin_1).encode("latin-1")


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

    def undo(copy: str) -> "tuple[str, tuple]":
        # ASCII read wrongly in a code page that reads ASCII as ASCII is as it was.
        misread = read and not (copy.isascii() and len(ascii_as_itself(read)) == 128)
        text = as_text(bytes_read_as(read, copy)) if misread else copy
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
        if text.isascii():
            return text, ()  # each of these code pages reads ASCII as ASCII
        if encoding == "utf-8":
            if UNDECODABLE.search(text, 0, len(text) - 3):
                raise ValueError("not UTF-8")
            return text, ()
        if not text.isascii() and not UNDECODABLE.search(text):
            raise ValueError("UTF-8, not a code page's bytes")
        return read_in(encoding, utf8(text)), ()

    return undo


# Kept: a copy's bytes are read alike for each loss, and each reading undone first.
@functools.lru_cache(maxsize=4)
def read_in(encoding: str, data: bytes) -> str:
    """``data`` read in the code page ``encoding``, each byte it leaves
    undefined as a lone surrogate (as ``as_text`` keeps a byte that is not
    UTF-8): one at a time, by the error handler."""
    return data.decode(encoding, "surrogateescape")


def unicode_saving(encoding: str, mark: bool):
    """Make and undo saving in ``encoding``, after a byte-order mark if ``mark``."""
    start = "\ufeff" * mark
    return (lambda text: (start + text).encode(encoding)), decoded(encoding, start)


def in_code_page(encoding: str, errors: str, reading: "str | None" = None):
    """Make saving in ``encoding``, writing what it cannot hold as ``errors`` says;
    then, where ``reading`` is given, those bytes read as that codec ("" for
    UTF-8, U+FFFD for what is not) and saved as UTF-8: mojibake."""

    def make(text: str) -> "bytes | str":
        # ? for each UTF-16 code unit is replace's ? but for a character
        # outside the BMP: a text with none is written by replace, in C, not
        # by a handler called for each run the code page cannot hold.
        handler = errors
        if errors == PER_UNIT and not re.search(ASTRAL, text):
            handler = "replace"
        saved = text.encode(encoding, handler)
        if reading is None:
            return saved
        return read_as(reading, saved) if reading else saved.decode("utf-8", "replace")

    return make


def wrongly_read(encoding: str):
    """Make UTF-8 read as the single-byte ``encoding`` and saved as UTF-8 again: mojibake."""
    return lambda text: read_as(encoding, utf8(text))


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


# Every other text codec of the standard library's ``encodings`` (CPython 3.8
# to 3.13, by its module's name; Latin-1 has two, latin_1 and iso8859_1,
# alike), which a tool may save a text in: each holds some of any text
# (ASCII, or what its bytes stand for).  Left out:
# UTF-8, UTF-16 and UTF-32 (with and without a byte-order mark), which are
# in the table; mbcs and oem (Windows' own code page, one of these);
# idna and punycode (domain names, not texts); unicode_escape (an escape,
# in the table); charmap and undefined (no code page); rot_13 (text to
# text); mac_centeuro (gone after 3.8); and the codecs of bytes to bytes
# (base64_codec, hex_codec, ...), whose forms are escapes.
SINGLE_BYTE_CODECS = (
    # ASCII, and ISO 8859 (Latin-1 its first part)
    *("ascii", "latin_1", "iso8859_1", "iso8859_2", "iso8859_3", "iso8859_4"),
    *("iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8", "iso8859_9"),
    *("iso8859_10", "iso8859_11", "iso8859_13", "iso8859_14", "iso8859_15"),
    "iso8859_16",
    # Windows
    *("cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256"),
    *("cp1257", "cp1258", "cp874"),
    # DOS (CP864 writes % as the Arabic percent sign)
    *("cp437", "cp720", "cp737", "cp775", "cp850", "cp852", "cp855", "cp856"),
    *("cp857", "cp858", "cp860", "cp861", "cp862", "cp863", "cp864", "cp865"),
    *("cp866", "cp869", "cp1006", "cp1125"),
    # EBCDIC: ASCII is not where ASCII has it
    *("cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140"),
    # Macintosh
    *("mac_arabic", "mac_croatian", "mac_cyrillic", "mac_farsi", "mac_greek"),
    *("mac_iceland", "mac_latin2", "mac_roman", "mac_romanian", "mac_turkish"),
    # Others
    *("hp_roman8", "koi8_r", "koi8_t", "koi8_u", "kz1048", "palmos", "ptcp154"),
    "tis_620",
)
OTHER_CODECS = (  # of several bytes a character, or of shift sequences
    # Chinese, Japanese, Korean
    *("big5", "big5hkscs", "cp950", "gb2312", "gbk", "gb18030", "hz"),
    *("cp932", "euc_jp", "euc_jis_2004", "euc_jisx0213", "shift_jis"),
    *("shift_jis_2004", "shift_jisx0213", "iso2022_jp", "iso2022_jp_1"),
    *("iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_3", "iso2022_jp_ext"),
    *("cp949", "euc_kr", "iso2022_kr", "johab"),
    # Unicode as ASCII: UTF-7, and Latin-1 with \uXXXX for the rest
    *("utf_7", "raw_unicode_escape"),
)
CODECS = SINGLE_BYTE_CODECS + OTHER_CODECS
# Those that hold characters of the Arabic block (the code pages of Arabic,
# Persian and Urdu), whose bytes a tool that takes them for Latin-1 or
# Windows-1252 reads as mojibake (WRONG_READINGS, but UTF-8's, whose U+FFFD
# leave no way back to the bytes it read).
ARABIC_CODECS = (
    "cp1256",  # Windows
    "iso8859_6",
    "cp720",  # DOS
    "cp864",  # DOS, presentation forms
    "cp1006",  # IBM's Urdu, presentation forms
    "mac_arabic",
    "mac_farsi",
)
MISREADINGS = WRONG_READINGS[:2]
# Those that hold every character: saved in as they are (errors="strict").
HOLDING_ALL = ("gb18030", "utf_7", "raw_unicode_escape")
# The error handlers that write what a codec cannot hold, those of ``codecs``
# and the converters' losses that are not a handler of theirs (SUB, ? for
# each UTF-16 code unit): the name a report gives it, the handler, and the
# key's ending.
HANDLERS = (
    ("? for what it cannot hold", "replace", "replaced"),
    ("dropping what it cannot hold", "ignore", "dropped"),
    (
        "&#N; for what it cannot hold (xmlcharrefreplace)",
        "xmlcharrefreplace",
        "xmlcharrefs",
    ),
    (
        r"\xNN, \uXXXX or \UXXXXXXXX for what it cannot hold (backslashreplace)",
        "backslashreplace",
        "backslashed",
    ),
    (r"\N{name} for what it cannot hold (namereplace)", "namereplace", "named"),
    *(loss for loss in LOSSES if loss[1] in (SUBSTITUTE, PER_UNIT)),
)
# What each handler writes: a mark it always writes, where it writes
# anything, and every character it may write.  A copy read in a codec that
# holds none of the mark, or another character than those and the text's,
# is none of its (? and nothing are written by any text too).
HEX_DIGITS = "0123456789abcdef"
HANDLER_WRITES = {
    "strict": ("", ""),
    "replace": ("?", "?"),
    SUBSTITUTE: ("\x1a", "\x1a"),
    PER_UNIT: ("?", "?"),
    "ignore": ("", ""),
    "xmlcharrefreplace": ("&#", "&#;0123456789"),
    "backslashreplace": ("\\", "\\xuU" + HEX_DIGITS),
    "namereplace": (
        "\\",
        "\\N{} -ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789xuU" + HEX_DIGITS,
    ),
}
BACKSLASHED = re.compile(r"\\(?:x([0-9a-f]{2})|u([0-9a-f]{4})|U([0-9a-f]{8}))")
NAMED = re.compile(r"\\N\{([A-Z0-9 \-]+)\}|" + BACKSLASHED.pattern)
CHARACTER_REFERENCE = re.compile(r"&#([0-9]{1,7});")


def code_point(digits: str, base: int, written: str) -> str:
    """The character of a code point an escape wrote; the escape as it is, past the last."""
    code = int(digits, base)
    return chr(code) if code < 0x110000 else written


def backslashed_undone(text: str) -> str:
    r"""Undo backslashreplace: \xNN, \uXXXX, \UXXXXXXXX as the characters."""
    return sub_each_once(
        BACKSLASHED,
        lambda match: code_point(match[match.lastindex], 16, match[0]),
        text,
    )


def named_undone(text: str) -> str:
    r"""Undo namereplace: \N{name}, or where a character has none, as backslashreplace writes it."""

    def character(match: "re.Match[str]") -> str:
        if match[1] is None:
            return code_point(match[match.lastindex], 16, match[0])
        try:
            return unicodedata.lookup(match[1])
        except KeyError:
            return match[0]

    return sub_each_once(NAMED, character, text)


def references_undone(text: str) -> str:
    """Undo xmlcharrefreplace: &#N; as the character."""
    return sub_each_once(
        CHARACTER_REFERENCE, lambda match: code_point(match[1], 10, match[0]), text
    )


WRITTEN_UNDONE = {
    "xmlcharrefreplace": references_undone,
    "backslashreplace": backslashed_undone,
    "namereplace": named_undone,
}


# Each of those escapes whole, as a copy shows them (no groups: they are
# found at once, each distinct one read).
HANDLER_ESCAPE = re.compile(
    r"\\N\{[A-Z0-9 \-]+\}|\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|\\U[0-9a-f]{8}|&#[0-9]{1,7};"
)


def escaped_characters(data: bytes) -> str:
    r"""The characters that the error handlers' escapes in ``data`` stand for
    (\N{name}, \xNN, \uXXXX, \UXXXXXXXX, &#N;), each once: a codec that
    holds one did not write it so.  None of ASCII, which each holds."""
    escapes = "".join(set(HANDLER_ESCAPE.findall(data.decode("latin-1"))))
    written = named_undone(escapes) + references_undone(escapes)
    return "".join(sorted({char for char in written if not char.isascii()}))


def saved_in_undone(codec: str, errors: str, read: str = ""):
    """Undo saving in ``codec``, its bytes perhaps ``read`` as another codec
    first (mojibake): its bytes read, and what ``errors`` wrote for what it
    cannot hold read back where it can be (? and nothing cannot).  A copy
    cut short in a character keeps what decodes."""
    written_undone = WRITTEN_UNDONE.get(errors, str)

    def undo(copy: str) -> "tuple[str, tuple]":
        data = bytes_read_as(read, copy) if read else utf8(copy)
        reader = codecs.getincrementaldecoder(codec)("strict")
        return written_undone(reader.decode(data)), ()

    return undo


# The ASCII bytes that change how these codecs read what follows them: HZ's
# ~{, ISO-2022's escape sequences and shifts, UTF-7's +, and
# raw_unicode_escape's backslash (of \uXXXX).
SHIFTING = {
    "hz": "~",
    **dict.fromkeys(
        [codec for codec in OTHER_CODECS if "iso2022" in codec], "\x1b\x0e\x0f"
    ),
    "utf_7": "+",
    "raw_unicode_escape": "\\",
}


@functools.lru_cache(maxsize=None)
def ascii_as_itself(codec: str) -> "frozenset[int]":
    """The ASCII bytes that ``codec`` reads as themselves wherever they stand
    (none that shifts it): data of only those it reads as ASCII does.  Read
    all at once, each a character (else one by one)."""
    unshifting = bytes(b for b in range(128) if chr(b) not in SHIFTING.get(codec, ""))
    read = unshifting.decode(codec, "replace")
    if len(read) != len(unshifting):
        read = "".join(bytes([byte]).decode(codec, "replace") for byte in unshifting)
    return frozenset(byte for byte, char in zip(unshifting, read) if char == chr(byte))


# The bytes of a copy read first: where no codec reads them as a text the
# known changes may write, the rest is not read (random bytes, the copy of
# an escape's output that shares nothing with the text).
PROBED = 4096


@functools.lru_cache(maxsize=4096)  # each codec, for the text of a search
def written_in(codec: str, characters: str) -> "tuple[bytes | None, ...]":
    """What ``codec`` writes of each of ``characters``: None where it cannot hold it."""
    if codec in SINGLE_BYTE_CODECS:
        return tuple(map(single_bytes(codec).get, characters))
    written = []
    for char in characters:
        try:
            written.append(char.encode(codec))
        except UnicodeEncodeError:
            written.append(None)
    return tuple(written)


@functools.lru_cache(maxsize=None)
def single_bytes(codec: str) -> "dict[str, bytes]":
    """What a codec of a byte a character writes of each character it holds:
    the byte it reads as that character (its tables are each other's inverse).
    Read all at once, U+FFFD for each byte it leaves undefined (else one by one)."""
    every = bytes(range(256))
    read = every.decode(codec, "replace")
    if len(read) != len(every):
        read = "".join(bytes([byte]).decode(codec, "replace") for byte in every)
    held = {}
    for byte, char in zip(every, read):
        if char == "\ufffd":  # a byte it leaves undefined, unless it reads it so
            try:
                bytes([byte]).decode(codec)
            except UnicodeDecodeError:
                continue
        held[char] = bytes([byte])
    return held


def codecs_reading(
    data: bytes,
    allowed: "frozenset[str]",
    characters: str,
    among: "tuple[str, ...]" = CODECS,
    held: str = "",
) -> "dict[tuple[str, tuple], list[str]]":
    """The texts that the codecs ``among`` CODECS read ``data`` as, where it
    holds only characters ``allowed``, each with the codecs that read it so and
    write each of ``characters`` alike (as ``written_in``), of those that
    hold the fewest of them and of ``held`` (``holding_fewest``): a search
    tries one of them.  ``held``: what else a text saved may hold (a wrong
    reading's Latin letters), which a codec that holds fewer of
    ``characters`` may hold where the other does not.

    Bytes that are UTF-8 with characters outside ASCII are none's: a text
    saved in a code page never is.  A single-byte codec is read off the
    distinct bytes of the data first, as most read them as some character
    not allowed; codecs that read them alike read the data alike.
    """
    if not data.isascii() and not UNDECODABLE.search(as_text(data)):
        return {}
    if len(data) > PROBED and not codecs_reading(
        data[:PROBED], allowed, characters, among, held
    ):
        return {}  # its start is no codec's reading
    distinct = bytes(sorted(set(data)))
    alike: dict[str, list[str]] = {}
    for codec in [codec for codec in SINGLE_BYTE_CODECS if codec in among]:
        try:
            alike.setdefault(distinct.decode(codec), []).append(codec)
        except UnicodeDecodeError:  # a byte it leaves undefined
            continue
    read: dict[str, list[str]] = {}
    for reading, codecs_alike in alike.items():
        if allowed.issuperset(reading):
            read.setdefault(data.decode(codecs_alike[0]), []).extend(codecs_alike)
    as_ascii = []  # the data read as ASCII, once: a long copy's, read again, costs
    fits = dict.fromkeys(read, True)  # whether each reading holds only what is allowed
    for codec in [codec for codec in OTHER_CODECS if codec in among]:
        if ascii_as_itself(codec).issuperset(distinct):
            if not as_ascii:  # its characters are its distinct bytes, as ASCII
                as_ascii = [data.decode("ascii")]
                CHARACTERS[as_ascii[0], False] = frozenset(distinct.decode("ascii"))
            reading = as_ascii[0]  # as it reads each of those bytes
        else:
            try:
                reading = codecs.getincrementaldecoder(codec)("strict").decode(data)
            except UnicodeDecodeError:
                continue
        if reading not in fits:  # many read ASCII as it is: told once
            fits[reading] = allowed.issuperset(characters_of(reading))
        if fits[reading]:
            read.setdefault(reading, []).append(codec)
    groups: dict[tuple[str, tuple], list[str]] = {}
    for reading, codecs_alike in read.items():
        # Where a loss shows (?, SUB), codecs that hold ``held`` otherwise
        # wrote it otherwise: each is searched.
        told = characters + held if LOSS_SHOWN.search(reading) else characters
        for codec in holding_fewest(codecs_alike, characters + held):
            key = (reading, written_in(codec, told))
            groups.setdefault(key, []).append(codec)
    return groups


# What replace, SUB and .NET's loss write for what a codec cannot hold.
LOSSES_SHOWN = ("replace", SUBSTITUTE, PER_UNIT)
LOSS_SHOWN = re.compile(
    "|".join(
        map(re.escape, sorted({HANDLER_WRITES[errors][0] for errors in LOSSES_SHOWN}))
    )
)


def holding_fewest(codecs_alike: "list[str]", characters: str) -> "list[str]":
    """Of codecs that read a copy alike, those that hold no more of
    ``characters`` than another does.  Such codecs write alike each
    character the copy shows; the one that holds fewer writes what it
    cannot hold of the rest, where the other wrote a character the copy does
    not show (a text that holds it is none that made the copy): it makes
    each copy the other does, and more (CP864, which holds no Arabic letter
    but in its presentation forms, reads ISO-8859-6's other bytes alike)."""
    held = {
        codec: {i for i, each in enumerate(written_in(codec, characters)) if each}
        for codec in codecs_alike
    }
    return [
        codec
        for codec in codecs_alike
        if not any(held[other] < held[codec] for other in codecs_alike)
    ]
