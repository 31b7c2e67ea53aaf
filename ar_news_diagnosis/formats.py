"""Data formats: the text written for the web, for mail and as data.

HTML and XML character references, percent-encoding (URLs and forms),
JavaScript's ``escape()``, Base64, its other forms (Base32, Base85,
Ascii85...), uuencoding and hex digits in lines of a width,
hex dumps with offsets (xxd, hexdump -C, od), quoted-printable, a CSV field and JSON Lines.  A reader returns the text and
the form read off the copy (which characters were encoded, a line width,
a byte-order mark), so that the writer with that form makes the copy again.
"""

import base64
import binascii
import email.charset
import email.errors
import email.header
import email.quoprimime
import functools
import html
import html.entities
import quopri
import re

from .escapes import json_string, json_undone
from .notations import NOTATIONS
from .text import LONE_SURROGATE, as_text, sub_each_once, utf8

# HTML and XML character references.

REFERENCE = re.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def references(text: str, written: "tuple | None" = None) -> str:
    """Write characters as HTML or XML references: ``written`` says how, as (character, reference).

    By default each character outside ASCII as a decimal reference.  Bytes
    that are not UTF-8 (a saving's, as ``as_text`` reads them) have none:
    HTML reads a reference to a lone surrogate as U+FFFD.
    """
    if LONE_SURROGATE.search(text):
        raise ValueError("a byte that is not UTF-8, which no reference stands for")
    if written is None:
        return "".join(char if char.isascii() else f"&#{ord(char)};" for char in text)
    return text.translate({ord(char): reference for char, reference in written})


def references_undone(copy: str) -> "tuple[str, tuple]":
    """Undo HTML or XML references (``&#1575;``, ``&#x627;``, ``&nbsp;``), each character written one way."""
    written: dict[str, str] = {}

    def character(match: "re.Match[str]") -> str:
        char = html.unescape(match[0])
        if len(char) != 1:  # no reference: the copy says &name; itself
            return match[0]
        if written.setdefault(char, match[0]) != match[0]:
            raise ValueError("a character written in two ways")
        return char

    return sub_each_once(REFERENCE, character, copy), (tuple(written.items()),)


@functools.lru_cache(maxsize=None)
def longest_named_references() -> "dict[str, str]":
    """Each character's longest named reference in HTML5, built on first use."""
    named: dict[str, str] = {}
    for name, char in html.entities.html5.items():
        if name.endswith(";") and len(char) == 1:
            named[char] = max(named.get(char, ""), f"&{name}", key=len)
    return named


def widest_references(text: str) -> tuple:
    """The form that writes each character of ``text`` as its longest reference: decimal, hex or named."""
    named = longest_named_references()
    return (
        tuple(
            (
                char,
                max(
                    f"&#{ord(char)};",
                    f"&#x{ord(char):X};",
                    named.get(char, ""),
                    key=len,
                ),
            )
            for char in set(text)
        ),
    )


# Percent-encoding.

# The ASCII characters that urllib.parse.quote encodes: all but letters,
# digits and _.-~ and, with ``safe="/"`` as by default, the slash.
PERCENT_ENCODED = "".join(map(chr, range(32))) + " !\"#$%&'()*+,:;<=>?@[\\]^`{|}\x7f"
ASCII = "".join(map(chr, range(0x80)))


def percent_encoded(
    text: str,
    encoded: str = PERCENT_ENCODED,
    lowercase: bool = False,
    plus: bool = False,
) -> str:
    """Percent-encode each byte outside ASCII and each ASCII character in ``encoded``; ``plus``: a space as +."""
    escape = "%{:02x}" if lowercase else "%{:02X}"

    def written(char: str) -> str:
        """``char`` percent-encoded: each byte of its UTF-8."""
        if plus and char == " ":
            return "+"
        return "".join(
            escape.format(byte) if byte > 0x7F or chr(byte) in encoded else chr(byte)
            for byte in utf8(char)
        )

    return text.translate({ord(char): written(char) for char in set(text)})


