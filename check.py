"""Check that files are the Arabic news article fixture, byte for byte.

With no FILE, check the repository: ar_news.txt is the original (its size
and CRC-32 are pinned here) and what make_article.py writes is the same bytes.
With FILEs, compare each with the original; "-" reads standard input;
--expected compares them with a file of one's own instead.

A file that matches prints ``FILE: OK``.  One that differs prints where, in
cmp's terms (byte, line and column, numbered from 1), the characters expected
and found, and which known changes made by tools (an editor, git, a text
pipeline, an encoder, an Arabic shaper or bidi display) explain the file, if
any do: several at once, in some of the places, or cut short.  A change is
named only where the named changes, made again to the expected text, give
the file byte for byte.  --json prints the same as data.
Exit status as cmp: 0 all identical, 1 some file differs, 2 trouble.

This file is the command and the path of a file that matches: it reads,
pins and compares.  What says how a file differs, the known changes, the
search and the report, is the package ar_news_diagnosis beside it, imported
only where a file differs; copy the two together (``VERSION`` says whether
they go together).

From Python:

- ``compare(expected, actual, name)`` returns None or the report;
- ``explain(expected, actual, name)`` returns None or a ``Difference``: where
  the copy differs, and each ``Explanation`` by the keys of its changes;
- ``assert_same(expected, actual, name)`` raises AssertionError with the report;
- ``assert_made(keys, actual, text=ARTICLE)`` raises AssertionError unless
  ``actual`` is what the known changes of ``keys`` make of the text;
- ``variant(*keys, text=ARTICLE)`` is the bytes the changes make of a text;
- ``CHANGES`` is the table of known changes, each a ``Change`` with a
  stable key, the name a report prints and what it does to a text;
  ``CHANGES_BY_KEY`` finds one by its key;
- ``size_limit(text)`` is the most bytes the known changes make of a text.
"""

import os
import sys

# What only the command and the diagnosis need (binascii, argparse, json,
# importlib) is imported where it is used, so that ``import check`` loads
# none of it.

try:
    if __package__:  # imported as part of a package, e.g. tests.fixtures.ar_news
        from .make_article import ARTICLE, DEFAULT_TARGET
    else:  # run as a script, or imported from the folder it is in
        from make_article import ARTICLE, DEFAULT_TARGET
except ImportError:  # taken without it: explain and compare work, the command says so
    ARTICLE = DEFAULT_TARGET = None

# This file's version; the diagnosis package beside it must have the same.
VERSION = 2
DIAGNOSIS = "ar_news_diagnosis"

# The original, pinned by its size and CRC-32.  A CRC-32, as zip and PNG
# check what they hold, catches every change of up to 32 bits in a row and
# all but one in four billion of the others: enough against tools, and a
# pin in a file anyone can edit holds against no more than tools.  A SHA-256
# costs the loading of OpenSSL by hashlib: measured for version 1 on a clean
# CPython 3.11, checking a matching repository took 1.59 times as long as
# ``python3 -c pass`` with it, 1.33 with the CRC-32.  The SHA-256 is here for
# people, as the original's SHA256SUMS gives it.
ORIGINAL_SIZE = 7165
ORIGINAL_CRC32 = 0xC2429492
ORIGINAL_SHA256 = "a1478f8c1314683ffc280c1d19182536c0e1340826b8686424675ae19824c37d"
ORIGINAL_BYTES = ARTICLE and ARTICLE.encode("utf-8")

# How much of a file the command reads where it differs from the article:
# size_limit(ARTICLE), the most bytes the known changes make of the original
# (a test checks it), and one more.
READ_LIMIT = 380551
# And the most characters they make of it before a saving and before the
# escapes (limits.limit_before, which the search asks of a long copy; a test
# checks them): worked out, the two took 0.05 s of each compare.
LIMITS_BEFORE = {"saving": 48968, "escape": 151227}

