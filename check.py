"""Check that files are the Arabic news article fixture, byte for byte.

With no FILE, check the repository: ar_news.txt is the original (its SHA-256
and size are pinned here) and what make_article.py writes is the same bytes.
With FILEs, compare each with the original; "-" reads standard input.

A file that matches prints ``FILE: OK``.  One that differs prints where, in
cmp's terms (byte, line and column, numbered from 1), the characters expected
and found, and which known change made by a tool (an editor, git, a text
pipeline, an encoder, an Arabic shaper or bidi display) explains the file,
if one does: up to three at once, in some of the places, or cut short.
Exit status as cmp: 0 all identical, 1 some file differs, 2 trouble.

From Python: ``compare(expected, actual)`` returns None or the report.
"""

import codecs
import hashlib
import os
import sys

if __package__:  # imported as part of a package, e.g. tests.fixtures.ar_news
    from .make_article import ARTICLE, DEFAULT_TARGET
else:  # run as a script, or imported from the folder it is in
    from make_article import ARTICLE, DEFAULT_TARGET

ORIGINAL_SHA256 = "a1478f8c1314683ffc280c1d19182536c0e1340826b8686424675ae19824c37d"
ORIGINAL_SIZE = 7165

# How much larger than the original a copy may be and still be examined: more
# than any known changes make of it (the largest, double mojibake written with
# JSON, HTML or percent escapes, is 11 to 13 times its size).
SIZE_FACTOR = 16
READ_LIMIT = SIZE_FACTOR * ORIGINAL_SIZE

# How many of the places that differ a report lists.
PLACES_SHOWN = 5

# Names that unicodedata does not give: the control characters have none.
CONTROL_NAMES = {
    "\0": "NULL",
    "\t": "CHARACTER TABULATION",
    "\n": "LINE FEED",
    "\r": "CARRIAGE RETURN",
    "\x1a": "SUBSTITUTE",
}

# The vocabulary: what tools do to Arabic text, and the helpers that do it.

HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"  # U+064B to U+0652
SUBSTITUTE = "ar-news-substitute"  # an encoding error handler, registered below
LEGACY_CODE_PAGES = (("Windows-1256", "cp1256"), ("ISO-8859-6", "iso-8859-6"))
LOSSES = (  # what converters write for a character a code page cannot hold
    ("? for what it cannot hold", "replace"),
    ("SUB (0x1A) for what it cannot hold", SUBSTITUTE),
    ("dropping what it cannot hold", "ignore"),
)
ASTRAL = "[\U00010000-\U0010ffff]"  # outside the Basic Multilingual Plane


def normalize(form: str, text: str) -> str:
    """Return ``text`` in Unicode normalization ``form``."""
    import unicodedata

    return unicodedata.normalize(form, text)


def replace_all(text: str, replacements: "dict[str, str]") -> str:
    """Replace each key of ``replacements`` in ``text`` with its value.

    No value holds a later key, so the order does not matter.
    """
    for old, new in replacements.items():
        text = text.replace(old, new)
    return text


def substitute(error: UnicodeEncodeError) -> "tuple[str, int]":
    """Write SUB (0x1A) for each character a code page cannot hold, as ICU's uconv does."""
    return "\x1a" * (error.end - error.start), error.end


codecs.register_error(SUBSTITUTE, substitute)


def read_as(encoding: str, data: bytes) -> str:
    """Read ``data`` as the single-byte ``encoding`` (the way to mojibake).

    A byte that the code page leaves undefined is read as the same code
    point, as Windows reads it.
    """
    import re

    undefined = "[\udc80-\udcff]"  # as surrogateescape reads such a byte
    text = data.decode(encoding, "surrogateescape")
    return re.sub(undefined, lambda match: chr(ord(match[0]) - 0xDC00), text)


WRONG_READINGS = (  # how the bytes of a legacy code page get read as something else
    ("Latin-1", lambda data: read_as("latin-1", data)),
    ("Windows-1252", lambda data: read_as("cp1252", data)),
    (
        "UTF-8 (U+FFFD for what is not UTF-8)",
        lambda data: data.decode("utf-8", "replace"),
    ),
)


def saved_in(encoding: str, errors: str):
    """Saving in a legacy code page, ``errors`` saying what to write for what it cannot hold."""
    return lambda text: text.encode(encoding, errors)


def legacy_mojibake(encoding: str, errors: str, read):
    """Saving in a legacy code page, then ``read`` those bytes as something else, saved as UTF-8."""
    return lambda text: read(text.encode(encoding, errors)).encode("utf-8")


def outside_the_bmp(replacement: str, text: str) -> str:
    """Replace each character outside the Basic Multilingual Plane (the flag's two)."""
    import re

    return re.sub(ASTRAL, replacement, text)