def percent_undone(copy: str, plus: bool = False) -> "tuple[str, tuple]":
    """Undo percent-encoding; the form is which ASCII characters were encoded, and the hex digits' case."""
    if not copy.isascii():
        raise ValueError("not what percent-encoding writes")
    # Without a + for a space, the same as without plus, but where a + of
    # the text was written as %2B: percent-encoded twice, the first time so.
    if plus and "+" not in copy and "%2b" not in copy.lower():
        raise ValueError("no + to undo")
    escapes = set(re.findall("%([0-9A-Fa-f]{2})", copy))
    encoded = "".join(
        sorted({chr(int(code, 16)) for code in escapes if int(code, 16) < 0x80})
    )
    lowercase = any(code != code.upper() for code in escapes)
    text = copy.replace("+", " ") if plus else copy
    return sub_each_once(PERCENT_RUN, percent_run_read, text), (encoded, lowercase)


# Read as urllib.parse.unquote reads an ASCII text, with errors="surrogateescape",
# a run of escapes at a time: it reads one piece between percent signs at
# a time (40 ms a copy of 250,000 percent signs and no escape).  UTF-8 read
# so is read alike: an ASCII character ends a character cut short.
PERCENT_RUN = re.compile("(?:%[0-9A-Fa-f]{2})+")


def percent_run_read(run: "re.Match[str]") -> str:
    """What a run of percent escapes stands for, its bytes read as UTF-8."""
    return bytes.fromhex(run[0].replace("%", "")).decode("utf-8", "surrogateescape")


def widest_percent(text: str) -> tuple:
    """The form that makes the most of a text: every ASCII character encoded too."""
    return (ASCII,)


def percent_plus_encoded(
    text: str, encoded: str = PERCENT_ENCODED + "/", lowercase: bool = False
) -> str:
    """Percent-encode with + for a space, as ``urllib.parse.quote_plus`` does (the slash too)."""
    return percent_encoded(text, encoded, lowercase, plus=True)


def percent_plus_undone(copy: str) -> "tuple[str, tuple]":
    """Undo ``percent_plus_encoded``."""
    return percent_undone(copy, plus=True)


# A field of an HTML form, as urllib.parse.urlencode writes one (the body of
# a form posted, a URL's query): its name, =, and its value percent-encoded
# with + for a space (quote_plus).
FORM_FIELD = re.compile(r"([A-Za-z0-9_.~-]+)=([^=&]*)")


def form_field(text: str, name: str = "text") -> str:
    """Write ``text`` as the value of the form field ``name``, as ``urllib.parse.urlencode`` does."""
    return f"{name}={percent_plus_encoded(text)}"


def form_field_undone(copy: str) -> "tuple[str, tuple]":
    """Undo ``form_field``: the value read, and the field's name, its form;
    ValueError where the copy is no such field, or the value is not as
    urlencode writes it."""
    field = FORM_FIELD.fullmatch(copy)
    if not field:
        raise ValueError("not one field of a form")
    text = percent_undone(field[2].replace("+", "%20"))[0]
    if form_field(text, field[1]) != copy:
        raise ValueError("not as urlencode writes a field")
    return text, (field[1],)


# JavaScript's escape(): it keeps these, writes each other UTF-16 code unit
# below 0x100 as %XX, and the rest as %uXXXX.
JS_ESCAPE = re.compile("%(u[0-9A-Fa-f]{4}|[0-9A-Fa-f]{2})")
JS_KEPT = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@*_+-./"


def js_escaped(text: str) -> str:
    """Write as JavaScript's ``escape()`` does: each distinct character once."""
    return text.translate({ord(char): js_escape(char) for char in set(text)})


def js_escape(char: str) -> str:
    """How ``escape()`` writes one character: as it is, or in the notation
    ``%uHHHH`` (``%HH`` below U+0100, a surrogate pair outside the BMP)."""
    return char if char in JS_KEPT else NOTATIONS["%uHHHH"].write(char)


