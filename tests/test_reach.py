"""The search names every chain within its reach, as the README states it.

Chains are drawn by the README's rules ("What the search tries"), made with
variant() on the article and on a paragraph of it, and each copy must be
named by a chain that, made again, gives it byte for byte.  This stands
beside the tests that make damage on their own terms.  The suite draws with
one seed; ``python3 tests/benchmark.py --thorough`` draws with more.
"""

import collections
import quopri
import random
import re
import unicodedata
import unittest

import check
from ar_news_diagnosis.escapes import yaml_unquoted
from ar_news_diagnosis.table import STAGES, remade
from tests.support import ORIGINAL

TEXT = ORIGINAL.decode("utf-8")
PARAGRAPH = TEXT.split("\n\n")[5]

# The keys of savings in code pages: what they cannot hold, they lose.
CODE_PAGES = ("cp", "iso-", "mac-", "latin-", "latin1-column")

# Changes of single characters of whitespace alone (line breaks as spaces,
# LF as CRLF): wrapping's guide may have had one made.
SPACING = [
    change.key
    for change in check.CHANGES
    if change.table
    and all(
        chr(code).isspace() and not new.strip() for code, new in change.table.items()
    )
]

# The stages after the text's, in the order made, each a change at most.
LATER_STAGES = STAGES[1:]


def draw(chance: random.Random) -> "tuple[str, ...]":
    """A chain within reach: up to two text changes that are not of single
    characters, then up to three of single characters, then at most one
    change of each later stage that can be undone on the copy, or lines
    wrapped, three in all but the local ones; an escape may be the same
    twice.  A saving that cannot be undone may be drawn after characters
    inserted, but after no lines wrapped or indented, shaping or display
    order, nor after the wrong reading whose bytes it writes back.  Lines
    are wrapped after one text change at most that is not of single
    characters, and after those of single characters that write each
    character that is not whitespace in as many bytes (after those of
    whitespace alone, no text change that is not of single characters),
    and are saved in no code page after, which may not hold all the text;
    lines cut within characters (fold -w) are not displayed after.  Not in
    reach, and so not drawn: characters shaped, then saved in a code page,
    which may not hold them; characters inserted after UTF-8 read as
    Windows-1256, which writes U+200C and U+200D of its own, where changes
    of single characters come before the reading, or lines are indented,
    or shaped or displayed after.  Drawn and
    then passed over (see ``out_of_reach``): a code page that writes the
    text as ASCII, every letter it cannot hold as ?, for ASCII is left as
    it is, or that cannot hold all it is given after a display order made
    after another change; a saving that writes the characters inserted
    before it as the copy does not show them; and a display order that
    reordering what it made again does not undo, after more than one text
    change that is not of single characters or after changes of single
    characters made before a wrong reading, or before a change that is no
    saving or escape; a YAML folded
    block scalar that YAML does not read back as PyYAML wrote it, or a
    double-quoted string as ruamel.yaml wrote it
    (``folds_back``); a copy longer than the size limit; a saving made
    forward apart from a wrong reading after changes of single characters
    (``read_apart``); characters removed before a code page that writes
    them as ?, with a stage between (``removed_unseen``); a code page that
    drops what it cannot hold after characters inserted and lines indented,
    shaping or a display order (``dropped_after_places``); quoted-printable
    that quopri does not read back; a code page read
    as another that, undone, gives
    back the copy as it is after lines indented or such (``gives_back``);
    lines indented that each start with more spaces
    than were put in; a saving in the code page a wrong reading read as,
    which writes back its bytes; od's * for a run of lines the same; textwrap's
    wrapping of a text with a tab or a carriage return."""
    changes = check.CHANGES
    others = [each.key for each in changes if each.stage in ("text", "reading")]
    others = [key for key in others if not check.CHANGES_BY_KEY[key].table]
    local = [each.key for each in changes if each.table and each.stage == "text"]
    chain = chance.sample(others, chance.randint(0, 2))
    chain += chance.sample(local, chance.randint(0, 3))
    room = (
        3
        - len(chain)
        + sum(check.CHANGES_BY_KEY[key].table is not None for key in chain)
    )
    stages = chance.sample(LATER_STAGES, chance.randint(0, min(room, 3)))
    for stage in LATER_STAGES:  # in the order made
        if stage in stages:
            undone = [
                each.key
                for each in changes
                if each.stage == stage and (each.undo or stage == "layout")
            ]
            if stage == "saving" and "shaping" in stages:
                undone = [key for key in undone if not key.startswith(CODE_PAGES)]
            if stage == "saving" and not {"layout", "shaping", "display"} & set(stages):
                undone += [
                    each.key
                    for each in changes
                    if each.stage == stage
                    and not each.undo
                    and not any(writes_back(each.key, key) for key in chain)
                ]
            chain.append(chance.choice(undone))
    if {"wrapped", "folded"} & set(chain):  # the guide: one text change at most
        chain = [
            key
            for key in chain
            if key not in others[1:]
            and keeps_bytes(key)
            and not key.startswith(CODE_PAGES)
        ]
        if any(key in SPACING for key in chain):  # and then no other
            chain = [key for key in chain if key not in others]
    if "folded" in chain:  # cut within characters: no display order undone after
        chain = [key for key in chain if check.CHANGES_BY_KEY[key].stage != "display"]
    later = {check.CHANGES_BY_KEY[key].stage for key in chain}
    cp1256 = max(
        (at for at, key in enumerate(chain) if key == "utf8-read-as-cp1256"),
        default=None,
    )
    local_first = cp1256 is not None and any(
        check.CHANGES_BY_KEY[key].table for key in chain[:cp1256]
    )
    if cp1256 is not None and (local_first or later & {"layout", "shaping", "display"}):
        chain = [  # made forward on the mojibake, which has U+200C, U+200D
            key for key in chain if key not in ("zero-width-inserted", "marks-inserted")
        ]
    last = check.CHANGES_BY_KEY[chain[-1]] if chain else None
    if last and last.stage == "escape" and room > len(stages) and chance.random() < 0.2:
        chain.append(last.key)  # the same escape twice
    return tuple(chain)


