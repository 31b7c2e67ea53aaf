"""check.py names the change a tool made: each kind of damage, pairs of them, partial and unknown changes.

Each damage is made here on its own terms, not with check.py's table, and
all the damaged copies go to one run of check.py.
"""

import codecs
import re
import unicodedata

from tests.support import ORIGINAL, RepoCopyTestCase

TEXT = ORIGINAL.decode("utf-8")
WINDOWS_1252_UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)


def read_as_windows_1252(data: bytes) -> bytes:
    """Windows' reading of bytes as Windows-1252, saved again as UTF-8."""
    return "".join(
        chr(byte) if byte in WINDOWS_1252_UNDEFINED else bytes([byte]).decode("cp1252")
        for byte in data
    ).encode("utf-8")


def arabic_indic(text: str) -> str:
    return "".join(
        chr(0x0660 + int(char)) if char in "0123456789" else char for char in text
    )


# file name: (the damaged bytes, what check.py must name)
SINGLE = {
    "newline": (ORIGINAL + b"\n", ["a newline added at the end"]),
    "crlf": (ORIGINAL.replace(b"\n", b"\r\n"), ["LF turned into CRLF"]),
    "bom": (codecs.BOM_UTF8 + ORIGINAL, ["a UTF-8 byte-order mark added"]),
    "nbsp": (
        ORIGINAL.replace(b"\xc2\xa0", b" "),
        ["no-break spaces turned into plain spaces", "normalized to NFKC"],
    ),
    "rstrip": (
        b"\n".join(
            line.decode("utf-8").rstrip().encode("utf-8")
            for line in ORIGINAL.split(b"\n")
        ),
        ["trailing whitespace stripped from each line (str.rstrip)"],
    ),
    "nfd": (unicodedata.normalize("NFD", TEXT).encode("utf-8"), ["normalized to NFD"]),
    "nfkc": (
        unicodedata.normalize("NFKC", TEXT).encode("utf-8"),
        ["no-break spaces turned into plain spaces", "normalized to NFKC"],
    ),
    "nfkd": (
        unicodedata.normalize("NFKD", TEXT).encode("utf-8"),
        ["normalized to NFKD"],
    ),
    "utf16le": (TEXT.encode("utf-16-le"), ["saved as UTF-16 LE"]),
    "utf16be": (TEXT.encode("utf-16-be"), ["saved as UTF-16 BE"]),
    "utf16le-bom": (
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        ["saved as UTF-16 LE with a byte-order mark"],
    ),
    "utf16be-bom": (
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        ["saved as UTF-16 BE with a byte-order mark"],
    ),
    "cp1256-replace": (
        TEXT.encode("cp1256", "replace"),
        ["saved as Windows-1256, ? for what it cannot hold"],
    ),
    "cp1256-drop": (
        TEXT.encode("cp1256", "ignore"),
        ["saved as Windows-1256, dropping what it cannot hold"],
    ),
    "iso8859-6-replace": (
        TEXT.encode("iso-8859-6", "replace"),
        ["saved as ISO-8859-6, ? for what it cannot hold"],
    ),
    "iso8859-6-drop": (
        TEXT.encode("iso-8859-6", "ignore"),
        ["saved as ISO-8859-6, dropping what it cannot hold"],
    ),
    "latin1": (
        ORIGINAL.decode("latin-1").encode("utf-8"),
        ["UTF-8 read as Latin-1 and saved as UTF-8 (mojibake)"],
    ),
    "cp1252": (
        read_as_windows_1252(ORIGINAL),
        ["UTF-8 read as Windows-1252 and saved as UTF-8 (mojibake)"],
    ),
    "tatweel": (
        ORIGINAL.replace("\u0640".encode("utf-8"), b""),
        ["tatweel (kashida, U+0640) removed"],
    ),
    "harakat": (
        re.sub("[\u064b-\u0652]", "", TEXT).encode("utf-8"),
        ["harakat (diacritics, U+064B to U+0652) removed"],
    ),
    "alef": (
        re.sub("[\u0623\u0625\u0622]", "\u0627", TEXT).encode("utf-8"),
        ["alef forms U+0623, U+0625, U+0622 unified to alef U+0627"],
    ),
    "teh-marbuta": (
        TEXT.replace("\u0629", "\u0647").encode("utf-8"),
        ["teh marbuta U+0629 written as heh U+0647"],
    ),
    "alef-maqsura": (
        TEXT.replace("\u0649", "\u064a").encode("utf-8"),
        ["alef maqsura U+0649 written as yeh U+064A"],
    ),
    "rlm": (
        "\n".join("\u200f" + line for line in TEXT.split("\n")).encode("utf-8"),
        ["right-to-left or left-to-right marks inserted"],
    ),
    "lrm": (
        TEXT.replace("\u060c", "\u060c\u200e").replace(".", "\u200f.").encode("utf-8"),
        ["right-to-left or left-to-right marks inserted"],
    ),
    "digits": (
        arabic_indic(TEXT).encode("utf-8"),
        ["Western digits turned into Arabic-Indic digits"],
    ),
    "quotes": (
        TEXT.replace("\u201c", '"').replace("\u201d", '"').encode("utf-8"),
        ["curly quotes straightened"],
    ),
    "comma": (
        TEXT.replace("\u060c", ",").encode("utf-8"),
        ["Arabic comma U+060C turned into a Latin comma"],
    ),
    "semicolon": (
        TEXT.replace("\u061b", ";").encode("utf-8"),
        ["Arabic semicolon U+061B turned into a Latin semicolon"],
    ),
}