def cesu_8(text: str) -> bytes:
    """Encode as CESU-8: a character outside the BMP as the UTF-8 of its UTF-16 surrogates."""
    import re

    def surrogates(match: "re.Match[str]") -> str:
        code = ord(match[0]) - 0x10000
        return chr(0xD800 + (code >> 10)) + chr(0xDC00 + (code & 0x3FF))

    return re.sub(ASTRAL, surrogates, text).encode("utf-8", "surrogatepass")


def strip_line_ends(text: str) -> str:
    r"""Remove trailing whitespace as ``s/\s+$//mg`` does: empty lines go with it."""
    import re

    return re.sub(r"\s+$", "", text, flags=re.MULTILINE)


def unescape_python(text: str) -> str:
    """Undo Python's backslash escapes (``\\n``, ``\\xa0``, ``\\u0627``, ``\\U0001f1e8``)."""
    import warnings

    with warnings.catch_warnings():  # an unknown escape is kept, not warned about
        warnings.simplefilter("ignore")
        return text.encode("latin-1", "backslashreplace").decode("unicode_escape")


def unicode_escaped(text: str) -> str:
    """Undo ``unicode_escape``: ASCII only, everything else escaped."""
    if not text.isascii():
        raise ValueError("not what unicode_escape writes")
    return unescape_python(text)


def python_literal(text: str) -> str:
    """Undo ``repr()``: a string literal in the quotes that repr chooses."""
    if len(text) < 2 or text[0] not in "'\"" or text[-1] != text[0]:
        raise ValueError("not a string literal")
    decoded = unescape_python(text[1:-1])
    if text[0] != ('"' if "'" in decoded and '"' not in decoded else "'"):
        raise ValueError("not in the quotes that repr chooses")
    return decoded


def json_string(text: str) -> str:
    """Undo ``json.dumps``: a quoted JSON string, with or without ``ensure_ascii``."""
    import json

    if not text.startswith('"'):  # a string, never an array or object to nest
        raise ValueError("not a JSON string")
    return json.loads(text)


def base64_decoded(text: str) -> str:
    """Undo Base64, as in MIME mail and data URLs (line breaks allowed)."""
    import base64

    data = base64.b64decode("".join(text.split()), validate=True)
    return data.decode("utf-8", "surrogateescape")


def quoted_printable_decoded(text: str) -> str:
    """Undo quoted-printable, as in MIME mail (``=D8=A7``, ``=`` at a soft line break)."""
    import quopri

    if not text.isascii():
        raise ValueError("not what quoted-printable writes")
    data = quopri.decodestring(text.encode("ascii"))
    return data.decode("utf-8", "surrogateescape")


def html_references(text: str) -> str:
    """Undo HTML or XML character references: ``&#1575;``, ``&#x627;``, ``&nbsp;``."""
    import html

    return html.unescape(text)


def percent_decoded(text: str, plus: bool = False) -> str:
    """Undo percent-encoding (``%D8%A7``); ``plus``: also ``+`` for a space, as in forms."""
    import urllib.parse

    if not text.isascii():
        raise ValueError("not what percent-encoding writes")
    if plus and "+" not in text:  # then the same as without plus
        raise ValueError("no + to undo")
    unquote = urllib.parse.unquote_plus if plus else urllib.parse.unquote
    return unquote(text, errors="surrogateescape")


def presentation_forms() -> "dict[int, str]":
    """Map each Arabic presentation form (U+FB50 to U+FDFF, U+FE70 to U+FEFF) to its letters."""
    import unicodedata

    table = {}
    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
        tag, *letters = unicodedata.decomposition(chr(code)).split() or [""]
        if tag in ("<isolated>", "<initial>", "<medial>", "<final>"):
            table[code] = "".join(chr(int(letter, 16)) for letter in letters)
    return table


def unshape(text: str) -> str:
    """Write presentation forms as their letters again.

    A shaper that joins lam and alef into one ligature writes the harakat
    of the lam after it: they go back between the two letters.
    """
    import re

    table = presentation_forms()

    def letters(match: "re.Match[str]") -> str:
        form, harakat = match[1], match[2]
        written = table.get(ord(form), form)
        if "\ufef5" <= form <= "\ufefc":  # a lam-alef ligature
            return written[0] + harakat + written[1]
        return written + harakat

    # FriBidi keeps the lam's place in a lam-alef ligature with U+FEFF, before it
    text = re.sub(f"\ufeff([{HARAKAT}]*)([\ufef5-\ufefc])", r"\2\1", text)
    forms = "\ufb50-\ufdff\ufe70-\ufefe"
    return re.sub(f"([{forms}])([{HARAKAT}]*)", letters, text)


