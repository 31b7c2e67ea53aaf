"""Places that differ: where two texts differ, run by run.

Lines are matched first, then the characters within lines that differ, by
``difflib``; past a size the rest of a run is one place, so that the cost
is never quadratic in the copy.
"""

import difflib

from .text import common_prefix

# How long two runs that differ may be, multiplied, and still be compared
# character by character: difflib's time grows with that product.
MOST_COMPARED = 250_000


def places_that_differ(expected: str, found: str) -> "list[tuple[int, str, str]]":
    """List the places where two texts differ: offset in ``expected``, expected run, found run.

    Where both have the same number of lines, which partial damage keeps,
    lines are compared pair by pair; otherwise the lines are matched first.
    Within lines that differ, the characters are compared where the runs
    are short enough, and the rest of a run is one place.
    """
    expected_lines, found_lines = expected.split("\n"), found.split("\n")
    if len(expected_lines) == len(found_lines):
        blocks = [(index, index + 1) * 2 for index in range(len(expected_lines))]
    else:
        blocks = blocks_that_differ(expected_lines, found_lines)
    offsets = [0]
    for line in expected_lines:
        offsets.append(offsets[-1] + len(line) + 1)
    result = []
    for i1, i2, j1, j2 in blocks:
        old, new = "\n".join(expected_lines[i1:i2]), "\n".join(found_lines[j1:j2])
        # Lines inserted or deleted go with the line break before or after them.
        if i1 == i2 and j1 < j2:
            old, new, at = (
                ("", "\n" + new, offsets[i1] - 1) if i1 else ("", new + "\n", 0)
            )
        elif j1 == j2 and i1 < i2:
            old, new, at = (
                ("\n" + old, "", offsets[i1] - 1) if i1 else (old + "\n", "", 0)
            )
        else:
            at = offsets[i1]
        result += [
            (at + start, old[start:end], new[new_start:new_end])
            for start, end, new_start, new_end in blocks_that_differ(old, new)
        ]
    return result


def blocks_that_differ(old: "str | list", new: "str | list") -> "list[tuple]":
    """Where two sequences differ, as (start, end) in ``old`` and in ``new``.

    Past a common start and end, they are matched where short enough, and
    else the rest is one block.
    """
    start = common_prefix(old, new)
    end = common_prefix(old[start:][::-1], new[start:][::-1])
    old_end, new_end = len(old) - end, len(new) - end
    if (old_end - start) * (new_end - start) > MOST_COMPARED:
        return [(start, old_end, start, new_end)]
    matcher = difflib.SequenceMatcher(
        None, old[start:old_end], new[start:new_end], autojunk=False
    )
    return [
        (start + i1, start + i2, start + j1, start + j2)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]
