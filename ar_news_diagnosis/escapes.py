"""Escapes: the text written as a string literal of a language or format.

Python's ``repr`` and ``unicode_escape`` read back; JSON; backslash
escapes as other languages and formats write them (Ruby's
``String#dump``, Go's ``%q`` and ``%+q``, PostgreSQL's COPY, written by
``notations``), all read back by one reader; and YAML's
double-quoted scalar, its lines folded as PyYAML folds them, and its
folded block scalar.  A reader returns the text and the form read off the
copy (``ensure_ascii``, a width), so that the writer with that form makes
the copy again.
"""

import functools
import json
import re
import warnings
from typing import Iterable, Iterator

from .text import alternately

# The control characters that C names, and the letter each is written with.
C_ESCAPES = {
    "\a": "a",
    "\b": "b",
    "\f": "f",
    "\n": "n",
    "\r": "r",
    "\t": "t",
    "\v": "v",
}
# YAML's escapes, as PyYAML's emitter writes them in a double-quoted scalar.
YAML_ESCAPES = {
    **C_ESCAPES,
    "\0": "0",
    "\x1b": "e",
    '"': '"',
    "\\": "\\",
    "\x85": "N",
    "\xa0": "_",
    "\u2028": "L",
    "\u2029": "P",
}
# What each escape of one letter stands for, in any of the languages here.
UNESCAPED = {letter: char for char, letter in YAML_ESCAPES.items()}
# Any backslash escape: \u{X}, \uXXXX, \UXXXXXXXX, \xXX, or one character.
ESCAPE = r"\\(?:u\{([0-9A-Fa-f]+)\}|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|x([0-9A-Fa-f]{2})|(.))"
# Where YAML folds a double-quoted scalar: a line break, or any escape.
# What PyYAML and ruamel.yaml escape in a double-quoted scalar, besides what
# they do not keep as it is (controls; outside ASCII, as PyYAML may write).
YAML_ESCAPED = '"\\\x85\u2028\u2029\ufeff'
# Blanks before a line break are read from the first of a run (a blank
# escaped before it is no such first): a long run with no line break after
# it would be read again from each blank, in time that grows as its square.
YAML_BREAK = r"\\\n[ \t]*|(?:(?<![^\\][ \t])[ \t]+)?(\n[ \t]*)+|" + ESCAPE
YAML_PIECE = re.compile(f"({YAML_BREAK})", re.DOTALL)  # one group: for re.split
YAML_PROBED = 4096  # the characters of a copy read first


def hex_escape(code: int, short_below: int = 0x100, case: str = "X") -> str:
    """A code point as ``\\xXX`` (below ``short_below``), ``\\uXXXX`` or ``\\UXXXXXXXX``; ``case`` "x": lower-case digits."""
    if code < short_below:
        return f"\\x{code:02{case}}"
    if code < 0x10000:
        return f"\\u{code:04{case}}"
    return f"\\U{code:08{case}}"


# Python.


def unescape_python(text: str) -> str:
    """Undo Python's backslash escapes (``\\n``, ``\\xa0``, ``\\u0627``, ``\\U0001f1e8``)."""
    with warnings.catch_warnings():  # an unknown escape is kept, not warned about
        warnings.simplefilter("ignore")
        return text.encode("latin-1", "backslashreplace").decode("unicode_escape")


def python_literal(copy: str) -> "tuple[str, tuple]":
    """Undo ``repr()``: a string literal in quotes."""
    if len(copy) < 2 or copy[0] not in "'\"" or copy[-1] != copy[0]:
        raise ValueError("not a string literal")
    return unescape_python(copy[1:-1]), ()


def unicode_escape_undone(copy: str) -> "tuple[str, tuple]":
    """Undo ``unicode_escape``: ASCII only, everything else escaped."""
    if not copy.isascii():
        raise ValueError("not what unicode_escape writes")
    return unescape_python(copy), ()


# JSON.


def json_string(text: str, ensure_ascii: bool = True) -> str:
    """Write as ``json.dumps`` writes a string."""
    return json.dumps(text, ensure_ascii=ensure_ascii)