# Brackets that a right-to-left run shows mirrored (Unicode's Bidi_Mirroring_Glyph).
MIRRORED = str.maketrans("()<>[]{}\xab\xbb\u2039\u203a", ")(><][}{\xbb\xab\u203a\u2039")


def display_line(line: str, marks_follow: bool = False) -> str:
    """Reorder one line as the Unicode Bidirectional Algorithm displays it.

    UAX #9 for text without explicit embeddings or isolates (they count as
    neutral): the paragraph direction from the first strong character (P2,
    P3), the weak and neutral rules (W1 to W7, N1, N2), the implicit levels
    (I1, I2), separators and the whitespace before them or at the end at
    the paragraph level (L1), reversal
    (L2) and mirrored brackets in right-to-left runs (L4); with
    ``marks_follow``, combining marks after their letter in right-to-left
    runs (L3), as FriBidi writes them.
    """
    import itertools
    import unicodedata

    original = [unicodedata.bidirectional(char) or "ON" for char in line]
    if not {"R", "AL", "AN"} & set(original):  # all at level 0: shown as it is
        return line
    first_strong = next((kind for kind in original if kind in ("L", "R", "AL")), "L")
    base = 0 if first_strong == "L" else 1
    edge = "LR"[base]
    kinds, previous, strong = [], edge, edge
    for kind in original:  # W1 to W3
        kind = previous if kind == "NSM" else kind
        kind = kind if kind in ("L", "R", "AL", "EN", "AN", "ES", "CS", "ET") else "ON"
        if kind == "EN" and strong == "AL":
            kind = "AN"
        if kind in ("L", "R", "AL"):
            strong = kind
        previous = kind
        kinds.append("R" if kind == "AL" else kind)
    for index in range(1, len(kinds) - 1):  # W4
        kind = kinds[index]
        if kind not in ("ES", "CS"):
            continue
        before, after = kinds[index - 1], kinds[index + 1]
        if before == after and (
            (kind == "ES" and before == "EN")
            or (kind == "CS" and before in ("EN", "AN"))
        ):
            kinds[index] = before
    kinds = resolve_runs(
        kinds, "ET", lambda before, after: "EN" if "EN" in (before, after) else "ET"
    )  # W5
    kinds = ["ON" if kind in ("ES", "ET", "CS") else kind for kind in kinds]  # W6
    strong = edge
    for index, kind in enumerate(kinds):  # W7
        if kind in ("L", "R"):
            strong = kind
        elif kind == "EN" and strong == "L":
            kinds[index] = "L"
    direction = {"L": "L", "R": "R", "EN": "R", "AN": "R", None: edge}
    kinds = resolve_runs(  # N1, N2
        kinds,
        "ON",
        lambda before, after: (
            direction[before] if direction[before] == direction[after] else edge
        ),
    )
    raise_by = ({"R": 1, "AN": 2, "EN": 2}, {"L": 1, "AN": 1, "EN": 1})[base]  # I1, I2
    levels = [base + raise_by.get(kind, 0) for kind in kinds]
    # L1: separators, and whitespace before them or at the end, at the paragraph level
    resetting = True
    for index in reversed(range(len(original))):
        if original[index] in ("B", "S"):
            resetting = True
        elif original[index] != "WS":
            resetting = False
        if resetting:
            levels[index] = base
    runs = []  # of one level: (level, start, end)
    for level, group in itertools.groupby(levels):
        start = runs[-1][2] if runs else 0
        runs.append((level, start, start + len(list(group))))
    runs.append((0, len(line), len(line)))  # the end: below every level reversed
    order = list(range(len(line)))
    for level in range(max(levels), 0, -1):  # L2: each span at this level or higher
        start = None
        for run_level, run_start, _ in runs:
            if run_level >= level:
                start = run_start if start is None else start
            elif start is not None:
                order[start:run_start] = order[start:run_start][::-1]
                start = None
    position = 0 if marks_follow and "NSM" in original else len(order)
    while position < len(order):  # L3
        end = position
        while (
            end < len(order)
            and original[order[end]] == "NSM"
            and levels[order[end]] % 2
        ):
            end += 1
        if position < end:  # marks reversed before their letter: after it, in order
            letter = order[end : end + 1]  # none at the end of the line
            order[position : end + len(letter)] = letter + order[position:end][::-1]
        position = max(end, position) + 1
    mirrored = line.translate(MIRRORED)  # L4, at odd levels
    return "".join(
        [mirrored[index] if levels[index] % 2 else line[index] for index in order]
    )


