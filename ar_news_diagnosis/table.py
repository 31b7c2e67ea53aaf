"""The table of known changes: what tools do to a text, each with a stable key.

``CHANGES`` holds every known change, in an order that is public: the
README lists them so, and changes that commute are named in it.  Each is a
``Change``: its key (tests elsewhere assert on it), the name a report
prints, the stage it belongs to, and the functions that make it and,
where the search needs it, undo it.  Below the table, the indexes the
search and the limits use, and the bounds on how deep a chain they try.
"""

import ast
import codecs
import difflib
import functools
import inspect
import re
import unicodedata

from . import bidi, escapes, formats, layout, maps, notations, savings, shaping
from .text import HARAKAT, as_text, outside_the_bmp, utf8


def no_form(text: str) -> tuple:
    """The form of a change that is made one way only."""
    return ()


class Change:
    """A known change: a stable key, the name a report prints, and what it does to a text.

    ``make(text, *form)`` makes it; ``form``, empty for most, says in which
    of the ways that tools write it.  ``stage`` is where it stands in a
    chain (see STAGES).  ``undo(copy)``, where the search needs it, returns
    the text before the change and the form, read off the copy (or the text
    alone, for a change of one form), and raises ValueError where the copy
    cannot be its output.  A change of single characters has them in
    ``table`` (as ``str.maketrans`` gives it); its form is the characters it
    left as they were, ``replaced`` the characters it replaces.
    ``widest(text)`` is the form that makes the most of
    a text.  A saving that cannot be undone is made where ``seen(copy)``:
    where the copy may be its output.  ``fields``: where ``name`` is a
    template, what fills it (a code page, a loss), so that a report can
    name together alternatives alike but for them.  ``in_place``: made at
    a place, it sees the place alone, as a change of characters does.
    """

    __slots__ = (
        "fields",
        "form_said",
        "in_place",
        "key",
        "make",
        "name",
        "replaced",
        "seen",
        "stage",
        "table",
        "template",
        "undo",
        "widest",
    )

    def __init__(
        self,
        key: str,
        name: str,
        stage: str,
        make=None,
        undo=None,
        widest=no_form,
        table: "dict[str, str] | None" = None,
        seen=None,
        fields: "tuple[str, ...]" = (),
        form_said=None,
        in_place: bool = False,
    ) -> None:
        self.key, self.stage, self.form_said = key, stage, form_said
        self.in_place = in_place or bool(table)
        self.template, self.fields = name, fields
        self.name = name.format(*fields) if fields else name
        self.undo, self.widest, self.seen = undo, widest, seen
        self.table = str.maketrans(table) if table else None
        self.replaced = frozenset(map(chr, self.table or ()))
        self.make = make or self.translate

    def translate(self, text: str, *kept: str) -> str:
        """Replace the characters of ``table``, all but those ``kept``.

        No replacement holds a character replaced after it.
        """
        for code, new in self.table.items():
            if chr(code) not in kept:
                text = text.replace(chr(code), new)
        return text

    def said(self, form: tuple) -> str:
        """The name of the change as made in ``form``."""
        return self.form_said(*form) if self.form_said and form else self.name

    def __repr__(self) -> str:
        return f"<Change {self.key}>"


# Where each stage stands in a chain, in the order they are made.  Text
# changes come first: any number of local ones (of single characters, with a
# ``table``), up to two others.  A wrong reading (mojibake) may be made among
# them or after them; then, one of each at most, what is written over the
# whole text: lines wrapped or indented, inserted characters, shaping,
# display order, a saving other than UTF-8, an escape.  A newline added at
# the end may follow them all, as a command-line tool prints it.
STAGES = (
    "text",
    "reading",
    "layout",
    "zero-width",
    "marks",
    "shaping",
    "display",
    "saving",
    "escape",
)


def replacing(key: str, name: str, old: str, new: "str | tuple[str, ...]") -> Change:
    """A text change of single characters: each of ``old`` becomes ``new``, or,
    where ``new`` is as long, the character (or string) at its place."""
    if len(new) == len(old) > 1:
        return Change(key, name, "text", table=dict(zip(old, new)))
    return Change(key, name, "text", table=dict.fromkeys(old, new))


def said_with_width(template: str) -> dict:
    """The ``name`` of a change that makes lines of a width, and its ``form_said``:
    the name with the width read off the copy, and its unit."""
    return {
        "name": template.format(""),
        "form_said": lambda unit, width, breaks: template.format(f" of {width} {unit}"),
    }


# The escapes of the table that are escapes of parts (see notations): made
# by ``notations.composed``, with backslashes before quotes and backslashes
# and line feeds as \\n, and read back by their own readers.
QUOTE_AND_BACKSLASH = (('"', '\\"'), ("\\", "\\\\"))


def instance(
    notation: str,
    escaped: str,
    around: "tuple[str, str]",
    inside: "tuple[tuple[str, str], ...]" = QUOTE_AND_BACKSLASH,
) -> tuple:
    """Make and undo an escape of these parts, line feeds as \\n: read back
    as any backslash escape, where each escape of hex digits is one these
    parts write (a look-alike's, read so, would give a text whose start
    they write alike, and yet not the copy: see ``escaped_undone``)."""
    parts = (notation, escaped, around, "\\n", inside)
    read = escapes.backslashes_between(*around)

    def undo(copy: str) -> str:
        if not notations.writes_each(notation, escaped, notations.hex_escapes(copy)):
            raise ValueError("an escape that these parts never write")
        return read(copy)

    return lambda text: notations.composed(text, *parts), undo


