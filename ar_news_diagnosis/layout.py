"""Layout: what tools do to lines, line ends and whitespace, and characters
inserted between the text's own; and what a page's layout, or text
extracted from a page, shows at places: spaces at a line's edges, empty
lines added, marks before their letter, a lam-alef alef first, characters
dropped.

Each function here makes a change of the table or undoes it on a copy;
``inserted`` makes both, with the places read off the copy as its form.
Lines wrapped to a width (at spaces, or cut within words as fold -w does)
are undone by ``unwrapped`` with a text the changes make as a guide; lines
indented alike by ``indent_undone``.
"""

import functools
import re
import textwrap
import unicodedata

from .text import ALEFS, as_text, utf8

MARKS = "\u200f\u200e\u061c"  # right-to-left, left-to-right, Arabic letter mark
ZERO_WIDTH = "\u200b\u200c\u200d\u2060"  # space, non-joiner, joiner, word joiner
# Isolates (U+2066 to U+2069), embeddings and overrides (U+202A to U+202E):
# the right-to-left isolate first, which ``inserted`` puts at each line's
# start by default.
DIRECTION_CONTROLS = "\u2067\u2066\u2068\u2069\u202a\u202b\u202c\u202d\u202e"
PAGE_BREAK = "\f"  # a form feed, as pdftotext writes at the end of each page
# The combining marks of Arabic: harakat, and the marks after them to U+065F,
# and the superscript alef.
ARABIC_MARK = "[\u064b-\u065f\u0670]"


def newline_undone(copy: str) -> "tuple[str, tuple]":
    """Undo a newline added at the end, as after a value a command-line tool prints."""
    if not copy.endswith("\n"):
        raise ValueError("no newline at the end")
    return copy[:-1], ()


def each_line_stripped(text: str) -> str:
    """Strip trailing whitespace from each line, as ``str.rstrip`` does line by line."""
    return "\n".join(line.rstrip() for line in text.split("\n"))


def strip_line_ends(text: str) -> str:
    r"""Remove trailing whitespace as ``s/\s+$//mg`` does: empty lines go with it.

    Each run of whitespace is matched from its first character only (a
    lookbehind): a long run not at a line's end would be matched again from
    each, in time that grows as its square.
    """
    return re.sub(r"(?<!\s)\s+$", "", text, flags=re.MULTILINE)


def whitespace_collapsed(text: str) -> str:
    """Collapse each run of whitespace to one space, as ``" ".join(text.split())`` does."""
    return " ".join(text.split())


def without_empty_lines(text: str) -> str:
    """Remove each line that is empty or only whitespace, with its line break, as
    HTML-to-text tools do: a line break always goes with it, so no part of a line is one."""
    return re.sub(r"^[^\S\n]*\n", "", text, flags=re.MULTILINE)


def inserted(characters: str):
    """Make and undo the insertion of runs of ``characters``; return the two and ``widest``.

    Its form is where each run goes: (offset in the text before, run), in
    order; by default one of the first character at the start of each line.
    """
    run = re.compile(f"[{characters}]+")

    def make(text: str, runs: "tuple | None" = None) -> str:
        if runs is None:
            return "\n".join(characters[0] + line for line in text.split("\n"))
        pieces, last = [], 0
        for offset, each in runs:
            pieces += [text[last:offset], each]
            last = offset
        return "".join(pieces) + text[last:]

    def undo(copy: str) -> "tuple[str, tuple]":
        if not any(char in copy for char in characters):
            raise ValueError("none inserted")
        runs, removed = [], 0
        for match in run.finditer(copy):
            runs.append((match.start() - removed, match[0]))
            removed += len(match[0])
        return run.sub("", copy), (tuple(runs),)

    def widest(text: str) -> tuple:
        """One character inserted after each of ``text``: the most it can make."""
        return (tuple((offset, characters[0]) for offset in range(1, len(text) + 1)),)

    return make, undo, widest