def resolve_runs(kinds: "list[str]", kind: str, resolve) -> "list[str]":
    """Replace each run of ``kind`` with what ``resolve(kind before, kind after)`` says."""
    import itertools

    runs = [(each, len(list(group))) for each, group in itertools.groupby(kinds)]
    resolved = []
    for index, (each, length) in enumerate(runs):
        if each == kind:
            before = runs[index - 1][0] if index else None
            after = runs[index + 1][0] if index + 1 < len(runs) else None
            each = resolve(before, after)
        resolved += [each] * length
    return resolved


def display_order(text: str, marks_follow: bool = False) -> str:
    """Write each line as the bidi algorithm displays it; on this article, its own undoing."""
    return "\n".join(display_line(line, marks_follow) for line in text.split("\n"))


# Known changes to the text, each a name and what it does to the original.
TEXT_CHANGES = (
    ("a newline added at the end", lambda text: text + "\n"),
    ("LF turned into CRLF", lambda text: text.replace("\n", "\r\n")),
    (
        "no-break spaces turned into plain spaces",
        lambda text: text.replace("\xa0", " "),
    ),
    (
        "trailing whitespace stripped from each line (str.rstrip)",
        lambda text: "\n".join(line.rstrip() for line in text.split("\n")),
    ),
    ("normalized to NFD", lambda text: normalize("NFD", text)),
    ("normalized to NFKC", lambda text: normalize("NFKC", text)),
    ("normalized to NFKD", lambda text: normalize("NFKD", text)),
    (
        "UTF-8 read as Latin-1 and saved as UTF-8 (mojibake)",
        lambda text: text.encode("utf-8").decode("latin-1"),
    ),
    (
        "UTF-8 read as Windows-1252 and saved as UTF-8 (mojibake)",
        lambda text: read_as("cp1252", text.encode("utf-8")),
    ),
    ("tatweel (kashida, U+0640) removed", lambda text: text.replace("\u0640", "")),
    (
        "harakat (diacritics, U+064B to U+0652) removed",
        lambda text: replace_all(text, dict.fromkeys(HARAKAT, "")),
    ),
    (
        "alef forms U+0623, U+0625, U+0622 unified to alef U+0627",
        lambda text: replace_all(text, dict.fromkeys("\u0623\u0625\u0622", "\u0627")),
    ),
    (
        "teh marbuta U+0629 written as heh U+0647",
        lambda text: text.replace("\u0629", "\u0647"),
    ),
    (
        "alef maqsura U+0649 written as yeh U+064A",
        lambda text: text.replace("\u0649", "\u064a"),
    ),
    (
        "Western digits turned into Arabic-Indic digits",
        lambda text: replace_all(
            text,
            dict(
                zip(
                    "0123456789",
                    "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669",
                )
            ),
        ),
    ),
    (
        "curly quotes straightened",
        lambda text: replace_all(text, dict(zip("\u201c\u201d\u2018\u2019", "\"\"''"))),
    ),
    (
        "Arabic comma U+060C turned into a Latin comma",
        lambda text: text.replace("\u060c", ","),
    ),
    (
        "Arabic semicolon U+061B turned into a Latin semicolon",
        lambda text: text.replace("\u061b", ";"),
    ),
    ("LF turned into CR (classic Mac OS)", lambda text: text.replace("\n", "\r")),
    (
        r"trailing whitespace and empty lines removed by a multi-line \s+$",
        strip_line_ends,
    ),
    (
        "UTF-8 read as Windows-1256 and saved as UTF-8 (mojibake)",
        lambda text: read_as("cp1256", text.encode("utf-8")),
    ),
    (
        "yeh U+064A written as Farsi yeh U+06CC",
        lambda text: text.replace("\u064a", "\u06cc"),
    ),
    (
        "alef maqsura U+0649 written as Farsi yeh U+06CC",
        lambda text: text.replace("\u0649", "\u06cc"),
    ),
    (
        "kaf U+0643 written as keheh U+06A9",
        lambda text: text.replace("\u0643", "\u06a9"),
    ),
    (
        "Persian letters: yeh and alef maqsura as Farsi yeh U+06CC, kaf as keheh U+06A9",
        lambda text: replace_all(
            text, {"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"}
        ),
    ),
    (
        "Western digits turned into Extended Arabic-Indic (Persian) digits",
        lambda text: replace_all(
            text,
            dict(
                zip(
                    "0123456789",
                    "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",
                )
            ),
        ),
    ),
    (
        "hamza forms U+0623, U+0625, U+0624, U+0626 and madda U+0622 written as hamza U+0621",
        lambda text: replace_all(
            text, dict.fromkeys("\u0623\u0625\u0624\u0626\u0622", "\u0621")
        ),
    ),
    (
        "hamza forms U+0623, U+0625, U+0624, U+0626 written as hamza U+0621, madda U+0622 as two",
        lambda text: replace_all(
            text,
            {
                **dict.fromkeys("\u0623\u0625\u0624\u0626", "\u0621"),
                "\u0622": "\u0621\u0621",
            },
        ),
    ),
    (
        (
            "normalized for search as Lucene's ArabicNormalizer does: alef forms as alef,"
            " alef maqsura as yeh, teh marbuta as heh, tatweel and harakat removed"
        ),
        lambda text: replace_all(
            text,
            {
                **dict.fromkeys("\u0622\u0623\u0625", "\u0627"),
                "\u0649": "\u064a",
                "\u0629": "\u0647",
                **dict.fromkeys("\u0640" + HARAKAT, ""),
            },
        ),
    ),
    (
        "characters outside the BMP (the flag) written as ?, as MySQL's 3-byte utf8 does",
        lambda text: outside_the_bmp("?", text),
    ),
    (
        "characters outside the BMP (the flag) removed",
        lambda text: outside_the_bmp("", text),
    ),
    (
        "whitespace collapsed to single spaces (' '.join(text.split()))",
        lambda text: " ".join(text.split()),
    ),
    (
        "alef maqsura U+0649 written as alef U+0627",
        lambda text: text.replace("\u0649", "\u0627"),
    ),
)

