"""Time check.compare, side by side with an older check.py; the suite does not run this.

Usage, from the repository's root::

    python3 tests/benchmark.py [COMMIT]
    python3 tests/benchmark.py --thorough
    python3 tests/benchmark.py --worst SEED [--count N]

COMMIT (default fa67e7b, the check.py before the table of keys and the
layered search) is read from git into a temporary folder and imported beside
the current check.py.  Each figure is the best of a few runs, in
milliseconds, on the article unless the input says otherwise.  Last, the
import of the diagnosis package, compiled and from its bytecode.

--thorough runs in full what the suite samples: the property test with more
seeds and rounds, check.py --json over every key's variant, chains drawn
within the search's reach with more seeds, and the accounting's property
test, printing the places a change made that were accounted and the hand
edits accounted to a change (none), the maps drawn and named, by size, and
the copies saved in a codec and written in escapes of parts drawn, and how
many are named.  --worst SEED
times each kind of input that was once slow, each compare alone in a fresh
process, as the first compare of a run pays for what later ones reuse; and
expected texts up to --expected's limit, where the half second is not kept.
"""

import atexit
import collections
import importlib
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)

import check
from ar_news_diagnosis.notations import NOTATIONS, composed
from ar_news_diagnosis.table import remade
from make_article import ARTICLE

DIAGNOSIS = "ar_news_diagnosis"
# A long text of another script: this README, its ASCII characters only.
with open(os.path.join(REPO, "README.md"), encoding="utf-8") as stream:
    README_ASCII = "".join(char for char in stream.read() if char.isascii())

HARAKAT = "[\u064b-\u0652]"


def older(commit: str):
    """Import check.py as it was at ``commit``, with what it imports beside it.

    They are written into a temporary folder as the package ``old_ar_news``,
    so that an older diagnosis package is not taken for the current one.
    """
    folder = tempfile.mkdtemp(prefix="ar_news_benchmark_")
    # Imported from until the run ends, then taken away.
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
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


def import_times() -> "tuple[float, float]":
    """The in-process import of the diagnosis, in milliseconds: compiled, then from its bytecode.

    Each is ``python3 -X importtime`` in a process of its own, on a copy of
    the package with no bytecode: the first without writing any, as from a
    read-only folder; the second after a run that wrote it.  The standard
    library's own bytecode is read as usual.
    """
    folder = tempfile.mkdtemp(prefix="ar_news_import_")
    shutil.copytree(
        os.path.join(REPO, DIAGNOSIS),
        os.path.join(folder, DIAGNOSIS),
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    environment = {
        name: value
        for name, value in os.environ.items()
        if name != "PYTHONDONTWRITEBYTECODE"
    }
    figures = []
    for writes in (False, True, True):
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", f"import {DIAGNOSIS}"],
            cwd=folder,
            capture_output=True,
            check=True,
            env=environment
            if writes
            else {**environment, "PYTHONDONTWRITEBYTECODE": "1"},
        )
        line = next(
            line
            for line in result.stderr.decode().splitlines()
            if line.endswith(f"| {DIAGNOSIS}")
        )
        figures.append(int(line.split("|")[1]) / 1000)  # cumulative microseconds
    shutil.rmtree(folder)
    return figures[0], figures[2]


# A compare alone in a fresh process: the CPU time of explain(), the
# diagnosis imported first, by the file a copy was pickled into.
ALONE = """
import pickle, sys, time
sys.path.insert(0, sys.argv[2])
import check
expected, copy = pickle.load(open(sys.argv[1], "rb"))
check.explain(expected, b"")
start = time.process_time()
check.compare(expected, copy)  # the report too, as check.py prints it
print(time.process_time() - start)
"""


