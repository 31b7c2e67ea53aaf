"""Check that files are the Arabic news article fixture, byte for byte.

With no FILE, check the repository: ar_news.txt is the original (its SHA-256
and size are pinned here) and what make_article.py writes is the same bytes.
With FILEs, compare each with the original; "-" reads standard input.

A file that matches prints ``FILE: OK``.  One that differs prints where, in
cmp's terms (byte, line and column, numbered from 1), the characters expected
and found, and which known change made by a tool (an editor, git, a text
pipeline, an encoder) explains the whole file, if one does.  Exit status as
cmp: 0 all identical, 1 some file differs, 2 trouble.
"""

import hashlib
import os
import sys

from make_article import ARTICLE, DEFAULT_TARGET

ORIGINAL_SHA256 = "a1478f8c1314683ffc280c1d19182536c0e1340826b8686424675ae19824c37d"
ORIGINAL_SIZE = 7165

# How much of a file is read: more than any known change, or two, makes of the
# original (the largest, two rounds of mojibake, is about four times its size).
READ_LIMIT = 64 * 1024

# How many of the places that differ a report lists.
PLACES_SHOWN = 5

# Names that unicodedata does not give: the control characters have none.
CONTROL_NAMES = {
    "\0": "NULL",
    "\t": "CHARACTER TABULATION",
    "\n": "LINE FEED",
    "\r": "CARRIAGE RETURN",
}


def normalize(form: str, text: str) -> str:
    """Return ``text`` in Unicode normalization ``form``."""
    import unicodedata

    return unicodedata.normalize(form, text)


def read_as_windows_1252(text: str) -> str:
    """Return the UTF-8 bytes of ``text`` read as Windows-1252.

    The five bytes that Windows-1252 leaves undefined become the same code
    points, as Windows itself does.
    """
    high = {
        byte: bytes([byte]).decode("cp1252", "ignore") or chr(byte)
        for byte in range(0x80, 0xA0)
    }
    return text.encode("utf-8").decode("latin-1").translate(high)


# Known changes to the text, each a name and what it does to the original.
TEXT_CHANGES = (
    ("a newline added at the end", lambda text: text + "\n"),
    ("LF turned into CRLF", lambda text: text.replace("\n", "\r\n")),
    (
        "no-break spaces turned into plain spaces",
        lambda text: text.replace("\xa0", " "),
    ),
    (
        "trailing whitespace stripped from each line (str.rstrip)",
        lambda text: "\n".join(line.rstrip() for line in text.split("\n")),
    ),
    ("normalized to NFD", lambda text: normalize("NFD", text)),
    ("normalized to NFKC", lambda text: normalize("NFKC", text)),
    ("normalized to NFKD", lambda text: normalize("NFKD", text)),
    (
        "UTF-8 read as Latin-1 and saved as UTF-8 (mojibake)",
        lambda text: text.encode("utf-8").decode("latin-1"),
    ),
    ("UTF-8 read as Windows-1252 and saved as UTF-8 (mojibake)", read_as_windows_1252),
    ("tatweel (kashida, U+0640) removed", lambda text: text.replace("\u0640", "")),
    (
        "harakat (diacritics, U+064B to U+0652) removed",
        lambda text: text.translate(dict.fromkeys(range(0x064B, 0x0653))),
    ),
    (
        "alef forms U+0623, U+0625, U+0622 unified to alef U+0627",
        lambda text: text.translate(dict.fromkeys((0x0623, 0x0625, 0x0622), "\u0627")),
    ),
    (
        "teh marbuta U+0629 written as heh U+0647",
        lambda text: text.replace("\u0629", "\u0647"),
    ),
    (
        "alef maqsura U+0649 written as yeh U+064A",
        lambda text: text.replace("\u0649", "\u064a"),
    ),
    (
        "Western digits turned into Arabic-Indic digits",
        lambda text: text.translate(
            {ord("0") + digit: 0x0660 + digit for digit in range(10)}
        ),
    ),
    (
        "curly quotes straightened",
        lambda text: text.translate(
            str.maketrans("\u201c\u201d\u2018\u2019", "\"\"''")
        ),
    ),
    (
        "Arabic comma U+060C turned into a Latin comma",
        lambda text: text.replace("\u060c", ","),
    ),
    (
        "Arabic semicolon U+061B turned into a Latin semicolon",
        lambda text: text.replace("\u061b", ";"),
    ),
)

