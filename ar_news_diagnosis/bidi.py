"""Display order: the Unicode Bidirectional Algorithm (UAX #9), line by line.

For text without explicit embeddings or isolates (they count as neutral)
and without bracket pairs (N0).  ``display_line`` and ``resolved_levels``
are the contents page: each step they call is a small function whose
docstring quotes the rule it implements.  ``display_order`` writes a whole
text so, each line a paragraph, as bidi libraries write it; on a text whose
lines each have one direction, it is its own undoing.
"""

import functools
import itertools
import unicodedata
from typing import Iterable

# Brackets that a right-to-left run shows mirrored: the pairs of Unicode's
# BidiMirroring.txt (Bidi_Mirroring_Glyph) within ASCII and Latin-1, and the
# single guillemets U+2039 and U+203A.
MIRRORED = str.maketrans("()<>[]{}\xab\xbb\u2039\u203a", ")(><][}{\xbb\xab\u203a\u2039")


@functools.lru_cache(maxsize=None)  # for one search: it clears it
def display_line(
    line: str, marks_follow: bool = False, base: "int | None" = None
) -> str:
    """Reorder one line as UAX #9 displays it, at the paragraph level ``base``, if given.

    ``marks_follow``: combining marks after their letter in right-to-left
    runs (L3), as FriBidi writes them.  Kept for one search, which makes
    several display orders of one text, alike but for where line breaks go.
    """
    if base is None:
        base = paragraph_level(map(unicodedata.bidirectional, line))
    original, levels = resolved_levels(line, base)
    if not levels:  # the paragraph's level 0, and nothing above it
        return line
    order = reorder(levels)
    if marks_follow:
        order = marks_after_letters(order, original, levels)
    return mirror(line, order, levels)


@functools.lru_cache(maxsize=None)  # for one search, which clears it: a line
def resolved_levels(line: str, base: int) -> "tuple[list[str], list[int]]":
    """Each character's bidirectional class and its level, resolved at the
    paragraph level ``base`` (none where all are at level 0): what each
    display order of a line reorders (``display_line``)."""
    original = bidi_classes(line)
    if not line or (not base and not {"R", "AL", "AN"} & set(original)):
        return original, []
    kinds = resolve_weak_types(original, base)
    kinds = resolve_neutral_types(kinds, base)
    levels = resolve_implicit_levels(kinds, base)
    return original, reset_whitespace(original, levels, base)


def bidi_classes(line: str) -> "list[str]":
    """Each character's bidirectional class."""
    return [unicodedata.bidirectional(char) or "ON" for char in line]


def paragraph_level(original: "Iterable[str]") -> int:
    """P2. Find the first character of type L, AL, or R.
    P3. If it is of type AL or R, set the paragraph embedding level to one;
    otherwise, to zero."""
    return int(
        next((kind for kind in original if kind in ("L", "R", "AL")), "L") != "L"
    )


def resolve_weak_types(original: "list[str]", base: int) -> "list[str]":
    """W1 to W7, on the line as one isolating run sequence (sos and eos the paragraph's direction)."""
    edge = "LR"[base]
    kinds, previous, strong = [], edge, edge
    for kind in original:
        # W1. Change the type of each NSM to the type of the previous character.
        kind = previous if kind == "NSM" else kind
        kind = kind if kind in ("L", "R", "AL", "EN", "AN", "ES", "CS", "ET") else "ON"
        # W2. Search backward from each European number until the first strong
        # type is found. If an AL is found, change it to Arabic number.
        if kind == "EN" and strong == "AL":
            kind = "AN"
        if kind in ("L", "R", "AL"):
            strong = kind
        previous = kind
        kinds.append("R" if kind == "AL" else kind)  # W3. Change all ALs to R.
    # W4. A single European separator between two European numbers changes to
    # a European number. A single common separator between two numbers of the
    # same type changes to that type.
    for index in range(1, len(kinds) - 1):
        kind, before, after = kinds[index], kinds[index - 1], kinds[index + 1]
        if before == after and (
            (kind == "ES" and before == "EN")
            or (kind == "CS" and before in ("EN", "AN"))
        ):
            kinds[index] = before
    # W5. A sequence of European terminators adjacent to European numbers
    # changes to all European numbers.
    kinds = resolve_runs(
        kinds, "ET", lambda before, after: "EN" if "EN" in (before, after) else "ET"
    )
    # W6. Otherwise, separators and terminators change to Other Neutral.
    kinds = ["ON" if kind in ("ES", "ET", "CS") else kind for kind in kinds]
    # W7. Search backward from each European number until the first strong
    # type is found. If an L is found, change it to L.
    strong = edge
    for index, kind in enumerate(kinds):
        if kind in ("L", "R"):
            strong = kind
        elif kind == "EN" and strong == "L":
            kinds[index] = "L"
    return kinds


