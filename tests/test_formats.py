"""check.py names the text written in data formats: a CSV field, JSON Lines, hex digits, JavaScript's escape(), other languages' string literals, PostgreSQL's COPY.

Copies are made here with the standard library (csv, json, bytes.hex and
textwrap), and kept as real tools wrote them in tests/data, from ar_news.txt:

- xxd_plain.txt: xxd 2022-01-14 (Debian's xxd 2:9.0.1378-2+deb12u2),
  ``xxd -p ar_news.txt``;
- js_escape_node.txt: Node.js v20.20.2, ``node -e 'process.stdout.write(
  escape(require("fs").readFileSync("ar_news.txt", "utf8")))'``;
- pg_copy_csv.txt: PostgreSQL 15.18, ``COPY article TO STDOUT (FORMAT csv)``
  of a one-column text table holding the article (psql with
  PGCLIENTENCODING=UTF8); pg_copy_text.txt the same, ``COPY article TO
  STDOUT`` (the text format);
- ruby_dump.txt: ruby 3.1.2p20, ``ruby -e 'print File.read("ar_news.txt",
  encoding: "UTF-8").dump'``;
- go_q.txt and go_plusq.txt: go1.19.8, ``fmt.Printf("%q", s)`` and
  ``fmt.Printf("%+q", s)`` of the file's content as a string;
- yaml_dump_default.txt and yaml_dq.txt: PyYAML 6.0.4, ``yaml.dump(text)``
  and ``yaml.dump(text, default_style='"', allow_unicode=True)``, written as
  UTF-8; yaml_dump_wide.txt the same, ``yaml.dump(text, width=float("inf"))``,
  no line folded; yaml_folded.txt, ``yaml.dump(text, default_style='>',
  allow_unicode=True)``, a folded block scalar;
- xxd_default.txt, hexdump_c.txt and od_an_tx1.txt: hex dumps with offsets
  (od's without), on Debian 12: ``xxd ar_news.txt`` (xxd 2022-01-14, Debian's
  xxd 2:9.0.1378-2+deb12u2), ``hexdump -C ar_news.txt`` (util-linux 2.38.1,
  Debian's bsdextrautils 2.38.1-5+deb12u3) and ``od -An -tx1 ar_news.txt``
  (GNU coreutils 9.1).
- base32_coreutils.txt, base32hex_basenc.txt and base64url_basenc.txt: GNU
  coreutils 9.1, ``base32 ar_news.txt``, ``basenc --base32hex ar_news.txt``
  and ``basenc --base64url ar_news.txt`` (lines of 76, a line break at the
  end).
- perl_encode_qp.txt: perl 5.36.0, MIME::QuotedPrint 3.16, ``perl
  -MMIME::QuotedPrint -e 'local $/; $_=<STDIN>; print encode_qp($_)' <
  ar_news.txt`` (a soft line break at the end, as the article ends with none).
"""

import base64
import binascii
import csv
import email.charset
import email.header
import email.message
import hashlib
import io
import json
import quopri
import textwrap
import unittest
import urllib.parse

import check
from ar_news_diagnosis.table import remade
from tests.support import ORIGINAL, known, library_output

