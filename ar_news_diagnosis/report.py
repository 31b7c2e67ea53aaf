"""The report: where a copy differs, and what explains it, in words and as data.

``Difference`` says where a copy first differs, in cmp's terms (byte, line
and column, numbered from 1), with the explanations found and the places
that differ; its ``str()`` is the report ``check.py`` prints, and
``as_json()`` what ``--json`` prints.  ``Explanation`` is one way the known
changes explain a copy, its ``lines()`` the report's words for it.  Also
here: how characters, runs and chains of changes are named.
"""

import itertools
import math

from . import notations
from .places import Place, places_as_told
from .table import asked_as
from .text import as_text, common_prefix, describe, describe_run, either, kind

# How many of the places that differ a report lists, and of the known changes
# that each explain a copy.
PLACES_SHOWN = 5
ALTERNATIVES_SHOWN = 8


def character_at(data: bytes, start: int) -> str:
    """Describe the character that starts at ``data[start]``, or the end of the file."""
    if start >= len(data):
        return "end of file"
    return describe(data[start : start + 4].decode("utf-8", "surrogateescape")[0])


def character_start(data: bytes, index: int) -> int:
    """Return where the UTF-8 character that holds ``data[index]`` starts."""
    while 0 < index < len(data) and 0x80 <= data[index] < 0xC0:  # a continuation byte
        index -= 1
    return index


def line_and_column(before: str) -> "tuple[int, int]":
    """Return the line and column, from 1, of the character that follows ``before``."""
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def step_name(step: tuple) -> str:
    """The name of a change as made: with the characters it left as they were, if
    any, or what its form says (a width)."""
    change, form = step
    if change.table and form:
        return f"{change.name}, except {' and '.join(map(describe, form))}"
    return change.said(form)


# How a report says a change was made more than once running.
TIMES = {1: "", 2: ", twice", 3: ", three times"}


def named(chain: tuple) -> str:
    """Name a chain of known changes in the order made."""
    return joined([step_name(step) for step in chain])


def joined(names: "list[str]") -> str:
    """Join the names of changes made one after another; one made more than
    once running named once, with how many times ("twice")."""
    return " and ".join(
        name + TIMES.get(count, f", {count} times")
        for name, count in (
            (name, len(list(times))) for name, times in itertools.groupby(names)
        )
    )


def named_together(explanations: list) -> "list[tuple[Explanation, list[str], int]]":
    """Each explanation, the names of its steps, and how many it stands for.

    Those alike but for the fields of one step (a saving's code page, its
    loss, the reading after it) are named once, each field's values joined
    by "or", so far as they make every combination of those values.
    """
    alike: dict[tuple, list] = {}
    for explanation in explanations:
        shape = tuple(
            (
                change.template if change.fields else change.key,
                None if change.key == "escaped" else form,  # escapes alike: one line
            )
            for change, form in explanation.steps
        )
        place = (explanation.ends_after, explanation.line, explanation.column)
        places = tuple(map(tuple, explanation.places or ()))
        alike.setdefault((explanation.extent, place, places, shape), []).append(
            explanation
        )
    told = []
    for members in alike.values():
        first = members[0]
        forms = [
            member.steps[index][1] for member in members for index in escapes(member)
        ]
        if len(members) > 1 and len(forms) == len(members):  # one escape each
            names = [step_name(step) for step in first.steps]
            names[escapes(first)[0]] = notations.said_together(forms)
            told.append((first, names, len(members)))
            continue
        varying = {
            index
            for member in members
            for index, (change, _) in enumerate(member.steps)
            if change is not first.steps[index][0]
        }
        if len(varying) != 1:
            told += [
                (each, [step_name(step) for step in each.steps], 1) for each in members
            ]
            continue
        index = varying.pop()
        by_fields = {member.steps[index][0].fields: member for member in members}
        for values in in_combinations(list(by_fields)):
            names = [step_name(step) for step in first.steps]
            template = first.steps[index][0].template
            names[index] = template.format(*map(either, values))
            chosen = by_fields[tuple(slot[0] for slot in values)]
            told.append((chosen, names, math.prod(map(len, values))))
    return told


def escapes(explanation) -> "list[int]":
    """Where ``explanation``'s chain writes an escape of parts."""
    return [
        index
        for index, (change, _) in enumerate(explanation.steps)
        if change.key == "escaped"
    ]