def resolve_neutral_types(kinds: "list[str]", base: int) -> "list[str]":
    """N1. A sequence of neutrals takes the direction of the surrounding strong
    text if the text on both sides has the same direction; numbers count as R.
    N2. Any remaining neutrals take the embedding direction."""
    edge = "LR"[base]
    direction = {"L": "L", "R": "R", "EN": "R", "AN": "R", None: edge}
    return resolve_runs(
        kinds,
        "ON",
        lambda before, after: (
            direction[before] if direction[before] == direction[after] else edge
        ),
    )


def resolve_runs(kinds: "list[str]", kind: str, resolve) -> "list[str]":
    """Replace each run of ``kind`` with what ``resolve(kind before, kind after)`` says."""
    runs = [(each, len(list(group))) for each, group in itertools.groupby(kinds)]
    resolved = []
    for index, (each, length) in enumerate(runs):
        if each == kind:
            before = runs[index - 1][0] if index else None
            after = runs[index + 1][0] if index + 1 < len(runs) else None
            each = resolve(before, after)
        resolved += [each] * length
    return resolved


def resolve_implicit_levels(kinds: "list[str]", base: int) -> "list[int]":
    """I1. At an even level, R goes up one level, AN and EN two.
    I2. At an odd level, L, EN and AN go up one level."""
    raise_by = ({"R": 1, "AN": 2, "EN": 2}, {"L": 1, "AN": 1, "EN": 1})[base]
    return [base + raise_by.get(kind, 0) for kind in kinds]


def reset_whitespace(
    original: "list[str]", levels: "list[int]", base: int
) -> "list[int]":
    """L1. Reset to the paragraph level segment and paragraph separators, any
    whitespace before them, and any whitespace at the end of the line."""
    levels, resetting = list(levels), True
    for index in reversed(range(len(original))):
        if original[index] in ("B", "S"):
            resetting = True
        elif original[index] != "WS":
            resetting = False
        if resetting:
            levels[index] = base
    return levels


def reorder(levels: "list[int]") -> "list[int]":
    """L2. From the highest level to the lowest odd level, reverse any
    contiguous sequence of characters at that level or higher."""
    order = list(range(len(levels)))
    for level in range(max(levels), 0, -1):
        start = None
        for index, at in enumerate(levels + [0]):  # the end: below every level
            if at >= level:
                start = index if start is None else start
            elif start is not None:
                order[start:index] = order[start:index][::-1]
                start = None
    return order


def marks_after_letters(
    order: "list[int]", original: "list[str]", levels: "list[int]"
) -> "list[int]":
    """L3. Combining marks of a right-to-left letter now precede it: put them
    after it again, in their own order."""
    order, position = list(order), 0
    while position < len(order):
        end = position
        while (
            end < len(order)
            and original[order[end]] == "NSM"
            and levels[order[end]] % 2
        ):
            end += 1
        if position < end:
            letter = order[end : end + 1]  # none at the end of the line
            order[position : end + len(letter)] = letter + order[position:end][::-1]
        position = max(end, position) + 1
    return order


def mirror(line: str, order: "list[int]", levels: "list[int]") -> str:
    """L4. A character at an odd level is shown by its mirrored glyph, if it has one."""
    mirrored = line.translate(MIRRORED)
    return "".join(
        [mirrored[index] if levels[index] % 2 else line[index] for index in order]
    )


