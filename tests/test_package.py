"""check.py is the command and the matching path; the diagnosis is the package beside it.

The package is imported only where a file differs, so that a matching file
is checked without it; where it is missing, or of another version than
check.py, check.py says which in one line and exits 2.  Its modules import
one another one way only, never check.py or make_article.py, and nothing
outside the standard library.
"""

import ast
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import unittest

import ar_news_diagnosis
import check
from tests.support import (
    DIAGNOSIS,
    FIXTURE,
    HANG,
    ORIGINAL,
    REPO,
    SCRIPT_FLAGS,
    RepoCopyTestCase,
)

CRLF = ORIGINAL.replace(b"\n", b"\r\n")


def imports_of(path: str) -> "tuple[set[str], set[str]]":
    """The modules a file imports: those of the package (relative), and the others."""
    with open(path, encoding="utf-8") as stream:
        tree = ast.parse(stream.read())
    relative, absolute = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            absolute.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level:
            if node.module:
                relative.add(node.module)
            else:  # from . import table, bidi
                relative.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            absolute.add(node.module.split(".")[0])
    return relative, absolute


class ModulesImportOneWay(unittest.TestCase):
    def setUp(self) -> None:
        folder = os.path.join(REPO, DIAGNOSIS)
        self.graph = {}
        self.others = {}
        for name in sorted(os.listdir(folder)):
            if name.endswith(".py"):
                module = name[: -len(".py")]
                self.graph[module], self.others[module] = imports_of(
                    os.path.join(folder, name)
                )

    def test_each_module_imports_only_those_its_contents_page_lists_above_it(
        self,
    ) -> None:
        contents = ar_news_diagnosis.__doc__.split("The modules", 1)[1]
        contents = contents.split("This file imports", 1)[0]
        order = list(dict.fromkeys(re.findall("``([a-z]+)``", contents)))
        self.assertEqual(sorted(order), sorted(set(self.graph) - {"__init__"}))
        for number, module in enumerate(order):
            with self.subTest(module=module):
                self.assertLessEqual(self.graph[module], set(order[:number]))

    def test_no_name_of_the_package_hides_one_of_its_modules(self) -> None:
        for module in set(self.graph) - {"__init__"}:
            with self.subTest(module=module):
                attribute = getattr(ar_news_diagnosis, module)
                self.assertEqual(attribute.__name__, f"{DIAGNOSIS}.{module}")

    def test_no_module_imports_one_that_imports_it_back(self) -> None:
        def reaches(start: str, goal: str, seen: "set[str]") -> bool:
            for each in self.graph[start]:
                if each == goal or (
                    each not in seen and reaches(each, goal, seen | {each})
                ):
                    return True
            return False

        self.assertIn("table", self.graph["search"])  # the graph is read at all
        for module in self.graph:
            with self.subTest(module=module):
                self.assertFalse(reaches(module, module, set()))
        self.assertNotIn("__init__", set().union(*self.graph.values()))

    def test_the_package_imports_neither_script_nor_anything_but_the_standard_library(
        self,
    ) -> None:
        for module, others in self.others.items():
            with self.subTest(module=module):
                self.assertFalse(others & {"check", "make_article"})
        code = (
            "import sys; sys.path.insert(0, sys.argv[1]);"
            f" import {DIAGNOSIS}, check, make_article; print('imported')"
        )
        # -S: no site-packages, so only the standard library can be imported.
        result = subprocess.run(
            [sys.executable, "-S", "-c", code, REPO],
            capture_output=True,
            check=False,
            timeout=HANG,
        )
        self.assertEqual(result.stdout, b"imported\n", result.stderr)


class OneVersion(unittest.TestCase):
    def test_check_py_and_the_package_have_one_version(self) -> None:
        self.assertIsInstance(check.VERSION, int)
        self.assertEqual(ar_news_diagnosis.VERSION, check.VERSION)

    def test_the_data_is_the_packages(self) -> None:
        self.assertIs(check.CHANGES, ar_news_diagnosis.CHANGES)
        self.assertIs(check.CHANGES_BY_KEY, ar_news_diagnosis.CHANGES_BY_KEY)
        self.assertIs(check.Difference, ar_news_diagnosis.Difference)
        self.assertIs(check.Explanation, ar_news_diagnosis.Explanation)
        self.assertFalse(hasattr(check, "CHANGE"))  # AttributeError, as for any module


