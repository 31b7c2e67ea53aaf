"""check.py names a change only where the named changes, made again, give the copy byte for byte.

The copies are made here on the tests' own terms, or kept from a real tool:
tests/data/strip_harakat.txt is ``pyarabic.araby.strip_harakat(text)`` of the
article (read with ``newline=""``), pyarabic 0.6.15, which keeps the shadda.
"""

import base64
import hashlib
import itertools
import json
import math
import quopri
import random
import re
import textwrap
import unicodedata
import unittest
import urllib.parse

import check
from ar_news_diagnosis.report import named
from ar_news_diagnosis.table import remade
from tests.support import ORIGINAL, known, library_output
from tests.test_damage import read_as_windows_1252

TEXT = ORIGINAL.decode("utf-8")
STRIP_HARAKAT_SHA256 = (
    "eaa2a8c4131f90809e53a743e8f19d01cd009297960d3a18b319e63720e085ad"
)
HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
HARAKAT_REMOVED = "harakat (diacritics, U+064B to U+0652) removed"
ALEF_UNIFIED = "alef forms U+0623, U+0625, U+0622 unified to alef U+0627"


class FalseNamesAreGone(unittest.TestCase):
    """Copies that a decoder accepted, though the named change does not make them."""

    def assertUnexplained(self, expected: "bytes | str", copy: "bytes | str") -> None:
        report = check.compare(expected, copy)
        self.assertEqual(known(report), [], report)
        self.assertIn("no known change explains it", report)

    def test_no_search_normalization_for_what_its_parts_made(self) -> None:
        """Harakat removed and teh marbuta as heh in a few places are no Lucene normalization.

        With NFD and keheh besides, they are four changes, more than a cover
        of places holds: nothing is named, rather than Lucene's
        normalization in a third of its places.
        """
        lines = [line for line in TEXT.split("\n") if line]

        def damaged(text: str) -> str:
            text = re.sub(f"[{HARAKAT}]", "", text.replace("\u0643", "\u06a9"))
            return unicodedata.normalize("NFD", text).replace("\u0629", "\u0647", 3)

        text = "\n".join(lines[:3])
        self.assertRegex(text, f"[{HARAKAT}]")
        self.assertEqual(known(check.compare(text, damaged(text))), [])
        text = "\n".join(lines[10:13])  # no harakat: three changes
        self.assertNotRegex(text, f"[{HARAKAT}]")
        self.assertEqual(
            known(check.compare(text, damaged(text))),
            [
                (
                    "  known change, in part: normalized to NFD and teh marbuta U+0629"
                    " written as heh U+0647 (in 3 of 12 places) and kaf U+0643"
                    " written as keheh U+06A9"
                )
            ],
        )

    def test_changes_named_in_an_order_that_makes_the_copy(self) -> None:
        lines = [line for line in TEXT.split("\n") if line]
        text = "\n".join(lines[6:9])
        # Persian letters, then alef maqsura as yeh: that yeh stays a yeh.
        copy = text.replace("\u0643", "\u06a9").replace("\u064a", "\u06cc")
        copy = copy.replace("\u0649", "\u064a").replace("\u0623", "\u0627", 2)
        self.assertEqual(
            known(check.compare(text, copy)),
            [
                (
                    "  known change, in part: alef forms U+0623, U+0625, U+0622 unified"
                    " to alef U+0627 (in 2 of 14 places) and Persian letters: yeh and"
                    " alef maqsura as Farsi yeh U+06CC, kaf as keheh U+06A9, except"
                    " U+0649 ARABIC LETTER ALEF MAKSURA and alef maqsura U+0649 written"
                    " as yeh U+064A"
                )
            ],
        )
        # Alef forms unified before NFD, which then has fewer to decompose.
        unified = re.sub("[\u0622\u0623\u0625]", "\u0627", text)
        copy = unicodedata.normalize("NFD", unified).replace("\u064a", "\u06cc")
        self.assertEqual(
            known(check.compare(text, copy)),
            [
                (
                    "  known change: alef forms U+0623, U+0625, U+0622 unified to alef"
                    " U+0627 and normalized to NFD and yeh U+064A written as Farsi yeh"
                    " U+06CC"
                )
            ],
        )

    def test_the_article_in_single_quotes_is_no_repr(self) -> None:
        """repr() would escape every line feed and no-break space: the quotes
        alone are an escape of parts that escapes nothing, as PHP's
        var_export and SQLite's quote() write a text with no quote or
        backslash, named in one line."""
        copy = b"'" + ORIGINAL + b"'"
        self.assertNotIn(b"\\", ORIGINAL)
        self.assertNotIn(b"'", ORIGINAL)
        difference = check.explain(ORIGINAL, copy)
        for explanation in difference.explanations:
            self.assertEqual(explanation.keys, ("escaped",))
            notation, escaped, around, lines, _ = explanation.forms[0]
            self.assertEqual(
                (notation, escaped, around, lines),
                ("none", "nothing", ("'", "'"), "kept"),
            )
            self.assertEqual(remade(TEXT, explanation.steps), copy)
        self.assertEqual(
            known(str(difference)),
            [
                (
                    "  known change: written with line feeds kept, in single quotes,"
                    " as PHP's var_export or SQLite's quote() writes it"
                )
            ],
        )

    def test_a_raw_line_feed_is_no_unicode_escape(self) -> None:
        """unicode_escape writes a line feed as \\n; a raw one is what
        backslashreplace, and raw_unicode_escape, write."""
        text, copy = "\u0627\n\u0628", b"\\u0627\n\\u0628"
        self.assertEqual(copy, text.encode("ascii", "backslashreplace"))
        self.assertEqual(copy, text.encode("raw_unicode_escape"))
        named = [each.keys for each in check.explain(text, copy).explanations]
        self.assertNotIn(("unicode-escape",), named)
        self.assertIn(("ascii-backslashed",), named)
        self.assertIn(("raw-unicode-escape",), named)

    def test_an_escape_json_never_writes_is_no_json(self) -> None:
        """json.loads reads \\/ (as PHP writes a slash); json.dumps never
        writes it: an escape of parts with a slash backslashed does."""
        text, copy = "a/b \u0627", '"a\\/b \\u0627"'
        difference = check.explain(text, copy)
        for explanation in difference.explanations:  # \u0627 in six notations
            self.assertEqual(explanation.keys, ("escaped",))
            self.assertIn(("/", "\\/"), explanation.forms[0][4])
            self.assertEqual(remade(text, explanation.steps), copy.encode())
        self.assertEqual(len(known(str(difference))), 1)

    def test_a_near_miss_normalizer_is_named_by_what_it_did(self) -> None:
        """Harakat removed, two of the three alef forms unified: nothing of Lucene's yeh, teh or tatweel."""
        copy = re.sub(f"[{HARAKAT}]", "", TEXT)
        copy = copy.replace("\u0623", "\u0627").replace("\u0625", "\u0627")
        self.assertEqual(
            known(check.compare(TEXT, copy)),
            [
                (
                    f"  known change: {HARAKAT_REMOVED} and {ALEF_UNIFIED},"
                    " except U+0622 ARABIC LETTER ALEF WITH MADDA ABOVE"
                )
            ],
        )

    def test_pyarabics_strip_harakat_keeps_the_shadda(self) -> None:
        copy = library_output("strip_harakat.txt")
        self.assertEqual(hashlib.sha256(copy).hexdigest(), STRIP_HARAKAT_SHA256)
        self.assertIn("\u0651", TEXT)
        self.assertEqual(
            known(check.compare(ORIGINAL, copy)),
            [f"  known change: {HARAKAT_REMOVED}, except U+0651 ARABIC SHADDA"],
        )

    def test_a_partial_change_names_the_smallest_change(self) -> None:
        """Three no-break spaces of ten: NFKD, which would change 100 more places, is not named."""
        copy = TEXT.replace("\xa0", " ", 3)
        report = check.compare(TEXT, copy)
        self.assertEqual(
            known(report),
            [
                "  known change, in 3 of 10 places: no-break spaces turned into plain spaces",
                "  known change, in 3 of 10 places: normalized to NFKC",
            ],
        )

    def test_a_partial_change_beside_a_whole_one(self) -> None:
        copy = re.sub(f"[{HARAKAT}]", "", TEXT).replace("\u0629", "\u0647", 5)
        self.assertEqual(
            known(check.compare(TEXT, copy)),
            [
                (
                    f"  known change, in part: {HARAKAT_REMOVED} and teh marbuta U+0629"
                    f" written as heh U+0647 (in 5 of {TEXT.count(chr(0x629))} places)"
                )
            ],
        )

    def test_the_empty_text_with_a_newline_added(self) -> None:
        self.assertEqual(
            known(check.compare(b"", b"\n")),
            ["  known change: a newline added at the end"],
        )


