"""Character maps read off the copy: some characters of the expected text each
removed, or written as one other character, everywhere they are.

- ``mapped``: make a map (the change ``characters-mapped``), by default the
  shadda removed, as a normalizer that removes only it does;
- ``said``: name a map plainly, character by character, from Unicode names;
- ``read_map``: the map that the places that differ show, where they show
  one, and the evidence holds (EVIDENCE);
- ``known_in``: the known changes of single characters a map makes, and
  the rest of it, so that a map is named by them where they are in it.

A map is named only where made again it gives the copy byte for byte (see
``explain``): a character kept in one place and changed in another is no map.
"""

import itertools

from .text import describe

SHADDA_REMOVED = (("\u0651", ""),)  # the map made where none is given
# A character is mapped only where the expected text has it this many times
# at least, each changed alike: one or two changes of a character are as
# likely a hand edit (a letter respelled in a name) as a tool's.
EVIDENCE = 3
# The most characters of one place, not yet read elsewhere, whose ways of
# being removed or kept are tried: a place is a word or so.
MOST_UNKNOWN = 3


def mapped(text: str, table: "tuple | dict | None" = None) -> str:
    """Write each character of ``table``, (character, written as) pairs or a
    dict of them, as it says: removed (``""``) or as one other character; by
    default the shadda removed."""
    return text.translate(str.maketrans(dict(table or SHADDA_REMOVED)))


def said(table: "tuple | dict | None" = None) -> str:
    """Name the map ``table``, each character in the order of its code point:
    ``U+0651 ARABIC SHADDA removed``."""
    return "; ".join(
        f"{describe(char)} written as {describe(new)}"
        if new
        else f"{describe(char)} removed"
        for char, new in sorted(dict(table or SHADDA_REMOVED).items())
    )


def read_map(text: str, found: str, differ: list) -> "tuple | None":
    """The map that the places that differ, (offset, expected run, found run),
    show: each character of an expected run removed or written as one other,
    the same everywhere.  None where no map shows them: a character put in,
    a run that splits more than one way, a character changed two ways, or
    one the expected text has fewer than EVIDENCE times.  The map is
    (character, written as) pairs, in the order of the code points."""
    table = {}
    for _, old, new in differ:
        written = written_as(old, new, table)
        if written is None:
            return None
        for char, each in written.items():
            if table.setdefault(char, each) != each:
                return None
    changed = sorted((char, new) for char, new in table.items() if new != char)
    if not changed or any(text.count(char) < EVIDENCE for char, _ in changed):
        return None
    return tuple(changed)


def written_as(old: str, new: str, table: dict) -> "dict[str, str] | None":
    """What each character of ``old`` not in ``table`` is written as in
    ``new``, each as one character or none, so that with what ``table``
    already says they give ``new``: one for one where as many, else each
    way of removing some of them (MOST_UNKNOWN at most) tried.  None where
    no way, or more than one, gives ``new``."""
    if not old:
        return None  # characters put in: no map writes them
    unknown = sorted({char for char in old if char not in table})
    if len(old) == len(new):  # nothing removed: each written as the one in its place
        return read_as(old, new, table, ())
    if len(unknown) > MOST_UNKNOWN:
        return None
    ways = [
        way
        for size in range(len(unknown) + 1)
        for removed in itertools.combinations(unknown, size)
        for way in [read_as(old, new, table, removed)]
        if way is not None
    ]
    return ways[0] if len(ways) == 1 else None


def read_as(old: str, new: str, table: dict, removed: tuple) -> "dict[str, str] | None":
    """Read ``new`` as ``old`` written by ``table``, the characters ``removed``
    removed and each other one written as the character in its place;
    None where that does not give ``new``, or writes one character two ways."""
    written, at = {}, 0
    for char in old:
        if char in table:
            out = table[char]
        else:
            out = written.setdefault(char, "" if char in removed else new[at : at + 1])
            if not out and char not in removed:  # nothing left to write it as
                return None
        if not new.startswith(out, at):
            return None
        at += len(out)
    return written if at == len(new) else None


def known_in(table: tuple, text: str, changes: list) -> "tuple[list, tuple]":
    """The changes of single characters of ``changes`` that the map ``table``
    makes, each of ``text``'s characters it replaces written as it writes
    it, and the rest of the map.  The change that makes most of what is left
    is taken first, so that the fewest are named; the smaller where two make
    as much."""
    rest, taken = dict(table), []
    while True:
        made = [
            (len(present), -len(change.table), index, present)
            for index, change in enumerate(changes)
            for present in [[chr(code) for code in change.table if chr(code) in text]]
            if present and all(rest.get(char) == change.make(char) for char in present)
        ]
        if not made:
            return taken, tuple(sorted(rest.items()))
        *_, index, present = max(made)
        taken.append(changes[index])
        for char in present:
            del rest[char]