def spaces_added(text: str, edges: "tuple | None" = None) -> str:
    """Add spaces at the start and end of lines, as a page's layout pads them.

    ``edges`` gives each line the spaces it is to have at its start and end,
    (start, end), where it has fewer: spaces are added, never removed.  By
    default, a space at the end of each line that is not empty.
    """
    lines = text.split("\n")
    if edges is None:
        edges = tuple((0, bool(line)) for line in lines)
    padded = []
    for line, (start, end) in zip(lines, edges):
        body = line.strip(" ")
        start = max(start, len(line) - len(line.lstrip(" ")))
        end = max(end, len(line) - len(line.rstrip(" "))) if body else 0
        padded.append(" " * start + body + " " * end)
    return "\n".join(padded + lines[len(edges) :])


def spaces_added_undone(copy: str) -> "tuple[str, tuple]":
    """Strip the spaces at the start and end of each line, and say how many each had."""
    lines = copy.split("\n")
    edges = tuple(
        (len(line) - len(line.lstrip(" ")), len(line) - len(line.rstrip(" ")))
        for line in lines
    )
    if not any(map(any, edges)):
        raise ValueError("no spaces at a line's start or end")
    return "\n".join(line.strip(" ") for line in lines), (edges,)


def empty_lines_added(text: str, runs: "tuple | None" = None) -> str:
    """Add empty lines: each run of line breaks as long as ``runs`` gives it,
    in order, where it is shorter; by default each doubled (double spacing)."""
    breaks = re.compile("\n+")
    found = [len(run) for run in breaks.findall(text)]
    runs = runs or tuple(2 * count for count in found)
    longer = iter([max(pair) for pair in zip(found, runs)] + found[len(runs) :])
    return breaks.sub(lambda run: "\n" * next(longer), text)


def empty_lines_undone(copy: str) -> "tuple[str, tuple]":
    """Leave one line break of each run, and say how long each run was."""
    runs = tuple(map(len, re.findall("\n+", copy)))
    if not any(count > 1 for count in runs):
        raise ValueError("no empty line")
    return re.sub("\n+", "\n", copy), (runs,)


def marks_before_letters(text: str) -> str:
    """Move the combining marks after each character before it, as a text
    extracted glyph by glyph may hold them."""
    return re.sub(f"([^\n])({ARABIC_MARK}+)", r"\2\1", text)


# Combining and enclosing marks, format characters, symbols.
MAY_BE_DROPPED = ("Mn", "Me", "Cf", "So", "Sk")


def unseen_removed(text: str) -> str:
    """Remove the characters a display may not show and an extraction may
    drop: combining marks, format characters and symbols, no letter,
    digit, punctuation or space among them."""
    return "".join(
        char for char in text if unicodedata.category(char) not in MAY_BE_DROPPED
    )


def lam_alef_reversed(text: str) -> str:
    """Write each lam-alef alef first, the marks between kept, as a text
    extracted from the ligature's glyph in display order may hold it."""
    return re.sub(f"\u0644({ARABIC_MARK}*)([{ALEFS}])", "\\2\\1\u0644", text)


# Lines wrapped: a line break put in at a run of spaces (in its place or
# beside it), or within a word, so that no line is wider than a width
# (textwrap, fold, fmt, par, HTML-to-text tools, mail, a terminal), counted
# in characters or, as fold and fmt do, in bytes: there the UTF-8 is read as
# Latin-1, a byte to a character.
GAP = re.compile("(?:[ \t\r\n]|\xc2\xa0)+")  # a run of whitespace, so read
NARROWEST, WIDEST = 40, 256  # the widths named: a break put in by hand is none
INDENTED = 4  # the most spaces named as an indentation: lynx and links write 3


def wrapped(
    text: str, unit: str = "characters", width: int = 70, breaks: "tuple | None" = None
) -> bytes:
    """``text`` with a line break at each of ``breaks``, no line wider than ``width`` ``unit``.

    A break is (its offset in the UTF-8, how many spaces there it takes the
    place of).  By default each line is wrapped as ``textwrap.fill`` does.
    """
    if breaks is None:
        text = "\n".join(textwrap.fill(line, width) for line in text.split("\n"))
    return with_breaks(text, breaks or ())


