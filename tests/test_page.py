"""check.py --html: a page for a browser, each place that differs marked in its line, beside the original's.

The page is read back with html.parser: every place of the report must be
found in it, in the row of its lines, marked on both sides.
"""

import html.parser
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import check
from tests.support import HANG, ORIGINAL, REPO
from tests.test_places import edited

TEXT = ORIGINAL.decode("utf-8")


class Page(html.parser.HTMLParser):
    """The rows of a page's tables: (kind, original line, its cell, copy line, its cell),
    each cell (direction, its text, its marked runs); and each invisible character's title."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.rows, self.titles, self.stack = [], [], []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "tr":
            self.rows.append([attributes.get("class")])
        elif tag in ("th", "td") and self.rows:
            self.rows[-1].append(
                {"dir": attributes.get("dir"), "text": "", "marks": []}
            )
        elif tag == "mark":
            self.rows[-1][-1]["marks"].append("")
        elif tag == "span":  # an invisible character, by its code point or byte
            title = attributes.get("title")
            self.titles.append(title)
            shown = self.rows[-1][-1] if self.rows else None
            if isinstance(shown, dict):
                self.add(shown, invisible(title, self.get_starttag_text()))
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.rows and self.stack and self.stack[-1] in ("th", "td", "mark"):
            cell = self.rows[-1][-1]
            if isinstance(cell, dict):
                self.add(cell, data)

    def add(self, cell: dict, text: str) -> None:
        cell["text"] += text
        if "mark" in self.stack:
            cell["marks"][-1] += text

    def lines(self) -> "list[tuple]":
        """The rows of lines: (kind, original line, its cell, copy line, its cell)."""
        return [
            (kind, number(left["text"]), cell, number(right["text"]), copy_cell)
            for kind, left, cell, right, copy_cell in (
                row for row in self.rows if len(row) == 5 and row[0]
            )
        ]


def invisible(title: str, tag: str) -> str:
    """The character an invisible character's box stands for, from its title."""
    if title.startswith("U+"):
        return chr(int(title.split()[0][2:], 16))  # noqa: FURB166 (U+, not 0x)
    return ""  # a byte that is not UTF-8: its text says which


def number(text: str) -> "int | None":
    return int(text) if text else None


def page_of(*copies: "tuple[str, str]") -> str:
    """The page check.py --html writes for the named copies, checked against the article."""
    folder = tempfile.mkdtemp(prefix="ar_news_page_")
    try:
        paths = []
        for name, copy in copies:
            paths.append(os.path.join(folder, name))
            with open(paths[-1], "w", encoding="utf-8", newline="") as stream:
                stream.write(copy)
        page = os.path.join(folder, "page.html")
        result = subprocess.run(
            [sys.executable, "check.py", "-q", "--html", page, *paths],
            cwd=REPO,
            capture_output=True,
            check=False,
            timeout=HANG,
        )
        assert result.returncode == 1, result.stderr
        with open(page, encoding="utf-8") as stream:
            return stream.read()
    finally:
        shutil.rmtree(folder)


class HtmlPage(unittest.TestCase):
    def test_every_place_is_marked_in_its_lines(self) -> None:
        copy = edited()
        rows = Page(page_of(("edited.txt", copy))).lines()
        places = check.explain(TEXT, copy).places
        self.assertEqual(len(places), 3)
        for place in places:
            line, _, expected, found = place
            with self.subTest(kind=place.kind, line=line):
                if place.kind == "characters":
                    (row,) = [
                        row
                        for row in rows
                        if (row[1], row[3]) == (line, place.copy_line)
                    ]
                    self.assertIn(expected, row[2]["marks"])
                    self.assertIn(found, row[4]["marks"])
                else:
                    marked = [row for row in rows if row[0] == place.kind]
                    self.assertEqual(
                        "\n".join(row[2]["text"] for row in marked if row[1]), expected
                    )
                    self.assertEqual(
                        "\n".join(row[4]["text"] for row in marked if row[3]), found
                    )

    def test_each_line_in_its_direction_and_invisible_characters_named(self) -> None:
        copy = TEXT.replace("\n", "\r\n", 3).replace("\xa0", "", 1) + "\u200f"
        copy = copy.replace("\u0627", "a", 1)
        page = Page(page_of(("crlf.txt", copy)))
        # Line 5 starts with an Arabic letter; line 1 with the flag, whose
        # regional indicators are of bidi class L: UAX #9 gives it left to right.
        (row,) = [row for row in page.lines() if row[1] == 5]
        self.assertEqual((row[2]["dir"], row[4]["dir"]), ("rtl", "rtl"))
        first = [row for row in page.lines() if row[1] == 1]
        self.assertEqual({row[2]["dir"] for row in first}, {"ltr"})
        self.assertIn("U+000D CARRIAGE RETURN", page.titles)
        self.assertIn("U+00A0 NO-BREAK SPACE", page.titles)
        self.assertIn("U+200F RIGHT-TO-LEFT MARK", page.titles)
        latin = Page(page_of(("latin.txt", "Hello\nworld"))).lines()
        self.assertIn("ltr", {row[4]["dir"] for row in latin})

    def test_one_page_for_several_files_and_none_for_a_match(self) -> None:
        page = page_of(("one.txt", TEXT + "x"), ("two.txt", TEXT[:-1]))
        self.assertEqual(page.count("<section>"), 2)
        self.assertIn("one.txt", page)
        self.assertTrue(page.startswith("<!DOCTYPE html>"))
        self.assertNotIn("<script", page)
        self.assertNotIn("http", page.split("<body>")[0])  # nothing fetched

    def test_a_page_that_cannot_be_written_is_trouble(self) -> None:
        result = subprocess.run(
            [sys.executable, "check.py", "--html", "/nonexistent/page.html"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
            timeout=HANG,
        )
        self.assertEqual(result.returncode, 2)
        self.assertIn("page.html", result.stderr)


if __name__ == "__main__":
    unittest.main()
