"""The README's examples run as written, in another project that took the fixture in as it says.

The "Taking it in" commands run in an empty git repository with
core.autocrlf=true; every Python example is written to the file its first
line names; the project is committed and cloned again with core.autocrlf=true,
and the clone is where the examples run.
"""

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import unittest

import check
from tests.support import (
    FIXTURE,
    HANG,
    ORIGINAL,
    QUIET_ENVIRONMENT,
    REPO,
    copy_project,
)

with open(os.path.join(REPO, "README.md"), encoding="utf-8") as _stream:
    README = _stream.read()

BLOCKS = re.findall(r"^```(\w*)\n(.*?)^```$", README, re.DOTALL | re.MULTILINE)
PYTHON_EXAMPLES = [code for language, code in BLOCKS if language == "python"]
TAKING_IT_IN = next(
    code for language, code in BLOCKS if language == "sh" and "AR_NEWS" in code
)
UNITTEST_EXAMPLE = "tests/test_round_trip.py"
PIPELINE = 'return text.encode("utf-8").decode("utf-8")'
VENDORED = os.path.join("tests", "fixtures", "ar_news")


def example_path(code: str) -> str:
    """The file an example is: its first line, ``# tests/...py``."""
    return code.split("\n", 1)[0][2:]


TEXT = ORIGINAL.decode("utf-8")
with open(os.path.join(REPO, "tests", "data", "pdf_pdftotext.txt"), "rb") as _stream:
    PDFTOTEXT = _stream.read()
# The reports the README shows, by the name it gives the copy, and the copy,
# made as the README says (crlf.txt and edited.txt: test_accounting and
# test_places).
REPORTED = {
    "copy.txt": TEXT.replace("\xa0", " "),
    "partial.txt": TEXT.replace("\xa0", " ", 3),
    "pdftotext.txt": PDFTOTEXT,
}


class Reports(unittest.TestCase):
    def test_each_report_shown_is_the_reports(self) -> None:
        shown = {
            code.split(":", 1)[0]: code
            for language, code in BLOCKS
            if not language and ": differs: " in code.split("\n", 1)[0]
        }
        for name, copy in REPORTED.items():
            with self.subTest(name=name):
                self.assertEqual(check.compare(TEXT, copy, name) + "\n", shown[name])


class KnownChanges(unittest.TestCase):
    def test_the_readme_lists_every_known_change_by_its_key_and_name(self) -> None:
        listed = next(code for language, code in BLOCKS if language == "text")
        rows = [re.split("  +", line, maxsplit=1) for line in listed.splitlines()]
        self.assertEqual(rows, [[change.key, change.name] for change in check.CHANGES])

    def test_each_key_is_short_lowercase_and_hyphenated(self) -> None:
        for change in check.CHANGES:
            with self.subTest(key=change.key):
                self.assertRegex(change.key, "^[a-z0-9]+(-[a-z0-9]+)*$")
        self.assertEqual(len(check.CHANGES_BY_KEY), len(check.CHANGES))