def loses_after(before: "tuple[str, ...]", text: str, saving: str) -> bool:
    """Tell whether the code page of ``saving`` cannot hold all that the
    changes ``before`` make of ``text``, where they hold a display order
    made after more than one text change that is not of single characters
    and the changes of single characters after it (after any, where the
    code page holds no Arabic letter): its ? then stand where the search
    would have to undo it."""
    stages = [check.CHANGES_BY_KEY[key].stage for key in before]
    # A display order made of more than the text: where the code page holds
    # no Arabic letter, only of one text change that is not of single
    # characters, with changes of single characters after it.
    shown_after = "display" in stages and (
        not shown_of_one(before[: stages.index("display")])
        or (stages.index("display") and not can_hold("\u0627", codec_of(saving)))
    )
    return shown_after and not holds_all(before, text, saving)


def read_apart(before: "tuple[str, ...]", text: str, saving: str) -> bool:
    """Tell whether ``saving`` is made forward (it cannot be undone, or is in
    a code page that cannot hold all it is given) after changes of single
    characters made before a wrong reading, with characters inserted, lines
    wrapped or indented, shaping or a display order after the reading: the
    search makes the reading forward with the saving alone."""
    changes = [check.CHANGES_BY_KEY[key] for key in before]
    stages = [change.stage for change in changes]
    if "reading" not in stages:
        return False
    reading = stages.index("reading")
    apart = {"layout", "zero-width", "marks", "shaping", "display"}
    if not any(change.table for change in changes[:reading]) or not (
        apart & set(stages[reading + 1 :])
    ):
        return False
    if not saving.startswith(CODE_PAGES):
        return not check.CHANGES_BY_KEY[saving].undo
    return not holds_all(before, text, saving)


def gives_back(keys: "tuple[str, ...]", index: int, text: str) -> bool:
    """Tell whether the saving ``keys[index]``, undone, gives back the copy
    it made as it is, after lines indented or wrapped, characters inserted,
    shaping or a display order: a code page read as another (Windows-1256
    read as Latin-1, after UTF-8 read as Latin-1), which writes as they
    were the characters it holds and drops the rest, and shows no loss."""
    apart = {"layout", "zero-width", "marks", "shaping", "display"}
    stages = {check.CHANGES_BY_KEY[key].stage for key in keys[:index]}
    change = check.CHANGES_BY_KEY[keys[index]]
    drops = not check.variant(keys[index], text="\U0001f1e8")  # nothing for a loss
    if not change.undo or not drops or not apart & stages:
        return False
    made = check.variant(*keys[: index + 1], text=text).decode(
        "utf-8", "surrogateescape"
    )
    try:
        before = change.undo(made)
    except ValueError:
        return False
    return (before[0] if isinstance(before, tuple) else before) == made