def js_unescaped(copy: str) -> str:
    """Undo JavaScript's ``escape()``: the copy split at its escapes, each
    distinct escape read once."""
    if not copy.isascii() or "%" not in copy:
        raise ValueError("not what escape() writes")
    pieces = JS_ESCAPE.split(copy)  # the text between escapes, and each escape's digits
    digits = pieces[1::2]
    unit = {each: chr(int(each.lstrip("u"), 16)) for each in set(digits)}
    pieces[1::2] = map(unit.__getitem__, digits)
    units = "".join(pieces)
    return units.encode("utf-16-be", "surrogatepass").decode(
        "utf-16-be", "surrogatepass"
    )


# Binary to text: Base64 and hex digits, in lines of a width.


def in_lines(encoded: str, width: int, final: bool) -> str:
    """``encoded`` in lines of ``width`` characters (0: one line); ``final``: a line break at the end."""
    starts = range(0, len(encoded), width) if width else [0]
    lines = [encoded[start : start + width] if width else encoded for start in starts]
    return "\n".join(lines) + "\n" * final


def out_of_lines(copy: str, group: int) -> "tuple[str, int, bool]":
    """Undo ``in_lines``: the lines joined, their width, a multiple of ``group``, and whether a line break ends them."""
    first, _, rest = copy.partition("\n")  # told before a long copy is split
    width = len(first) if rest else 0  # one line, or one and a line break
    if width % group or not first:  # nothing encoded is written as nothing
        raise ValueError(f"not lines of whole groups of {group}")
    lines = copy.split("\n")
    final = len(lines) > 1 and not lines[-1]
    lines = lines[:-1] if final else lines
    if any(len(line) != width for line in lines[:-1]):  # told before decoding
        raise ValueError(f"not lines of {width} but the last")
    return "".join(lines), width, final


def base64_encoded(text: str, width: int = 76, final: bool = True) -> str:
    """Encode as Base64, in lines of ``width`` characters (0: one line); ``final``: a line break at the end."""
    return in_lines(base64.b64encode(utf8(text)).decode("ascii"), width, final)


def base64_undone(copy: str) -> "tuple[str, tuple]":
    """Undo Base64, as in MIME mail, PEM and data URLs; the form is its line width and final line break."""
    encoded, width, final = out_of_lines(copy, 4)
    return as_text(base64.b64decode(encoded, validate=True)), (width, final)


def widest_base64(text: str) -> tuple:
    """The form that makes the most of a text: a line break after every four characters."""
    return (4, True)


# The other forms of binary to text of the standard library (base64 and
# binascii): by key, the encoder, the decoder, the characters of a group
# that = pads the last to (None: no padding, as Base85's, whose alphabet
# holds =), and those of which a line holds a whole number (Base32's half a
# group, as coreutils' base32 wraps at 76).
# Base32's extended hex alphabet is Base32's written in it, as
# base64.b32hexencode (3.10) does.
BASE32_HEX = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "0123456789ABCDEFGHIJKLMNOPQRSTUV"
)
FROM_BASE32_HEX = {new: old for old, new in BASE32_HEX.items()}
BINARY_TO_TEXT = {
    "base64-url": (
        base64.urlsafe_b64encode,
        functools.partial(base64.b64decode, altchars=b"-_", validate=True),
        4,
        4,
    ),
    "base32": (base64.b32encode, base64.b32decode, 8, 4),
    "base32-hex": (
        lambda data: base64.b32encode(data).decode("ascii").translate(BASE32_HEX),
        lambda encoded: base64.b32decode(encoded.translate(FROM_BASE32_HEX)),
        8,
        4,
    ),
    "base85": (base64.b85encode, base64.b85decode, None, 5),
    "ascii85": (base64.a85encode, base64.a85decode, None, 5),
}


