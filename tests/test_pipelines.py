"""check.py names what Arabic text pipelines do: shaping (in a DOS code page too), display order, legacy mojibake,
Persian letters, hamza, escapes, line ends, zero-width characters; cut short; three at once.

Each copy is made here on its own terms, not with check.py's tables, and all
go to one run of check.py.  Shaping and display order come from real
libraries, kept in tests/data and pinned below by their SHA-256, made by hand
in a throw-away venv from the article (``ar_news.txt``, read with
``newline=""``):

- reshaped.txt: ``arabic_reshaper.reshape(text)``, arabic-reshaper 3.1.0
  (its default drops the harakat);
- reshaped_keeping_harakat.txt: ``ArabicReshaper(configuration={"delete_harakat":
  False}).reshape(text)``, arabic-reshaper 3.1.0;
- reshaped_no_ligatures.txt: ``ArabicReshaper(configuration={"delete_harakat":
  False, "support_ligatures": False}).reshape(text)``, arabic-reshaper 3.1.0
  (each lam-alef written as a lam and an alef, each in its form);
- display_order.txt: ``bidi.get_display(line)`` for each line, python-bidi 0.6.12;
- reshaped_in_display_order.txt: get_display on each line of reshaped.txt;
- fribidi.txt: ``fribidi --nopad --nobreak --charset UTF-8 ar_news.txt``, GNU
  FriBidi 1.0.8 (Debian's libfribidi-bin): shaped, harakat kept, a lam-alef
  ligature's lam kept as U+FEFF, visual order with combining marks after their
  letters (UAX #9's rule L3);
- alef_unified_reshaped_in_display_order.txt: the article with U+0622,
  U+0623 and U+0625 written as alef U+0627 (``re.sub``), then
  ``ArabicReshaper(configuration={"delete_harakat": False}).reshape`` and
  ``get_display`` on each line, arabic-reshaper 3.1.0 and python-bidi 0.6.12;
- fribidi_crlf.txt: the same call on the article with each LF written as
  CRLF: FriBidi keeps each CR in its line, where the display order moves it
  (as CRLF before the shaping and the display order, not after).

check.py's own reordering agreed with python-bidi 0.6.12 on every line of the
article (test_display_order_is_python_bidis below checks it each run), and by
hand on 30,000 random strings of up to 14 characters drawn from Arabic and
Hebrew letters, harakat, a Latin combining mark, Latin letters, Western and
Arabic-Indic digits, spaces, tabs, no-break spaces and punctuation: all
30,000 the same.  It does not pair brackets (UAX #9's rule N0), which the
article has none of.  With rule L3 it agreed with FriBidi 1.0.8 on the
article (fribidi.txt is named as shaped and in that order) and on 4,995 of
5,000 such strings (tabs as spaces); the other 5 have a haraka on the alef of a lam-alef
ligature, which check.py puts back on the lam, as this article spells it.
"""

import base64
import hashlib
import html
import json
import os
import quopri
import re
import subprocess
import unicodedata
import urllib.parse

from ar_news_diagnosis.bidi import display_line
from tests.support import HANG, ORIGINAL, library_output
from tests.test_damage import DamageTestCase, read_as_windows_1252