def removed_unseen(before: "tuple[str, ...]", saving: str) -> bool:
    """Tell whether a change of single characters of ``before`` removes
    characters the code page of ``saving`` cannot hold (harakat removed,
    then Windows-1252 with ?), and lines were indented or wrapped,
    characters inserted, shaped or displayed after it: only the saving made
    forward shows which were removed, and it is not made after those."""
    apart = {"layout", "zero-width", "marks", "shaping", "display"}
    changes = [check.CHANGES_BY_KEY[key] for key in before]
    removes = any(
        not written and not can_hold(chr(code), codec_of(saving))
        for change in changes
        for code, written in (change.table or {}).items()
    )
    return removes and bool(apart & {change.stage for change in changes})


def dropped_after_places(before: "tuple[str, ...]", saving: str) -> bool:
    """Tell whether the code page of ``saving`` drops what it cannot hold
    after characters inserted, with lines indented, shaping or a display
    order too: the places of those inserted are read off the copy, where
    what was dropped is not, and the saving is not made forward after
    those."""
    stages = {check.CHANGES_BY_KEY[key].stage for key in before}
    drops = not check.variant(saving, text="\U0001f1e8")
    inserted = {"zero-width", "marks"} & stages
    return drops and bool(inserted) and bool({"layout", "shaping", "display"} & stages)


def codec_of(saving: str) -> str:
    """The codec in Python of the code page of ``saving``."""
    return next(
        CODE_PAGE_CODECS[code] for code in CODE_PAGE_CODECS if saving.startswith(code)
    )


def holds_all(before: "tuple[str, ...]", text: str, saving: str) -> bool:
    """Tell whether the code page of ``saving`` holds all that ``before`` make of ``text``."""
    given = check.variant(*before, text=text).decode("utf-8", "surrogateescape")
    return all(can_hold(char, codec_of(saving)) for char in set(given))


def indented_further(keys: "tuple[str, ...]", index: int, text: str) -> bool:
    """Tell whether every line that is not empty starts with more spaces
    than the indentation ``keys[index]`` put in (three), as it is made or as
    a code page after it wrote it (the text's own spaces, or those before
    what the code page dropped): the search reads them all as the
    indentation."""
    made = [check.variant(*keys[: index + 1], text=text).decode("utf-8")]
    for at in range(index + 1, len(keys)):
        if keys[at].startswith(CODE_PAGES):
            saved = check.variant(*keys[: at + 1], text=text)
            read = "-read-as-" in keys[at]  # as UTF-8, what the reading wrote
            made.append(
                saved.decode("utf-8" if read else codec_of(keys[at]), "replace")
            )
    return any(
        all(line.startswith(" " * 4) for line in each.split("\n") if line)
        for each in made
    )


def folds_back(before: "tuple[str, ...]", text: str) -> bool:
    """Tell whether YAML reads back a folded block scalar of what ``before``
    make of ``text`` as PyYAML wrote it: not where a line ends in a space
    (before a line break or at the end), nor where a line that starts with a space is
    wider than PyYAML's 80 columns less the block's indentation of two
    (PyYAML folds it, and YAML keeps a more indented line's breaks), nor
    where the text holds a control character or a byte that is not UTF-8,
    which PyYAML writes otherwise."""
    given = check.variant(*before, text=text).decode("utf-8", "surrogateescape")
    unprintable = any(
        unicodedata.category(char) in ("Cc", "Cs") and char not in "\t\n"
        for char in set(given)
    )
    folded_over = any(
        line.startswith(" ") and len(line) > 78 for line in given.split("\n")
    )
    ends_in_a_space = re.search("[ \t](\n|$)", given)
    return not unprintable and not folded_over and not ends_in_a_space


def ruamel_reads_back(before: "tuple[str, ...]", text: str) -> bool:
    """Tell whether YAML reads back the double-quoted string ruamel.yaml
    writes of what ``before`` make of ``text``: ruamel.yaml breaks a line
    with no backslash before a word that an escape follows (``\\ccc``), and
    YAML reads a space there (23 of 3,000 random texts).  Read back here as
    YAML reads a double-quoted scalar (``escapes.yaml_unquoted``)."""
    given = check.variant(*before, text=text).decode("utf-8", "surrogateescape")
    written = check.variant(*before, "yaml-ruamel", text=text).decode("utf-8")
    return yaml_unquoted(written)[0] == given


