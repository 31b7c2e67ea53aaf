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

from .text import describe

SHADDA_REMOVED = (("\u0651", ""),)  # the map made where none is given
# A character is mapped only where the expected text has it this many times
# at least, each changed alike: one or two changes of a character are as
# likely a hand edit (a letter respelled in a name) as a tool's.
EVIDENCE = 3


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
    """What each character of ``old`` is written as in ``new``, each as one
    character or none: one for one where they are as many, else by what
    ``table`` already says of all but one of them; None where that does not
    tell, or does not give ``new``."""
    if not old:
        return None  # characters put in: no map writes them
    if len(old) == len(new):  # nothing removed: each written as the one in its place
        written = {}
        for char, each in zip(old, new):
            if written.setdefault(char, each) != each:
                return None
        return written
    unknown = {char for char in old if char not in table}
    if len(unknown) > 1:
        return None
    written = dict.fromkeys(unknown, "")
    for char in unknown:  # removed, or written as one character
        kept = sum(len(table[each]) for each in old if each != char)
        if len(new) == kept + old.count(char):
            at = sum(len(table[each]) for each in old[: old.index(char)])
            written[char] = new[at]
    made = "".join(written.get(char, table.get(char)) for char in old)
    return written if made == new else None


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
