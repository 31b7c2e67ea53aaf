"""Where no chain makes a copy, each place that differs is accounted to a change that makes it there, or listed.

Copies are made here with str methods and textwrap: a known change, or a
layout change, in all or some places, and a hand edit on top.  The property
test mixes them at random, with lines shaped by arabic-reshaper (kept in
tests/data, see test_pipelines), and checks that no hand edit is accounted
to a change; ``tally`` gives the figures tests/benchmark.py --thorough prints.
"""

import hashlib
import json
import os
import random
import re
import textwrap
import unittest

import check
from ar_news_diagnosis.accounting import ACCOUNTANTS, LAYOUT
from ar_news_diagnosis.table import TEXT_CHANGES
from tests.support import ORIGINAL, REPO

TEXT = ORIGINAL.decode("utf-8")
RESPELLED = TEXT.replace("\u0643\u064a\u0645", "\u0643\u064a\u0646", 1)  # a hand edit
# Some line breaks as CRLF, some spaces as line breaks: no change made in
# part makes the second, a layout change.
EVERY_PLACE = TEXT.replace("\n", "\r\n", 5)
EVERY_PLACE = EVERY_PLACE[:1000] + EVERY_PLACE[1000:].replace(" ", "\n", 3)
LETTER = (
    "    line 5, column 28: expected U+0645 ARABIC LETTER MEEM,"
    " found U+0646 ARABIC LETTER NOON"
)


def report_lines(copy: str) -> "list[str]":
    return check.compare(TEXT, copy).splitlines()[2:]


class Accounting(unittest.TestCase):
    def test_crlf_and_a_letter_respelled(self) -> None:
        copy = RESPELLED.replace("\n", "\r\n")
        self.assertEqual(
            report_lines(copy),
            [
                "  no known change explains it; places that differ: 35",
                "  accounted for, place by place: 34 of 35",
                "    LF turned into CRLF: 34",
                "  not accounted for: 1",
                LETTER,
            ],
        )
        difference = check.explain(TEXT, copy)
        self.assertEqual(difference.explanations, [])
        self.assertEqual(
            difference.accounting, [(("crlf",), "LF turned into CRLF", 34)]
        )
        self.assertEqual(difference.unaccounted, [(5, 28, "\u0645", "\u0646")])

    def test_wrapped_and_a_letter_respelled(self) -> None:
        copy = "\n".join(textwrap.fill(line, 60) for line in RESPELLED.split("\n"))
        breaks = copy.count("\n") - TEXT.count("\n")
        lines = report_lines(copy)
        self.assertEqual(
            lines[1], f"  accounted for, place by place: {breaks} of {breaks + 1}"
        )
        self.assertIn(f"    spaces turned into line breaks: {breaks}", lines)
        self.assertEqual(lines[-1], LETTER)

    def test_fmts_output_and_a_letter_respelled(self) -> None:
        # GNU fmt's own output (see test_layout), then a hand edit.
        with open(os.path.join(REPO, "tests", "data", "fmt_w72.txt"), "rb") as stream:
            wrapped = stream.read().decode("utf-8")
        copy = wrapped.replace("\u0643\u064a\u0645", "\u0643\u064a\u0646", 1)
        difference = check.explain(TEXT, copy)
        breaks = wrapped.count("\n") - TEXT.count("\n") - 1  # and one at the end
        self.assertEqual(
            [(keys, count) for keys, _, count in difference.accounting],
            [(("newline-added",), 1), (("spaces-as-line-breaks",), breaks)],
        )
        self.assertEqual(difference.unaccounted, [(5, 28, "\u0645", "\u0646")])

    def test_characters_missing_and_a_word_deleted(self) -> None:
        # A zero-width non-joiner and a symbol dropped; a word deleted by hand.
        text = (
            "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u2713 \u0628\u0631\u0648\u0645\n"
            "\u0627\u0644\u0622\u0646 \u0647\u0646\u0627 \u0648\u0647\u0646\u0627\u0643"
        )
        copy = text.replace("\u200c", "").replace("\u2713", "")
        copy = copy.replace("\u0647\u0646\u0627 ", "", 1)
        difference = check.explain(text, copy)
        self.assertEqual(
            [(keys, count) for keys, _, count in difference.accounting],
            [(("characters-missing",), 2)],
        )
        self.assertEqual(difference.unaccounted, [(2, 6, "\u0647\u0646\u0627 ", "")])

    def test_every_place_accounted_for(self) -> None:
        lines = report_lines(EVERY_PLACE)
        self.assertIn("  accounted for, place by place: 8 of 8", lines)
        self.assertEqual(lines[-1], "  every place is accounted for")

    def test_no_line_can_be_taken_for_a_whole_explanation(self) -> None:
        for copy in (RESPELLED.replace("\n", "\r\n"), EVERY_PLACE):
            with self.subTest(copy=copy[:10]):
                for line in report_lines(copy):
                    self.assertFalse(line.startswith("  known change"), line)

    def test_hand_edits_alone_are_not_accounted(self) -> None:
        for copy in (
            RESPELLED,
            TEXT.replace("\u0631\u0648\u0633\u064a\u0627 ", "", 1),  # a word deleted
        ):
            with self.subTest(copy=copy[:10]):
                difference = check.explain(TEXT, copy)
                self.assertEqual(difference.accounting, [])
                self.assertNotIn("accounted", str(difference))

    def test_what_a_reading_as_utf8_cannot_read_is_no_changes(self) -> None:
        # Saved in ISO-8859-6 and read as UTF-8, a word put back: each
        # Arabic letter U+FFFD, which no change the accounting, or made in
        # part, tries writes.
        read = TEXT.encode("iso-8859-6", "replace").decode("utf-8", "replace")
        words = read.split(" ")
        words[40] = TEXT.split(" ")[40]
        copy = " ".join(words)
        self.assertIn("\ufffd", copy)
        difference = check.explain(TEXT, copy)
        self.assertEqual(difference.explanations, [])
        # The flag, two characters outside the BMP, written as ?? by the code page.
        self.assertEqual(
            [keys for keys, _, _ in difference.accounting],
            [("astral-as-question-marks",)],
        )
        # No change writes U+FFFD for a letter: one writes it for each
        # character outside the BMP (UCS-2's), the flag's two and one more.
        for change in ACCOUNTANTS + LAYOUT + TEXT_CHANGES:
            with self.subTest(key=change.key):
                made = check.variant(change.key, text=TEXT + " \U0001f600e\u0301")
                written = 3 if change.key == "astral-as-replacement-character" else 0
                self.assertEqual(made.count("\ufffd".encode()), written)

    def test_the_readmes_report_is_the_reports(self) -> None:
        with open(os.path.join(REPO, "README.md"), encoding="utf-8") as stream:
            readme = stream.read()
        shown = re.search(
            r"^```\n(crlf\.txt: .*?)^```$", readme, re.MULTILINE | re.DOTALL
        )
        copy = RESPELLED.replace("\n", "\r\n")
        self.assertEqual(check.compare(TEXT, copy, "crlf.txt") + "\n", shown[1])

    def test_json_carries_it_apart_from_the_explanations(self) -> None:
        data = check.explain(TEXT, RESPELLED.replace("\n", "\r\n")).as_json()
        self.assertEqual(data["explanations"], [])
        self.assertEqual(
            data["accounting"],
            [{"keys": ["crlf"], "name": "LF turned into CRLF", "places": 34}],
        )
        self.assertEqual(data["unaccounted"], 1)
        json.dumps(data)


