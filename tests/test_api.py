"""The names as data: explain(), variant(), assert_same(), check.py --json and --expected, make_article.py --as.

Copies are made here on the tests' own terms.  The variants' SHA-256 are
pinned below: the same on every CPython 3.8 to 3.13; a few are also checked
against the standard library's own writers.
"""

import base64
import binascii
import codecs
import hashlib
import json
import os
import quopri
import random
import re
import shutil
import subprocess
import sys
import unicodedata
import unittest
import urllib.parse

import check
from tests.support import DIAGNOSIS, FIXTURE, HANG, ORIGINAL, RepoCopyTestCase

TEXT = ORIGINAL.decode("utf-8")

VARIANT_SHA256 = {
    "newline-added": "5b0cace8445781de8542809bdcd5896890ff02ffba8bfe688cfa553382997c2f",
    "crlf": "aee67622d028114b5d984eca4beb515a614c770b58ba941832d680d2e2fe69d3",
    "nbsp-as-space": "a6a2fbc76fabbe8f9c9ff6efe2c6bb94f8abc0c9bdc95472daf529ea84b72539",
    "rstrip": "391622ce837c55843f579acaa7502d501079c9e411888faa4401bfa99ff241d8",
    "nfd": "5b1b5d66e429a97f8436b0d0e3c1df0c1831cff44599bdd858f25828b0794efc",
    "nfkc": "a6a2fbc76fabbe8f9c9ff6efe2c6bb94f8abc0c9bdc95472daf529ea84b72539",
    "nfkd": "217c2d426ad0bb281855d190457240b552200b3afce7942a67cdfec69826a3b8",
    "utf8-read-as-latin1": "e35ff2da29852d01cd3a1b10069761a077e7292961fbefcde398d58139614c8e",
    "utf8-read-as-cp1252": "8571cba20ae28914f4571645f0095f8a70628461daf73aaf66d5ef6308e544ea",
    "tatweel-removed": "d63753938f6ed5f7ad835bb720ee4320d62fba6fa025cc061c52f4dc53beb7fb",
    "harakat-removed": "0d7b8f8387aa3e06d65e28309b345ac0c32431430886e6ff0a4bce1c50e60511",
    "alef-unified": "f3db8ce7df01b6dc27b2a9808d12cc23c922c7b4824e0ffdf5f81ea4e8c100ff",
    "teh-marbuta-as-heh": "49dec1d00f95732e62cb8eca0c72da61603c5916a13415ff39095b442c471d26",
    "alef-maqsura-as-yeh": "f51bcfe7573d29e0016f78eae0cc0d02c1b3a25ea99581e6e84f8b73af1e594d",
    "arabic-indic-digits": "c2c5e73642909ddacdf215e81712debcfef29234366419bda6aabf88628d7aa6",
    "quotes-straightened": "9ec9692701955b0e0efed8793ced800da80401a4c4d522a469cab2f89f018eff",
    "arabic-comma": "06f6880a3710e7edcb02ccbd50af6f52f77a1abd52ab04fd9d5657106d65c25e",
    "arabic-semicolon": "4ddf1ef26de78eb16d1627c7f08d1f2e076ea05b34d5f22f868921c39c9b96ab",
    "cr": "aec8a391d9dd698f9c94c9772da2aa6fc8b8576297c6a168cd187c561f658a80",
    "rstrip-regex": "0b05f530f73512c0c1de647f5ec52426d1da9945034e79c3da99309d69f311e0",
    "utf8-read-as-cp1256": "d8b78fe60a9569263c72fca2818769ce89ca891f047195c0c1356e4a24705729",
    "utf8-read-as-mac-roman": "5b5067916f84e83afdbe8ae4b2740164ed64b4a228da29b1cbc3a22dc4634f5e",
    "farsi-yeh": "c36cfb4eb0e97ac169ad15b788eec563f77e64ef65b8be852c77fd99cb96c932",
    "alef-maqsura-as-farsi-yeh": "10f6ca9c56ddad5e5d0d3348dc5b1a8533356d54f0f2f400add148d91f0e87ad",
    "keheh": "37bace449bbdee484e22c0309cec1b4ddfcd25007a9818a9af35b68d3beee888",
    "persian-letters": "025cab139a67fa42903cc15124b482fdab260fc7a1c10e4caa4e24e427a79493",
    "persian-digits": "397bb8dbdaf91c020fe1a43b5f75c4e07705bfda14d22e7670985357a50aafa4",
    "hamza-unified": "51b2847cb71882dca9fecf9e6bfd9d7bd99701fae576a5c43550a99b8d8469af",
    "hamza-madda-as-two": "b5a277018254e1e14c701ba7869442eafd31944ff7412ce1ed379d3b62a5b6bb",
    "lucene-normalized": "f26230aaec488112c44ea50f75e361628e90310c86b2fd34ad21341892f98a71",
    "astral-as-question-marks": "fa57d3f70125b6f1716514396025f6f683533a7acf355ed7ddaee985bcc26a53",
    "astral-removed": "155043dfcea81f5740c13bc602a36a5bcdd42d58d7ec6323f7ecba9a52ad1fdf",
    "whitespace-collapsed": "8e20240fbb4416d2218429db144a4d152e4d57a295c7d5c12da34cfd8a3d48c1",
    "nbsp-removed": "376325add62652fedfbc915ee1cf31dc52e3feee2ab7999474479db631756ea7",
    "line-breaks-as-spaces": "2308fdb37382a4720a0b16b5eedeb9e67f5601c30cf557628f3a133fff2a59ef",
    "empty-lines-removed": "8d6ffdf9075a47a0c22d4aa2bcca4fb9530676ef63f6aa095bd2ad7c3873648b",
    "wrapped": "dcb341ad053937137bd6b2f2e81170d6aff46d2b55964bf6e673eb43476018a4",
    "folded": "1b018a22f3227bf8fbf1c8b43c13fe152655d6ce9ce8c337d92d8669eba1a44b",
    "indented": "405770d32ab79579232cab732968e13bfe540c35538fd8782d14e241a0aadd54",
    "hamza-taken-off": "8e021c538a7df82d0bf6b2ee3fc537054017999e041e8b0f09956e5342cd076d",
    "visual-order-rtl": "bd6239d5b78444036f755b1c89b193fc85c5dc9cab84845ff0cd4e1a5a83043e",
    "visual-order-breaks-kept": "c54acc37f6c9daf27b404d4cb486d659fe8cc71209c78dcdb134a971432846b2",
    "visual-order-rtl-breaks-kept": "67ed6d25234e31255138ed7f90eb00bf707388a40cb1cea79aa3f43d40c68f69",
    "visual-order-rtl-lines-reversed": "bfede1f87d7b0ac4ab83f2a2508794705cbde2cd3fd3c48520d5af8bae507890",
    "alef-maqsura-as-alef": "c3412bd8bcfe39fd1ab87f82ce496059054ec87a4fb2d599ed0e715770163bfe",
    "astral-as-replacement-character": (
        "75642f6f57076367df81e270c2cbaefc6250bf752ac2d8d1237cd433e1bd834a"
    ),
    "utf8-bom": "c18bf32ac1c1e2c4cbe7258f61265fd9cafa8f98d61a8a58f06a8dafbd302a25",
    "utf16le": "207d11e7fe3877d148be69e2981942c2f564cedebdc5ab604bf460b8c66bc44c",
    "utf16be": "569dd6f0305e48768f909241657deb7f09aecf7f55b04b97f41feb40c37c6b05",
    "utf16le-bom": "84ed98be2ee84958ff5e203d84375a970a283a08c3362adfa7edbbc4013095b6",
    "utf16be-bom": "cec93ea761b2f4e7b34af16b248dc2e2ac129df1446103e736b5a89b9b390e54",
    "utf32le": "690c4574f50194310adba97d87d53b0a4dfe671df60e3d4e67ca8c249ac9f9fb",
    "utf32be": "5d3ad53e0f0abdc510881f314f9e2d6e697351279a6a4f2131bc3df9856c9afa",
    "utf32le-bom": "9dffa29f4203bc4792a59b3ba3ca84bed7e8dfeee778739aaebb0e02e38b1a91",
    "utf32be-bom": "f831135556517705b221122df4696ab58140fa25a82cc5f87119f3e792486fb8",
    "cesu-8": "21f4acf9812e1d9f0592e3f349e2df3c10ebf9050b4d57e3a6f2dfe8eceeb94e",
    "seven-bit": "2ab09e0c6d198ad512e485f12c35faaa773414a58307294506251b23e41ff02d",
    "utf16-low-byte": "80116a860e07fc6b0fc1ec837213c7898badb276a386285991913286dd588616",
    "cp1256-per-unit": "6b280005ab69f9b8e5477a21bb10a920c1ff6c378b69ab9027f3b0a181f016e3",
    "iso-8859-6-per-unit": "9598ebd66ba466609ee23c9e57649b75c7ae15a8839e8e2d2779d6f5fe51c5c2",
    "cp720-per-unit": "ad8663dbd2362d82677b4f466d199a24ee9155ffd83ef3bd601bac6a916051ab",
    "latin-1-per-unit": "4d6c26a26b719c8bbcc88620134a9f9f932bc9c50a8853a8d9c34c74fc28e176",
    "cp1252-per-unit": "99c28310b9aa6729567989a70047b726b78342d2b4a02d80deaef567f0a58dca",
    "cp1256-per-unit-read-as-latin1": "fc5dd0a916d65f9546a5ed803d6373bad3d396a368afacb1ec57ad05696d4cd0",
    "cp1256-per-unit-read-as-cp1252": "542a1d9dca870eefc2d7e8ac130943357c4c416ec80286009ec8d4e9564849e8",
    "cp1256-per-unit-read-as-utf8": "f5742e054e4e00ade2e168b9cf19f54672a7ac2cfa6f46f234143dd17469f698",
    "iso-8859-6-per-unit-read-as-latin1": "68572280a365a8a35738d918b81b3cd38841fb283e47f640e732dc52e8e08d49",
    "iso-8859-6-per-unit-read-as-cp1252": "68572280a365a8a35738d918b81b3cd38841fb283e47f640e732dc52e8e08d49",
    "iso-8859-6-per-unit-read-as-utf8": "fac5a40120e6ce0f4a360fbc2c8bfa789039f83dcd26258d8f97e0a21ecfeebb",
    "mac-arabic-replaced": "5bd4cd25be79efed93c4f52a01eb9f5b7ba2f16183d7352ecc2306f253ec45cb",
    "cp1256-replaced": "b905ff010343274af012a4263db699408fa319739b342df1acd482673b599897",
    "cp1256-sub": "1019f374622b26fab27b8a78c9ff9319e78d1391624b595879c30fe30820eb8f",
    "cp1256-dropped": "3cb7cc9ea831d0a9048470e614d7188e489d0614380a714efab351492b1a1c24",
    "iso-8859-6-replaced": "c4057836191a8ec6bfa07dc1516c03588fc13ba0a876dca95fa4aba3c6110243",
    "iso-8859-6-sub": "ccdeb610d3fff32268dab8a28cb923b42a28d247bb809a82dbeb398093f61b80",
    "iso-8859-6-dropped": "3657c409f3fe69ed5cfd6755864aac53156bd60a3e6849b54ddf9aecfafa5e98",
    "cp720-replaced": "0463d452f275b1d9f0956f16b6e4668702e7902a78ff73a3cf4bd16b5f6f47fe",
    "cp720-sub": "2f56f6ecd1a29933f083272680b02d43974ca059aa981eb22161b94eab2b7b81",
    "cp720-dropped": "173aae33e4ff5c6acaf944433480ec38ae7e5167174610f77d34dd7ba3f986db",
    "latin-1-replaced": "cfc7235feeeb324f1c60d3b1ee703ce809ccc0caf964f21390a5ccbe44498ff8",
    "cp1252-replaced": "6a3a859968538fe87b223005146420286487acc8b1ad0f36bf53c031f9d7c1de",
    "cp1256-replaced-read-as-latin1": "4f8fd40be2af8a39a38eef5db7e2359f924b56a94eca1b891c10e704f0361719",
    "cp1256-replaced-read-as-cp1252": "f8c3dae27aabc928f4db3ee2a8cd62136081c23b596776fd02f7e17ff12f4ef2",
    "cp1256-replaced-read-as-utf8": "8ede0d8c17d0f5bacf1cf2d8ce0e3fca3b5ddcea4ef67f931b209e0f4d70c5d4",
    "cp1256-sub-read-as-latin1": "8173658d8c1bd7ac110c6bd1b11024e31ca18396f95537db70bbbcfad5d2c02e",
    "cp1256-sub-read-as-cp1252": "439ff23944d75a50632fbd1d7d907dbed299c6fa7596d7636f0bbc5846c4eaf2",
    "cp1256-sub-read-as-utf8": "4d3f11a71f0c0aac18aa84f9b061b3fb530afb78db45111081aceb03cf5ff6ab",
    "cp1256-dropped-read-as-latin1": "ba466e9e32fb8f19775d4dc1987217f54d910008252b7865e1956251b348f1a5",
    "cp1256-dropped-read-as-cp1252": "9a48dfa3601e317326e9cead784082537ac66fadd8490de8522d421d968d0035",
    "cp1256-dropped-read-as-utf8": "13d93dba8144d4d521976fde12289a46743d1649dd80c98c6bfea5756976df9c",
    "iso-8859-6-replaced-read-as-latin1": "6b5d89761caf8fc8a98cbd290afcf0d252c7ce9342d3da14662e8587ad4857a9",
    "iso-8859-6-replaced-read-as-cp1252": "6b5d89761caf8fc8a98cbd290afcf0d252c7ce9342d3da14662e8587ad4857a9",
    "iso-8859-6-replaced-read-as-utf8": "f7c2cb5f3cd886a718ce97e196384b0b88df5d8bf76b266a76aca14040eb1122",
    "iso-8859-6-sub-read-as-latin1": "7de8e2cab894b5e0a913af6593e3e92f974e8efeea2dbb5d68f45234993df0c2",
    "iso-8859-6-sub-read-as-cp1252": "7de8e2cab894b5e0a913af6593e3e92f974e8efeea2dbb5d68f45234993df0c2",
    "iso-8859-6-sub-read-as-utf8": "8813239a11081968d1a3d0154946d129d91c1abce46c7ac4582f643585dc4b62",
    "iso-8859-6-dropped-read-as-latin1": "f56e0ecb4f9686460fa95d901a179ae8c0db7c9b98ff7799addb518366f5ecd6",
    "iso-8859-6-dropped-read-as-cp1252": "f56e0ecb4f9686460fa95d901a179ae8c0db7c9b98ff7799addb518366f5ecd6",
    "iso-8859-6-dropped-read-as-utf8": "cc0bc2fc53d293ef6bbbcb62f0869e1d69b24994f71ad927792c56c99e80835f",
    "zero-width-inserted": "f258b0e5af60b1088ca0aea1ca2b74c68273fce5debad1161fcb20f2f325c03c",
    "marks-inserted": "0eebf457f7cb47bb4ef237eb1674bf10b7dede4cb24c8b9812cd3222ef6c876c",
    "shaped": "b2fdca0bff30bf2ab411e7efbe848be9fb854f185ffa4e7dd96b6fbbb2406142",
    "shaped-fribidi": "a68c61cd274cbbc83f73f52adf83779e8f1c21da6fb1d398ef6f0e116c6095ac",
    "shaped-no-ligatures": "6e1c40cf1c225430d05f9358f052353c9acc25b10be0fd98d16bb2d016b17093",
    "visual-order": "e4218d4f52c7e8637fac34f1264c17b4cfdd3b4c73cf3c07c51f72b58a3eab9a",
    "visual-order-marks-after": "7058eeaf8df28402e4e1f2fd7af6a2466f9e63afa22a7e9b010bce83c6448ea3",
    "visual-order-fribidi-screen": (
        "7d947e9e9efcf19d975f3f6b95fe46e2fde3214bd5b20b4d46346068574e2327"
    ),
    "lines-reversed": "f14b68df09a7f6fdc8be4c60856271cfeb8d483b5fbcba3b1c98b950efd5400a",
    "json": "4b7da2f288f689cb1811125f8a5b9f5940cef09d6b5d2d41c305b06de2c54f35",
    "yaml": "dfa47a4e638888f0409ffe45d7aa067404087bf51099e98a47be59bba87d3e7c",
    "yaml-folded": "ac8be89e4ef2cfec4ad6f7b56990fae595681d4cf5d2de4485d17e8745a6fe83",
    "xxd": "df43fcd7504c606e4bce2e4b9eaa6fae488838ab69862d6ec351b464136a6aa4",
    "hexdump-c": "fef0a209f4be133611d4654f7e022097aff92029087f05ec2a7cefb12bfd367f",
    "od": "d44edf4fb96c11fecb802c184b3ea8cfe22874fa1f258d47d6669e0c9a367e09",
    # MariaDB 10.11.19's latin1 column, tests/data/mariadb_latin1.txt.
    "latin1-column": "7f7169575579489fbd4e21367ae94feaddf52012274a1b3c0e2b5bdc28d3df49",
    # python-bidi 0.4.2's get_display(text), tests/data/pybidi042_default.txt.
    "visual-order-one-paragraph": (
        "d8e100c20fbd2334b25c3b76eb7a89b03cfd9fa60d416e38cca9211f6402a41b"
    ),
    # PyYAML 6.0.4's, tests/data/pyyaml_single_quoted.txt.
    "yaml-single-quoted": (
        "e5ddf0e1f46ffb5fe0bb7c9310ae4fe72dd189809cc2298ac3b9043c06766904"
    ),
    # ruamel.yaml 0.19.1's, tests/data/ruamel_double_quoted.txt.
    "yaml-ruamel": "01deb70f78c9c6048c42f72377ac8d96d6394655d1ee8ce32b2bf89557114339",
    # Its first form is Rust's escape_default: rustc 1.95.0's output of the
    # article has this digest (tests/data/rust_escape_default.txt).
    "escaped": "177ffab604d3b4b224e626019d4d0c8b68d7c48e8b8e5f3d2de415bd78dba9c2",
    # urllib.parse.urlencode({"text": TEXT})
    "form-field": "edbd640b6385d5ac340657c44967467f1cd0934a029e44951e0cd3c7ee201026",
    # Of the headline (ONE_LINE): email.header.Header(headline, "utf-8").encode().
    "encoded-words": "bd5d677c59550a57aee6211617a9124da21ce6b160a5e2e44af8f96d141bc95a",
    "spaces-as-line-breaks": "d017a9f0b34535ac27b0a367de6c915282766f2881b886c537f3d916ae4c7047",
    "spaces-added": "fa6e74fa383ddd1e869e8694fd0ade6e5a1fa813234bb771e39f8c34d683af60",
    "empty-lines-added": "b8402137faf1fb817f698b26b6512106c17ee1e03deaefd48d78f884dfaac032",
    "page-breaks": "927bca7a9605c7afaacb90ef6c93bd2b5b5b4cb5d910f4de07c31b5f9bc94638",
    "direction-controls-inserted": "55ea4d459d0b7a2034ba72b0380d58b20177d073779390f2a7cd5407af3def4a",
    "marks-before-letters": "43a3ba9e9a3e2963610fd9f0314251365431ddd3445182fd893c25b9bf4e62fb",
    "lam-alef-reversed": "6f3bb610e52d19cc0915506695bcde601a7d743ca6767716fd02139c59546de0",
    "runs-reversed": "d0bf6629ccc10b5509a0a223f79c9358123f924d561c71b1c3ddc0816b5808d4",
    "characters-missing": "ded4731d97325d41bb8988f01ab4b1f31028bef85019b9f2919d14f5a07a4f0d",
    "characters-mapped": "66de70b94b4e78a58a3509dcac97d59ea762b934100685e6e753d26e50f2d409",
    "shaped-joined-only": "5c9bced1444bd0d04d7417e6b5495cfc2f2e0069d58d13a226cf208cf575d547",
    "ruby-dump": "d285157dfa94990e28e02ad6324cd43088c8862b3fab2e279787107f5e0d257b",
    "go-q": "7b51e17efa24ebebc24ba19542d2b3366d8f019237e2cda11c6618dd1a88cedd",
    "go-plus-q": "25c841a4897fe2930c6d1410232bbb62e778b606bfff5a30800a3d271372e797",
    "postgresql-copy": "eda52e42115bdff3e3c0f4ba8052d77d9d18f7bd39a0042650948df935287352",
    "json-unquoted": "feff32c7beda9f510d340afed7706b5bd23e89b80755bb76b60e7d7360884b01",
    "repr": "6f5c4313d6f35e05b6648cc87cfa49bc8f0bab76c0ffc6d77567ec78c7f6e7d6",
    "unicode-escape": "0c7cba9cedd15cdb972f5a63e461ca87f8a6f9d9bdc03076082faa1528a83c7d",
    "html-references": "60153ffeb022eec8e98146d1a7af2391bbe2884a44ef4e7d4f26aacf09af3862",
    "percent": "46570a6e5ec0e83108e813a4b80ee168cc19efe228215e57a290c103ad8ce03b",
    "percent-plus": "5ba29a1e85a1744980a879d158df6e71900ae09d332edde2452596990d5d17a6",
    "base64": "88cc317f548c253a3377014ee511548249c237b1cb6dab12e475143b36e212b8",
    "hex": "2786fd00595d2c114a0972ad6fcacf7b09040280b77b0b203240ef9c8ffbc5d1",
    "base64-url": "a4a864ba4b94b5aaf5411eb0e8987a344a938b2feb962dcb6078109731a832ba",
    "base32": "1a9c9239da5437650a28355e266e6f2cfc6f49b59f1806d58a6b8cbdb607d37d",
    "base32-hex": "3dc776930d5b58936b2c632da146fca03eef85a69e06adb924200939dbb2c039",
    "base85": "49b7c357b078cbf7f18c37bb02b64aceeff76e8cf5d81b30fd1f7968b8bab1c8",
    "ascii85": "c199a3959c7afd80f1bc7fb75dcfe2e426872489d8332ebb79dcffce2719834f",
    "uuencoded": "25af6464317f3638437ec615405db76f3416cc0a5f0ba6734b1c04b3efce75f6",
    "json-lines": "f99acb489aa3f0542a9ef5b6cf4a18818b14abc474a5afc3889ddd69578e6ede",
    "csv": "32282897ba5f019d26ebb96581d348623198745ec379280b532cd05465b8ed3d",
    "js-escape": "30fe176c03fc8df91abbe9cd0da4b8ae9034c54dbd25ac447f0200c3de0b986b",
    "quoted-printable": "3eb35712335e79b729db49ffc97cc9724ed28554a074104f10ff6d70e2c19b6c",
}