def in_groups(key: str) -> tuple:
    """The writer, reader and widest form of the form ``key`` of BINARY_TO_TEXT.

    The writer writes the bytes in lines of ``width`` characters (0: one
    line), a line break at the end where ``final``, the padding (=) where
    ``padded`` and the form pads; the reader reads those off the copy, and
    takes only what the writer writes again (a85decode passes over spaces,
    b32decode over padding left out where asked to).
    """
    encode, decode, group, in_a_line = BINARY_TO_TEXT[key]

    def written(data: bytes, padded: bool) -> str:
        encoded = encode(data)
        encoded = encoded if isinstance(encoded, str) else encoded.decode("ascii")
        return encoded if padded or not group else encoded.rstrip("=")

    def make(
        text: str, width: int = 0, final: bool = False, padded: bool = True
    ) -> str:
        return in_lines(written(utf8(text), padded), width, final)

    quantum = group or in_a_line  # the characters of one group

    def read(encoded: str, padded: bool) -> "bytes | None":
        """The bytes ``encoded`` stands for, where the writer writes them so; else None."""
        try:
            data = decode(encoded + "=" * (-len(encoded) % (group or 1)) * (not padded))
        except (ValueError, TypeError):  # binascii.Error is a ValueError
            return None
        return data if written(data, padded) == encoded else None

    # Kept: a copy with a line break at its end and without it read alike.
    @functools.lru_cache(maxsize=4)
    def read_by_group(encoded: str, padded: bool) -> "bytes | None":
        """``read(encoded, padded)``, a group at a time, as each is written of
        its own bytes: the last first, which may be short or padded (a copy
        whose end none writes, one character of Ascii85's five, is told at
        once, not after all of it is decoded: a85decode reads in Python),
        then the others, where most of the first 256 repeat (a run of one
        character, a few over and over), each distinct one once.  Not
        Ascii85 with a z in it: four zero bytes in one character."""
        if key == "ascii85" and "z" in encoded:
            return read(encoded, padded)
        whole = len(encoded) - (len(encoded) % quantum or quantum)
        last = read(encoded[whole:], padded)
        if last is None:
            return None
        sample = {encoded[at : at + quantum] for at in range(0, whole, quantum)[:256]}
        if len(sample) > 64:  # groups that do not repeat: read as one
            return read(encoded, padded)
        groups = re.findall(f".{{{quantum}}}", encoded[:whole], re.DOTALL)
        distinct = list(dict.fromkeys(groups))
        data = read("".join(distinct), True)  # as many bytes each
        if data is None:
            return None
        size = len(data) // len(distinct) if distinct else 0
        bytes_of = {
            each: data[at * size : (at + 1) * size] for at, each in enumerate(distinct)
        }
        return b"".join(map(bytes_of.__getitem__, groups)) + last

    def undo(copy: str) -> "tuple[str, tuple]":
        encoded, width, final = out_of_lines(copy, in_a_line)
        padded = not group or "=" in encoded or not len(encoded) % group
        data = read_by_group(encoded, padded)
        if data is None:
            raise ValueError(f"not {key} as written")
        return as_text(data), (width, final, padded)

    # The widest form, for the size limit: a line break after each group it
    # may, no padding, which the limit adds once (as Base64's last line).
    return make, undo, lambda text: (in_a_line, True, False)


def ascii85_forms() -> tuple:
    """The writer, reader and widest form of Ascii85: as ``in_groups`` writes
    it, or, where ``adobe``, between Adobe's <~ and ~>, as
    ``base64.a85encode(adobe=True)`` writes it (a line of ``width`` holds
    the <~, and the last line the ~>)."""
    make_plain, undo_plain, widest = in_groups("ascii85")

    def make(
        text: str,
        width: int = 0,
        final: bool = False,
        padded: bool = True,
        adobe: bool = False,
    ) -> str:
        if not adobe:
            return make_plain(text, width, final, padded)
        encoded = base64.a85encode(utf8(text), adobe=True, wrapcol=width)
        return encoded.decode("ascii") + "\n" * final

    def undo(copy: str) -> "tuple[str, tuple]":
        if not copy.startswith("<~"):
            text, form = undo_plain(copy)
            return text, (*form, False)
        final = copy.endswith("\n")
        framed = copy[: len(copy) - final]
        lines = framed.split("\n")
        width = len(lines[0]) if len(lines) > 1 else 0
        try:
            text = as_text(base64.a85decode(framed, adobe=True))
        except ValueError:  # binascii.Error is a ValueError
            raise ValueError("not Ascii85") from None
        if make(text, width, final, True, True) != copy:
            raise ValueError("not Ascii85 as a85encode writes it")
        return text, (width, final, True, True)

    return make, undo, lambda text: (*widest(text), False)


