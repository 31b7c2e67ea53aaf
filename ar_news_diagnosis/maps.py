"""Character maps read off the copy: some characters of the expected text each
removed, or written as a string (one other character, or a few Latin letters
as a transliteration writes some), everywhere they are.

- ``mapped``: make a map (the change ``characters-mapped``), by default the
  shadda removed, as a normalizer that removes only it does;
- ``said``: name a map plainly, character by character, from Unicode names,
  or a map of WHOLE_TABLE letters as one table (a transliteration, where
  it writes them with Latin letters);
- ``read_map``: the map that the places that differ show, where they show
  one, one way only (``places_read``), and the evidence holds (EVIDENCE,
  or the table as a whole);
- ``known_in``: the known changes of single characters a map makes, and
  the rest of it, so that a map is named by them where they are in it.

A map is named only where made again it gives the copy byte for byte (see
``explain``): a character kept in one place and changed in another is no map.
"""

import collections

from .text import describe, describe_run, kind

SHADDA_REMOVED = (("\u0651", ""),)  # the map made where none is given
# A character is mapped only where the expected text has it this many times
# at least, each changed alike: one or two changes of a character are as
# likely a hand edit (a letter respelled in a name) as a tool's.
EVIDENCE = 3
# The most characters of one place, not yet read elsewhere, whose ways of
# being written are tried: a place is a word or so.
MOST_UNKNOWN = 3
MOST_WRITTEN = 4  # the longest string one character is read as written as
# A map that writes this many letters (or marks) of the text as others is
# one table: no hand edit respells ten letters everywhere they are, so the
# table as a whole is the evidence, and a letter or sign the text has once
# (a rare letter, the flag a transliteration drops) is read with it.  One
# that writes this many letters of another script with Latin letters is a
# transliteration, and is named as one table.
WHOLE_TABLE = 10
LATIN = "Latin letters and marks"


def mapped(text: str, table: "tuple | dict | None" = None) -> str:
    """Write each character of ``table``, (character, written as) pairs or a
    dict of them, as it says: removed (``""``) or as a string; by default the
    shadda removed."""
    return text.translate(str.maketrans(dict(table or SHADDA_REMOVED)))


def letters_written(table: "tuple | dict", latin: bool = False) -> int:
    """How many letters and marks the map ``table`` writes as others; or,
    ``latin``, how many of them, none Latin, it writes with Latin letters."""
    return sum(
        kind(char).endswith("letters and marks")
        and not (latin and kind(char) == LATIN)
        and (any(kind(each) == LATIN for each in new) if latin else new != char)
        for char, new in dict(table).items()
    )


def transliterated(table: "tuple | dict") -> bool:
    """Whether the map ``table`` writes WHOLE_TABLE letters at least, none of
    them Latin, with Latin letters."""
    return letters_written(table, latin=True) >= WHOLE_TABLE


def said(table: "tuple | dict | None" = None) -> str:
    """Name the map ``table``, each character in the order of its code point:
    ``U+0651 ARABIC SHADDA removed``; a map of WHOLE_TABLE letters as one
    table, by how many characters it writes (the table itself is the form)."""
    table = dict(table or SHADDA_REMOVED)
    if letters_written(table) >= WHOLE_TABLE:
        written = "".join(table.values())
        removed = sum(not new for new in table.values())
        return (
            "transliterated: " * transliterated(table)
            + f"each of {len(table)} characters written"
            + (
                " in ASCII"
                if written.isascii()
                else " with Latin letters"
                if transliterated(table)
                else " as others"
            )
            + " by one table, read off the copy"
            + f" ({removed} of them removed)" * bool(removed)
        )
    return "; ".join(
        f"{describe(char)} written as {describe_run(new)}"
        if new
        else f"{describe(char)} removed"
        for char, new in sorted(table.items())
    )