# Known ways of saving the text other than plain UTF-8, each a name and the
# bytes it writes.
SAVINGS = (
    ("a UTF-8 byte-order mark added", lambda text: ("\ufeff" + text).encode("utf-8")),
    ("saved as UTF-16 LE", lambda text: text.encode("utf-16-le")),
    ("saved as UTF-16 BE", lambda text: text.encode("utf-16-be")),
    (
        "saved as UTF-16 LE with a byte-order mark",
        lambda text: ("\ufeff" + text).encode("utf-16-le"),
    ),
    (
        "saved as UTF-16 BE with a byte-order mark",
        lambda text: ("\ufeff" + text).encode("utf-16-be"),
    ),
    (
        "saved as Windows-1256, ? for what it cannot hold",
        lambda text: text.encode("cp1256", "replace"),
    ),
    (
        "saved as Windows-1256, dropping what it cannot hold",
        lambda text: text.encode("cp1256", "ignore"),
    ),
    (
        "saved as ISO-8859-6, ? for what it cannot hold",
        lambda text: text.encode("iso-8859-6", "replace"),
    ),
    (
        "saved as ISO-8859-6, dropping what it cannot hold",
        lambda text: text.encode("iso-8859-6", "ignore"),
    ),
)

# Known insertions that can be anywhere, each a name and how to undo it on
# the text found.
INSERTIONS = (
    (
        "right-to-left or left-to-right marks inserted",
        lambda text: text.translate(dict.fromkeys((0x200E, 0x200F, 0x061C))),
    ),
)


def known_changes(expected: bytes, actual: bytes) -> "list[str]":
    """Name the known changes, one or two at once, that turn expected into actual.

    Where several give the same bytes, all are named; an empty list means
    that no known change explains ``actual``.
    """
    text = expected.decode("utf-8")
    found = actual.decode("utf-8", "surrogateescape")
    changed = [(name, change(text)) for name, change in TEXT_CHANGES]
    once = [(name, damaged.encode("utf-8")) for name, damaged in changed]
    once += [(name, save(text)) for name, save in SAVINGS]
    undone = [
        (name, undo(found).encode("utf-8", "surrogateescape"))
        for name, undo in INSERTIONS
    ]
    names = [name for name, damaged in once if damaged == actual]
    names += [name for name, restored in undone if restored == expected]
    if names:
        return names
    pairs = [
        ((first, second), change(damaged).encode("utf-8"))
        for first, damaged in changed
        for second, change in TEXT_CHANGES
        if second != first
    ]
    pairs += [
        ((first, second), save(damaged))
        for first, damaged in changed
        for second, save in SAVINGS
    ]
    matches = [pair for pair, damaged in pairs if damaged == actual]
    matches += [
        (name, inserted)
        for inserted, restored in undone
        for name, damaged in once
        if restored == damaged
    ]
    named = {}  # one name for a pair that gives the same bytes in either order
    for pair in matches:
        named.setdefault(frozenset(pair), " and ".join(pair))
    return list(named.values())


def undecodable(char: str) -> bool:
    """Tell whether ``char`` stands for a byte that is not UTF-8, as surrogateescape decodes it."""
    return "\udc80" <= char <= "\udcff"


def describe(char: str) -> str:
    """Name one character by code point and name; show a byte that is not UTF-8 as 0xC2."""
    if undecodable(char):
        return f"0x{ord(char) - 0xDC00:02X}"
    import unicodedata

    name = CONTROL_NAMES.get(char) or unicodedata.name(char, "<control>")
    return f"U+{ord(char):04X} {name}"


def escape(char: str) -> str:
    """Escape one character for an excerpt as Python does; show a byte that is not UTF-8 as <0x9F>."""
    if undecodable(char):
        return f"<{describe(char)}>"
    return "\\'" if char == "'" else ascii(char)[1:-1]