def uuencoded(text: str, backtick: bool = False) -> str:
    """Uuencode, as ``binascii.b2a_uu`` writes each line of 45 bytes; ``backtick``: ` for a zero."""
    data = utf8(text)
    return "".join(
        binascii.b2a_uu(data[start : start + 45], backtick=backtick).decode("ascii")
        for start in range(0, len(data), 45)
    )


def uu_undone(copy: str) -> "tuple[str, tuple]":
    """Undo ``uuencoded``; the form is whether a zero is written as `."""
    if not copy.endswith("\n") or not copy.isascii():
        raise ValueError("not uuencoded lines")
    lines = copy.splitlines()
    # Each line but the last holds 45 bytes, which M counts (32 + 45).
    if any(line[:1] != "M" for line in lines[:-1]):
        raise ValueError("not uuencoded in lines of 45 bytes")
    try:
        data = b"".join(map(binascii.a2b_uu, lines))
    except binascii.Error:
        raise ValueError("not uuencoded lines") from None
    form = ("`" in copy,)
    if uuencoded(as_text(data), *form) != copy:
        raise ValueError("not uuencoded as binascii writes it")
    return as_text(data), form


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


# Hex dumps with offsets, 16 bytes a line, as xxd, hexdump -C and od -An -tx1
# write them by default: each line's bytes in hex, beside its offset and the
# bytes shown as ASCII (a dot for each that is not printable), or alone.


def shown_as_ascii(chunk: bytes) -> str:
    """The bytes as a dump's right-hand column shows them: printable ASCII, else a dot."""
    return "".join(chr(byte) if 0x20 <= byte < 0x7F else "." for byte in chunk)


def xxd_line(offset: int, chunk: bytes) -> str:
    """A line of ``xxd``: the offset, the bytes in pairs, and as ASCII."""
    pairs = " ".join(
        chunk[start : start + 2].hex() for start in range(0, len(chunk), 2)
    )
    return f"{offset:08x}: {pairs:<39}  {shown_as_ascii(chunk)}"


def hexdump_line(offset: int, chunk: bytes) -> str:
    """A line of ``hexdump -C``: the offset, the bytes in two groups of eight, and as ASCII."""
    halves = (
        " ".join(f"{byte:02x}" for byte in half) for half in (chunk[:8], chunk[8:])
    )
    return f"{offset:08x}  {next(halves):<23}  {next(halves):<23}  |{shown_as_ascii(chunk)}|"


def od_line(offset: int, chunk: bytes) -> str:
    """A line of ``od -An -tx1``: the bytes alone, each after a space."""
    return "".join(f" {byte:02x}" for byte in chunk)


# Each dump: how it writes a line; whether it writes a line the same as the
# one before as "*", once for a run of them (hexdump and od, without -v); and
# whether it ends with the length, as an offset of a line of its own.
DUMPS = {
    "xxd": (xxd_line, False, False),
    "hexdump-c": (hexdump_line, True, True),
    "od": (od_line, True, False),
}
DUMP_LINE = 16  # bytes a line
DUMP_BOUND = 5  # the most characters a dump writes for a byte, its lines full


