"""A map read off the copy: characters each removed or written as another, everywhere.

Copies are made here with str.replace and str.translate, not with the
diagnosis's table; the property test draws maps at random and counts those
named (``recall``, which tests/benchmark.py --thorough prints by size).
"""

import collections
import json
import random
import re
import textwrap
import unicodedata
import unittest

import check
from ar_news_diagnosis.maps import places_read
from ar_news_diagnosis.table import remade
from tests.support import ORIGINAL, known

TEXT = ORIGINAL.decode("utf-8")
SHADDA = "\u0651"


def named_keys(copy: str) -> "list[tuple[str, ...]]":
    difference = check.explain(TEXT, copy)
    return [each.keys for each in difference.explanations if each.extent == "whole"]


class MapsReadOffTheCopy(unittest.TestCase):
    def test_a_normalizer_that_removes_only_the_shadda(self) -> None:
        copy = TEXT.replace(SHADDA, "")
        self.assertEqual(
            check.compare(TEXT, copy).splitlines()[2:],
            ["  known change: U+0651 ARABIC SHADDA removed"],
        )
        (explanation,) = check.explain(TEXT, copy).explanations
        self.assertEqual(explanation.keys, ("characters-mapped",))
        # Asked for back, as the explanation says it: the same bytes.
        self.assertEqual(check.variant(*explanation.asked), copy.encode("utf-8"))
        check.assert_made(explanation.asked, copy)
        check.assert_made("characters-mapped(table={'\\u0651': ''})", copy)

    def test_letters_written_as_others_and_a_mark_removed(self) -> None:
        copy = TEXT.replace("\u0629", "\u062a").replace("\u0638", "\u0637")
        copy = copy.replace(SHADDA, "")
        # U+0638 is in the text once: too few to read a map off.
        self.assertEqual(named_keys(copy), [])
        copy = TEXT.replace("\u0629", "\u062a").replace(SHADDA, "")
        self.assertEqual(
            check.compare(TEXT, copy).splitlines()[2:],
            [
                (
                    "  known change: U+0629 ARABIC LETTER TEH MARBUTA written as"
                    " U+062A ARABIC LETTER TEH; U+0651 ARABIC SHADDA removed"
                )
            ],
        )

    def test_letters_written_as_latin_strings(self) -> None:
        # As a transliteration writes some letters: each as two characters.
        copy = TEXT.replace("\u0634", "sh").replace("\u062e", "kh")
        self.assertEqual(
            check.compare(TEXT, copy).splitlines()[2:],
            [
                (
                    "  known change: U+062E ARABIC LETTER KHAH written as U+006B"
                    " LATIN SMALL LETTER K + U+0068 LATIN SMALL LETTER H; U+0634"
                    " ARABIC LETTER SHEEN written as U+0073 LATIN SMALL LETTER S +"
                    " U+0068 LATIN SMALL LETTER H"
                )
            ],
        )
        (explanation,) = check.explain(TEXT, copy).explanations
        self.assertEqual(check.variant(*explanation.asked), copy.encode("utf-8"))
        check.assert_made(
            "characters-mapped(table={'\u0634': 'sh', '\u062e': 'kh'})", copy
        )

    def test_within_a_chain_an_escape_or_a_saving_after_it(self) -> None:
        # Once named nothing: a map is read off the copy with what is
        # written over the whole of it undone.
        for copy, after in (
            (
                TEXT.replace(SHADDA, "").encode("utf-16"),
                "saved as UTF-16 LE with a byte-order mark",
            ),
            (json.dumps(TEXT.replace("\u0634", "sh")), "written as a JSON string"),
        ):
            with self.subTest(after=after):
                report = check.compare(TEXT, copy)
                self.assertTrue(
                    any(line.endswith(f" and {after}") for line in known(report)),
                    report,
                )
                (explanation,) = check.explain(TEXT, copy).explanations
                self.assertEqual(explanation.keys[0], "characters-mapped")
                made = copy if isinstance(copy, bytes) else copy.encode("utf-8")
                self.assertEqual(check.variant(*explanation.asked), made)

    def test_with_a_change_made_after_it_or_before_it(self) -> None:
        # A map made first, then a change the search finds from what it
        # makes: each made here with the standard library.
        made = TEXT.replace(SHADDA, "").replace("\u0629", "\u062a")
        lines = made.split("\n")
        copies = {
            "crlf": made.replace("\n", "\r\n").encode("utf-8"),
            "rstrip": "\n".join(line.rstrip() for line in lines).encode("utf-8"),
            "wrapped": "\n".join(textwrap.fill(line, 60) for line in lines).encode(),
            "cp1256-replaced": made.encode("cp1256", "replace"),
        }
        for key, copy in copies.items():
            with self.subTest(key=key):
                (explanation,) = check.explain(TEXT, copy).explanations
                self.assertEqual(explanation.keys, ("characters-mapped", key))
                self.assertEqual(check.variant(*explanation.asked), copy)
        # The harakat removed first: rows of a known change need no evidence
        # of their own (U+0650 ARABIC KASRA is in the text once).
        self.assertEqual(TEXT.count("\u0650"), 1)
        copy = re.sub("[\u064b-\u0652]", "", TEXT).replace("\u0629", "\u062a")
        self.assertEqual(
            check.compare(TEXT, copy).splitlines()[2:],
            [
                (
                    "  known change: harakat (diacritics, U+064B to U+0652) removed"
                    " and U+0629 ARABIC LETTER TEH MARBUTA written as U+062A ARABIC"
                    " LETTER TEH"
                )
            ],
        )

    def test_a_hand_edit_with_a_change_after_it_is_no_map(self) -> None:
        edited = TEXT.replace("\u0643\u064a\u0645", "\u0643\u064a\u0646", 1)
        mapped_and_edited = edited.replace(SHADDA, "")
        for copy in (
            edited.replace("\n", "\r\n"),
            mapped_and_edited.replace("\n", "\r\n"),
            "\n".join(line.rstrip() for line in mapped_and_edited.split("\n")),
        ):
            with self.subTest(copy=copy[-20:]):
                self.assertEqual(named_keys(copy), [])

    def test_a_hand_edit_within_a_chain_is_no_map(self) -> None:
        edited = TEXT.replace("\u0643\u064a\u0645", "\u0643\u064a\u0646", 1)
        for copy in (edited.encode("utf-16"), json.dumps(edited)):
            with self.subTest(copy=copy[:8]):
                self.assertNotIn("characters-mapped", str(named_keys(copy)))

    def test_named_by_the_known_changes_it_makes(self) -> None:
        # A Persian keyboard's letters, and the shadda removed.
        copy = TEXT.translate(
            str.maketrans(
                {"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9", SHADDA: ""}
            )
        )
        (explanation,) = check.explain(TEXT, copy).explanations
        self.assertEqual(explanation.keys, ("persian-letters", "characters-mapped"))
        self.assertTrue(
            check.compare(TEXT, copy)
            .splitlines()[2]
            .endswith("kaf as keheh U+06A9 and U+0651 ARABIC SHADDA removed")
        )
        self.assertEqual(check.variant(*explanation.asked), copy.encode("utf-8"))

    def test_a_hand_edit_of_a_utf16_copy_is_answered(self) -> None:
        # A letter's UTF-8 written over two bytes of UTF-16: what the map read
        # off the copy, UTF-16 undone, writes is half a surrogate pair.
        copy = b"\xfe\xff" + TEXT.encode("utf-16-be")
        for at in (194, 1940, 5000):
            with self.subTest(at=at):
                edited = copy[:at] + "\u0643".encode() + copy[at + 2 :]
                self.assertEqual(check.explain(TEXT, edited).explanations, [])

    def test_hand_edits_are_no_map(self) -> None:
        line = TEXT.split("\n")[4]
        sentences = line.split("\u060c ")
        copies = {
            "a letter respelled": TEXT.replace(
                "\u0643\u064a\u0645", "\u0643\u064a\u0646", 1
            ),
            "a name respelled": TEXT.replace(
                "\u0628\u064a\u0633\u0643\u0648\u0641",
                "\u0628\u064a\u0634\u0643\u0648\u0641",
            ),
            "a word deleted": TEXT.replace("\u0631\u0648\u0633\u064a\u0627 ", "", 1),
            "two sentences exchanged": TEXT.replace(
                line, "\u060c ".join([sentences[1], sentences[0], *sentences[2:]])
            ),
            "a word written in Latin letters": TEXT.replace(
                "\u0631\u0648\u0633\u064a\u0627", "Rusia", 1
            ),
            "a letter written as two, once": TEXT.replace("\u0634", "sh", 1),
            "a character the text has once": TEXT.replace("\u061b", ";"),
            "a character the text has twice": TEXT.replace("\u0640", ""),
        }
        for name, copy in copies.items():
            with self.subTest(name=name):
                self.assertNotIn(("characters-mapped",), named_keys(copy))

    def test_a_character_kept_in_one_place_is_no_map(self) -> None:
        at = TEXT.rindex(SHADDA)
        copy = TEXT[:at].replace(SHADDA, "") + TEXT[at:]
        difference = check.explain(TEXT, copy)
        self.assertNotIn(
            ("characters-mapped",), [each.keys for each in difference.explanations]
        )
        self.assertIn("in 3 of 25 places", str(difference))  # harakat, in part


