"""The line of kinds where no known change explains a copy: every kind it finds in the places
not accounted for, each word true.

Random pairs are drawn from pieces of every kind, the copy with a few pieces
put in, taken out or replaced, bytes that are not UTF-8 among them; each
word of the line is checked against the places that differ, with the kinds
worked out here from unicodedata.
"""

import random
import unicodedata
import unittest

import check

# A piece of each kind, and the word a report uses for it.
PIECES = {
    "\u0628": "Arabic letters and marks",
    "\u0650": "Arabic letters and marks",
    "a": "Latin letters and marks",
    "\u0416": "other letters and marks",
    "5": "digits",
    "\u0663": "digits",
    "\u060c": "punctuation",
    ".": "punctuation",
    "$": "symbols",
    " ": "spaces",
    "\xa0": "spaces",
    "\n": "line breaks",
    "\r": "line breaks",
    "\u2028": "line breaks",
    "\t": "other controls",
    "\x07": "other controls",
    "\u200f": "format characters",
    "\ufeff": "format characters",
    "\ue000": "private-use characters",
    "\u0378": "unassigned code points",
}
NOT_UTF8 = b"\xff"


def word(char: str) -> str:
    """The word for ``char``, from the pieces above, or, read from bytes, a byte that is not UTF-8."""
    if unicodedata.category(char) == "Cs":
        return "bytes that are not UTF-8"
    return PIECES[char]


def drawn(chance: random.Random) -> "tuple[str, bytes]":
    """An expected text, and a copy of it with a few pieces changed."""
    pieces = list(PIECES)
    text = [chance.choice(pieces) for _ in range(chance.randint(5, 30))]
    copy = [piece.encode("utf-8", "surrogatepass") for piece in text]
    for _ in range(chance.randint(1, 4)):
        at = chance.randrange(len(copy) + 1)
        new = chance.choice([*pieces, NOT_UTF8]) if chance.random() < 0.8 else ""
        new = new if isinstance(new, bytes) else new.encode("utf-8")
        copy[at : at + chance.randint(0, 1)] = [new]
    return "".join(text), b"".join(copy)


def told(line: str) -> "dict[str, set[str]]":
    """The words of a line of kinds, by who has them: both, the original alone, the copy alone."""
    said = {
        "both have": set(),
        "only the original has": set(),
        "only the copy has": set(),
    }
    for part in line.split("where they differ, ", 1)[1].split("; "):
        who = next(each for each in said if part.startswith(each))
        said[who] = set(part[len(who) + 1 :].split(", "))
    return said


class LineOfKinds(unittest.TestCase):
    SEED, DRAWS = 7, 50  # the suite's; benchmark.py --thorough draws more

    def test_each_word_is_true_of_the_places(self) -> None:
        chance = random.Random(self.SEED)
        lines = 0
        for draw in range(self.DRAWS):
            text, copy = drawn(chance)
            difference = check.explain(text, copy)
            if (
                difference is None
                or difference.explanations
                or difference.at in ("ends", "empty")
            ):
                continue
            # The line speaks of the places not accounted for, where some are.
            places = (
                difference.unaccounted if difference.accounting else difference.places
            )
            held = {word(char) for _, _, old, _ in places for char in old}
            holds = {word(char) for _, _, _, new in places for char in new}
            line = [
                each
                for each in str(difference).splitlines()
                if "where they differ" in each
            ]
            with self.subTest(draw=draw, text=text, copy=copy):
                if held == holds:
                    self.assertEqual(line, [])
                    continue
                lines += 1
                self.assertEqual(
                    told(line[0]),
                    {
                        "both have": held & holds,
                        "only the original has": held - holds,
                        "only the copy has": holds - held,
                    },
                )
        self.assertGreater(lines, self.DRAWS // 3)

    def test_the_kinds_are_those_of_the_places_not_accounted_for(self) -> None:
        text = "\u0633\u0644\u0627\u0645 \u0639\u0644\u064a\u0643\u0645 " * 20
        copy = text.replace(" ", "\n\n", 7).replace("\u0633", "\u0634", 1)
        difference = check.explain(text, copy)
        # A space as a line break and an empty line, seven times; a letter.
        self.assertEqual(
            [(keys, count) for keys, _, count in difference.accounting],
            [(("spaces-as-line-breaks", "empty-lines-added"), 7)],
        )
        self.assertEqual(difference.unaccounted, [(1, 1, "\u0633", "\u0634")])
        self.assertNotIn("where they differ", str(difference))


if __name__ == "__main__":
    unittest.main()
