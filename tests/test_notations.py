"""Escapes composed of parts: real tools' outputs, the writer against the
standard library, and copies drawn from the parts.

Each tool's output of the article is kept in tests/data as it wrote it, on
Debian 12 (the call saved the function's value, or the command's standard
output, byte for byte; the text read as UTF-8 from ar_news.txt):

- py_ascii.txt: CPython 3.11.7, ``ascii(text)``;
- rust_debug.txt, rust_escape_default.txt, rust_escape_unicode.txt,
  rust_escape_debug.txt: rustc 1.95.0, ``format!("{:?}", text)``,
  ``text.escape_default().to_string()``, ``text.escape_unicode()...``,
  ``text.escape_debug()...``;
- perl_dumper_useqq.txt and perl_dumper.txt: perl 5.36.0, Data::Dumper
  2.184, ``local $Data::Dumper::Useqq = 1; Dumper($text)``, and
  ``Dumper($text)``;
- perl_x_brace.txt and perl_x_brace_bytes.txt: perl 5.36.0,
  ``perl -CS -pe 's/([^\\x00-\\x7f])/sprintf("\\\\x{%x}",ord($1))/ge'``
  reading standard input, and the file named as an argument (which ``-CS``
  does not decode: each byte escaped);
- bash_printf_q.txt and bash_printf_q_c.txt: GNU bash 5.2.15,
  ``v=$(cat ar_news.txt); printf '%q' "$v"`` in C.UTF-8, and with
  ``LC_ALL=C``;
- cat_v.txt: GNU coreutils 9.1, ``cat -v ar_news.txt``;
- php_var_export.txt: PHP 8.2.36, ``var_export($text, true)`` (SQLite
  3.40.1's ``quote()``, PostgreSQL 15's ``quote_literal`` and MariaDB's
  ``QUOTE()`` write the same bytes of the article);
- java_properties_stream.txt and java_properties_writer.txt: OpenJDK
  17.0.15, ``p.setProperty("text", text); p.store(stream, null)``, to an
  OutputStream and to a Writer (a date comment first);
- xmllint_ascii.txt: libxml2 2.9.14, ``xmllint --encode ascii doc.xml``,
  the document ``<t>`` + the article + ``</t>``;
- zsh_qqq.txt and zsh_q.txt: zsh 5.9, ``print -rn -- ${(qqq)v}`` and
  ``${(q)v}``;
- sed_l.txt: GNU sed 4.9, ``sed -n l ar_news.txt``; and
  sed_l_widths.json, its ``sed -n 'l WIDTH'`` of a text of its own (in the
  file) at several widths;
- node_inspect.txt: Node.js 20.20.2, ``util.inspect(text)``; and
  node_inspect_hostile.json, its ``util.inspect`` of a text of its own (in
  the file);
- libbsd_vis.txt: libbsd 0.11.7, ``strvisx(dst, src, len, 0)`` in the C
  locale (vis(1)'s default style).
- tcl_list.txt: Tcl 8.6.13, ``puts -nonewline [list $t]`` in tclsh, the file
  read with ``-encoding utf-8``: a list of one element, in braces.

The sources of each notation are in the README's list.
"""

import hashlib
import json
import random
import re
import unittest
from xml.etree import ElementTree

import check
from ar_news_diagnosis.notations import (
    CHARACTER_SETS,
    LINE_RULES,
    NONE_SETS,
    NOTATIONS,
    UNBOUNDED,
    WIDEST,
    body_read,
    composed,
    ends_kept,
)
from ar_news_diagnosis.table import remade
from tests.support import ORIGINAL, known, library_output

