"""A transliteration is no known change, but the report says what it did: letters written in another script.

tests/data/unidecode_pypi.txt is ``unidecode(text)`` of ar_news.txt by
Unidecode 1.4.0 (PyPI), written as UTF-8; it drops the flag.  The other copy
is made here with a small table of the test's own.
"""

import hashlib
import unittest

import check
from tests.support import ORIGINAL, known, library_output

TEXT = ORIGINAL.decode("utf-8")
UNIDECODE_SHA256 = "c297dbf4ce4f6f5f3d688ef29b3f5b5697288c11fc29623885ccd2a118b5a9e3"
LATIN = {  # the test's own: a few letters, the rest as ?
    "\u0627": "a",
    "\u0628": "b",
    "\u062a": "t",
    "\u0633": "s",
    "\u0644": "l",
    "\u0645": "m",
    "\u0646": "n",
    "\u064a": "y",
}


def transliterated(text: str) -> str:
    return "".join(
        LATIN.get(char, "?") if "\u0621" <= char <= "\u0652" else char for char in text
    )


class Transliteration(unittest.TestCase):
    def line(self, copy: bytes) -> "list[str]":
        report = check.compare(TEXT, copy)
        self.assertEqual(known(report), [])
        self.assertIn("no known change explains it", report)
        return [line for line in report.splitlines() if "where they differ" in line]

    def test_letters_written_in_latin_letters(self) -> None:
        self.assertEqual(
            self.line(transliterated(TEXT).encode("utf-8")),
            [
                (
                    "  where they differ, only the original has Arabic letters and"
                    " marks; only the copy has Latin letters and marks, punctuation"
                )
            ],
        )

    def test_unidecode(self) -> None:
        copy = library_output("unidecode_pypi.txt")
        self.assertEqual(hashlib.sha256(copy).hexdigest(), UNIDECODE_SHA256)
        self.assertTrue(copy.isascii())
        (line,) = self.line(copy)
        self.assertIn("only the original has Arabic letters and marks;", line)
        self.assertIn("only the copy has Latin letters and marks", line)

    def test_a_hand_edit_says_nothing_of_scripts(self) -> None:
        """A word for a word: the same kinds of letters on both sides."""
        copy = TEXT.replace("\u0642\u0627\u0644", "\u0643\u0627\u0646", 1)
        self.assertEqual(self.line(copy.encode("utf-8")), [])


if __name__ == "__main__":
    unittest.main()