class ReadmeExamples(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.folder = tempfile.mkdtemp(prefix="ar_news_readme_")
        cls.addClassCleanup(shutil.rmtree, cls.folder)
        checkout = cls.path("ar_news")
        os.mkdir(checkout)
        copy_project(checkout, bytecode=False)  # a fresh clone
        tools = cls.path("bin")  # python3 is the interpreter running these tests
        os.mkdir(tools)
        os.symlink(sys.executable, os.path.join(tools, "python3"))
        cls.environment = {
            **QUIET_ENVIRONMENT,
            "PATH": tools + os.pathsep + os.environ.get("PATH", ""),
            "AR_NEWS": checkout,
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        project = cls.path("project")
        cls.git("init", "-q", project)
        cls.git("config", "core.autocrlf", "true", cwd=project)
        cls.taking_it_in = cls.run_in(project, "sh", "-ec", TAKING_IT_IN)
        for code in PYTHON_EXAMPLES:
            path = os.path.join(project, example_path(code))
            with open(path, "w", encoding="utf-8") as stream:
                stream.write(code)
        cls.git("add", "-A", cwd=project)
        cls.git("commit", "-qm", "Take in the Arabic news fixture", cwd=project)
        cls.clone = cls.path("clone")
        cls.git("-c", "core.autocrlf=true", "clone", "-q", project, cls.clone)

    @classmethod
    def path(cls, *names: str) -> str:
        return os.path.join(cls.folder, *names)

    @classmethod
    def git(cls, *arguments: str, cwd: "str | None" = None) -> None:
        identity = ("-c", "user.name=Test", "-c", "user.email=test@example.com")
        subprocess.run(
            ["git", *identity, *arguments],
            check=True,
            cwd=cwd or cls.folder,
            env=QUIET_ENVIRONMENT,
            capture_output=True,
            timeout=HANG,
        )

    @classmethod
    def run_in(cls, folder: str, *command: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            command,
            check=False,
            cwd=folder,
            env=cls.environment,
            capture_output=True,
            timeout=HANG,
        )

    def run_in_clone(self, *command: str) -> subprocess.CompletedProcess:
        return self.run_in(self.clone, *command)

    def test_every_python_example_is_a_file_of_the_project(self) -> None:
        self.assertGreaterEqual(len(PYTHON_EXAMPLES), 3)
        for code in PYTHON_EXAMPLES:
            with self.subTest(example=code.split("\n", 1)[0]):
                self.assertRegex(example_path(code), r"^tests/\w+\.py$")

    def test_taking_it_in_checks_the_copy(self) -> None:
        self.assertEqual(self.taking_it_in.returncode, 0, self.taking_it_in.stderr)
        self.assertEqual(
            self.taking_it_in.stdout, b"ar_news.txt: OK\nmake_article.py: OK\n"
        )

    def test_the_fixture_is_the_original_in_an_autocrlf_clone(self) -> None:
        with open(os.path.join(self.clone, VENDORED, FIXTURE), "rb") as stream:
            self.assertEqual(stream.read(), ORIGINAL)
        result = self.run_in_clone("python3", os.path.join(VENDORED, "check.py"))
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertEqual(result.stdout, b"ar_news.txt: OK\nmake_article.py: OK\n")

    def test_the_scripts_import_as_modules_of_the_package(self) -> None:
        result = self.run_in_clone(
            "python3",
            "-c",
            "from tests.fixtures.ar_news.check import CHANGES, compare, explain\n"
            "from tests.fixtures.ar_news.make_article import ARTICLE\n"
            "print(compare(ARTICLE, ARTICLE), len(ARTICLE))\n"
            "print(type(explain(ARTICLE, ARTICLE + '.')).__module__, CHANGES[0].key)",
        )
        self.assertEqual(
            result.stdout.decode().splitlines(),
            [
                f"None {len(ORIGINAL.decode())}",
                "tests.fixtures.ar_news.ar_news_diagnosis.report newline-added",
            ],
            result.stderr,
        )

    def test_the_unittest_example_passes(self) -> None:
        tests = sum(
            code.count("\n    def test_")
            for code in PYTHON_EXAMPLES
            if "import unittest" in code
        )
        result = self.run_in_clone("python3", "-m", "unittest")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(f"Ran {tests} tests".encode(), result.stderr)

    def test_the_unittest_example_names_a_change(self) -> None:
        example = os.path.join(self.clone, UNITTEST_EXAMPLE)
        with open(example, encoding="utf-8") as stream:
            code = stream.read()
        self.assertIn(PIPELINE, code)
        changed = "import unicodedata\n" + code.replace(
            PIPELINE, 'return unicodedata.normalize("NFKC", text)'
        )
        self.addCleanup(self.write_file, example, code)
        self.write_file(example, changed)
        result = self.run_in_clone("python3", "-m", "unittest")
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn(b"known change: normalized to NFKC", result.stderr)
        first = ORIGINAL.index("\xa0".encode())  # NFKC's first place
        line = ORIGINAL.count(b"\n", 0, first) + 1
        where = f"pipeline output: differs: byte {first + 1}, line {line},"
        self.assertIn(where.encode("ascii"), result.stderr)

    def test_the_pytest_example_passes(self) -> None:
        if importlib.util.find_spec("pytest") is None:
            self.skipTest("pytest is not installed; the suite does not depend on it")
        result = self.run_in_clone(
            "python3", "-m", "pytest", "-q", "-p", "no:cacheprovider"
        )
        self.assertEqual(result.returncode, 0, result.stdout)
        tests = sum(code.count("def test_") for code in PYTHON_EXAMPLES)
        self.assertRegex(result.stdout, rf"\b{tests} passed\b".encode())

    def test_the_pytest_example_shows_the_report_once(self) -> None:
        if importlib.util.find_spec("pytest") is None:
            self.skipTest("pytest is not installed; the suite does not depend on it")
        example = os.path.join(self.clone, "tests", "test_round_trip_pytest.py")
        with open(example, encoding="utf-8") as stream:
            code = stream.read()
        self.assertIn(PIPELINE, code)
        self.addCleanup(self.write_file, example, code)
        self.write_file(
            example,
            "import unicodedata\n"
            + code.replace(PIPELINE, 'return unicodedata.normalize("NFKC", text)'),
        )
        result = self.run_in_clone(
            "python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", example
        )
        self.assertEqual(result.returncode, 1, result.stdout)
        nfkc = unicodedata.normalize("NFKC", ORIGINAL.decode("utf-8"))
        report = "AssertionError: " + check.compare(ORIGINAL, nfkc, "pipeline output")
        shown = [
            line[2:] for line in result.stdout.decode().splitlines() if line[:2] == "E "
        ]
        self.assertEqual(
            [line.strip() for line in shown],
            [line.strip() for line in report.splitlines()],
        )

    @staticmethod
    def write_file(path: str, text: str) -> None:
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(text)
