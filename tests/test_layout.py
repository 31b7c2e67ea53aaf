"""check.py names what HTML-to-text tools leave of the text.

Copies are made here with str methods, and kept as a real tool wrote them in
tests/data: pandoc_plain_wrapnone_br.txt, pandoc 2.17.1.1 (Debian),
``pandoc -f html -t plain --wrap=none article_br.html``, where article_br.html
is the article in one ``<div>``, its lines (``html.escape(line,
quote=False)``) joined by ``<br>`` and a line break, after ``<!DOCTYPE
html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>...</title>
</head><body>``.  Lines wrapped to a width are not named yet.
"""

import hashlib
import unittest

import check
from tests.support import ORIGINAL, known, library_output

TEXT = ORIGINAL.decode("utf-8")
PANDOC_SHA256 = "f98592905d72fc0b427325461279786926e0c94f6f2ad06b86b47ae758a6652c"


class HtmlToText(unittest.TestCase):
    def test_pandoc_as_it_wrote_the_article(self) -> None:
        copy = library_output("pandoc_plain_wrapnone_br.txt")
        self.assertEqual(hashlib.sha256(copy).hexdigest(), PANDOC_SHA256)
        self.assertEqual(
            known(check.compare(TEXT, copy)),
            ["  known change: empty lines removed and a newline added at the end"],
        )

    def test_each_is_named(self) -> None:
        lines = TEXT.split("\n")
        for copy, named in (
            (
                TEXT.replace("\xa0", "") + "\n",
                "no-break spaces removed and a newline added at the end",
            ),
            ("\n".join(line for line in lines if line), "empty lines removed"),
            (" ".join(lines), "line breaks turned into spaces"),
        ):
            with self.subTest(named=named):
                report = check.compare(TEXT, copy)
                self.assertIn(f"  known change: {named}", known(report))

    def test_a_paragraph_dropped_with_the_empty_lines_names_nothing(self) -> None:
        kept = [line for line in TEXT.split("\n") if line]
        copy = "\n".join(kept[:3] + kept[4:])
        self.assertEqual(known(check.compare(TEXT, copy)), [])


if __name__ == "__main__":
    unittest.main()
