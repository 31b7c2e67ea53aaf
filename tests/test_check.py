"""check.py: the comparison, the command, its exit statuses, and input that tries to break it."""

import base64
import json
import os
import resource
import subprocess
import sys
import threading
import unicodedata
import unittest
import urllib.parse

import check
from tests.support import HANG, ORIGINAL, RepoCopyTestCase
from tests.test_damage import read_as_windows_1252


def positions(data: bytes) -> "list[tuple[int, int]]":
    """The line and column, from 1, of the character holding each byte of ``data``."""
    result = []
    line, column = 1, 0
    for char in data.decode("utf-8"):
        column += 1
        result += [(line, column)] * len(char.encode("utf-8"))
        if char == "\n":
            line, column = line + 1, 0
    return result


POSITIONS = positions(ORIGINAL)


def sample_offsets() -> "list[int]":
    """Every byte of the first line, around every line break, the last bytes, and a byte in 97."""
    breaks = [index for index, byte in enumerate(ORIGINAL) if byte == 0x0A]
    near_breaks = [index + step for index in breaks for step in (-2, -1, 0, 1)]
    chosen = (
        set(range(breaks[0] + 2))
        | set(near_breaks)
        | set(range(len(ORIGINAL) - 12, len(ORIGINAL)))
    )
    return sorted(chosen | set(range(0, len(ORIGINAL), 97)))


class Compare(unittest.TestCase):
    """compare(expected, actual), called without a subprocess."""

    def test_identical_is_none(self) -> None:
        self.assertIsNone(check.compare(ORIGINAL, bytes(ORIGINAL)))

    def assertFirstDifferenceAt(self, damaged: bytes, index: int) -> None:
        """The report's first line names byte ``index`` (from 0) at its line and column."""
        line, column = POSITIONS[index]
        where = f"copy: differs: byte {index + 1}, line {line}, column {column}"
        with self.subTest(index=index):
            difference = check.Difference(ORIGINAL, damaged, "copy")  # no search
            self.assertEqual(str(difference).splitlines()[0], where)

    def test_changed_byte(self) -> None:
        for index in sample_offsets():
            changed = bytes([ORIGINAL[index] ^ 0x01])
            self.assertFirstDifferenceAt(
                ORIGINAL[:index] + changed + ORIGINAL[index + 1 :], index
            )

    def test_inserted_byte(self) -> None:
        for index in sample_offsets():
            self.assertFirstDifferenceAt(
                ORIGINAL[:index] + b"\x00" + ORIGINAL[index:], index
            )

    def test_removed_byte(self) -> None:
        for index in sample_offsets()[:-1]:
            first = index
            while (
                ORIGINAL[first + 1] == ORIGINAL[first]
            ):  # one of a run: the bytes part later
                first += 1
            self.assertFirstDifferenceAt(
                ORIGINAL[:index] + ORIGINAL[index + 1 :], first
            )

    def test_truncated(self) -> None:
        line, column = POSITIONS[6999]
        report = check.compare(ORIGINAL, ORIGINAL[:7000], "copy")
        self.assertEqual(
            report.splitlines()[0],
            f"copy: EOF on copy after byte 7000, line {line}, column {column}",
        )
        self.assertEqual(len(report.splitlines()), 2)

    def test_last_byte_removed(self) -> None:
        report = check.compare(ORIGINAL, ORIGINAL[:-1], "copy")
        line, column = POSITIONS[-2]
        self.assertEqual(
            report.splitlines()[0],
            f"copy: EOF on copy after byte 7164, line {line}, column {column}",
        )
        self.assertEqual(
            report.splitlines()[1], "  expected U+002E FULL STOP, found end of file"
        )

    def test_empty(self) -> None:
        report = check.compare(ORIGINAL, b"", "copy")
        self.assertEqual(report.splitlines()[0], "copy: EOF on copy which is empty")

    def test_extended(self) -> None:
        report = check.compare(ORIGINAL, ORIGINAL + b"!", "copy").splitlines()
        line, column = POSITIONS[-1]
        self.assertEqual(
            report[0],
            f"copy: longer than the original: byte 7166, line {line}, column {column + 1}",
        )
        self.assertEqual(
            report[1], "  expected end of file, found U+0021 EXCLAMATION MARK"
        )

    def test_expected_and_found_characters_are_named(self) -> None:
        index = ORIGINAL.index(b"\xc2\xa0")
        report = check.compare(
            ORIGINAL, ORIGINAL[:index] + b" " + ORIGINAL[index + 2 :]
        )
        self.assertIn(
            "  expected U+00A0 NO-BREAK SPACE, found U+0020 SPACE", report.splitlines()
        )

    def test_change_inside_a_character_names_the_whole_character(self) -> None:
        alef = "\u0627".encode("utf-8")
        index = ORIGINAL.index(alef)
        hamza_above = "\u0623".encode(
            "utf-8"
        )  # same first byte as alef, another second
        report = check.compare(
            ORIGINAL, ORIGINAL[:index] + hamza_above + ORIGINAL[index + 2 :], "copy"
        )
        line, column = POSITIONS[index]
        self.assertEqual(
            report.splitlines()[0],
            f"copy: differs: byte {index + 2}, line {line}, column {column}",
        )
        self.assertEqual(
            report.splitlines()[1],
            "  expected U+0627 ARABIC LETTER ALEF, found U+0623 ARABIC LETTER ALEF WITH HAMZA ABOVE",
        )

    def test_bytes_that_are_not_utf8_are_shown_as_bytes(self) -> None:
        report = check.compare(ORIGINAL, b"\xff" + ORIGINAL[1:], "copy")
        self.assertEqual(
            report.splitlines()[1],
            "  expected U+1F1E8 REGIONAL INDICATOR SYMBOL LETTER C, found 0xFF",
        )
        self.assertTrue(report.isascii())


