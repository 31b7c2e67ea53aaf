"""Where no chain makes a copy, each place that differs is accounted to a change that makes it there, or listed.

Copies are made here with str methods and textwrap: a known change, or a
layout change, in all or some places, and a hand edit on top.  The property
test mixes them at random, with lines shaped by arabic-reshaper (kept in
tests/data, see test_pipelines), and checks that no hand edit is accounted
to a change; ``tally`` gives the figures tests/benchmark.py --thorough prints.
"""

import json
import os
import random
import re
import textwrap
import unittest

import check
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

    SEEDS = (1, 2)
    DRAWS = 6

    def test_no_hand_edit_is_accounted_to_a_change(self) -> None:
        for seed in self.SEEDS:
            accounted, made_by_tools, false = tally(seed, self.DRAWS)
            self.assertEqual(false, [])
            self.assertGreater(accounted, made_by_tools // 2)


if __name__ == "__main__":
    unittest.main()