# Known ways of saving the text other than plain UTF-8, each a name and the
# bytes it writes.
SAVINGS = (
    (
        (
            "a UTF-8 byte-order mark added",
            lambda text: ("\ufeff" + text).encode("utf-8"),
        ),
        ("saved as UTF-16 LE", lambda text: text.encode("utf-16-le")),
        ("saved as UTF-16 BE", lambda text: text.encode("utf-16-be")),
        (
            "saved as UTF-16 LE with a byte-order mark",
            lambda text: ("\ufeff" + text).encode("utf-16-le"),
        ),
        (
            "saved as UTF-16 BE with a byte-order mark",
            lambda text: ("\ufeff" + text).encode("utf-16-be"),
        ),
        ("saved as CESU-8 (Java's modified UTF-8, Oracle's UTF8)", cesu_8),
    )
    + tuple(
        (
            f"saved as {code_page}, {loss}",
            saved_in(encoding, errors),
        )
        for code_page, encoding in LEGACY_CODE_PAGES
        for loss, errors in LOSSES
    )
    + tuple(
        (
            f"saved as {code_page} ({loss}), read as {reading} and saved as UTF-8 (mojibake)",
            legacy_mojibake(encoding, errors, read),
        )
        for code_page, encoding in LEGACY_CODE_PAGES
        for loss, errors in LOSSES
        for reading, read in WRONG_READINGS
    )
)

# Known escapes, each a name and how to undo it on the text found: at most one
# a copy, the last thing done to it.
ESCAPES = (
    ("written as a JSON string", json_string),
    (
        "escaped as in a JSON string, without the quotes",
        lambda text: json_string(f'"{text}"'),
    ),
    ("written as a Python string literal (repr)", python_literal),
    ("escaped with Python's unicode_escape", unicode_escaped),
    ("written with HTML or XML character references or entities", html_references),
    ("percent-encoded, as in URLs", percent_decoded),
    (
        "percent-encoded, + for space, as in HTML forms",
        lambda text: percent_decoded(text, plus=True),
    ),
    ("encoded as Base64", base64_decoded),
    ("encoded as quoted-printable", quoted_printable_decoded),
)

# Known ways of writing the text in the order it is shown, each a name and how
# to undo it on the text found: at most one a copy, after any escape.
DISPLAY_ORDERS = (
    (
        "written in visual order, each line as the bidi algorithm displays it",
        display_order,
    ),
    (
        "written in visual order, combining marks after their letters (as FriBidi does)",
        lambda text: display_order(text, marks_follow=True),
    ),
    (
        "each line reversed, character by character (a naive right-to-left display)",
        lambda text: "\n".join(line[::-1] for line in text.split("\n")),
    ),
)

# Other known changes that can be undone on the text found, each a name and
# how, in the order they are undone: the last done first.
UNDOINGS = (
    ("shaped into Arabic presentation forms", unshape),
    (
        "right-to-left or left-to-right marks inserted",
        lambda text: replace_all(text, dict.fromkeys("\u200e\u200f\u061c", "")),
    ),
    (
        "zero-width characters (U+200B, U+200C, U+200D, U+2060) inserted",
        lambda text: replace_all(text, dict.fromkeys("\u200b\u200c\u200d\u2060", "")),
    ),
)

# The search: which known changes, up to three at once, make the copy.

MOST_CHANGES = 3  # at once, where at least one is undone on the copy; else two


def undone(undo, text: str) -> "str | None":
    """Undo a known change on ``text``; None where it does not apply or changes nothing."""
    try:
        result = undo(text)
        result.encode("utf-8", "surrogateescape")
    except ValueError:  # not this escape, or not text that can be written
        return None
    return result if result != text else None