# Letters respelled by hand, each as a letter no normalizer writes for it.
RESPELLINGS = {
    "\u0645": "\u0646",
    "\u0628": "\u062a",
    "\u0633": "\u0634",
    "\u0639": "\u063a",
    "\u062d": "\u062e",
    "\u062f": "\u0630",
    "\u0631": "\u0632",
}
MARK = "[\u064b-\u065f\u0670]"
with open(
    os.path.join(REPO, "tests", "data", "reshaped_keeping_harakat.txt"),
    encoding="utf-8",
    newline="",
) as _stream:
    SHAPED_LINES = _stream.read().split("\n")


def hand_edited(
    lines: "list[str]", draw: random.Random
) -> "list[tuple[int, int, int]]":
    """Edit one or two lines by hand, in place: a letter respelled, a word
    deleted, two words exchanged or a word put in.  Returns each edit's line,
    its first column and its last (from 1), in the original."""
    edits = []
    for number in draw.sample(
        [at for at, line in enumerate(lines) if line.count(" ") > 4], draw.randint(1, 2)
    ):
        line = lines[number]
        words = [match.span() for match in re.finditer(r"[^ \xa0]+", line)]
        kind = draw.choice(("respelled", "deleted", "exchanged", "put in"))
        if kind == "respelled":
            at = draw.choice(
                [at for at, char in enumerate(line) if char in RESPELLINGS]
            )
            lines[number] = line[:at] + RESPELLINGS[line[at]] + line[at + 1 :]
            span = (at, at)
        elif kind == "deleted":
            start, end = draw.choice(words[1:])
            lines[number] = line[: start - 1] + line[end:]
            span = (start - 1, end)
        elif kind == "exchanged":
            (start, middle), (other, end) = words[1], words[3]
            lines[number] = (
                line[:start]
                + line[other:end]
                + line[middle:other]
                + line[start:middle]
                + line[end:]
            )
            span = (start, end)
        else:
            start, _ = draw.choice(words[1:])
            lines[number] = line[:start] + "\u0643\u062a\u0628 " + line[start:]
            span = (start - 1, start)
        edits.append((number + 1, span[0] + 1, span[1] + 1))
    return edits