TEXT = ORIGINAL.decode("utf-8")
LIBRARY_OUTPUTS = {
    "reshaped.txt": "54faf948a559d411507b6c1d42cb08c9847403fa790656a2d896a98026111b7d",
    "reshaped_keeping_harakat.txt": "b2fdca0bff30bf2ab411e7efbe848be9fb854f185ffa4e7dd96b6fbbb2406142",
    "reshaped_no_ligatures.txt": "6e1c40cf1c225430d05f9358f052353c9acc25b10be0fd98d16bb2d016b17093",
    "display_order.txt": "e4218d4f52c7e8637fac34f1264c17b4cfdd3b4c73cf3c07c51f72b58a3eab9a",
    "reshaped_in_display_order.txt": "4bcd19646ea9bfa30b2c3793da8157c684294f4f9df7a13fc993dfe3e606fec5",
    "fribidi.txt": "4a5408f6c58ee2730e2f883cac17a73975dc5ddab58af83ebd31e3f8d7555908",
    "fribidi_crlf.txt": "7c56ed47b6e7008c3d23e0e361ea43197c865e648895fa8b03cd39ad5010887f",
    "alef_unified_reshaped_in_display_order.txt": (
        "daae09e0a6fda630543c2f3a1ff43f44a0d3468223a1170e422b8468b9764178"
    ),
}
SHAPED = "shaped into Arabic presentation forms"
VISUAL = "written in visual order, each line as the bidi algorithm displays it"
HARAKAT = "harakat (diacritics, U+064B to U+0652) removed"
HARAKATS = "\u064b-\u0652"


def legacy(encoding: str, lost: bytes) -> bytes:
    """The article in a legacy code page, ``lost`` for each character it cannot hold."""
    return b"".join(
        char.encode(encoding) if char.encode(encoding, "ignore") else lost
        for char in TEXT
    )


def shaped_in(output: str, encoding: str, errors: str) -> bytes:
    """A library's output kept in tests/data, saved in ``encoding`` by Python's codec."""
    return library_output(output).decode("utf-8").encode(encoding, errors)


def replaced(text: str, old: str, new: str) -> str:
    """Each character of ``old`` in ``text`` replaced with the one at its place in ``new``."""
    return re.sub(f"[{old}]", lambda match: new[old.index(match[0])], text)


def utf8(text: str) -> bytes:
    return text.encode("utf-8")


def mojibake_in(text: str) -> str:
    """UTF-8 read as Windows-1256."""
    return text.encode("utf-8").decode("cp1256")


def byte_references(text: str, form: str) -> str:
    return "".join(char if char.isascii() else form % ord(char) for char in text)


def reversed_lines(text: str) -> str:
    return "\n".join(line[::-1] for line in text.split("\n"))


def cesu_8(text: str) -> bytes:
    """Java's modified UTF-8: UTF-16 code units, each written as UTF-8."""
    units = text.encode("utf-16-be")
    return "".join(
        chr(int.from_bytes(units[index : index + 2], "big"))
        for index in range(0, len(units), 2)
    ).encode("utf-8", "surrogatepass")


NFKC = unicodedata.normalize("NFKC", TEXT)
ASTRAL = "\U0001f1e8\U0001f1fd"  # the flag
HAMZA = "\u0623\u0625\u0624\u0626"