class FormsAreNamed(unittest.TestCase):
    """A change that tools write in several forms is named in each, and a newline after an escape too."""

    def assertNamed(self, expected: str, copy: "bytes | str", name: str) -> None:
        report = check.compare(expected, copy)
        self.assertEqual(known(report), [f"  known change: {name}"], report)

    def test_json_printed_with_a_newline(self) -> None:
        for ensure_ascii in (True, False):
            with self.subTest(ensure_ascii=ensure_ascii):
                self.assertNamed(
                    TEXT,
                    json.dumps(TEXT, ensure_ascii=ensure_ascii) + "\n",
                    "written as a JSON string and a newline added at the end",
                )

    def test_base64_with_and_without_line_breaks(self) -> None:
        encoded = base64.b64encode(ORIGINAL).decode("ascii")
        pem = "".join(
            encoded[start : start + 64] + "\n" for start in range(0, len(encoded), 64)
        )
        for form, copy in {
            "one line": encoded,
            "MIME": base64.encodebytes(ORIGINAL),
            "PEM": pem,
        }.items():
            with self.subTest(form=form):
                self.assertNamed(TEXT, copy, "encoded as Base64")

    def test_quoted_printable_as_quopri_and_the_email_package_wrap_it(self) -> None:
        """quopri writes a line of one dot as =2E; the email package leaves it."""
        import email.quoprimime

        text = "\u0627\n.\n\u0628"
        written = {
            "quopri": quopri.encodestring(text.encode("utf-8")).decode("ascii"),
            "email": email.quoprimime.body_encode(
                text.encode("utf-8").decode("latin-1")
            ),
        }
        self.assertNotEqual(written["quopri"], written["email"])
        for form, copy in written.items():
            with self.subTest(form=form):
                self.assertNamed(text, copy, "encoded as quoted-printable")

    def test_references_in_every_notation(self) -> None:
        for notation in ("&#x%x;", "&#X%X;"):
            with self.subTest(notation=notation):
                copy = "".join(c if c.isascii() else notation % ord(c) for c in TEXT)
                self.assertNamed(
                    TEXT,
                    copy,
                    "written with HTML or XML character references or entities",
                )
        # Decimal, as xmlcharrefreplace writes them in a codec that holds
        # none of the text's characters outside ASCII: named too.
        copy = "".join(c if c.isascii() else f"&#{ord(c)};" for c in TEXT).encode()
        self.assertEqual(copy, TEXT.encode("ascii", "xmlcharrefreplace"))
        named = [each.keys for each in check.explain(TEXT, copy).explanations]
        self.assertIn(("html-references",), named)
        self.assertIn(("ascii-xmlcharrefs",), named)

    def test_percent_encoding_as_urls_and_scripts_write_it(self) -> None:
        copies = {
            "quote": urllib.parse.quote(TEXT),
            "encodeURIComponent": urllib.parse.quote(TEXT, safe="-_.!~*'()"),
            "lowercase": re.sub(
                "%[0-9A-F]{2}", lambda m: m[0].lower(), urllib.parse.quote(TEXT)
            ),
        }
        for form, copy in copies.items():
            with self.subTest(form=form):
                self.assertNamed(TEXT, copy, "percent-encoded, as in URLs")

    def test_marks_inserted_anywhere(self) -> None:
        copy = TEXT.replace(" ", " \u200f").replace(".", "\u200e.\u061c")
        self.assertNamed(TEXT, copy, "right-to-left or left-to-right marks inserted")


