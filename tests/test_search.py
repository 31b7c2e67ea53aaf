"""check.py's search: any number of letter changes at once, with the others, on any text.

Each copy is made here on the tests' own terms, not with check.py's table, or
kept from a real library: tests/data/reshaped_without_tatweel.txt is
``arabic_reshaper.reshape(text.replace("\\u0640", ""))`` of the article (read
with ``newline=""``), arabic-reshaper 3.1.0.
"""

import collections
import email.charset
import email.header
import hashlib
import json
import re
import unicodedata
import unittest

import check
from ar_news_diagnosis.bidi import display_line
from ar_news_diagnosis.limits import (
    SAVED_MOST,
    SAVED_MOST_ASTRAL,
    limit_before,
    most_of,
)
from ar_news_diagnosis.places import Work, places_that_differ
from ar_news_diagnosis.search import (
    LONG_LAYERS,
    MOST_WRITTEN_OF_ONE,
    TURNING,
    bounded,
    counts_bounded,
    keeps_what_stays,
    undone_layers,
)
from ar_news_diagnosis.table import CHANGES_BY_KEY
from tests.support import ORIGINAL, known, library_output

TEXT = ORIGINAL.decode("utf-8")
HARAKAT = "\u064b-\u0652"
RESHAPED_WITHOUT_TATWEEL_SHA256 = (
    "34132103d60cd9c768ec7596d72191381e3b505f311eb6423cf6facdc14ab1cf"
)


def five_letter_changes(text: str) -> str:
    """Tatweel and harakat removed, teh marbuta as heh, Arabic comma and semicolon as Latin ones."""
    text = re.sub(f"[\u0640{HARAKAT}]", "", text).replace("\u0629", "\u0647")
    return text.replace("\u060c", ",").replace("\u061b", ";")


def persian_pipeline(text: str) -> str:
    """What a Persian normalizer writes: harakat and tatweel removed, Persian letters and digits, straight quotes."""
    text = re.sub(f"[\u0640{HARAKAT}]", "", text)
    text = text.translate(str.maketrans("\u064a\u0649\u0643", "\u06cc\u06cc\u06a9"))
    text = text.translate(
        str.maketrans(
            "0123456789", "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"
        )
    )
    return re.sub("[\u201c\u201d]", '"', text)


FIVE = (
    "tatweel (kashida, U+0640) removed and harakat (diacritics, U+064B to U+0652) removed"
    " and teh marbuta U+0629 written as heh U+0647 and Arabic comma U+060C turned into a"
    " Latin comma and Arabic semicolon U+061B turned into a Latin semicolon"
)


class ManyLetterChanges(unittest.TestCase):
    def test_five_at_once_on_the_article(self) -> None:
        self.assertEqual(
            known(check.compare(TEXT, five_letter_changes(TEXT))),
            [f"  known change: {FIVE}"],
        )

    def test_six_at_once_on_one_line(self) -> None:
        line = TEXT.split("\n")[34]
        copy = re.sub(f"[{HARAKAT}]", "", line).replace("\u0629", "\u0647")
        copy = copy.replace("\u060c", ",").replace("\u0649", "\u064a")
        copy = re.sub("[\u201c\u201d]", '"', copy)
        copy = "".join(chr(0x0660 + int(c)) if c.isdigit() else c for c in copy)
        self.assertEqual(
            known(check.compare(line, copy)),
            [
                (
                    "  known change: harakat (diacritics, U+064B to U+0652) removed and teh"
                    " marbuta U+0629 written as heh U+0647 and alef maqsura U+0649 written as"
                    " yeh U+064A and Western digits turned into Arabic-Indic digits and curly"
                    " quotes straightened and Arabic comma U+060C turned into a Latin comma"
                )
            ],
        )

    def test_five_with_a_normalization_and_a_saving(self) -> None:
        """NFKD is NFD with the no-break spaces as plain spaces: one change, not two."""
        copy = five_letter_changes(unicodedata.normalize("NFD", TEXT))
        copy = copy.replace("\xa0", " ")
        self.assertEqual(
            known(check.compare(TEXT, copy.encode("utf-16-le"))),
            [f"  known change: normalized to NFKD and {FIVE} and saved as UTF-16 LE"],
        )

    def test_a_persian_pipeline_part_by_part(self) -> None:
        self.assertEqual(
            known(check.compare(TEXT, persian_pipeline(TEXT))),
            [
                (
                    "  known change: tatweel (kashida, U+0640) removed and harakat (diacritics,"
                    " U+064B to U+0652) removed and curly quotes straightened and Persian letters:"
                    " yeh and alef maqsura as Farsi yeh U+06CC, kaf as keheh U+06A9 and Western"
                    " digits turned into Extended Arabic-Indic (Persian) digits"
                )
            ],
        )

    def test_changes_whose_order_matters(self) -> None:
        """Yeh as Farsi yeh, then alef maqsura as yeh: the other order makes other bytes."""
        copy = TEXT.replace("\u064a", "\u06cc").replace("\u0649", "\u064a")
        self.assertEqual(
            known(check.compare(TEXT, copy)),
            [
                (
                    "  known change: yeh U+064A written as Farsi yeh U+06CC and alef maqsura"
                    " U+0649 written as yeh U+064A"
                )
            ],
        )

    def test_letter_changes_under_shaping(self) -> None:
        """arabic-reshaper 3.1.0, ``reshape(text.replace("\\u0640", ""))``: it drops the harakat too."""
        shaped = library_output("reshaped_without_tatweel.txt")
        self.assertEqual(
            hashlib.sha256(shaped).hexdigest(), RESHAPED_WITHOUT_TATWEEL_SHA256
        )
        self.assertEqual(
            known(check.compare(TEXT, shaped)),
            [
                (
                    "  known change: tatweel (kashida, U+0640) removed and harakat (diacritics,"
                    " U+064B to U+0652) removed and shaped into Arabic presentation forms"
                )
            ],
        )