def json_string(text: str, ensure_ascii: bool = True) -> str:
    """Write as ``json.dumps`` writes a string: each character outside
    printable ASCII (``ensure_ascii``), or each control, as \\uhhhh."""
    return notations.composed(text, *json_parts(ensure_ascii, ('"', '"')))


def json_unquoted(text: str, ensure_ascii: bool = True) -> str:
    """Escape as in a JSON string, without the quotes around it."""
    return notations.composed(text, *json_parts(ensure_ascii, ("", "")))


def json_parts(ensure_ascii: bool, around: "tuple[str, str]") -> tuple:
    """The parts of JSON's escapes, ``around`` the text."""
    escaped = "outside printable ASCII" if ensure_ascii else "controls"
    return "\\uhhhh", escaped, around, "\\n", QUOTE_AND_BACKSLASH


def unicode_escaped(text: str) -> str:
    """Escape with Python's ``unicode_escape``: ASCII only, quotes as they are."""
    parts = ("\\xhh\\uhhhh\\Uhhhhhhhh", "outside printable ASCII", ("", ""))
    return notations.composed(text, *parts, "\\n", (("\\", "\\\\"),))


def normalized(form: str) -> Change:
    """Unicode normalization to ``form``."""
    return Change(
        form.lower(),
        f"normalized to {form}",
        "text",
        lambda text: unicodedata.normalize(form, text),
    )


def wrong_reading(key: str, name: str, encoding: str) -> Change:
    """UTF-8 read as the single-byte ``encoding`` and saved as UTF-8 again: mojibake."""
    return Change(
        key,
        name,
        "reading",
        savings.wrongly_read(encoding),
        savings.decoded("utf-8", read=encoding),
    )


def unicode_saving(bits: int, order: str, mark: bool) -> Change:
    """Saving in UTF-16 or UTF-32 of a byte ``order``, after a byte-order mark if ``mark``."""
    return Change(
        f"utf{bits}{order.lower()}{'-bom' * mark}",
        f"saved as UTF-{bits} {order}{' with a byte-order mark' * mark}",
        "saving",
        *savings.unicode_saving(f"utf-{bits}-{order.lower()}", mark),
    )


def code_page_saving(code_page: str, encoding: str, loss: tuple) -> Change:
    """Saving in a code page, writing what it cannot hold as ``loss`` says."""
    what, errors, ending = loss
    return Change(
        f"{encoding}-{ending}",
        "saved as {}, {}",
        "saving",
        savings.in_code_page(encoding, errors),
        savings.decoded(encoding),
        fields=(code_page, what),
    )


def code_page_misread(
    code_page: str, encoding: str, loss: tuple, reading: tuple
) -> Change:
    """Saving in a code page, and those bytes read as another and saved as UTF-8: mojibake.

    Read as UTF-8, what is not UTF-8 becomes U+FFFD, and there is no way
    back: that one is made where the copy has U+FFFD.
    """
    what, errors, ending = loss
    wrong, key, codec = reading
    return Change(
        f"{encoding}-{ending}-read-as-{key}",
        "saved as {} ({}), read as {} and saved as UTF-8 (mojibake)",
        "saving",
        savings.in_code_page(encoding, errors, codec),
        savings.decoded(encoding, read=codec) if codec else None,
        seen=lambda copy: "\ufffd" in copy,
        fields=(code_page, what, wrong),
    )


def any_copy(copy: str) -> bool:
    """Tell that any copy may be a saving's output: any bytes may be."""
    return True