class Explain(unittest.TestCase):
    def test_identical_is_none(self) -> None:
        self.assertIsNone(check.explain(ORIGINAL, TEXT))

    def test_a_whole_change_by_key(self) -> None:
        difference = check.explain(TEXT, TEXT.replace("\n", "\r\n"), "copy")
        self.assertEqual(
            [(each.keys, each.extent) for each in difference.explanations],
            [(("crlf",), "whole")],
        )
        first = TEXT.index("\n")
        self.assertEqual(
            (difference.at, difference.byte, difference.line, difference.column),
            ("differs", len(TEXT[:first].encode("utf-8")) + 1, 1, first + 1),
        )
        self.assertEqual(
            (difference.expected, difference.found),
            ("U+000A LINE FEED", "U+000D CARRIAGE RETURN"),
        )
        self.assertEqual(
            str(difference), check.compare(TEXT, TEXT.replace("\n", "\r\n"), "copy")
        )

    def test_forms_beside_keys(self) -> None:
        difference = check.explain(TEXT, json.dumps(TEXT, ensure_ascii=False) + "\n")
        self.assertEqual(
            [each.changes for each in difference.explanations],
            [(("json", (False,)), ("newline-added", ()))],
        )
        kept = re.sub("[\u064b-\u0650\u0652]", "", TEXT)  # shadda kept
        self.assertEqual(
            [each.changes for each in check.explain(TEXT, kept).explanations],
            [(("harakat-removed", ("\u0651",)),)],
        )

    def test_alternatives(self) -> None:
        difference = check.explain(TEXT, unicodedata.normalize("NFKC", TEXT))
        self.assertEqual(
            sorted(each.keys for each in difference.explanations),
            [("nbsp-as-space",), ("nfkc",)],
        )
        lines = str(difference).splitlines()
        self.assertEqual(
            lines[2:],
            [
                "  any one of these known changes explains it:",
                "  known change: no-break spaces turned into plain spaces",
                "  known change: normalized to NFKC",
            ],
        )

    def test_cut_short(self) -> None:
        made = TEXT.encode("utf-8").decode("latin-1").encode("utf-8")
        difference = check.explain(TEXT, made[:1000])
        [explanation] = difference.explanations
        self.assertEqual(
            (explanation.keys, explanation.extent, explanation.ends_after),
            (("utf8-read-as-latin1",), "cut short", 1000),
        )
        written = 0
        for kept, char in enumerate(TEXT):  # the characters whose output the copy holds
            written += len(char.encode("utf-8").decode("latin-1").encode("utf-8"))
            if written > 1000:
                break
        self.assertEqual(
            (explanation.line, explanation.column),
            (TEXT.count("\n", 0, kept) + 1, kept - TEXT.rfind("\n", 0, kept)),
        )

    def test_partial(self) -> None:
        difference = check.explain(TEXT, TEXT.replace("\xa0", " ", 3))
        self.assertEqual(
            sorted(
                (each.keys, each.extent, each.places)
                for each in difference.explanations
            ),
            [
                (("nbsp-as-space",), "partial", [(3, 10)]),
                (("nfkc",), "partial", [(3, 10)]),
            ],
        )
        self.assertEqual(len(difference.places), 3)
        nbsp = TEXT.index("\xa0")
        line, column = TEXT.count("\n", 0, nbsp) + 1, nbsp - TEXT.rfind("\n", 0, nbsp)
        self.assertEqual(difference.places[0], (line, column, "\xa0", " "))

    def test_unexplained(self) -> None:
        paragraphs = TEXT.split("\n\n")
        copy = "\n\n".join(paragraphs[1:] + paragraphs[:1])
        difference = check.explain(TEXT, copy)
        self.assertEqual(difference.explanations, [])
        self.assertGreater(len(difference.places), 0)
        self.assertIn("no known change explains it", str(difference))

    def test_ends_early_and_too_long(self) -> None:
        self.assertEqual(check.explain(TEXT, TEXT[:10]).at, "ends")
        self.assertEqual(check.explain(TEXT, "").at, "empty")
        limit = check.size_limit("ab")
        self.assertEqual(check.explain("ab", "x" * (limit + 1)).too_long, limit)

    def test_bad_calls(self) -> None:
        for arguments, argument in (
            ((TEXT, None), "actual must be bytes, bytearray or str, not NoneType"),
            ((1, TEXT), "expected must be bytes, bytearray or str, not int"),
            ((TEXT, [TEXT]), "actual must be bytes, bytearray or str, not list"),
        ):
            for call in (check.compare, check.explain, check.assert_same):
                with self.subTest(
                    call=call.__name__, argument=argument
                ), self.assertRaisesRegex(TypeError, re.escape(argument)):
                    call(*arguments)
        with self.assertRaisesRegex(ValueError, "expected is not UTF-8"):
            check.compare(b"caf\xe9", "cafe")
        self.assertIsNone(check.compare(bytearray(ORIGINAL), TEXT))

    def test_assert_same(self) -> None:
        check.assert_same(TEXT, ORIGINAL)
        with self.assertRaises(AssertionError) as raised:
            check.assert_same(TEXT, TEXT + "\n", "output")
        self.assertEqual(
            str(raised.exception), check.compare(TEXT, TEXT + "\n", "output")
        )


