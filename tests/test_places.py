"""Places that differ, as a person would tell them: lines deleted, added, moved, written again, exchanged.

Copies are made here from the article's lines with list operations; no
known change makes them, so the report lists the places.
"""

import json
import os
import re
import subprocess
import sys
import unittest

import check
from tests.support import HANG, ORIGINAL, REPO

TEXT = ORIGINAL.decode("utf-8")
LINES = TEXT.split("\n")


def edited() -> str:
    """The README's example: paragraphs exchanged, a word respelled, two lines deleted."""
    paragraphs = TEXT.split("\n\n")
    copy = "\n\n".join(paragraphs[:2] + [paragraphs[3], paragraphs[2]] + paragraphs[4:])
    respelled = copy.replace(
        "\u0631\u0648\u0633\u064a\u0627", "\u0631\u0648\u0633\u064a\u0647", 1
    )
    lines = respelled.split("\n")
    return "\n".join(lines[:20] + lines[22:])


def copy_of(lines: "list[str]") -> str:
    return "\n".join(lines)


def listed(copy: str) -> "list[str]":
    """The places a report lists, each without its indent."""
    report = check.compare(TEXT, copy)
    return [line[4:] for line in report.splitlines() if line.startswith("    ")]


def text_lines(start: int, end: int) -> "list[str]":
    """The article's lines ``start`` to ``end``, numbered from 1."""
    return LINES[start - 1 : end]


class LinesFirst(unittest.TestCase):
    def test_two_paragraphs_exchanged(self) -> None:
        paragraphs = TEXT.split("\n\n")
        copy = "\n\n".join(
            paragraphs[:2] + [paragraphs[3], paragraphs[2]] + paragraphs[4:]
        )
        first = TEXT.index(paragraphs[2])
        line = TEXT.count("\n", 0, first) + 1
        self.assertEqual(
            listed(copy),
            [
                (
                    f"lines {line} to {line + 2}: two blocks of lines exchanged,"
                    f" as lines {line} to {line + 2} of the copy"
                )
            ],
        )
        (place,) = check.explain(TEXT, copy).places
        self.assertEqual(place.kind, "exchanged")

    def test_a_line_moved_far(self) -> None:
        copy = copy_of(LINES[:2] + LINES[10:12] + LINES[2:10] + LINES[12:])
        moved = next(number for number in (11, 12) if LINES[number - 1])
        self.assertEqual(
            listed(copy), [f"line {moved} moved, to line {moved - 8} of the copy"]
        )

    def test_a_line_written_again(self) -> None:
        copy = copy_of(LINES[:5] + [LINES[4]] + LINES[5:])
        (place,) = check.explain(TEXT, copy).places
        self.assertEqual(place.kind, "duplicated")
        self.assertIn(place.copy_line, (5, 6))  # either of the two is the one added
        (line,) = listed(copy)
        said = f"line {place.copy_line} of the copy added, the same as lines the original has"
        self.assertTrue(line.startswith(said), line)

    def test_lines_deleted_and_a_letter_respelled(self) -> None:
        deleted = copy_of(LINES[:20] + LINES[24:])
        respelled = deleted.replace("\u0643\u064a\u0645", "\u0643\u064a\u0646", 1)
        places = check.explain(TEXT, respelled).places
        self.assertEqual(
            [(place.kind, place[0]) for place in places],
            [("characters", 5), ("deleted", 21)],
        )
        self.assertEqual(places[0][2:], ("\u0645", "\u0646"))
        self.assertEqual(places[1][2], copy_of(text_lines(21, 24)))
        self.assertTrue(listed(respelled)[1].startswith("lines 21 to 24 deleted: "))

    def test_a_line_added(self) -> None:
        copy = TEXT + "\n\u0633\u0637\u0631 \u062c\u062f\u064a\u062f"
        (place,) = check.explain(TEXT, copy).places
        self.assertEqual((place.kind, place.copy_line), ("added", len(LINES) + 1))

    def test_a_change_on_every_line_and_another_stay_short_runs(self) -> None:
        edited = [line + "\u0640" for line in LINES]
        copy = copy_of(edited[:30] + ["\u0633\u0637\u0631"] + edited[30:])
        places = check.explain(TEXT, copy).places
        self.assertGreaterEqual(len(places), len(LINES))
        for place in places:
            if place.kind == "characters":
                self.assertNotIn("\n", place[2] + place[3], place)

    def test_a_place_is_still_four_values(self) -> None:
        copy = TEXT.replace("\xa0", " ", 1)
        (place,) = check.explain(TEXT, copy + "x").places[:1]
        line, column, expected, found = place
        self.assertEqual((expected, found, place.kind), ("\xa0", " ", "characters"))
        self.assertEqual(place, (line, column, "\xa0", " "))

    def test_the_readmes_report_is_the_reports(self) -> None:
        copy = edited()
        with open(os.path.join(REPO, "README.md"), encoding="utf-8") as stream:
            readme = stream.read()
        shown = re.search(
            r"^```\n(edited\.txt: .*?)^```$", readme, re.MULTILINE | re.DOTALL
        )[1]
        self.assertEqual(check.compare(TEXT, copy, "edited.txt") + "\n", shown)

    def test_json_lists_the_places_with_their_kind(self) -> None:
        copy = copy_of(LINES[:2] + LINES[10:12] + LINES[2:10] + LINES[12:])
        result = subprocess.run(
            [sys.executable, "check.py", "--json", "-"],
            cwd=REPO,
            input=copy.encode("utf-8"),
            capture_output=True,
            check=False,
            timeout=HANG,
        )
        data = json.loads(result.stdout)
        self.assertEqual(data["places"], len(data["place_list"]))
        self.assertEqual([place["kind"] for place in data["place_list"]], ["moved"])


if __name__ == "__main__":
    unittest.main()
