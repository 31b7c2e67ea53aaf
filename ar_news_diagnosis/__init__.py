"""The diagnosis behind ar_news's check.py: which known changes made a copy.

``check.py`` compares a copy with the expected text byte for byte and
imports this package only where the two differ; the package is its
vocabulary, search and report.  It takes the expected text as an argument
and never imports ``check.py`` or ``make_article.py``.  Users import
``check``, whose functions call these; ``VERSION`` must be the one
``check.py`` has (it says so where they differ).

Offered here, as ``check`` offers it:

- ``explain(expected, actual, name)``: None, or a ``Difference``;
- ``compare(expected, actual, name)``: None, or the report, ``str(explain(...))``;
- ``assert_same(expected, actual, name)``: AssertionError with the report;
- ``assert_made(keys, actual, text, name)``: AssertionError unless ``actual``
  is what the known changes of ``keys`` make of ``text``, saying what does;
- ``variant(*keys, text)``: the bytes the known changes make of a text;
- ``form_of(change)``: how a change is asked for in a form of its own;
- ``html_page(differences)``: how copies differ, as a page for a browser;
- ``keys_listed(as_json)``: what ``check.py --keys`` prints;
- ``size_limit(text)``: the most bytes they make of it;
- ``CHANGES`` and ``CHANGES_BY_KEY``: the table of known changes.

The modules, a concern each; each imports only modules above it here:

- ``text``: what they all share: bytes as text, the Arabic characters named,
  the kinds of character;
- what the known changes do to a text, and how each is undone on a copy:
  ``layout`` (line ends, whitespace, lines wrapped and indented, characters
  inserted),
  ``savings`` (Unicode forms, code pages, mojibake),
  ``shaping`` (Arabic presentation forms),
  ``bidi`` (display order: the Unicode Bidirectional Algorithm),
  ``escapes`` (string literals: Python, JSON, YAML, PostgreSQL),
  ``notations`` (escapes composed of parts: a notation for one character,
  the characters it is for, what goes around the text, line feeds) and
  ``formats`` (references, percent-encoding, Base64, hex, hex dumps,
  quoted-printable, CSV, JSON Lines),
  ``maps`` (characters each removed or written as a string, everywhere, by
  a map read off the copy: a transliteration by one table too);
- ``table``: the known changes, each a ``Change`` with a stable key, the
  stages a chain makes them in, and how deep a chain the search tries;
- ``limits``: how large a copy the known changes can make of a text;
- ``cut``: of a copy cut short, the changes it shows and where it ends;
- ``forward``: savings made of the text (those that cannot be undone, and
  code pages that cannot hold all), and the changes of single characters
  and characters inserted found made before them;
- ``search``: the chains that make a copy, whole or cut short;
- ``places``: where two texts differ, run by run;
- ``partial``: changes made in some of their places, that together make all;
- ``accounting``: where nothing makes the copy, what made each place;
- ``report``: ``Difference`` and ``Explanation``, in words and as data;
- ``page``: how copies differ, as a page to read in a browser.

This file imports them all, and says how a copy differs: whole chains
first, else cut short, else a map read off the copy (alone, with one
change written over it, or made first and a chain found after it), else
changes made in part, else each place accounted for.
"""

import itertools
import json

from .accounting import accounted, maker
from .cut import shown_steps, where_it_ends
from .limits import (
    SEARCHED_DISTINCT,
    SEARCHED_MOST,
    deepest,
    searched_in_full,
    size_limit,
)
from .maps import as_a_loss, evidenced, known_in, read_map, transliterated
from .page import html_page
from .partial import partly_made
from .places import each_place_that_differs, places_that_differ
from .report import (
    Difference,
    Explanation,
    distinct,
    line_and_column,
    named,
    not_made,
)
from .search import (
    DISPLAY_MOST,
    READ_SAMPLE,
    find_chains,
    in_codecs_seen,
    undone_layers,
)
from .table import (
    CHANGES,
    CHANGES_BY_KEY,
    LOCAL_CHANGES,
    MAP,
    MOST_OTHER,
    Change,
    asked_steps,
    codec_savings,
    form_of,
    remade,
)
from .text import (
    LONE_SURROGATE,
    as_text,
    other_than_letters,
    share_read_alike,
    utf8,
)

# The version of check.py this package goes with: the two change together.
VERSION = 2

__all__ = [
    "CHANGES",
    "CHANGES_BY_KEY",
    "VERSION",
    "Change",
    "Difference",
    "Explanation",
    "assert_made",
    "assert_same",
    "compare",
    "explain",
    "form_of",
    "html_page",
    "keys_listed",
    "size_limit",
    "variant",
]