def json_undone(copy: str, quoted: bool = True) -> "tuple[str, tuple]":
    """Undo ``json.dumps`` of a string; the form is whether it kept to ASCII (``ensure_ascii``)."""
    # A string, never an array or object to nest.
    if quoted and not copy.startswith('"'):
        raise ValueError("not a JSON string")
    return json.loads(copy if quoted else f'"{copy}"'), (copy.isascii(),)


def json_unquoted_undone(copy: str) -> "tuple[str, tuple]":
    """Undo JSON's escapes without the quotes around them."""
    return json_undone(copy, quoted=False)


# Backslash escapes, as other languages and formats write a string (Ruby's
# ``String#dump``, Go's ``%q`` and ``%+q``, PostgreSQL's COPY: written by
# ``notations``): one reader reads any back.


def backslashes_between(before: str, after: str):
    """Undo a string written with backslash escapes, ``before`` and ``after`` around it."""

    def undo(copy: str) -> str:
        body = copy[len(before) : len(copy) - len(after)]
        if "\\" not in copy or copy != before + body + after:
            raise ValueError("not a string with backslash escapes")
        return backslashes_undone(body)

    return undo


@functools.lru_cache(maxsize=4)  # a copy is read so by each notation of it
def backslashes_undone(body: str) -> str:
    """``body`` with each backslash escape of ESCAPE written as what it stands
    for: read once for Ruby's ``dump``, Go's ``%q`` and ``%+q``, which
    differ in what they escape, not in how it is read.  Where none of its
    escapes is of hex digits, all are read at once."""
    if not HEX_ESCAPE.search(body):
        return one_character_escapes_read(body, UNESCAPED_TABLE)[0]
    return re.sub(ESCAPE, unescaped, body, flags=re.DOTALL)


# Where an escape of hex digits may start; each of one character, a letter
# of UNESCAPED read as the character it stands for.
HEX_ESCAPE = re.compile(r"\\[uUx]")
UNESCAPED_TABLE = str.maketrans(UNESCAPED)
# A backslash and the character after it, which it escapes.
ONE_CHARACTER_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def one_character_escapes_read(
    text: str, table: dict
) -> "tuple[str, list[str], list[str]]":
    """Read ``text``, each backslash in it an escape of the one character
    after it, which ``table`` (of ``str.translate``, each to one character)
    reads: the text it makes, the pieces between the escapes, and the
    characters escaped."""
    pieces = ONE_CHARACTER_ESCAPE.split(text)
    between, escaped = pieces[0::2], pieces[1::2]
    pieces[1::2] = "".join(escaped).translate(table)  # each escape, what it reads as
    return "".join(pieces), between, escaped


def unescaped(match: "re.Match[str]") -> str:
    """What a match of ESCAPE stands for (see ``escape_read``)."""
    return escape_read(match[0])


@functools.lru_cache(maxsize=4096)  # an escape a copy writes many times, read once
def escape_read(escape: str) -> str:
    """What ``escape``, a match of ESCAPE, stands for: a code point in hex,
    or a letter's escape."""
    match = re.fullmatch(ESCAPE, escape, flags=re.DOTALL)
    code = next(filter(None, match.groups()[:4]), None)
    return chr(int(code, 16)) if code else UNESCAPED.get(match[5], match[5])


# YAML.


def yaml_quoted(text: str, ascii_only: bool = True, width: "int | None" = 80) -> str:
    """Write as a YAML document of one double-quoted string, as PyYAML's ``yaml.dump`` does.

    Lines broken at a space or after an escape past ``width`` columns (None:
    never), with a backslash; ``ascii_only``: without ``allow_unicode``.
    """
    return "".join(yaml_written(text, ascii_only, width))


def yaml_written(
    text: str, ascii_only: bool = True, width: "int | None" = 80
) -> "Iterator[str]":
    """Yield what ``yaml_quoted`` writes, piece by piece, in order."""
    yield '"'
    plain = PYYAML_PLAIN[ascii_only]
    column, start, end = 1, 0, 0
    while True:
        char = text[end : end + 1]
        if not char or char != " " and plain.match(char):  # escaped
            yield text[start:end]
            column, start = column + end - start, end
            if char:
                escape = yaml_escape(char)
                yield escape
                column, start = column + len(escape), end + 1
        if (
            0 < end < len(text) - 1
            and (char == " " or start >= end)
            and width is not None
            and column + end - start > width
        ):
            yield text[start:end]
            yield "\\\n  " + "\\" * (text[max(start, end)] == " ")
            start = max(start, end)
            column = 2 + (text[start] == " ")
        if end == len(text):
            break
        end = next_written(plain, text, start, end)
    yield '"\n'