class ForwardFunctions(unittest.TestCase):
    """The table's own shaping and display order make what the real libraries wrote."""

    def test_they_remake_the_library_outputs(self) -> None:
        chains = {
            "reshaped.txt": ("harakat-removed", "shaped"),
            "reshaped_keeping_harakat.txt": ("shaped",),
            "display_order.txt": ("visual-order",),
            "reshaped_in_display_order.txt": (
                "harakat-removed",
                "shaped",
                "visual-order",
            ),
            "fribidi.txt": ("shaped-fribidi", "visual-order-marks-after"),
        }
        for name, keys in chains.items():
            with self.subTest(name=name):
                chain = tuple((check.CHANGES_BY_KEY[key], ()) for key in keys)
                self.assertEqual(remade(TEXT, chain), library_output(name))

    def test_fribidi_shaping_differs_from_the_reshapers(self) -> None:
        """FriBidi leaves hamza unshaped and keeps a lam-alef's lam as U+FEFF."""
        shaped = check.CHANGES_BY_KEY["shaped"].make(TEXT)
        fribidi = check.CHANGES_BY_KEY["shaped-fribidi"].make(TEXT)
        self.assertIn("\u0621", fribidi)
        self.assertNotIn("\u0621", shaped)
        self.assertNotIn("\ufeff", shaped)
        self.assertEqual(
            fribidi.count("\ufeff"), len(re.findall("[\ufef5-\ufefc]", fribidi))
        )


