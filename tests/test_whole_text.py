"""check.py names the display order of the whole text and accent stripping.

Accent stripping is made here with unicodedata, as scikit-learn's
strip_accents_unicode (NFKD, then every combining mark removed) and gensim's
deaccent (NFD, every mark of category Mn removed, then NFC) do it.  Bidi
libraries' outputs of the whole of ar_news.txt at once are kept as they
wrote them in tests/data:

- pybidi042_baseR.txt: python-bidi 0.4.2 on CPython 3.11.7,
  ``bidi.algorithm.get_display(text, base_dir="R")``; pybidi042_default.txt
  the same, ``get_display(text)`` (python-bidi 0.6.12's ``bidi.algorithm``
  writes it alike);
- pybidi0612rust_default.txt and pybidi0612rust_baseR.txt: python-bidi
  0.6.12 (the Rust unicode-bidi crate 0.3.18), ``bidi.get_display(text)``
  and ``bidi.get_display(text, base_dir="R")``;
- pyicu217_icu72_R.txt: PyICU 2.17 with ICU 72.1, ``icu.Bidi()`` with
  ``setPara(text, 1)`` then ``writeReordered(icu.Bidi.DO_MIRRORING)``.
"""

import hashlib
import unicodedata
import unittest

import check
from tests.support import ORIGINAL, known, library_output

TEXT = ORIGINAL.decode("utf-8")
DISPLAYED = {  # each library's output, its digest, and what check.py must name
    "pybidi042_baseR.txt": (
        "bd6239d5b78444036f755b1c89b193fc85c5dc9cab84845ff0cd4e1a5a83043e",
        "written in visual order, each line displayed right to left (base direction R)",
    ),
    "pybidi042_default.txt": (
        "d8e100c20fbd2334b25c3b76eb7a89b03cfd9fa60d416e38cca9211f6402a41b",
        (
            "written in visual order, the whole text one paragraph of its first"
            " strong character's direction, each line reordered apart"
            " (python-bidi's get_display)"
        ),
    ),
    "pybidi0612rust_default.txt": (
        "c54acc37f6c9daf27b404d4cb486d659fe8cc71209c78dcdb134a971432846b2",
        (
            "written in visual order, each line break kept with its line (before a"
            " right-to-left one), as unicode-bidi and ICU do"
        ),
    ),
    "pybidi0612rust_baseR.txt": (
        "67ed6d25234e31255138ed7f90eb00bf707388a40cb1cea79aa3f43d40c68f69",
        (
            "written in visual order right to left, each line break kept with its"
            " line (before a right-to-left one), as unicode-bidi and ICU do"
        ),
    ),
    "pyicu217_icu72_R.txt": (
        "bfede1f87d7b0ac4ab83f2a2508794705cbde2cd3fd3c48520d5af8bae507890",
        (
            "written in visual order right to left, the whole text one paragraph"
            " (the last line first), as ICU does"
        ),
    ),
}
HARAKAT = "harakat (diacritics, U+064B to U+0652) removed"
TAKEN_OFF = (
    "hamza and madda taken off their seats (as accent stripping does):"
    " U+0622, U+0623, U+0625 as alef, U+0624 as waw, U+0626 as yeh"
)


class WholeTextDisplayed(unittest.TestCase):
    def test_each_library_is_named(self) -> None:
        for name, (digest, named) in DISPLAYED.items():
            copy = library_output(name)
            with self.subTest(name=name):
                self.assertEqual(hashlib.sha256(copy).hexdigest(), digest)
                report = check.compare(TEXT, copy)
                self.assertEqual(known(report), [f"  known change: {named}"])

    def test_the_line_breaks_move_with_right_to_left_lines(self) -> None:
        copy = library_output("pybidi0612rust_default.txt").decode("utf-8")
        lines = TEXT.split("\n")
        self.assertEqual(copy.count("\n"), TEXT.count("\n"))
        self.assertTrue(copy.startswith(lines[0][:2]))  # the flag: left to right
        # The break after the first right-to-left line comes before it.
        self.assertNotEqual(lines[2], "")
        self.assertEqual(copy.split("\n")[2], "")

    def test_icu_writes_the_last_line_first(self) -> None:
        icu = library_output("pyicu217_icu72_R.txt").decode("utf-8").split("\n")
        each_line = library_output("pybidi042_baseR.txt").decode("utf-8").split("\n")
        self.assertEqual(icu, each_line[::-1])

    def test_a_line_moved_by_hand_names_nothing(self) -> None:
        for name in ("pybidi042_baseR.txt", "pyicu217_icu72_R.txt"):
            lines = library_output(name).decode("utf-8").split("\n")
            copy = "\n".join(lines[2:4] + lines[:2] + lines[4:])
            with self.subTest(name=name):
                self.assertEqual(known(check.compare(TEXT, copy)), [])


class AccentsStripped(unittest.TestCase):
    def test_as_scikit_learn_and_gensim_strip_them(self) -> None:
        nfkd = unicodedata.normalize("NFKD", TEXT)
        stripped = "".join(char for char in nfkd if not unicodedata.combining(char))
        nfd = unicodedata.normalize("NFD", TEXT)
        deaccented = unicodedata.normalize(
            "NFC", "".join(char for char in nfd if unicodedata.category(char) != "Mn")
        )
        for copy, named in (
            (
                stripped,
                (
                    "no-break spaces turned into plain spaces and"
                    f" {HARAKAT} and {TAKEN_OFF}"
                ),
            ),
            (deaccented, f"{HARAKAT} and {TAKEN_OFF}"),
        ):
            with self.subTest(named=named[:30]):
                self.assertIn(
                    f"  known change: {named}", known(check.compare(TEXT, copy))
                )

    def test_the_seats_alone(self) -> None:
        seats = str.maketrans(
            "\u0622\u0623\u0625\u0624\u0626", "\u0627\u0627\u0627\u0648\u064a"
        )
        self.assertEqual(
            known(check.compare(TEXT, TEXT.translate(seats))),
            [f"  known change: {TAKEN_OFF}"],
        )


if __name__ == "__main__":
    unittest.main()