def explained(
    text: str, actual: bytes, before: "dict[str, int] | None" = None
) -> "list[Explanation]":
    """The ways the known changes explain ``actual``: whole, else cut short
    (``before``: as ``find_chains`` takes it)."""
    whole, cut_short = find_chains(text, actual, before)
    if whole:
        return [Explanation(chain) for chain in distinct(whole)]
    explanations = []
    shown = [shown_steps(text, chain, actual) for chain in distinct(cut_short)]
    for chain in distinct([chain for chain in shown if chain]):
        place = where_it_ends(text, chain, actual)
        if place:
            line, column = place
            explanations.append(
                Explanation(
                    chain, "cut short", ends_after=len(actual), line=line, column=column
                )
            )
    return explanations


# Of the runs of three characters of a copy undone, the share the expected
# text must have more than for a map to be read off it: a map changes some
# characters, not the order of the text.
MAP_UNDER = 0.1
# The copies undone that a map is read off, the most alike first: two, as
# two may be alike but for a byte-order mark kept.
MAPS_TRIED = 2


def map_read(text: str, actual: bytes, found: str, differ: list) -> "list[Explanation]":
    """The map of characters the places that differ show, where made again
    it gives the copy: named by the known changes of single characters it
    makes, and the rest of it as a map.  Where the copy as it is shows
    none, the copy with one change written over the whole of it undone (an
    escape, a saving) may: the MAPS_TRIED that read most in the expected
    text's order (``read_alike``), where more than MAP_UNDER of each does,
    of those alike the one nearest in length first.  Else, of the first of
    those that shows a map in part, the map with a chain made after it
    (``mapped_then_chain``), unless it writes most characters as one string
    (``as_a_loss``) or a place it leaves is one no known change makes.  Of
    a text too long for the search to go as deep (``deepest``), or to try
    all (``searched_in_full``), only the copy as it is."""
    # A map writes characters: a copy with bytes that are not UTF-8 (or half
    # a surrogate pair) is no map's output as it is.
    as_it_is = [] if LONE_SURROGATE.search(found) else [(found, differ)]
    for copy, places in as_it_is:
        steps = map_steps(text, read_map(text, copy, places))
        if steps and remade(text, steps) == actual:
            return [Explanation(steps)]
    if deepest(text) < MOST_OTHER or not searched_in_full(text):
        return []  # a long text gets fewer changes of the whole, and one search
    undoing = undone_layers(
        found, lambda _: False, lambda candidate: in_codecs_seen(candidate, text)
    )
    level = next(itertools.islice(undoing, 1, None))
    alike = sorted(
        ((read_alike(text, each), -abs(len(each) - len(text)), each) for each in level),
        reverse=True,
    )
    undone = []
    for share, _, near in alike[:MAPS_TRIED]:
        if share <= MAP_UNDER:
            break
        undone.append((near, places_that_differ(text, near)))
        steps = map_steps(text, read_map(text, *undone[-1]))
        for layers in level[near] if steps else ():
            if remade(text, steps + layers) == actual:
                return [Explanation(steps + layers)]
    for copy, places in as_it_is + undone:
        table = read_map(text, copy, places, in_part=True)
        steps = map_steps(text, table)
        # None: a map that writes half a surrogate pair, which no byte stands for.
        made = remade(text, steps) if steps and not as_a_loss(table) else None
        if made is not None and made_by_changes(as_text(made), copy):
            return mapped_then_chain(text, actual, steps)
    return []


def made_by_changes(made: str, copy: str) -> bool:
    """Tell whether a known change makes each place where ``copy`` differs
    from ``made``, what a map makes of the text, as the accounting says:
    the places a map leaves to a chain after it are none of a hand edit's."""
    known: dict = {}
    return all(
        maker(made, place, known) for place in each_place_that_differs(made, copy)
    )


def read_alike(text: str, copy: str) -> float:
    """How far the start of ``copy`` reads in the order of ``text``: the share
    of its runs of three characters that ``text`` has, or of its runs of
    characters other than letters and marks, where a transliteration, which
    writes every letter as another, leaves the order."""
    sample = copy[:READ_SAMPLE]
    return max(
        share_read_alike(text, sample),
        share_read_alike(other_than_letters(text), other_than_letters(sample)),
    )


def mapped_then_chain(text: str, actual: bytes, steps: tuple) -> "list[Explanation]":
    """The map ``steps`` read in part, and the chains of known changes the
    search finds from what it makes of ``text`` to the copy: a map made
    first, then line endings changed, lines wrapped, whitespace stripped, a
    saving that loses some...  The places the map left unread are the
    chain's, MOST_UNREAD of the text at most."""
    whole, _ = find_chains(remade(text, steps).decode("utf-8"), actual)
    return [
        Explanation(steps + chain)
        for chain in distinct(whole)
        if remade(text, steps + chain) == actual
    ]


