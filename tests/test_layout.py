r"""check.py names lines wrapped to a width, or cut, or indented, and what HTML-to-text tools leave.

Copies are made here with textwrap and str methods, and kept as real tools
wrote them in tests/data, from ar_news.txt or from an HTML page of it:
article.html has each of its lines that is not empty as ``<p>LINE</p>``
(``html.escape(line, quote=False)``) on a line of its own; article_br.html
has them in one ``<div>``, joined by ``<br>`` and a line break; each after
``<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>...</title></head><body>``.

- fold_s_w80.txt, fmt_w72.txt: GNU coreutils 9.1 (Debian 9.1-1), ``fold -s
  -w 80 ar_news.txt`` and ``fmt -w 72 ar_news.txt``; both count bytes;
  fold_w80.txt and fold_w60.txt, ``fold -w 80 ar_news.txt`` and ``fold -w
  60 ar_news.txt``, lines cut within words and characters;
  fold_w60_crlf.txt, ``sed -z 's/\n/\r\n/g' ar_news.txt | fold -w 60``
  (GNU sed 4.9), a carriage return taking fold back to its first column;
  fold_w80_crlf_spaces.txt, ``sed -z 's/\n/\r\n/g' ar_news.txt | tr '\n'
  ' ' | fold -w 80`` (tr of coreutils 9.1), the lines joined first;
- pandoc_plain_p.txt: pandoc 2.17.1.1 (Debian), ``pandoc -f html -t plain
  article.html``; pandoc_plain_wrapnone_br.txt, ``pandoc -f html -t plain
  --wrap=none article_br.html``;
- w3m_dump_p.txt: w3m 0.5.3+git20230121 (Debian), ``w3m -dump -T text/html
  article.html``;
- debhtml2text_utf8_p.txt: Debian's html2text 1.3.2a-28, ``html2text -utf8
  article.html``;
- pyhtml2text_default_p.txt: html2text 2025.4.15 from PyPI on CPython
  3.11.7, ``html2text.html2text(html)`` of article.html read as UTF-8;
- lynx_dump_p.txt: Lynx 2.9.0dev.12 (Debian 2.9.0dev.12-1), ``lynx -dump
  -nolist -display_charset=utf-8 -assume_charset=utf-8 article.html``;
  links_dump_p.txt: Links 2.28 (Debian 2.28-1+b2), ``links -dump -codepage
  utf-8 article.html``; both with LANG and LC_ALL C.UTF-8, each line
  indented by three spaces.
"""

import hashlib
import textwrap
import unittest

import check
from ar_news_diagnosis.layout import folded, wrapped
from tests.support import ORIGINAL, known, library_output

TEXT = ORIGINAL.decode("utf-8")
WRAPPED = "lines wrapped at spaces to a width of"
FOLDED = "long lines cut at a width of {} bytes, within words too (fold -w, a terminal)"
TOOLS = {  # each tool's output, its digest, and what check.py must name
    "fold_s_w80.txt": (
        "762d5b4c2eab65d60f0956c7c51098004425b3f1196f90ed87ea6b57d1841e2c",
        f"{WRAPPED} 44 characters",
    ),
    "fmt_w72.txt": (
        "2493d2ed08d36af4e43dd4211dd8e45fb0378969436a134765de33938f4be166",
        f"a newline added at the end and {WRAPPED} 71 bytes",
    ),
    "pandoc_plain_p.txt": (
        "2c01f7b9f55e011e5ef8c7c95da40ef7c33856c2140d59c02874bb75825c6c31",
        f"a newline added at the end and {WRAPPED} 72 characters",
    ),
    "w3m_dump_p.txt": (
        "3b4aaba0296798f7123e2d717d4b575588fe020d09c42f32a8a52af55e397c80",
        (
            f"a newline added at the end and {WRAPPED} 80 characters"
            " and a newline added at the end"
        ),
    ),
    "debhtml2text_utf8_p.txt": (
        "39dd5b9c471709af482f115f2fde6e90bd803f900f40652086d56f28137ed2bd",
        (
            f"empty lines removed and {WRAPPED} 79 characters"
            " and a newline added at the end"
        ),
    ),
    "pyhtml2text_default_p.txt": (
        "3f6616510ddbb29a84135331240374744972367a2811df98bac9a55343aaf5f3",
        (
            f"a newline added at the end and no-break spaces removed and {WRAPPED}"
            " 78 characters and a newline added at the end"
        ),
    ),
    "lynx_dump_p.txt": (
        "8dbf811ef0d01e9d7ec34b5b0739fa3d47f8614718f4b024a63d5e73b6dba687",
        (
            "no-break spaces turned into plain spaces and trailing whitespace"
            f" stripped from each line (str.rstrip) and {WRAPPED} 71 characters and"
            " each line indented by 3 spaces, as text browsers do and a newline"
            " added at the end"
        ),
    ),
    "links_dump_p.txt": (
        "30fbcfd9f946d9be2ae2a47a1e37a51d3c3147b36308311d07f24aac0e40a4a3",
        (
            f"a newline added at the end and {WRAPPED} 74 characters and each line"
            " indented by 3 spaces, as text browsers do"
        ),
    ),
    "fold_w80.txt": (
        "1b018a22f3227bf8fbf1c8b43c13fe152655d6ce9ce8c337d92d8669eba1a44b",
        FOLDED.format(80),
    ),
    "fold_w60.txt": (
        "0b5c18efe835cb9203f6cd15449851d1ea473ffc2dd92dfed38de8103b10bd1f",
        FOLDED.format(60),
    ),
    "fold_w60_crlf.txt": (
        "9173629e4177b4bd1530f8f35f1a60f2cde4f1cc3c9f3f8a4fd9e8df4c4aea90",
        f"LF turned into CRLF and {FOLDED.format(60)}",
    ),
    "fold_w80_crlf_spaces.txt": (
        "7e09fafa6fea16fac7b0cc187352d7f46e1cf5ee0b48e338a1dfcfd0f2e88563",
        (
            "LF turned into CRLF and line breaks turned into spaces and"
            f" {FOLDED.format(80)}"
        ),
    ),
}