def folded(
    text: str, unit: str = "bytes", width: int = 80, breaks: "tuple | None" = None
) -> bytes:
    """As ``wrapped``; by default each line cut before the byte that would
    take it past ``width`` columns, as ``fold -w`` counts them."""
    if breaks is None:
        breaks, column = [], 0
        for offset, byte in enumerate(utf8(text).decode("latin-1")):
            column = fold_column(column, byte) if byte != "\n" else 0
            if column > width:
                breaks.append((offset, 0))
                column = fold_column(0, byte)
    return with_breaks(text, breaks)


# GNU fold's columns (its adjust_column, without -b), as a terminal moves:
# a carriage return goes back to the first, a backspace one back, a tab on
# to the next tab stop; each other character (a byte, as fold counts) one on.
TAB_STOPS = 8


def fold_column(column: int, char: str) -> int:
    """The column after ``char`` written at ``column``."""
    if char == "\r":
        return 0
    if char == "\b":
        return max(0, column - 1)
    if char == "\t":
        return column + TAB_STOPS - column % TAB_STOPS
    return column + 1


def fold_width(line: str) -> int:
    """The column ``line`` ends at, as fold counts it."""
    return functools.reduce(fold_column, line, 0)


def most_breaks(size: int) -> int:
    """The most line breaks that wrapping, as named, puts in a text of ``size`` bytes.

    No width under NARROWEST is named, and a line broken would not have fit
    after the one before: two lines running hold NARROWEST bytes at least (a
    character is a byte or more), so one break at most for NARROWEST / 2.
    Not so for lines folded at tabs, each up to eight columns: such a copy
    with more breaks is too long to be looked for.
    """
    return 2 * size // NARROWEST + 1


@functools.lru_cache(maxsize=64)  # asked of a copy undone for each guide
def lines_broken_at_most(text: str) -> int:
    """The most lines of ``text`` that wrapping, as named, may have broken:
    a line broken, with the one after it, is as wide as the width at least
    (its next word would not have fit, or it was cut at the width), and so
    holds NARROWEST bytes, a tab as the eight columns fold may count it."""
    widths = [
        len(line.encode("utf-8", "surrogatepass")) + 7 * line.count("\t")
        for line in text.split("\n")
    ]
    return sum(one + other >= NARROWEST for one, other in zip(widths, widths[1:]))


def with_breaks(text: str, breaks) -> bytes:
    """``text``'s UTF-8 with a line break at each (offset, spaces it takes the place of)."""
    data, pieces, last = utf8(text).decode("latin-1"), [], 0
    for offset, replaces in breaks:
        pieces += [data[last:offset], "\n"]
        last = offset + replaces
    return ("".join(pieces) + data[last:]).encode("latin-1")


def indented(text: str, spaces: int = 3) -> str:
    """Indent each line that is not empty by ``spaces``, as lynx and links do."""
    return "\n".join(" " * spaces * bool(line) + line for line in text.split("\n"))


NOT_INDENTED = re.compile(
    "^[^ \n]", re.MULTILINE
)  # a line that is not empty nor indented
LEADING_SPACES = re.compile("^ +", re.MULTILINE)  # of each line that is not empty


def indent_undone(copy: str) -> "tuple[str, tuple]":
    """Undo an indentation of each line that is not empty by the same number of spaces."""
    if NOT_INDENTED.search(copy):
        raise ValueError("a line not indented")
    spaces = min(map(len, LEADING_SPACES.findall(copy)), default=0)  # the fewest
    if not 0 < spaces <= INDENTED:
        raise ValueError("not each line indented alike")
    return re.sub(f"^ {{{spaces}}}", "", copy, flags=re.MULTILINE), (spaces,)


def lines(text: str) -> "tuple[int, int | None]":
    """How many line breaks ``text`` has, and how many bytes other than whitespace
    (None where it has a lone surrogate, which no byte stands for)."""
    try:
        data = utf8(text)
    except ValueError:
        return text.count("\n"), None
    blank = sum(map(data.count, (b" ", b"\t", b"\r", b"\n"))) + 2 * data.count(
        b"\xc2\xa0"
    )
    return text.count("\n"), len(data) - blank