def shown_of_one(before: "tuple[str, ...]") -> bool:
    """Tell whether a display order after ``before`` is made of the text, or
    of what one text change that is neither of single characters nor a
    wrong reading made of it, with changes of single characters after it."""
    changes = [check.CHANGES_BY_KEY[key] for key in before]
    others = [each for each in changes if not each.table]
    return len(others) <= 1 and all(each.stage == "text" for each in others)


def writes_back(saving: str, reading: str) -> bool:
    """Tell whether ``saving`` writes back the bytes the wrong reading
    ``reading`` read (UTF-8 read as Latin-1, then each code unit's low
    byte; read as Windows-1256, then saved in it, perhaps to be read as
    another): the two undo each other."""
    sample = "\u0627\xa0\u2019\U0001f1e8"
    if check.CHANGES_BY_KEY[reading].stage != "reading":
        return False
    if check.variant(reading, saving, text=sample) == sample.encode():
        return True
    mojibake = check.variant(reading, text=sample).decode("utf-8")
    try:
        saved = saving.startswith(CODE_PAGES) and mojibake.encode(codec_of(saving))
    except UnicodeEncodeError:
        return False
    return saved == sample.encode()


def keeps_bytes(key: str) -> bool:
    """Tell whether the change ``key``, if of single characters, writes each
    character that is not whitespace in as many bytes, as wrapping's guide needs."""
    table = check.CHANGES_BY_KEY[key].table or {}
    return all(
        chr(code).isspace() or len(chr(code).encode()) == len(str(new).encode())
        for code, new in table.items()
    )


def unseen(inserted: str, saving: str, before: str) -> bool:
    """Tell whether ``saving`` writes the character the change ``inserted``
    puts in as it writes what it cannot hold, or a character of ``before``
    (the text it was put in): the copy does not show it."""
    char = check.variant(inserted, text="").decode("utf-8")
    written = {check.variant(saving, text=each) for each in set(before) | set(LOST)}
    return check.variant(saving, text=char) in written


# Characters no code page holds, of the BMP and beyond.
LOST = "\uffff\U0001f1e8"


def out_of_reach(keys: "tuple[str, ...]", text: str) -> bool:
    """Tell whether a code page of ``keys`` writes ``text`` as ASCII, or
    cannot hold all it is given after a display order made after another
    change; or a saving of them
    writes the characters inserted before it as the copy does not show
    them; or a display order of them is not undone by reordering what it
    made again, and comes after more than one text change that is not of
    single characters or after changes of single characters made before a
    wrong reading, or before one that is no saving or escape; or a YAML folded block scalar of them is not
    read back as PyYAML wrote it, or ruamel.yaml's double-quoted string; or a code page of them cannot show what
    a change before it removed (``removed_unseen``), or drops what it
    cannot hold after characters inserted and a stage not undone with it
    (``dropped_after_places``); or quopri does not read back what it
    wrote of them; or lines indented of
    them start with
    more spaces than were put in (``indented_further``); or the copy is
    longer than the size
    limit (an escape made twice), which is not searched; or a saving of
    them is made forward after a wrong reading and apart from it
    (``read_apart``), or undone gives back what it made after a stage
    that is not undone with it (``gives_back``), or writes back the bytes a wrong reading of them
    read; or od wrote a run of lines the same as *; or lines
    are wrapped as textwrap does of a text with a tab or a carriage return,
    which it writes as a space."""
    if len(check.variant(*keys, text=text)) > check.size_limit(text):
        return True
    for index, key in enumerate(keys):
        made = check.variant(*keys[: index + 1], text=text)
        change = check.CHANGES_BY_KEY[key]
        if key == "yaml-folded" and not folds_back(keys[:index], text):
            return True
        if key == "yaml-ruamel" and not ruamel_reads_back(keys[:index], text):
            return True
        inserted = [
            (at, each)
            for at, each in enumerate(keys[:index])
            if check.CHANGES_BY_KEY[each].stage in ("zero-width", "marks")
        ]
        for at, each in inserted if change.stage == "saving" else ():
            before = check.variant(*keys[:at], text=text).decode("utf-8")
            if unseen(each, key, before):
                return True
        if key.startswith(CODE_PAGES) and made.isascii():
            return True
        if key.startswith(CODE_PAGES) and loses_after(keys[:index], text, key):
            return True
        if change.stage == "saving" and read_apart(keys[:index], text, key):
            return True
        if change.stage == "saving" and gives_back(keys, index, text):
            return True
        if key.startswith(CODE_PAGES) and removed_unseen(keys[:index], key):
            return True
        if key.startswith(CODE_PAGES) and dropped_after_places(keys[:index], key):
            return True
        if key == "quoted-printable":
            given = check.variant(*keys[:index], text=text)
            if quopri.decodestring(quopri.encodestring(given)) != given:
                return True  # as a display order leaves CRLF: LF CR
        if any(writes_back(key, each) for each in keys[:index]):
            return True
        if key == "indented" and indented_further(keys, index, text):
            return True
        if key == "od" and re.search(rb"(^|\n)\*\n", made):
            return True  # a run of lines the same, which no offset counts
        if key == "wrapped" and re.search(
            "[\t\r\v\f]", check.variant(*keys[:index], text=text).decode()
        ):
            return True  # textwrap writes each as a space
        if change.stage == "display":
            shown = made.decode("utf-8", "surrogateescape")
            before = check.variant(*keys[:index], text=text)
            after = [check.CHANGES_BY_KEY[each].stage for each in keys[index + 1 :]]
            made_before = [check.CHANGES_BY_KEY[each] for each in keys[:index]]
            others = [each for each in made_before if not each.table]
            stages = [each.stage for each in made_before]
            reading = stages.index("reading") if "reading" in stages else 0
            local_first = any(each.table for each in made_before[:reading])
            # Undone by reordering the copy again, where the search does so.
            undoes = (
                change.undo
                and change.make(shown).encode("utf-8", "surrogateescape") == before
            )
            if not undoes and (
                len(others) > 1 or local_first or not set(after) <= {"saving", "escape"}
            ):
                return True
    return False