ALEF_UNIFIED = str.maketrans(dict.fromkeys("\u0623\u0625\u0622", "\u0627"))


def filled(text: str, width: int, **options: bool) -> str:
    """Each line of ``text`` wrapped by textwrap.fill."""
    return "\n".join(textwrap.fill(line, width, **options) for line in text.split("\n"))


def widest(text: str) -> int:
    return max(map(len, text.split("\n")))


class Wrapped(unittest.TestCase):
    def test_real_tools_outputs_are_as_pinned(self) -> None:
        for name, (digest, _) in TOOLS.items():
            with self.subTest(name=name):
                made = hashlib.sha256(library_output(name)).hexdigest()
                self.assertEqual(made, digest)

    def test_each_tool_is_named(self) -> None:
        for name, (_, named) in TOOLS.items():
            with self.subTest(name=name):
                report = check.compare(TEXT, library_output(name))
                self.assertEqual(known(report), [f"  known change: {named}"])

    def test_fold_cuts_within_words_and_characters(self) -> None:
        for width in (60, 80):
            copy = library_output(f"fold_w{width}.txt")
            lines = copy.split(b"\n")
            self.assertEqual(max(map(len, lines)), width)
            self.assertEqual(copy.replace(b"\n", b""), ORIGINAL.replace(b"\n", b""))
        with self.assertRaises(UnicodeDecodeError):  # a letter's two bytes apart
            library_output("fold_w60.txt").decode("utf-8")

    def test_textwrap_at_any_width_is_named_with_it(self) -> None:
        for width in (40, 72, 80, 100):
            with self.subTest(width=width):
                copy = filled(TEXT, width)
                report = check.compare(TEXT, copy)
                self.assertEqual(len(known(report)), 1, report)
                # The width named holds every line, and is the longest line.
                self.assertIn(f"{WRAPPED} {widest(copy)} characters", report)

    def test_what_else_happened_is_named_too(self) -> None:
        spaces = TEXT.replace("\xa0", " ")
        for copy, also in (
            (filled(TEXT, 70) + "\n", "a newline added at the end"),
            (filled(spaces, 60), "no-break spaces turned into plain spaces"),
            (filled(TEXT.replace("\n", " "), 80), "line breaks turned into spaces"),
            (filled(TEXT, 70).encode("utf-16"), "saved as UTF-16 LE with"),
            (
                filled(TEXT.translate(ALEF_UNIFIED), 70),
                "alef forms U+0623",
            ),
        ):
            with self.subTest(also=also):
                report = check.compare(TEXT, copy)
                self.assertEqual(len(known(report)), 1, report)
                self.assertIn(WRAPPED, report)
                self.assertIn(also, report)

    def test_the_spaces_kept_at_the_breaks(self) -> None:
        copy = filled(TEXT, 60, drop_whitespace=False)
        self.assertTrue(any(line.endswith(" ") for line in copy.split("\n")))
        self.assertEqual(
            known(check.compare(TEXT, copy)),
            [f"  known change: {WRAPPED} 60 characters"],
        )

    def test_the_explanation_replays_the_breaks(self) -> None:
        for copy, make in (
            (filled(TEXT, 70).encode("utf-8"), wrapped),
            (library_output("fold_w60.txt"), folded),
        ):
            (explanation,) = check.explain(TEXT, copy).explanations
            unit, width, breaks = explanation.forms[0]
            self.assertEqual(
                width,
                widest(
                    copy.decode("latin-1") if unit == "bytes" else copy.decode("utf-8")
                ),
            )
            self.assertEqual(len(breaks), copy.count(b"\n") - TEXT.count("\n"))
            self.assertEqual(make(TEXT, *explanation.forms[0]), copy)

    def test_line_breaks_put_in_by_hand_name_nothing(self) -> None:
        lines = TEXT.split("\n")
        longest = max(range(len(lines)), key=lambda number: len(lines[number]))
        for number, at in ((4, 140), (longest, 200), (longest, 400)):
            line = lines[number]
            space = line.rindex(" ", 0, at)
            broken = line[:space] + "\n" + line[space + 1 :]
            copy = "\n".join(lines[:number] + [broken] + lines[number + 1 :])
            with self.subTest(number=number, at=at):
                self.assertEqual(known(check.compare(TEXT, copy)), [])
        words = TEXT.split(" ")
        every_fifth = "".join(
            word + ("\n" if number % 5 == 4 else " ")
            for number, word in enumerate(words[:-1])
        )
        self.assertEqual(known(check.compare(TEXT, every_fifth + words[-1])), [])

    def test_cut_by_hand_within_a_word_names_nothing(self) -> None:
        line = TEXT.split("\n")[4]
        cut = TEXT.replace(line, line[:50] + "\n" + line[50:])  # one cut, at no width
        folded = library_output("fold_w80.txt")
        first = folded.index(b"\n")  # fold's first cut, after 80 bytes
        moved = (
            folded[: first - 10]
            + b"\n"
            + folded[first - 10 : first]
            + folded[first + 1 :]
        )
        self.assertEqual(moved.replace(b"\n", b""), folded.replace(b"\n", b""))
        for each in (cut.encode("utf-8"), moved):  # a cut 10 bytes short of the width
            with self.subTest(each=each[:20]):
                self.assertEqual(known(check.compare(TEXT, each)), [])

    def test_wrapped_after_a_hand_edit_names_nothing(self) -> None:
        paragraphs = TEXT.split("\n\n")
        for edited in (
            TEXT.replace("روسيا", "روسيه", 1),
            TEXT.replace("كوريا الشمالية", "الشمالية كوريا", 1),
            "\n\n".join([paragraphs[2], paragraphs[1]] + paragraphs[3:]),
        ):
            with self.subTest(edited=edited[:40]):
                self.assertEqual(known(check.compare(TEXT, filled(edited, 70))), [])

    def test_fold_then_cesu_8(self) -> None:
        # Once named nothing: read with surrogateescape, a letter cut in two
        # is a lone surrogate, which CESU-8 writes as such, and undoing it
        # kept no longer.
        units = []
        for char in library_output("fold_w80.txt").decode("utf-8", "surrogateescape"):
            if ord(char) > 0xFFFF:
                high, low = divmod(ord(char) - 0x10000, 0x400)
                units += [chr(0xD800 + high), chr(0xDC00 + low)]
            else:
                units.append(char)
        self.assertIn("\udcd8", units)
        copy = "".join(units).encode("utf-8", "surrogatepass")
        self.assertEqual(
            known(check.compare(TEXT, copy)),
            [
                (
                    f"  known change: {FOLDED.format(80)} and saved as CESU-8"
                    " (Java's modified UTF-8, Oracle's UTF8)"
                )
            ],
        )

    def test_narrower_than_forty_is_not_named(self) -> None:
        report = check.compare(TEXT, filled(TEXT, 25))
        self.assertNotIn("characters", "".join(known(report)))


