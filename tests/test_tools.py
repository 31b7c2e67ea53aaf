"""Tools whose outputs of the article the issues name, kept as they wrote them in tests/data.

Each was run on ar_news.txt (read as UTF-8, written back as UTF-8 with
``newline=""``), on Debian 12 with CPython 3.11.7:

- pandas_to_csv.csv and pandas_to_csv_utf8sig.csv: pandas 3.1.1,
  ``pd.DataFrame({"text": [text]}).to_csv(path, index=False)``, and the same
  with ``encoding="utf-8-sig"``;
- mariadb_latin1.txt: MariaDB 10.11.19 (Debian 10.11.19-0+deb12u1), a
  ``TEXT CHARACTER SET latin1`` column written and read over a utf8mb4
  connection (PyMySQL 1.2.4) with ``sql_mode=''`` (strict mode refuses the
  text: error 1366), the value read back saved as UTF-8;
- bs4_get_text.txt and bs4_get_text_newline.txt: beautifulsoup4 4.15.0,
  each line of the article a ``<p>`` (``html.escape``d) in ``<html><body>``,
  ``BeautifulSoup(markup, "html.parser").get_text()`` and ``get_text("\\n")``;
- iconv_translit.txt: iconv of glibc 2.36 (Debian 2.36-9+deb12u14),
  ``iconv -f UTF-8 -t ASCII//TRANSLIT`` in C.UTF-8 (exit 0);
- recode_html.txt: Free recode 3.6 (Debian 3.6-25), ``recode utf8..html``;
- pyyaml_single_quoted.txt: PyYAML 6.0.4,
  ``yaml.dump(text, default_style="'", allow_unicode=True)``;
- ruamel_double_quoted.txt: ruamel.yaml 0.19.1,
  ``YAML().dump(DoubleQuotedScalarString(text), stream)`` (its default
  ``YAML().dump(text, stream)`` writes the same bytes);
- hazm_normalize.txt: hazm 0.10.0, ``Normalizer().normalize(text)``;
- parsivar_normalize.txt: parsivar 0.2.3.1, ``Normalizer().normalize(text)``;
- arabert_v02.txt: arabert 1.0.1, ``ArabertPreprocessor(model_name=
  "bert-base-arabertv02").preprocess(text)``;
- fribidi_default.txt: GNU FriBidi 1.0.8 (Debian libfribidi-bin
  1.0.8-2.1), ``fribidi < ar_news.txt`` with no COLUMNS set (its default
  width of 80).

The email package's bodies are made here with the standard library.
"""

import hashlib
import unittest
from email.message import EmailMessage

import check
from ar_news_diagnosis.table import remade
from tests.support import ORIGINAL, library_output