# file name: (the damaged bytes, what check.py must name)
PIPELINES = {
    "reshaped": (
        library_output("reshaped.txt"),
        [f"{HARAKAT} and {SHAPED}"],
    ),
    "reshaped-keeping-harakat": (
        library_output("reshaped_keeping_harakat.txt"),
        [SHAPED],
    ),
    "reshaped-no-ligatures": (
        library_output("reshaped_no_ligatures.txt"),
        [
            (
                f"{SHAPED}, lam and alef each in its own (arabic-reshaper's"
                " support_ligatures off)"
            )
        ],
    ),
    "display-order": (library_output("display_order.txt"), [VISUAL]),
    "reshaped-in-display-order": (
        library_output("reshaped_in_display_order.txt"),
        [  # no harakat left: whether marks follow their letters cannot tell
            f"{HARAKAT} and {SHAPED} and {VISUAL}",
            (
                f"{HARAKAT} and {SHAPED} and written in visual order, combining marks"
                " after their letters (as FriBidi does)"
            ),
        ],
    ),
    "fribidi": (
        library_output("fribidi.txt"),
        [
            (
                f"{SHAPED} as FriBidi does (the lam of a lam-alef as U+FEFF) and written"
                " in visual order, combining marks after their letters (as FriBidi does)"
            )
        ],
    ),
    # Shaped, as DOS text was, then saved in a code page that holds some of
    # the presentation forms and not others: ? for a form, not a letter.
    "reshaped-cp864": (
        shaped_in("reshaped_keeping_harakat.txt", "cp864", "replace"),
        [f"{SHAPED} and saved as cp864, ? for what it cannot hold"],
    ),
    "reshaped-without-harakat-cp864": (
        shaped_in("reshaped.txt", "cp864", "replace"),
        [f"{HARAKAT} and {SHAPED} and saved as cp864, ? for what it cannot hold"],
    ),
    "reshaped-no-ligatures-cp1006": (
        shaped_in("reshaped_no_ligatures.txt", "cp1006", "ignore"),
        [
            (
                f"{SHAPED}, lam and alef each in its own (arabic-reshaper's"
                " support_ligatures off) and saved as cp1006, dropping what it"
                " cannot hold"
            )
        ],
    ),
    "fribidi-cp864": (
        shaped_in("fribidi.txt", "cp864", "replace"),
        [
            (
                f"{SHAPED} as FriBidi does (the lam of a lam-alef as U+FEFF) and written"
                " in visual order, combining marks after their letters (as FriBidi does)"
                " and saved as cp864, ? for what it cannot hold"
            )
        ],
    ),
    # As a receipt printer is sent Arabic: reshaped, displayed, then CP864.
    "reshaped-in-display-order-cp864": (
        shaped_in("reshaped_in_display_order.txt", "cp864", "replace"),
        [  # no harakat left: whether marks follow their letters cannot tell
            (
                f"{HARAKAT} and {SHAPED} and {VISUAL} and saved as cp864, ? for what"
                " it cannot hold"
            ),
            (
                f"{HARAKAT} and {SHAPED} and written in visual order, combining marks"
                " after their letters (as FriBidi does) and saved as cp864, ? for"
                " what it cannot hold"
            ),
        ],
    ),
    "alef-unified-reshaped-in-display-order-cp864": (
        shaped_in("alef_unified_reshaped_in_display_order.txt", "cp864", "replace"),
        [
            (
                "alef forms U+0623, U+0625, U+0622 unified to alef U+0627 and"
                f" {SHAPED} and {VISUAL} and saved as cp864, ? for what it cannot hold"
            )
        ],
    ),
    "fribidi-crlf-cp864": (
        shaped_in("fribidi_crlf.txt", "cp864", "replace"),
        [
            (
                f"LF turned into CRLF and {SHAPED} as FriBidi does (the lam of a"
                " lam-alef as U+FEFF) and written in visual order, combining marks"
                " after their letters (as FriBidi does) and saved as cp864, ? for"
                " what it cannot hold"
            )
        ],
    ),
    "fribidi-default-cp864": (
        shaped_in("fribidi_default.txt", "cp864", "replace"),
        [
            (
                f"{SHAPED} as FriBidi does (the lam of a lam-alef as U+FEFF) and written"
                " in visual order as FriBidi's command line shows it by default:"
                " combining marks after their letters, each line broken into pieces"
                " of 80 columns, those of a right-to-left line right-aligned with"
                " spaces and saved as cp864, ? for what it cannot hold"
            )
        ],
    ),
    "cp1256-as-cp1252": (
        read_as_windows_1252(legacy("cp1256", b"?")),
        [
            (
                "saved as Windows-1256 (? for what it cannot hold),"
                " read as Windows-1252 and saved as UTF-8 (mojibake)"
            )
        ],
    ),
    "cp1256-sub-as-latin1": (
        utf8(legacy("cp1256", b"\x1a").decode("latin-1")),
        [
            (
                "saved as Windows-1256 (SUB (0x1A) for what it cannot hold),"
                " read as Latin-1 and saved as UTF-8 (mojibake)"
            )
        ],
    ),
    "iso8859-6-dropped-as-cp1252": (
        read_as_windows_1252(legacy("iso-8859-6", b"")),
        [  # read as either: one line for the two
            (
                "saved as ISO-8859-6 (dropping what it cannot hold),"
                " read as Latin-1 or Windows-1252 and saved as UTF-8 (mojibake)"
            ),
        ],
    ),
    "cp1256-sub": (
        legacy("cp1256", b"\x1a"),
        ["saved as Windows-1256, SUB (0x1A) for what it cannot hold"],
    ),
    "utf8-as-cp1256": (
        utf8(mojibake_in(TEXT)),
        ["UTF-8 read as Windows-1256 and saved as UTF-8 (mojibake)"],
    ),
    "double-latin1": (
        utf8(utf8(ORIGINAL.decode("latin-1")).decode("latin-1")),
        ["UTF-8 read as Latin-1 and saved as UTF-8 (mojibake), twice"],
    ),
    "double-cp1252": (
        read_as_windows_1252(read_as_windows_1252(ORIGINAL)),
        ["UTF-8 read as Windows-1252 and saved as UTF-8 (mojibake), twice"],
    ),
    "farsi-yeh": (
        utf8(TEXT.replace("\u064a", "\u06cc")),
        ["yeh U+064A written as Farsi yeh U+06CC"],
    ),
    "farsi-yeh-for-maqsura": (
        utf8(TEXT.replace("\u0649", "\u06cc")),
        ["alef maqsura U+0649 written as Farsi yeh U+06CC"],
    ),
    "keheh": (
        utf8(TEXT.replace("\u0643", "\u06a9")),
        ["kaf U+0643 written as keheh U+06A9"],
    ),
    "persian-letters": (
        utf8(replaced(TEXT, "\u064a\u0649\u0643", "\u06cc\u06cc\u06a9")),
        [
            "Persian letters: yeh and alef maqsura as Farsi yeh U+06CC, kaf as keheh U+06A9"
        ],
    ),
    "persian-digits": (
        utf8(replaced(TEXT, "0123456789", "۰۱۲۳۴۵۶۷۸۹")),
        ["Western digits turned into Extended Arabic-Indic (Persian) digits"],
    ),
    "hamza": (
        utf8(re.sub(f"[{HAMZA}\u0622]", "\u0621", TEXT)),
        [
            "hamza forms U+0623, U+0625, U+0624, U+0626 and madda U+0622 written as hamza U+0621"
        ],
    ),
    "hamza-madda-as-two": (
        utf8(re.sub(f"[{HAMZA}]", "\u0621", TEXT).replace("\u0622", "\u0621" * 2)),
        [
            "hamza forms U+0623, U+0625, U+0624, U+0626 written as hamza U+0621, madda U+0622 as two"
        ],
    ),
    "json": (
        utf8(json.dumps(TEXT, ensure_ascii=False)),
        ["written as a JSON string"],
    ),
    "json-ascii": (utf8(json.dumps(TEXT)), ["written as a JSON string"]),
    "json-without-quotes": (
        utf8(json.dumps(TEXT)[1:-1]),
        ["escaped as in a JSON string, without the quotes"],  # not unicode_escape:
        # JSON writes the flag as surrogate pairs, \ud83c\udde8
    ),
    "json-of-nfkc": (
        utf8(json.dumps(NFKC, ensure_ascii=False)),
        [  # Go's %q writes the same: \n escaped, the rest printable and as it is
            "no-break spaces turned into plain spaces and written as a JSON string",
            "no-break spaces turned into plain spaces and written as Go's %q",
            "normalized to NFKC and written as a JSON string",
            "normalized to NFKC and written as Go's %q",
        ],
    ),
    "repr": (utf8(repr(TEXT)), ["written as a Python string literal (repr)"]),
    "unicode-escape": (
        TEXT.encode("unicode_escape"),
        ["escaped with Python's unicode_escape"],
    ),
    "html-decimal": (
        utf8(byte_references(TEXT, "&#%d;")),
        [
            "written with HTML or XML character references or entities",
            # As TIS-620 in Python holds no no-break space: the same bytes.
            "saved as ascii or tis_620, &#N; for what it cannot hold (xmlcharrefreplace)",
        ],
    ),
    "xml-hex": (
        utf8(byte_references(TEXT, "&#x%X;")),
        ["written with HTML or XML character references or entities"],
    ),
    "html-named": (
        utf8(html.escape(TEXT.replace("\u0640", "")).replace("\xa0", "&nbsp;")),
        [
            (
                "tatweel (kashida, U+0640) removed and written with HTML or XML"
                " character references or entities"
            )
        ],
    ),
    "percent": (
        utf8(urllib.parse.quote(TEXT.replace("\n", "\r\n"))),
        ["LF turned into CRLF and percent-encoded, as in URLs"],
    ),
    "percent-plus": (
        utf8(urllib.parse.quote_plus(TEXT)),
        ["percent-encoded, + for space, as in HTML forms"],
    ),
    "cr": (
        ORIGINAL.replace(b"\n", b"\r"),
        ["LF turned into CR (classic Mac OS)"],
    ),
    "regex-strip": (
        utf8(re.compile(r"\s+$", re.MULTILINE).sub("", TEXT)),
        [r"trailing whitespace and empty lines removed by a multi-line \s+$"],
    ),
    "zero-width": (
        utf8(TEXT.replace(" ", "\u200b ").replace("\u0644", "\u0644\u200c")),
        ["zero-width characters (U+200B, U+200C, U+200D, U+2060) inserted"],
    ),
    "word-joiners-and-rlm": (
        utf8(TEXT.replace(".", "\u2060.\u200f")),
        [
            (
                "zero-width characters (U+200B, U+200C, U+200D, U+2060) inserted"
                " and right-to-left or left-to-right marks inserted"
            )
        ],
    ),
}