def describe_run(run: str) -> str:
    """Name up to three characters; show a longer run as an escaped excerpt."""
    if not run:
        return "nothing"
    if len(run) <= 3:
        return " + ".join(describe(char) for char in run)
    excerpt = "".join(escape(char) for char in run[:12])
    return f"'{excerpt}{'...' if len(run) > 12 else ''}' ({len(run)} characters)"


def character_at(data: bytes, start: int) -> str:
    """Describe the character that starts at ``data[start]``, or the end of the file."""
    if start >= len(data):
        return "end of file"
    return describe(data[start : start + 4].decode("utf-8", "surrogateescape")[0])


def character_start(data: bytes, index: int) -> int:
    """Return where the UTF-8 character that holds ``data[index]`` starts."""
    while 0 < index < len(data) and 0x80 <= data[index] < 0xC0:  # a continuation byte
        index -= 1
    return index


def line_and_column(before: str) -> "tuple[int, int]":
    """Return the line and column, from 1, of the character that follows ``before``."""
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def first_difference(expected: bytes, actual: bytes, name: str) -> "list[str]":
    """Say where ``actual`` first differs from ``expected``, in cmp's terms."""
    index = next(
        (i for i, (want, got) in enumerate(zip(expected, actual)) if want != got),
        min(len(expected), len(actual)),
    )
    start = character_start(expected, index)
    if not actual:
        where = f"EOF on {name} which is empty"
    elif index == len(actual):
        last = character_start(expected, index - 1)
        line, column = line_and_column(expected[:last].decode("utf-8"))
        where = f"EOF on {name} after byte {index}, line {line}, column {column}"
    else:
        line, column = line_and_column(expected[:start].decode("utf-8"))
        kind = "longer than the original" if index == len(expected) else "differs"
        where = f"{kind}: byte {index + 1}, line {line}, column {column}"
    return [
        f"{name}: {where}",
        f"  expected {character_at(expected, start)}, found {character_at(actual, start)}",
    ]


def places(expected: str, found: str) -> "list[tuple[int, str, str]]":
    """List the places where two texts differ: offset in ``expected``, expected run, found run.

    Where both have the same number of lines, which partial damage keeps,
    lines are compared pair by pair, exactly; otherwise the whole texts are
    compared with difflib's quicker heuristic.
    """
    import difflib

    expected_lines, found_lines = expected.split("\n"), found.split("\n")
    if len(expected_lines) == len(found_lines):
        pairs = zip(expected_lines, found_lines)
        autojunk = False
    else:
        pairs = [(expected, found)]
        autojunk = True
    result = []
    offset = 0
    for old, new in pairs:
        if old != new:
            matcher = difflib.SequenceMatcher(None, old, new, autojunk=autojunk)
            result += [
                (offset + i1, old[i1:i2], new[j1:j2])
                for tag, i1, i2, j1, j2 in matcher.get_opcodes()
                if tag != "equal"
            ]
        offset += len(old) + 1
    return result


def explanation(expected: bytes, actual: bytes) -> "list[str]":
    """Name the known change that explains ``actual``, or else list where it differs."""
    if len(actual) > READ_LIMIT:
        return [
            f"  longer than {READ_LIMIT} bytes: no known change makes that much of the original"
        ]
    changes = known_changes(expected, actual)
    if changes:
        return [f"  known change: {change}" for change in changes]
    text = expected.decode("utf-8")
    differ = places(text, actual.decode("utf-8", "surrogateescape"))
    lines = [f"  no known change explains it; places that differ: {len(differ)}"]
    for offset, old, new in differ[:PLACES_SHOWN]:
        line, column = line_and_column(text[:offset])
        lines.append(
            f"    line {line}, column {column}: expected {describe_run(old)}, found {describe_run(new)}"
        )
    if len(differ) > PLACES_SHOWN:
        lines.append(f"    and {len(differ) - PLACES_SHOWN} more")
    return lines


