"""check.py names more ways of saving: UTF-32, DOS Arabic, Latin-1 and Windows-1252 with ?, Mac Roman mojibake.

Each copy is made here with the standard library's codecs.
"""

import codecs
import unittest

import check
from tests.support import ORIGINAL, known

TEXT = ORIGINAL.decode("utf-8")

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
    "a spreadsheet on a Mac": (
        ORIGINAL.decode("mac-roman").encode("utf-8"),
        "UTF-8 read as Mac Roman and saved as UTF-8 (mojibake)",
    ),
}


class MoreSavings(unittest.TestCase):
    def test_each_is_named(self) -> None:
        self.assertIn(b"????", SAVED["a latin1 column"][0])
        for name, (copy, change) in SAVED.items():
            with self.subTest(saving=name):
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