def some(draw: random.Random, items: list) -> list:
    """A random share of ``items``: none, some or all."""
    share = draw.choice((0.0, 0.3, 1.0))
    return [item for item in items if draw.random() < share]


def laid_out(lines: "list[str]", draw: random.Random) -> str:
    """The lines through known changes and layout changes made in some places, at random."""
    edited = {
        number for number, line in enumerate(lines) if line != TEXT.split("\n")[number]
    }
    for number in some(draw, range(len(lines))):
        if number not in edited:  # a line shaped, as a reshaper writes it
            lines[number] = SHAPED_LINES[number]
    for old, new in draw.sample(
        [("\xa0", " "), ("\u0640", ""), ("\u064e", ""), ("\u0651", "")], 2
    ):
        for number in some(draw, range(len(lines))):
            lines[number] = lines[number].replace(old, new)
    for number in some(draw, range(len(lines))):  # marks before their letters
        lines[number] = re.sub(f"([^\\n])({MARK}+)", r"\2\1", lines[number])
    wrapped = draw.random() < 0.5
    width = draw.randint(40, 90)
    shown = []
    for line in lines:
        pieces = textwrap.wrap(line, width) if wrapped and len(line) > width else [line]
        shown += pieces
    for number in some(draw, range(len(shown))):  # a naive right-to-left display
        shown[number] = shown[number][::-1]
    for number in some(draw, range(len(shown))):
        if shown[number]:
            shown[number] = "\u202b" + shown[number] + "\u202c"
    for number in some(draw, range(len(shown))):
        shown[number] = (
            " " * draw.randint(1, 6) + shown[number] + " " * draw.randint(0, 2)
        )
    breaks = ["\n"] * (len(shown) - 1)
    for number in some(draw, range(len(breaks))):
        breaks[number] = draw.choice(("\r\n", "\n\f", "\n\n"))
    return "".join(line + end for line, end in zip(shown, breaks + [""]))


def offset_of(line: int, column: int) -> int:
    """The offset in the original of a line and column, from 1."""
    return sum(len(each) + 1 for each in TEXT.split("\n")[: line - 1]) + column - 1


def tally(seed: int, draws: int) -> "tuple[int, int, list[str]]":
    """Draw ``draws`` copies with ``seed``; return the places accounted, the
    places a tool made (all but those holding hand edits), and a line for
    each hand edit accounted to a change."""
    draw = random.Random(seed)
    accounted = made_by_tools = 0
    false = []
    for number in range(draws):
        lines = TEXT.split("\n")
        edits = hand_edited(lines, draw)
        copy = laid_out(lines, draw)
        difference = check.explain(TEXT, copy)
        listed = difference.unaccounted if difference.accounting else difference.places
        spans = [
            (offset_of(line, column), offset_of(line, column) + len(old))
            for line, column, old, _ in listed
        ]
        holding = set()
        for line, first, last in edits:
            start, end = offset_of(line, first), offset_of(line, last)
            # A place holds an edit where it touches it: difflib may put a
            # word deleted one character on.
            found = {
                at
                for at, (begin, stop) in enumerate(spans)
                if begin - 1 <= end and start <= stop + 1
            }
            if not found:
                false.append(
                    f"seed {seed}, draw {number}: the edit at line {line}, column {first}"
                )
            holding |= found
        made = sum(count for _, _, count in difference.accounting)
        accounted += made
        made_by_tools += made + len(listed) - len(holding)
    return accounted, made_by_tools, false