# The table.  Keys are public, and names stay as worded: tests elsewhere
# assert on both.  The order is public too (the README's, and the order in
# which changes that commute are named), so a new change goes at the end of
# its stage's rows.
CHANGES = (
    # Changes made to the text, by editors, git, normalizers, Arabic NLP and
    # search tools, Persian keyboards, mojibake and databases.
    Change(
        "newline-added",
        "a newline added at the end",
        "text",
        lambda text: text + "\n",
        layout.newline_undone,
    ),
    replacing("crlf", "LF turned into CRLF", "\n", "\r\n"),
    replacing("nbsp-as-space", "no-break spaces turned into plain spaces", "\xa0", " "),
    Change(
        "rstrip",
        "trailing whitespace stripped from each line (str.rstrip)",
        "text",
        layout.each_line_stripped,
    ),
    normalized("NFD"),
    normalized("NFKC"),
    normalized("NFKD"),
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
    replacing("tatweel-removed", "tatweel (kashida, U+0640) removed", "\u0640", ""),
    replacing(
        "harakat-removed", "harakat (diacritics, U+064B to U+0652) removed", HARAKAT, ""
    ),
    replacing(
        "alef-unified",
        "alef forms U+0623, U+0625, U+0622 unified to alef U+0627",
        "\u0623\u0625\u0622",
        "\u0627",
    ),
    replacing(
        "teh-marbuta-as-heh",
        "teh marbuta U+0629 written as heh U+0647",
        "\u0629",
        "\u0647",
    ),
    replacing(
        "alef-maqsura-as-yeh",
        "alef maqsura U+0649 written as yeh U+064A",
        "\u0649",
        "\u064a",
    ),
    replacing(
        "arabic-indic-digits",
        "Western digits turned into Arabic-Indic digits",
        "0123456789",
        "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669",
    ),
    replacing(
        "quotes-straightened",
        "curly quotes straightened",
        "\u201c\u201d\u2018\u2019",
        "\"\"''",
    ),
    replacing(
        "arabic-comma", "Arabic comma U+060C turned into a Latin comma", "\u060c", ","
    ),
    replacing(
        "arabic-semicolon",
        "Arabic semicolon U+061B turned into a Latin semicolon",
        "\u061b",
        ";",
    ),
    replacing("cr", "LF turned into CR (classic Mac OS)", "\n", "\r"),
    Change(
        "rstrip-regex",
        r"trailing whitespace and empty lines removed by a multi-line \s+$",
        "text",
        layout.strip_line_ends,
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
    # Persian keyboards and locales.
    replacing(
        "farsi-yeh", "yeh U+064A written as Farsi yeh U+06CC", "\u064a", "\u06cc"
    ),
    replacing(
        "alef-maqsura-as-farsi-yeh",
        "alef maqsura U+0649 written as Farsi yeh U+06CC",
        "\u0649",
        "\u06cc",
    ),
    replacing("keheh", "kaf U+0643 written as keheh U+06A9", "\u0643", "\u06a9"),
    replacing(
        "persian-letters",
        "Persian letters: yeh and alef maqsura as Farsi yeh U+06CC, kaf as keheh U+06A9",
        "\u064a\u0649\u0643",
        "\u06cc\u06cc\u06a9",
    ),
    replacing(
        "persian-digits",
        "Western digits turned into Extended Arabic-Indic (Persian) digits",
        "0123456789",
        "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",
    ),
    # Arabic NLP and search: hamza, and normalization for search.
    replacing(
        "hamza-unified",
        "hamza forms U+0623, U+0625, U+0624, U+0626 and madda U+0622 written as hamza U+0621",
        "\u0623\u0625\u0624\u0626\u0622",
        "\u0621",
    ),
    replacing(
        "hamza-madda-as-two",
        "hamza forms U+0623, U+0625, U+0624, U+0626 written as hamza U+0621, madda U+0622 as two",
        "\u0623\u0625\u0624\u0626\u0622",
        ("\u0621", "\u0621", "\u0621", "\u0621", "\u0621\u0621"),
    ),
    replacing(
        "lucene-normalized",
        "normalized for search as Lucene's ArabicNormalizer does: alef forms as alef,"
        " alef maqsura as yeh, teh marbuta as heh, tatweel and harakat removed",
        "\u0622\u0623\u0625\u0649\u0629\u0640" + HARAKAT,
        ("\u0627", "\u0627", "\u0627", "\u064a", "\u0647", "", *[""] * len(HARAKAT)),
    ),
    # Databases that cannot hold the flag, and whitespace collapsed.
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
        layout.whitespace_collapsed,
    ),
    # What HTML-to-text tools leave of a text.
    replacing("nbsp-removed", "no-break spaces removed", "\xa0", ""),
    replacing("line-breaks-as-spaces", "line breaks turned into spaces", "\n", " "),
    Change(
        "empty-lines-removed", "empty lines removed", "text", layout.without_empty_lines
    ),
    # Accent stripping, and alef maqsura as alef.
    replacing(
        "hamza-taken-off",
        "hamza and madda taken off their seats (as accent stripping does):"
        " U+0622, U+0623, U+0625 as alef, U+0624 as waw, U+0626 as yeh",
        "\u0622\u0623\u0625\u0624\u0626",
        "\u0627\u0627\u0627\u0648\u064a",
    ),
    replacing(
        "alef-maqsura-as-alef",
        "alef maqsura U+0649 written as alef U+0627",
        "\u0649",
        "\u0627",
    ),
    # A tool that holds 16-bit characters only (UCS-2, as recode does).
    Change(
        "astral-as-replacement-character",
        "characters outside the BMP (the flag) written as U+FFFD, as UCS-2 tools do",
        "text",
        lambda text: outside_the_bmp("\ufffd", text),
    ),
    # Ways of saving the text other than plain UTF-8: each makes bytes.
    Change(
        "utf8-bom",
        "a UTF-8 byte-order mark added",
        "saving",
        *savings.unicode_saving("utf-8", True),
    ),
    *(
        unicode_saving(bits, order, mark)
        for bits in (16, 32)
        for mark in (False, True)
        for order in ("LE", "BE")
    ),
    Change(
        "cesu-8",
        "saved as CESU-8 (Java's modified UTF-8, Oracle's UTF8)",
        "saving",
        savings.cesu_8,
        savings.cesu_8_undone,
    ),
    # Bytes damaged on the way, made forward only.
    Change(
        "seven-bit",
        "passed through a 7-bit channel (the high bit of each byte cleared)",
        "saving",
        savings.seven_bits,
        seen=str.isascii,
    ),
    Change(
        "utf16-low-byte",
        "each UTF-16 code unit cut to its low byte (a binary or Latin-1 string)",
        "saving",
        savings.utf16_low_bytes,
        seen=any_copy,
    ),
    # Legacy code pages, with what converters write for what they cannot hold.
    *(
        code_page_saving(code_page, encoding, loss)
        for code_page, encoding, endings in savings.CODE_PAGES
        for loss in savings.LOSSES
        if loss[2] in endings
    ),
    # And the bytes of one read as something else: mojibake.
    *(
        code_page_misread(code_page, encoding, loss, reading)
        for code_page, encoding in savings.LEGACY_CODE_PAGES
        for loss in savings.LOSSES
        for reading in savings.WRONG_READINGS
    ),
    # A database column in a code page, read back as UTF-8: MySQL's and
    # MariaDB's latin1 is Windows-1252, and with strict mode off (as it
    # refuses the text) each character it cannot hold is stored as ?.
    Change(
        "latin1-column",
        "stored in a latin1 column of MySQL or MariaDB (Windows-1252, ? for"
        " what it cannot hold) and read back",
        "saving",
        savings.in_code_page("cp1252", "replace", "cp1252"),
        savings.decoded("cp1252", read="cp1252"),
    ),
    # Lines wrapped to a width: the line breaks put in are told from the
    # text's own with a text the changes make as a guide (layout.unwrapped);
    # the width, and where each break goes, read off the copy as its form.
    Change(
        "wrapped",
        stage="layout",
        make=layout.wrapped,
        **said_with_width("lines wrapped at spaces to a width{}"),
    ),
    Change(
        "folded",
        stage="layout",
        make=layout.folded,
        **said_with_width(
            "long lines cut at a width{}, within words too (fold -w, a terminal)"
        ),
    ),
    Change(
        "indented",
        "each line indented, as text browsers do",
        "layout",
        layout.indented,
        layout.indent_undone,
        lambda text: (layout.INDENTED,),
        form_said=lambda spaces: (
            f"each line indented by {spaces} spaces, as text browsers do"
        ),
    ),
    # Characters inserted, shaping, display orders and escapes: written over
    # the whole text, each undone on the copy and made again.
    Change(
        "zero-width-inserted",
        "zero-width characters (U+200B, U+200C, U+200D, U+2060) inserted",
        "zero-width",
        *layout.inserted(layout.ZERO_WIDTH),
    ),
    Change(
        "marks-inserted",
        "right-to-left or left-to-right marks inserted",
        "marks",
        *layout.inserted(layout.MARKS),
    ),
    Change(
        "shaped",
        "shaped into Arabic presentation forms",
        "shaping",
        shaping.shape,
        shaping.unshape,
    ),
    Change(
        "shaped-fribidi",
        "shaped into Arabic presentation forms as FriBidi does (the lam of a lam-alef as U+FEFF)",
        "shaping",
        lambda text: shaping.shape(text, fribidi=True),
        shaping.unshape,
    ),
    Change(
        "shaped-no-ligatures",
        "shaped into Arabic presentation forms, lam and alef each in its own"
        " (arabic-reshaper's support_ligatures off)",
        "shaping",
        lambda text: shaping.shape(text, ligatures=False),
        shaping.unshape,
    ),
    Change(
        "shaped-joined-only",
        "shaped into Arabic presentation forms, a letter that joins neither way"
        " left as it is (as text extracted from a PDF has it)",
        "shaping",
        lambda text: shaping.shape(text, isolated=False),
        shaping.unshape,
    ),
    # A display order is its own undoing where reordering the copy again gives
    # the text back; the others are made of the expected text (see search).
    Change(
        "visual-order",
        "written in visual order, each line as the bidi algorithm displays it",
        "display",
        bidi.display_order,
        bidi.display_order,
    ),
    Change(
        "visual-order-marks-after",
        "written in visual order, combining marks after their letters (as FriBidi does)",
        "display",
        bidi.display_order_marks_after,
        bidi.display_order_marks_after,
    ),
    Change(
        "visual-order-fribidi-screen",
        "written in visual order as FriBidi's command line shows it by default:"
        " combining marks after their letters, each line broken into pieces of"
        " 80 columns, those of a right-to-left line right-aligned with spaces",
        "display",
        bidi.on_fribidis_screen,
    ),
    Change(
        "visual-order-rtl",
        "written in visual order, each line displayed right to left (base direction R)",
        "display",
        lambda text: bidi.display_order(text, base=1),
    ),
    Change(
        "visual-order-breaks-kept",
        "written in visual order, each line break kept with its line"
        " (before a right-to-left one), as unicode-bidi and ICU do",
        "display",
        lambda text: bidi.display_order(text, kept=True),
    ),
    Change(
        "visual-order-rtl-breaks-kept",
        "written in visual order right to left, each line break kept with its line"
        " (before a right-to-left one), as unicode-bidi and ICU do",
        "display",
        lambda text: bidi.display_order(text, base=1, kept=True),
    ),
    Change(
        "lines-reversed",
        "each line reversed, character by character (a naive right-to-left display)",
        "display",
        bidi.lines_reversed,
        bidi.lines_reversed,
    ),
    Change(
        "visual-order-rtl-lines-reversed",
        "written in visual order right to left, the whole text one paragraph"
        " (the last line first), as ICU does",
        "display",
        bidi.last_line_first,
    ),
    Change(
        "visual-order-one-paragraph",
        "written in visual order, the whole text one paragraph of its first"
        " strong character's direction, each line reordered apart"
        " (python-bidi's get_display)",
        "display",
        bidi.one_paragraph,
    ),
    # Escapes and data formats.
    Change(
        "json",
        "written as a JSON string",
        "escape",
        json_string,
        escapes.json_undone,
    ),
    Change(
        "ruby-dump",
        "written as Ruby's String#dump",
        "escape",
        *instance("\\uHHHH\\u{H}", "outside printable ASCII", ('"', '"')),
    ),
    Change(
        "go-q",
        "written as Go's %q",
        "escape",
        *instance("\\uhhhh\\Uhhhhhhhh", "not printable", ('"', '"')),
    ),
    Change(
        "yaml",
        "written as a YAML double-quoted string (PyYAML's yaml.dump)",
        "escape",
        escapes.yaml_quoted,
        escapes.yaml_unquoted,
    ),
    Change(
        "go-plus-q",
        "written as Go's %+q (ASCII only)",
        "escape",
        *instance("\\uhhhh\\Uhhhhhhhh", "outside printable ASCII", ('"', '"')),
    ),
    Change(
        "postgresql-copy",
        "written as a field of PostgreSQL's COPY text format, a line of its own",
        "escape",
        *instance("none", "controls", ("", "\n"), (("\\", "\\\\"),)),
    ),
    Change(
        "json-unquoted",
        "escaped as in a JSON string, without the quotes",
        "escape",
        json_unquoted,
        escapes.json_unquoted_undone,
    ),
    Change(
        "repr",
        "written as a Python string literal (repr)",
        "escape",
        repr,
        escapes.python_literal,
    ),
    Change(
        "unicode-escape",
        "escaped with Python's unicode_escape",
        "escape",
        unicode_escaped,
        escapes.unicode_escape_undone,
    ),
    Change(
        "html-references",
        "written with HTML or XML character references or entities",
        "escape",
        formats.references,
        formats.references_undone,
        formats.widest_references,
    ),
    Change(
        "percent",
        "percent-encoded, as in URLs",
        "escape",
        formats.percent_encoded,
        formats.percent_undone,
        formats.widest_percent,
    ),
    Change(
        "percent-plus",
        "percent-encoded, + for space, as in HTML forms",
        "escape",
        formats.percent_plus_encoded,
        formats.percent_plus_undone,
    ),
    Change(
        "base64",
        "encoded as Base64",
        "escape",
        formats.base64_encoded,
        formats.base64_undone,
        formats.widest_base64,
    ),
    Change(
        "hex",
        "written as hex digits (a hex dump)",
        "escape",
        formats.hex_dump,
        formats.hex_undone,
    ),
    Change(
        "base64-url",
        "encoded as Base64 with the URL alphabet (- and _)",
        "escape",
        *formats.in_groups("base64-url"),
    ),
    Change("base32", "encoded as Base32", "escape", *formats.in_groups("base32")),
    Change(
        "base32-hex",
        "encoded as Base32 with the extended hex alphabet",
        "escape",
        *formats.in_groups("base32-hex"),
    ),
    Change(
        "base85",
        "encoded as Base85 (base64.b85encode, as git's binary patches)",
        "escape",
        *formats.in_groups("base85"),
    ),
    Change(
        "ascii85",
        "encoded as Ascii85 (base64.a85encode)",
        "escape",
        *formats.ascii85_forms(),
    ),
    Change(
        "uuencoded",
        "uuencoded, as binascii.b2a_uu writes each line of 45 bytes",
        "escape",
        formats.uuencoded,
        formats.uu_undone,
    ),
    Change(
        "json-lines",
        "written as JSON Lines, each line a JSON string",
        "escape",
        formats.json_lines,
        formats.json_lines_undone,
    ),
    Change(
        "csv",
        "written as a quoted CSV field",
        "escape",
        formats.csv_field,
        formats.csv_undone,
    ),
    Change(
        "js-escape",
        "escaped with JavaScript's escape() (%uXXXX)",
        "escape",
        formats.js_escaped,
        formats.js_unescaped,
    ),
    Change(
        "quoted-printable",
        "encoded as quoted-printable",
        "escape",
        formats.quoted_printable,
        formats.quoted_printable_undone,
    ),
    Change(
        "yaml-folded",
        "written as a YAML folded block scalar (PyYAML's default_style='>')",
        "escape",
        escapes.yaml_folded,
        escapes.yaml_unfolded,
    ),
    Change("xxd", "written as xxd's hex dump", "escape", *formats.dumped("xxd")),
    Change(
        "hexdump-c",
        "written as a hex dump by hexdump -C",
        "escape",
        *formats.dumped("hexdump-c"),
    ),
    Change(
        "od",
        "written as a hex dump by od -An -tx1 (no offsets)",
        "escape",
        *formats.dumped("od"),
    ),
    Change(
        "yaml-single-quoted",
        "written as a YAML single-quoted string (PyYAML's default_style=\"'\")",
        "escape",
        escapes.yaml_single_quoted,
        escapes.yaml_single_unquoted,
    ),
    Change(
        "yaml-ruamel",
        "written as a YAML double-quoted string as ruamel.yaml writes it"
        " (lines broken past the width not indented)",
        "escape",
        escapes.ruamel_quoted,
        escapes.ruamel_unquoted,
    ),
    Change(
        "encoded-words",
        "written as a mail header's encoded words (RFC 2047, email.header)",
        "escape",
        formats.encoded_words,
        formats.encoded_words_undone,
        lambda text: ("q", 0),
        form_said=lambda kind, name: (
            "written as a mail header's encoded words (RFC 2047, email.header),"
            f" {'Base64' if kind == 'b' else 'Q'}"
        ),
    ),
    Change(
        "escaped",
        "written with an escape of parts (a notation, the characters it is"
        " for, what goes around the text, line feeds)",
        "escape",
        notations.composed,
        widest=notations.widest,
        form_said=notations.said,
    ),
    Change(
        "form-field",
        "written as the value of a form field, + for a space (urllib.parse.urlencode)",
        "escape",
        formats.form_field,
        formats.form_field_undone,
        lambda text: ("text",),
        form_said=lambda name: (
            f"written as the value of the form field {name}=, + for a space"
            " (urllib.parse.urlencode)"
        ),
    ),
)