def undone_copies(found: str) -> "dict[bytes, list[tuple[str, ...]]]":
    """The copy with known changes undone, by its bytes: which undoings give them.

    At most one escape and one display order, undone first, in that order;
    then the other undoings in their table's order; at most three in all.
    """
    chains = [((), found)]
    groups = [ESCAPES, DISPLAY_ORDERS] + [(undoing,) for undoing in UNDOINGS]
    for group in groups:  # one undoing of each group at most
        for names, before in list(chains):
            for name, undo in group if len(names) < MOST_CHANGES else ():
                text = undone(undo, before)
                if text is not None:
                    chains.append((names + (name,), text))
    copies = {}
    for names, text in chains:
        copies.setdefault(text.encode("utf-8", "surrogateescape"), []).append(names)
    return copies


def changed_texts(text: str, depth: int):
    """Yield each text that ``depth`` known text changes, one after another, make of ``text``.

    Each comes as (names of the changes, text).
    """
    if not depth:
        yield (), text
        return
    for names, before in changed_texts(text, depth - 1):
        for name, change in TEXT_CHANGES:
            yield names + (name,), change(before)


def made(text: str, depth: int):
    """Yield each file that ``depth`` known changes make of ``text``: text changes, perhaps a saving last.

    Each comes as (names of the changes, bytes).
    """
    for names, changed in changed_texts(text, depth):
        yield names, changed.encode("utf-8")
    if depth:
        for names, changed in changed_texts(text, depth - 1):
            for name, save in SAVINGS:
                yield names + (name,), save(changed)


def search(
    text: str, actual: bytes
) -> "tuple[list[tuple[str, ...]], list[tuple[str, ...]]]":
    """Find the fewest known changes that make ``actual`` of ``text``.

    Returns the chains of names, in the order done, that make all of it;
    where none does, those whose output ``actual`` is the start of.
    """
    copies = undone_copies(actual.decode("utf-8", "surrogateescape"))
    whole, cut_short = {}, {}  # by number of changes
    for depth in range(MOST_CHANGES):
        for names, data in made(text, depth):
            for undoings in copies.get(data, ()):
                count = depth + len(undoings)
                if count < MOST_CHANGES or (undoings and count == MOST_CHANGES):
                    whole.setdefault(count, []).append(names + undoings[::-1])
            if depth and len(data) > len(actual) and data.startswith(actual):
                cut_short.setdefault(depth, []).append(names)
        fewest = min(whole, default=None)
        if fewest is not None and fewest <= depth:  # more changes cannot do with fewer
            return whole[fewest], []
    if whole:
        return whole[min(whole)], []
    return [], cut_short[min(cut_short)] if cut_short else []


CHANGES_BY_NAME = dict(TEXT_CHANGES + SAVINGS)


def make(names: "tuple[str, ...]", text: str) -> bytes:
    """Make the named known changes to ``text``, one after another."""
    for name in names:
        text = CHANGES_BY_NAME[name](text)
    return text if isinstance(text, bytes) else text.encode("utf-8")