def map_steps(text: str, table: "tuple | None") -> tuple:
    """The steps that make the map ``table`` of ``text`` (none where there is
    none, or it is not evidence enough): the known changes of single
    characters it makes, and the rest of it as a map.  A transliteration is
    one table: the known changes it makes in passing (no-break spaces as
    spaces, curly quotes as straight) are rows of it."""
    if not table:
        return ()
    known, rest = (
        ([], table) if transliterated(table) else known_in(table, text, LOCAL_CHANGES)
    )
    if not evidenced(table, rest, text):
        return ()
    return tuple(known) + ((MAP, (rest,)),) * bool(rest)


def made_in_part(
    text: str, actual: bytes, found: str, differ: list
) -> "list[Explanation]":
    """The changes that together make every place that differs, each where it
    did; or, made in another order, the whole copy."""
    explanations = []
    for cover in partly_made(text, found, differ):
        steps, made, everywhere = zip(*cover)
        # Made in another order, all in all their places: a change of
        # characters before a normalization may leave it less to do.
        whole = (
            order
            for order in itertools.permutations(steps)
            if remade(text, order) == actual
        )
        explanations.append(
            next(map(Explanation, whole), None)
            or Explanation(steps, "partial", list(zip(made, everywhere)))
        )
    return [each for each in explanations if each.extent == "whole"] or explanations


def account(difference: Difference, text: str, found: str, differ: list) -> None:
    """Where no chain makes the copy, account each place of ``differ`` to the
    changes that make it there (``accounting``), and keep those none makes
    (``unaccounted``)."""
    made, unmade = accounted(text, found, differ) or ((), ())
    if made:
        difference.accounting = [
            (
                tuple(change.key for change in steps),
                named(tuple((change, ()) for change in steps)),
                count,
            )
            for steps, count in made
        ]
        difference.unaccounted = [
            (*line_and_column(text[:offset]), old, new) for offset, old, new in unmade
        ]


def keys_listed(as_json: bool = False) -> "list[str]":
    """The lines ``check.py --keys`` prints: each known change's key and name,
    and where it has several forms, how one asks for one; or, ``as_json``,
    one JSON object a change.  The table's, then the savings in each codec."""
    lines = []
    for change in CHANGES + tuple(codec_savings()):
        form = form_of(change)
        if as_json:
            row = {"key": change.key, "name": change.name, "stage": change.stage}
            lines.append(json.dumps({**row, "form": form}))
        else:
            lines.append(f"{change.key:<35} {change.name}")
            lines += [f"{'':<35} form: {form}"] if form else []
    return lines