class DisplayOrder(unittest.TestCase):
    def test_made_forward_where_reordering_again_is_no_inverse(self) -> None:
        """UAX #9 shows ' 1$(X' (X an Arabic letter) as 'X)1$ ', which it shows as 'X) 1$'."""
        line = " 1$(\u0627"
        shown = "\u0627)1$ "  # as python-bidi shows it (0.6.12, get_display, by hand)
        self.assertEqual(display_line(line), shown)
        self.assertNotEqual(display_line(shown), line)
        self.assertIn(
            "  known change: written in visual order, each line as the bidi algorithm displays it",
            known(check.compare(line, shown)),
        )


class EditsNameNothing(unittest.TestCase):
    """Hand edits that letter changes could almost explain."""

    def test_hand_edits(self) -> None:
        paragraphs = TEXT.split("\n\n")
        words = TEXT.split(" ")
        edits = {
            "one letter changed": TEXT.replace(
                "\u0643\u064a\u0645", "\u0643\u0631\u0645", 1
            ),
            "a digit changed": TEXT.replace("30", "31"),
            "words swapped": " ".join(words[:5] + [words[6], words[5]] + words[7:]),
            "a sentence deleted": TEXT.replace(paragraphs[5] + "\n\n", ""),
            "paragraphs exchanged": "\n\n".join(
                paragraphs[:2] + [paragraphs[3], paragraphs[2]] + paragraphs[4:]
            ),
            "one tatweel of two removed by hand, and a letter": TEXT.replace(
                "\u0640", "", 1
            ).replace("\u0631\u0648\u0633\u064a\u0627", "\u0631\u0648\u0633\u0627", 1),
        }
        for name, copy in edits.items():
            with self.subTest(edit=name):
                self.assertNotEqual(copy, TEXT)
                report = check.compare(TEXT, copy)
                self.assertEqual(known(report), [], report)
                self.assertIn("no known change explains it", report)