TEXT = ORIGINAL.decode("utf-8")
TOOLS_SHA256 = {
    "perl_encode_qp.txt": "ee4311c892c1bf780dae11a9a7c6eebb6ac2e77bbbbaee62eb29fe92436ee302",
    "base32_coreutils.txt": "4a4ac48e9186f34958e0a165c9fb7d06d6eafe6851f1d4517f44774dcacad59e",
    "base32hex_basenc.txt": "0d59949f9a8bc7064695fde5f920ea26c94f15387c5d656b198c2913111ea1cc",
    "base64url_basenc.txt": "a1725b97913ca0c2aae8e280523030569a232af040ed9765f6300375ddf02ddf",
    "xxd_plain.txt": "2786fd00595d2c114a0972ad6fcacf7b09040280b77b0b203240ef9c8ffbc5d1",
    "js_escape_node.txt": "30fe176c03fc8df91abbe9cd0da4b8ae9034c54dbd25ac447f0200c3de0b986b",
    "pg_copy_csv.txt": "8a44230874e6250af4e2c27c0b8d756950ab821d9586182c56c6b165a59be6a3",
    "pg_copy_text.txt": "eda52e42115bdff3e3c0f4ba8052d77d9d18f7bd39a0042650948df935287352",
    "ruby_dump.txt": "d285157dfa94990e28e02ad6324cd43088c8862b3fab2e279787107f5e0d257b",
    "go_q.txt": "7b51e17efa24ebebc24ba19542d2b3366d8f019237e2cda11c6618dd1a88cedd",
    "go_plusq.txt": "25c841a4897fe2930c6d1410232bbb62e778b606bfff5a30800a3d271372e797",
    "yaml_dump_default.txt": "dfa47a4e638888f0409ffe45d7aa067404087bf51099e98a47be59bba87d3e7c",
    "yaml_dq.txt": "0aa8b5a7384bdecb18f928302a61b287083df6e123aab927ace06bdaabe797bb",
    "yaml_dump_wide.txt": "4d6ae2344d4459270ca90a9c8e98cc670f976a4ae3804515420a4b8c52605ca4",
    "yaml_folded.txt": "ac8be89e4ef2cfec4ad6f7b56990fae595681d4cf5d2de4485d17e8745a6fe83",
    "xxd_default.txt": "df43fcd7504c606e4bce2e4b9eaa6fae488838ab69862d6ec351b464136a6aa4",
    "hexdump_c.txt": "fef0a209f4be133611d4654f7e022097aff92029087f05ec2a7cefb12bfd367f",
    "od_an_tx1.txt": "d44edf4fb96c11fecb802c184b3ea8cfe22874fa1f258d47d6669e0c9a367e09",
}
DUMPS = {  # each tool's dump of the article, what check.py must name, its key
    "xxd_default.txt": ("written as xxd's hex dump", "xxd"),
    "hexdump_c.txt": ("written as a hex dump by hexdump -C", "hexdump-c"),
    "od_an_tx1.txt": ("written as a hex dump by od -An -tx1 (no offsets)", "od"),
}
# A run of tatweel, and the same tools' dumps of it: hexdump and od write a
# line the same as the one before as "*", once for the run.
RUN = "\u0622\u0633\u064a" + "\u0640" * 41 + "\u0627"
RUN_DUMPS = {
    "xxd": (
        "00000000: d8a2 d8b3 d98a d980 d980 d980 d980 d980  ................\n"
        + "".join(
            f"000000{offset}0: d980 d980 d980 d980 d980 d980 d980 d980  ................\n"
            for offset in range(1, 5)
        )
        + "00000050: d980 d980 d980 d980 d8a7                 ..........\n"
    ),
    "hexdump-c": (
        "00000000  d8 a2 d8 b3 d9 8a d9 80  d9 80 d9 80 d9 80 d9 80  |................|\n"
        "00000010  d9 80 d9 80 d9 80 d9 80  d9 80 d9 80 d9 80 d9 80  |................|\n"
        "*\n"
        "00000050  d9 80 d9 80 d9 80 d9 80  d8 a7                    |..........|\n"
        "0000005a\n"
    ),
    "od": (
        " d8 a2 d8 b3 d9 8a d9 80 d9 80 d9 80 d9 80 d9 80\n"
        " d9 80 d9 80 d9 80 d9 80 d9 80 d9 80 d9 80 d9 80\n"
        "*\n"
        " d9 80 d9 80 d9 80 d9 80 d8 a7\n"
    ),
}
LITERALS = {  # each tool's output, what check.py must name, its key
    "ruby_dump.txt": ("written as Ruby's String#dump", "ruby-dump"),
    "go_q.txt": ("written as Go's %q", "go-q"),
    "go_plusq.txt": ("written as Go's %+q (ASCII only)", "go-plus-q"),
    "yaml_dump_default.txt": (
        "written as a YAML double-quoted string (PyYAML's yaml.dump)",
        "yaml",
    ),
    "pg_copy_text.txt": (
        "written as a field of PostgreSQL's COPY text format, a line of its own",
        "postgresql-copy",
    ),
    "yaml_folded.txt": (
        "written as a YAML folded block scalar (PyYAML's default_style='>')",
        "yaml-folded",
    ),
}
# Small texts as PyYAML 6.0.3 writes them with yaml.dump(text,
# default_style=">", allow_unicode=True): its line breaks kept at the end
# (chomping "+", the document's end marked), a first line more indented.
YAML_FOLDED = {
    "سلام عليكم\n\nمرحبا بكم\n\n": ">+\n  سلام عليكم\n\n\n  مرحبا بكم\n\n...\n",
    " مرحبا\nبكم في كوريا": ">2-\n   مرحبا\n  بكم في كوريا\n",
}
YAML_FOLDED_NAME = "written as a YAML folded block scalar (PyYAML's default_style='>')"
CSV = "written as a quoted CSV field"
JSON_LINES = "written as JSON Lines, each line a JSON string"
HEX = "written as hex digits (a hex dump)"
JS_ESCAPE = "escaped with JavaScript's escape() (%uXXXX)"


