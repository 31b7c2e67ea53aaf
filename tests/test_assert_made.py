"""check.assert_made: a copy is exactly the named changes made to a text, or the test fails saying why.

The normalizers here are written on the tests' own terms, with re: one as it
should be, and two with bugs put in on purpose, as a user's might have them.
"""

import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unittest

import check
from tests.support import DIAGNOSIS, HANG, ORIGINAL, REPO

TEXT = ORIGINAL.decode("utf-8")
KEYS = ("harakat-removed", "alef-unified")
HARAKAT = "[\u064b-\u0652]"
ALEF_FORMS = "[\u0622\u0623\u0625]"


def normalize(text: str) -> str:
    """Harakat removed and alef forms unified, as the README's normalizer does."""
    return re.sub(HARAKAT, "", re.sub(ALEF_FORMS, "\u0627", text))


def keeping_shadda(text: str) -> str:
    """A bug: every haraka but the shadda (U+0651) removed."""
    return re.sub("[\u064b-\u0650\u0652]", "", re.sub(ALEF_FORMS, "\u0627", text))


def in_the_first_lines(text: str) -> str:
    """A bug: the harakat removed in the first 15 lines only."""
    lines = text.split("\n")
    head = "\n".join(lines[:15])
    return re.sub(
        ALEF_FORMS, "\u0627", re.sub(HARAKAT, "", head) + "\n" + "\n".join(lines[15:])
    )


def run(
    *command: str, cwd: str = REPO, text: bool = True
) -> subprocess.CompletedProcess:
    """Run Python on ``command`` (a script and its arguments, or -c and code) in ``cwd``."""
    return subprocess.run(
        [sys.executable, *command],
        cwd=cwd,
        capture_output=True,
        text=text,
        check=False,
        timeout=HANG,
    )


def hex_lines(digits: str, width: int) -> bytes:
    """Hex digits in lines of ``width``, a line break after each, as xxd -p writes them."""
    return "".join(
        f"{digits[at : at + width]}\n" for at in range(0, len(digits), width)
    ).encode()


def message(keys, actual, **options) -> str:
    """The message assert_made fails with; the test fails where it passes."""
    with unittest.TestCase().assertRaises(AssertionError) as raised:
        check.assert_made(keys, actual, **options)
    return str(raised.exception)


class AssertMade(unittest.TestCase):
    def test_the_changes_made_in_full_pass(self) -> None:
        check.assert_made(KEYS, normalize(TEXT))
        check.assert_made(",".join(KEYS), normalize(TEXT).encode("utf-8"))
        check.assert_made(list(KEYS), normalize(TEXT), text=TEXT, name="normalized")

    def test_a_shadda_kept_is_named(self) -> None:
        said = message(KEYS, keeping_shadda(TEXT), name="normalized")
        self.assertTrue(said.startswith("normalized: not what the known changes"), said)
        self.assertIn("(harakat-removed, alef-unified)", said)
        self.assertIn("found U+0651 ARABIC SHADDA", said)
        self.assertIn(
            "known change: harakat (diacritics, U+064B to U+0652) removed,"
            " except U+0651 ARABIC SHADDA and alef forms",
            said,
        )

    def test_harakat_left_in_places_are_counted(self) -> None:
        copy = in_the_first_lines(TEXT)
        harakat = len(re.findall(HARAKAT, TEXT))
        left = len(re.findall(HARAKAT, copy))
        self.assertTrue(0 < left < harakat)
        said = message(KEYS, copy)
        self.assertIn(
            f"harakat (diacritics, U+064B to U+0652) removed"
            f" (in {harakat - left} of {harakat} places)",
            said,
        )
        self.assertIn("places that differ:", said)

    def test_nothing_changed_says_so(self) -> None:
        said = message(KEYS, TEXT)
        self.assertIn("it is the text; no change was made", said)

    def test_where_it_first_differs_from_their_output(self) -> None:
        made = normalize(TEXT).encode("utf-8")
        cut = made[:100]
        said = message(KEYS, cut)
        self.assertIn("EOF on - after byte 100", said)
        extra = made + b"\n"
        said = message(KEYS, extra)
        self.assertIn(f"longer than their output: byte {len(made) + 1}", said)
        self.assertIn("known change: harakat", said)

    def test_an_output_that_is_no_text_is_placed_by_bytes(self) -> None:
        said = message("utf16le", TEXT.encode("utf-16-be"))
        self.assertIn("where it first differs from their output: byte 1, line 1", said)
        self.assertIn("known change: saved as UTF-16 BE", said)

    def test_an_unknown_key_names_the_closest_at_once(self) -> None:
        for call in (
            lambda: check.assert_made(("harakat-remove", "alef-unified"), TEXT),
            lambda: check.variant("harakat-remove"),
        ):
            with self.assertRaisesRegex(ValueError, "did you mean harakat-removed"):
                call()
        with self.assertRaisesRegex(ValueError, "'jsn'; did you mean json"):
            check.variant("jsn")

    def test_make_article_as_an_unknown_key_names_the_closest(self) -> None:
        result = run("make_article.py", "--as", "crfl")
        self.assertEqual(result.returncode, 2)
        self.assertIn("did you mean crlf", result.stderr)
        self.assertEqual(result.stdout, "")


