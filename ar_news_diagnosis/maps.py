"""Character maps read off the copy: some characters of the expected text each
removed, or written as a string (one other character, or a few Latin letters
as a transliteration writes some), everywhere they are.

- ``mapped``: make a map (the change ``characters-mapped``), by default the
  shadda removed, as a normalizer that removes only it does;
- ``said``: name a map plainly, character by character, from Unicode names,
  or a map of WHOLE_TABLE letters as one table (a transliteration, where
  it writes them with Latin letters);
- ``read_map``: the map that the places that differ show, where they show
  one, one way only (``places_read``);
- ``letters_written`` and ``transliterated``: how many letters a map writes
  as others, and whether it writes WHOLE_TABLE of another script with
  Latin letters;
- ``as_a_loss``: whether a map writes most characters as one string, as a
  saving's loss does;
- ``evidenced``: whether a map read is evidence enough (EVIDENCE times
  each character no known change maps, or the table as a whole);
- ``known_in``: the known changes of single characters a map makes (one,
  with an exception: all its characters but one the map keeps), and the
  rest of it, so that a map is named by them where they are in it.

A map is named only where made again it gives the copy byte for byte (see
``explain``): a character kept in one place and changed in another is no map.
"""

import collections

from .text import describe, describe_run, kind, undecodable

SHADDA_REMOVED = (("\u0651", ""),)  # the map made where none is given
# A character is mapped only where the expected text has it this many times
# at least, each changed alike: one or two changes of a character are as
# likely a hand edit (a letter respelled in a name) as a tool's.
EVIDENCE = 3
# The most characters of one place, not yet read elsewhere, whose ways of
# being written are tried: a place is a word or so.
MOST_UNKNOWN = 3
MOST_WRITTEN = 4  # the longest string one character is read as written as
# A map read within a chain leaves the other changes' places unread: they
# hold this share of the text's length at most (a line break for a space,
# a carriage return put in), so that a copy of words in another order, or
# one with most of it changed otherwise, is none.
MOST_UNREAD = 0.25
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


def read_map(
    text: str, found: str, differ: list, in_part: bool = False
) -> "tuple | None":
    """The map that the places that differ, (offset, expected run, found run),
    show: each character of an expected run removed or written as a string
    of MOST_WRITTEN characters at most, the same everywhere.  A place with
    one way to read it, given what the others have read, is read first,
    until none is left (``places_read``).  None where no map shows them: a
    place left unread (read no way, or more than one); or, read
    ``in_part``, for a chain of other changes to make from the text it
    makes, unread places that hold more than MOST_UNREAD of the text's
    length.  Whether the map is evidence enough is ``evidenced``'s to say.
    The map is (character, written as) pairs, in the order of the code
    points."""
    between = [
        text[at + len(old) : next_at]
        for (at, old, _), (next_at, _, _) in zip(differ, differ[1:])
    ]
    table, unread = places_read([(old, new) for _, old, new in differ], between)
    left = sum(len(old) + len(new) for _, old, new in unread)
    changed = tuple(sorted((char, new) for char, new in table.items() if new != char))
    if left > (MOST_UNREAD * len(text) if in_part else 0):
        return None
    if any(map(undecodable, "".join(new for _, new in changed))):
        return None  # a map writes characters, not bytes that are not UTF-8
    return changed or None


def as_a_loss(table: tuple) -> bool:
    """Tell whether WHOLE_TABLE rows of the map ``table`` at least, and more
    than half of them, write one string, as a saving writes ? or nothing
    for each character it cannot hold: the search tried those savings."""
    most = max(collections.Counter(new for _, new in table).values())
    return most >= WHOLE_TABLE and most * 2 > len(table)


def evidenced(table: tuple, rest: tuple, text: str) -> bool:
    """Tell whether the map ``table`` read off a copy is one: its ``rest``,
    the rows no known change makes, each a character ``text`` has EVIDENCE
    times at least; or ``table`` a whole table (WHOLE_TABLE letters)."""
    return letters_written(table) >= WHOLE_TABLE or all(
        text.count(char) >= EVIDENCE for char, _ in rest
    )


