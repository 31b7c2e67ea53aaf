"""Savings that cannot be undone, and code pages that cannot hold all, made of
the text with the changes found before them.

The copies are made here on the tests' own terms, with Python's codecs.
"""

import random
import re
import unittest

import check
from ar_news_diagnosis.table import remade
from tests.support import ORIGINAL
from tests.test_damage import read_as_windows_1252

TEXT = ORIGINAL.decode("utf-8")
ALEF_UNIFIED = str.maketrans(dict.fromkeys("\u0623\u0625\u0622", "\u0627"))


def low_bytes(text: str) -> bytes:
    """Each UTF-16 code unit cut to its low byte."""
    return text.encode("utf-16-le", "surrogatepass")[::2]


def seven_bits(text: str) -> bytes:
    return bytes(byte & 0x7F for byte in text.encode("utf-8"))


def cp1256_read_as_utf8(text: str) -> bytes:
    return text.encode("cp1256", "replace").decode("utf-8", "replace").encode()


def at_line_starts(char: str, text: str) -> str:
    return "\n".join(char + line for line in text.split("\n"))


class MadeBeforeTheSaving(unittest.TestCase):
    def assertNamed(self, keys: "tuple[str, ...]", copy: bytes) -> None:
        """Assert that ``keys`` are named for ``copy``, whole, and that each
        chain named makes it again."""
        named = check.explain(TEXT, copy).explanations
        whole = [each for each in named if each.extent == "whole"]
        self.assertIn(keys, [each.keys for each in whole], named)
        self.assertTrue(all(remade(TEXT, each.steps) == copy for each in whole))

    def test_line_feeds_as_cr_then_a_code_page_read_as_utf8(self) -> None:
        copy = cp1256_read_as_utf8(TEXT.replace("\n", "\r"))
        self.assertNamed(("cr", "cp1256-replaced-read-as-utf8"), copy)

    def test_zero_width_spaces_then_each_code_units_low_byte(self) -> None:
        copy = low_bytes(at_line_starts("\u200b", TEXT))
        self.assertNamed(("zero-width-inserted", "utf16-low-byte"), copy)

    def test_marks_anywhere_then_seven_bits(self) -> None:
        chance = random.Random(7)
        places = sorted(chance.sample(range(len(TEXT)), 40))
        marked = "".join(
            "\u200f" + TEXT[start:end]
            for start, end in zip([0] + places, places + [len(TEXT)])
        )
        self.assertNamed(("marks-inserted", "seven-bit"), seven_bits(marked))

    def test_zero_width_spaces_and_marks_then_seven_bits(self) -> None:
        # Each stage's characters in the text the stage found: a mark put
        # in before each zero-width space, at each line start.
        copy = seven_bits(at_line_starts("\u200f\u200b", TEXT))
        self.assertNamed(("zero-width-inserted", "marks-inserted", "seven-bit"), copy)

    def test_tatweel_removed_then_latin_1_with_a_question_mark_for_the_rest(
        self,
    ) -> None:
        copy = TEXT.replace("\u0640", "").encode("latin-1", "replace")
        self.assertNamed(("tatweel-removed", "latin-1-replaced"), copy)

    def test_zero_width_spaces_in_mojibake_that_has_its_own(self) -> None:
        # Windows-1256 reads bytes 0x9D and 0x9E of UTF-8 as U+200C and
        # U+200D: undoing the insertion would take those out too.
        mojibake = TEXT.encode("utf-8").decode("cp1256")
        self.assertIn("\u200c", mojibake)
        copy = at_line_starts("\u200b", mojibake).encode("utf-8")
        self.assertNamed(("utf8-read-as-cp1256", "zero-width-inserted"), copy)

    def test_harakat_removed_before_mojibake_then_latin_1_with_question_marks(
        self,
    ) -> None:
        # Once named nothing: the harakat were removed before the wrong
        # reading, whose mojibake Latin-1 cannot hold all of.
        mojibake = re.sub("[\u064b-\u0652]", "", TEXT).encode().decode("cp1256")
        copy = mojibake.encode("latin-1", "replace")
        self.assertIn(b"?", copy)
        self.assertNamed(
            ("harakat-removed", "utf8-read-as-cp1256", "latin-1-replaced"), copy
        )

    def test_tatweel_removed_before_mojibake_then_seven_bits(self) -> None:
        copy = seven_bits(TEXT.replace("\u0640", "").encode().decode("cp1256"))
        self.assertNamed(("tatweel-removed", "utf8-read-as-cp1256", "seven-bit"), copy)

    def test_three_changes_of_characters_and_marks_then_a_code_page_read_as_other(
        self,
    ) -> None:
        # Once named nothing: hamza taken off and Lucene's normalizer also
        # write a bare alef for the alef with madda, and were tried first.
        changed = TEXT.translate(ALEF_UNIFIED).replace("\u061b", ";")
        marked = at_line_starts("\u200f", changed.replace("\u0640", ""))
        copy = read_as_windows_1252(marked.encode("cp1256", "ignore"))
        self.assertNamed(
            (
                "tatweel-removed",
                "alef-unified",
                "arabic-semicolon",
                "marks-inserted",
                "cp1256-dropped-read-as-cp1252",
            ),
            copy,
        )

    def test_two_changes_in_one_run_of_letters_then_iso_8859_6_read_as_utf8(
        self,
    ) -> None:
        # Once named nothing: each letter of a run is one U+FFFD, and neither
        # change alone leaves as few as the copy has there.
        changed = TEXT.replace("\u0640", "").replace("\u064a", "\u06cc")
        changed = changed.replace("\u0643", "\u06a9")
        copy = changed.encode("iso-8859-6", "ignore").decode("utf-8", "replace")
        self.assertNamed(
            (
                "tatweel-removed",
                "farsi-yeh",
                "keheh",
                "iso-8859-6-dropped-read-as-utf8",
            ),
            copy.encode("utf-8"),
        )

    def test_a_letter_respelled_before_mojibake_then_latin_1_names_nothing(
        self,
    ) -> None:
        at = TEXT.index("\u0628")  # beh, which no change of single characters replaces
        edited = TEXT[:at] + "\u062a" + TEXT[at + 1 :]  # teh
        copy = edited.encode().decode("cp1256").encode("latin-1", "replace")
        named = check.explain(TEXT, copy).explanations
        self.assertEqual([each for each in named if each.extent == "whole"], [])

    def test_a_letter_respelled_by_hand_then_low_bytes_names_nothing(self) -> None:
        at = TEXT.index("\u0628")  # beh, which no change of single characters replaces
        edited = TEXT[:at] + "\u062a" + TEXT[at + 1 :]  # teh
        named = check.explain(TEXT, low_bytes(edited)).explanations
        self.assertEqual([each for each in named if each.extent == "whole"], [])

    def test_characters_the_copy_does_not_show_are_not_named_inserted(self) -> None:
        # Windows-1256 writes ? for U+200B, as for the flag: the ? at each
        # line start may stand for any character it cannot hold.
        copy = at_line_starts("\u200b", TEXT).encode("cp1256", "replace")
        named = check.explain(TEXT, copy).explanations
        self.assertNotIn(
            "zero-width-inserted", {key for each in named for key in each.keys}
        )

    def test_a_wrong_reading_and_the_saving_that_writes_its_bytes_back(self) -> None:
        # UTF-8 read as Latin-1, then each code unit's low byte, gives the
        # bytes back: with form feeds added they are no way to write U+200C.
        copy = TEXT.replace("\n", "\n\f").encode("utf-8")
        named = check.explain(TEXT, copy).explanations
        keys = {key for each in named for key in each.keys}
        self.assertFalse({"utf8-read-as-latin1", "utf16-low-byte"} <= keys, named)


if __name__ == "__main__":
    unittest.main()