TEXT = ORIGINAL.decode("utf-8")
OUTPUTS = {
    "py_ascii.txt": "856694d1f16654a478f8740f8b3c0affc2e8074af78b8ee0ccbdaff80515a09c",
    "rust_debug.txt": "94ed977393e8355a766a81bfb05e052fa5450513fd0574280dc31a9eca909a34",
    "rust_escape_debug.txt": (
        "df3a4911b056e4ad407c8001d89808d6a62cc7e42a87671be5d3f5d8abc4ffd7"
    ),
    "rust_escape_default.txt": (
        "177ffab604d3b4b224e626019d4d0c8b68d7c48e8b8e5f3d2de415bd78dba9c2"
    ),
    "rust_escape_unicode.txt": (
        "23813db48fedc06719e4ea909a5d14706e2c722440e9ee5d0946f4c375c3e5d3"
    ),
    "perl_dumper.txt": "27b2bb10bffa1185cebe8d13394eb1a98ccc5706b66e0d2dbaba5a3455e0ad33",
    "perl_dumper_useqq.txt": (
        "41d7c2d19b14dc74a73a295f0f2c375caeb27c3c97f5d80dc7b4cec5ca6c9f01"
    ),
    "perl_x_brace.txt": "a70e62eb09a1e273c72652349f4cdd4bf05658d6bc425882748ab7966d62fc14",
    "perl_x_brace_bytes.txt": (
        "589cbebdd0ce5c7d22c61710fb8f633d727736a1b6afde0aae2aae42d8d7b706"
    ),
    "bash_printf_q.txt": "6a7fb17a6e0e1df61daa385e6934ebb779a65f12a8d3782c5954a0d4cbec22a7",
    "bash_printf_q_c.txt": (
        "0f7e386ffd5b623b8ee3ab300a65c6185ceddda90b3c80191d9ff10612cac790"
    ),
    "cat_v.txt": "7df2bb5300d483d238a3e4f442b95ce9661211266a4be0848e0d1afb3d579dfa",
    "php_var_export.txt": "09212389c182bf621df57c265f8213a9184cad3889d241e7f8ef2e45a2c07b9b",
    "java_properties_stream.txt": (
        "fc28c7b4aaf053516590de8c0408be5417249bc1e379994cd8c65c73c8ba51d5"
    ),
    "java_properties_writer.txt": (
        "2a02748976551990c26dbc1ef5948350f8292eac8cd9bede11d1e64ca4b67d2f"
    ),
    "xmllint_ascii.txt": "7175ef802cea2e08d80757f30a842c8fb2472bb7c69bc462122c929507ebf022",
    "zsh_qqq.txt": "d963e04a7fcbed589592dd003233844bf77827235aa5b96c27a6ef7ef0262fcf",
    "zsh_q.txt": "ede3285f6328be0da8037631b4b029da4b6f75ded01877ccb4dfbc940ca0f9dd",
    "sed_l.txt": "f8e35bedb2109683e5d3a1387453e50dd4c7dec983af2a24c759de20a8e3159a",
    "node_inspect.txt": "e7fbeec120f45e87e1bbe9a0931094ffdc8f491523c075e219079d9b5e497d83",
    "libbsd_vis.txt": "bef529f73e770e2474e9ce597eb105c06c70815d7eb3a0c2e651d132879500a6",
    "tcl_list.txt": "15071c66f3d1826343856d13bbdf96ffffc4eede366f4a40bddcc3cf3f63f72b",
}
# Named by an escape of parts, and the tool its name gives, where its parts
# are that tool's (None: named from its parts alone).
NAMED = {
    "py_ascii.txt": "Python's ascii()",
    "rust_debug.txt": "Rust's {:?}",
    "rust_escape_debug.txt": "Rust's escape_debug",
    "rust_escape_default.txt": "Rust's escape_default",
    "rust_escape_unicode.txt": "Rust's escape_unicode",
    "perl_dumper_useqq.txt": "Perl's Data::Dumper with Useqq",
    "bash_printf_q_c.txt": "bash's printf %q in the C locale",
    "cat_v.txt": "cat -v",
    # A text with no quote nor backslash: SQLite's quote() writes it alike.
    "php_var_export.txt": "PHP's var_export or SQLite's quote()",
    "sed_l.txt": "GNU sed's l",
    # Data::Dumper without Useqq keeps line feeds; Perl's own loop, with no
    # backslash doubled; bash in a UTF-8 locale escapes what its locale
    # cannot print, not a set of these; Java and xmllint's frames hold a
    # date and a document: named from their parts.
    "perl_dumper.txt": None,
    "perl_x_brace.txt": None,
    "perl_x_brace_bytes.txt": None,
    "bash_printf_q.txt": None,
    "java_properties_stream.txt": None,
    "java_properties_writer.txt": None,
    "xmllint_ascii.txt": None,
    "zsh_qqq.txt": None,
    # Node picks each literal's quotes by what it holds, and joins literals
    # only of a text longer than 76: named from its parts.
    "node_inspect.txt": None,
    # Braces, nothing escaped: Tcl quotes otherwise a text with a brace
    # unmatched or a backslash, named from its parts.
    "tcl_list.txt": None,
}
# Named by nothing, and why.
UNNAMED = {
    # \M-x for bytes past ASCII, but \240 for 0xA0, \134 for a backslash.
    "libbsd_vis.txt": "vis's notation",
    # A backslash before each space and shell special, $'\n' for a line feed.
    "zsh_q.txt": "a backslash before specials",
}
# Characters that tell notations and sets apart: controls, DEL, quotes, a
# backslash, Latin-1, marks, no-break and other spaces, a line separator,
# Arabic, CJK and the flag's astral characters.
ALPHABET = (
    "\x01\t\n\r\x1b\x7f\"'\\$@&<>%=/ a9\xa0\xe9\u0627\u064e\u0651\u200c\u200f"
    "\u2028\u201c\u4e2d\U0001f1e8\U0001f1fd"
)