def display_order(
    text: str, marks_follow: bool = False, base: "int | None" = None, kept: bool = False
) -> str:
    """Write each line as the bidi algorithm displays it; on this article, its own undoing.

    ``kept``: each line break reordered with its line, as a paragraph
    separator at the paragraph's level (L1), so before a right-to-left line.
    """
    lines = text.split("\n")
    shown = [display_line(line, marks_follow, base) for line in lines]
    if not kept:
        return "\n".join(shown)
    rtl = [
        paragraph_level(bidi_classes(line)) if base is None else base
        for line in lines[:-1]
    ]
    return (
        "".join(
            "\n" + line if level else line + "\n" for line, level in zip(shown, rtl)
        )
        + shown[-1]
    )


def one_paragraph(text: str) -> str:
    """Write the whole text as one paragraph, as python-bidi's ``get_display``
    (0.4.2, and ``bidi.algorithm`` of 0.6) displays it: at the level of its
    first strong character (P2, P3), each line break a neutral within it
    (reset to the paragraph level by L1), then each line reordered apart (L2).

    A line's last neutrals take the direction of what follows the break: at
    the end of the text, the paragraph's (a right-to-left line's full stop
    kept last after a left-to-right flag began the text).
    """
    original = bidi_classes(text)
    base = paragraph_level(original)
    kinds = resolve_weak_types(original, base)
    kinds = resolve_neutral_types(kinds, base)
    levels = resolve_implicit_levels(kinds, base)
    levels = reset_whitespace(original, levels, base)
    shown, start = [], 0
    for line in text.split("\n"):
        at = levels[start : start + len(line)]
        shown.append(mirror(line, reorder(at), at) if at else line)
        start += len(line) + 1
    return "\n".join(shown)


def display_order_marks_after(text: str) -> str:
    """Write each line as ``display_order`` does, combining marks after their letters, as FriBidi does."""
    return display_order(text, marks_follow=True)


# FriBidi's command line (bin/fribidi-main.c, 1.0.8) breaks each line it
# displays into pieces of its screen's width, 80 columns unless told, from
# the visual left: each character takes a column but explicit formatting
# characters, boundary neutrals (U+FEFF in a lam's place among them) and
# combining marks.  It right-aligns each piece of a right-to-left line
# with spaces.
SCREEN_WIDTH = 80
NO_COLUMN = frozenset(
    ("LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI", "BN", "NSM")
)


def on_fribidis_screen(text: str, width: int = SCREEN_WIDTH) -> str:
    """Write each line as FriBidi's command line shows it by default:
    ``display_order_marks_after``, broken into pieces of ``width`` columns,
    each of a right-to-left line right-aligned with spaces."""
    shown = []
    for line in text.split("\n"):
        visual = display_line(line, marks_follow=True)
        rtl = paragraph_level(bidi_classes(line))
        pieces, start = [], 0
        while start < len(visual):
            left, end = width, start
            while left > 0 and end < len(visual):  # as its loop counts them
                left -= unicodedata.bidirectional(visual[end]) not in NO_COLUMN
                end += 1
            pieces.append(" " * left * rtl + visual[start:end])
            start = end
        shown.append("\n".join(pieces))
    return "\n".join(shown)


def last_line_first(text: str) -> str:
    """Write the whole text as one right-to-left paragraph, as ICU's ubidi does
    given it at level 1: each line right to left, and the lines in reverse."""
    return "\n".join(reversed(display_order(text, base=1).split("\n")))


def lines_reversed(text: str) -> str:
    """Reverse each line, character by character: a naive right-to-left display, its own undoing."""
    return "\n".join(line[::-1] for line in text.split("\n"))


def runs_reversed(text: str) -> str:
    """Reverse each run, within a line, of characters that are not
    right-to-left letters or marks: the order a display gives a run of
    digits, punctuation or symbols within right-to-left text, letters
    never changing places with each other."""
    kept = [
        kind in ("R", "AL", "NSM") or char == "\n"
        for char, kind in zip(text, bidi_classes(text))
    ]
    pieces = []
    for keep, group in itertools.groupby(range(len(text)), key=kept.__getitem__):
        indexes = list(group)
        run = text[indexes[0] : indexes[-1] + 1]
        pieces.append(run if keep else run[::-1])
    return "".join(pieces)