TEXT = ORIGINAL.decode("utf-8")
OUTPUTS = {
    "pandas_to_csv.csv": "9f3a1e73ad0d4bbcbe8f540ee3ffb721dfbfabb446598fc1c05ffb903a5858f2",
    "pandas_to_csv_utf8sig.csv": (
        "0db54ee312e7aa31124e8ee472d7f3abcdbb859808215f45bb20b54a8b2ac8dd"
    ),
    "mariadb_latin1.txt": "7f7169575579489fbd4e21367ae94feaddf52012274a1b3c0e2b5bdc28d3df49",
    "bs4_get_text.txt": "ac29b695cfb0f818f69ca9e96d8caa81f2227d11257b3c5df5aeb9b166260921",
    "bs4_get_text_newline.txt": (
        "8d6ffdf9075a47a0c22d4aa2bcca4fb9530676ef63f6aa095bd2ad7c3873648b"
    ),
    "iconv_translit.txt": "9015545cdcbcf613028ea27578c9f5b835936e69e052c0dcb581a110510d144f",
    "recode_html.txt": "530befe0e1c36fbd0a508be82b6c0e55bbe027fca2287fa52cbe2b0f87008e21",
    "pyyaml_single_quoted.txt": (
        "e5ddf0e1f46ffb5fe0bb7c9310ae4fe72dd189809cc2298ac3b9043c06766904"
    ),
    "ruamel_double_quoted.txt": (
        "01deb70f78c9c6048c42f72377ac8d96d6394655d1ee8ce32b2bf89557114339"
    ),
    "hazm_normalize.txt": "f5525bfde0cdefb09dead1bcd3bd7c39052e73ab86b66cbfbb9402b895d9c244",
    "parsivar_normalize.txt": (
        "5b87c813b1b8536b685015969cde169f1d02bb2bf4c80b6b3a856d7544fbb79f"
    ),
    "arabert_v02.txt": "d9ae37fb13a206419c3aa174f309ab70054afcca6fa04209f703c774f86fddd3",
    "fribidi_default.txt": "981f2ea0f542592470f88b6d4e0a853ec853a0e47ad533462697c2bcc54366aa",
}
# What each tool's output is named by: a chain of keys among the names given.
NAMED = {
    "pandas_to_csv.csv": ("csv",),
    "pandas_to_csv_utf8sig.csv": ("csv",),
    "mariadb_latin1.txt": ("latin1-column",),
    # Each paragraph's line breaks gone, as a map read off the copy says.
    "bs4_get_text.txt": ("characters-mapped",),
    # get_text("\n") puts one break between paragraphs: the empty lines go.
    "bs4_get_text_newline.txt": ("empty-lines-removed",),
    "pyyaml_single_quoted.txt": ("yaml-single-quoted",),
    "ruamel_double_quoted.txt": ("yaml-ruamel",),
    # ? for what it cannot transliterate: no-break spaces as spaces, curly
    # quotes straightened, harakat dropped, then ASCII (or any code page
    # that holds none of the rest) with ?.
    "iconv_translit.txt": (
        "nbsp-as-space",
        "harakat-removed",
        "quotes-straightened",
        "ascii-replaced",
    ),
    # Shaped as FriBidi shapes, each line cut from its visual left into
    # pieces of 80 columns (marks and U+FEFF taking none), those of a
    # right-to-left line right-aligned with spaces.
    "fribidi_default.txt": ("shaped-fribidi", "visual-order-fribidi-screen"),
    # The flag's two characters as &#65533; (recode holds 16-bit characters
    # only, UCS-2), then each character outside ASCII as a reference.
    "recode_html.txt": ("astral-as-replacement-character", "html-references"),
}
# Not named, and why: what each tool does that no chain of known changes
# makes (the note on issue 26 says more).
UNNAMED = {
    # Normalizers that fix spacing around punctuation and put in ZWNJ by a
    # list of suffixes (hazm, parsivar), or that space out punctuation and
    # join every line into one (arabert): rules of words, not of characters.
    "hazm_normalize.txt",
    "parsivar_normalize.txt",
    "arabert_v02.txt",
}


class ToolsOutputs(unittest.TestCase):
    def test_each_is_as_pinned(self) -> None:
        for name, digest in OUTPUTS.items():
            with self.subTest(name=name):
                self.assertEqual(
                    hashlib.sha256(library_output(name)).hexdigest(), digest
                )
        self.assertEqual(set(NAMED) | UNNAMED, set(OUTPUTS))

    def test_each_is_named_truly_or_not_at_all(self) -> None:
        for name in OUTPUTS:
            copy = library_output(name)
            with self.subTest(name=name):
                difference = check.explain(TEXT, copy)
                whole = [
                    each for each in difference.explanations if each.extent == "whole"
                ]
                for explanation in whole:
                    self.assertEqual(remade(TEXT, explanation.steps), copy)
                if name in NAMED:
                    self.assertIn(NAMED[name], [each.keys for each in whole])
                else:
                    self.assertEqual(whole, [], difference)

    def test_the_email_packages_bodies(self) -> None:
        """EmailMessage.set_content: quoted-printable in lines of 78, and
        Base64 (its default for this text), each after a line break added."""
        named = {}
        for transfer in ("quoted-printable", "base64"):
            message = EmailMessage()
            message.set_content(TEXT, cte=transfer)
            body = message.get_payload().encode("ascii")
            named[transfer] = [
                each.asked for each in check.explain(TEXT, body).explanations
            ]
        self.assertIn(
            ("quoted-printable(writer='email-message')", "newline-added"),
            named["quoted-printable"],
        )
        self.assertIn(
            ("newline-added", "base64(width=76, final=True)"), named["base64"]
        )


if __name__ == "__main__":
    unittest.main()