# Changes of layout whose variant, on this article, is named whole another
# way: by smaller known changes, or as a map read off the copy.
NAMED_OTHERWISE = {
    "characters-missing": ("harakat-removed", "astral-removed"),
    "spaces-as-line-breaks": ("characters-mapped",),
}
# Changes made of a text of one line only (a mail header's value): their
# variants are of the article's first line, its headline.
ONE_LINE = {"encoded-words"}
HEADLINE = TEXT.split("\n")[0]


class Variants(unittest.TestCase):
    def test_every_key_has_its_pinned_variant_and_is_named(self) -> None:
        self.assertEqual(sorted(VARIANT_SHA256), sorted(check.CHANGES_BY_KEY))
        for key, digest in VARIANT_SHA256.items():
            with self.subTest(key=key):
                text = HEADLINE if key in ONE_LINE else TEXT
                made = check.variant(key, text=text)
                self.assertEqual(hashlib.sha256(made).hexdigest(), digest)
                difference = check.explain(text, made)
                if key in NAMED_OTHERWISE:
                    keys = [each.keys for each in difference.explanations]
                    self.assertIn(NAMED_OTHERWISE[key], keys)
                    continue
                if check.CHANGES_BY_KEY[key].stage == "place":  # accounted, not named
                    self.assertEqual(difference.accounting[0][0], (key,))
                    self.assertEqual(difference.unaccounted, [])
                    continue
                keys = [each.keys for each in difference.explanations]
                self.assertIn((key,), keys)

    def test_the_first_forms_are_the_standard_librarys(self) -> None:
        written = {
            "json": json.dumps(TEXT).encode("ascii"),
            "percent": urllib.parse.quote(TEXT).encode("ascii"),
            "percent-plus": urllib.parse.quote_plus(TEXT).encode("ascii"),
            "base64": base64.encodebytes(ORIGINAL),
            "base64-url": base64.urlsafe_b64encode(ORIGINAL),
            "base32": base64.b32encode(ORIGINAL),
            "base85": base64.b85encode(ORIGINAL),
            "ascii85": base64.a85encode(ORIGINAL),
            "uuencoded": b"".join(
                binascii.b2a_uu(ORIGINAL[start : start + 45])
                for start in range(0, len(ORIGINAL), 45)
            ),
            "quoted-printable": quopri.encodestring(ORIGINAL),
            "repr": repr(TEXT).encode("utf-8"),
            "unicode-escape": TEXT.encode("unicode_escape"),
            "utf16le-bom": codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
            "nfkd": unicodedata.normalize("NFKD", TEXT).encode("utf-8"),
            "crlf": ORIGINAL.replace(b"\n", b"\r\n"),
        }
        for key, made in written.items():
            with self.subTest(key=key):
                self.assertEqual(check.variant(key), made)

    def test_a_chain_and_another_text(self) -> None:
        self.assertEqual(
            check.variant("harakat-removed", "crlf", text="\u0643\u064e\n\u0628"),
            "\u0643\r\n\u0628".encode("utf-8"),
        )

    def test_bad_keys(self) -> None:
        with self.assertRaisesRegex(ValueError, "no known change has the key 'NFKC'"):
            check.variant("NFKC")