def random_text(chance: random.Random, size: int) -> str:
    """A text of ``size`` characters, a line of the article and ALPHABET's."""
    line = chance.choice([line for line in TEXT.split("\n") if line])
    return "".join(
        chance.choice(ALPHABET) if chance.random() < 0.3 else chance.choice(line)
        for _ in range(size)
    )


class ToolsOutputs(unittest.TestCase):
    def test_each_is_as_pinned(self) -> None:
        self.assertEqual(sorted(OUTPUTS), sorted({**NAMED, **UNNAMED}))
        for name, digest in OUTPUTS.items():
            with self.subTest(name=name):
                self.assertEqual(
                    hashlib.sha256(library_output(name)).hexdigest(), digest
                )

    def test_each_is_named_by_its_parts_and_its_tool(self) -> None:
        for name, tool in NAMED.items():
            copy = library_output(name)
            with self.subTest(name=name):
                difference = check.explain(TEXT, copy)
                for explanation in difference.explanations:  # parts alike too
                    self.assertEqual(explanation.keys, ("escaped",), difference)
                    self.assertEqual(remade(TEXT, explanation.steps), copy)
                    # As variant and assert_made take it, its parts by name.
                    asked = explanation.asked
                    self.assertEqual(check.variant(*asked, text=TEXT), copy)
                    check.assert_made(asked, copy, TEXT)
                report = str(difference)
                self.assertEqual(len(known(report)), 1, report)
                if tool:
                    self.assertIn(f", as {tool} writes it", report)
                else:
                    self.assertNotIn(" writes it", report)

    def test_postgresqls_escape_string(self) -> None:
        """quote_literal of a text with a backslash: E'...', each quote
        doubled and each backslash (PostgreSQL's functions-string docs)."""
        text = "\u0627\u0644\u0645 a'b\\c \u0628"
        copy = "E'" + text.replace("'", "''").replace("\\", "\\\\") + "'"
        [explanation] = check.explain(text, copy).explanations
        self.assertEqual(explanation.keys, ("escaped",))
        _, _, around, _, inside = explanation.forms[0]
        self.assertEqual(around, ("E'", "'"))
        self.assertEqual(set(inside), {("'", "''"), ("\\", "\\\\")})

    def test_a_quote_doubled_where_every_other_character_is_a_reference(
        self,
    ) -> None:
        """Each character as &#xH; in single quotes, but line feeds and the
        quote, doubled as SQL doubles it: a quote so is none kept as it is."""
        text = "\u062a\u0644 it's\n\u0628"
        body = "".join(
            "''" if char == "'" else char if char == "\n" else f"&#x{ord(char):X};"
            for char in text
        )
        copy = f"'{body}'"
        whole = check.explain(text, copy).explanations
        self.assertIn(("escaped",), [explanation.keys for explanation in whole])
        for explanation in whole:
            self.assertEqual(remade(text, explanation.steps), copy.encode())
            self.assertEqual(explanation.forms[0][:2], ("&#xH;", "every character"))

    def test_pythons_repr_of_bytes(self) -> None:
        """What print() writes of bytes not decoded: each byte past ASCII as
        \\xhh, in b'...', or in b"..." where the text holds a quote."""
        for text, before in ((TEXT, "b'"), (TEXT.replace("\u201c", "'"), 'b"')):
            copy = repr(text.encode("utf-8"))
            self.assertTrue(copy.startswith(before))
            with self.subTest(before=before):
                whole = check.explain(text, copy).explanations
                self.assertIn(("escaped",), [each.keys for each in whole])
                for explanation in whole:
                    self.assertEqual(remade(text, explanation.steps), copy.encode())
                    self.assertEqual(explanation.forms[0][0], "\\xhh")
                    self.assertEqual(explanation.forms[0][2][0], before)

    def test_json_indented(self) -> None:
        """json.dumps of the article in an object and in an array, indent=2."""
        for copy in (
            json.dumps({"text": TEXT}, indent=2, ensure_ascii=False),
            json.dumps([TEXT], indent=2),
        ):
            with self.subTest(copy=copy[:12]):
                self.assertIn("\n  ", copy[:5])
                whole = check.explain(TEXT, copy).explanations
                self.assertIn(("escaped",), [each.keys for each in whole])
                for explanation in whole:
                    self.assertEqual(remade(TEXT, explanation.steps), copy.encode())

    def test_a_copy_whose_start_a_row_writes_alike(self) -> None:
        """Python's unicode_escape in double quotes of a text whose first
        200 characters Go's %+q writes alike (\\u0627, \\U0001f1fd), and
        then not (\\xe9 for é, where Go writes \\u00e9): named as it is."""
        text = "\u0627\u0644\u0645 \U0001f1fd " * 40 + "caf\xe9 \u4e2d\n\u0628" * 8
        copy = '"' + text.encode("unicode_escape").decode("ascii") + '"'
        self.assertGreater(copy.index("\\xe9"), 1024)  # past what is read first
        whole = check.explain(text, copy).explanations
        self.assertTrue(whole)
        for explanation in whole:
            self.assertEqual(remade(text, explanation.steps), copy.encode())

    def test_a_backslash_kept_where_nothing_is_escaped(self) -> None:
        """A text with a backslash before a letter of no escape, in quotes
        with nothing escaped (no quote, line feed or control to escape):
        read as it is, not as a backslash's escapes."""
        text = "\u064a\u062b\\\u0628 \u0641 \\ \u0644"
        for before, after in (('"', '"'), ("$'", "'")):
            copy = before + text + after
            with self.subTest(copy=copy):
                whole = check.explain(text, copy).explanations
                self.assertIn(("escaped",), [each.keys for each in whole])
                for explanation in whole:
                    self.assertEqual(remade(text, explanation.steps), copy.encode())
                self.assertEqual(whole[0].forms[0][1:3], ("nothing", (before, after)))

    def test_lines_folded_at_each_width_as_sed_folds_them(self) -> None:
        """GNU sed's l at widths 0 (no fold), 1 and 3 (narrower than an
        escape: a fold before each), 10 and 70, of a text with controls,
        ESC (\\033: no \\e), DEL, a backslash, $, quotes, Arabic, a mark, the
        flag and an empty line, ending with a line feed."""
        pinned = json.loads(library_output("sed_l_widths.json"))
        text, sed = pinned["text"], ("\\ooo", "outside printable ASCII", ("", ""))
        for width, output in pinned["outputs"].items():
            with self.subTest(width=width):
                rule = f"$ folded at {width}"
                self.assertEqual(composed(text, *sed, rule, (("\\", "\\\\"),)), output)
                [explanation] = check.explain(text, output).explanations
                self.assertEqual(explanation.keys, ("escaped",))
                self.assertEqual(remade(text, explanation.steps), output.encode())
                lines = explanation.forms[0][3]
                self.assertRegex(lines, r"\$ folded at \d+")
                if width in ("0", "70"):  # its line of 90 letters: no width but 0
                    self.assertEqual(lines, rule)
                report = str(check.explain(text, output))
                self.assertEqual(", as GNU sed's l writes it" in report, width == "70")

    def test_literals_joined_as_node_joins_them(self) -> None:
        """Node's util.inspect of a text longer than 76 characters: a literal a
        line joined by + and a line break, \\xHH for C0, DEL and C1 (\\x0B for
        a vertical tab), \\' as the literal holds every quote."""
        pinned = json.loads(library_output("node_inspect_hostile.json"))
        text, output = pinned["text"], pinned["output"]
        [explanation] = check.explain(text, output).explanations
        self.assertEqual(explanation.keys, ("escaped",))
        self.assertEqual(remade(text, explanation.steps), output.encode())
        notation, escaped, around, lines, _ = explanation.forms[0]
        self.assertEqual(
            (notation, escaped, around, lines),
            ("\\xHH\\uhhhh", "controls, DEL and C1", ("'", "'"), "\\n +"),
        )

    def test_notations_that_write_the_same_bytes_are_named_in_one_line(self) -> None:
        """Python's ascii() of Arabic-Indic digits: \\u0660, with no hex
        letter, is also JSON's \\uhhhh and \\uHHHH, Go's, Ruby's and Node's."""
        text = "\u0660\u0661 \u0662"
        copy = ascii(text)
        self.assertNotRegex(copy, "[a-fA-F]")
        difference = check.explain(text, copy)
        named = {explanation.forms[0][0] for explanation in difference.explanations}
        self.assertTrue({"\\uhhhh", "\\uHHHH", "\\xhh\\uhhhh\\Uhhhhhhhh"} <= named)
        for explanation in difference.explanations:
            self.assertEqual(remade(text, explanation.steps), copy.encode())
        [line] = known(str(difference))
        self.assertIn("\\uhhhh, \\uHHHH", line)
        self.assertIn("as Python's ascii() writes it", line)

    def test_the_others_are_named_by_nothing(self) -> None:
        for name in UNNAMED:
            with self.subTest(name=name):
                difference = check.explain(TEXT, library_output(name))
                whole = [e for e in difference.explanations if e.extent == "whole"]
                self.assertEqual(whole, [], difference)