class PinnedLimits(unittest.TestCase):
    """The article's limits that check.py pins, so that the diagnosis need
    not work them out, are what it works out."""

    def test_before_a_saving_and_before_the_escapes(self) -> None:
        from ar_news_diagnosis.limits import limit_before

        text = ORIGINAL.decode("utf-8")
        for stage, pinned in check.LIMITS_BEFORE.items():
            with self.subTest(stage=stage):
                self.assertEqual(pinned, limit_before(text, stage))
        self.assertEqual(check.limits_of(text), (check.READ_LIMIT, check.LIMITS_BEFORE))
        self.assertEqual(check.limits_of(text[1:]), (None, None))

    def test_long_copies_are_told_alike_with_them_and_without(self) -> None:
        """Copies whose layers undone give texts longer than four times the
        article, which the limits bound: the article in UTF-16 five times
        over, and in Base64 (before a saving, and the escapes), and a space
        and %D8%A7 over and over in quotes (the escapes)."""
        utf16 = ORIGINAL.decode("utf-8").encode("utf-16-le") * 5
        package = check.diagnosis()
        for copy in (utf16, base64.encodebytes(utf16), b'"' + b" %D8%A7" * 8000 + b'"'):
            with self.subTest(copy=copy[:20]):
                self.assertEqual(
                    check.compare(ORIGINAL, copy), package.compare(ORIGINAL, copy)
                )