class BoundedWork(unittest.TestCase):
    """What one compare works at is bounded by design: comparing, changes made
    in part, display orders of a long copy."""

    def test_past_its_work_each_run_is_one_place(self) -> None:
        copy = TEXT.replace("\u0643\u064a\u0645", "\u0643\u064a\u0646")
        copy = copy.replace("\xa0", " ")
        fine = places_that_differ(TEXT, copy)
        coarse = places_that_differ(TEXT, copy, Work(0))
        lines = {TEXT.count("\n", 0, offset) for offset, _, _ in fine}
        self.assertEqual(len(coarse), len(lines))
        self.assertGreater(len(fine), len(coarse))
        for (
            offset,
            old,
            new,
        ) in coarse:  # each run from the first place of its line to the last
            within = [
                place for place in fine if offset <= place[0] <= offset + len(old)
            ]
            self.assertEqual(within[0][0], offset)
            self.assertEqual(within[-1][0] + len(within[-1][1]), offset + len(old))

    def test_changes_made_in_part_at_two_thousand_places_at_most(self) -> None:
        for words, named in ((3000, True), (4100, False)):
            text = "\u0643\u0644\u0645\u0629\xa0\n" * words
            copy = text.replace("\xa0", " ", words // 2)
            with self.subTest(places=words // 2):
                report = check.compare(text, copy)
                said = (
                    f"known change, in {words // 2} of {words} places: no-break spaces"
                )
                self.assertEqual(said in report, named, report[:300])

    def test_a_long_copy_in_a_display_order_is_named(self) -> None:
        text = "\n".join([TEXT] * 6)  # over 20,000 characters
        copy = "\n".join(display_line(line) for line in text.split("\n"))
        self.assertIn(
            ("visual-order",),
            [each.keys for each in check.explain(text, copy).explanations],
        )


class WhatStays(unittest.TestCase):
    """A saving that holds a letter no change of single characters replaces
    writes it: a copy without it is not looked for as that saving's."""

    def test_a_copy_of_question_marks_is_none_of_a_code_page_with_arabic(self) -> None:
        question_marks = TEXT.encode("latin-1", "replace").decode("latin-1")
        self.assertFalse(
            keeps_what_stays(TEXT, question_marks, CHANGES_BY_KEY["cp1256-replaced"])
        )
        self.assertTrue(
            keeps_what_stays(TEXT, question_marks, CHANGES_BY_KEY["latin-1-replaced"])
        )

    def test_a_copy_cut_short_keeps_what_its_start_holds(self) -> None:
        saving = CHANGES_BY_KEY["cp1256-replaced"]
        saved = TEXT.encode("cp1256", "replace").decode("cp1256")
        for length in (1, 8, 100, 1000, len(saved)):
            with self.subTest(length=length):
                self.assertTrue(keeps_what_stays(TEXT, saved[:length], saving))
        # THEH, which no change of single characters replaces, in the start
        # and written as TEH throughout the copy: none of the saving's.
        start = TEXT[: 1000 // MOST_WRITTEN_OF_ONE]
        self.assertIn("\u062b", start)
        edited = saved[:1000].replace("\u062b", "\u062a")
        self.assertFalse(keeps_what_stays(TEXT, edited, saving))


class ShapedDisplayOrders(unittest.TestCase):
    def test_the_changes_a_display_order_is_chosen_with_commute_with_shaping(
        self,
    ) -> None:
        # shown_of makes them after a shaping, and names them before it.
        text = TEXT + "\n\u00a0;"  # each of them changes something
        for change in TURNING:
            for shaping in ("shaped", "shaped-fribidi", "shaped-no-ligatures"):
                shaped = CHANGES_BY_KEY[shaping].make
                with self.subTest(change=change.key, shaping=shaping):
                    self.assertNotEqual(change.make(text), text)
                    self.assertEqual(
                        shaped(change.make(text)), change.make(shaped(text))
                    )


class TheSizeLimit(unittest.TestCase):
    def test_a_hex_dump_of_a_text_searched_in_full_is_within_it(self) -> None:
        # explain() works the limit out only for a copy larger than what
        # hexdump -C writes of the text, which the limit holds.
        for text in (TEXT, TEXT[:10], "a", "abc\n" * 50, "\U0001f600" * 20):
            with self.subTest(text=text[:10]):
                dumped = check.variant("hexdump-c", text=text)
                self.assertLessEqual(len(dumped), check.size_limit(text))

    def test_names_and_a_mail_headers_words_are_within_it(self) -> None:
        # Characters with the longest names, letters, and a header of one
        # line (encoded words hold no line break), each with a newline after.
        long_names = "\u0753\u2965\u2969\ufbea\u06d6"
        texts = (
            long_names * 40,
            "\u0627\u064b\u0640 \U0001f1e8\u2019=?_" * 60,
            " ".join(TEXT.split()),
            "a",
        )
        for text in texts:
            copies = {
                f"{codec} namereplace": text.encode(codec, "namereplace")
                for codec in ("ascii", "latin-1", "cp864", "cp1256")
            }
            for kind in (email.charset.QP, email.charset.BASE64):
                charset = email.charset.Charset("utf-8")
                charset.header_encoding = kind
                for name in ("", "Subject", "X-" + "a" * 60):
                    header = email.header.Header(text, charset, header_name=name)
                    copies[f"words {kind} {name}"] = header.encode().encode("ascii")
            limit = check.size_limit(text)
            for form, copy in copies.items():
                with self.subTest(text=text[:10], form=form):
                    self.assertLessEqual(len(copy) + 1, limit)

    def test_a_copy_past_the_dump_and_the_limit_is_too_long(self) -> None:
        text = TEXT.split("\n")[4]
        limit = check.size_limit(text)
        difference = check.explain(text, b"x" * (limit + 1))
        self.assertEqual(difference.too_long, limit)


class HowManyOfEachIsBounded(unittest.TestCase):
    """A display order keeps how many of each character a text holds: a text
    that holds more of one than the changes make is undone as none."""

    def made_before_a_saving(self) -> "dict[str, str]":
        """The article as tools leave it before a saving: each wrong reading
        of its UTF-8, once and twice, decomposed, and with letters unified."""
        made = {"as it is": TEXT, "NFKD": unicodedata.normalize("NFKD", TEXT)}
        for first in ("latin-1", "cp1252", "cp1256"):
            once = TEXT.encode("utf-8").decode(first, "replace")
            made[first] = once
            for second in ("cp1252", "cp1256"):
                made[first, second] = once.encode("utf-8").decode(second, "replace")
        alefs = str.maketrans(dict.fromkeys(map(ord, "\u0622\u0623\u0625"), "\u0627"))
        made["alefs unified"] = TEXT.translate(alefs)
        return made

    def test_what_tools_make_holds_no_more_of_each_than_the_bound(self) -> None:
        for name, made in self.made_before_a_saving().items():
            counts = collections.Counter(made)
            for char in sorted(filter(bounded, counts)):
                with self.subTest(made=name, char=char):
                    self.assertLessEqual(counts[char], most_of(TEXT, "saving", char))
            # Reordered, as a display order does, it is told so.
            shown = "\n".join(display_line(line) for line in made.split("\n"))
            with self.subTest(made=name):
                self.assertTrue(counts_bounded(shown, TEXT))

    def test_a_few_letters_repeated_are_more_than_the_article_makes(self) -> None:
        # Bytes 0xAA as hex digits (aa...), read in CP1256: heh doachashmee;
        # Base85 of underscores read so: shadda, semicolon, CR, meem.
        for copy in ("\u06be" * 30_000, "\u0651\u061b\r\u0645" * 9_600):
            with self.subTest(copy=copy[:4]):
                self.assertTrue(counts_bounded(copy[:40], TEXT))
                self.assertFalse(counts_bounded(copy, TEXT))


class WhatIsUndoneToIsBounded(unittest.TestCase):
    """A text an escape is undone to is no longer than the changes make
    before the escapes, unless it is an escape's output, read again."""

    def test_the_bounds_hold_what_tools_write_before_an_escape(self) -> None:
        for text in (TEXT, TEXT[:40], "\U0001f1f8\u0627" * 30, "a\nb"):
            before_escapes = limit_before(text, "escape")
            saved = [
                text.encode("ascii", errors).decode("ascii")
                for errors in ("backslashreplace", "xmlcharrefreplace")
            ] + [text.encode("utf-16-le").decode("latin-1")]
            with self.subTest(text=text[:10]):
                self.assertLessEqual(len(text), limit_before(text, "saving"))
                self.assertLessEqual(max(map(len, saved)), before_escapes)
                self.assertLessEqual(before_escapes, check.size_limit(text))

    def test_a_reading_too_long_to_be_escaped_is_only_read_again(self) -> None:
        text = 'a "quoted" \\ word\n' * 20
        once = json.dumps(text)
        copy = json.dumps(once)

        def levels(limit: int) -> "list[dict]":
            return list(
                undone_layers(
                    copy,
                    lambda _: False,
                    lambda _: [],
                    made_before=lambda each, _: len(each) <= limit,
                )
            )

        for limit in (len(once), len(text)):
            with self.subTest(limit=limit):
                found = levels(limit)
                self.assertIs(once in found[1], limit == len(once))
                self.assertIn(["json", "json"], keys(found[2][text]))
                # Nothing taken as it is is longer than the limit, but the copy.
                longest = max(map(len, [*found[1], *found[2], *found[3]]))
                self.assertLessEqual(longest, limit)


def keys(chains: list) -> "list[list[str]]":
    """The keys of each chain's changes, in the order undone."""
    return [[change.key for change, _ in chain] for chain in chains]


class ALongExpectedText(unittest.TestCase):
    """Past a third longer than the article, one change of the whole text is
    tried, not two; past 30,000 characters, or 128 distinct ones, changes of
    single characters and a saving; and a report says so."""

    LONG = "\n".join([TEXT] * 7)  # 27,292 characters
    LONGER = "\n".join([TEXT] * 8)  # 31,191 characters

    @staticmethod
    def two_changes(text: str) -> str:
        """Normalized to NFD, then whitespace collapsed: two changes of the whole text."""
        return " ".join(unicodedata.normalize("NFD", text).split())

    def test_the_article_gets_two(self) -> None:
        self.assertIn(
            "  known change: normalized to NFD and whitespace collapsed to single spaces"
            " (' '.join(text.split()))",
            known(check.compare(TEXT, self.two_changes(TEXT))),
        )

    def test_a_long_text_gets_one_and_says_so(self) -> None:
        self.assertEqual(len(self.LONG), 27_292)
        report = check.compare(self.LONG, self.LONG.replace("\xa0", " "))
        self.assertIn("known change", report)
        self.assertNotIn("the expected text is long", report)
        report = check.compare(self.LONG, unicodedata.normalize("NFD", self.LONG))
        self.assertIn("known change: normalized to NFD", report)
        # Whitespace stripped at the ends of lines, then NFD: two changes.
        stripped = "\n".join(line.rstrip() for line in self.LONG.split("\n"))
        copy = unicodedata.normalize("NFD", stripped)
        report = check.compare(self.LONG, copy)
        self.assertEqual(known(report), [])
        said = (
            "the expected text is long (27,292 characters): the search tried 1 change"
            " of the whole text before those of single characters, not 2, and read a"
            " map off the copy as it is only"
        )
        self.assertIn(f"  {said}", report)
        self.assertEqual(check.explain(self.LONG, copy).as_json()["bound"], said)
        # Written twice, more than 40,000 characters: no display order undone.
        report = check.compare(self.LONG, copy + "\n" + copy)
        self.assertIn(
            ", read a map off the copy as it is only, and undid no display order of"
            " a text of more than 40,000 characters",
            report,
        )

    def test_a_longer_text_gets_changes_of_single_characters_and_a_saving(self) -> None:
        self.assertEqual(len(self.LONGER), 31_191)
        report = check.compare(self.LONGER, self.LONGER.replace("\xa0", " "))
        self.assertIn("known change: no-break spaces turned into plain spaces", report)
        self.assertNotIn("the expected text is long", report)
        copy = ("\ufeff" + self.LONGER.replace("\n", "\r\n")).encode("utf-16-le")
        self.assertIn(
            "known change: LF turned into CRLF and saved as UTF-16 LE with a byte-order"
            " mark",
            check.compare(self.LONGER, copy),
        )
        report = check.compare(self.LONGER, unicodedata.normalize("NFD", self.LONGER))
        self.assertEqual(known(report), [])
        said = (
            "the expected text is long (31,191 characters): the search tried changes"
            " of single characters, a saving or a newline added at the end after"
            " them, only, and read a map off the copy as it is only"
        )
        self.assertIn(f"  {said}", report)

    def test_many_distinct_characters_get_changes_of_single_characters_and_a_saving(
        self,
    ) -> None:
        # 200 characters, each once, of the CJK block, and no-break spaces.
        text = "\xa0".join(chr(0x4E00 + 7 * number) for number in range(199))
        self.assertEqual(len(set(text)), 200)
        report = check.compare(text, text.replace("\xa0", " "))
        self.assertIn("known change: no-break spaces turned into plain spaces", report)
        report = check.compare(text, text.encode("utf-16"))
        self.assertIn("  known change: saved as UTF-16", report)
        report = check.compare(text, json.dumps(text))  # an escape: not tried
        self.assertEqual(known(report), [])
        self.assertIn(
            "  the expected text has 200 distinct characters, more than 128: the"
            " search tried changes of single characters, a saving or a newline added"
            " at the end after them, only, and read a map off the copy as it is only",
            report,
        )
        # What a saving writes of one character is within the size limit's room.
        for saving in LONG_LAYERS:
            for char in ("a", "\u0627", "\u4e00", "\U0001f1e8"):
                with self.subTest(saving=saving.key, char=char):
                    written = len(saving.make(char)) - len(saving.make(""))
                    most = SAVED_MOST_ASTRAL if char > "\uffff" else SAVED_MOST
                    self.assertLessEqual(written, most)
        # And a copy larger than changes of single characters make is too long.
        report = check.compare(text, text.encode("utf-32") * 3)
        self.assertIn("no known change makes that much", report)
