"""The text itself: the bytes, the facts the README promises, and the source that holds them."""

import hashlib
import os
import re
import subprocess
import sys
import unicodedata
import unittest
import zlib

from make_article import ARTICLE
from tests.support import HANG, ORIGINAL, ORIGINAL_SHA256, QUIET_ENVIRONMENT, REPO

NO_BREAK_SPACE = "\u00a0"


class TheBytes(unittest.TestCase):
    def test_article_encodes_to_the_original(self) -> None:
        data = ARTICLE.encode("utf-8")
        self.assertEqual(hashlib.sha256(data).hexdigest(), ORIGINAL_SHA256)
        self.assertEqual(data, ORIGINAL)

    def test_the_repository_file_is_the_original(self) -> None:
        self.assertEqual(hashlib.sha256(ORIGINAL).hexdigest(), ORIGINAL_SHA256)

    def test_pinned_digest_and_size_in_check_are_the_original(self) -> None:
        import check

        self.assertEqual(check.ORIGINAL_SHA256, ORIGINAL_SHA256)
        self.assertEqual(check.ORIGINAL_SIZE, len(ORIGINAL))
        self.assertEqual(check.ORIGINAL_CRC32, zlib.crc32(ORIGINAL))

    def test_readme_gives_the_digests(self) -> None:
        with open(os.path.join(REPO, "README.md"), encoding="utf-8") as stream:
            readme = stream.read()
        self.assertIn(f"| SHA-256 | `{ORIGINAL_SHA256}` |", readme)
        self.assertIn(f"| CRC-32 | `{zlib.crc32(ORIGINAL):08x}`", readme)


class TheFacts(unittest.TestCase):
    """What the README says of the text, checked on it."""

    lines = ARTICLE.split("\n")

    def test_size_characters_lines(self) -> None:
        self.assertEqual(len(ARTICLE.encode("utf-8")), 7165)
        self.assertEqual(len(ARTICLE), 3898)
        self.assertEqual(len(self.lines), 35)
        self.assertEqual(sum(1 for line in self.lines if not line), 17)
        self.assertEqual(len(ARTICLE.split("\n\n")), 18)
        self.assertFalse(ARTICLE.endswith("\n"))

    def test_no_break_spaces(self) -> None:
        self.assertEqual(ARTICLE.count(NO_BREAK_SPACE), 10)
        self.assertEqual(sum(line.endswith(NO_BREAK_SPACE) for line in self.lines), 8)
        self.assertEqual(sum(line.startswith(NO_BREAK_SPACE) for line in self.lines), 1)
        self.assertEqual(ARTICLE.count(NO_BREAK_SPACE + " "), 1)

    def test_flag_is_two_astral_characters(self) -> None:
        flag = "\N{REGIONAL INDICATOR SYMBOL LETTER C}\N{REGIONAL INDICATOR SYMBOL LETTER X}"
        self.assertTrue(ARTICLE.startswith(flag))
        self.assertEqual(len(flag.encode("utf-8")), 8)
        self.assertEqual(sum(ord(char) > 0xFFFF for char in ARTICLE), 2)

    def test_tatweel_harakat_punctuation_digits(self) -> None:
        self.assertEqual(ARTICLE.count("\N{ARABIC TATWEEL}"), 2)
        self.assertEqual(sum("\u064b" <= char <= "\u0652" for char in ARTICLE), 25)
        self.assertEqual(ARTICLE.count("\N{LEFT DOUBLE QUOTATION MARK}"), 6)
        self.assertEqual(ARTICLE.count("\N{RIGHT DOUBLE QUOTATION MARK}"), 6)
        self.assertEqual(ARTICLE.count("\N{ARABIC COMMA}"), 53)
        self.assertEqual(ARTICLE.count("\N{ARABIC SEMICOLON}"), 1)
        self.assertEqual(
            sorted({char for char in ARTICLE if char.isdigit()}), list("013")
        )

    def test_each_character_row_of_the_readme_counts_the_text(self) -> None:
        with open(os.path.join(REPO, "README.md"), encoding="utf-8") as stream:
            readme = stream.read()
        rows = re.findall(
            r"^\| U\+([0-9A-F]{4,6})(?: to U\+([0-9A-F]{4,6}),)? ([^|]+?) \| (\d+) \|$",
            readme,
            re.MULTILINE,
        )
        self.assertGreater(len(rows), 30)
        for first, last, name, count in rows:
            start, end = int(first, 16), int(last or first, 16)
            with self.subTest(row=f"U+{first} {name}"):
                if not last:
                    self.assertEqual(unicodedata.name(chr(start)), name)
                found = sum(start <= ord(char) <= end for char in ARTICLE)
                self.assertEqual(found, int(count))
        listed = {int(first, 16) for first, last, _, _ in rows if not last}
        self.assertTrue(set(range(0x064B, 0x0653)) <= listed)  # every haraka

    def test_normal_forms(self) -> None:
        self.assertEqual(unicodedata.normalize("NFC", ARTICLE), ARTICLE)
        for form in ("NFD", "NFKC", "NFKD"):
            with self.subTest(form=form):
                self.assertNotEqual(unicodedata.normalize(form, ARTICLE), ARTICLE)


class TheSource(unittest.TestCase):
    """make_article.py is safe in an editor: nothing invisible, nothing trailing."""

    def setUp(self) -> None:
        with open(os.path.join(REPO, "make_article.py"), "rb") as stream:
            self.source = stream.read().decode("utf-8")

    def test_no_trailing_whitespace_and_no_invisible_characters(self) -> None:
        for number, line in enumerate(self.source.split("\n"), 1):
            with self.subTest(line=number):
                self.assertEqual(line, line.rstrip())
                self.assertTrue(line.isprintable(), ascii(line))

    def test_text_is_readable_arabic_paragraph_by_paragraph(self) -> None:
        for paragraph in ARTICLE.split("\n\n"):
            readable = paragraph.replace(NO_BREAK_SPACE, "\\xa0")
            self.assertIn(f'"{readable}', self.source)

    def test_import_has_no_side_effects_and_loads_nothing_else(self) -> None:
        program = (
            "import sys; before = set(sys.modules); import make_article; "
            "print(sorted(set(sys.modules) - before))"
        )
        result = subprocess.run(
            [sys.executable, "-c", program],
            cwd=REPO,
            env={**QUIET_ENVIRONMENT, "PYTHONDONTWRITEBYTECODE": "1"},
            capture_output=True,
            check=True,
            timeout=HANG,
        )
        self.assertEqual(result.stdout.decode().strip(), "['make_article']")
        self.assertEqual(result.stderr, b"")