def unwrapped(copy: str, text: str) -> "tuple[str, str, tuple] | None":
    """Take out of ``copy`` the line breaks that wrapping put in, ``text`` the guide.

    A break was put in where ``text`` has none, among the same characters
    that are not whitespace: in the place of spaces, beside them or within a
    word.  Returns the text before, the key of the change and its form:
    ``folded`` where a break is within a word and each line broken is as
    wide as the widest; ``wrapped`` where every break is at spaces and each
    line broken would not have fit after the one before; else None.
    """
    try:
        data, guide = utf8(copy).decode("latin-1"), utf8(text).decode("latin-1")
    except ValueError:  # a lone surrogate, which no byte stands for
        return None
    gaps = runs_of_whitespace(guide)  # read as far as the copy is
    at, known_gap = next(gaps, (None, ""))
    pieces, breaks = [], []
    put_in = []  # (the copy's line each break ends, whether at spaces)
    spaces = line = last = size = 0
    for run in GAP.finditer(data):
        while at is not None and at < run.start() - spaces:
            at, known_gap = next(gaps, (None, ""))
        gap, known = run[0], known_gap if at == run.start() - spaces else ""
        pieces.append(data[last : run.start()])
        size += run.start() - last
        spaces, last, newlines = spaces + len(gap), run.end(), gap.count("\n")
        if newlines > known.count("\n"):
            found = break_put_in(gap, known)
            if not found:
                return None  # lines joined, or two breaks in one place
            index, replaces = found
            breaks.append((size + index, replaces))
            put_in.append((line, bool(known)))
            gap = gap[:index] + " " * replaces + gap[index + 1 :]
        pieces.append(gap)
        size, line = size + len(gap), line + newlines
    for unit, wrapped_lines in (
        ("characters", copy.split("\n")),
        ("bytes", data.split("\n")),
    ):
        found = line_breaks_put_in(wrapped_lines, put_in)
        if found:
            key, width = found
            before = as_text(("".join(pieces) + data[last:]).encode("latin-1"))
            return before, key, (unit, width, tuple(breaks))
    return None


def runs_of_whitespace(text: str):
    """Yield each run of whitespace of ``text`` (UTF-8 read as Latin-1), with
    where it stands among the characters that are not whitespace."""
    spaces = 0
    for run in GAP.finditer(text):
        yield run.start() - spaces, run[0]
        spaces += len(run[0])


def break_put_in(gap: str, known: str) -> "tuple[int, int] | None":
    """Where in ``gap``, a run of whitespace of the copy, one line break was put
    in, ``known`` the guide's run there: its index, and how many spaces it
    takes the place of; None where it has more, or lines were joined.

    Beside the guide's own line breaks (a line cut before a no-break space
    at its end) it is the one whose removal leaves them; among spaces alone,
    the first, in the place of the spaces the copy lacks.
    """
    for index in (at for at, char in enumerate(gap) if char == "\n"):
        if gap[:index] + gap[index + 1 :] == known:
            return index, 0
    rest = gap.replace("\n", "", 1)
    kept, wanted = (len(each) - each.count("\xc2") for each in (rest, known))
    if "\n" in known + rest or kept > wanted:
        return None
    return gap.find("\n"), wanted - kept


def line_breaks_put_in(
    wrapped_lines: "list[str]", put_in: list
) -> "tuple[str, int] | None":
    """Which wrapping put line breaks after the lines ``put_in`` (each a line's
    number, and whether the break is at spaces), and the width read off the
    lines, counted as given; None where none is named."""
    if not put_in:
        return None
    if not all(at_spaces for _, at_spaces in put_in):  # cut within a word
        # Cut before the character that took each line past the width, the
        # widest line's, in fold's columns.
        columns = [fold_width(line) for line in wrapped_lines]
        width = max(columns)
        full = all(
            fold_column(columns[at], wrapped_lines[at + 1][:1]) > width
            for at, _ in put_in
        )
        return ("folded", width) if full and NARROWEST <= width <= WIDEST else None
    # At spaces: the next line would not have fit after the one broken.
    width = max(map(len, wrapped_lines))
    if NARROWEST <= width <= WIDEST and all(
        len(wrapped_lines[at].rstrip(" ")) + len(wrapped_lines[at + 1]) >= width
        for at, _ in put_in
    ):
        return ("wrapped", width)
    return None