# What each writer does not write as it is, in a run that nothing is done
# within (no escape, no line broken): what it escapes (YAML_ESCAPED, the
# controls, the line and paragraph separators, lone surrogates, U+FEFF and
# the noncharacters U+FFFE and U+FFFF; PyYAML all outside ASCII where it keeps
# to it, and outside the BMP), and a space, where it may break a line.
PYYAML_PLAIN = {
    True: re.compile(r"[^!#-\[\]-~]"),
    False: re.compile(
        r'[\x00- "\\\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe-\U0010ffff]'
    ),
}
RUAMEL_PLAIN = re.compile(
    r'[\x00- "\\\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]'
)


def next_written(plain: "re.Pattern[str]", text: str, start: int, end: int) -> int:
    """Where a writer of a double-quoted scalar has more to do after ``end``
    (``plain`` finds the first character it does not write as it is): the
    next character, right after an escape or a line broken, else the next
    that is not written as it is, or the text's end."""
    if start > end:
        return end + 1
    found = plain.search(text, end + 1)
    return found.start() if found else len(text)


def written_as(pieces: "Iterable[str]", copy: str) -> bool:
    """Tell whether ``pieces``, one after another, are ``copy``: each compared
    as it comes, so that a writer made again stops at the first that differs."""
    at = 0
    for piece in pieces:
        if not copy.startswith(piece, at):
            return False
        at += len(piece)
    return at == len(copy)


def yaml_unquoted(copy: str) -> "tuple[str, tuple]":
    """Undo a YAML double-quoted scalar: its escapes and its folded lines.

    The form is whether it kept to ASCII, and the width its lines were
    broken past (None where none is): one of the two its shortest broken
    line allows, at a space or after an escape, the one that writes it.
    """
    text = yaml_read(copy)
    if text is None:
        raise ValueError("not a YAML double-quoted scalar as PyYAML writes it")
    broken = copy.split("\n")[:-2]  # each ends with the backslash of its break
    form = (copy.isascii(), None)
    if not all(line.endswith("\\") for line in broken):
        return text, form  # broken otherwise: no width writes it
    for past in (2, 3) if broken else ():
        form = (copy.isascii(), min(map(len, broken)) - past)
        if written_as(yaml_written(text, *form), copy):
            break
    return text, form


@functools.lru_cache(maxsize=4)  # a copy, read for PyYAML's and ruamel.yaml's
def yaml_read(copy: str) -> "str | None":
    """The text a YAML document of one double-quoted scalar, as PyYAML and
    ruamel.yaml write it, reads as: its escapes and its folded lines read.
    None where it is none such: a quote not escaped within, or an escape
    neither writes (of a character each writes as it is, or in another
    form: \\= or \\xe9 for \\xE9), but a space after a line break."""
    if len(copy) < 3 or copy[0] != '"' or not copy.endswith('"\n'):
        return None
    # A quote within ends the scalar: each one there is escaped (a backslash
    # escaped before it read first).
    if '"' in copy[1:-2].replace("\\\\", "").replace('\\"', ""):
        return None
    body = copy[1:-2]
    # Its start first, up to a backslash (no escape cut there): an escape
    # neither writes in it tells at once.
    start = body[: body.rfind("\\", 0, YAML_PROBED)]
    if start and yaml_pieces_read(start) is None:
        return None
    return yaml_pieces_read(body)


def yaml_pieces_read(body: str) -> "str | None":
    """What ``body``, split at the pieces that YAML_BREAK matches, reads as
    (each distinct piece read once); None where an escape is one neither
    writer writes, but a space after a line break."""
    if "\\" not in body and "\n" not in body:
        return body  # no piece: each starts with a backslash or holds a line break
    pieces = YAML_PIECE.split(body)
    step = YAML_PIECE.groups + 1  # each piece read is followed by its groups
    texts, read = pieces[0::step], pieces[1::step]
    read_as = {piece: yaml_piece_read(piece) for piece in set(read)}
    if not all(
        piece[0] != "\\"
        or piece[1] == "\n"
        or piece == yaml_escape(char)
        or char == " "
        for piece, char in read_as.items()
    ):
        return None
    return "".join(alternately(texts, map(read_as.__getitem__, read)))