# Layout changes that text goes through, as a copy's places show them: never
# searched for as a whole (they are no tool's change of a text), but where no
# chain makes a copy, a place they make is accounted to them (see accounting).
PLACE_CHANGES = (
    Change(
        "spaces-as-line-breaks",
        "spaces turned into line breaks",
        "place",
        table={" ": "\n"},
    ),
    Change(
        "spaces-added",
        "spaces added at a line's start or end",
        "place",
        layout.spaces_added,
        layout.spaces_added_undone,
    ),
    Change(
        "empty-lines-added",
        "empty lines added",
        "place",
        layout.empty_lines_added,
        layout.empty_lines_undone,
    ),
    Change(
        "page-breaks",
        "page breaks (form feeds) put in",
        "place",
        *layout.inserted(layout.PAGE_BREAK),
    ),
    Change(
        "direction-controls-inserted",
        "direction controls (embeddings, overrides, isolates) put in",
        "place",
        *layout.inserted(layout.DIRECTION_CONTROLS),
    ),
    Change(
        "marks-before-letters",
        "combining marks moved before their letter",
        "place",
        layout.marks_before_letters,
    ),
    Change(
        "lam-alef-reversed",
        "each lam-alef written alef first (a ligature's letters in display order)",
        "place",
        layout.lam_alef_reversed,
    ),
    Change(
        "characters-missing",
        "combining marks, format characters or symbols missing",
        "place",
        layout.unseen_removed,
        in_place=True,
    ),
    Change(
        "runs-reversed",
        "runs of characters other than Arabic letters and marks reversed,"
        " as written in display order within right-to-left text",
        "place",
        bidi.runs_reversed,
        in_place=True,
    ),
)
CHANGES += PLACE_CHANGES