PAIRS = {
    "newline-crlf": (
        (ORIGINAL + b"\n").replace(b"\n", b"\r\n"),
        ["a newline added at the end and LF turned into CRLF"],
    ),
    "bom-crlf": (
        codecs.BOM_UTF8 + ORIGINAL.replace(b"\n", b"\r\n"),
        ["LF turned into CRLF and a UTF-8 byte-order mark added"],
    ),
    "nfd-crlf": (
        unicodedata.normalize("NFD", TEXT).replace("\n", "\r\n").encode("utf-8"),
        ["LF turned into CRLF and normalized to NFD"],
    ),
    "crlf-utf16le": (
        TEXT.replace("\n", "\r\n").encode("utf-16-le"),
        ["LF turned into CRLF and saved as UTF-16 LE"],
    ),
    "rlm-tatweel": (
        ("\u200f" + TEXT.replace("\u0640", "")).encode("utf-8"),
        [
            "tatweel (kashida, U+0640) removed and right-to-left or left-to-right marks inserted"
        ],
    ),
}


def reports(output: bytes) -> "dict[str, list[str]]":
    """Split check.py's output into the lines about each file, by file name."""
    found = {}
    for line in output.decode("ascii").splitlines():
        if not line.startswith(" "):
            name = line.split(": ", 1)[0]
        found.setdefault(name, []).append(line)
    return found


class DamageTestCase(RepoCopyTestCase):
    """Damaged copies given to one run of check.py, each with what it must name."""

    def check_copies(
        self, damaged: "dict[str, tuple[bytes, list[str]]]", **environment: str
    ) -> None:
        for name, (data, _) in damaged.items():
            self.assertNotEqual(data, ORIGINAL, name)
            self.write(name, data)
        result = self.run_script("check.py", *damaged, environment=environment)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertEqual(result.stderr, b"")
        found = reports(result.stdout)
        for name, (_, names) in damaged.items():
            with self.subTest(damage=name):
                known = [
                    line.strip()
                    for line in found[name]
                    if line.startswith("  known change: ")
                ]
                self.assertEqual(
                    known, [f"known change: {change}" for change in names], found[name]
                )


class NamedDamage(DamageTestCase):
    def test_each_kind_of_damage_is_named(self) -> None:
        self.check_copies(SINGLE)

    def test_each_kind_of_damage_is_named_on_an_ascii_only_output(self) -> None:
        self.check_copies(SINGLE, PYTHONIOENCODING="ascii", LC_ALL="C")

    def test_two_at_once_are_named_together(self) -> None:
        self.check_copies(PAIRS, PYTHONIOENCODING="ascii")

    def test_pythons_own_utf16_is_one_of_the_named(self) -> None:
        self.write("utf16", TEXT.encode("utf-16"))
        result = self.run_script("check.py", "utf16")
        self.assertEqual(result.returncode, 1)
        self.assertRegex(
            result.stdout,
            rb"known change: saved as UTF-16 [LB]E with a byte-order mark",
        )


class UnknownDamage(RepoCopyTestCase):
    def test_partial_change_lists_each_place(self) -> None:
        offsets = [index for index, char in enumerate(TEXT) if char == "\xa0"][:3]
        damaged = TEXT.replace("\xa0", " ", 3)
        self.write("partial", damaged.encode("utf-8"))
        result = self.run_script(
            "check.py", "partial", environment={"PYTHONIOENCODING": "ascii"}
        )
        self.assertEqual(result.returncode, 1)
        lines = result.stdout.decode("ascii").splitlines()
        everywhere = TEXT.count("\xa0")
        for change in (
            "no-break spaces turned into plain spaces",
            "normalized to NFKC",
        ):
            self.assertIn(
                f"  known change, in 3 of {everywhere} places: {change}", lines
            )
        self.assertIn("  places that differ: 3", lines)
        self.assertNotIn("no known change", result.stdout.decode("ascii"))
        for offset in offsets:
            line = TEXT.count("\n", 0, offset) + 1
            column = offset - TEXT.rfind("\n", 0, offset)
            self.assertIn(
                f"    line {line}, column {column}: expected U+00A0 NO-BREAK SPACE, found U+0020 SPACE",
                lines,
            )

    def test_a_file_the_table_cannot_explain(self) -> None:
        paragraphs = TEXT.split("\n\n")
        self.write(
            "shuffled", "\n\n".join(paragraphs[1:] + paragraphs[:1]).encode("utf-8")
        )
        result = self.run_script("check.py", "shuffled")
        self.assertEqual(result.returncode, 1)
        self.assertIn(
            b"no known change explains it; places that differ: ", result.stdout
        )
        self.assertNotIn(
            b"known change:", result.stdout.replace(b"no known change", b"")
        )
        self.assertTrue(result.stdout.isascii())