def draw_map(chance: random.Random) -> "dict[str, str]":
    """Some characters the text has three times or more, each removed or
    written as one to three letters or marks the text does not hold (Arabic
    ones, or Latin ones as a transliteration writes); or, one time in
    three, a whole table: 10 to 40 of its letters and marks, rare or not,
    each written as one to three Latin letters, or removed."""
    counts = collections.Counter(TEXT)
    if chance.randrange(3) == 0:
        letters = sorted(
            char for char in counts if unicodedata.category(char)[0] in "LM"
        )
        chosen = chance.sample(letters, chance.randint(10, 40))
        latin = "abcdefghijklmnopqrstuvwxyz"
        return {
            char: "".join(chance.choices(latin, k=chance.choice([0, 1, 1, 1, 2, 3])))
            for char in chosen
        }
    common = sorted(
        char for char, count in counts.items() if count >= 3 and char != "\n"
    )
    chosen = chance.sample(common, chance.randint(1, 6))
    others = [chr(code) for code in range(0x0621, 0x0656) if chr(code) not in TEXT]
    others += [char for char in "abcdefghijklmnopqrstuvwxyz" if char not in TEXT]
    return {
        char: "".join(chance.choices(others, k=chance.choice([0, 1, 1, 2, 3])))
        for char in chosen
    }


