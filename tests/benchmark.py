"""Time check.compare, side by side with an older check.py; the suite does not run this.

Usage, from the repository's root::

    python3 tests/benchmark.py [COMMIT]

COMMIT (default fa67e7b, the check.py before the table of keys and the
layered search) is read from git into a temporary folder and imported beside
the current check.py.  Each figure is the best of a few runs, in
milliseconds, on the article unless the input says otherwise.
"""

import importlib
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)

import check
from ar_news_diagnosis.table import remade
from make_article import ARTICLE

DIAGNOSIS = "ar_news_diagnosis"

HARAKAT = "[\u064b-\u0652]"


def older(commit: str):
    """Import check.py as it was at ``commit``, with what it imports beside it.

    They are written into a temporary folder as the package ``old_ar_news``,
    so that an older diagnosis package is not taken for the current one.
    """
    folder = tempfile.mkdtemp(prefix="ar_news_benchmark_")
    package = os.path.join(folder, "old_ar_news")
    names = git("ls-tree", "-r", "--name-only", commit).decode().split("\n")
    for name in ["__init__.py"] + [
        name
        for name in names
        if name in ("check.py", "make_article.py") or name.startswith(DIAGNOSIS + "/")
    ]:
        path = os.path.join(package, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as stream:
            stream.write(git("show", f"{commit}:{name}") if name in names else b"")
    sys.path.insert(0, folder)
    return importlib.import_module("old_ar_news.check")


def git(*arguments: str) -> bytes:
    """What git prints, run in the repository."""
    return subprocess.run(
        ["git", "-C", REPO, *arguments], check=True, capture_output=True
    ).stdout


def best(times: int, run, *arguments) -> float:
    """The fastest of ``times`` runs of ``run(*arguments)``, in milliseconds."""
    figures = []
    for _ in range(times):
        start = time.perf_counter()
        run(*arguments)
        figures.append((time.perf_counter() - start) * 1000)
    return min(figures)


def pipeline(text: str) -> str:
    """The README's per-line loop: NFKC, then harakat removed."""
    return re.sub(HARAKAT, "", unicodedata.normalize("NFKC", text))


def per_line_loop(module) -> None:
    """The README's loop: each line through the pipeline, compared with the line."""
    for line in ARTICLE.split("\n"):
        module.compare(line, pipeline(line))


def inputs() -> "list[tuple[str, str, bytes | str, int]]":
    """(name, expected, copy, runs) for each input timed."""
    text, chance = ARTICLE, random.Random(1)
    paragraphs = text.split("\n\n")
    five = re.sub(f"[\u0640{HARAKAT[1:-1]}]", "", text).replace("\u0629", "\u0647")
    five = five.replace("\u060c", ",").replace("\u061b", ";")
    limit = check.size_limit(text)
    listed = [
        ("identical", text, text, 5),
        ("five letter changes at once", text, five, 5),
        (
            "a hand edit (two paragraphs exchanged)",
            text,
            "\n\n".join([paragraphs[1], paragraphs[0]] + paragraphs[2:]),
            3,
        ),
        ("partial (3 of 10 no-break spaces)", text, text.replace("\xa0", " ", 3), 3),
        (
            "cut short (mojibake, 3000 bytes)",
            text,
            text.encode("utf-8").decode("cp1256").encode("utf-8")[:3000],
            3,
        ),
        ("'ab'*240 against 'aab'*1200", "ab" * 240, "aab" * 1200, 1),
        ("'ab'*480 against 'aab'*2400", "ab" * 480, "aab" * 2400, 1),
        ("114,640 line feeds", text, "\n" * 114640, 1),
        (
            "random bytes, as long as the limit",
            text,
            bytes(chance.getrandbits(8) for _ in range(limit)),
            1,
        ),
        ("one character, as long as the limit", text, "\u0627" * (limit // 2), 1),
    ]
    for change in check.CHANGES:
        made = remade(text, ((change, ()),))
        if made is not None and made != text.encode("utf-8"):
            listed.append((f"alone: {change.key}", text, made, 3))
    return listed


def main() -> None:
    commit = sys.argv[1] if len(sys.argv) > 1 else "fa67e7b"
    old = older(commit)
    print(f"{'input':<52} {'old ms':>9} {'new ms':>9}")
    alone = []
    for name, expected, copy, runs in inputs():
        figures = [
            best(runs, module.compare, expected, copy) for module in (old, check)
        ]
        if name.startswith("alone: "):
            alone.append(figures[1])
        print(f"{name:<52} {figures[0]:>9.1f} {figures[1]:>9.1f}")
    per_line = [best(3, per_line_loop, module) for module in (old, check)]
    print(
        f"{'the per-line loop, NFKC then harakat removed':<52} {per_line[0]:>9.1f} {per_line[1]:>9.1f}"
    )
    print(f"per-line loop: {per_line[0] / per_line[1]:.1f} times faster")
    print(f"each known change alone: at most {max(alone):.1f} ms")


if __name__ == "__main__":
    main()
