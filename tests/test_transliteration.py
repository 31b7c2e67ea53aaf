"""A transliteration by one table is named as one, with the table read off the copy; one that depends on context says what it did.

The copies of real transliterators, kept in tests/data, of ar_news.txt:

- unidecode_pypi.txt: ``unidecode(text)`` by Unidecode 1.4.0 (PyPI), written
  as UTF-8; it drops the flag, and writes no alef.
- buckwalter_lang_trans.txt: ``lang_trans.arabic.buckwalter.transliterate(text)``
  by lang-trans 0.6.0 (PyPI), written as UTF-8 with ``newline=""``: each
  Arabic letter and mark as one ASCII character; the Arabic comma kept.
- uconv_icu72_arabic_latin.txt: ``uconv -x Arabic-Latin < ar_news.txt`` by
  uconv 2.1, ICU 72.1 (Debian 12): it writes a damma before a waw as one
  long vowel (``مُوضحًا`` as ``mūḍḥaⁿạ``), and a damma elsewhere as ``u``.

The other copies are made here with small tables of the tests' own.
"""

import hashlib
import json
import unicodedata
import unittest

import check
from tests.support import ORIGINAL, RepoCopyTestCase, known, library_output

TEXT = ORIGINAL.decode("utf-8")
UNIDECODE_SHA256 = "c297dbf4ce4f6f5f3d688ef29b3f5b5697288c11fc29623885ccd2a118b5a9e3"
BUCKWALTER_SHA256 = "a130a7f61afbaf99d0bc24f2e8140e036b62cf7ba3c81750d310912d2e476288"
ICU_SHA256 = "e866d4f7193b78e0f4a58514ca9f0927bf8f64201ae2f7cc57753cec4ab2a858"
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
# The Arabic letters and marks of the article: a transliteration writes each.
ARABIC = {
    char
    for char in TEXT
    if unicodedata.category(char)[0] in "LM"
    and unicodedata.name(char).startswith("ARABIC")
}


def transliterated(text: str) -> str:
    return "".join(
        LATIN.get(char, "?") if "\u0621" <= char <= "\u0652" else char for char in text
    )


def pinned(name: str, digest: str) -> bytes:
    copy = library_output(name)
    assert hashlib.sha256(copy).hexdigest() == digest, name
    return copy


class OneTable(RepoCopyTestCase):
    def table(self, copy: bytes) -> "dict[str, str]":
        """The table the copy is named by, from ``check.py --json``, checked
        to make the copy with str.translate, and as ``variant()`` and
        ``assert_made()`` are asked for it."""
        result = self.run_script("check.py", "--json", "-", input=copy)
        self.assertEqual(result.returncode, 1, result.stderr)
        (explanation,) = json.loads(result.stdout)["explanations"]
        self.assertEqual(explanation["keys"], ["characters-mapped"])
        self.assertEqual(explanation["extent"], "whole")
        ((rows,),) = explanation["forms"]
        table = dict(rows)
        self.assertEqual(TEXT.translate(str.maketrans(table)).encode("utf-8"), copy)
        # Asked for back as the report asks for it: the same bytes.
        self.assertEqual(check.variant(*explanation["asked"]), copy)
        check.assert_made(explanation["asked"], copy)
        return table

    def test_buckwalter(self) -> None:
        copy = pinned("buckwalter_lang_trans.txt", BUCKWALTER_SHA256)
        # Buckwalter writes one character for one: the table is the pairs.
        found = copy.decode("utf-8")
        self.assertEqual(len(found), len(TEXT))
        pairs = {(old, new) for old, new in zip(TEXT, found) if old != new}
        self.assertEqual(self.table(copy), dict(pairs))
        self.assertEqual(set(dict(pairs)), ARABIC)
        self.assertEqual(
            known(check.compare(TEXT, copy)),
            [
                (
                    f"  known change: transliterated: each of {len(ARABIC)}"
                    " characters written in ASCII by one table, read off the copy"
                )
            ],
        )

    def test_unidecode(self) -> None:
        copy = pinned("unidecode_pypi.txt", UNIDECODE_SHA256)
        table = self.table(copy)
        self.assertLessEqual(ARABIC, set(table))
        # Rows of Unidecode's own table (unidecode/x006.py, x01f.py): the
        # alef, the tatweel and the flag's letters written as nothing, the
        # shadda as W, the teh marbuta as @.  The flag is in the text once,
        # read with the table as a whole.
        for char, new in {
            "\u0627": "",
            "\u0640": "",
            "\U0001f1e8": "",
            "\U0001f1fd": "",
            "\u0651": "W",
            "\u0629": "@",
        }.items():
            self.assertEqual(table[char], new)
        removed = [char for char, new in table.items() if not new]
        self.assertEqual(
            known(check.compare(TEXT, copy)),
            [
                (
                    f"  known change: transliterated: each of {len(table)}"
                    " characters written in ASCII by one table, read off the copy"
                    f" ({len(removed)} of them removed)"
                )
            ],
        )

    def test_a_table_of_the_tests_own(self) -> None:
        """Letters as question marks are no transliteration: one table still."""
        copy = transliterated(TEXT).encode("utf-8")
        table = self.table(copy)
        self.assertEqual(set(table), {char for char in ARABIC if char <= "\u0652"})
        self.assertEqual(
            known(check.compare(TEXT, copy)),
            [
                (
                    f"  known change: each of {len(table)} characters written in"
                    " ASCII by one table, read off the copy"
                )
            ],
        )


class NoOneTable(unittest.TestCase):
    def line(self, copy: bytes) -> "list[str]":
        report = check.compare(TEXT, copy)
        self.assertEqual(known(report), [])
        self.assertIn("no known change explains it", report)
        return [line for line in report.splitlines() if "where they differ" in line]

    def test_a_transliteration_that_depends_on_context(self) -> None:
        copy = pinned("uconv_icu72_arabic_latin.txt", ICU_SHA256)
        # The damma written two ways: no one table makes the copy.
        self.assertIn("\u0645\u064f\u0648", TEXT)
        self.assertIn("m\u016b", copy.decode("utf-8"))
        self.assertIn("\u064a\u064f\u062b", TEXT)
        self.assertIn("yut", copy.decode("utf-8"))
        (line,) = self.line(copy)
        self.assertIn("only the original has Arabic letters and marks;", line)
        self.assertIn("only the copy has Latin letters and marks", line)

    def test_a_word_left_in_arabic(self) -> None:
        """The Buckwalter copy with one word of the article put back: the
        word's letters are kept there and written in ASCII everywhere else."""
        found = pinned("buckwalter_lang_trans.txt", BUCKWALTER_SHA256).decode("utf-8")
        word = TEXT.index("\u0627\u0644\u0634\u0645\u0627\u0644\u064a\u0629")
        copy = found[:word] + TEXT[word : word + 8] + found[word + 8 :]
        self.assertEqual(len(copy), len(TEXT))
        self.assertNotIn("transliterated", check.compare(TEXT, copy))
        self.assertEqual(
            self.line(copy.encode("utf-8")),
            [
                (
                    "  where they differ, only the original has Arabic letters and"
                    " marks; only the copy has Latin letters and marks, punctuation,"
                    " symbols"
                )
            ],
        )

    def test_a_hand_edit_says_nothing_of_scripts(self) -> None:
        """A word for a word: the same kinds of letters on both sides."""
        copy = TEXT.replace("\u0642\u0627\u0644", "\u0643\u0627\u0646", 1)
        self.assertEqual(self.line(copy.encode("utf-8")), [])


if __name__ == "__main__":
    unittest.main()