# A map read off the copy: some characters each removed, or written as a
# string, everywhere (see maps).  Never searched for: where no chain makes a
# copy, the places that differ give the map, and it is made again to verify.
MAP = Change(
    "characters-mapped",
    "characters removed or written as others, by a map read off the copy",
    "map",
    maps.mapped,
    form_said=maps.said,
)
CHANGES += (MAP,)

# The table sorted: by key, by stage and, for local changes, by character.
CHANGES_BY_KEY: "dict[str, Change]" = {change.key: change for change in CHANGES}
BY_STAGE: "dict[str, list[Change]]" = {
    stage: [change for change in CHANGES if change.stage == stage] for stage in STAGES
}
TEXT_CHANGES = BY_STAGE["text"]
LOCAL_CHANGES = [change for change in TEXT_CHANGES if change.table]
LOCAL_BY_CHARACTER: "dict[str, list[Change]]" = {}  # each character's local changes
for change in LOCAL_CHANGES:
    for code in change.table:
        LOCAL_BY_CHARACTER.setdefault(chr(code), []).append(change)
FORWARD_SAVINGS = [change for change in BY_STAGE["saving"] if not change.undo]
# Text changes that are not local (normalizations, mojibake, whitespace), and
# wrong readings, which may be made among them.
OTHER_TEXT_CHANGES = [
    change
    for change in CHANGES
    if change.stage in ("text", "reading") and not change.table
]