class CompareAnyText(unittest.TestCase):
    """compare() on a part of the article, on str, and on texts larger than it."""

    def known(self, report: str) -> "list[str]":
        return [line for line in report.splitlines() if "known change" in line]

    def test_one_line_with_crlf_added(self) -> None:
        line = ORIGINAL.split(b"\n")[4]
        report = check.compare(line, line + b"\r\n")
        self.assertEqual(
            self.known(report),
            ["  known change: a newline added at the end and LF turned into CRLF"],
        )

    def test_str_stands_for_its_utf8_bytes(self) -> None:
        text = ORIGINAL.decode("utf-8")
        nfkc = unicodedata.normalize("NFKC", text)
        report = check.compare(text, nfkc, "copy")
        self.assertEqual(report, check.compare(ORIGINAL, nfkc.encode("utf-8"), "copy"))
        self.assertIn("  known change: normalized to NFKC", report.splitlines())

    def test_a_text_larger_than_the_old_limit_is_examined(self) -> None:
        large = ORIGINAL * 10
        self.assertGreater(len(large), 64 * 1024)
        report = check.compare(large, large + b"\n")
        self.assertEqual(
            self.known(report), ["  known change: a newline added at the end"]
        )

    def test_the_limit_follows_the_size_of_expected(self) -> None:
        line = ORIGINAL.split(b"\n")[2]
        limit = check.size_limit(line.decode("utf-8"))
        self.assertGreater(limit, len(line))
        report = check.compare(line, b"x" * (limit + 1)).splitlines()
        self.assertEqual(
            report[-1],
            f"  longer than {limit} bytes: no known change makes that much of the"
            " original, but an escape made twice, not looked for in a copy this long",
        )
        self.assertNotIn("longer than", check.compare(line, b"x" * limit))

    def test_no_copy_a_known_change_makes_is_refused(self) -> None:
        """The largest outputs, made here, of short, empty and unusual texts are examined."""
        texts = [
            "",
            "a",
            " \n",
            "\ufdfa",
            "\U0001f1e8\U0001f1fd",
            ORIGINAL.decode("utf-8"),
        ]
        for text in texts:
            mojibake = read_as_windows_1252(read_as_windows_1252(text.encode("utf-8")))
            largest = {
                "newline": (text + "\n").encode("utf-8"),
                "json of CRLF": json.dumps(text.replace("\n", "\r\n")).encode("ascii"),
                "double mojibake as references": "".join(
                    f"&#{ord(char)};" for char in mojibake.decode("utf-8")
                ).encode("ascii"),
                "NFKD percent-encoded": urllib.parse.quote(
                    unicodedata.normalize("NFKD", text), safe=""
                ).encode("ascii"),
            }
            for name, copy in largest.items():
                with self.subTest(text=text[:10], copy=name):
                    report = check.compare(text, copy) or ""
                    self.assertNotIn("no known change makes that much", report)

    def test_a_newline_added_to_the_empty_text_is_named(self) -> None:
        self.assertEqual(
            self.known(check.compare(b"", b"\n")),
            ["  known change: a newline added at the end"],
        )


class Command(RepoCopyTestCase):
    def test_repository(self) -> None:
        result = self.run_script("check.py", cwd="/")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, b"ar_news.txt: OK\nmake_article.py: OK\n")

    def test_repository_with_a_damaged_file(self) -> None:
        self.write("ar_news.txt", ORIGINAL + b"\n")
        result = self.run_script("check.py")
        self.assertEqual(result.returncode, 1)
        self.assertTrue(
            result.stdout.startswith(
                b"ar_news.txt: longer than the original: byte 7166"
            )
        )
        self.assertIn(b"make_article.py: OK", result.stdout)

    def test_script_and_file_edited_together_still_fail(self) -> None:
        source = self.read("make_article.py").decode("utf-8")
        self.write(
            "make_article.py",
            source.replace("\u0643\u064a\u0645", "\u0643\u0627\u0645", 1).encode(
                "utf-8"
            ),
        )
        self.write(
            "ar_news.txt",
            ORIGINAL.replace(
                "\u0643\u064a\u0645".encode("utf-8"),
                "\u0643\u0627\u0645".encode("utf-8"),
                1,
            ),
        )
        result = self.run_script("check.py")
        self.assertEqual(result.returncode, 1)
        self.assertIn(b"ar_news.txt: FAILED", result.stdout)
        self.assertIn(b"make_article.py: FAILED", result.stdout)
        self.assertEqual(self.run_script("check.py", "ar_news.txt").returncode, 2)

    def test_make_article_piped_into_check(self) -> None:
        pipeline = (
            f"{sys.executable} make_article.py -o - | {sys.executable} check.py -"
        )
        result = subprocess.run(
            ["sh", "-c", pipeline],
            check=False,
            cwd=self.folder,
            capture_output=True,
            timeout=HANG,
        )
        self.assertEqual(result.stdout, b"-: OK\n")
        self.assertEqual(result.returncode, 0)

    def test_several_files_report_each_and_trouble_wins(self) -> None:
        self.write("good", ORIGINAL)
        self.write("bad", ORIGINAL[:-1])
        result = self.run_script("check.py", "good", "missing", "bad")
        self.assertEqual(result.returncode, 2)
        self.assertIn(b"good: OK\n", result.stdout)
        self.assertIn(b"bad: EOF on bad after byte 7164", result.stdout)
        self.assertEqual(
            result.stderr, b"check.py: missing: No such file or directory\n"
        )
        self.assertEqual(self.run_script("check.py", "good", "bad").returncode, 1)
        self.assertEqual(self.run_script("check.py", "good", "good").returncode, 0)

    def test_folder_and_missing_file_are_trouble(self) -> None:
        for path in (self.folder, self.path("missing")):
            with self.subTest(path=path):
                self.assertOneLineOfTrouble(self.run_script("check.py", path))

    def test_empty_file(self) -> None:
        self.write("empty", b"")
        result = self.run_script("check.py", "empty")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(
            result.stdout.splitlines()[0], b"empty: EOF on empty which is empty"
        )

    def test_quiet_prints_nothing(self) -> None:
        self.write("bad", ORIGINAL + b"\n")
        for arguments, status in (
            (["ar_news.txt"], 0),
            (["bad"], 1),
            (["missing"], 2),
            ([], 0),
        ):
            with self.subTest(arguments=arguments):
                result = self.run_script("check.py", "-q", *arguments)
                self.assertEqual(
                    (result.returncode, result.stdout, result.stderr),
                    (status, b"", b""),
                )

    def test_standard_input_empty_and_closed(self) -> None:
        result = self.run_script("check.py", "-", stdin=subprocess.DEVNULL)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout.splitlines()[0], b"-: EOF on - which is empty")
        script = self.path("check.py")
        closed = subprocess.run(
            ["sh", "-c", f"{sys.executable} {script} - <&-"],
            check=False,
            capture_output=True,
            timeout=HANG,
        )
        self.assertOneLineOfTrouble(closed)

    def test_bytes_that_are_not_utf8(self) -> None:
        self.write("latin", "caf\xe9".encode("latin-1") * 100)
        result = self.run_script("check.py", "latin")
        self.assertEqual(result.returncode, 1)
        self.assertIn(b"found U+0063 LATIN SMALL LETTER C", result.stdout)
        self.assertIn(b"<0xE9>", result.stdout)