# The property test: random chains of changes made here, each name checked.


def arabic_indic(text: str) -> str:
    return "".join(chr(0x0660 + int(c)) if c in "0123456789" else c for c in text)


TEXT_DAMAGE = {
    "newline": lambda text: text + "\n",
    "crlf": lambda text: text.replace("\n", "\r\n"),
    "nbsp": lambda text: text.replace("\xa0", " "),
    "nfd": lambda text: unicodedata.normalize("NFD", text),
    "nfkc": lambda text: unicodedata.normalize("NFKC", text),
    "nfkd": lambda text: unicodedata.normalize("NFKD", text),
    "latin1": lambda text: text.encode("utf-8").decode("latin-1"),
    "tatweel": lambda text: text.replace("\u0640", ""),
    "harakat": lambda text: re.sub(f"[{HARAKAT}]", "", text),
    "alef": lambda text: re.sub("[\u0622\u0623\u0625]", "\u0627", text),
    "teh": lambda text: text.replace("\u0629", "\u0647"),
    "maqsura": lambda text: text.replace("\u0649", "\u064a"),
    "digits": arabic_indic,
    "quotes": lambda text: re.sub("[\u201c\u201d]", '"', text),
    "comma": lambda text: text.replace("\u060c", ","),
    "farsi-yeh": lambda text: text.replace("\u064a", "\u06cc"),
    "keheh": lambda text: text.replace("\u0643", "\u06a9"),
    "flag": lambda text: re.sub("[\U00010000-\U0010ffff]", "", text),
    "collapse": lambda text: " ".join(text.split()),
    "no nbsp": lambda text: text.replace("\xa0", ""),
    "seats": lambda text: (
        re.sub("[\u0622\u0623\u0625]", "\u0627", text)
        .replace("\u0624", "\u0648")
        .replace("\u0626", "\u064a")
    ),
    "empty lines": lambda text: "\n".join(filter(str.strip, text.split("\n"))),
}
# Made last: each gives bytes.
LAST_DAMAGE = {
    "utf-16-le": lambda text: text.encode("utf-16-le"),
    "bom": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "cp1256": lambda text: text.encode("cp1256", "replace"),
    "json": lambda text: json.dumps(text).encode("ascii"),
    "repr": lambda text: repr(text).encode("utf-8"),
    "references": lambda text: "".join(
        c if c.isascii() else f"&#{ord(c)};" for c in text
    ).encode("ascii"),
    "percent": lambda text: urllib.parse.quote(text).encode("ascii"),
    "base64": lambda text: base64.encodebytes(text.encode("utf-8")),
    "rlm": lambda text: "\n".join("\u200f" + line for line in text.split("\n")).encode(
        "utf-8"
    ),
    "reversed": lambda text: "\n".join(line[::-1] for line in text.split("\n")).encode(
        "utf-8"
    ),
    "wrapped": lambda text: "\n".join(
        textwrap.fill(line, 50) for line in text.split("\n")
    ).encode("utf-8"),
    "indented": lambda text: "\n".join(
        "  " + line if line else line for line in text.split("\n")
    ).encode("utf-8"),
}
# Made three times running: each gives a text.
THRICE = {
    "latin1": TEXT_DAMAGE["latin1"],
    "json": json.dumps,
    "percent": urllib.parse.quote,
}
# In some places only: each character of the first kind may become the second.
PARTIAL_DAMAGE = {
    "line breaks as spaces": ("\n", " "),
    "crlf": ("\n", "\r\n"),
    "nbsp": ("\xa0", " "),
    "harakat": (HARAKAT, ""),
    "alef": ("\u0622\u0623\u0625", "\u0627"),
    "teh": ("\u0629", "\u0647"),
    "tatweel": ("\u0640", ""),
}