# The escapes of rows of their own that an escape of parts may read a copy
# of as well: where one of them makes the copy, it names it, not the parts
# (and so does a saving in ASCII with a handler that writes escapes).
OWN_ESCAPES = (
    "json",
    "json-unquoted",
    "ruby-dump",
    "go-q",
    "go-plus-q",
    "unicode-escape",
    "repr",
    "postgresql-copy",
    "html-references",
    "js-escape",
    "quoted-printable",
)


# One Change for each notation, as the search keeps them apart.
@functools.lru_cache(maxsize=None)
def escaped_in(notation: str, line_fed: bool = False) -> Change:
    """The escape of parts undone in ``notation`` alone: made on demand, where
    a copy shows that notation's escapes (see search), as each reading may
    give another text.  ``line_fed``: lines GNU sed's l folded, read as a
    text that ends with a line feed (which sed writes nothing of)."""
    escaped = CHANGES_BY_KEY["escaped"]
    return Change(
        escaped.key,
        escaped.name,
        "escape",
        escaped.make,
        lambda copy: escaped_undone(copy, notation, line_fed),
        escaped.widest,
        form_said=escaped.form_said,
    )


def escaped_undone(
    copy: str, notation: str, line_fed: bool = False
) -> "tuple[str, tuple]":
    """Undo an escape of parts in ``notation`` (``notations.readings``): the
    first text the copy reads as, and its parts, a tool's where they are;
    unless another names the copy of that text (``named_elsewhere``)."""

    def named_elsewhere(text: str, parts: tuple, whole: bool = True) -> bool:
        """Tell whether another names the copy of ``text`` read in ``parts``
        (or, not ``whole``, of a text that starts so): a row of its own, a
        saving in ASCII, or, of a start, another notation that read it."""
        saving = saved_in_ascii(parts)
        if saving:
            made = as_text(saving.make(text))
            if made == copy if whole else copy.startswith(made):
                return True
        if whole:
            return any(
                makes_copy(change, form, text, copy)
                for change, form in own_readings(copy).get(text, [])
            )
        read = READ_AS.get(copy, {})
        if any(
            other.startswith(text) for other, key in read.items() if key != notation
        ):
            return True
        return any(
            makes_start(change, form, text, copy)
            for other, made_by in own_readings(copy).items()
            if other.startswith(text)
            for change, form in made_by
        )

    for text, parts in notations.readings(copy, notation, named_elsewhere, line_fed):
        if named_elsewhere(text, parts):
            break  # the copy is another's: no other reading is tried
        READ_AS.setdefault(copy, {})[text] = notation
        return text, notations.tool_parts(text, parts, copy)
    raise ValueError("no escape of parts reads the copy, or another names it")


def saved_in_ascii(parts: tuple) -> "Change | None":
    """The saving in ASCII whose error handler writes what these parts do,
    where they are its: each character outside ASCII in its notation, line
    feeds kept, nothing around the text, nothing else escaped."""
    handlers = {
        "&#d;": "xmlcharrefreplace",
        "\\xhh\\uhhhh\\Uhhhhhhhh": "backslashreplace",
        "\\N{name}": "namereplace",
    }
    notation, *rest = parts
    if notation not in handlers or rest != ["outside ASCII", ("", ""), "kept", ()]:
        return None
    return codec_saving("ascii", handlers[notation])


