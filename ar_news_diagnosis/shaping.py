"""Arabic shaping: each letter written as its presentation form, and back.

The forms and how each letter joins are read off ``unicodedata``'s
decompositions of the presentation forms (U+FB50 to U+FDFF, U+FE70 to
U+FEFF): a letter with an ``<initial>`` form joins both ways, one with only
a ``<final>`` form joins the letter before it.  ``shape`` writes what
arabic-reshaper writes, or FriBidi; ``unshape`` undoes either.
"""

import functools
import re
import unicodedata

from .text import ALEFS, HARAKAT

# A letter's position in its word, by whether it joins the letter after it
# and the letter before it: POSITIONS[joins_after + 2 * joins_before].
POSITIONS = ("<isolated>", "<initial>", "<final>", "<medial>")
TATWEEL = "\u0640"  # joins both ways, though it has no forms of its own
LAM = "\u0644"
LAM_ALEF_LIGATURES = "[\ufef5-\ufefc]"
PRESENTATION_FORMS = "[\ufb50-\ufdff\ufe70-\ufefe]"


@functools.lru_cache(maxsize=None)
def presentation_forms() -> "tuple[dict[str, str], dict[str, str]]":
    """Two maps, built on first use: each presentation form to the letters it
    stands for, and the letters followed by a position (``"<final>"``) to their form."""
    letters_of, form_of = {}, {}
    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
        tag, *letters = unicodedata.decomposition(chr(code)).split() or [""]
        if tag in POSITIONS:
            written = "".join(chr(int(letter, 16)) for letter in letters)
            letters_of[chr(code)] = written
            form_of.setdefault(written + tag, chr(code))
    return letters_of, form_of


@functools.lru_cache(maxsize=4096)  # shaping asks for each character of a text
def joining(char: str) -> str:
    """How a character joins, read off its presentation forms: D both ways, R to the one before it.

    A combining mark (T) is passed over; anything else (U) joins neither way.
    """
    form_of = presentation_forms()[1]
    if char == TATWEEL or char + "<initial>" in form_of:
        return "D"
    if char + "<final>" in form_of:
        return "R"
    return "T" if unicodedata.category(char) == "Mn" else "U"


def shape(
    text: str, fribidi: bool = False, isolated: bool = True, ligatures: bool = True
) -> str:
    """Write each Arabic letter as its presentation form for its place in the word.

    As arabic-reshaper does: lam before alef becomes one ligature, across
    harakat, which follow it; hamza, which joins neither way, in its
    isolated form.  ``fribidi``: as FriBidi does: the ligature only with no
    haraka between, U+FEFF in the lam's place, hamza left as it is.  Not
    ``isolated``: a letter that joins neither way left as it is, as text
    extracted from a PDF has it where the font's glyph for the letter alone
    maps back to the letter.  Not ``ligatures``: lam and alef each in its
    form, as arabic-reshaper writes them with ``support_ligatures`` off.
    """
    form_of = presentation_forms()[1]
    kinds = list(map(joining, text))
    letters = [index for index, kind in enumerate(kinds) if kind != "T"]
    shaped, ligated = list(text), set()  # ligated: alefs in a ligature
    for number, index in enumerate(letters):
        char, kind = text[index], kinds[index]
        before = kinds[letters[number - 1]] if number else "U"
        following = letters[number + 1] if number + 1 < len(letters) else None
        after = kinds[following] if following is not None else "U"
        joins_before = kind in "DR" and before == "D"
        joins_after = kind == "D" and after in "DR"
        if index in ligated or (kind == "U" and fribidi):
            continue
        if (
            ligatures
            and char == LAM
            and following is not None
            and text[following] in ALEFS
            and (not fribidi or following == index + 1)
        ):
            position = "<final>" if joins_before else "<isolated>"
            ligature = form_of[char + text[following] + position]
            shaped[index] = "\ufeff" if fribidi else ligature
            shaped[following] = ligature if fribidi else ""
            ligated.add(following)
            continue
        position = POSITIONS[joins_after + 2 * joins_before]
        if isolated or position != "<isolated>":
            shaped[index] = form_of.get(char + position, char)
    return "".join(shaped)


def unshape(text: str) -> str:
    """Write presentation forms as their letters again.

    A shaper that joins lam and alef into one ligature writes the harakat
    of the lam after it: they go back between the two letters.
    """
    letters_of = presentation_forms()[0]

    def lam_harakat_alef(match: "re.Match[str]") -> str:
        lam, alef = letters_of[match[1]]
        return lam + match[2] + alef

    # FriBidi keeps the lam's place in a lam-alef ligature with U+FEFF, before it.
    text = re.sub(f"\ufeff([{HARAKAT}]*)({LAM_ALEF_LIGATURES})", r"\2\1", text)
    text = re.sub(f"({LAM_ALEF_LIGATURES})([{HARAKAT}]+)", lam_harakat_alef, text)
    # Looked for first: str.translate reads each character of a text outside
    # ASCII through the table (15 ms for 380,000 of them), and most hold none.
    if not re.search(PRESENTATION_FORMS, text):
        return text
    return text.translate(letters_table())


@functools.lru_cache(maxsize=None)
def letters_table() -> "dict[int, str]":
    """For ``str.translate``: each presentation form to its letters."""
    return {ord(form): letters for form, letters in presentation_forms()[0].items()}