def partly(text: str, old: str, new: str, chance: random.Random) -> str:
    return "".join(new if c in old and chance.random() < 0.5 else c for c in text)


def made_partly(text: str, copy: str, cover: list) -> bool:
    """Tell whether ``cover`` makes ``copy`` of ``text``, its changes made in the order given.

    The changes made everywhere before the first made in part are made to
    the whole text; from there each character may or may not be changed by
    each change made in part, and is changed by each made everywhere.  Where
    a change made everywhere after one made in part is not of single
    characters (whitespace collapsed), the one made in part is tried at
    each set of as many characters as it made, and the rest made to the
    whole text.
    """
    first = next(
        (
            index
            for index, (_, made, everywhere) in enumerate(cover)
            if made < everywhere
        ),
        len(cover),
    )
    for (change, form), _, _ in cover[:first]:
        text = change.make(text, *form)
    if any(not change.table for (change, _), _, _ in cover[first:]):
        return made_at_some(text, copy, cover[first:])
    position = 0
    for char in text:
        outputs = {char}
        for (change, form), made, everywhere in cover[first:]:
            changed = {change.make(each, *form) for each in outputs}
            outputs = changed if made == everywhere else outputs | changed
        found = [each for each in outputs if copy.startswith(each, position)]
        if not found:
            return False
        position += len(max(found, key=len))
    return position == len(copy)


MOST_SETS = 100_000  # sets of characters ``made_at_some`` tries


def made_at_some(text: str, copy: str, cover: list) -> bool:
    """Tell whether ``cover``, its first change made in part and no other,
    makes ``copy`` of ``text``: that change made at some set of as many
    characters as it made, each other change to the whole text after it."""
    ((change, form), made, _), rest = cover[0], cover[1:]
    if any(count < everywhere for _, count, everywhere in rest):
        return False  # not worked out here: more than one made in part
    changing = [at for at, char in enumerate(text) if change.make(char, *form) != char]
    if math.comb(len(changing), made) > MOST_SETS:
        return False  # not worked out here: too many sets to try
    for chosen in itertools.combinations(changing, made):
        chosen = set(chosen)
        made_text = "".join(
            change.make(char, *form) if at in chosen else char
            for at, char in enumerate(text)
        )
        for (other, other_form), _, _ in rest:
            made_text = other.make(made_text, *other_form)
        if made_text == copy:
            return True
    return False