class WithoutMakeArticle(unittest.TestCase):
    def test_one_clear_error_for_every_key_and_the_rest_works(self) -> None:
        folder = tempfile.mkdtemp(prefix="ar_news_alone_")
        self.addCleanup(shutil.rmtree, folder)
        shutil.copyfile(
            os.path.join(REPO, "check.py"), os.path.join(folder, "check.py")
        )
        shutil.copytree(
            os.path.join(REPO, DIAGNOSIS),
            os.path.join(folder, DIAGNOSIS),
            ignore=shutil.ignore_patterns("__pycache__"),
        )
        script = textwrap.dedent(
            r"""
            import check
            said = set()
            for key in ("json", "repr", "nfkc", "utf16le", "crlf"):
                for call in (
                    lambda: check.variant(key),
                    lambda: check.assert_made(key, b"x"),
                ):
                    try:
                        call()
                    except ValueError as error:
                        said.add(str(error))
            print(sorted(said))
            print(check.compare("\u0627", "\u0627\n").splitlines()[-1])
            print(check.variant("crlf", text="a\nb"))
            """
        )
        result = run("-c", script, cwd=folder)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(
            result.stdout.splitlines(),
            [
                "['no text given, and make_article.py is not beside check.py']",
                "  known change: a newline added at the end",
                "b'a\\r\\nb'",
            ],
        )


class Reprs(unittest.TestCase):
    def test_a_difference_shows_its_keys_and_extent(self) -> None:
        difference = check.explain(TEXT, keeping_shadda(TEXT))
        self.assertEqual(
            repr(difference),
            "<Difference -: differs at byte"
            f" {difference.byte}: harakat-removed + alef-unified (whole)>",
        )
        self.assertIn("no known change", repr(check.explain(TEXT, "x")))


class Keys(unittest.TestCase):
    def run_check(self, *arguments: str) -> "subprocess.CompletedProcess[str]":
        return run("check.py", "--keys", *arguments)

    def test_every_key_and_name_in_the_tables_order(self) -> None:
        result = self.run_check()
        self.assertEqual(result.returncode, 0)
        lines = result.stdout.splitlines()
        rows = [line.split(None, 1) for line in lines if not line.startswith(" ")]
        table = [[change.key, change.name] for change in check.CHANGES]
        self.assertEqual(rows[: len(table)], table)
        # Then a saving in each codec, with each error handler, made on demand.
        self.assertIn(
            ["cp864-replaced", "saved as cp864, ? for what it cannot hold"], rows
        )
        self.assertIn(["utf-7", "saved as utf_7"], rows)
        self.assertEqual(len(rows), len({key for key, _ in rows}))
        for key, _ in rows[len(table) :]:
            check.variant(key, text="\u0627 a")  # each key asks for its change
        forms = [line.split("form: ")[1] for line in lines if line.startswith(" ")]
        self.assertIn("json(ensure_ascii=True)", forms)
        self.assertIn("base64(width=76, final=True)", forms)
        self.assertIn("harakat-removed(*kept)", forms)

    def test_as_json(self) -> None:
        result = self.run_check("--json")
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        table = [(change.key, change.name, change.stage) for change in check.CHANGES]
        self.assertEqual(
            [(row["key"], row["name"], row["stage"]) for row in rows][: len(table)],
            table,
        )
        self.assertEqual({row["stage"] for row in rows[len(table) :]}, {"saving"})
        forms = {row["key"]: row["form"] for row in rows}
        self.assertEqual(forms["json"], "json(ensure_ascii=True)")
        self.assertIsNone(forms["nfkc"])


class Forms(unittest.TestCase):
    """Each change in any form it is written in, asked for as explain() gives it."""

    def test_a_form_asked_for_is_the_standard_librarys(self) -> None:
        data = ORIGINAL
        for asked, made in (
            ("json(ensure_ascii=False)", json.dumps(TEXT, ensure_ascii=False).encode()),
            ("json(ensure_ascii=True)", json.dumps(TEXT).encode()),
            ("base64(width=0, final=False)", base64.b64encode(data)),
            ("hex(width=0, final=False)", data.hex().encode()),
            ("hex(upper=True)", hex_lines(data.hex().upper(), 60)),
        ):
            with self.subTest(asked=asked):
                self.assertEqual(check.variant(asked), made)
                check.assert_made(asked, made)

    def test_what_explain_reads_off_a_copy_asks_for_it_again(self) -> None:
        copies = {
            "JSON, not only ASCII": json.dumps(TEXT, ensure_ascii=False),
            "wrapped at 72": "\n".join(
                textwrap.fill(line, 72) for line in TEXT.split("\n")
            ),
            "the shadda kept": keeping_shadda(TEXT),
            "Base64 in one line": base64.b64encode(ORIGINAL).decode(),
        }
        for name, copy in copies.items():
            with self.subTest(copy=name):
                (explanation,) = check.explain(TEXT, copy).explanations
                self.assertEqual(check.variant(*explanation.asked), copy.encode())
                self.assertEqual(
                    check.variant(",".join(explanation.asked)), copy.encode()
                )
                check.assert_made(explanation.asked, copy)
        (shadda,) = check.explain(TEXT, keeping_shadda(TEXT)).explanations
        self.assertEqual(shadda.asked, ("harakat-removed('\\u0651')", "alef-unified"))

    def test_make_article_as_takes_a_form(self) -> None:
        asked = "json(ensure_ascii=False),newline-added"
        result = run("make_article.py", "--as", asked, text=False)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(
            result.stdout, json.dumps(TEXT, ensure_ascii=False).encode() + b"\n"
        )

    def test_a_form_its_change_does_not_take_is_refused(self) -> None:
        for asked, said in (
            ("json(width=3)", "no form of json"),
            ("json(ensure_ascii=)", "Python literals"),
            ("json(open('x'))", "Python literals"),
            ("nfkc(True)", "no form of nfkc"),
            ("json(" + "-" * 100_000 + "1)", "Python literals"),  # nested too deep
        ):
            with self.subTest(asked=asked), self.assertRaisesRegex(
                ValueError, re.escape(said)
            ):
                check.variant(asked)


if __name__ == "__main__":
    unittest.main()