def can_hold(char: str, codec: str) -> bool:
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


# The code pages of the savings' keys, and their codecs in Python.
CODE_PAGE_CODECS = {
    "cp1252": "cp1252",
    "cp1256": "cp1256",
    "cp720": "cp720",
    "iso-8859-6": "iso-8859-6",
    "mac-arabic": "mac-arabic",
    "latin-1": "latin-1",
}


class EveryChainWithinReachIsNamed(unittest.TestCase):
    SEEDS = (5,)
    DRAWS = 12

    def test_each_copy_is_named_by_a_chain_that_makes_it(self) -> None:
        named = collections.Counter()
        for seed in self.SEEDS:
            chance = random.Random(seed)
            for draw_number in range(self.DRAWS):
                keys = draw(chance)
                text = chance.choice([TEXT, PARAGRAPH])
                try:
                    copy = check.variant(*keys, text=text)
                except ValueError:  # changes this text cannot be made with
                    continue
                if copy == text.encode("utf-8") or out_of_reach(keys, text):
                    continue
                with self.subTest(seed=seed, draw=draw_number, keys=keys):
                    difference = check.explain(text, copy)
                    makers = [
                        each
                        for each in difference.explanations
                        if each.extent == "whole" and remade(text, each.steps) == copy
                    ]
                    self.assertTrue(makers, difference)
                    named[len(keys)] += 1
        self.assertGreater(sum(named.values()), self.DRAWS // 2)

    def test_two_changes_of_one_character_in_their_order(self) -> None:
        # Once named nothing where a hamza on waw came first: hamza unified
        # was made first, over the alefs that alef unified writes its own way.
        for keys in (
            ("alef-unified", "hamza-unified", "wrapped"),
            (
                "nbsp-removed",
                "alef-unified",
                "hamza-unified",
                "wrapped",
                "zero-width-inserted",
            ),
            # And where a saving that loses nothing was undone after them.
            ("alef-unified", "hamza-unified", "utf16le"),
            ("alef-unified", "hamza-madda-as-two", "utf32le-bom"),
        ):
            with self.subTest(keys=keys):
                self.assert_named_whole(keys, PARAGRAPH)

    def test_a_display_order_made_of_the_text_then_escaped(self) -> None:
        # Once named nothing: a display order that reordering does not undo
        # is made of the text, and the escape undone on the copy after it.
        for keys in (("visual-order-rtl", "percent"), ("visual-order-rtl", "json")):
            with self.subTest(keys=keys):
                copy = check.variant(*keys, text=TEXT)
                named = check.explain(TEXT, copy).explanations
                self.assertIn(keys, [each.keys for each in named])
                self.assertTrue(all(remade(TEXT, each.steps) == copy for each in named))

    def test_mojibake_saved_in_a_code_page_and_read_as_latin_1(self) -> None:
        # Once named nothing: a code page read as another gives back, undone,
        # the ? it wrote for most of the mojibake, and the text as it is.
        for keys in (
            ("utf8-read-as-cp1252", "iso-8859-6-replaced-read-as-latin1"),
            ("utf8-read-as-cp1252", "iso-8859-6-sub-read-as-latin1"),
            ("utf8-read-as-cp1252", "cp1256-replaced-read-as-cp1252"),
            ("utf8-read-as-mac-roman", "visual-order", "cp1256-sub-read-as-cp1252"),
        ):
            for text in (TEXT, PARAGRAPH):
                with self.subTest(keys=keys, text=text[:10]):
                    self.assert_named_whole(keys, text)

    def test_the_pairs_that_named_nothing_when_the_reach_was_stated(self) -> None:
        # Whitespace stripped before a display order that reordering does
        # not undo; changes of single characters and characters inserted
        # before a saving that cannot be undone; percent-encoded twice with
        # + for a space, the second time writing each + as %2B.
        for keys in (
            ("rstrip", "visual-order-rtl"),
            ("visual-order-rtl", "percent"),
            ("cr", "cp1256-replaced-read-as-utf8"),
            ("iso-8859-6-dropped-read-as-utf8", "base64"),
            ("zero-width-inserted", "utf16-low-byte"),
            ("percent-plus", "percent-plus"),
        ):
            for text in (TEXT, PARAGRAPH):
                with self.subTest(keys=keys, text=text[:10]):
                    self.assert_named_whole(keys, text)

    def test_changes_of_whitespace_made_on_each_other_then_lines(self) -> None:
        # Once named nothing, in a wider draw: two changes of whitespace,
        # the second made on what the first wrote, then lines wrapped, cut
        # or indented; lines cut within characters, then CESU-8.
        for keys in (
            ("crlf", "cr", "folded"),
            ("alef-maqsura-as-alef", "crlf", "line-breaks-as-spaces", "folded"),
            ("astral-as-question-marks", "crlf", "cr", "indented"),
            ("nbsp-removed", "cr", "alef-maqsura-as-alef", "wrapped"),
            ("newline-added", "folded", "cesu-8"),
        ):
            with self.subTest(keys=keys):
                self.assert_named_whole(keys, TEXT)

    def test_a_display_order_after_changes_of_direction_or_line_breaks(
        self,
    ) -> None:
        # Once named nothing: digits as Arabic-Indic ones, line breaks as
        # spaces or LF as CRLF before a display order that a code page after
        # it keeps from being undone.
        for keys in (
            (
                "line-breaks-as-spaces",
                "alef-maqsura-as-alef",
                "visual-order-marks-after",
                "cp1256-sub",
            ),
            (
                "hamza-taken-off",
                "crlf",
                "arabic-indic-digits",
                "visual-order-marks-after",
                "iso-8859-6-per-unit-read-as-cp1252",
            ),
        ):
            with self.subTest(keys=keys):
                self.assert_named_whole(keys, TEXT)

    def test_a_change_the_code_page_held_after_a_display_order(self) -> None:
        # Once named nothing: ISO-8859-6 writes ? for a curly quote, and the
        # straight one that quotes straightened wrote instead is held.
        self.assert_named_whole(
            ("quotes-straightened", "visual-order", "iso-8859-6-replaced"), TEXT
        )

    def test_references_to_bytes_that_are_not_utf8_are_no_change(self) -> None:
        # A reference stands for a character: HTML reads one to a lone
        # surrogate, which stands for such a byte, as U+FFFD.
        for saving in ("utf16be-bom", "cp720-replaced"):
            with self.subTest(saving=saving), self.assertRaises(ValueError):
                check.variant(saving, "html-references", text=PARAGRAPH)

    def assert_named_whole(self, keys: "tuple[str, ...]", text: str) -> None:
        """Assert that the copy ``keys`` make of ``text`` is named whole, each
        chain named making it again."""
        copy = check.variant(*keys, text=text)
        steps = [
            each.steps
            for each in check.explain(text, copy).explanations
            if each.extent == "whole"
        ]
        self.assertTrue(steps)
        self.assertTrue(all(remade(text, each) == copy for each in steps))
