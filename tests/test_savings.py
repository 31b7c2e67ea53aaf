"""check.py names more ways of saving: UTF-32, DOS Arabic, MacArabic, Latin-1 and Windows-1252 with ?, Mac Roman mojibake.

Each copy is made here with the standard library's codecs, but MacArabic:
tests/data/macarabic_perl.bin is what Perl 5.36.0's Encode 3.17 wrote,

    perl -MEncode -e 'local $/; my $t = decode("UTF-8", <STDIN>);
                      print encode("MacArabic", $t)' < ar_news.txt

(? for what MacArabic cannot hold; the space as 0xA0, its right-to-left
duplicate, as Python's mac_arabic writes it too).
"""

import codecs
import hashlib
import unittest

import check
from tests.support import ORIGINAL, known, library_output

TEXT = ORIGINAL.decode("utf-8")
MACARABIC_PERL_SHA256 = (
    "5bd4cd25be79efed93c4f52a01eb9f5b7ba2f16183d7352ecc2306f253ec45cb"
)
# As .NET writes what a code page cannot hold: a ? for each UTF-16 code unit,
# so two for each character outside the BMP (the flag is two such).
PER_UNIT = "".join("??" if ord(char) > 0xFFFF else char for char in TEXT)

# the copy, what check.py must name
SAVED = {
    "utf-32-le": (TEXT.encode("utf-32-le"), "saved as UTF-32 LE"),
    "utf-32-be": (TEXT.encode("utf-32-be"), "saved as UTF-32 BE"),
    "utf-32 with its byte-order mark (little-endian here)": (
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
        "saved as UTF-32 LE with a byte-order mark",
    ),
    "utf-32-be with a byte-order mark": (
        codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"),
        "saved as UTF-32 BE with a byte-order mark",
    ),
    "cp720, ?": (
        TEXT.encode("cp720", "replace"),
        "saved as DOS Arabic (CP720), ? for what it cannot hold",
    ),
    "cp720, dropped": (
        TEXT.encode("cp720", "ignore"),
        "saved as DOS Arabic (CP720), dropping what it cannot hold",
    ),
    "a latin1 column": (
        TEXT.encode("latin-1", "replace"),
        "saved as Latin-1, ? for what it cannot hold",
    ),
    "windows-1252, ?": (
        TEXT.encode("cp1252", "replace"),
        "saved as Windows-1252, ? for what it cannot hold",
    ),
    "windows-1256, ? for each UTF-16 code unit": (
        PER_UNIT.encode("cp1256", "replace"),
        "saved as Windows-1256, ? for each UTF-16 code unit it cannot hold (as .NET does)",
    ),
    "a latin1 column written by .NET": (
        PER_UNIT.encode("latin-1", "replace"),
        "saved as Latin-1, ? for each UTF-16 code unit it cannot hold (as .NET does)",
    ),
    "a spreadsheet on a Mac": (
        ORIGINAL.decode("mac-roman").encode("utf-8"),
        "UTF-8 read as Mac Roman and saved as UTF-8 (mojibake)",
    ),
}


class MoreSavings(unittest.TestCase):
    def test_each_is_named(self) -> None:
        self.assertIn(b"????", SAVED["a latin1 column"][0])
        self.assertTrue(PER_UNIT.startswith("????"))  # the flag's two characters
        for name, (copy, change) in SAVED.items():
            with self.subTest(saving=name):
                self.assertEqual(
                    known(check.compare(TEXT, copy)), [f"  known change: {change}"]
                )

    def test_macarabic_as_perl_writes_it(self) -> None:
        copy = library_output("macarabic_perl.bin")
        self.assertEqual(hashlib.sha256(copy).hexdigest(), MACARABIC_PERL_SHA256)
        self.assertIn(b"\xa0", copy)  # the spaces, and no 0x20 for them
        self.assertNotIn(b" ", copy)
        self.assertEqual(
            known(check.compare(TEXT, copy)),
            ["  known change: saved as MacArabic, ? for what it cannot hold"],
        )

    def test_with_a_letter_change_first(self) -> None:
        copy = TEXT.replace("\u0640", "").encode("utf-32-be")
        self.assertEqual(
            known(check.compare(TEXT, copy)),
            [
                "  known change: tatweel (kashida, U+0640) removed and saved as UTF-32 BE"
            ],
        )

    def test_what_cp720_cannot_hold(self) -> None:
        """The Arabic comma and semicolon, the curly quotes and the flag."""
        lost = {char for char in TEXT if not char.encode("cp720", "ignore")}
        self.assertEqual(lost, set("\u060c\u061b\u201c\u201d\U0001f1e8\U0001f1fd"))