@functools.lru_cache(maxsize=4)  # a copy, asked by each notation it shows
def own_readings(copy: str) -> "dict[str, list[tuple[Change, tuple]]]":
    """The texts that the rows of OWN_ESCAPES, undone on ``copy``, give (but
    the copy itself), each with the rows that give it and their forms."""
    texts = {}
    for change in [CHANGES_BY_KEY[key] for key in OWN_ESCAPES]:
        before = undo_kept(change, copy)
        if before is not None:
            before, form = before if isinstance(before, tuple) else (before, ())
            if before != copy:
                texts.setdefault(before, []).append((change, form))
    return texts


def makes_start(change: Change, form: tuple, start: str, copy: str) -> bool:
    """Tell whether what ``change`` makes of ``start``, the start of a text,
    starts ``copy``, but for its last characters (a quote after it, an
    escape cut short)."""
    made = as_text(change.make(start, *form))
    tail = notations.LONGEST_ESCAPE
    return len(made) > tail and copy.startswith(made[:-tail])


@functools.lru_cache(maxsize=16)  # asked of each notation's reading alike
def makes_copy(change: Change, form: tuple, text: str, copy: str) -> bool:
    """Tell whether ``change`` made of ``text`` in ``form`` gives ``copy``:
    of a long text, what it makes of the start first (``makes_start``)."""
    start = text[: notations.PROBED]
    if start != text and not makes_start(change, form, start, copy):
        return False
    return as_text(change.make(text, *form)) == copy


# What each change undone on a text gives, None where the text is not its
# output: kept for one search (search clears it), which asks it of each
# text many times, and so do the escapes of parts (``own_readings``).
UNDONE: "dict[tuple, tuple | str | None]" = {}
# The texts each copy was read as by a notation, and by which: kept for one
# search too (see ``escaped_undone``).
READ_AS: "dict[str, dict[str, str]]" = {}


def undo_kept(change: Change, text: str) -> "tuple | str | None":
    """``change.undo(text)``, or None where the text is not its output: kept."""
    key = (change.undo, text)  # savings alike but for their losses share an undo
    if key not in UNDONE:
        try:
            UNDONE[key] = change.undo(text)
        except ValueError:  # not this change's output
            UNDONE[key] = None
    return UNDONE[key]


# Every other codec of the standard library (``savings.CODECS``), saved in
# with each error handler (``savings.HANDLERS``), and those that hold Arabic
# letters read as Latin-1 or Windows-1252 after (``savings.MISREADINGS``):
# made on demand, where a copy's bytes show it (see search) or a key asks
# for it, as a hundred codecs, each with five handlers, are more than the
# table's rows.  A codec, handler and reading of the table's rows is that
# row.  Keys: the codec's module name, "-" for "_", and the handler's
# ending (``cp864-replaced``), then the reading's (``-read-as-latin1``); the
# name alone for a codec that holds every character (``utf-7``).
IN_THE_TABLE = {
    **{
        (codecs.lookup(encoding).name, errors, ""): CHANGES_BY_KEY[
            f"{encoding}-{ending}"
        ]
        for _, encoding, endings in savings.CODE_PAGES
        for _, errors, ending in savings.LOSSES
        if ending in endings
    },
    **{
        (codecs.lookup(encoding).name, errors, read): CHANGES_BY_KEY[
            f"{encoding}-{ending}-read-as-{reading}"
        ]
        for _, encoding in savings.LEGACY_CODE_PAGES
        for _, errors, ending in savings.LOSSES
        for _, reading, read in savings.MISREADINGS
    },
}
CODEC_KEYS = {
    **{
        codec.replace("_", "-"): (codec, "strict", "")
        for codec in savings.CODECS
        if codec in savings.HOLDING_ALL
    },
    **{
        f"{codec.replace('_', '-')}-{ending}": (codec, errors, "")
        for codec in savings.CODECS
        if codec not in savings.HOLDING_ALL
        for _, errors, ending in savings.HANDLERS
    },
    **{
        f"{codec.replace('_', '-')}-{ending}-read-as-{reading}": (codec, errors, read)
        for codec in savings.ARABIC_CODECS
        for _, errors, ending in savings.HANDLERS
        for _, reading, read in savings.MISREADINGS
    },
}
CODEC_KEY_OF = {saved: key for key, saved in CODEC_KEYS.items()}
HANDLER_NAMES = {errors: what for what, errors, _ in savings.HANDLERS}
READING_NAMES = {read: name for name, _, read in savings.MISREADINGS}
# Each such saving, of the table's and made on demand: its codec, handler
# and reading ("" for none).
SAVED_IN: "dict[Change, tuple[str, str, str]]" = {
    change: saved for saved, change in IN_THE_TABLE.items() if saved[1] in HANDLER_NAMES
}


# One Change for each, as the search keeps them apart.
@functools.lru_cache(maxsize=None)
def codec_saving(codec: str, errors: str = "strict", read: str = "") -> Change:
    """Saving in ``codec``, of ``savings.CODECS``, writing what it cannot
    hold as ``errors`` says; where ``read`` is given, those bytes read as
    that codec and saved as UTF-8 (mojibake)."""
    in_the_table = IN_THE_TABLE.get((codecs.lookup(codec).name, errors, read))
    if in_the_table:
        return in_the_table
    make = (
        savings.in_code_page(codec, errors, read or None),
        savings.saved_in_undone(codec, errors, read),
    )
    key = CODEC_KEY_OF[codec, errors, read]
    if errors == "strict":
        change = Change(key, "saved as {}", "saving", *make, fields=(codec,))
    elif not read:
        fields = (codec, HANDLER_NAMES[errors])
        change = Change(key, "saved as {}, {}", "saving", *make, fields=fields)
    else:
        template = "saved as {} ({}), read as {} and saved as UTF-8 (mojibake)"
        fields = (codec, HANDLER_NAMES[errors], READING_NAMES[read])
        change = Change(key, template, "saving", *make, fields=fields)
    SAVED_IN[change] = (codec, errors, read)
    return change