def in_combinations(fields: "list[tuple[str, ...]]") -> "list[list[list[str]]]":
    """Split ``fields`` into sets each of every combination of some values of
    each slot: for each, those values, slot by slot.

    From the first left, each slot takes the values that the others of the
    first have beside them, then keeps those that every combination with
    the others' holds; where that leaves none, the first stands alone.
    """
    remaining, found = list(fields), []
    while remaining:
        first = remaining[0]
        values = [
            list(
                dict.fromkeys(
                    each[slot] for each in remaining if beside(each, first, slot)
                )
            )
            for slot in range(len(first))
        ]
        for slot in range(len(first)):
            values[slot] = [
                value
                for value in values[slot]
                if set(itertools.product(*values[:slot], [value], *values[slot + 1 :]))
                <= set(remaining)
            ]
        if not all(values):
            values = [[value] for value in first]
        found.append(values)
        made = set(itertools.product(*values))
        remaining = [each for each in remaining if each not in made]
    return found


def beside(one: tuple, other: tuple, slot: int) -> bool:
    """Tell whether ``one`` and ``other`` are alike but for ``slot``."""
    return one[:slot] + one[slot + 1 :] == other[:slot] + other[slot + 1 :]


def distinct(chains: list) -> list:
    """The chains, those of the same changes in another order once (escapes of
    other parts alike are other changes: the report names them together)."""
    kept = {}
    for chain in chains:
        changes = sorted(
            (change.key, form if change.key == "escaped" else ())
            for change, form in chain
        )
        kept.setdefault(tuple(changes), chain)
    return list(kept.values())


class Explanation:
    """One way the known changes explain a copy, as data a test can assert on.

    ``keys``: the changes' keys, in the order made; ``forms``: the form each
    was made in, () for most (an escape's, the character a change left);
    ``changes``: the two side by side; ``asked``: each as ``variant`` and
    ``assert_made`` take it, its form as arguments (``json(ensure_ascii=False)``).  ``extent``: "whole"; "cut short",
    the copy ending after byte ``ends_after`` of their output, at ``line``
    and ``column`` of the original (None where only the line can be told);
    or "partial", ``places`` giving for each
    change (the places it made, the places it makes in all).
    """

    __slots__ = (
        "asked",
        "changes",
        "column",
        "ends_after",
        "extent",
        "forms",
        "keys",
        "line",
        "places",
        "steps",
    )

    def __init__(
        self,
        steps: tuple,
        extent: str = "whole",
        places: "list | None" = None,
        ends_after: "int | None" = None,
        line: "int | None" = None,
        column: "int | None" = None,
    ) -> None:
        self.steps, self.extent, self.places = steps, extent, places
        self.ends_after, self.line, self.column = ends_after, line, column
        changes, self.forms = zip(*steps)
        self.keys = tuple(change.key for change in changes)
        self.changes = tuple(zip(self.keys, self.forms))
        self.asked = tuple(asked_as(change, form) for change, form in steps)

    def __repr__(self) -> str:
        keyed = " + ".join(
            key + (repr(form) if form else "") for key, form in self.changes
        )
        return f"<Explanation {self.extent}: {keyed}>"

    def lines(self, names: "list[str] | None" = None) -> "list[str]":
        """The report's lines for it; ``names``: its steps', where not their own."""
        named_as = joined(names) if names else named(self.steps)
        if self.extent == "cut short":
            place = (
                f"in line {self.line}"
                if self.column is None
                else f"at line {self.line}, column {self.column}"
            )
            return [
                f"  known change, cut short: {named_as}",
                (
                    f"    the copy ends after byte {self.ends_after} of its output,"
                    f" {place} of the original"
                ),
            ]
        if self.extent == "whole":
            return [f"  known change: {named_as}"]
        if len(self.steps) == 1:
            (made, everywhere), step = self.places[0], self.steps[0]
            return [
                f"  known change, in {made} of {everywhere} places: {step_name(step)}"
            ]
        parts = [
            step_name(step)
            + (f" (in {made} of {everywhere} places)" if made < everywhere else "")
            for step, (made, everywhere) in zip(self.steps, self.places)
        ]
        return [f"  known change, in part: {' and '.join(parts)}"]


def kinds(text: str) -> "set[str]":
    """The kinds of character ``text`` holds."""
    return {kind(char) for char in set(text)}


def kinds_told(held: str, holds: str) -> str:
    """Where the original holds ``held`` and the copy ``holds``: the kinds both
    have, and those one side alone has."""
    original, copy = kinds(held), kinds(holds)
    parts = [
        f"{who} {', '.join(sorted(found))}"
        for who, found in (
            ("both have", original & copy),
            ("only the original has", original - copy),
            ("only the copy has", copy - original),
        )
        if found
    ]
    return "; ".join(parts) or "nothing"


# How a report tells a place, by its kind: the lines of the original and of
# the copy it spans, and the runs expected and found, described.
TOLD = {
    "characters": "line {line}, column {column}: expected {old}, found {new}",
    "deleted": "{lines} deleted: {old}",
    "added": "{copy_lines} of the copy added: {new}",
    "duplicated": "{copy_lines} of the copy added, the same as lines the original has: {new}",
    "moved": "{lines} moved, to {copy_lines} of the copy",
    "exchanged": "{lines}: two blocks of lines exchanged, as {copy_lines} of the copy",
}