class HostileInput(RepoCopyTestCase):
    """Endless or huge input is answered at once, in little memory."""

    def run_limited(self, *arguments: str, **options) -> subprocess.CompletedProcess:
        def limit_memory() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

        return self.run_script(
            "check.py", *arguments, preexec_fn=limit_memory, **options
        )

    def test_dev_zero(self) -> None:
        result = self.run_limited("/dev/zero")
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn(b"found U+0000 NULL", result.stdout)

    def test_sparse_file_of_many_gigabytes(self) -> None:
        with open(self.path("sparse"), "wb") as stream:
            stream.truncate(16 << 30)
        result = self.run_limited("sparse")
        self.assertEqual(result.returncode, 1, result.stderr)
        limit = check.size_limit(ORIGINAL.decode("utf-8"))
        self.assertEqual(check.READ_LIMIT, limit)
        self.assertIn(f"longer than {limit} bytes".encode("ascii"), result.stdout)

    def test_fifo_fed_by_a_writer(self) -> None:
        os.mkfifo(self.path("fifo"))
        writer = threading.Thread(target=self.write, args=("fifo", ORIGINAL))
        writer.start()
        result = self.run_limited("fifo")
        writer.join(timeout=HANG)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, b"fifo: OK\n")

    def test_endless_standard_input(self) -> None:
        yes = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
        self.addCleanup(yes.wait)
        self.addCleanup(yes.kill)
        result = self.run_limited("-", stdin=yes.stdout)
        yes.stdout.close()
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn(b"-: differs: byte 1, line 1, column 1", result.stdout)

    def test_input_built_for_the_decoders_and_the_search(self) -> None:
        """Nesting, endless escapes, long runs: each a plain report, exit 1."""
        hostile = {
            "nested-json": "[" * 20000 + "]" * 20000,
            "escaped-backslashes": '"' + "\\\\" * 10000 + '"',
            "references": "&#1575;" * 5000,
            "one-character": "\u0627" * 32768,
            "presentation-forms": "".join(map(chr, range(0xFE70, 0xFEFD))) * 100,
            "bidi-controls": "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
            * 1500,
        }
        for name, text in hostile.items():
            self.write(name, text.encode("utf-8"))
        result = self.run_limited(*hostile)
        self.assertEqual((result.returncode, result.stderr), (1, b""))
        for name in hostile:
            with self.subTest(name=name):
                self.assertIn(
                    f"{name}: differs: byte 1, line 1".encode("ascii"), result.stdout
                )
        self.assertEqual(result.stdout.count(b"places that differ"), len(hostile))
