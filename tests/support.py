"""What the tests share: the repository's paths, copies of it, and running its scripts."""

import atexit
import compileall
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPTS = ("make_article.py", "check.py")
FIXTURE = "ar_news.txt"
DIAGNOSIS = "ar_news_diagnosis"  # the package check.py imports where a file differs
PROJECT = (*SCRIPTS, FIXTURE, DIAGNOSIS)  # what a user copies

# The digest of the original, as ../shared/original/SHA256SUMS gives it.
ORIGINAL_SHA256 = "a1478f8c1314683ffc280c1d19182536c0e1340826b8686424675ae19824c37d"

with open(os.path.join(REPO, FIXTURE), "rb") as _stream:
    ORIGINAL = _stream.read()

# How long a subprocess may run before a test says it hangs: a guard, far
# above what any run here needs (seconds, on a loaded machine), so that no
# test passes or fails by the machine's speed.
HANG = 300

# The scripts are run as on a machine with nothing but Python: without the
# site module (-S), so that no site-packages or .pth file of this machine's
# is there (on this kind of machine those cost 35 ms a start) and nothing but
# the standard library can be imported.
SCRIPT_FLAGS = ("-S",)

# A subprocess sees neither the caller's locale nor its I/O settings.
QUIET_ENVIRONMENT = {
    name: value
    for name, value in os.environ.items()
    if not name.startswith(("PYTHON", "LC_")) and name not in ("LANG", "LANGUAGE")
}


@functools.lru_cache(maxsize=None)  # once a run: each copy takes its bytecode
def compiled_package() -> str:
    """A copy of the package, compiled by this interpreter as its first run
    writes it, in a folder of its own that is removed at exit; its path."""
    folder = tempfile.mkdtemp(prefix="ar_news_compiled_")
    atexit.register(shutil.rmtree, folder, True)
    package = os.path.join(folder, DIAGNOSIS)
    shutil.copytree(
        os.path.join(REPO, DIAGNOSIS),
        package,
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    compileall.compile_dir(package, quiet=1)
    return package


def copy_project(folder: str, bytecode: bool = True) -> None:
    """Copy what a user takes in, the scripts, the fixture and the package, into
    ``folder``: the package with its bytecode, as after its first run (each
    copy compiling it again cost the suite 2 s; copytree keeps the sources'
    times, which the bytecode is checked against), or, not ``bytecode``, as
    in a fresh clone."""
    for name in SCRIPTS + (FIXTURE,):
        shutil.copyfile(os.path.join(REPO, name), os.path.join(folder, name))
    shutil.copytree(
        compiled_package() if bytecode else os.path.join(REPO, DIAGNOSIS),
        os.path.join(folder, DIAGNOSIS),
        ignore=shutil.ignore_patterns(*() if bytecode else ("__pycache__",)),
    )


def library_output(name: str) -> bytes:
    """A real library's output, kept byte for byte in tests/data."""
    with open(os.path.join(REPO, "tests", "data", name), "rb") as stream:
        return stream.read()


def known(report: "str | None") -> "list[str]":
    """The lines of a report that name a known change."""
    return [
        line
        for line in (report or "").splitlines()
        if line.startswith("  known change")
    ]


class RepoCopyTestCase(unittest.TestCase):
    """A test that works in a temporary copy of the repository's scripts, fixture and package."""

    def setUp(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="ar_news_test_")
        self.addCleanup(shutil.rmtree, self.folder)
        copy_project(self.folder)

    def path(self, *names: str) -> str:
        """Return a path inside the copy."""
        return os.path.join(self.folder, *names)

    def write(self, name: str, data: bytes) -> str:
        """Write ``data`` to a file of the copy; return its path."""
        with open(self.path(name), "wb") as stream:
            stream.write(data)
        return self.path(name)

    def read(self, name: str) -> bytes:
        with open(self.path(name), "rb") as stream:
            return stream.read()

    def run_script(
        self, script: str, *arguments: str, environment: "dict | None" = None, **options
    ) -> subprocess.CompletedProcess:
        """Run one of the copied scripts with the current interpreter; capture its output."""
        options.setdefault("stdout", subprocess.PIPE)
        options.setdefault("stderr", subprocess.PIPE)
        options.setdefault("cwd", self.folder)
        options.setdefault("timeout", HANG)
        return subprocess.run(
            [sys.executable, *SCRIPT_FLAGS, self.path(script), *arguments],
            check=False,
            env={**QUIET_ENVIRONMENT, **(environment or {})},
            **options,
        )

    def assertOneLineOfTrouble(self, result: subprocess.CompletedProcess) -> None:
        """Exit status 2 and one line on stderr, no traceback."""
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertEqual(len(result.stderr.splitlines()), 1, result.stderr)
        self.assertNotIn(b"Traceback", result.stderr)