def as_bytes(value: "bytes | bytearray | str", argument: str) -> bytes:
    """Return ``value`` as bytes: a ``str`` stands for its UTF-8 bytes."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    raise TypeError(
        f"{argument} must be bytes, bytearray or str, not {type(value).__name__}"
    )


def explain(
    expected: "bytes | str",
    actual: "bytes | str",
    name: str = "-",
    limit: "int | None" = None,
    before: "dict[str, int] | None" = None,
) -> "Difference | None":
    """Return None where ``actual`` is ``expected``, else how it differs, as a Difference.

    ``expected`` is UTF-8 text: the article or any part of it, or any other
    text; either may be given as ``str``, which stands for its UTF-8 bytes.
    A copy larger than the known changes make of ``expected`` (``size_limit``,
    or ``limit`` where the caller knows it: check.py pins the article's)
    is only said to be too long.  ``name`` names ``actual``.  ``before``,
    where the caller knows them (check.py pins the article's): the most
    characters the known changes make of the text before a saving and
    before the escapes (``limits.limit_before``), by stage.
    """
    expected, actual = as_bytes(expected, "expected"), as_bytes(actual, "actual")
    try:
        text = expected.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(
            f"expected is not UTF-8: byte {error.start + 1} is 0x{expected[error.start]:02X}"
        ) from None
    if actual == expected:
        return None
    difference = Difference(expected, actual, name)
    if difference.at in ("ends", "empty"):
        return difference
    if not within_the_limit(text, actual, limit):
        difference.too_long = limit or size_limit(text)
    else:
        difference.explanations = explained(text, actual, before)
        if (
            not difference.explanations
        ):  # the places: a map, made in part, else accounted
            found = as_text(actual)
            differ = places_that_differ(text, found)
            difference.explanations = map_read(text, actual, found, differ)
            difference.explanations = difference.explanations or made_in_part(
                text, actual, found, differ
            )
            if not difference.explanations:
                account(difference, text, found, differ)
        if not any(each.extent == "whole" for each in difference.explanations):
            difference.bound = bound(text, actual)
    return difference


def within_the_limit(text: str, actual: bytes, limit: "int | None") -> bool:
    """Tell whether ``actual`` is no larger than the known changes make of
    ``text`` (``limit`` where the caller knows it, else ``size_limit``).

    Four times the size is always within it (each character's unit holds
    its percent-encoding, and an inserted character of each kind
    percent-encoded, 18 bytes), and so is what hexdump -C, one escape the
    search tries on a text it tries every chain on, writes of the text:
    only a longer copy needs it worked out, which takes some 2 ms for each
    distinct character the first time.
    """
    size = len(utf8(text))
    if len(actual) <= 4 * size:
        return True
    if limit is None and searched_in_full(text):
        dumped = remade(text, ((CHANGES_BY_KEY["hexdump-c"], ()),))
        if dumped is not None and len(actual) <= len(dumped):
            return True
    return len(actual) <= (limit or size_limit(text))


def bound(text: str, actual: bytes) -> "str | None":
    """What the search did not try, as a report says it, where the expected
    text is too long, or has too many distinct characters, for it all."""
    if not searched_in_full(text):
        told = (
            f"is long ({len(text):,} characters)"
            if len(text) > SEARCHED_MOST
            else f"has {len(set(text)):,} distinct characters,"
            f" more than {SEARCHED_DISTINCT}"
        )
        return (
            f"the expected text {told}: the search tried changes of single"
            " characters, a saving or a newline added at the end after them,"
            " only, and read a map off the copy as it is only"
        )
    depth = deepest(text)
    if depth == MOST_OTHER:
        return None
    done = [
        (
            f"tried {depth} change of the whole text before those of single"
            f" characters, not {MOST_OTHER}"
        ),
        "read a map off the copy as it is only",
    ]
    if len(as_text(actual)) > DISPLAY_MOST:
        done.append(
            f"undid no display order of a text of more than {DISPLAY_MOST:,} characters"
        )
    return (
        f"the expected text is long ({len(text):,} characters): the search "
        + ", ".join(done[:-1])
        + ", and "
        + done[-1]
    )


def compare(
    expected: "bytes | str",
    actual: "bytes | str",
    name: str = "-",
    limit: "int | None" = None,
    before: "dict[str, int] | None" = None,
) -> "str | None":
    """Return None where ``actual`` is ``expected``, else the report of how it differs: ``str(explain(...))``."""
    difference = explain(expected, actual, name, limit, before)
    return None if difference is None else str(difference)


def assert_same(
    expected: "bytes | str",
    actual: "bytes | str",
    name: str = "-",
    limit: "int | None" = None,
    before: "dict[str, int] | None" = None,
) -> None:
    """Raise AssertionError with the report where ``actual`` is not ``expected``: for unittest and pytest."""
    __tracebackhide__ = True  # pytest shows the report, not this function
    difference = explain(expected, actual, name, limit, before)
    if difference is not None:
        raise AssertionError(str(difference))


def variant(*keys: str, text: str) -> bytes:
    """The bytes that the known changes of ``keys``, made in that order, make of ``text``.

    Each change in its first form, or in the form given in parentheses, as
    ``Explanation.asked`` gives it: ``json(ensure_ascii=False)``.  An unknown
    key, a form its change does not take, or changes that cannot be made of
    this text, raise ValueError.
    """
    steps = asked_steps(keys)
    made = remade(text, steps)
    if made is None:
        raise ValueError(f"{' then '.join(keys)} cannot be made of this text")
    return made


def assert_made(
    keys: "str | tuple[str, ...] | list[str]",
    actual: "bytes | str",
    text: str,
    name: str = "-",
) -> None:
    """Raise AssertionError unless ``actual`` is, byte for byte, what the known
    changes of ``keys``, made in that order, make of ``text``: for unittest and pytest.

    ``keys``: one key, keys joined by commas, or a sequence of them, each
    perhaps with its form (``json(ensure_ascii=False)``); one no known
    change has raises ValueError at once.  The message says which
    changes were expected, where ``actual`` first differs from what they
    make, and what explains ``actual`` against ``text`` itself.
    """
    __tracebackhide__ = True  # pytest shows the message, not this function
    steps = asked_steps(keys)
    made = remade(text, steps)
    if made is None:
        raise ValueError("these changes cannot be made of this text")
    actual = as_bytes(actual, "actual")
    if actual != made:
        difference = explain(text, actual, name)
        raise AssertionError(not_made(steps, made, actual, difference, name))
