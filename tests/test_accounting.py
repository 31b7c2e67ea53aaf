"""Where no chain makes a copy, each place that differs is accounted to a change that makes it there, or listed.

Copies are made here with str methods and textwrap: a known change, or a
layout change, in all or some places, and a hand edit on top.
"""

import json
import os
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
        self.assertEqual(difference.accounting, [("crlf", "LF turned into CRLF", 34)])
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
            [{"key": "crlf", "name": "LF turned into CRLF", "places": 34}],
        )
        self.assertEqual(data["unaccounted"], 1)
        json.dumps(data)


if __name__ == "__main__":
    unittest.main()