PIPELINES.update(
    {
        "reshaped-and-reversed": (
            utf8(reversed_lines(library_output("reshaped.txt").decode("utf-8"))),
            [
                (
                    f"{HARAKAT} and {SHAPED} and each line reversed, character by character"
                    " (a naive right-to-left display)"
                )
            ],
        ),
        "lucene-normalized": (
            utf8(
                re.sub(
                    f"[\u0640{HARAKATS}]",
                    "",
                    replaced(
                        TEXT,
                        "\u0622\u0623\u0625\u0649\u0629",
                        "\u0627\u0627\u0627\u064a\u0647",
                    ),
                )
            ),
            [
                (
                    "normalized for search as Lucene's ArabicNormalizer does: alef forms as alef,"
                    " alef maqsura as yeh, teh marbuta as heh, tatweel and harakat removed"
                )
            ],
        ),
        "alefs-as-pyarabic-normalizes": (  # pyarabic 0.6.15: normalize_alef
            utf8(re.sub("[\u0622\u0623\u0625\u0649]", "\u0627", TEXT)),
            [
                (
                    "alef forms U+0623, U+0625, U+0622 unified to alef U+0627"
                    " and alef maqsura U+0649 written as alef U+0627"
                )
            ],
        ),
        "mysql-utf8mb3": (
            ORIGINAL.replace(utf8(ASTRAL), b"??"),
            [
                "characters outside the BMP (the flag) written as ?, as MySQL's 3-byte utf8 does"
            ],
        ),
        "emoji-stripped": (
            ORIGINAL.replace(utf8(ASTRAL), b""),
            ["characters outside the BMP (the flag) removed"],
        ),
        "whitespace-collapsed": (
            utf8(re.sub(r"\s+", " ", TEXT)),
            ["whitespace collapsed to single spaces (' '.join(text.split()))"],
        ),
        "cesu-8": (
            cesu_8(TEXT),
            ["saved as CESU-8 (Java's modified UTF-8, Oracle's UTF8)"],
        ),
        "base64-mime": (
            base64.encodebytes(ORIGINAL),
            ["encoded as Base64"],
        ),
        "quoted-printable": (
            quopri.encodestring(ORIGINAL),
            ["encoded as quoted-printable"],
        ),
        "cp1256-read-as-utf8": (
            utf8(legacy("cp1256", b"?").decode("utf-8", "replace")),
            [
                (
                    "saved as Windows-1256 (? for what it cannot hold),"
                    " read as UTF-8 (U+FFFD for what is not UTF-8) and saved as UTF-8 (mojibake)"
                )
            ],
        ),
    }
)