def yaml_piece_read(piece: str) -> str:
    """What a piece of a double-quoted scalar that YAML_BREAK matches reads as."""
    if piece.startswith("\\\n"):  # an escaped line break joins the lines
        return ""
    if piece.startswith("\\"):
        return escape_read(piece)
    # A line break is a space; more, one fewer.
    return "\n" * (piece.count("\n") - 1) or " "


def yaml_escape(char: str) -> "str | None":
    """How PyYAML and ruamel.yaml write ``char`` in a double-quoted scalar
    where they escape it; None where each writes it as it is."""
    if char not in YAML_ESCAPED and " " <= char <= "~":
        return None
    return "\\" + YAML_ESCAPES[char] if char in YAML_ESCAPES else hex_escape(ord(char))


def ruamel_quoted(text: str, width: int = 80) -> str:
    """Write as a YAML document of one double-quoted string, as ruamel.yaml's
    ``YAML().dump`` does (``Emitter.write_double_quoted``, step for step):
    as PyYAML with ``allow_unicode`` but for where a line is broken past
    ``width`` columns: not indented, and with no backslash before the break
    where the next word, up to a space, holds no quote and is followed by
    text (the space left out then, for the break reads as one)."""
    return "".join(ruamel_written(text, width))


def ruamel_written(text: str, width: int = 80) -> "Iterator[str]":
    """Yield what ``ruamel_quoted`` writes, piece by piece, in order."""
    yield '"'
    column, start, end = 1, 0, 0
    while True:
        char = text[end : end + 1]
        if not char or char != " " and RUAMEL_PLAIN.match(char):  # escaped
            yield text[start:end]
            column, start = column + end - start, end
            if char:
                escape = yaml_escape(char)
                yield escape
                column, start = column + len(escape), end + 1
        if (
            0 < end < len(text) - 1
            and (char == " " or start >= end)
            and column + end - start > width
        ):
            backslash = breaks_with_backslash(text, start, end)
            yield text[start:end] + "\\" * backslash + "\n"
            start, column = max(start, end), 0
            if text[start] == " ":
                start += not backslash
                yield "\\" * backslash
                column += backslash
        if end == len(text):
            break
        end = next_written(RUAMEL_PLAIN, text, start, end)
    yield '"\n'


def breaks_with_backslash(text: str, start: int, end: int) -> bool:
    """Tell whether ruamel.yaml writes a backslash before a line break it puts
    in at ``end``: unless the text up to the next space (or line feed) holds
    no quote, text follows that space, and no two spaces meet at ``end``."""
    try:
        space = text.index(" ", end)
        space = text.find("\n", end, space) if "\n" in text[end:space] else space
        if text[space] == "\n" and text[space + 1] != " ":
            return True
        return not (
            '"' not in text[end:space]
            and "'" not in text[end:space]
            and text[space + 1] not in " \n"
            and text[end - 1 : end + 1] != "  "
            and start != end
        )
    except (ValueError, IndexError):  # no space after it, or nothing after that
        return True


def ruamel_unquoted(copy: str) -> "tuple[str, tuple]":
    """Undo ``ruamel_quoted``: its escapes and its lines broken; the form is
    the width they were broken past, one of those its shortest broken line
    allows (80 where none is)."""
    text = yaml_read(copy)
    if text is None:
        raise ValueError("not a YAML double-quoted scalar as ruamel.yaml writes it")
    lines = copy.split("\n")[:-2]
    shortest = min(map(len, lines), default=81)
    widths = dict.fromkeys([80, *range(shortest - 3, shortest + 1)])
    if " " not in text and "\\" not in copy:
        widths = [80]  # no break is put in but at a space or an escape: each alike
    for width in widths:
        if width > 0 and written_as(ruamel_written(text, width), copy):
            return text, (width,)
    return text, (80,)


YAML_BREAKS = "\n\x85\u2028\u2029"  # what YAML takes for a line break
YAML_INDENT, YAML_WIDTH = 2, 80  # PyYAML's best_indent and best_width