def codec_savings() -> "list[Change]":
    """Every saving in a codec that is not a row of the table, in the order
    of ``savings.CODECS`` and ``savings.HANDLERS``: what ``check.py --keys``
    lists after the table."""
    made = dict.fromkeys(codec_saving(*each) for each in CODEC_KEYS.values())
    return [change for change in made if change not in CHANGES]


def change_of(key: str) -> "Change | None":
    """The known change of ``key``: a row of the table, or a saving in a codec; None for none."""
    if key in CODEC_KEYS:
        return codec_saving(*CODEC_KEYS[key])
    return CHANGES_BY_KEY.get(key)


# A change asked for by name: its key, then, where it is made in a form
# other than its first, the form in parentheses as the arguments its
# ``make`` takes after the text: ``json(ensure_ascii=False)``.
ASKED = re.compile(r"\s*([^\s()]+)\s*(?:\((.*)\))?\s*", re.DOTALL)


def asked_steps(asked: "str | tuple[str, ...] | list[str]") -> tuple:
    """The steps (change, form) that ``asked`` names: one, or several joined by
    commas (outside parentheses), or a sequence of such.

    A key no known change has raises ValueError naming the closest keys; a
    form its change's ``make`` does not take raises ValueError too.
    """
    if isinstance(asked, str):
        asked = [asked]
    return tuple(asked_step(part) for each in asked for part in split_asked(each))


def split_asked(asked: str) -> "list[str]":
    """Split changes asked for at the commas outside brackets and quotes."""
    parts, depth, start, quote = [], 0, 0, ""
    for index, char in enumerate(asked):
        if quote:
            quote = "" if char == quote and asked[index - 1] != "\\" else quote
        elif char in "'\"":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and not depth:
            parts.append(asked[start:index])
            start = index + 1
    return [*parts, asked[start:]]


def asked_step(asked: str) -> tuple:
    """One change asked for, and its form: the arguments read as Python literals."""
    match = ASKED.fullmatch(asked)
    if not match:
        raise ValueError(
            f"not a key, nor a key and its form in parentheses: {shortened(asked)}"
        )
    key, arguments = match.groups()
    change = change_of(key)
    if not change:
        known = [*CHANGES_BY_KEY, *CODEC_KEYS]
        close = difflib.get_close_matches(key.lower(), known, n=3, cutoff=0.6)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        raise ValueError(
            f"no known change has the key {key!r}{hint} (check.py --keys lists them)"
        )
    if arguments is None:
        return change, ()
    try:
        call = ast.parse(f"form({arguments})", mode="eval").body
        values = [*map(ast.literal_eval, call.args)]
        named = {each.arg: ast.literal_eval(each.value) for each in call.keywords}
    except (SyntaxError, ValueError, RecursionError, MemoryError):  # nested too deep
        raise ValueError(
            f"{shortened(asked)}: a form is Python literals, as arguments"
        ) from None
    try:
        bound = inspect.signature(change.make).bind("", *values, **named)
    except TypeError as error:
        raise ValueError(f"{shortened(asked)} is no form of {key}: {error}") from None
    bound.apply_defaults()
    return change, tuple(bound.args[1:])


def shortened(asked: str) -> str:
    """What was asked for, as an error message quotes it: 60 characters at most."""
    asked = asked.strip()
    return repr(asked) if len(asked) <= 60 else f"{asked[:57]!r}..."


def asked_as(change: Change, form: tuple) -> str:
    """How to ask for ``change`` made in ``form``: its key, and the form as its
    ``make``'s arguments, each an ASCII literal (``asked_step`` reads it back)."""
    if not form:
        return change.key
    parameters = list(inspect.signature(change.make).parameters.values())[1:]
    arguments, values = [], list(form)
    for parameter in parameters:
        if parameter.kind is parameter.VAR_POSITIONAL:
            arguments += map(ascii, values)
            break
        if values:
            arguments.append(f"{parameter.name}={values.pop(0)!a}")
    return f"{change.key}({', '.join(arguments)})"


def form_of(change: Change) -> "str | None":
    """How ``change`` is asked for in a form: its ``make``'s arguments after the
    text, each with its default (the first form), or ``*kept`` for the
    characters a change of single characters leaves; None where it has one form."""
    parameters = list(inspect.signature(change.make).parameters.values())[1:]
    if not parameters or change.table and len(change.table) < 2:
        return None  # one form, or but one character to leave
    shown = [
        f"*{parameter.name}"
        if parameter.kind is parameter.VAR_POSITIONAL
        else f"{parameter.name}={parameter.default!a}"
        for parameter in parameters
    ]
    return f"{change.key}({', '.join(shown)})"


# How deep a chain the search tries, and so how much the limits allow for.
MOST_CHANGES = 3  # not counting local ones: others and layers undone on the copy
MOST_OTHER = 2  # text changes that are not local
# Lines wrapped are undone apart, on the copy with at most two layers undone,
# and with a text the changes make as a guide: one with at most one of them.
WRAPPED_OTHER, WRAPPED_LAYERS = 1, 2


def remade(text: str, chain: tuple) -> "bytes | None":
    """Make the changes of ``chain`` to ``text``, one after another; None where they cannot be made.

    A chain is a tuple of steps, each a change and the form it was made in.
    """
    try:
        for change, form in chain:
            text = as_text(change.make(text, *form))
        return utf8(text)
    except ValueError:  # a character that a saving or the copy's bytes cannot hold
        return None