class TheMatchingPath(RepoCopyTestCase):
    def python(self, *arguments: str, **options) -> subprocess.CompletedProcess:
        """Run the interpreter in the copy, its bytecode written as a user's would be."""
        environment = {
            name: value
            for name, value in os.environ.items()
            if name != "PYTHONDONTWRITEBYTECODE"
        }
        options.setdefault("cwd", self.folder)
        return subprocess.run(
            [sys.executable, *SCRIPT_FLAGS, *arguments],
            capture_output=True,
            check=False,
            timeout=HANG,
            env={**environment, **options.pop("env", {})},
            **options,
        )

    def test_import_check_imports_no_diagnosis(self) -> None:
        code = (
            # os and sys: what Python's start imports, with the site module
            "import os, sys; before = set(sys.modules); import check;"
            " print(sorted(set(sys.modules) - before))"
        )
        result = self.python("-c", code)
        self.assertEqual(result.stdout, b"['check', 'make_article']\n", result.stderr)

    def test_a_matching_file_is_checked_without_the_package(self) -> None:
        shutil.rmtree(self.path(DIAGNOSIS))
        for arguments, printed in (
            ((), b"ar_news.txt: OK\nmake_article.py: OK\n"),
            ((FIXTURE,), b"ar_news.txt: OK\n"),
            (("--expected", FIXTURE, FIXTURE), b"ar_news.txt: OK\n"),
        ):
            with self.subTest(arguments=arguments):
                result = self.run_script("check.py", *arguments)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertEqual(result.stdout, printed)
                self.assertEqual(result.stderr, b"")

    def test_a_differing_file_without_the_package_is_trouble(self) -> None:
        shutil.rmtree(self.path(DIAGNOSIS))
        self.write("copy", CRLF)
        for arguments in (
            ("copy",),
            ("--expected", FIXTURE, "copy"),
            ("copy", FIXTURE),
        ):
            with self.subTest(arguments=arguments):
                result = self.run_script("check.py", *arguments)
                self.assertOneLineOfTrouble(result)
                self.assertIn(b"copy: differs; ", result.stderr)
                self.assertIn(f"folder {DIAGNOSIS} beside it".encode(), result.stderr)
        both = self.run_script("check.py", "copy", FIXTURE)
        self.assertEqual(both.stdout, b"ar_news.txt: OK\n")  # the other file still said
        as_json = self.run_script("check.py", "--json", "copy")
        self.assertEqual(json.loads(as_json.stdout)["status"], "trouble")
        self.write(FIXTURE, CRLF)
        self.assertOneLineOfTrouble(self.run_script("check.py"))

    def test_a_package_of_another_version_is_trouble(self) -> None:
        init = self.path(DIAGNOSIS, "__init__.py")
        with open(init, encoding="utf-8") as stream:
            source = stream.read()
        line = f"VERSION = {check.VERSION}\n"
        self.assertIn(line, source)
        with open(init, "w", encoding="utf-8") as stream:
            stream.write(source.replace(line, f"VERSION = {check.VERSION + 1}\n"))
        self.write("copy", CRLF)
        result = self.run_script("check.py", "copy")
        self.assertOneLineOfTrouble(result)
        self.assertIn(
            f"{DIAGNOSIS} is version {check.VERSION + 1} and check.py version"
            f" {check.VERSION}".encode(),
            result.stderr,
        )
        code = "import check; check.compare('a', 'b')"
        imported = self.python("-c", code)
        self.assertIn(b"ImportError: " + DIAGNOSIS.encode(), imported.stderr)
        self.assertEqual(self.run_script("check.py", FIXTURE).returncode, 0)

    def test_version(self) -> None:
        result = self.run_script("check.py", "--version")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, f"check.py {check.VERSION}\n".encode())

    def test_a_read_only_folder_where_no_bytecode_can_be_written(self) -> None:
        self.write("copy", CRLF)
        shutil.rmtree(self.path(DIAGNOSIS, "__pycache__"))  # as in a fresh clone
        # No bytecode can be written under a regular file, whoever runs this;
        # and for anyone but root, the folder is read-only too.
        blocked = self.write("not-a-folder", b"")
        for root, folders, files in os.walk(self.folder):
            for name in folders + files:
                mode = os.stat(os.path.join(root, name)).st_mode
                os.chmod(os.path.join(root, name), mode & ~0o222)
        self.addCleanup(make_writable, self.folder)
        os.chmod(self.folder, 0o555)
        elsewhere = os.path.dirname(self.folder)
        for environment in (
            {"PYTHONPYCACHEPREFIX": os.path.join(blocked, "cache")},
            {"PYTHONDONTWRITEBYTECODE": "1"},
        ):
            with self.subTest(environment=environment):
                result = self.python(
                    self.path("check.py"),
                    self.path("copy"),
                    cwd=elsewhere,
                    env=environment,
                )
                self.assertEqual(result.returncode, 1, result.stderr)
                self.assertIn(b"  known change: LF turned into CRLF\n", result.stdout)
                self.assertFalse(os.path.exists(self.path("__pycache__")))
                self.assertFalse(os.path.exists(self.path(DIAGNOSIS, "__pycache__")))


def make_writable(folder: str) -> None:
    """Let the cleanup remove ``folder`` again."""
    for root, folders, files in os.walk(folder):
        os.chmod(root, os.stat(root).st_mode | stat.S_IWUSR)
        for name in files:
            path = os.path.join(root, name)
            os.chmod(path, os.stat(path).st_mode | stat.S_IWUSR)