def characters_kept(text: str, names: "tuple[str, ...]", actual: bytes) -> int:
    """How many characters of ``text`` a cut-short copy holds, changed by ``names``."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if actual.startswith(make(names, text[:middle])):
            low = middle
        else:
            high = middle - 1
    return low


def made_in_place(change, text: str, offset: int, old: str, new: str) -> bool:
    """Tell whether ``change`` turns ``old``, at ``offset`` in ``text``, into ``new``.

    The character after the place goes with it, for changes that need to
    see it (LF into CRLF, trailing whitespace).
    """
    following = text[offset + len(old) : offset + len(old) + 1]
    return change(old + following) == new + following


def partly_made(
    text: str, differ: "list[tuple[int, str, str]]"
) -> "list[tuple[str, int]]":
    """The text changes that make every place that differs: name, and places it makes in all."""
    return [
        (name, len(places(text, change(text))))
        for name, change in TEXT_CHANGES
        if all(made_in_place(change, text, *place) for place in differ)
    ]


def named(chain: "tuple[str, ...]") -> str:
    """Name a chain of known changes in the order done; one done twice running as "twice"."""
    import itertools

    return " and ".join(
        name if len(list(times)) == 1 else f"{name}, twice"
        for name, times in itertools.groupby(chain)
    )


def distinct(chains: "list[tuple[str, ...]]") -> "list[tuple[str, ...]]":
    """The chains, those of the same changes in another order once."""
    kept = {}
    for chain in chains:
        kept.setdefault(tuple(sorted(chain)), chain)
    return list(kept.values())


# The report: where a copy differs and what explains it.


def undecodable(char: str) -> bool:
    """Tell whether ``char`` stands for a byte that is not UTF-8, as surrogateescape decodes it."""
    return "\udc80" <= char <= "\udcff"


def describe(char: str) -> str:
    """Name one character by code point and name; show a byte that is not UTF-8 as 0xC2."""
    if undecodable(char):
        return f"0x{ord(char) - 0xDC00:02X}"
    import unicodedata

    name = CONTROL_NAMES.get(char) or unicodedata.name(char, "<control>")
    return f"U+{ord(char):04X} {name}"


def escape(char: str) -> str:
    """Escape one character for an excerpt as Python does; show a byte that is not UTF-8 as <0x9F>."""
    if undecodable(char):
        return f"<{describe(char)}>"
    return "\\'" if char == "'" else ascii(char)[1:-1]


def describe_run(run: str) -> str:
    """Name up to three characters; show a longer run as an escaped excerpt."""
    if not run:
        return "nothing"
    if len(run) <= 3:
        return " + ".join(describe(char) for char in run)
    excerpt = "".join(escape(char) for char in run[:12])
    return f"'{excerpt}{'...' if len(run) > 12 else ''}' ({len(run)} characters)"


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


def first_difference(expected: bytes, actual: bytes, name: str) -> "list[str]":
    """Say where ``actual`` first differs from ``expected``, in cmp's terms."""
    index = next(
        (i for i, (want, got) in enumerate(zip(expected, actual)) if want != got),
        min(len(expected), len(actual)),
    )
    start = character_start(expected, index)
    if not actual:
        where = f"EOF on {name} which is empty"
    elif index == len(actual):
        last = character_start(expected, index - 1)
        line, column = line_and_column(expected[:last].decode("utf-8"))
        where = f"EOF on {name} after byte {index}, line {line}, column {column}"
    else:
        line, column = line_and_column(expected[:start].decode("utf-8"))
        kind = "longer than the original" if index == len(expected) else "differs"
        where = f"{kind}: byte {index + 1}, line {line}, column {column}"
    return [
        f"{name}: {where}",
        f"  expected {character_at(expected, start)}, found {character_at(actual, start)}",
    ]


def places(expected: str, found: str) -> "list[tuple[int, str, str]]":
    """List the places where two texts differ: offset in ``expected``, expected run, found run.

    Where both have the same number of lines, which partial damage keeps,
    lines are compared pair by pair, exactly; otherwise the whole texts are
    compared with difflib's quicker heuristic, which passes over what is
    common in its second text: the expected one, as the copy may be far larger.
    """
    import difflib

    expected_lines, found_lines = expected.split("\n"), found.split("\n")
    if len(expected_lines) != len(found_lines):
        matcher = difflib.SequenceMatcher(None, found, expected, autojunk=True)
        return [
            (i1, expected[i1:i2], found[j1:j2])
            for tag, j1, j2, i1, i2 in matcher.get_opcodes()
            if tag != "equal"
        ]
    result = []
    offset = 0
    for old, new in zip(expected_lines, found_lines):
        if old != new:
            matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
            result += [
                (offset + i1, old[i1:i2], new[j1:j2])
                for tag, i1, i2, j1, j2 in matcher.get_opcodes()
                if tag != "equal"
            ]
        offset += len(old) + 1
    return result


def explanation(expected: bytes, actual: bytes) -> "list[str]":
    """Name the known changes that explain ``actual``, or else list where it differs."""
    limit = SIZE_FACTOR * len(expected)
    if len(actual) > limit:
        return [
            f"  longer than {limit} bytes: no known change makes that much of the original"
        ]
    text = expected.decode("utf-8")
    whole, cut_short = search(text, actual)
    if whole:
        return [f"  known change: {named(chain)}" for chain in distinct(whole)]
    lines = []
    for chain in distinct(cut_short):
        line, column = line_and_column(text[: characters_kept(text, chain, actual)])
        lines += [
            f"  known change, cut short: {named(chain)}",
            (
                f"    the copy ends after byte {len(actual)} of its output,"
                f" at line {line}, column {column} of the original"
            ),
        ]
    if lines:
        return lines
    differ = places(text, actual.decode("utf-8", "surrogateescape"))
    lines = [
        f"  known change, in {len(differ)} of {count} places: {name}"
        for name, count in partly_made(text, differ)
    ]
    heading = "places" if lines else "no known change explains it; places"
    lines.append(f"  {heading} that differ: {len(differ)}")
    for offset, old, new in differ[:PLACES_SHOWN]:
        line, column = line_and_column(text[:offset])
        lines.append(
            f"    line {line}, column {column}: expected {describe_run(old)}, found {describe_run(new)}"
        )
    if len(differ) > PLACES_SHOWN:
        lines.append(f"    and {len(differ) - PLACES_SHOWN} more")
    return lines