class Command(RepoCopyTestCase):
    # The variants check.py --json is run over: some, drawn with a fixed seed.
    # Every key's variant is named in process (Variants), and by check.py
    # --json in ``python3 tests/benchmark.py --thorough``.
    JSON_KEYS = tuple(
        random.Random(20).sample(sorted(set(VARIANT_SHA256) - ONE_LINE), 12)
    )

    def test_json_over_variants(self) -> None:
        """One run of check.py --json over a file of each key's variant."""
        for key in self.JSON_KEYS:
            self.write(key, check.variant(key))
        self.write("same", ORIGINAL)
        result = self.run_script(
            "check.py", "--json", "same", "missing", *self.JSON_KEYS
        )
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertTrue(result.stdout.isascii())
        found = {
            entry["file"]: entry
            for entry in map(json.loads, result.stdout.splitlines())
        }
        self.assertEqual(found["same"], {"file": "same", "status": "identical"})
        self.assertEqual(found["missing"]["status"], "trouble")
        self.assertIn("No such file", found["missing"]["message"])
        for key in self.JSON_KEYS:
            with self.subTest(key=key):
                entry = found[key]
                self.assertEqual(entry["status"], "differs")
                if key in NAMED_OTHERWISE:
                    keys = [each["keys"] for each in entry["explanations"]]
                    self.assertIn(list(NAMED_OTHERWISE[key]), keys)
                elif check.CHANGES_BY_KEY[key].stage == "place":  # accounted, not named
                    self.assertEqual(entry["accounting"][0]["keys"], [key])
                else:
                    keys = [each["keys"] for each in entry["explanations"]]
                    self.assertIn([key], keys)
                self.assertEqual(
                    set(entry["first_difference"]),
                    {"at", "byte", "line", "column", "expected", "found"},
                )

    def test_json_of_the_repository(self) -> None:
        result = self.run_script("check.py", "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(
            [json.loads(line) for line in result.stdout.splitlines()],
            [
                {"file": "ar_news.txt", "status": "identical"},
                {"file": "make_article.py", "status": "identical"},
            ],
        )

    def test_expected_file(self) -> None:
        golden = self.write("golden", "\u0643\u062a\u0628\n".encode("utf-8"))
        self.write("output", "\u0643\u062a\u0628\r\n".encode("utf-8"))
        result = self.run_script("check.py", "--expected", golden, "output")
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn(b"  known change: LF turned into CRLF", result.stdout)
        piped = self.run_script(
            "check.py", "--expected", golden, input=self.read("golden")
        )
        self.assertEqual((piped.returncode, piped.stdout), (0, b"-: OK\n"))
        self.write("large", b"a" * (check.EXPECTED_LIMIT + 1))
        self.write("latin", b"caf\xe9")
        for name in ("large", "latin", "nowhere"):
            with self.subTest(expected=name):
                self.assertOneLineOfTrouble(
                    self.run_script("check.py", "--expected", self.path(name), "output")
                )

    def test_help_lists_every_option(self) -> None:
        result = self.run_script("check.py", "--help")
        self.assertEqual(result.returncode, 0)
        for option in (b"--json", b"--expected", b"--quiet", b"FILE"):
            self.assertIn(option, result.stdout)

    def test_without_make_article(self) -> None:
        os.remove(self.path("make_article.py"))
        self.assertOneLineOfTrouble(self.run_script("check.py"))
        self.assertOneLineOfTrouble(self.run_script("check.py", FIXTURE))
        alone = self.run_script("check.py", "--expected", FIXTURE, FIXTURE)
        self.assertEqual((alone.returncode, alone.stdout), (0, b"ar_news.txt: OK\n"))

    def test_make_article_as(self) -> None:
        for keys in ("nfkc", "harakat-removed,shaped,visual-order", "utf16le-bom"):
            with self.subTest(keys=keys):
                written = self.run_script("make_article.py", "--as", keys, "-o", "copy")
                self.assertEqual(written.returncode, 0, written.stderr)
                self.assertEqual(self.read("copy"), check.variant(*keys.split(",")))
                printed = self.run_script("make_article.py", "--as", keys)
                self.assertEqual(printed.stdout, check.variant(*keys.split(",")))
        self.assertEqual(self.read(FIXTURE), ORIGINAL)

    def test_make_article_as_refuses(self) -> None:
        for arguments in (
            ("--as", "bogus"),
            ("--as", "nfkc", "-o", FIXTURE),
            ("--as", "nfkc", "-o", self.path(FIXTURE)),
        ):
            with self.subTest(arguments=arguments):
                self.assertOneLineOfTrouble(
                    self.run_script("make_article.py", *arguments)
                )
        self.assertEqual(self.read(FIXTURE), ORIGINAL)
        shutil.rmtree(self.path(DIAGNOSIS))
        result = self.run_script("make_article.py", "--as", "nfkc")
        self.assertOneLineOfTrouble(result)
        self.assertIn(DIAGNOSIS.encode(), result.stderr)

    def test_import_make_article_does_not_import_check(self) -> None:
        code = (
            "import sys, make_article;"
            f" print('check' in sys.modules or {DIAGNOSIS!r} in sys.modules)"
        )
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=self.folder,
            capture_output=True,
            check=True,
            timeout=HANG,
        )
        self.assertEqual(result.stdout, b"False\n")
