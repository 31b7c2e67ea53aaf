"""The same bytes and reports everywhere: locales and I/O settings, a Windows-style checkout, an editor's re-save."""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from tests.support import HANG, ORIGINAL, QUIET_ENVIRONMENT, REPO, RepoCopyTestCase

SETTINGS = (
    {},
    {"LC_ALL": "C", "PYTHONIOENCODING": "ascii"},
    {"PYTHONUTF8": "0", "LC_ALL": "C"},
    {"PYTHONUTF8": "1"},
)


class AnyLocale(RepoCopyTestCase):
    def test_same_bytes_and_reports_under_every_setting(self) -> None:
        damaged = "\u0646\u0633\u062e\u0629.txt"  # a file name that ASCII cannot hold
        self.write(damaged, ORIGINAL.replace(b"\xc2\xa0", b" "))
        reports = set()
        for setting in SETTINGS:
            with self.subTest(setting=setting):
                os.remove(self.path("ar_news.txt"))
                made = self.run_script("make_article.py", environment=setting)
                self.assertEqual(made.returncode, 0, made.stderr)
                self.assertEqual(self.read("ar_news.txt"), ORIGINAL)
                with open(self.path("out"), "wb") as out:
                    piped = self.run_script(
                        "make_article.py", "-o", "-", environment=setting, stdout=out
                    )
                self.assertEqual(piped.returncode, 0, piped.stderr)
                self.assertEqual(self.read("out"), ORIGINAL)
                checked = self.run_script(
                    "check.py", "ar_news.txt", damaged, environment=setting
                )
                self.assertEqual(checked.returncode, 1, checked.stderr)
                self.assertEqual(checked.stderr, b"")
                self.assertIn(
                    b"known change: no-break spaces turned into plain spaces",
                    checked.stdout,
                )
                reports.add(
                    checked.stdout.split(b":", 2)[2]
                )  # all but the file names, whose bytes may vary
        self.assertEqual(len(reports), 1, reports)


class AnyEditor(RepoCopyTestCase):
    def check_resaved(self, resave) -> None:
        source = self.read("make_article.py").decode("utf-8")
        self.write("make_article.py", resave(source).encode("utf-8"))
        result = self.run_script("make_article.py", "-o", "-")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, ORIGINAL)

    def test_source_resaved_with_crlf(self) -> None:
        self.check_resaved(lambda source: source.replace("\n", "\r\n"))

    def test_source_trimmed_and_given_a_final_newline(self) -> None:
        self.check_resaved(
            lambda source: (
                "\n".join(line.rstrip() for line in source.split("\n")).rstrip("\n")
                + "\n\n"
            )
        )


class AnyCheckout(unittest.TestCase):
    def test_clone_with_autocrlf_passes_the_check(self) -> None:
        if shutil.which("git") is None:
            self.skipTest("git is not installed")
        if not os.path.isdir(os.path.join(REPO, ".git")):
            self.skipTest("the tests do not run inside a git checkout")
        folder = tempfile.mkdtemp(prefix="ar_news_clone_")
        self.addCleanup(shutil.rmtree, folder)
        clone = os.path.join(folder, "clone")

        def run(*command: str, cwd: str = clone) -> subprocess.CompletedProcess:
            return subprocess.run(
                command,
                cwd=cwd,
                env=QUIET_ENVIRONMENT,
                capture_output=True,
                check=True,
                timeout=HANG,
            )

        run(
            "git",
            "-c",
            "core.autocrlf=true",
            "clone",
            "--quiet",
            REPO,
            clone,
            cwd=folder,
        )
        run("git", "config", "core.autocrlf", "true")
        with open(os.path.join(clone, "ar_news.txt"), "rb") as stream:
            self.assertEqual(stream.read(), ORIGINAL)
        self.assertEqual(
            run(sys.executable, "check.py").stdout,
            b"ar_news.txt: OK\nmake_article.py: OK\n",
        )
        run(sys.executable, "make_article.py")
        self.assertEqual(run("git", "status", "--porcelain").stdout, b"")