class Indented(unittest.TestCase):
    def test_each_line_indented_and_wrapped(self) -> None:
        for spaces in (1, 3, 4):
            copy = "\n".join(
                " " * spaces + line if line else line
                for line in filled(TEXT, 72).split("\n")
            )
            with self.subTest(spaces=spaces):
                self.assertEqual(
                    known(check.compare(TEXT, copy)),
                    [
                        (
                            f"  known change: {WRAPPED} 72 characters and each line"
                            f" indented by {spaces} spaces, as text browsers do"
                        )
                    ],
                )

    def test_after_one_change_of_whitespace_made_on_another(self) -> None:
        # Once named nothing: LF into CRLF, then LF into CR, is no change of
        # one character that makes what the copy has where a line ended.
        copy = "   " + TEXT.replace("\n", "\r\n").replace("\n", "\r")
        report = check.compare(TEXT, copy)
        self.assertEqual(len(known(report)), 1, report)
        for also in ("LF turned into CRLF", "LF turned into CR", "indented by 3"):
            self.assertIn(also, report)

    def test_one_line_indented_less_names_nothing(self) -> None:
        lines = ["   " + line if line else line for line in TEXT.split("\n")]
        lines[4] = lines[4][1:]
        self.assertEqual(known(check.compare(TEXT, "\n".join(lines))), [])

    def test_deeper_than_four_spaces_is_not_named_an_indentation(self) -> None:
        """The size limit allows four spaces a line: no deeper one is named."""
        copy = "\n".join(" " * 5 + line if line else line for line in TEXT.split("\n"))
        self.assertNotIn("indented", check.compare(TEXT, copy))


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
