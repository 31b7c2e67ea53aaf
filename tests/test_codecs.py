"""Savings in every text codec of the standard library, with each error handler.

Each copy is made here with Python's own codecs and error handlers
(``str.encode``), and the codecs are listed from the ``encodings`` package
itself, not from the diagnosis's list: a codec it leaves out without saying
so (LEFT_OUT, as the README gives them) fails here.  The property test draws
a text, changes made to it, a codec, a handler and an escape over them, and
counts the copies named (``recall``; tests/benchmark.py --thorough prints
more draws).
"""

import base64
import encodings
import json
import pkgutil
import random
import unicodedata
import unittest
import urllib.parse

import check
from ar_news_diagnosis.table import remade
from tests.support import ORIGINAL, known
from tests.test_reach import can_hold
from tests.test_true_names import TEXT_DAMAGE

TEXT = ORIGINAL.decode("utf-8")
# A short text of what codecs tell apart: Arabic letters and marks, the
# flag, a no-break space, curly and angle quotes, digits, a Latin letter of
# Latin-1 (é) and one of few code pages (ő), a line break.
SHORT = "\U0001f1e8\U0001f1fd \u0622\u0633\u064a\u0627\xa0\xab\u0645\u0631\u062d\u0628\u064b\u0627\xbb \u201ccaf\xe9\u201d 2024.\n\u0633\u0637\u0631 \u0151"
# The modules of ``encodings`` the diagnosis leaves out, as its README says:
# its package's table, a platform's own, names, escapes, no code page.
LEFT_OUT = {
    *("aliases", "charmap", "undefined", "rot_13", "mbcs", "oem"),
    *("idna", "punycode", "unicode_escape", "mac_centeuro"),
    *("utf_8", "utf_8_sig", "utf_16", "utf_16_le", "utf_16_be"),
    *("utf_32", "utf_32_le", "utf_32_be"),
}
# Each error handler, and the ending of a key it gives.
ENDINGS = {
    "replace": "replaced",
    "ignore": "dropped",
    "xmlcharrefreplace": "xmlcharrefs",
    "backslashreplace": "backslashed",
    "namereplace": "named",
}
# The converters' losses, given to every codec too, each made here as the
# tool writes it, and the ending of its key: SUB (0x1A) for each character
# the codec cannot hold, as ICU's uconv writes it; ? for each UTF-16 code
# unit of it, as .NET does (two for a character outside the BMP).
LOSSES = {
    "sub": lambda text, codec: "".join(
        char if can_hold(char, codec) else "\x1a" for char in text
    ).encode(codec),
    "per-unit": lambda text, codec: "".join(
        char if can_hold(char, codec) else "?" * (1 + (char > "\uffff"))
        for char in text
    ).encode(codec),
}
# The rows of the table's own that a codec and handler are, where the README
# spells their keys otherwise.
TABLE_ROWS = {
    ("iso8859_6", "replace"): "iso-8859-6-replaced",
    ("iso8859_6", "ignore"): "iso-8859-6-dropped",
    ("iso8859_6", "sub"): "iso-8859-6-sub",
    ("iso8859_6", "per-unit"): "iso-8859-6-per-unit",
    ("iso8859_1", "replace"): "latin-1-replaced",
    ("iso8859_1", "per-unit"): "latin-1-per-unit",
}
# Every character but surrogates, one in 997: what a codec that holds all holds.
EVERY = "".join(
    chr(code) for code in range(0, 0x110000, 997) if code < 0xD800 or code > 0xDFFF
)


def text_codecs() -> "list[str]":
    """The modules of ``encodings`` that encode text, but those LEFT_OUT."""
    names = []
    for module in pkgutil.iter_modules(encodings.__path__):
        if module.name in LEFT_OUT:
            continue
        try:
            "a".encode(module.name)
        except LookupError:  # bytes to bytes (base64_codec...), or none here
            continue
        names.append(module.name)
    return names