def dumped(layout: str):
    """Make and undo the hex dump ``layout``, a key of DUMPS; return the two and ``widest``.

    Its one form, ``bound``, is for the size limit alone: DUMP_BOUND dots a
    byte, more than any of them writes for a byte of a full line (hexdump -C
    writes 77 characters for 16), where a dump of one character would count
    a whole line.
    """
    write_line, squeezed, length_last = DUMPS[layout]

    def make(text: str, bound: bool = False) -> str:
        data = utf8(text)
        if bound:
            return "." * DUMP_BOUND * len(data)
        lines, previous = [], None
        for offset in range(0, len(data), DUMP_LINE):
            chunk = data[offset : offset + DUMP_LINE]
            if squeezed and chunk == previous:
                if lines[-1] != "*":
                    lines.append("*")
            else:
                lines.append(write_line(offset, chunk))
            previous = chunk
        if length_last and data:
            lines.append(f"{len(data):08x}")
        return "".join(line + "\n" for line in lines)

    def undo(copy: str) -> str:
        dump_field(copy.partition("\n")[0], layout)  # told before a long copy is split
        lines = copy.split("\n")
        if lines.pop() or not lines:
            raise ValueError("not lines of a hex dump")
        length = int(lines.pop(), 16) if length_last else None
        data, repeated = bytearray(), None
        for line in lines:
            if squeezed and line == "*":
                repeated = data[-DUMP_LINE:]
                continue
            if repeated is not None:
                repeat_until(data, repeated, int(line[:8], 16) if length_last else None)
                repeated = None
            chunk = bytes.fromhex(dump_field(line, layout))
            if write_line(len(data), chunk) != line:  # each line as the tool writes it
                raise ValueError(f"not a line of {layout}'s dump")
            data += chunk
        if repeated is not None:
            repeat_until(data, repeated, length)
        text = as_text(bytes(data))
        if make(text) != copy:
            raise ValueError(f"not {layout}'s dump")
        return text

    return make, undo, lambda text: (True,)


def repeat_until(data: bytearray, repeated: bytes, offset: "int | None") -> None:
    """Write the line of a run ("*") again up to the ``offset`` of the line after
    it; od -An writes no offset, so a run cannot be read back."""
    if offset is None:
        raise ValueError("no offset says how many lines a * stands for")
    while len(data) < offset:
        data += repeated


def dump_field(line: str, layout: str) -> str:
    """The hex digits of one line of a dump, spaces left out; ValueError where there are none."""
    field = {"xxd": line[10:49], "hexdump-c": line[10:58], "od": line}[layout]
    if not re.fullmatch("[0-9a-f ]+", field):
        raise ValueError("no hex digits where a dump has them")
    return field.replace(" ", "")


# Mail: quoted-printable.


def perl_encoded_qp(data: bytes) -> str:
    """Quoted-printable as Perl's MIME::QuotedPrint ``encode_qp`` writes it
    (MIME-Base64's Base64.xs, a line feed ending each line): a tab and
    printable ASCII but = kept, but for spaces and tabs that end a line;
    lines of 76 at most, a soft break where plain text or an escape would
    pass it, none left before one character alone on a line; and a soft
    break at the end where the last line has any."""
    written, length, at = [], 0, 0
    while True:
        plain = PERL_PLAIN.match(data, at)
        start, at = at, plain.end()
        if at == len(data) or data[at] == 0x0A:  # what ends a line is escaped
            at = start + len(data[start:at].rstrip(b" \t"))
        piece = data[start:at].decode("ascii")
        # (A line that an escape took to 76, as a line feed ends it, is
        # broken no more.)
        while length < PERL_LINE and len(piece) > PERL_LINE - 1 - length:
            cut = PERL_LINE - 1 - length
            written += [piece[:cut], "=\n"]
            piece, length = piece[cut:], 0
        if piece:
            written.append(piece)
            length += len(piece)
        if at == len(data):
            break
        if data[at] == 0x0A:
            if length == 1 and written[-2:-1] == ["=\n"]:
                written[-2] = ""  # no soft break before one character alone
            written.append("\n")
            at, length = at + 1, 0
            continue
        last = length == PERL_LINE - 3 and data[at + 1 : at + 2] == b"\n"
        if length > PERL_LINE - 4 and not last:
            written.append("=\n")
            length = 0
        written.append(f"={data[at]:02X}")
        at, length = at + 1, length + 3
    if written and length:
        written.append("=\n")
    return "".join(written)


# What encode_qp keeps as it is, and the most characters of its lines.
PERL_PLAIN = re.compile(rb"[\t -<>-~]*")
PERL_LINE = 76