def as_bytes(text: "bytes | str") -> bytes:
    """Return ``text`` as bytes: a ``str`` stands for its UTF-8 bytes."""
    if isinstance(text, bytes):
        return text
    return text.encode("utf-8", "surrogatepass")


def compare(
    expected: "bytes | str", actual: "bytes | str", name: str = "-"
) -> "str | None":
    """Return None where ``actual`` is ``expected``, else a report of how it differs.

    ``expected`` is UTF-8 text: the article or any part of it, or any other
    text; either may be given as ``str``, which stands for its UTF-8 bytes.
    The report says where the first difference is and, unless ``actual`` is
    only cut short, which known changes explain it, or else where it
    differs.  A copy more than SIZE_FACTOR (16) times the size of
    ``expected``, more than any known changes make, is only said to be too
    long.  ``name`` names ``actual`` in the report.
    """
    expected, actual = as_bytes(expected), as_bytes(actual)
    if actual == expected:
        return None
    lines = first_difference(expected, actual, name)
    if not expected.startswith(actual):
        lines += explanation(expected, actual)
    return "\n".join(lines)


# The command.


def is_original(data: bytes) -> bool:
    """Tell whether ``data`` has the original's pinned size and SHA-256."""
    return (
        len(data) == ORIGINAL_SIZE
        and hashlib.sha256(data).hexdigest() == ORIGINAL_SHA256
    )


def read_start(path: str) -> bytes:
    """Read as much of a file as a check needs (``-``: standard input)."""
    if path == "-":
        if sys.stdin is None:
            raise OSError("standard input is closed")
        return sys.stdin.buffer.read(READ_LIMIT + 1)
    with open(path, "rb") as stream:
        return stream.read(READ_LIMIT + 1)


def complain(message: str, quiet: bool) -> None:
    """Print a line about trouble on standard error, unless quiet."""
    if not quiet:
        print(f"check.py: {message}", file=sys.stderr)


def verdict(original: bytes, copy: bytes, name: str, quiet: bool) -> int:
    """Print ``NAME: OK`` or the report on how ``copy`` differs; return 0 or 1."""
    report = compare(original, copy, name)
    if not quiet:
        print(report or f"{name}: OK")
    return 1 if report else 0


def check_files(paths: "list[str]", quiet: bool) -> int:
    """Compare each file with the original; return the exit status."""
    original = ARTICLE.encode("utf-8")
    if not is_original(original):
        complain(
            "make_article.py does not hold the original text; run check.py alone", quiet
        )
        return 2
    status = 0
    for path in paths:
        try:
            data = read_start(path)
        except OSError as error:
            complain(f"{path}: {error.strerror or error}", quiet)
            status = 2
        else:
            status = max(status, verdict(original, data, path, quiet))
    return status


def check_repository(quiet: bool) -> int:
    """Check that ar_news.txt and what make_article.py writes are the original."""
    try:
        data = read_start(DEFAULT_TARGET)
    except OSError as error:
        complain(f"{DEFAULT_TARGET}: {error.strerror or error}", quiet)
        return 2
    produced = ARTICLE.encode("utf-8")
    original = next((copy for copy in (produced, data) if is_original(copy)), None)
    copies = {"ar_news.txt": data, "make_article.py": produced}
    if original is None:  # both changed: the pin tells that, not where
        for name in copies:
            if not quiet:
                print(
                    f"{name}: FAILED: its SHA-256 is not the original's, {ORIGINAL_SHA256}"
                )
        return 1
    return max(verdict(original, copy, name, quiet) for name, copy in copies.items())


def parse_arguments(arguments: "list[str]") -> "tuple[list[str], bool]":
    """Parse the command line; return the files named and whether to be quiet."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="check.py",
        description="Check that files are the Arabic news article fixture, byte for byte. "
        "Exit status: 0 all identical, 1 some file differs, 2 trouble.",
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="a file to compare with the original; - reads standard input "
        "(default: check the repository's ar_news.txt and make_article.py)",
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print nothing; the exit status still says",
    )
    options = parser.parse_args(arguments)
    return options.files, options.quiet


def main() -> None:
    arguments = sys.argv[1:]
    # With no arguments there is nothing to parse, and argparse, which costs
    # more to import and set up than the rest of the run, is not needed.
    files, quiet = parse_arguments(arguments) if arguments else ([], False)
    if sys.stdout is not None:  # print any file name, whatever the terminal holds
        sys.stdout.reconfigure(errors="backslashreplace")
    if files:
        raise SystemExit(check_files(files, quiet))
    raise SystemExit(check_repository(quiet))


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        # The reader of standard output went away: stop quietly, and point
        # standard output at /dev/null so that the exit flush fails no more.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(2)