# How large an expected file --expected takes: the search works on it whole.
EXPECTED_LIMIT = 256 * 1024


def diagnosis():
    """The diagnosis package beside this file, imported on first use.

    Raises ImportError, saying which, where it is missing or of another version.
    """
    import importlib

    name = f"{__package__}.{DIAGNOSIS}" if __package__ else DIAGNOSIS
    try:
        package = importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name != name:
            raise
        raise ImportError(
            f"check.py needs the folder {DIAGNOSIS} beside it to say how a copy"
            " differs: copy it too"
        ) from None
    version = getattr(package, "VERSION", None)
    if version != VERSION:
        raise ImportError(
            f"{DIAGNOSIS} is version {version} and check.py version {VERSION}:"
            " copy both from one checkout"
        )
    return package


# The functions users call: each imports the diagnosis when first called.


def explain(
    expected: "bytes | str", actual: "bytes | str", name: str = "-"
) -> "Difference | None":  # noqa: F821 (the diagnosis's, loaded on use)
    """Return None where ``actual`` is ``expected``, else how it differs, as a Difference.

    ``expected`` is UTF-8 text: the article or any part of it, or any other
    text; either may be given as ``str``, which stands for its UTF-8 bytes.
    A copy larger than the known changes make of ``expected`` (``size_limit``)
    is only said to be too long.  ``name`` names ``actual``.
    """
    return diagnosis().explain(expected, actual, name, *limits_of(expected))


def compare(
    expected: "bytes | str", actual: "bytes | str", name: str = "-"
) -> "str | None":
    """Return None where ``actual`` is ``expected``, else the report of how it differs: ``str(explain(...))``."""
    return diagnosis().compare(expected, actual, name, *limits_of(expected))


def assert_same(
    expected: "bytes | str", actual: "bytes | str", name: str = "-"
) -> None:
    """Raise AssertionError with the report where ``actual`` is not ``expected``: for unittest and pytest."""
    __tracebackhide__ = True  # pytest shows the report, not this function
    diagnosis().assert_same(expected, actual, name, *limits_of(expected))


def assert_made(
    keys: "str | tuple[str, ...] | list[str]",
    actual: "bytes | str",
    text: "str | None" = None,
    name: str = "-",
) -> None:
    """Raise AssertionError unless ``actual`` is what the known changes of ``keys``
    (a key, keys joined by commas, or a sequence) make of ``text`` (the article)."""
    __tracebackhide__ = True  # pytest shows the message, not this function
    if text is None and ARTICLE is None:
        raise ValueError("no text given, and make_article.py is not beside check.py")
    diagnosis().assert_made(keys, actual, ARTICLE if text is None else text, name)


def variant(*keys: str, text: "str | None" = None) -> bytes:
    """The bytes that the known changes of ``keys``, made in that order, make of ``text`` (the article).

    Each change in its first form: the README says which.
    """
    if text is None and ARTICLE is None:
        raise ValueError("no text given, and make_article.py is not beside check.py")
    return diagnosis().variant(*keys, text=ARTICLE if text is None else text)


def size_limit(text: str) -> int:
    """The most bytes that the known changes, as the search combines them, make of ``text``."""
    return diagnosis().size_limit(text)


def limits_of(expected: "bytes | str") -> "tuple[int | None, dict[str, int] | None]":
    """The article's size limit and limits before a saving and the escapes,
    pinned here, where ``expected`` is the article: the diagnosis need not
    work them out.  None for any other text."""
    if isinstance(expected, str):
        expected = expected.encode("utf-8", "surrogatepass")
    if expected != ORIGINAL_BYTES:
        return None, None
    return READ_LIMIT, LIMITS_BEFORE