def holds_all(codec: str) -> bool:
    try:
        (TEXT + EVERY).encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def handlers(codec: str) -> "list[str]":
    """The error handlers a text is saved in ``codec`` with: none but strict where it holds all."""
    return ["strict"] if holds_all(codec) else list(ENDINGS)


def key(codec: str, errors: str) -> str:
    """The key of saving in ``codec`` with ``errors``, as the README spells it."""
    spelled = codec.replace("_", "-")
    if (codec, errors) in TABLE_ROWS:
        return TABLE_ROWS[codec, errors]
    if errors == "strict":
        return spelled
    return f"{spelled}-{ENDINGS.get(errors, errors)}"  # a loss: its ending


CODECS = text_codecs()
# The code pages of Arabic: those, but the codecs that hold all, that hold
# some character of the Arabic block.
ARABIC = [
    codec
    for codec in CODECS
    if not holds_all(codec)
    and "".join(map(chr, range(0x600, 0x700))).encode(codec, "ignore")
]


class EveryCodec(unittest.TestCase):
    def test_there_are_as_many_as_the_readme_says(self) -> None:
        # 98 in CPython 3.9 to 3.13; 3.8 has mac_centeuro too, left out.
        self.assertEqual(len(CODECS), 98)
        self.assertEqual(
            sorted(codec for codec in CODECS if holds_all(codec)),
            ["gb18030", "raw_unicode_escape", "utf_7"],
        )

    def test_each_with_each_handler_is_a_known_change(self) -> None:
        for codec in CODECS:
            for errors in handlers(codec):
                with self.subTest(codec=codec, errors=errors):
                    self.assertEqual(
                        check.variant(key(codec, errors), text=SHORT),
                        SHORT.encode(codec, errors),
                    )

    def test_each_with_each_loss_is_a_known_change(self) -> None:
        for codec in CODECS:
            for loss, made in LOSSES.items() if not holds_all(codec) else ():
                with self.subTest(codec=codec, loss=loss):
                    self.assertEqual(
                        check.variant(key(codec, loss), text=SHORT), made(SHORT, codec)
                    )

    def test_a_copy_with_a_loss_is_named_by_its_codec(self) -> None:
        copies = {
            ("cp437", "sub"): TEXT,
            ("koi8_r", "per-unit"): TEXT,
            ("shift_jis", "per-unit"): SHORT,
            ("cp1006", "sub"): SHORT,
        }
        for (codec, loss), text in copies.items():
            with self.subTest(codec=codec, loss=loss):
                self.assertNamedBy(text, LOSSES[loss](text, codec), key(codec, loss))

    def test_each_copy_is_named_by_its_codec(self) -> None:
        """Each codec, with a handler in turn: the copy named by its key, and
        each name given makes it again."""
        for number, codec in enumerate(CODECS):
            errors = handlers(codec)[number % len(handlers(codec))]
            with self.subTest(codec=codec, errors=errors):
                copy = SHORT.encode(codec, errors)
                self.assertNamedBy(SHORT, copy, key(codec, errors))

    def assertNamedBy(self, text: str, copy: bytes, key_made: str) -> None:
        """``copy`` named whole by ``key_made`` among others, each name given
        making it again."""
        difference = check.explain(text, copy)
        for explanation in difference.explanations:
            self.assertEqual(explanation.extent, "whole", difference)
            self.assertEqual(remade(text, explanation.steps), copy)
        named = [each.keys for each in difference.explanations]
        self.assertIn((key_made,), named, difference)

    def test_the_article_in_the_codecs_that_hold_its_letters(self) -> None:
        codecs = ("cp864", "mac_farsi", "cp1006", "cp720", "gb18030", "utf_7")
        for number, codec in enumerate(codecs):
            errors = handlers(codec)[number % len(handlers(codec))]
            with self.subTest(codec=codec, errors=errors):
                copy = TEXT.encode(codec, errors)
                named = [each.keys for each in check.explain(TEXT, copy).explanations]
                self.assertIn((key(codec, errors),), named)

    def test_codecs_that_write_alike_are_named_on_one_line(self) -> None:
        """Every codec that writes the copy's bytes, and no other, named
        together: the first three, and how many others."""
        copy = TEXT.encode("cp437", "xmlcharrefreplace")  # the no-break space 0xFF
        alike = {
            key(codec, "xmlcharrefreplace")
            for codec in CODECS
            if not holds_all(codec) and TEXT.encode(codec, "xmlcharrefreplace") == copy
        }
        self.assertGreater(len(alike), 10)
        difference = check.explain(TEXT, copy)
        named = {
            each.keys[0]
            for each in difference.explanations
            if each.keys[0].endswith("-xmlcharrefs")
        }
        self.assertEqual(named, alike)
        [line] = known(str(difference))
        self.assertIn(f" or {len(alike) - 3} others alike, &#N; for what", line)

    def test_a_codec_among_other_changes(self) -> None:
        compatible = unicodedata.normalize("NFKC", TEXT)
        copies = {
            ("nfkc", "cp720-backslashed"): compatible.encode(
                "cp720", "backslashreplace"
            ),
            ("cp864-replaced", "base64"): base64.encodebytes(
                TEXT.encode("cp864", "replace")
            ),
            ("ascii-named", "json"): json.dumps(
                TEXT.encode("ascii", "namereplace").decode("ascii")
            ).encode("ascii"),
            ("tatweel-removed", "koi8-r-named"): TEXT.replace("\u0640", "").encode(
                "koi8_r", "namereplace"
            ),
        }
        for keys, copy in copies.items():
            with self.subTest(keys=keys):
                named = [each.keys for each in check.explain(TEXT, copy).explanations]
                self.assertIn(keys, named)

    def test_mojibake_then_a_codec_that_holds_some_of_its_letters(self) -> None:
        """Codecs that read the copy alike (cp850, cp856...) but hold the
        mojibake's Latin letters otherwise are told apart by the letters the
        copy shows escaped: cp850 holds the ETH that cp856 names."""
        mojibake = TEXT.encode("utf-8").decode("latin-1")
        for codec, errors, escaped in (
            ("cp856", "namereplace", b"\\N{LATIN SMALL LETTER ETH}"),
            ("cp856", "xmlcharrefreplace", b"&#240;"),
        ):
            copy = mojibake.encode(codec, errors)
            self.assertIn(escaped, copy)
            self.assertNotEqual(copy, mojibake.encode("cp850", errors))
            with self.subTest(codec=codec, errors=errors):
                difference = check.explain(TEXT, copy)
                named = [each.keys for each in difference.explanations]
                self.assertIn(("utf8-read-as-latin1", key(codec, errors)), named)
                for explanation in difference.explanations:
                    self.assertEqual(remade(TEXT, explanation.steps), copy)

    def test_mojibake_then_a_codec_that_holds_fewer_of_its_letters(self) -> None:
        """Mojibake saved with ? in a code page that reads the copy as
        Latin-1 does (no byte of 0x80 to 0x9F left) yet holds none of the
        ETH and the C1 controls Latin-1 holds (cp1254, Turkish; cp1250):
        Latin-1, which holds fewer of the text's own characters (no curly
        quotes), makes no such copy."""
        mojibake = SHORT.encode("utf-8").decode("latin-1")
        for codec in ("cp1254", "cp1250"):
            copy = mojibake.encode(codec, "replace")
            self.assertNotEqual(copy, mojibake.encode("latin-1", "replace"))
            with self.subTest(codec=codec):
                difference = check.explain(SHORT, copy)
                named = [each.keys for each in difference.explanations]
                self.assertIn(("utf8-read-as-latin1", key(codec, "replace")), named)
                for explanation in difference.explanations:
                    self.assertEqual(remade(SHORT, explanation.steps), copy)

    def test_mojibake_then_a_codec_read_alike_that_holds_its_letters_otherwise(
        self,
    ) -> None:
        """Mojibake saved with ? in Mac Roman: Mac Icelandic reads the copy
        alike, but holds the ETH that Mac Roman wrote as ?, so it makes no
        such copy; where a copy shows a loss, each is searched."""
        mojibake = SHORT.encode("utf-8").decode("latin-1")
        copy = mojibake.encode("mac_roman", "replace")
        self.assertNotEqual(copy, mojibake.encode("mac_iceland", "replace"))
        difference = check.explain(SHORT, copy)
        named = [each.keys for each in difference.explanations]
        self.assertIn(("utf8-read-as-latin1", key("mac_roman", "replace")), named)
        for explanation in difference.explanations:
            self.assertEqual(remade(SHORT, explanation.steps), copy)

    def test_arabic_code_pages_read_as_latin_1_or_windows_1252(self) -> None:
        """Mojibake: the bytes of a code page that holds Arabic letters read
        as Latin-1 or Windows-1252 and saved as UTF-8, each key by the
        README's spelling, with each handler in turn."""
        readings = {"latin-1": "latin1", "cp1252": "cp1252"}
        for number, codec in enumerate(ARABIC):
            for read, ending in readings.items():
                errors = list(ENDINGS)[number % len(ENDINGS)]
                with self.subTest(codec=codec, errors=errors, read=read):
                    saved = TEXT.encode(codec, errors)
                    # Windows reads the five bytes cp1252 leaves undefined as
                    # the C1 controls of the same number.
                    copy = "".join(
                        bytes([byte]).decode(read, "ignore") or chr(byte)
                        for byte in saved
                    ).encode("utf-8")
                    key_read = f"{key(codec, errors)}-read-as-{ending}"
                    self.assertEqual(check.variant(key_read), copy)
                    named = [
                        each.keys for each in check.explain(TEXT, copy).explanations
                    ]
                    self.assertIn((key_read,), named)

    def test_a_copy_cut_short_in_a_codec(self) -> None:
        copy = TEXT.encode("utf_7")[:5001]
        [explanation] = check.explain(TEXT, copy).explanations
        self.assertEqual(
            (explanation.extent, explanation.keys), ("cut short", ("utf-7",))
        )


