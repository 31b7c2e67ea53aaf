"""A copy cut short is named only with the changes it shows, and only at the place it ends.

Each copy is made here on the tests' own terms (str and bytes methods), and
the place it ends worked out here from how those make each character:
reordering (display) and shaping change a character by the ones after it,
so that only the line is said; a newline added, or whitespace stripped,
past the cut cannot be seen, so that the change is not named.
"""

import re
import unittest

import check
from ar_news_diagnosis.table import remade
from tests.support import ORIGINAL, known

TEXT = ORIGINAL.decode("utf-8")


def cut_short(explanations: list) -> list:
    return [each for each in explanations if each.extent == "cut short"]


def first_not_held(make, text: str, copy: bytes) -> int:
    """The index of the first character of ``text`` whose output ``copy`` does
    not hold: the characters before it are the longest start of the text whose
    output is a start of the whole output and within the copy."""
    whole = make(text)
    return max(
        count
        for count in range(len(text) + 1)
        if whole.startswith(make(text[:count])) and len(make(text[:count])) <= len(copy)
    )


class ThePlace(unittest.TestCase):
    def assertEndsAt(self, text: str, copy: bytes, line: int, column: "int | None"):
        difference = check.explain(text, copy)
        named = cut_short(difference.explanations)
        self.assertTrue(named, difference)
        for explanation in named:
            with self.subTest(keys=explanation.keys):
                self.assertEqual((explanation.line, explanation.column), (line, column))
        return named

    def test_a_line_displayed_right_to_left_is_said_by_its_line(self) -> None:
        text = "سلام عليكم\nمرحبا بكم في كوريا الشمالية"
        shown = "\n".join(line[::-1] for line in text.split("\n")).encode("utf-8")
        self.assertEqual(len(shown), 70)
        self.assertEndsAt(text, shown[:60], 2, None)  # all of line 1, part of line 2

    def test_a_newline_added_past_the_cut_is_not_named(self) -> None:
        text = "الله القوية"

        def make(part: str) -> bytes:
            return part.encode("cp1256").decode("utf-8", "replace").encode("utf-8")

        copy = make(text + "\n")[:25]
        index = first_not_held(make, text, copy)
        named = self.assertEndsAt(text, copy, 1, index + 1)
        self.assertNotIn("newline-added", {key for each in named for key in each.keys})

    def test_whitespace_stripped_past_the_cut_is_not_named(self) -> None:
        text = "المرجح\xa0v1.2 الله يوم\nالثامن \n"

        def make(part: str) -> bytes:
            data = part.encode("iso-8859-6")
            return data.decode("utf-8", "replace").encode("utf-8")

        stripped = "\n".join(line.rstrip() for line in text.split("\n"))
        copy = make(stripped)[:24]
        index = first_not_held(make, text, copy)
        self.assertEqual(index, 12)  # U+00A0 after HAH reads as one character
        named = self.assertEndsAt(text, copy, 1, index + 1)
        self.assertNotIn("rstrip", {key for each in named for key in each.keys})

    def test_a_character_inserted_at_each_line_start(self) -> None:
        text = "ab\ncd\nef"
        inserted = "\n".join("\u200b" + line for line in text.split("\n"))
        copy = inserted.encode("utf-8")[:-2]  # line 3's U+200B and no more
        self.assertEndsAt(text, copy, 3, 1)

    def test_a_letter_shaped_by_the_one_after_it_is_said_by_its_line(self) -> None:
        # Each letter in its form for its place: initial kaf, medial teh, final beh.
        word = "\ufedb\ufe98\ufe90"  # "كتب"
        text = "كتب كتب\nكتب كتب"
        shaped = f"{word} {word}\n{word} {word}".encode()
        copy = shaped[: len(shaped) - 3]  # the last word's teh, medial as beh follows
        self.assertEndsAt(text, copy, 2, None)

    def test_a_change_past_the_cut_of_every_start(self) -> None:
        """Mojibake cut short in the article: the column, where each character's
        output is its own."""

        def make(part: str) -> bytes:
            return part.encode("utf-8").decode("cp1256").encode("utf-8")

        for kept in (999, 3000, len(make(TEXT)) - 1):
            with self.subTest(kept=kept):
                copy = make(TEXT)[:kept]
                index = first_not_held(make, TEXT, copy)
                line = TEXT.count("\n", 0, index) + 1
                column = index - TEXT.rfind("\n", 0, index)
                self.assertEndsAt(TEXT, copy, line, column)


class NothingToSee(unittest.TestCase):
    def test_a_copy_of_one_byte_that_holds_no_character_names_nothing(self) -> None:
        report = check.compare(TEXT, "x")
        self.assertEqual(known(report), [], report)

    def test_a_copy_holding_no_character_whole_names_nothing(self) -> None:
        percent_start = (
            "%F0%9F%87%A8%F0%9F"  # the flag's first character and half its second
        )
        mojibake_start = (
            "\u00f0\u0178"  # two of its first four bytes read as Windows-1252
        )
        for copy in (percent_start[:9], mojibake_start):
            with self.subTest(copy=copy):
                report = check.compare(TEXT, copy)
                self.assertEqual(known(report), [], report)

    def test_a_copy_holding_characters_whole_is_named(self) -> None:
        percent_start = "%F0%9F%87%A8%F0%9F%87%BD%20%D8%A2%D8"
        difference = check.explain(TEXT, percent_start)
        self.assertIn(("percent",), [each.keys for each in difference.explanations])
        [explanation] = difference.explanations
        self.assertEqual((explanation.line, explanation.column), (1, 5))

    def test_what_a_copy_of_one_byte_is_named_holds_whole(self) -> None:
        """Where one byte is named, it holds the whole output of the characters before its place."""
        named = 0
        for byte in b"\x00 x\xa0\xd8\xeb\xf0\xff":
            for explanation in cut_short(
                check.explain(TEXT, bytes([byte])).explanations
            ):
                named += 1
                with self.subTest(byte=byte, keys=explanation.keys):
                    self.assertEqual(explanation.line, 1)
                    before = TEXT[: explanation.column - 1]
                    self.assertTrue(before)
                    self.assertTrue(
                        bytes([byte]).startswith(remade(before, explanation.steps))
                    )
        # Some are: 0xA0 is MacArabic's space, once the flag before it is removed.
        self.assertGreater(named, 0)

    def test_a_line_of_text_in_visual_order_is_named_by_its_first_line(self) -> None:
        line = TEXT.split("\n")[2]
        self.assertTrue(re.fullmatch("[\u0600-\u06ff ]+", line), line)
        copy = line[::-1].encode("utf-8")[:40]
        named = cut_short(check.explain(line, copy).explanations)
        self.assertTrue(named)
        self.assertEqual({(each.line, each.column) for each in named}, {(1, None)})