# Quoted-printable's writers: quopri's, quopri's for a mail header (a space
# as _, header=True), the email package's for a body, and as it writes a
# message's body (``EmailMessage.set_content``, lines of the policy's 78),
# and Perl's MIME::QuotedPrint, each wrapping lines its own way.
QUOTED_PRINTABLE = {
    "quopri": lambda data: quopri.encodestring(data).decode("ascii"),
    "quopri-header": lambda data: quopri.encodestring(data, header=True).decode(
        "ascii"
    ),
    "email": lambda data: email.quoprimime.body_encode(data.decode("latin-1")),
    "email-message": lambda data: email.quoprimime.body_encode(
        data.decode("latin-1"), 78
    ),
    "perl": perl_encoded_qp,
}


# How many characters of a text a writer of quoted-printable writes first,
# to the end of their line: each writes a line on its own, and the email
# package's reads a character at a time (0.09 s a copy at the size limit).
QUOTED_FIRST = 4096


def quoted_printable(text: str, writer: str = "quopri") -> str:
    """Encode as quoted-printable, as one of QUOTED_PRINTABLE's writers writes it."""
    return QUOTED_PRINTABLE[writer](utf8(text))


def quoted_printable_is(copy: str, text: str, writer: str) -> bool:
    """Tell whether ``writer`` writes ``text`` as ``copy``: its first
    QUOTED_FIRST characters first, what they are written as must start it:
    their whole lines, or within a longer line, all but the last two lines
    they are written in (a writer writes the end of a text its own way, and
    a character as the one after it says)."""
    end = text.find("\n", QUOTED_FIRST) + 1
    if end:
        start = quoted_printable(text[:end], writer)
    else:
        start = quoted_printable(text[:QUOTED_FIRST], writer)
        start = start[: start.rfind("\n", 0, max(0, start.rfind("\n"))) + 1]
    if not copy.startswith(start):
        return False
    return quoted_printable(text, writer) == copy


def quoted_printable_undone(copy: str) -> "tuple[str, tuple]":
    """Undo quoted-printable (``=D8=A7``, ``=`` at a soft line break); the form
    is the writer that writes it so, else quopri's."""
    if not copy.isascii():
        raise ValueError("not what quoted-printable writes")
    data = copy.encode("ascii")
    texts = {
        header: as_text(quopri.decodestring(data, header=header))
        for header in (False, True)
    }
    if texts[False] == copy == texts[True]:
        raise ValueError("no escape, soft line break or _ of quoted-printable")
    # A header's writes each space as _, and leaves none: read so first.
    writers = ["quopri", "email", "email-message", "perl", "quopri-header"]
    if "_" in copy and " " not in copy:
        writers = ["quopri-header", "quopri", "email", "email-message", "perl"]
    for writer in writers:
        text = texts[writer == "quopri-header"]
        if quoted_printable_is(copy, text, writer):
            return text, (writer,)
    return texts[False], ("quopri",)


# Encoded words (RFC 2047): the text as a mail header's value, as the email
# package writes it in UTF-8, each word Base64 ("b") or Q ("q": quoted-
# printable, _ for a space), lines of 76 characters at most folded with a
# newline and a space; the first shorter by a header's name before it.  A
# word's encoded text is no longer than such a line (the email package
# writes words of up to 78 characters): a copy that is one word of 380,000
# took 2.5 s to be read and written again.
ENCODED_WORDS = re.compile(
    r"=\?utf-8\?([bq])\?[^?\s]{0,76}\?=(?:\n? =\?utf-8\?\1\?[^?\s]{0,76}\?=)*",
    re.IGNORECASE,
)
WORD_KINDS = {"b": email.charset.BASE64, "q": email.charset.QP}
LINE_BREAK = re.compile("[\n\r]")
# How many characters of a header's name and ": " a first line is read to be
# shorter by, beyond the 76 less its own: a word holds whole groups of Base64
# or whole escapes (=D8), so that a line may end up to 7 short of its room.
NAME_ROOM = 8
# More characters of a text than the first line of its encoded words holds
# (76 characters, less what a word writes around them).
FIRST_LINE_MOST = 128