class RandomChainsAreNamedTruly(unittest.TestCase):
    """Random chains of one to five changes, some partial (line breaks among
    them, beside empty lines), some cut short, some made three times running,
    on several texts.

    Besides: random bytes, and a run of one character as long as the size
    limit, given as copies of each text.  The suite draws with these seeds
    and rounds; ``python3 tests/benchmark.py --thorough`` draws many more.
    """

    SEEDS = (11,)
    ROUNDS = 6
    HOSTILE_SEEDS = (12,)

    def texts(self, chance: random.Random, whole_article: bool) -> "list[str]":
        lines = [line for line in TEXT.split("\n") if line]
        return [TEXT] * whole_article + [
            chance.choice(lines),
            "\n".join(chance.sample(lines, 3)),
            "\u0643\u064e\u062a\u064e\u0628\u064e \u0627\u0644\u0648\u064e\u0644\u064e\u062f\u064f",
            "Hello, world.\nSecond line\xa0",
            "".join(chance.choice("ab \n\u0627") for _ in range(chance.randint(1, 60))),
            "",
        ]

    def damaged(self, text: str, chance: random.Random) -> "tuple[str, bytes]":
        kind = chance.choice(["whole", "whole", "partial", "cut short", "three times"])
        names = chance.sample(sorted(TEXT_DAMAGE), chance.randint(0, 4))
        for name in names:
            text = TEXT_DAMAGE[name](text)
        if kind == "three times":
            damage = THRICE[chance.choice(sorted(THRICE))]
            return kind, damage(damage(damage(text))).encode("utf-8")
        if kind == "partial":
            old, new = PARTIAL_DAMAGE[chance.choice(sorted(PARTIAL_DAMAGE))]
            return kind, partly(text, old, new, chance).encode("utf-8")
        last = (
            chance.choice(sorted(LAST_DAMAGE))
            if not names or chance.random() < 0.5
            else None
        )
        data = LAST_DAMAGE[last](text) if last else text.encode("utf-8")
        if kind == "cut short" and len(data) > 2:
            return kind, data[: chance.randint(1, len(data) - 1)]
        return kind, data

    def test_every_name_remakes_the_copy(self) -> None:
        for seed in self.SEEDS:
            chance = random.Random(seed)
            named = 0
            for round_ in range(self.ROUNDS):
                for text in self.texts(chance, whole_article=round_ % 3 == 0):
                    kind, copy = self.damaged(text, chance)
                    expected = text.encode("utf-8")
                    if copy == expected:
                        continue
                    with self.subTest(
                        seed=seed,
                        round=round_,
                        text=text[:20],
                        kind=kind,
                        copy=copy[:40],
                    ):
                        named += len(self.checked(text, copy).explanations)
            self.assertGreater(named, 3 * self.ROUNDS)

    def test_hostile_copies_name_nothing_falsely(self) -> None:
        for seed in self.HOSTILE_SEEDS:
            chance = random.Random(seed)
            for text in self.texts(chance, whole_article=True):
                limit = check.size_limit(text)
                copies = {
                    "random bytes": bytes(chance.getrandbits(8) for _ in range(limit)),
                    "one character": "\u0627".encode("utf-8") * (limit // 2),
                    "one byte": b"a" * limit,
                }
                for name, copy in copies.items():
                    with self.subTest(seed=seed, text=text[:20], copy=name):
                        difference = self.checked(text, copy)
                        self.assertIsNone(difference.too_long, difference)

    def checked(self, text: str, copy: bytes) -> "check.Difference":
        """Check each explanation the report on ``copy`` gives; return the difference.

        A whole one, made again, is the copy; a cut-short one's output starts
        with it; a partial one makes every place, in the order named.
        """
        difference = check.explain(text, copy)
        found = copy.decode("utf-8", "surrogateescape")
        for explanation in difference.explanations:
            made = remade(text, explanation.steps)
            if explanation.extent == "whole":
                self.assertEqual(made, copy, named(explanation.steps))
            elif explanation.extent == "cut short":
                self.assertTrue(made.startswith(copy), named(explanation.steps))
            else:
                cover = [
                    (step, *counts)
                    for step, counts in zip(explanation.steps, explanation.places)
                ]
                self.assertTrue(made_partly(text, found, cover), difference)
        return difference


class EveryLineTrue(unittest.TestCase):
    """What a report says of a change made in part, or made more than once, is what was made."""

    def test_a_place_within_a_line_is_no_empty_line(self) -> None:
        report = check.compare("a,b\nx  \ny z", "a,b\nx y z")
        self.assertNotIn("empty lines removed", report)
        self.assertNotIn("in 0 of 0 places", report)

    def test_no_change_named_in_part_that_cannot_make_a_place(self) -> None:
        text, copy = "\xa0c\nالغرب.\xa0\n\n\xa0وأشار", "c\nالغرب. وأشار"
        for line in known(check.compare(text, copy)):
            with self.subTest(line=line):
                self.assertFalse(
                    "no-break spaces turned into plain spaces" in line
                    and "empty lines removed" in line,
                    line,
                )
        collapsed = " ".join(
            text.split()
        )  # the true change, made in two of three places
        self.assertEqual(collapsed, "c الغرب. وأشار")

    def test_a_change_made_three_times_says_so(self) -> None:
        text, copy = "سلام", "سلام".encode()
        for _ in range(3):
            copy = copy.decode("cp1252").encode("utf-8")
        self.assertEqual(
            known(check.compare(text, copy)),
            [
                (
                    "  known change: UTF-8 read as Windows-1252 and saved as UTF-8"
                    " (mojibake), three times"
                )
            ],
        )

    def test_alternatives_alike_but_for_a_code_page_share_a_line(self) -> None:
        text = "سلام عليكم"
        copy = text.encode("iso-8859-6").decode("latin-1").encode("utf-8")[:2]
        difference = check.explain(text, copy)
        legacy = [
            each
            for each in difference.explanations
            if each.keys[0].startswith(("cp1256-", "iso-8859-6-"))
        ]
        self.assertEqual(len(legacy), 2 * 4 * 2)  # pages, losses, readings
        for explanation in difference.explanations:
            self.assertTrue(remade(text, explanation.steps).startswith(copy))
        # MacArabic writes the seen as ISO-8859-6 does: a line of its own.
        [line] = [line for line in known(str(difference)) if "Windows-1256" in line]
        self.assertIn("saved as Windows-1256 or ISO-8859-6 (", line)
        self.assertIn("read as Latin-1 or Windows-1252 and saved as UTF-8", line)
        self.assertEqual(line.count(" or "), 1 + 3 + 1)

    def test_past_eight_alternatives_the_rest_are_counted(self) -> None:
        keys = ["crlf", "cr", "nfd", "nfkd", "rstrip", "tatweel-removed"]
        keys += ["keheh", "farsi-yeh", "arabic-comma", "quotes-straightened"]
        difference = check.explain(TEXT, TEXT + "\n")
        difference.explanations = [
            check.Explanation(((check.CHANGES_BY_KEY[key], ()),)) for key in keys
        ]
        lines = str(difference).splitlines()
        self.assertEqual(len(known("\n".join(lines))), 8)
        self.assertEqual(lines[-1], "  and 2 more, as explain() and --json list them")


class WithinReach(unittest.TestCase):
    """Chains within the search's reach that it once left unnamed, made here on the tests' own terms."""

    def assertNamed(self, copy: bytes, keys: "tuple[str, ...]") -> None:
        difference = check.explain(TEXT, copy)
        self.assertIn(keys, [each.keys for each in difference.explanations], difference)

    def test_a_local_change_then_utf8_read_as_windows_1252(self) -> None:
        local = {
            "harakat-removed": re.sub(f"[{HARAKAT}]", "", TEXT),
            "tatweel-removed": TEXT.replace("\u0640", ""),
            "alef-unified": re.sub("[\u0622\u0623\u0625]", "\u0627", TEXT),
            "quotes-straightened": re.sub("[\u201c\u201d]", '"', TEXT),
            "arabic-comma": TEXT.replace("\u060c", ","),
            "keheh": TEXT.replace("\u0643", "\u06a9"),
        }
        for key, text in local.items():
            with self.subTest(key=key):
                copy = read_as_windows_1252(text.encode("utf-8"))
                self.assertNamed(copy, (key, "utf8-read-as-cp1252"))

    def test_an_escape_made_twice(self) -> None:
        self.assertNamed(json.dumps(json.dumps(TEXT)).encode("ascii"), ("json", "json"))
        twice = urllib.parse.quote(urllib.parse.quote(TEXT))
        self.assertNamed(twice.encode("ascii"), ("percent", "percent"))

    def test_an_escape_of_what_cannot_be_undone(self) -> None:
        read = TEXT.encode("iso-8859-6", "ignore").decode("utf-8", "replace")
        copy = base64.encodebytes(read.encode("utf-8"))
        self.assertNamed(copy, ("iso-8859-6-dropped-read-as-utf8", "base64"))
