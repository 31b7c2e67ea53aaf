"""The page: how copies differ, to read in a browser (``check.py --html``).

Terminals show right-to-left text and invisible characters badly.  The page
shows the report of each copy, then each line that differs, of the original
and of the copy side by side, as ``difflib.HtmlDiff`` lays them out: each
line in its own direction (UAX #9's paragraph level), the places that differ
marked, and each invisible character by its name.  One file, no script, and
nothing fetched.

- ``html_page(differences)``: the page, for (name, Difference, expected text,
  copy as text) of each copy that differs;
- ``rows``: the lines a Difference's places are in, side by side.
"""

import html
import unicodedata

from .bidi import bidi_classes, paragraph_level
from .places import Place
from .text import undecodable

STYLE = """
body { font-family: sans-serif; margin: 1em; }
pre.report { background: #f4f4f4; padding: 0.5em; white-space: pre-wrap; }
table.lines { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.lines td, table.lines th { border: 1px solid #ccc; padding: 0.2em 0.4em;
  vertical-align: top; white-space: pre-wrap; word-wrap: break-word; }
table.lines th { color: #666; font-weight: normal; }
col.number { width: 4em; }
table.lines td { unicode-bidi: plaintext; }
mark { background: #ffd54f; }
mark.nothing::before { content: "\\2038"; color: #c00; }
tr.deleted mark, tr.added mark, tr.duplicated mark { background: #ffab91; }
tr.moved mark, tr.exchanged mark { background: #b3e5fc; }
span.invisible { border: 1px dotted #888; font-size: 70%; padding: 0 0.2em;
  color: #333; font-family: monospace; }
"""

# Short names for the invisible characters a copy most often holds; others
# are shown by code point, with the name in the title.
SHORT_NAMES = {
    "\t": "TAB",
    "\r": "CR",
    "\xa0": "NBSP",
    "\u200b": "ZWSP",
    "\u200c": "ZWNJ",
    "\u200d": "ZWJ",
    "\u200e": "LRM",
    "\u200f": "RLM",
    "\u2060": "WJ",
    "\u061c": "ALM",
    "\ufeff": "BOM",
}


# Unicode gives control characters no name; their aliases (NameAliases.txt).
CONTROL_NAMES = {
    "\0": "NULL",
    "\t": "CHARACTER TABULATION",
    "\x0b": "LINE TABULATION",
    "\x0c": "FORM FEED",
    "\r": "CARRIAGE RETURN",
    "\x1a": "SUBSTITUTE",
    "\x1b": "ESCAPE",
    "\x7f": "DELETE",
    "\x85": "NEXT LINE",
}


def html_page(differences: "list[tuple]") -> str:
    """The page for each (name, Difference, expected text, copy as text)."""
    sections = [section(*each) for each in differences] or ["<p>No file differs.</p>\n"]
    return (
        '<!DOCTYPE html>\n<html lang="ar"><head><meta charset="utf-8">'
        "<title>How the copies differ</title>"
        f"<style>{STYLE}</style></head><body>\n{''.join(sections)}</body></html>\n"
    )


def section(name: str, difference, expected: str, found: str) -> str:
    """One copy: its report, then its lines that differ, side by side."""
    old_lines, new_lines = expected.split("\n"), found.split("\n")
    told = sorted(
        rows(difference.places, old_lines, new_lines),
        key=lambda each: (each[1] or 0, each[3] or 0),
    )
    body = "".join(row(*each) for each in told)
    return (
        f"<section><h1>{html.escape(name)}</h1>"
        f'<pre class="report">{html.escape(str(difference))}</pre>'
        '<table class="lines"><colgroup><col class="number"><col>'
        '<col class="number"><col></colgroup>'
        "<tr><th>line</th><th>the original</th><th>line</th><th>the copy</th></tr>\n"
        f"{body}</table></section>\n"
    )


def rows(places: "list[Place]", old_lines: "list[str]", new_lines: "list[str]"):
    """Yield, for the lines the places are in: (kind, the original's line number
    or None, its runs, the copy's line number or None, its runs), each side's
    runs as (text, marked) from its line's start to its end."""
    by_lines: dict[tuple, list[Place]] = {}
    for place in places:
        if place.kind == "characters":
            by_lines.setdefault((place[0], place.copy_line), []).append(place)
            continue
        line, _, old, new = place
        old_count = len(old.split("\n")) if old else 0
        new_count = len(new.split("\n")) if new else 0
        for index in range(max(old_count, new_count)):
            yield (
                place.kind,
                line + index if index < old_count else None,
                [(old_lines[line + index - 1], True)] if index < old_count else [],
                place.copy_line + index if index < new_count else None,
                [(new_lines[place.copy_line + index - 1], True)]
                if index < new_count
                else [],
            )
    for (line, copy_line), changed in by_lines.items():
        yield (
            "characters",
            line,
            split_runs(old_lines[line - 1], [(p[1] - 1, p[2]) for p in changed]),
            copy_line,
            split_runs(new_lines[copy_line - 1], in_the_copy(changed)),
        )


def in_the_copy(changed: "list[Place]") -> "list[tuple[int, str]]":
    """Where the found runs of a line's places stand in the copy's line:
    each place's column, shifted by what the places before it changed."""
    shift, runs = 0, []
    for _, column, old, new in changed:
        runs.append((column - 1 + shift, new))
        shift += len(new) - len(old)
    return runs


def split_runs(line: str, marked: "list[tuple[int, str]]") -> "list[tuple[str, bool]]":
    """``line`` as runs of (text, marked), each of ``marked`` (start, text) a run of its own."""
    runs, last = [], 0
    for start, text in marked:
        runs += [(line[last:start], False), (text, True)]
        last = start + len(text)
    return [*runs, (line[last:], False)]


def row(
    kind: str,
    line: "int | None",
    old_runs: list,
    copy_line: "int | None",
    new_runs: list,
) -> str:
    """One row of the table: the two lines, each in its own direction."""
    return (
        f'<tr class="{kind}"><th>{line or ""}</th>{cell(old_runs)}'
        f"<th>{copy_line or ''}</th>{cell(new_runs)}</tr>\n"
    )


def cell(runs: "list[tuple[str, bool]]") -> str:
    """A line's cell: its direction, its runs, marked where they differ (where
    nothing is, a caret the style draws)."""
    text = "".join(each for each, _ in runs)
    direction = "rtl" if text and paragraph_level(bidi_classes(text)) else "ltr"
    shown = "".join(
        (
            f"<mark>{shown_text(each)}</mark>"
            if each
            else '<mark class="nothing"></mark>'
        )
        if marked
        else shown_text(each)
        for each, marked in runs
    )
    return f'<td dir="{direction}">{shown}</td>'


def shown_text(text: str) -> str:
    """``text`` as HTML, each invisible character as its name in a box."""
    return "".join(shown_character(char) for char in text)


def shown_character(char: str) -> str:
    """A character as HTML: itself, or, where it cannot be seen, its name."""
    if undecodable(char):  # a byte that is not UTF-8
        byte = f"0x{ord(char) - 0xDC00:02X}"
        return f'<span class="invisible" title="a byte that is not UTF-8">{byte}</span>'
    category = unicodedata.category(char)
    if char == " " or category[0] not in "CZ":
        return html.escape(char)
    name = unicodedata.name(char, "") or CONTROL_NAMES.get(char, "a control character")
    short = SHORT_NAMES.get(char, f"U+{ord(char):04X}")
    return (
        f'<span class="invisible" title="U+{ord(char):04X} {html.escape(name)}">'
        f"{short}</span>"
    )