def yaml_folded(text: str) -> str:
    """Write as a YAML document of one folded block scalar, as PyYAML's emitter
    does with ``default_style=">"`` (``Emitter.write_folded``, step for step).

    A line is folded at a space past YAML_WIDTH columns, an empty line stands
    for each line break, and where the text's last line breaks are kept
    (chomping ``+``) the document's end is marked.
    """
    hints = yaml_block_hints(text)
    written = [">" + hints]
    column, whitespace, indention = 1 + len(hints), False, False

    def write(data: str) -> None:
        nonlocal column
        written.append(data)
        column += len(data)

    def line_break(char: str = "\n") -> None:
        nonlocal column, whitespace, indention
        written.append(char)
        column, whitespace, indention = 0, True, True

    def indent() -> None:
        nonlocal column, whitespace
        if (
            not indention
            or column > YAML_INDENT
            or (column == YAML_INDENT and not whitespace)
        ):
            line_break()
        if column < YAML_INDENT:
            written.append(" " * (YAML_INDENT - column))
            column, whitespace = YAML_INDENT, True

    line_break()
    leading_space, spaces, breaks, start = True, False, True, 0
    for end in range(len(text) + 1):
        char = text[end] if end < len(text) else None
        if breaks:  # after line breaks: write them, and indent the next line
            if char is None or char not in YAML_BREAKS:
                if (
                    not leading_space
                    and char not in (None, " ")
                    and text[start] == "\n"
                ):
                    line_break()  # a line feed between two lines of text: an empty line
                leading_space = char == " "
                for each in text[start:end]:
                    line_break(each)
                if char is not None:
                    indent()
                start = end
        elif spaces:  # after spaces: one space past the width folds the line
            if char != " ":
                if start + 1 == end and column > YAML_WIDTH:
                    indent()
                else:
                    write(text[start:end])
                start = end
        elif char is None or char in " " + YAML_BREAKS:  # a word ends
            write(text[start:end])
            if char is None:
                line_break()
            start = end
        if char is not None:
            breaks, spaces = char in YAML_BREAKS, char == " "
    if hints.endswith("+"):  # its line breaks kept: the document's end is marked
        written.append("...\n")
    return "".join(written)


def yaml_single_quoted(text: str, width: "int | None" = YAML_WIDTH) -> str:
    """Write as a YAML document of one single-quoted string, as PyYAML's
    emitter does with ``default_style="'"`` and ``allow_unicode=True``
    (``Emitter.write_single_quoted``, step for step): ' doubled, a line
    break written twice (one alone folds to a space), a single space past
    ``width`` columns (None: never) folding the line, each line after the
    first indented by two.  PyYAML writes no such string of a text with a
    character it would escape, or a space beside a line break: it writes it
    double-quoted (``yaml``)."""
    return "".join(yaml_single_written(text, width))


def yaml_single_written(text: str, width: "int | None" = YAML_WIDTH) -> "Iterator[str]":
    """Yield what ``yaml_single_quoted`` writes, piece by piece, in order: the
    characters of a word at once, as nothing is done within one."""
    if not single_quotable(text):
        raise ValueError("a text PyYAML writes double-quoted")
    yield "'"
    column, start, end = 1, 0, 0
    spaces = breaks = False
    while True:
        char = text[end] if end < len(text) else None
        if spaces:  # after spaces: one alone past the width folds the line
            if char != " ":
                past = width is not None and column > width
                if start + 1 == end and past and start and char is not None:
                    yield "\n" + " " * YAML_INDENT
                    column = YAML_INDENT
                else:
                    yield text[start:end]
                    column += end - start
                start = end
        elif breaks:  # after line breaks: the first written twice, then indented
            if char is None or char not in YAML_BREAKS:
                yield "\n" * (text[start] == "\n") + text[start:end]
                yield " " * YAML_INDENT
                column, start = YAML_INDENT, end
        elif char is None or char in " '" + YAML_BREAKS:  # a word ends
            yield text[start:end]
            column, start = column + end - start, end
        if char == "'":
            yield "''"
            column, start = column + 2, end + 1
        if char is None:
            break
        spaces, breaks = char == " ", char in YAML_BREAKS
        if spaces or breaks:
            end += 1
        else:  # on to where a word ends
            word_end = YAML_WORD_END.search(text, end + 1)
            end = word_end.start() if word_end else len(text)
    yield "'\n"


