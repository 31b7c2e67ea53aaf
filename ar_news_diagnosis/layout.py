"""Layout: what tools do to lines, line ends and whitespace, and characters
inserted between the text's own.

Each function here makes a change of the table or undoes it on a copy;
``inserted`` makes both, with the places read off the copy as its form.
"""

import re

MARKS = "\u200f\u200e\u061c"  # right-to-left, left-to-right, Arabic letter mark
ZERO_WIDTH = "\u200b\u200c\u200d\u2060"  # space, non-joiner, joiner, word joiner


def newline_undone(copy: str) -> "tuple[str, tuple]":
    """Undo a newline added at the end, as after a value a command-line tool prints."""
    if not copy.endswith("\n"):
        raise ValueError("no newline at the end")
    return copy[:-1], ()


def each_line_stripped(text: str) -> str:
    """Strip trailing whitespace from each line, as ``str.rstrip`` does line by line."""
    return "\n".join(line.rstrip() for line in text.split("\n"))


def strip_line_ends(text: str) -> str:
    r"""Remove trailing whitespace as ``s/\s+$//mg`` does: empty lines go with it."""
    return re.sub(r"\s+$", "", text, flags=re.MULTILINE)


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