def place_told(place: Place) -> str:
    """A place as a report lists it."""
    line, column, old, new = place

    def spanned(start: "int | None", text: str) -> str:
        if start is None:  # characters: no lines of the copy to tell
            return ""
        count = text.count("\n") + 1
        return (
            f"line {start}" if count == 1 else f"lines {start} to {start + count - 1}"
        )

    return TOLD[place.kind].format(
        line=line,
        column=column,
        old=describe_run(old),
        new=describe_run(new),
        lines=spanned(line, old),
        copy_lines=spanned(place.copy_line, new),
    )


# Where a copy first differs, in cmp's words, by ``Difference.at``.
WHERE = {
    "differs": "differs: {place}",
    "longer": "longer than the original: {place}",
    "ends": "EOF on {name} after {place}",
    "empty": "EOF on {name} which is empty",
}

# What --json gives of an explanation: those that are not None, in this order.
EXPLANATION_FIELDS = (
    "keys",
    "forms",
    "asked",
    "extent",
    "places",
    "ends_after",
    "line",
    "column",
)


class Difference:
    """How a copy differs from the expected text, as data; ``str()`` is the report.

    ``name`` names the copy.  Where it first differs, in cmp's terms: ``at``
    is "differs", "longer" (the copy goes on past the end), "ends" (the copy
    ends early: ``byte`` is then its last byte) or "empty"; ``byte``, from
    1, and the ``line`` and ``column`` of the expected text it falls in;
    ``expected`` and ``found`` name the characters there.  ``explanations``
    are the ways known changes explain it (none for a copy that only ends
    early), alternatives each.  ``places`` lists every place that differs
    as (line, column, expected run, found run), worked out when first asked.
    ``too_long`` is the size limit, where the copy is over it, else None;
    ``bound``, where the search tried less for a long text and found no
    whole explanation, says what it tried, else None.  Where nothing
    explains the copy, ``accounting`` gives (keys, name, places) for each
    change, or two made one after the other, that made some places there,
    and ``unaccounted`` the places none made, as (line, column, expected
    run, found run).
    """

    __slots__ = (
        "_places",
        "_texts",
        "accounting",
        "at",
        "bound",
        "byte",
        "column",
        "expected",
        "explanations",
        "found",
        "line",
        "name",
        "too_long",
        "unaccounted",
    )

    def __init__(self, expected: bytes, actual: bytes, name: str) -> None:
        self.name, self.explanations, self.too_long, self.bound = name, [], None, None
        self.accounting, self.unaccounted = [], []
        index = common_prefix(expected, actual)
        start = before = character_start(expected, index)
        self.at = "differs" if index < min(len(expected), len(actual)) else "longer"
        self.byte = index + 1
        if index == len(actual):
            self.at, self.byte = ("ends", index) if actual else ("empty", 0)
            before = character_start(expected, index - 1) if actual else 0
        self.line, self.column = line_and_column(expected[:before].decode("utf-8"))
        self.expected = character_at(expected, start)
        self.found = character_at(actual, start)
        self._texts, self._places = (expected.decode("utf-8"), as_text(actual)), None

    def __repr__(self) -> str:
        explained = "; ".join(
            f"{' + '.join(each.keys)} ({each.extent})" for each in self.explanations
        )
        return (
            f"<Difference {self.name}: {self.at} at byte {self.byte}:"
            f" {explained or 'no known change'}>"
        )

    @property
    def places(self) -> "list[Place]":
        """Every place that differs, lines first, each a ``Place``: (line,
        column, expected run, found run), with its ``kind`` and ``copy_line``."""
        if self._places is None:
            self._places = places_as_told(*self._texts)
        return self._places

    def __str__(self) -> str:
        place = f"byte {self.byte}, line {self.line}, column {self.column}"
        where = WHERE[self.at].format(name=self.name, place=place)
        lines = [
            f"{self.name}: {where}",
            f"  expected {self.expected}, found {self.found}",
        ]
        if self.at in ("ends", "empty"):
            return "\n".join(lines)
        if self.too_long is not None:
            lines.append(
                f"  longer than {self.too_long} bytes: no known change makes that much"
                " of the original, but an escape made twice, not looked for in a"
                " copy this long"
            )
            return "\n".join(lines)
        if len(self.explanations) > 1:
            lines.append("  any one of these known changes explains it:")
        told = named_together(self.explanations)
        for explanation, names, _ in told[:ALTERNATIVES_SHOWN]:
            lines += explanation.lines(names)
        more = sum(count for _, _, count in told[ALTERNATIVES_SHOWN:])
        if more:
            lines.append(f"  and {more} more, as explain() and --json list them")
        if self.accounting:
            lines += self.accounting_lines()
        elif all(explanation.extent == "partial" for explanation in self.explanations):
            unexplained = "" if self.explanations else "no known change explains it; "
            lines.append(f"  {unexplained}places that differ: {len(self.places)}")
            lines += [
                "    " + place_told(place) for place in self.places[:PLACES_SHOWN]
            ]
            if len(self.places) > PLACES_SHOWN:
                lines.append(f"    and {len(self.places) - PLACES_SHOWN} more")
        if not self.explanations:
            # The kinds where they differ, in the places not accounted for.
            listed = self.unaccounted if self.accounting else self.places
            held, holds = ("".join(run[at] for run in listed) for at in (2, 3))
            if kinds(held) != kinds(holds):
                lines.append(f"  where they differ, {kinds_told(held, holds)}")
        if self.bound:
            lines.append(f"  {self.bound}")
        return "\n".join(lines)

    def accounting_lines(self) -> "list[str]":
        """The report's lines where places are accounted one by one: what made
        how many, then those not accounted for, the first few in full."""
        made = sum(count for _, _, count in self.accounting)
        everywhere = made + len(self.unaccounted)
        lines = [
            f"  no known change explains it; places that differ: {everywhere}",
            f"  accounted for, place by place: {made} of {everywhere}",
        ]
        lines += [f"    {name}: {count}" for _, name, count in self.accounting]
        if not self.unaccounted:
            lines.append("  every place is accounted for")
            return lines
        lines.append(f"  not accounted for: {len(self.unaccounted)}")
        lines += [
            "    " + place_told(Place(*place))
            for place in self.unaccounted[:PLACES_SHOWN]
        ]
        if len(self.unaccounted) > PLACES_SHOWN:
            lines.append(f"    and {len(self.unaccounted) - PLACES_SHOWN} more")
        return lines

    def as_json(self) -> "dict[str, object]":
        """The difference as JSON, for ``check.py --json``."""
        return {
            "file": self.name,
            "status": "differs",
            "first_difference": {
                name: getattr(self, name)
                for name in ("at", "byte", "line", "column", "expected", "found")
            },
            "too_long": self.too_long,
            "bound": self.bound,
            "accounting": [
                {"keys": list(keys), "name": name, "places": count}
                for keys, name, count in self.accounting
            ],
            "unaccounted": len(self.unaccounted),
            "explanations": [
                {
                    name: getattr(explanation, name)
                    for name in EXPLANATION_FIELDS
                    if getattr(explanation, name) is not None
                }
                for explanation in self.explanations
            ],
            "places": len(self.places),
            "place_list": [
                {
                    "kind": place.kind,
                    "line": line,
                    "column": column,
                    "copy_line": place.copy_line,
                }
                for place, (line, column, _, _) in zip(self.places, self.places)
            ],
        }