# Where a word ends, in PyYAML's single-quoted style: a space, a quote, a
# line break.
YAML_WORD_END = re.compile(f"[ '{YAML_BREAKS}]")


# What PyYAML escapes with ``allow_unicode`` (the controls but the line feed
# and U+0085, lone surrogates, U+FEFF and the noncharacters U+FFFE, U+FFFF
# and U+10FFFF), and a space beside a line break, which its single-quoted
# style cannot hold.
YAML_UNPRINTABLE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff\U0010ffff]"
)
SPACE_BESIDE_A_BREAK = re.compile(f" [{YAML_BREAKS}]|[{YAML_BREAKS}] ")


def single_quotable(text: str) -> bool:
    """Tell whether PyYAML writes ``text`` single-quoted where asked to
    (``Emitter.analyze_scalar``, with ``allow_unicode``): no character it
    escapes, and no space before or after a line break."""
    return not YAML_UNPRINTABLE.search(text) and not SPACE_BESIDE_A_BREAK.search(text)


def yaml_single_unquoted(copy: str) -> "tuple[str, tuple]":
    """Undo ``yaml_single_quoted``: '' as ', a line break between two lines
    of text a space, each more one line break, the indentation after it
    gone; the form is the width lines were folded past, one of those the
    shortest folded line allows, or None where none is."""
    if len(copy) < 3 or copy[0] != "'" or not copy.endswith("'\n"):
        raise ValueError("not a YAML single-quoted scalar")
    body = copy[1:-2]
    if re.search("'(?!')", body.replace("''", "")):
        raise ValueError("a quote not doubled")
    # (Spaces before a line break from the first of their run only: from
    # each, a run of 380,000 spaces was read to its end, 40 s.)
    text = re.sub(
        "(?<! ) *\n((?: *\n)*) *",
        lambda match: "\n" * match[1].count("\n") or " ",
        body,
    ).replace("''", "'")
    widest = max(map(len, copy.split("\n")[:-1]))
    for width in [None, *range(widest - 2, widest)] if single_quotable(text) else []:
        if written_as(yaml_single_written(text, width), copy):
            return text, (width,)
    return text, (YAML_WIDTH,)


def yaml_block_hints(text: str) -> str:
    """The indentation and chomping indicators of a block scalar of ``text``
    (``Emitter.determine_block_hints``): the indentation where it starts with
    a space or line break; ``-`` where it ends with none, ``+`` with two."""
    if not text:
        return ""
    hints = str(YAML_INDENT) if text[0] in " " + YAML_BREAKS else ""
    if text[-1] not in YAML_BREAKS:
        return hints + "-"
    if len(text) == 1 or text[-2] in YAML_BREAKS:
        return hints + "+"
    return hints


def yaml_unfolded(copy: str) -> str:
    """Undo ``yaml_folded``: a line break between two lines of text is a space,
    each empty line a line break; around a line more indented than the rest
    (one that starts with a space) the line break is kept.  YAML's other line
    breaks (U+0085, U+2028, U+2029) are not read back as such."""
    if copy.endswith("\n...\n"):  # the document's end
        copy = copy[:-4]
    header, _, body = copy.partition("\n")
    if not header.startswith(">") or not copy.endswith("\n"):
        raise ValueError("not a YAML folded block scalar")
    chomping = header[-1:] if header[-1:] in "+-" else ""
    # What is read; the empty lines before the next line; the last line's kind.
    text, pending, previous = [], 0, None
    for line in body.split("\n")[:-1]:
        if not line.strip(" "):
            pending += 1
            continue
        content = line[YAML_INDENT:]
        kind = "more indented" if content.startswith(" ") else "text"
        if previous is None:
            text.append("\n" * pending)
        elif previous == kind == "text":  # folded
            text.append("\n" * pending or " ")
        else:
            text.append("\n" * (pending + 1))
        text.append(content)
        previous, pending = kind, 0
    ending = {"-": "", "": "\n", "+": "\n" * (pending + (previous is not None))}
    return "".join(text) + ending[chomping]