def read_map(text: str, found: str, differ: list) -> "tuple | None":
    """The map that the places that differ, (offset, expected run, found run),
    show: each character of an expected run removed or written as a string
    of MOST_WRITTEN characters at most, the same everywhere.  A place with
    one way to read it, given what the others have read, is read first,
    until none is left (``places_read``).  None where no map shows them: a
    place read no way or left with more than one, or a character changed
    that the expected text has fewer than EVIDENCE times (in a map of
    WHOLE_TABLE letters, the table as a whole is the evidence).  The map is
    (character, written as) pairs, in the order of the code points."""
    between = [
        text[at + len(old) : next_at]
        for (at, old, _), (next_at, _, _) in zip(differ, differ[1:])
    ]
    table = places_read([(old, new) for _, old, new in differ], between)
    if table is None:
        return None
    changed = tuple(sorted((char, new) for char, new in table.items() if new != char))
    if not changed or not (
        letters_written(changed) >= WHOLE_TABLE
        or all(text.count(char) >= EVIDENCE for char, _ in changed)
    ):
        return None
    return changed


def places_read(
    places: "list[tuple[str, str]]", between: "list[str]"
) -> "dict[str, str] | None":
    """What each character of the expected runs of ``places`` is written as,
    read off the places one way only: each place with one way to read it,
    given what is read, read in turn (those with a character read since
    again); None where a place is read no way (even as the rest of its
    line), or some are left read more than one way, or hold more than
    MOST_UNKNOWN characters not read.

    ``between`` is the text the two sides share between each place and the
    next, each of its characters written as itself.  Within a line, the
    comparison that found the places may have split the copy where the map
    does not (two spaces, one a no-break space the map writes as a space,
    matched at either end, shift each word of the line by one): a place
    read no way is read again as the rest of its line, joined with the
    places after it up to the next line break.
    """
    places, between = list(places), list(between) + [""]
    after = list(range(1, len(places))) + [None]  # the next place not joined
    # What the two sides share, the map writes as it is: a digit in a run
    # the comparison gave up on is read as kept, not as a second way.
    table = {char: char for char in set("".join(between))}
    holding = collections.defaultdict(set)  # each character: the places it is in
    for number, (old, _) in enumerate(places):
        for char in old:
            holding[char].add(number)
    pending = set(range(len(places)))
    tried = collections.deque(sorted(pending))
    while tried:
        number = tried.popleft()
        if number not in pending:
            continue
        old, new = places[number]
        if len({char for char in old if char not in table}) > MOST_UNKNOWN:
            continue
        ways = (
            ways_read(old, new, table) if old else []
        )  # nothing to write what is put in
        if not ways:
            if after[number] is None or "\n" in between[number]:
                return None
            while after[number] is not None and "\n" not in between[number]:
                following = after[number]
                next_old, next_new = places[following]
                places[number] = (
                    old + between[number] + next_old,
                    new + between[number] + next_new,
                )
                old, new = places[number]
                between[number], after[number] = between[following], after[following]
                pending.discard(following)
                for char in next_old:
                    holding[char].add(number)
            tried.appendleft(number)
        elif len(ways) == 1:
            pending.discard(number)
            for char, written in ways[0].items():
                table[char] = written
                tried.extend(sorted(holding[char]))
    return None if pending else table


def ways_read(old: str, new: str, table: dict) -> "list[dict[str, str]]":
    """The ways to read ``new`` as ``old`` written by ``table``, each
    character of ``old`` not in it written as MOST_WRITTEN characters at
    most (two ways at most are found: a second says there is more than
    one)."""
    ways: list[dict[str, str]] = []

    def read(at: int, written: int, chosen: dict) -> None:
        """Read on from ``at`` in ``old`` and ``written`` in ``new``: over the
        characters read, then each way to write the next one not read (so
        that it goes as deep as the characters not read, not as long)."""
        while at < len(old):
            known = table.get(old[at], chosen.get(old[at]))
            if known is None:
                break
            if not new.startswith(known, written):
                return
            at, written = at + 1, written + len(known)
        if at == len(old):
            if written == len(new):
                ways.append(dict(chosen))
            return
        for size in range(min(MOST_WRITTEN, len(new) - written) + 1):
            chosen[old[at]] = new[written : written + size]
            read(at + 1, written + size, chosen)
            del chosen[old[at]]
            if len(ways) > 1:
                return

    read(0, 0, {})
    return ways


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
