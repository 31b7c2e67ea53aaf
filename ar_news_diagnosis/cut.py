"""Copies cut short: which changes a copy shows, and where in the original it ends.

A chain's output that is longer than the copy and starts with it makes the
copy cut short.  The chain is named only with the changes the copy shows
(``shown_steps``: a newline added at the end, or whitespace stripped past
the cut, cannot be seen), and only where the copy holds the output of at
least one character of the original whole.  ``where_it_ends`` says where:
the line, always, and the column where the chain makes each character's
output on its own, so that a start of the text is made into a start of
the output.
"""

from .table import remade
from .text import common_prefix, most


def shown_steps(text: str, chain: tuple, actual: bytes) -> tuple:
    """``chain`` without the steps the copy does not show: those without which
    the output still starts with the copy and is longer."""
    steps, index = list(chain), 0
    while index < len(steps):
        rest = tuple(steps[:index] + steps[index + 1 :])
        made = remade(text, rest) if rest else None
        if made is not None and len(made) > len(actual) and made.startswith(actual):
            del steps[index]
        else:
            index += 1
    return tuple(steps)


def holds_a_character(text: str, chain: tuple, actual: bytes) -> bool:
    """Tell whether a copy cut short may hold what ``chain`` makes of the first
    character of ``text`` whole: else it shows none of its changes."""
    first = remade(text[:1], chain)
    return first is not None and len(first) <= len(actual)


def where_it_ends(
    text: str, chain: tuple, actual: bytes
) -> "tuple[int, int | None] | None":
    """The line and column of ``text`` whose output the cut-short copy ends in.

    The line is the one the copy holds the output of the lines before, and
    not of it with them.  The column is given where the output of the
    characters before it, and of it, are each a start of the whole output:
    a display order or shaping, which change a character by what follows
    it, name the line alone.  None where the copy holds no character's
    output whole, or the chain's output is not longer than the copy and
    starting with it.
    """
    whole = remade(text, chain)
    if whole is None or len(whole) <= len(actual) or not whole.startswith(actual):
        return None
    if not holds_a_character(text, chain, actual):
        return None

    def fits(count: int) -> bool:
        """Tell whether the output the first ``count`` characters fix is within the copy."""
        return common_prefix(remade(text[:count], chain) or b"", whole) <= len(actual)

    def starts_the_output(count: int) -> bool:
        made = remade(text[:count], chain)
        return made is not None and whole.startswith(made)

    starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]
    line = most(len(starts) - 1, lambda number: fits(starts[number]))
    start = starts[line]
    end = starts[line + 1] - 1 if line + 1 < len(starts) else len(text)
    kept = start + most(end - start, lambda count: fits(start + count))
    exact = starts_the_output(kept) and starts_the_output(min(kept + 1, len(text)))
    return line + 1, kept - start + 1 if exact else None