def worst(seed: int, count: int) -> None:
    """Time ``count`` compares of each kind of input, each alone in a fresh
    process, and print the median and the worst CPU time of each kind."""
    import pickle
    import statistics

    chance = random.Random(seed)
    keys = [change.key for change in check.CHANGES]
    limit = check.size_limit(ARTICLE)

    def made(text: str, changes: int) -> bytes:
        while True:
            try:
                return check.variant(*chance.sample(keys, changes), text=text)
            except ValueError:  # changes that cannot be made of this text
                pass

    def any_text() -> str:
        alphabet = chance.choice(
            [
                "abc \n",
                "\u0627\u0644\u0645 \n\u064e",
                "".join(map(chr, range(0x20, 0x3000, 307))),
            ]
        )
        return "".join(chance.choice(alphabet) for _ in range(chance.randint(1, 400)))

    def long_text_and_copy() -> "tuple[str, bytes]":
        """The article, or the ASCII of this README, repeated to a length up
        to check.py's --expected limit, two known changes made of it, and one
        letter written over (a hand edit, so that no chain makes it)."""
        one = chance.choice([ARTICLE, README_ASCII])
        size = len(one.encode("utf-8")) + 1  # and a line feed between
        text = "\n".join([one] * chance.randint(1, check.EXPECTED_LIMIT // size))
        copy = bytearray(made(text, 2))
        at = chance.randrange(len(copy))
        copy[at : at + 2] = "\u0643".encode("utf-8")
        return text, bytes(copy)

    def many_distinct_and_copy() -> "tuple[str, bytes]":
        """A text of up to 400 distinct characters of many scripts (CJK,
        Hangul, Devanagari, Greek...), each up to five times, and a copy."""
        alphabet = chance.sample(range(0x370, 0xD7A3), chance.randint(50, 400))
        text = "".join(chr(code) * chance.randint(1, 5) for code in alphabet)
        return with_copy(" ".join(chance.sample(text, len(text))))

    def at_the_limit() -> "tuple[str, bytes]":
        """A copy of the article as long as its size limit: random ASCII, the
        marks of escapes and error handlers mixed, or one byte or character
        over and over."""
        alphabet = chance.choice(
            [bytes(range(32, 127)), b"\\&#%;\"'Nu{}0123456789abcdef+~?", b"a"]
        )
        if len(alphabet) == 1 and chance.random() < 0.5:
            return ARTICLE, "\u0627".encode("utf-8") * (limit // 2)
        return ARTICLE, bytes(chance.choice(alphabet) for _ in range(limit))

    def two_at_the_limit() -> "tuple[str, bytes]":
        """A copy as long as the article's size limit, or up to four bytes
        shorter: two of the marks of escapes, line breaks and digits, the
        second once or twice, over and over (a code page reads some as bytes
        it leaves undefined; others are escapes' marks; a backslash doubled
        is one escaped); half of them between what a notation or a format
        writes around a text (YAML's quotes took 0.97 s, then its reading of
        a run of spaces did not end)."""
        marks = "\\\n\t %0x?+\"'$&#;=u<"
        first, second = chance.sample(marks, 2)
        unit = first + second * chance.randint(1, 2)
        before, after = chance.choice(
            [("", "")] * 5
            + [('"', '"\n'), ("'", "'"), ('["', '"]'), ("<~", "~>")]
            + [("=?utf-8?q?", "?=")]
        )
        length = limit - chance.randint(0, 4) - len(before) - len(after)
        body = (unit * (limit // 2 + 1))[:length]
        return ARTICLE, (before + body + after).encode("ascii")

    def change_at_the_limit() -> "tuple[str, bytes]":
        """A copy as long as the article's size limit: what a known change
        drawn makes of a line of the article, over and over (a mail header's
        encoded words so took 3.6 s)."""
        line = chance.choice([line for line in ARTICLE.split("\n") if line])
        written = made(line, 1)
        return ARTICLE, (written * (limit // len(written) + 1))[:limit]

    def run_in_the_text() -> "tuple[str, bytes]":
        """An expected text of up to 30,000 characters, most of them one run
        of whitespace between two words (trailing whitespace stripped took
        2 s), and a copy."""
        run = chance.choice([" ", "\t", " \t", "\n", " \n", "\u3000"])
        text = "x" + run * chance.randint(1000, 29_990 // len(run)) + "y"
        return with_copy(text)

    def escapes_at_the_limit() -> "tuple[str, bytes]":
        """A copy as long as the article's size limit: escapes of many
        notations, quotes and backslashes mixed, or the article written in
        a notation drawn, over and over."""
        if chance.random() < 0.5:
            tokens = [
                *("\\u0627", "\\u{627}", "\\x{627}", "\\U0001f1e8", "\\330\\247"),
                *(
                    "&#1575;",
                    "&amp;",
                    "%D8%A7",
                    "=D8",
                    "M-X",
                    "\\N{ARABIC LETTER ALEF}",
                ),
                *('"', "'", "$'", "\\n", "\\\\", "a", " "),
            ]
            copy = "".join(chance.choice(tokens) for _ in range(limit // 4))
        else:
            notation = chance.choice(sorted(NOTATIONS))
            around = chance.choice([("", ""), ('"', '"'), ("'", "'")])
            written = composed(
                ARTICLE, notation, "every character", around, "escaped", ()
            )
            copy = written * (limit // len(written) + 1)
        return ARTICLE, copy.encode("utf-8")[:limit]

    def shorts_at_the_limit() -> "tuple[str, bytes]":
        """A copy as long as the article's size limit: a few characters of the
        article and a line break or a tab, each written in a family of
        backslash escapes drawn, those short (\\n), over and over, in quotes
        or not (\\u0627\\n so, in single quotes, took 2.2 s a whole process)."""
        notation = chance.choice(
            [key for key in sorted(NOTATIONS) if NOTATIONS[key].backslash]
        )
        unit = "".join(chance.sample(ARTICLE, chance.randint(1, 3)))
        unit += chance.choice("\n\t\r")
        written = composed(unit, notation, "every character", ("", ""), "\\n", ())
        before, after = chance.choice([("", ""), ('"', '"\n'), ("'", "'\n")])
        body = written * (limit // len(written) + 1)
        return ARTICLE, (before + body[: limit - 4] + after).encode("utf-8")

    def a_few_over_and_over() -> "tuple[str, bytes]":
        """One character, or two or three, over and over, as long as the
        article's size limit or shorter, in quotes or not (a run of spaces
        in single quotes took 40 s; abc over and over, 48,000 characters,
        0.77 s a whole process)."""
        alphabet = " \t\n\\\"'%&=#;a0\u0627\xa0{}$<>+-_~^Mx?*.,/|()[]@!:\u200fUN"
        unit = "".join(chance.choice(alphabet) for _ in range(chance.randint(1, 3)))
        length = chance.choice([limit, chance.randint(1_000, limit)])
        before, after = chance.choice(
            [("", ""), ('"', '"\n'), ("'", "'\n"), ("$'", "'")]
        )
        body = (unit * (length // len(unit) + 1))[: length - len(before + after)]
        return ARTICLE, (before + body + after).encode("utf-8")[:limit]

    def cut(copy: bytes) -> "tuple[str, bytes]":
        return ARTICLE, copy[: chance.randrange(1, len(copy))]

    def with_copy(text: str) -> "tuple[str, bytes]":
        if chance.random() < 0.5:
            return text, made(text, chance.randint(1, 2))
        return text, any_text().encode("utf-8")

    kinds = {
        "one random byte, or random bytes": lambda: (
            ARTICLE,
            bytes(
                chance.getrandbits(8)
                for _ in range(chance.choice([1, 2, 10, 1000, limit]))
            ),
        ),
        "random Unicode, lone surrogates too (48 KB)": lambda: (
            ARTICLE,
            "".join(chr(chance.randrange(0x110000)) for _ in range(12000)).encode(
                "utf-8", "surrogatepass"
            ),
        ),
        "the article, two known changes, cut short": lambda: cut(made(ARTICLE, 2)),
        "the article, two known changes made whole": lambda: (
            ARTICLE,
            made(ARTICLE, 2),
        ),
        "at the size limit: random ASCII, escapes' marks, a run": at_the_limit,
        "at the size limit: escapes of many notations": escapes_at_the_limit,
        "at the size limit: two marks, over and over, framed": two_at_the_limit,
        "at the size limit: escapes and short ones, over and over": (
            shorts_at_the_limit
        ),
        "up to the size limit: a few characters over and over": a_few_over_and_over,
        "at the size limit: a known change of a line, over and over": (
            change_at_the_limit
        ),
        "a random expected text and a copy": lambda: with_copy(any_text()),
        "an expected text of a long run of whitespace, and a copy": run_in_the_text,
        "many distinct characters, and a copy": many_distinct_and_copy,
        "a text repeated, to 256 KiB, and a copy": long_text_and_copy,
    }
    drawn = {name: [make() for _ in range(count)] for name, make in kinds.items()}
    # A copy of one byte: each of them, as a code page reads some as a letter.
    drawn["each copy of one byte (256)"] = [(ARTICLE, bytes([b])) for b in range(256)]
    print(f"{'input (each compare alone, CPU s)':<46} {'median':>7} {'worst':>7}")
    with tempfile.TemporaryDirectory(prefix="ar_news_worst_") as folder:
        path = os.path.join(folder, "input")
        for name, inputs in drawn.items():
            figures = []
            for each in inputs:
                with open(path, "wb") as stream:
                    pickle.dump(each, stream)
                result = subprocess.run(
                    [sys.executable, "-c", ALONE, path, REPO],
                    capture_output=True,
                    check=True,
                    text=True,
                )
                figures.append(float(result.stdout))
            median, most = statistics.median(figures), max(figures)
            print(f"{name:<46} {median:>7.2f} {most:>7.2f}")


# The accounting's property test in full: copies drawn with these seeds.
ACCOUNTING_SEEDS = tuple(range(200, 210))
ACCOUNTING_DRAWS = 20
# And the maps' property test: maps of characters drawn with these seeds.
MAP_SEEDS = tuple(range(300, 305))
MAP_DRAWS = 40
# And the codecs' property test: copies saved in a codec drawn with these seeds.
CODEC_SEEDS = tuple(range(400, 405))
CODEC_DRAWS = 40
# And the escapes of parts': copies written in parts drawn with these seeds.
NOTATION_SEEDS = tuple(range(500, 505))
NOTATION_DRAWS = 40


def recall_told(drawn_what: str, recall, seeds: tuple, draws: int) -> "list[str]":
    """Print how many of the copies ``recall(seed, draws)`` draws with each
    seed are named; return the names that do not make their copy."""
    drawn = named = 0
    false = []
    for seed in seeds:
        figures = recall(seed, draws)
        drawn, named = drawn + figures[0], named + figures[1]
        false += map(str, figures[2])
    print(
        f"{len(seeds)} seeds x {draws} {drawn_what} drawn:"
        f" {named} of {drawn} named ({named / drawn:.1%})"
    )
    return false


def thorough() -> None:
    """Run the suite's sampled tests in full: the property test with more
    seeds and rounds, check.py --json over every key's variant, chains
    within reach, lines of kinds, and the properties of the accounting, of
    maps read off a copy, of codecs and of escapes of parts, with their
    figures."""
    import unittest

    from tests.test_accounting import tally
    from tests.test_api import ONE_LINE, VARIANT_SHA256, Command
    from tests.test_codecs import recall as codec_recall
    from tests.test_kinds import LineOfKinds
    from tests.test_maps import recall
    from tests.test_notations import recall as notation_recall
    from tests.test_reach import EveryChainWithinReachIsNamed
    from tests.test_true_names import RandomChainsAreNamedTruly

    class ManyRandomChains(RandomChainsAreNamedTruly):
        SEEDS = (11, 21, 31, 41)
        ROUNDS = 60
        HOSTILE_SEEDS = (12, 22, 32)

    class EveryKeyAsJson(Command):
        JSON_KEYS = tuple(key for key in VARIANT_SHA256 if key not in ONE_LINE)

    class ManyChainsWithinReach(EveryChainWithinReachIsNamed):
        SEEDS = tuple(range(100, 106))
        DRAWS = 60

    class ManyLinesOfKinds(LineOfKinds):
        SEED, DRAWS = 70, 600

    loader = unittest.defaultTestLoader
    suite = unittest.TestSuite(
        [
            loader.loadTestsFromName(
                "test_every_name_remakes_the_copy", ManyRandomChains
            ),
            loader.loadTestsFromName(
                "test_hostile_copies_name_nothing_falsely", ManyRandomChains
            ),
            loader.loadTestsFromName("test_json_over_variants", EveryKeyAsJson),
            loader.loadTestsFromName(
                "test_each_copy_is_named_by_a_chain_that_makes_it",
                ManyChainsWithinReach,
            ),
            loader.loadTestsFromName(
                "test_each_word_is_true_of_the_places", ManyLinesOfKinds
            ),
        ]
    )
    start = time.perf_counter()
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    accounted = made_by_tools = 0
    false = []
    for seed in ACCOUNTING_SEEDS:
        figures = tally(seed, ACCOUNTING_DRAWS)
        accounted, made_by_tools = accounted + figures[0], made_by_tools + figures[1]
        false += figures[2]
    print(
        f"accounting: {len(ACCOUNTING_SEEDS)} seeds x {ACCOUNTING_DRAWS} copies:"
        f" {accounted} of {made_by_tools} places a change made accounted"
        f" ({accounted / made_by_tools:.1%}); hand edits accounted to a change: {len(false)}"
    )
    print("\n".join(false))
    drawn, named, mapped_falsely = collections.Counter(), collections.Counter(), []
    for seed in MAP_SEEDS:
        figures = recall(seed, MAP_DRAWS)
        drawn, named = drawn + figures[0], named + figures[1]
        mapped_falsely += figures[2]
    print(
        f"maps: {len(MAP_SEEDS)} seeds x {MAP_DRAWS} maps, named by size:",
        ", ".join(f"{size}: {named[size]} of {drawn[size]}" for size in sorted(drawn)),
        f"; named falsely: {len(mapped_falsely)}",
    )
    false += map(str, mapped_falsely)
    false += recall_told(
        "copies saved in a codec", codec_recall, CODEC_SEEDS, CODEC_DRAWS
    )
    false += recall_told(
        "copies written in escapes of parts",
        notation_recall,
        NOTATION_SEEDS,
        NOTATION_DRAWS,
    )
    print(
        f"thorough: {len(ManyRandomChains.SEEDS)} seeds x {ManyRandomChains.ROUNDS} rounds,"
        f" {len(ManyRandomChains.HOSTILE_SEEDS)} hostile seeds,"
        f" {len(EveryKeyAsJson.JSON_KEYS)} keys as JSON,"
        f" {len(ManyChainsWithinReach.SEEDS)} seeds x {ManyChainsWithinReach.DRAWS}"
        " chains within reach,"
        f" {ManyLinesOfKinds.DRAWS} lines of kinds:"
        f" {time.perf_counter() - start:.0f} s"
    )
    sys.exit(not result.wasSuccessful() or bool(false))


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "commit",
        nargs="?",
        default="fa67e7b",
        help="the older check.py to time beside the current one (default: %(default)s)",
    )
    parser.add_argument(
        "--thorough",
        action="store_true",
        help="instead of timing, run the tests the suite samples in full",
    )
    parser.add_argument(
        "--worst",
        metavar="SEED",
        type=int,
        help="instead, time each kind of input alone in fresh processes, drawn with SEED",
    )
    parser.add_argument(
        "--count",
        type=int,
        default=12,
        help="with --worst, how many inputs of each kind (default: %(default)s)",
    )
    options = parser.parse_args()
    if options.thorough:
        thorough()
    if options.worst is not None:
        worst(options.worst, options.count)
        return
    old = older(options.commit)
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
    compiled, cached = import_times()
    print(
        f"importing the diagnosis: {compiled:.1f} ms compiled, {cached:.1f} ms from bytecode"
    )


if __name__ == "__main__":
    main()