def encoded_words(text: str, kind: str = "b", name: int = 0) -> str:
    """Write as a mail header's encoded words, as ``email.header.Header``
    writes them in UTF-8, each word of ``kind`` (b or q); ``name``: the
    characters of the header's name, which the first line leaves room for.
    A header's value is one line: the email package refuses a line break in
    one (``Header`` writes it as the space it folds lines with)."""
    if LONE_SURROGATE.search(text):
        raise ValueError("a byte that is not UTF-8, which no encoded word holds")
    if LINE_BREAK.search(text):
        raise ValueError("a line break, which a header's value does not hold")
    charset = email.charset.Charset("utf-8")
    charset.header_encoding = WORD_KINDS[kind]
    return email.header.Header(text, charset, header_name="x" * name or None).encode()


def encoded_words_undone(copy: str) -> "tuple[str, tuple]":
    """Undo ``encoded_words``; the form is the words' kind and the room the
    first line leaves for a header's name, read off it."""
    match = ENCODED_WORDS.fullmatch(copy)
    if not match:
        raise ValueError("not a header's encoded words")
    try:
        words = email.header.decode_header(copy)
    except (ValueError, email.errors.HeaderParseError):
        raise ValueError("not a header's encoded words") from None
    text = as_text(b"".join(data for data, _ in words))
    if LONE_SURROGATE.search(text) or LINE_BREAK.search(text):
        raise ValueError("not what a header's encoded words hold")
    kind = match[1].lower()
    first = copy.split("\n", 1)[0]
    shortest = max(0, 76 - len(first) - NAME_ROOM)
    # The name's room is read off the first line alone, made again of the
    # text's start: the email package fills each line as it goes, so what
    # follows does not change it.  The whole is made again by the search,
    # not here (a copy of 380,000 characters took 2.6 s a name).
    start = text[:FIRST_LINE_MOST]
    for name in range(shortest, shortest + NAME_ROOM + 1):
        if encoded_words(start, kind, name).split("\n", 1)[0] == first:
            return text, (kind, name)
    return text, (kind, 0)


# Data: a CSV field and JSON Lines.


def csv_field(text: str, start: str = "", end: str = "\r\n", header: str = "") -> str:
    """Write as the one field of a CSV file, as the csv module writes it: quoted,
    each quote doubled, then ``end``; ``start`` a byte-order mark, as Excel's;
    ``header``, a row of the column's name before it, as pandas' to_csv
    writes one (LF its line end, and with encoding="utf-8-sig" the mark)."""
    row = header + end if header else ""
    return start + row + '"' + text.replace('"', '""') + '"' + end


# A column's name as a header row holds it: a word, not quoted.
HEADER = re.compile(r"[^\s\",]+")


def csv_undone(copy: str) -> "tuple[str, tuple]":
    """Undo ``csv_field``; the form is the byte-order mark before it, the line
    end after it and the header row before it (one name, not quoted)."""
    start = copy[:1] if copy.startswith("\ufeff") else ""
    field = copy[len(start) :]
    end = "\r\n" if field.endswith('"\r\n') else "\n"  # a row always ends so
    header = field.split(end, 1)[0] if not field.startswith('"') else ""
    if header and not HEADER.fullmatch(header):
        raise ValueError("not a header row of one name")
    field = field[len(header) + len(end) * bool(header) : len(field) - len(end)]
    if len(field) < 2 or field[0] != '"' or field[-1] != '"':
        raise ValueError("not a quoted CSV field")  # text in quotes is no CSV row
    return field[1:-1].replace('""', '"'), (start, end, header)


def json_lines(text: str, ensure_ascii: bool = True) -> str:
    """Write each line as a JSON string on a line of its own: JSON Lines."""
    return "".join(json_string(line, ensure_ascii) + "\n" for line in text.split("\n"))


def json_lines_undone(copy: str) -> "tuple[str, tuple]":
    """Undo ``json_lines``; the form is whether it kept to ASCII."""
    if not copy.endswith("\n"):
        raise ValueError("not JSON Lines")
    lines = [json_undone(line)[0] for line in copy[:-1].split("\n")]
    return "\n".join(lines), (copy.isascii(),)