def compare(expected: bytes, actual: bytes, name: str = "-") -> "str | None":
    """Return None where ``actual`` is ``expected``, else a report of how it differs.

    The report says where the first difference is and, unless ``actual`` is
    only cut short, which known change explains it or else where it differs.
    ``name`` names ``actual`` in the report.
    """
    if actual == expected:
        return None
    lines = first_difference(expected, actual, name)
    if not expected.startswith(actual):
        lines += explanation(expected, actual)
    return "\n".join(lines)


def is_original(data: bytes) -> bool:
    """Tell whether ``data`` has the original's pinned size and SHA-256."""
    return (
        len(data) == ORIGINAL_SIZE
        and hashlib.sha256(data).hexdigest() == ORIGINAL_SHA256
    )


def read_start(path: str) -> bytes:
    """Read as much of a file as a check needs (``-``: standard input)."""
    if path == "-":
        if sys.stdin is None:
            raise OSError("standard input is closed")
        return sys.stdin.buffer.read(READ_LIMIT + 1)
    with open(path, "rb") as stream:
        return stream.read(READ_LIMIT + 1)


def complain(message: str, quiet: bool) -> None:
    """Print a line about trouble on standard error, unless quiet."""
    if not quiet:
        print(f"check.py: {message}", file=sys.stderr)


def verdict(original: bytes, copy: bytes, name: str, quiet: bool) -> int:
    """Print ``NAME: OK`` or the report on how ``copy`` differs; return 0 or 1."""
    report = compare(original, copy, name)
    if not quiet:
        print(report or f"{name}: OK")
    return 1 if report else 0


def check_files(paths: "list[str]", quiet: bool) -> int:
    """Compare each file with the original; return the exit status."""
    original = ARTICLE.encode("utf-8")
    if not is_original(original):
        complain(
            "make_article.py does not hold the original text; run check.py alone", quiet
        )
        return 2
    status = 0
    for path in paths:
        try:
            data = read_start(path)
        except OSError as error:
            complain(f"{path}: {error.strerror or error}", quiet)
            status = 2
        else:
            status = max(status, verdict(original, data, path, quiet))
    return status


def check_repository(quiet: bool) -> int:
    """Check that ar_news.txt and what make_article.py writes are the original."""
    try:
        data = read_start(DEFAULT_TARGET)
    except OSError as error:
        complain(f"{DEFAULT_TARGET}: {error.strerror or error}", quiet)
        return 2
    produced = ARTICLE.encode("utf-8")
    original = next((copy for copy in (produced, data) if is_original(copy)), None)
    copies = {"ar_news.txt": data, "make_article.py": produced}
    if original is None:  # both changed: the pin tells that, not where
        for name in copies:
            if not quiet:
                print(
                    f"{name}: FAILED: its SHA-256 is not the original's, {ORIGINAL_SHA256}"
                )
        return 1
    return max(verdict(original, copy, name, quiet) for name, copy in copies.items())


def parse_arguments(arguments: "list[str]") -> "tuple[list[str], bool]":
    """Parse the command line; return the files named and whether to be quiet."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="check.py",
        description="Check that files are the Arabic news article fixture, byte for byte. "
        "Exit status: 0 all identical, 1 some file differs, 2 trouble.",
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="a file to compare with the original; - reads standard input "
        "(default: check the repository's ar_news.txt and make_article.py)",
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print nothing; the exit status still says",
    )
    options = parser.parse_args(arguments)
    return options.files, options.quiet


def main() -> None:
    arguments = sys.argv[1:]
    # With no arguments there is nothing to parse, and argparse, which costs
    # more to import and set up than the rest of the run, is not needed.
    files, quiet = parse_arguments(arguments) if arguments else ([], False)
    if sys.stdout is not None:  # print any file name, whatever the terminal holds
        sys.stdout.reconfigure(errors="backslashreplace")
    if files:
        raise SystemExit(check_files(files, quiet))
    raise SystemExit(check_repository(quiet))


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        # The reader of standard output went away: stop quietly, and point
        # standard output at /dev/null so that the exit flush fails no more.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(2)