def recall(seed: int, draws: int) -> "tuple[int, int, list]":
    """Draw ``draws`` copies: a text, up to two of the property test's
    changes made to it (tests/test_true_names.py), a codec and a handler or
    loss, and one escape over them or none.  Return how many were drawn (those
    that differ from the text) and named, and the names that do not make
    their copy."""
    chance = random.Random(seed)
    lines = [line for line in TEXT.split("\n") if line]
    escapes = {
        "none": lambda data: data,
        "base64": base64.encodebytes,
        "hex": lambda data: data.hex().encode("ascii"),
        "percent": lambda data: urllib.parse.quote_from_bytes(data).encode("ascii"),
    }
    drawn, named, false = 0, 0, []
    for _ in range(draws):
        text = chance.choice([TEXT, SHORT, chance.choice(lines)])
        made = text
        for change in chance.sample(sorted(TEXT_DAMAGE), chance.randint(0, 2)):
            made = TEXT_DAMAGE[change](made)
        codec = chance.choice(CODECS)
        losses = [] if holds_all(codec) else list(LOSSES)
        errors = chance.choice(handlers(codec) + losses)
        escape = chance.choice(sorted(escapes))
        saved = (
            LOSSES[errors](made, codec)
            if errors in LOSSES
            else made.encode(codec, errors)
        )
        copy = escapes[escape](saved)
        if copy == text.encode("utf-8"):
            continue  # the text as it is: no copy to name
        drawn += 1
        difference = check.explain(text, copy)
        whole = [each for each in difference.explanations if each.extent == "whole"]
        named += bool(whole)
        false += [
            (codec, errors, escape, each.keys)
            for each in whole
            if remade(text, each.steps) != copy
        ]
    return drawn, named, false


class DrawnCodecs(unittest.TestCase):
    SEED, DRAWS = 26, 10

    def test_drawn_copies_are_named_truly(self) -> None:
        drawn, named, false = recall(self.SEED, self.DRAWS)
        self.assertEqual(false, [])
        self.assertGreaterEqual(named, drawn * 8 // 10)


if __name__ == "__main__":
    unittest.main()