class LibraryOutputs(DamageTestCase):
    def test_they_are_what_the_libraries_wrote(self) -> None:
        for name, digest in LIBRARY_OUTPUTS.items():
            with self.subTest(name=name):
                self.assertEqual(
                    hashlib.sha256(library_output(name)).hexdigest(), digest
                )

    def test_display_order_is_python_bidis(self) -> None:
        displayed = library_output("display_order.txt").decode("utf-8").split("\n")
        lines = TEXT.split("\n")
        self.assertEqual(len(displayed), len(lines))
        for number, (line, shown) in enumerate(zip(lines, displayed), 1):
            with self.subTest(line=number):
                self.assertEqual(display_line(line), shown)


class NamedPipelines(DamageTestCase):
    def test_each_is_named(self) -> None:
        self.check_copies(PIPELINES)

    def test_cut_short_after_mojibake(self) -> None:
        changed = utf8(mojibake_in(TEXT))
        kept = 3000
        self.write("cut", changed[:kept])
        written = 0
        for index, char in enumerate(TEXT):  # the original character byte 3000 falls in
            written += len(utf8(mojibake_in(char)))
            if written > kept:
                break
        line = TEXT.count("\n", 0, index) + 1
        column = index - TEXT.rfind("\n", 0, index)
        result = self.run_script("check.py", "cut")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(
            result.stdout.decode("ascii").splitlines()[2:],
            [
                "  known change, cut short: UTF-8 read as Windows-1256 and saved as UTF-8 (mojibake)",
                (
                    f"    the copy ends after byte {kept} of its output,"
                    f" at line {line}, column {column} of the original"
                ),
            ],
        )

    def test_a_shaped_copy_in_cp864_cut_short(self) -> None:
        self.write(
            "cut", shaped_in("reshaped_keeping_harakat.txt", "cp864", "replace")[:2000]
        )
        result = self.run_script("check.py", "cut")
        self.assertEqual(result.returncode, 1)
        self.assertIn(
            f"  known change, cut short: {SHAPED} and saved as cp864, ? for what it"
            " cannot hold\n",
            result.stdout.decode("ascii"),
        )

    def test_a_shaped_copy_in_cp864_edited_by_hand_names_nothing(self) -> None:
        copy = bytearray(shaped_in("reshaped_keeping_harakat.txt", "cp864", "replace"))
        letter = copy.index("\ufe8d".encode("cp864"), 2000)  # an alef, isolated
        copy[letter] = "\ufe8f".encode("cp864")[0]  # a beh, isolated, in its place
        self.write("edited", bytes(copy))
        result = self.run_script("check.py", "edited")
        self.assertEqual(result.returncode, 1)
        self.assertIn(b"no known change explains it", result.stdout)
        self.assertNotIn(b"known change:", result.stdout)

    def test_what_only_looks_changed_passes(self) -> None:
        """sed's [[:space:]] leaves U+00A0 alone: the article has no other space at a line end."""
        self.write("sed", ORIGINAL)
        subprocess.run(
            ["sed", "-i", "s/[[:space:]]*$//", self.path("sed")],
            check=True,
            env={"LC_ALL": "C.UTF-8", "PATH": os.environ.get("PATH", "")},
            timeout=HANG,
        )
        result = self.run_script("check.py", "sed")
        self.assertEqual((result.returncode, result.stdout), (0, b"sed: OK\n"))
