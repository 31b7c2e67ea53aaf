"""check.py names more ways of saving: UTF-32, DOS Arabic, MacArabic, code pages with ?, Mac Roman mojibake, bytes cut to 7 bits or to UTF-16 low bytes.

Each copy is made here with the standard library's codecs, but MacArabic:
tests/data/macarabic_perl.bin is what Perl 5.36.0's Encode 3.17 wrote,

    perl -MEncode -e 'local $/; my $t = decode("UTF-8", <STDIN>);
                      print encode("MacArabic", $t)' < ar_news.txt

(? for what MacArabic cannot hold; the space as 0xA0, its right-to-left
duplicate, as Python's mac_arabic writes it too).  Bytes damaged on the way,
also kept as tools made them from ar_news.txt: tr_7bit.bin, GNU coreutils 9.1,
``LC_ALL=C tr '\\200-\\377' '\\000-\\177'`` (the high bit of each byte
cleared, as a 7-bit channel does); node_latin1.bin, Node.js v20.20.2,
``node -e 'process.stdout.write(Buffer.from(require("fs").readFileSync(
"ar_news.txt", "utf8"), "latin1"))'`` (each UTF-16 code unit cut to its low
byte).
"""

import codecs
import hashlib
import unicodedata
import unittest

import check
from tests.support import ORIGINAL, known, library_output

TEXT = ORIGINAL.decode("utf-8")
TOOLS_SHA256 = {
    "tr_7bit.bin": "2ab09e0c6d198ad512e485f12c35faaa773414a58307294506251b23e41ff02d",
    "node_latin1.bin": "80116a860e07fc6b0fc1ec837213c7898badb276a386285991913286dd588616",
}
SEVEN_BIT = "passed through a 7-bit channel (the high bit of each byte cleared)"
LOW_BYTE = "each UTF-16 code unit cut to its low byte (a binary or Latin-1 string)"
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
        # Thirteen codecs hold the no-break space at 0xA0 and none of the rest
        # (the Thai one searched apart: it holds none of a wrong reading's
        # Latin letters, which Latin-1 holds).
        (
            "saved as Latin-1, iso8859_11, iso8859_2 or 10 others alike,"
            " ? for what it cannot hold"
        ),
    ),
    "windows-1252, ?": (
        TEXT.encode("cp1252", "replace"),
        # Twelve hold the no-break space and the curly quotes where it does
        # (the Thai and the Kazakh ones searched apart: they hold a wrong
        # reading's Latin letters otherwise, and ? shows a loss).
        (
            "saved as Windows-1252, cp874, ptcp154 or 9 others alike,"
            " ? for what it cannot hold"
        ),
    ),
    "windows-1256, ? for each UTF-16 code unit": (
        PER_UNIT.encode("cp1256", "replace"),
        "saved as Windows-1256, ? for each UTF-16 code unit it cannot hold (as .NET does)",
    ),
    "a latin1 column written by .NET": (
        PER_UNIT.encode("latin-1", "replace"),
        # The same thirteen, as .NET's loss is given to every codec.
        (
            "saved as Latin-1, iso8859_11, iso8859_2 or 10 others alike,"
            " ? for each UTF-16 code unit it cannot hold (as .NET does)"
        ),
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
        self.assertEqual(copy, TEXT.encode("mac_farsi", "replace"))  # alike here
        self.assertEqual(
            known(check.compare(TEXT, copy)),
            [
                "  known change: saved as MacArabic or mac_farsi, ? for what it cannot hold"
            ],
        )

    def test_bytes_damaged_on_the_way(self) -> None:
        units = TEXT.encode("utf-16-be", "surrogatepass")
        low_bytes = bytes(units[1::2])  # big-endian: each unit's second byte
        copies = {
            "7 bits, the standard library": (
                bytes(b & 0x7F for b in ORIGINAL),
                SEVEN_BIT,
            ),
            "7 bits, tr": (library_output("tr_7bit.bin"), SEVEN_BIT),
            "low bytes, the standard library": (low_bytes, LOW_BYTE),
            "low bytes, Node.js latin1": (library_output("node_latin1.bin"), LOW_BYTE),
        }
        # NFKC makes of this text what no-break spaces turned into plain ones
        # do: each names it.
        nfkc = unicodedata.normalize("NFKC", TEXT)
        self.assertEqual(nfkc, TEXT.replace("\xa0", " "))
        self.assertEqual(
            known(check.compare(TEXT, bytes(b & 0x7F for b in nfkc.encode()))),
            [
                "  known change: no-break spaces turned into plain spaces and "
                + SEVEN_BIT,
                f"  known change: normalized to NFKC and {SEVEN_BIT}",
            ],
        )
        for name, digest in TOOLS_SHA256.items():
            self.assertEqual(hashlib.sha256(library_output(name)).hexdigest(), digest)
        for name, (copy, change) in copies.items():
            with self.subTest(copy=name):
                self.assertEqual(
                    known(check.compare(TEXT, copy)), [f"  known change: {change}"]
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