def __getattr__(name: str):
    """The diagnosis's data (``CHANGES``, ``CHANGES_BY_KEY``, ``Change``,
    ``Difference``, ``Explanation``), imported when first asked for (PEP 562)."""
    if name in ("CHANGES", "CHANGES_BY_KEY", "Change", "Difference", "Explanation"):
        return getattr(diagnosis(), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# The command.


def is_original(data: bytes) -> bool:
    """Tell whether ``data`` has the original's pinned size and CRC-32."""
    import binascii

    return len(data) == ORIGINAL_SIZE and binascii.crc32(data) == ORIGINAL_CRC32


def opened(path: str):
    """Open a file to read its bytes; ``-``: standard input, which stays open."""
    if path == "-":
        if sys.stdin is None:
            raise OSError("standard input is closed")
        return open(sys.stdin.fileno(), "rb", closefd=False)
    return open(path, "rb")


def read_copy(path: str, expected: bytes, limit) -> bytes:
    """Read a file as far as a check needs: as far as ``expected`` and a byte,
    and where that differs, on to ``limit()`` and a byte, so that a file too
    long for any known change to have made is known for one."""
    with opened(path) as stream:
        data = stream.read(len(expected) + 1)
        if data != expected:
            data += stream.read(limit() + 1 - len(data))
        return data


def say(name: str, report: "Difference | str | None", options) -> None:  # noqa: F821 (as above)
    """Print that ``name`` is identical (None) or how it differs, as text or JSON, unless quiet."""
    if options and options.quiet:
        return
    if not (options and options.json):
        print(f"{name}: OK" if report is None else report)
        return
    import json

    if report is None:
        data = {"file": name, "status": "identical"}
    elif isinstance(report, str):
        data = {"file": name, "status": "differs", "message": report}
    else:
        data = report.as_json()
    print(json.dumps(data))


def trouble(name: str, message: str, options) -> int:
    """Say that ``name`` could not be checked: a line on standard error, and JSON too; return 2."""
    if options and options.quiet:
        return 2
    if options and options.json:
        import json

        print(json.dumps({"file": name, "status": "trouble", "message": message}))
    print(f"check.py: {name + ': ' if name else ''}{message}", file=sys.stderr)
    return 2


def compared(expected: bytes, name: str, data: bytes, options) -> int:
    """Say whether ``data`` is ``expected``, and how it differs if not; return its exit status."""
    if data == expected:
        say(name, None, options)
        return 0
    try:
        difference = diagnosis().explain(expected, data, name, *limits_of(expected))
    except ImportError as error:
        return trouble(name, f"differs; {error}", options)
    say(name, difference, options)
    if options and options.html:  # kept for the page, written when all are checked
        texts = (text.decode("utf-8", "surrogateescape") for text in (expected, data))
        options.pages.append((name, difference, *texts))
    return 1


def check_files(expected: bytes, paths: "list[str]", limit, options) -> int:
    """Compare each file with ``expected``, reading up to ``limit()`` where it differs; return the exit status."""
    status = 0
    for path in paths:
        try:
            data = read_copy(path, expected, limit)
        except OSError as error:
            status = trouble(path, error.strerror or str(error), options)
        except ImportError as error:  # the limit is the diagnosis's to work out
            status = trouble(path, f"differs; {error}", options)
        else:
            status = max(status, compared(expected, path, data, options))
    return status


def check_repository(options) -> int:
    """Check that ar_news.txt and what make_article.py writes are the original."""
    try:
        data = read_copy(DEFAULT_TARGET, ORIGINAL_BYTES, lambda: READ_LIMIT)
    except OSError as error:
        return trouble(DEFAULT_TARGET, error.strerror or str(error), options)
    copies = {"ar_news.txt": data, "make_article.py": ORIGINAL_BYTES}
    original = next((copy for copy in copies.values() if is_original(copy)), None)
    if original is None:  # both changed: the pin tells that, not where
        for name in copies:
            say(
                name,
                f"{name}: FAILED: not the original, whose SHA-256 is {ORIGINAL_SHA256}",
                options,
            )
        return 1
    return max(
        [compared(original, name, copy, options) for name, copy in copies.items()]
    )


def parse_arguments(arguments: "list[str]"):
    """Parse the command line."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="check.py",
        description="Check that files are the Arabic news article fixture, byte for byte, "
        "and name the known change that explains a file that is not. "
        "Exit status: 0 all identical, 1 some file differs, 2 trouble.",
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="a file to compare with the original; - reads standard input "
        "(default: check the repository's ar_news.txt and make_article.py; "
        "with --expected, standard input)",
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print nothing; the exit status still says",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object per file (JSON Lines, ASCII): file, status "
        "(identical, differs or trouble, with a message), first_difference, "
        "explanations (keys, forms, asked, extent), places",
    )
    parser.add_argument(
        "--expected",
        metavar="EXPECTED",
        help=f"compare the files with EXPECTED, UTF-8 text of at most {EXPECTED_LIMIT} bytes, "
        "instead of the article",
    )
    parser.add_argument(
        "--html",
        metavar="PAGE",
        help="also write PAGE, how each file differs, to read in a browser",
    )
    parser.add_argument(
        "--keys",
        action="store_true",
        help="list every known change: its key, name and forms (with --json, as data)",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {VERSION}",
        help="print the version of check.py and of the diagnosis it goes with, and exit",
    )
    options = parser.parse_args(arguments)
    options.pages = []  # what --html shows, gathered as the files are checked
    return options


def list_keys(options) -> int:
    """Print each known change's key, name and forms, as text or JSON; return the exit status."""
    try:
        print("\n".join(diagnosis().keys_listed(options.json)))
    except ImportError as error:
        return trouble("", str(error), options)
    return 0


def read_expected(path: str) -> bytes:
    """Read the file that --expected names: UTF-8 of at most EXPECTED_LIMIT bytes."""
    with opened(path) as stream:
        data = stream.read(EXPECTED_LIMIT + 1)
    if len(data) > EXPECTED_LIMIT:
        raise OSError(f"larger than {EXPECTED_LIMIT} bytes")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise OSError(f"not UTF-8: byte {error.start + 1}") from None
    return data


def write_page(options) -> int:
    """Write the page --html names, of the files that differ; return the exit status."""
    try:
        page = diagnosis().html_page(options.pages)
        with open(options.html, "w", encoding="utf-8") as stream:
            stream.write(page)
    except (ImportError, OSError) as error:
        return trouble(
            options.html, getattr(error, "strerror", None) or str(error), options
        )
    return 0


def main() -> None:
    arguments = sys.argv[1:]
    # With no arguments there is nothing to parse, and argparse, which costs
    # more to import and set up than the rest of the run, is not needed.
    options = parse_arguments(arguments) if arguments else None
    if sys.stdout is not None:  # print any file name, whatever the terminal holds
        sys.stdout.reconfigure(errors="backslashreplace")
    status = checked(options)
    if options and options.html:
        status = max(status, write_page(options))
    raise SystemExit(status)


def checked(options) -> int:
    """Do what the options ask for; return the exit status."""
    if options and options.keys:
        return list_keys(options)
    if options and options.expected is not None:
        try:
            expected = read_expected(options.expected)
        except OSError as error:
            return trouble(options.expected, error.strerror or str(error), options)
        text = expected.decode("utf-8")
        return check_files(
            expected,
            options.files or ["-"],
            lambda: diagnosis().size_limit(text),
            options,
        )
    if ARTICLE is None:
        return trouble("", "make_article.py is not beside check.py; copy both", options)
    if options and options.files:
        if not is_original(ORIGINAL_BYTES):
            return trouble(
                "", "make_article.py does not hold the original text", options
            )
        return check_files(ORIGINAL_BYTES, options.files, lambda: READ_LIMIT, options)
    return check_repository(options)


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        # The reader of standard output went away: stop quietly, and point
        # standard output at /dev/null so that the exit flush fails no more.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(2)