TEXTS = tuple(random_text(random.Random(seed), 60) for seed in range(40))


class TheWriter(unittest.TestCase):
    """Each notation, set and line rule against what the standard library writes."""

    def test_pythons_escapes(self) -> None:
        python = "\\xhh\\uhhhh\\Uhhhhhhhh"
        backslash = (("\\", "\\\\"),)
        for text in TEXTS:
            with self.subTest(text=text):
                self.assertEqual(
                    composed(
                        text,
                        python,
                        "outside printable ASCII",
                        ("", ""),
                        "\\n",
                        backslash,
                    ),
                    text.encode("unicode_escape").decode("ascii"),
                )
                unquoted = text.replace("'", "")
                for function, escaped in (
                    (ascii, "outside printable ASCII"),
                    (repr, "not printable"),
                ):
                    self.assertEqual(
                        composed(
                            unquoted, python, escaped, ("'", "'"), "\\n", backslash
                        ),
                        function(unquoted),
                    )

    def test_the_codecs_error_handlers(self) -> None:
        handlers = {
            "xmlcharrefreplace": "&#d;",
            "backslashreplace": "\\xhh\\uhhhh\\Uhhhhhhhh",
            "namereplace": "\\N{name}",
        }
        for text in TEXTS:
            text = "".join(char for char in text if char >= " " or char == "\n")
            for errors, notation in handlers.items():
                with self.subTest(text=text, errors=errors):
                    self.assertEqual(
                        composed(text, notation, "outside ASCII", ("", ""), "kept", ()),
                        text.encode("ascii", errors).decode("ascii"),
                    )

    def test_elementtrees_attributes(self) -> None:
        """An attribute as xml.etree.ElementTree writes it, in ASCII and not:
        &quot; and the other entities, &#10; for a line feed.  (A tab it
        writes &#09;, and 3.8 a carriage return &#10;: texts without.)"""
        for text in TEXTS:
            text = "".join(char for char in text if char >= " " or char == "\n")
            for encoding in ("us-ascii", "unicode"):
                copy = ElementTree.tostring(
                    ElementTree.Element("t", text=text), encoding=encoding
                )
                copy = copy if isinstance(copy, bytes) else copy.encode()
                with self.subTest(text=text, encoding=encoding):
                    whole = [
                        each
                        for each in check.explain(text, copy).explanations
                        if each.extent == "whole"
                    ]
                    self.assertTrue(whole)
                    for explanation in whole:
                        self.assertEqual(remade(text, explanation.steps), copy)

    def test_json_both_ways(self) -> None:
        for text in TEXTS:
            for ensure_ascii in (True, False):
                with self.subTest(text=text, ensure_ascii=ensure_ascii):
                    self.assertEqual(
                        check.variant(f"json(ensure_ascii={ensure_ascii})", text=text),
                        json.dumps(text, ensure_ascii=ensure_ascii).encode("utf-8"),
                    )

    def test_each_byte_notations(self) -> None:
        written = {
            "%HH": "%{:02X}",
            "%hh": "%{:02x}",
            "=HH": "={:02X}",
            "\\ooo": "\\{:03o}",
            "\\xhh": "\\x{:02x}",
            "\\xHH": "\\x{:02X}",
            "\\x{h}-bytes": "\\x{{{:x}}}",
        }
        for text in TEXTS:
            every = "".join(map("{:02X}".format, text.encode()))
            for notation, template in written.items():
                with self.subTest(text=text, notation=notation):
                    made = composed(
                        text, notation, "every character", ("", ""), "escaped", ()
                    )
                    self.assertEqual(made, "".join(map(template.format, text.encode())))
                    self.assertEqual(len(every) // 2, len(text.encode()))

    def test_the_widest_write_the_most_of_every_character(self) -> None:
        chance = random.Random(25)
        chars = [chr(code) for code in range(0x800)] + [
            chr(
                chance.choice(
                    [
                        chance.randrange(0x800, 0xD800),
                        chance.randrange(0xE000, 0x110000),
                    ]
                )
            )
            for _ in range(3000)
        ]
        bounded = [key for key in NOTATIONS if key not in UNBOUNDED]
        for char in chars:
            most = max(len(NOTATIONS[key].write(char)) for key in WIDEST)
            self.assertEqual(
                max(len(NOTATIONS[key].write(char)) for key in bounded), most
            )

    def test_a_backslash_escape_is_a_backslash_and_a_letter_or_digit(self) -> None:
        # A copy without a backslash before a letter or digit is looked
        # through for no family of backslash escapes (notations.shown).
        families = [
            notation
            for key, notation in NOTATIONS.items()
            if notation.backslash and key != "none"
        ]
        chars = "\x00\n\t\x7f\xa0\xe9\u0627\u064b\u2028\ufeff\U0001f1f8"
        for notation in families:
            for char in chars:  # each escape it writes
                written = notation.write(char)
                self.assertRegex(written, r"\A(?:\\[0-9A-Za-z][^\\]*)+\Z")
        chance = random.Random(26)
        pieces = ["\\", "\\\\", "\\{", "\\\n", "\\ ", "x", "u", "U", "N", "{", "}"]
        pieces += ["0", "7", "41", "ff", "A", "-", " ", "\n", "\u0627"]
        for _ in range(3000):
            text = "".join(chance.choice(pieces) for _ in range(chance.randint(1, 12)))
            if re.search(r"\\[0-9A-Za-z]", text):
                continue
            for notation in families:
                self.assertIsNone(re.search(notation.escape, text), text)

    def test_no_escape_starts_as_a_short_one(self) -> None:
        # A run of a notation's escapes and short ones (\u0627\n over and
        # over) is read split at each backslash and letter of a short one.
        for key, notation in NOTATIONS.items():
            for letter in "abfnrtve":
                with self.subTest(notation=key, letter=letter):
                    escape = "\\" + letter + "{1F1E8}0627fd"
                    self.assertIsNone(re.match(notation.escape, escape, re.DOTALL))

    def test_a_body_cut_short_in_an_escape_is_told_by_its_end(self) -> None:
        # The last backslash that escapes (of an odd run) and starts nothing
        # the notation reads is kept as it is, which no family of them
        # writes: told before the body is read.  Only the last is looked at.
        written = "\\u0627\\n\\u0628" * 100
        for body, told, read in (
            (written, False, True),
            (written + "\\u06", True, False),
            (written + "\\", True, False),
            (written + "\\\\", False, True),  # a backslash, escaped
            (written + "\\\\\\u06'", True, False),
            (written + "\\\\\\n", False, True),
            (written[:-4] + "\\u" + written[-4:], False, False),
        ):
            with self.subTest(end=body[-12:]):
                self.assertEqual(ends_kept(body, "\\uhhhh", {}), told)
                reading = body_read(body, "\\uhhhh", {}, ("", ""), lambda *_: False)
                self.assertEqual(reading is not None, read)

    def test_escapes_and_short_ones_alternately(self) -> None:
        # Each line of a text as short as a letter: the escapes of each
        # family of backslash escapes, and \n, one after the other.
        text = "\u0627\n\u0644\t\U0001f1e8\n" * 300
        for key, notation in NOTATIONS.items():
            if not notation.backslash or key in UNBOUNDED or key == "none":
                continue
            for around in (("", ""), ('"', '"')):
                parts = (key, "every character", around, "\\n", ())
                copy = composed(text, *parts)
                with self.subTest(notation=key, around=around):
                    self.assertIn("\\n\\", copy)
                    explanations = check.explain(text, copy).explanations
                    self.assertTrue(explanations)
                    for explanation in explanations:
                        self.assertEqual(remade(text, explanation.steps), copy.encode())


# Concrete wrappers, one of each kind, for the property test.
AROUND = [
    ("", ""),
    ('"', '"'),
    ("'", "'"),
    ("$'", "'"),
    ("E'", "'"),
    ('$VAR1 = "', '";\n'),
    ('["', '"]'),
    ('{"text": "', '"}'),
    ("#a comment\ntext=", "\n"),
    ('<?xml version="1.0"?>\n<t>', "</t>\n"),
]
INSIDE = [
    (),
    (("\\", "\\\\"),),
    (('"', '\\"'), ("\\", "\\\\")),
    (('"', '\\"'), ("'", "\\'"), ("\\", "\\\\")),
    (("'", "''"),),
]


# The character each notation's escapes start with: a writer escapes it
# too, or a copy of a text that holds it is no escape one reads back.
LEADS = {
    key: "\\" if key == "none" else notation.escape.replace("(?=", "").lstrip("(")[0]
    for key, notation in NOTATIONS.items()
}


def drawn_parts(chance: random.Random) -> tuple:
    """Parts drawn at random: a quote doubled only in single quotes; line
    feeds as \\n and backslashes before characters only in a family of
    backslash escapes."""
    notation = chance.choice(sorted(NOTATIONS))
    backslash = NOTATIONS[notation].backslash
    sets = (
        NONE_SETS if notation == "none" else sorted(set(CHARACTER_SETS) - {"nothing"})
    )
    around = chance.choice(AROUND)
    inside = [
        each
        for each in INSIDE
        if (around[0] == "'" or each != (("'", "''"),))
        and (backslash or all(not written.startswith("\\") for _, written in each))
    ]
    lines = [
        rule
        for rule in sorted(LINE_RULES)
        if backslash or rule not in ("\\n", "\\n +")
        if rule != "\\n +" or around in (('"', '"'), ("'", "'"))  # literals joined
    ]
    if backslash and around == ("", ""):  # as GNU sed's l writes: no wrapper
        lines.append(f"$ folded at {chance.choice([0, 1, 3, 10, 70])}")
    return (
        notation,
        chance.choice(sets),
        around,
        chance.choice(lines),
        chance.choice(inside),
    )


def written_back(text: str, parts: tuple) -> str:
    """``text`` without the first character of the notation's escapes, where
    the parts would write it as it is (see LEADS)."""
    notation, escaped, _, _, inside = parts
    lead = LEADS[notation]
    if lead in dict(inside) or CHARACTER_SETS[escaped](lead):
        return text
    return text.replace(lead, "")


def recall(seed: int, draws: int) -> "tuple[int, int, list]":
    """Draw ``draws`` copies: a random text (the article's characters and
    ALPHABET's), written with random parts (``drawn_parts``; the text
    without what they would leave unreadable, ``written_back``).  Return
    how many differ from the text, how many of those are named, and the
    names that do not make their copy."""
    chance = random.Random(seed)
    drawn, named, false = 0, 0, []
    for _ in range(draws):
        parts = drawn_parts(chance)
        text = written_back(random_text(chance, chance.choice([20, 80, 300])), parts)
        copy = composed(text, *parts).encode("utf-8", "surrogatepass")
        if copy == text.encode("utf-8"):
            continue
        drawn += 1
        difference = check.explain(text, copy)
        whole = [each for each in difference.explanations if each.extent == "whole"]
        named += bool(whole)
        false += [
            (parts, each.keys) for each in whole if remade(text, each.steps) != copy
        ]
    return drawn, named, false


class DrawnParts(unittest.TestCase):
    SEED, DRAWS = 25, 15

    def test_drawn_copies_are_named_truly(self) -> None:
        drawn, named, false = recall(self.SEED, self.DRAWS)
        self.assertEqual(false, [])
        self.assertGreaterEqual(named, drawn * 7 // 10)


if __name__ == "__main__":
    unittest.main()