def csv_file(text: str, **options: str) -> bytes:
    """The text as the one field of a CSV file, as the csv module writes it."""
    written = io.StringIO()
    csv.writer(written, **options).writerow([text])
    return written.getvalue().encode("utf-8")


def json_lines(text: str, **options: bool) -> bytes:
    return "".join(
        json.dumps(line, **options) + "\n" for line in text.split("\n")
    ).encode("utf-8")


def hex_lines(data: bytes, width: int) -> bytes:
    return ("\n".join(textwrap.wrap(data.hex(), width)) + "\n").encode("ascii")


class DataFormats(unittest.TestCase):
    def test_real_tools_outputs_are_as_pinned(self) -> None:
        for name, digest in TOOLS_SHA256.items():
            with self.subTest(name=name):
                self.assertEqual(
                    hashlib.sha256(library_output(name)).hexdigest(), digest
                )

    def test_each_is_named(self) -> None:
        copies = {
            "csv.writer": (csv_file(TEXT), CSV),
            "csv.writer, lines ended with LF": (
                csv_file(TEXT, lineterminator="\n"),
                CSV,
            ),
            "an Excel CSV, a byte-order mark first": (
                b"\xef\xbb\xbf" + csv_file(TEXT),
                CSV,
            ),
            "PostgreSQL's COPY as CSV": (library_output("pg_copy_csv.txt"), CSV),
            "JSON Lines": (json_lines(TEXT), JSON_LINES),
            "JSON Lines, not only ASCII": (
                json_lines(TEXT, ensure_ascii=False),
                JSON_LINES,
            ),
            "bytes.hex()": (ORIGINAL.hex().encode("ascii"), HEX),
            "upper-case hex in lines of 64": (
                hex_lines(ORIGINAL, 64).upper(),
                HEX,
            ),
            "xxd -p": (library_output("xxd_plain.txt"), HEX),
            "base32": (library_output("base32_coreutils.txt"), "encoded as Base32"),
            "basenc --base32hex": (
                library_output("base32hex_basenc.txt"),
                "encoded as Base32 with the extended hex alphabet",
            ),
            "basenc --base64url": (
                library_output("base64url_basenc.txt"),
                "encoded as Base64 with the URL alphabet (- and _)",
            ),
            "escape() in Node.js": (library_output("js_escape_node.txt"), JS_ESCAPE),
        }
        for name, (copy, change) in copies.items():
            with self.subTest(copy=name):
                self.assertEqual(
                    known(check.compare(TEXT, copy)), [f"  known change: {change}"]
                )

    def test_binary_to_text_in_the_standard_librarys_other_forms(self) -> None:
        paragraph = TEXT.split("\n")[4].encode("utf-8")
        self.assertTrue(len(paragraph) % 3)  # Base64 pads it
        copies = {
            "Base64, the URL alphabet, no padding (as in a JWT)": (
                paragraph,
                base64.urlsafe_b64encode(paragraph).rstrip(b"="),
                "encoded as Base64 with the URL alphabet (- and _)",
            ),
            "Base85 in lines of 80": (
                ORIGINAL,
                b"\n".join(
                    base64.b85encode(ORIGINAL)[start : start + 80]
                    for start in range(0, len(base64.b85encode(ORIGINAL)), 80)
                ),
                "encoded as Base85 (base64.b85encode, as git's binary patches)",
            ),
            "Ascii85 in lines of 75": (
                ORIGINAL,
                base64.a85encode(ORIGINAL, wrapcol=75),
                "encoded as Ascii85 (base64.a85encode)",
            ),
            "Ascii85 between Adobe's <~ and ~>": (
                ORIGINAL,
                base64.a85encode(ORIGINAL, adobe=True),
                "encoded as Ascii85 (base64.a85encode)",
            ),
            "Ascii85 between <~ and ~>, in lines of 75 and a line break": (
                paragraph,
                base64.a85encode(paragraph, adobe=True, wrapcol=75) + b"\n",
                "encoded as Ascii85 (base64.a85encode)",
            ),
            "uuencoded, ` for a zero": (
                ORIGINAL,
                b"".join(
                    binascii.b2a_uu(ORIGINAL[start : start + 45], backtick=True)
                    for start in range(0, len(ORIGINAL), 45)
                ),
                "uuencoded, as binascii.b2a_uu writes each line of 45 bytes",
            ),
        }
        for name, (text, copy, change) in copies.items():
            with self.subTest(copy=name):
                self.assertEqual(
                    known(check.compare(text, copy)), [f"  known change: {change}"]
                )

    def test_perls_quoted_printable(self) -> None:
        """MIME::QuotedPrint's encode_qp of the article: the lines quopri
        writes, and a soft line break at the end, as the text ends with no
        line feed (of other texts, lines broken otherwise too)."""
        copy = library_output("perl_encode_qp.txt")
        self.assertEqual(copy[:-2], quopri.encodestring(ORIGINAL))
        self.assertEqual(copy[-2:], b"=\n")
        difference = check.explain(TEXT, copy)
        self.assertEqual(
            [each.asked for each in difference.explanations],
            [("quoted-printable(writer='perl')",)],
        )
        self.assertEqual(check.variant(*difference.explanations[0].asked), copy)

    def test_quoted_printable_for_a_mail_header(self) -> None:
        copy = quopri.encodestring(ORIGINAL, header=True)
        self.assertNotIn(b" ", copy)
        difference = check.explain(TEXT, copy)
        self.assertEqual(
            [each.asked for each in difference.explanations],
            [("quoted-printable(writer='quopri-header')",)],
        )
        self.assertEqual(check.variant(*difference.explanations[0].asked), copy)

    def test_a_form_field_as_urlencode_writes_it(self) -> None:
        """The article as a form's field (a query or a body posted), its
        name read off the copy; a value that quote_plus does not write, or
        two fields, are none."""
        for name in ("q", "text", "my_field.1"):
            copy = urllib.parse.urlencode({name: TEXT})
            with self.subTest(name=name):
                difference = check.explain(TEXT, copy)
                self.assertEqual(
                    [each.asked for each in difference.explanations],
                    [(f"form-field(name={name!r})",)],
                )
                self.assertIn(f"the form field {name}=", str(difference))
                self.assertEqual(
                    check.variant(*difference.explanations[0].asked), copy.encode()
                )
        quoted = urllib.parse.quote(TEXT, safe="")  # a space as %20
        value = urllib.parse.quote_plus(TEXT)
        for copy in (f"q={quoted}", f"q={value}&r=1"):
            keys = [each.keys for each in check.explain(TEXT, copy).explanations]
            self.assertNotIn(("form-field",), keys)

    def test_encoded_words_as_a_mail_header_holds_them(self) -> None:
        """A headline as the email package writes it in a Subject header, in
        Base64 and in Q words, its first line shorter by the header's name."""
        headline = TEXT.split("\n")[0]
        message = email.message.EmailMessage()
        message["Subject"] = headline
        value = message.as_string().split("\n\n")[0].split("Subject: ", 1)[1]
        q = email.charset.Charset("utf-8")
        q.header_encoding = email.charset.QP
        copies = {
            "a Subject header": (value, "Base64"),
            "Header, Base64": (
                email.header.Header(headline, "utf-8").encode(),
                "Base64",
            ),
            "Header, Q": (email.header.Header(headline, q).encode(), "Q"),
        }
        for name, (copy, kind) in copies.items():
            with self.subTest(copy=name):
                self.assertIn("=?utf-8?", copy)
                self.assertEqual(
                    str(email.header.make_header(email.header.decode_header(copy))),
                    headline,
                )
                difference = check.explain(headline, copy)
                self.assertEqual(
                    known(str(difference)),
                    [
                        (
                            "  known change: written as a mail header's encoded"
                            f" words (RFC 2047, email.header), {kind}"
                        )
                    ],
                )
                self.assertEqual(
                    remade(headline, difference.explanations[0].steps), copy.encode()
                )

    def test_yaml_single_quoted_only_where_pyyaml_writes_it_so(self) -> None:
        """PyYAML writes a text double-quoted where asked for single quotes
        and a space stands beside a line break, or a character it escapes."""
        for text in ("a \nb", "a\n b", "tab\there", "\ufeffmark"):
            with self.subTest(text=text), self.assertRaises(ValueError):
                check.variant("yaml-single-quoted", text=text)
        self.assertEqual(
            check.variant("yaml-single-quoted", text="it's\nnot"),
            b"'it''s\n\n  not'\n",
        )

    def test_binary_to_text_of_every_length(self) -> None:
        # A last group short by each number of bytes: Base85 and Ascii85 leave
        # it short, with no padding (= is a character of Base85's alphabet).
        forms = {
            "encoded as Base85 (base64.b85encode, as git's binary patches)": (
                base64.b85encode
            ),
            "encoded as Ascii85 (base64.a85encode)": base64.a85encode,
            "encoded as Base32": base64.b32encode,
        }
        for length in range(3, 8):
            text = TEXT.split(" ")[5][:length]
            for change, encode in forms.items():
                with self.subTest(change=change, length=length):
                    copy = encode(text.encode("utf-8"))
                    self.assertEqual(
                        known(check.compare(text, copy)), [f"  known change: {change}"]
                    )

    def test_ascii85_of_four_zero_bytes_in_one_character(self) -> None:
        # a85encode writes four zero bytes as z: the groups after it are
        # not where a length in fives would put them.
        for length in range(3, 8):
            text = "\x00" * 4 + TEXT.split(" ")[5][:length]
            copy = base64.a85encode(text.encode("utf-8"))
            with self.subTest(length=length):
                self.assertTrue(copy.startswith(b"z"))
                self.assertEqual(
                    known(check.compare(text, copy)),
                    ["  known change: encoded as Ascii85 (base64.a85encode)"],
                )

    def test_binary_to_text_of_a_text_that_repeats(self) -> None:
        # A word over and over: 2,000 groups and more, nine of them distinct.
        word = "\u0633\u0644\u0627\u0645 "  # nine bytes
        text = word * 1000
        forms = {
            "encoded as Base85 (base64.b85encode, as git's binary patches)": (
                base64.b85encode
            ),
            "encoded as Ascii85 (base64.a85encode)": base64.a85encode,
            "encoded as Base32": base64.b32encode,
        }
        for change, encode in forms.items():
            with self.subTest(change=change):
                copy = encode(text.encode("utf-8"))
                self.assertEqual(
                    known(check.compare(text, copy)), [f"  known change: {change}"]
                )
        # Four zero bytes among them, which a85encode writes as z, not !!!!!
        # as a85decode reads them too.
        text = word * 36 + "\x00" * 4 + word * 964  # at a group's start
        copy = base64.a85encode(text.encode("utf-8"))
        self.assertEqual(copy.count(b"z"), 1)
        self.assertEqual(
            known(check.compare(text, copy)),
            ["  known change: encoded as Ascii85 (base64.a85encode)"],
        )
        self.assertEqual(known(check.compare(text, copy.replace(b"z", b"!!!!!"))), [])

    def test_binary_to_text_edited_by_hand_is_none_of_them(self) -> None:
        encoded = base64.b32encode(ORIGINAL)
        at = len(encoded) // 2
        edited = encoded[:at] + (b"A" if encoded[at : at + 1] != b"A" else b"B")
        for copy in (edited + encoded[at + 1 :], base64.b32encode(ORIGINAL).lower()):
            with self.subTest(copy=copy[at - 8 : at + 8]):
                self.assertEqual(known(check.compare(TEXT, copy)), [])

    def test_xxd_writes_lines_of_sixty_hex_digits(self) -> None:
        self.assertEqual(library_output("xxd_plain.txt"), hex_lines(ORIGINAL, 60))
        self.assertEqual(check.variant("hex"), hex_lines(ORIGINAL, 60))

    def test_the_variants_are_the_standard_librarys(self) -> None:
        self.assertEqual(check.variant("csv"), csv_file(TEXT))
        self.assertEqual(check.variant("json-lines"), json_lines(TEXT))
        self.assertEqual(
            check.variant("js-escape"), library_output("js_escape_node.txt")
        )

    def test_a_text_change_under_the_format(self) -> None:
        """The format and the change made to the text before it are named."""
        without_tatweel = TEXT.replace("\u0640", "")
        copies = {
            "tatweel removed, then CSV": (
                csv_file(without_tatweel),
                f"tatweel (kashida, U+0640) removed and {CSV}",
            ),
            "straight quotes doubled in a CSV field": (
                csv_file(TEXT.replace("\u201c", '"').replace("\u201d", '"')),
                f"curly quotes straightened and {CSV}",
            ),
            "tatweel removed, then JSON Lines": (
                json_lines(without_tatweel),
                f"tatweel (kashida, U+0640) removed and {JSON_LINES}",
            ),
        }
        for name, (copy, change) in copies.items():
            with self.subTest(copy=name):
                self.assertEqual(
                    known(check.compare(TEXT, copy)), [f"  known change: {change}"]
                )

    def test_string_literals_and_copy_as_the_tools_write_them(self) -> None:
        for name, (change, key) in LITERALS.items():
            with self.subTest(tool=name):
                copy = library_output(name)
                self.assertEqual(
                    known(check.compare(TEXT, copy)), [f"  known change: {change}"]
                )
                self.assertEqual(check.variant(key), copy)

    def test_yaml_with_allow_unicode_or_another_width(self) -> None:
        """Arabic as it is, the flag still escaped, lines folded at 80; or no line folded."""
        self.assertIn(b"\\U0001F1E8", library_output("yaml_dq.txt"))
        self.assertEqual(library_output("yaml_dump_wide.txt").count(b"\n"), 1)
        for name in ("yaml_dq.txt", "yaml_dump_wide.txt"):
            with self.subTest(name=name):
                self.assertEqual(
                    known(check.compare(TEXT, library_output(name))),
                    [
                        (
                            "  known change: written as a YAML double-quoted string"
                            " (PyYAML's yaml.dump)"
                        )
                    ],
                )

    def test_yaml_folded_lines_and_breaks_as_pyyaml_writes_them(self) -> None:
        header, *lines = library_output("yaml_folded.txt").decode("utf-8").split("\n")
        self.assertEqual(header, ">-")  # no line break at the end: stripped
        self.assertTrue(all(line.startswith("  ") for line in lines if line))
        self.assertGreater(len(lines), 2 * TEXT.count("\n"))  # lines folded too
        for text, copy in YAML_FOLDED.items():
            with self.subTest(text=text):
                self.assertEqual(
                    known(check.compare(text, copy.encode("utf-8"))),
                    [f"  known change: {YAML_FOLDED_NAME}"],
                )
                self.assertEqual(
                    check.variant("yaml-folded", text=text), copy.encode("utf-8")
                )

    def test_a_folded_line_joined_by_hand_is_not_yaml(self) -> None:
        folded = library_output("yaml_folded.txt")
        joined = folded.replace(b"\n  ", b" ", 1)
        self.assertNotEqual(joined, folded)
        self.assertNotIn(YAML_FOLDED_NAME, check.compare(TEXT, joined))

    def test_hex_dumps_with_offsets_as_the_tools_write_them(self) -> None:
        for name, (change, key) in DUMPS.items():
            with self.subTest(tool=name):
                copy = library_output(name)
                lines = copy.decode("ascii").split("\n")
                if key == "od":  # the bytes alone: they are the article's
                    self.assertEqual(bytes.fromhex(copy.decode("ascii")), ORIGINAL)
                else:  # each line after the offset of its first byte, 16 a line
                    for number, line in enumerate(lines[: len(ORIGINAL) // 16]):
                        self.assertTrue(line.startswith(f"{16 * number:08x}"))
                self.assertEqual(
                    known(check.compare(TEXT, copy)), [f"  known change: {change}"]
                )
                self.assertEqual(check.variant(key), copy)

    def test_a_run_of_lines_the_same_written_once(self) -> None:
        for key, dump in RUN_DUMPS.items():
            with self.subTest(key=key):
                self.assertEqual(check.variant(key, text=RUN), dump.encode("ascii"))
        # hexdump's offsets say how many lines the * stands for.
        report = check.compare(RUN, RUN_DUMPS["hexdump-c"].encode("ascii"))
        self.assertIn("  known change: written as a hex dump by hexdump -C", report)

    def test_a_dump_edited_by_hand_is_none_of_them(self) -> None:
        edits = {  # one edit to each tool's dump
            "xxd_default.txt": (b"  ..", b"  x."),  # the ASCII column
            "hexdump_c.txt": (b" d8 ", b"d8 "),  # a space taken out
            "od_an_tx1.txt": (b"\n", b"\n\n"),  # an empty line
        }
        for name, (change, _) in DUMPS.items():
            copy = library_output(name)
            edited = copy.replace(*edits[name], 1)
            with self.subTest(tool=name):
                self.assertNotEqual(edited, copy)
                self.assertNotIn(change, check.compare(TEXT, edited))

    def test_one_language_is_not_named_for_another(self) -> None:
        """Go writes \\U0001f1e8 where Ruby writes \\u{1F1E8}: the same text, read back."""
        ruby, go = library_output("ruby_dump.txt"), library_output("go_plusq.txt")
        self.assertNotEqual(ruby.lower(), go.lower())
        for copy, other in ((ruby, "Go's"), (go, "Ruby's")):
            self.assertNotIn(other, check.compare(TEXT, copy))

    def test_text_in_double_quotes_is_no_csv_row(self) -> None:
        """A CSV writer ends its row with a line break: quotes alone are an
        escape of parts that escapes nothing."""
        copy = b'"' + ORIGINAL + b'"'
        explanations = check.explain(TEXT, copy).explanations
        self.assertEqual([each.keys for each in explanations], [("escaped",)])
        self.assertNotIn(CSV, check.compare(TEXT, copy))

    def test_a_near_miss_is_not_named(self) -> None:
        """A CSV field whose quotes are not doubled is no csv module's."""
        straightened = TEXT.replace("\u201c", '"').replace("\u201d", '"')
        copy = f'"{straightened}"\r\n'.encode()
        self.assertNotIn(CSV, check.compare(TEXT, copy))


if __name__ == "__main__":
    unittest.main()