class MixedCopiesAreAccountedTruly(unittest.TestCase):
    """Known and layout changes in some places and hand edits on top: each hand
    edit stays among the places not accounted for."""

    SEEDS = (1,)
    DRAWS = 3

    def test_no_hand_edit_is_accounted_to_a_change(self) -> None:
        for seed in self.SEEDS:
            accounted, made_by_tools, false = tally(seed, self.DRAWS)
            self.assertEqual(false, [])
            self.assertGreater(accounted, made_by_tools // 2)


# Text extracted from a PDF made here: the article, each line a paragraph
# <p dir="rtl"> in DejaVu Sans at 14px, 12 cm wide, printed to PDF by
# Chromium 156.0.8078.114 (``chromium --headless --no-pdf-header-footer
# --print-to-pdf``): two pages, shaped right to left, 45 lines wrapped.
# Each file is a tool's output as it wrote it, with what the tool does to
# the text, as found by hand on its output (difflib, and each change undone):
PDF_EXTRACTIONS = {
    # pdftotext -enc UTF-8 article.pdf (poppler-utils 22.12.0): each line in
    # RLE ... PDF, punctuation and the flag in LRE ... PDF runs reversed,
    # each lam-alef alef first, harakat before their letter, no-break
    # spaces dropped, spaces as line breaks, empty lines removed, a form
    # feed at each page's end.
    "pdf_pdftotext.txt": (
        "e4d0629b299eebaf00663276897e29a1adab3a02c2f58bf18b14718799a15d28",
        {
            "direction-controls-inserted",
            "runs-reversed",
            "lam-alef-reversed",
            "marks-before-letters",
            "harakat-removed",  # a mark moved before its letter: gone from where it was
            "nbsp-removed",
            "spaces-as-line-breaks",
            "empty-lines-removed",
            "page-breaks",
        },
    ),
    # pdf2txt.py article.pdf -o FILE (pdfminer.six 20260107): each line in
    # display order, letters as presentation forms where they join (those
    # that join neither way as letters), lam-alef ligatures, spaces as line
    # breaks, two empty lines removed, a form feed at each page's end, the
    # flag as "(cid:0)(cid:0)".
    "pdf_pdfminer.txt": (
        "331fc5549a0289663eb0852983354b4979f75f5afe26540474f6866b5793ad72",
        {
            "visual-order",
            "visual-order-marks-after",
            "visual-order-rtl",
            "lines-reversed",
            "shaped",
            "shaped-fribidi",
            "shaped-joined-only",
            "spaces-as-line-breaks",
            "empty-lines-removed",
            "page-breaks",
        },
    ),
    # "\n".join(page.extract_text() for page in PdfReader(PATH).pages)
    # (pypdf 7.1.1): letters as pdfminer has them, in logical order, but
    # for the no-break spaces and full stops moved to a line's other end;
    # spaces as line breaks, empty lines removed, the flag as two NULs.
    "pdf_pypdf.txt": (
        "adde5c40fc1d01230deb597565ca7987ea95593053165909166f1fa6788f1dec",
        {
            "shaped",
            "shaped-fribidi",
            "shaped-joined-only",
            "spaces-as-line-breaks",
            "spaces-added",
            "line-breaks-as-spaces",
            "empty-lines-removed",
            "nbsp-removed",  # moved to the line's other end: gone from where it was
            "astral-removed",  # the flag, written at the line's end as two NULs
        },
    ),
}


def extracted(name: str) -> bytes:
    with open(os.path.join(REPO, "tests", "data", name), "rb") as stream:
        return stream.read()


class TextExtractedFromAPdf(unittest.TestCase):
    def test_the_outputs_are_pinned(self) -> None:
        for name, (digest, _) in PDF_EXTRACTIONS.items():
            with self.subTest(name=name):
                self.assertEqual(hashlib.sha256(extracted(name)).hexdigest(), digest)

    def test_most_places_are_accounted_to_what_the_tool_does(self) -> None:
        for name, (_, kinds) in PDF_EXTRACTIONS.items():
            with self.subTest(name=name):
                difference = check.explain(TEXT, extracted(name))
                self.assertEqual(difference.explanations, [])
                made = sum(count for _, _, count in difference.accounting)
                self.assertGreater(made, 4 * len(difference.unaccounted))
                for keys, _, _ in difference.accounting:
                    self.assertLessEqual(set(keys), kinds)

    def test_a_hand_edit_on_top_is_listed(self) -> None:
        # A letter respelled by hand in a word each extractor kept whole.
        word = "\u0628\u064a\u0633\u0643\u0648\u0641"  # Peskov
        line = next(
            number for number, each in enumerate(TEXT.split("\n"), 1) if word in each
        )
        column = TEXT.split("\n")[line - 1].index(word) + 1
        copy = (
            extracted("pdf_pdftotext.txt")
            .decode("utf-8")
            .replace(word, "\u0628\u064a\u0634\u0643\u0648\u0641", 1)
        )
        difference = check.explain(TEXT, copy)
        self.assertIn((line, column + 2, "\u0633", "\u0634"), difference.unaccounted)


if __name__ == "__main__":
    unittest.main()