# Where a copy first differs from what the changes expected make, by
# ``Difference.at``: as WHERE, the changes' output in the original's place.
WHERE_MADE = {
    "differs": "{place}",
    "longer": "longer than their output: {place}",
    "ends": "EOF on {name} after {place}",
    "empty": "EOF on {name} which is empty",
}


def not_made(
    steps: tuple,
    made: bytes,
    actual: bytes,
    difference: "Difference | None",
    name: str,
) -> str:
    """The message of ``assert_made``: the changes expected (``steps``), where
    ``actual`` first differs from what they ``made``, and ``difference``, how
    it differs from the text itself (None: it is the text)."""
    keys = ", ".join(asked_as(change, form) for change, form in steps)
    lines = [
        f"{name}: not what the known changes expected make of the text",
        f"  expected: {named(steps)} ({keys})",
    ]
    try:
        made.decode("utf-8")
    except UnicodeDecodeError:  # their output is no text: where, by bytes alone
        index = common_prefix(made, actual)
        line = made[:index].count(b"\n") + 1
        lines.append(
            f"  where it first differs from their output: byte {index + 1}, line {line}"
        )
    else:
        first = Difference(made, actual, name)
        place = f"byte {first.byte}, line {first.line}, column {first.column}"
        where = WHERE_MADE[first.at].format(name=name, place=place)
        lines += [
            f"  where it first differs from their output: {where}",
            f"    their output has {first.expected}, found {first.found}",
        ]
    if difference is None:
        lines.append("  against the text itself: it is the text; no change was made")
    else:
        lines.append("  against the text itself:")
        lines += ["  " + line for line in str(difference).split("\n")[2:]]
    return "\n".join(lines)