def places_read(
    places: "list[tuple[str, str]]", between: "list[str]"
) -> "tuple[dict[str, str], list[tuple[int, str, str]]]":
    """What each character of the expected runs of ``places`` is written as,
    read off the places one way only: each place with one way to read it,
    given what is read, read in turn (those with a character read since
    again); and the places left unread, each as (its number, expected run,
    found run): read no way (even as the rest of its line), or more than
    one way, or holding more than MOST_UNKNOWN characters not read.

    ``between`` is the text the two sides share between each place and the
    next, each of its characters written as itself.  Within a line, the
    comparison that found the places may have split the copy where the map
    does not (two spaces, one a no-break space the map writes as a space,
    matched at either end, shift each word of the line by one): a place
    read no way is read again as the rest of its line, joined with the
    places after it up to the next line break, where that reads.
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
    pending, unread = set(range(len(places))), []
    read_before: dict[tuple[str, str, int], list] = {}
    tried = collections.deque(sorted(pending))
    while tried:
        number = tried.popleft()
        if number not in pending:
            continue
        old, new = places[number]
        if len({char for char in old if char not in table}) > MOST_UNKNOWN:
            continue
        # What is put in (no character of the text) no map writes.  A place
        # the text has many times reads as the others did while the table
        # has not grown (it only grows): read once.
        if (old, new, len(table)) not in read_before:
            read_before[old, new, len(table)] = (
                ways_read(old, new, table) if old else []
            )
        ways = read_before[old, new, len(table)]
        if not ways:
            line = rest_of_line(number, after, between)
            joined = (
                old + "".join(between[each] + places[after[each]][0] for each in line),
                new + "".join(between[each] + places[after[each]][1] for each in line),
            )
            unknown = {char for char in joined[0] if char not in table}
            if not line or (
                len(unknown) <= MOST_UNKNOWN and not ways_read(*joined, table)
            ):
                pending.discard(number)
                unread.append(number)
                continue
            for each in line:
                pending.discard(after[each])
                for char in places[after[each]][0]:
                    holding[char].add(number)
            last = after[line[-1]]
            places[number] = joined
            between[number], after[number] = between[last], after[last]
            tried.appendleft(number)
        elif len(ways) == 1:
            pending.discard(number)
            for char, written in ways[0].items():
                table[char] = written
                tried.extend(sorted(holding[char]))
    return table, [(number, *places[number]) for number in unread + sorted(pending)]


def rest_of_line(number: int, after: list, between: list) -> "list[int]":
    """The places joined to place ``number`` to read it as the rest of its
    line, each as the one before it: up to the next line break."""
    line = []
    while after[number] is not None and "\n" not in between[number]:
        line.append(number)
        number = after[number]
    return line


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
    makes, as steps, each of ``text``'s characters it replaces written as it
    writes it, or all but one the map keeps (the change with that
    exception, as a normalizer that leaves one alef form makes it); and the
    rest of the map.  The change that makes most of what is left is taken
    first, so that the fewest are named; where two make as much, the one
    with no exception, then the smaller."""
    written, taken = dict(table), []
    rest = dict(written)
    while True:
        made = []
        for index, change in enumerate(changes):
            present = [chr(code) for code in change.table if chr(code) in text]
            made_alike = [
                char for char in present if rest.get(char) == change.make(char)
            ]
            kept = [char for char in present if char not in written]
            if made_alike and len(made_alike) + len(kept[:1]) == len(present):
                made.append(
                    (
                        len(made_alike),
                        -len(kept),
                        -len(change.table),
                        index,
                        made_alike,
                        kept,
                    )
                )
        if not made:  # named in the order of ``changes``, the table's
            taken.sort(key=lambda step: changes.index(step[0]))
            return taken, tuple(sorted(rest.items()))
        *_, index, made_alike, kept = max(made)
        taken.append((changes[index], tuple(kept)))
        for char in made_alike:
            del rest[char]