def recall(
    seed: int, draws: int
) -> "tuple[collections.Counter, collections.Counter, list]":
    """Draw ``draws`` maps with ``seed``, two in three with a change after
    (saved as UTF-16, written as a JSON string, line feeds as CRLF, each
    line stripped at its end): how many of each size were drawn and named,
    and any name that did not make the copy."""
    chance = random.Random(seed)
    drawn, named, false = collections.Counter(), collections.Counter(), []
    after = [
        lambda text: text.encode("utf-8"),
        lambda text: text.encode("utf-8"),
        lambda text: text.encode("utf-16"),
        lambda text: json.dumps(text).encode("utf-8"),
        lambda text: text.replace("\n", "\r\n").encode("utf-8"),
        lambda text: "\n".join(line.rstrip() for line in text.split("\n")).encode(),
    ]
    for _ in range(draws):
        table = draw_map(chance)
        copy = chance.choice(after)(TEXT.translate(str.maketrans(table)))
        difference = check.explain(TEXT, copy)
        drawn[len(table)] += 1
        for explanation in difference.explanations:
            whole = explanation.extent == "whole"
            if whole and remade(TEXT, explanation.steps) != copy:
                false.append((table, explanation.keys))
        if any(each.extent == "whole" for each in difference.explanations):
            named[len(table)] += 1
    return drawn, named, false


class PlacesRead(unittest.TestCase):
    def test_a_long_place_is_read_as_deep_as_its_characters_not_read(self) -> None:
        # A place past the places compared one by one may be thousands of
        # characters long: reading it goes one level a character not read.
        old, new = "\u0627" * 5000 + "\u0651", "a" * 5000 + "sh"
        self.assertEqual(
            places_read([(old, new)], []), ({"\u0627": "a", "\u0651": "sh"}, [])
        )
        self.assertEqual(
            len(places_read([("\u0627\u0651", "ab")], [])[1]), 1
        )  # two ways


class RandomMaps(unittest.TestCase):
    SEEDS = (3,)
    DRAWS = 6

    def test_maps_drawn_are_named_truly(self) -> None:
        for seed in self.SEEDS:
            drawn, named, false = recall(seed, self.DRAWS)
            self.assertEqual(false, [])
            self.assertGreater(sum(named.values()), sum(drawn.values()) // 2)


if __name__ == "__main__":
    unittest.main()
