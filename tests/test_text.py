"""Vietnamese text rules: NFC, folding for search, FTS queries and name order."""
from __future__ import annotations

import sqlite3
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.text import clean, fold, fts_query, name_sort_key, nfc, split_name, word_sort_key

# Every letter of Vietnamese, lower and upper, with every tone, in NFC.
_BASES = "aăâeêioôơuưy"
_TONE_MARKS = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]
VIET_VOWELS = "".join(
    unicodedata.normalize("NFC", base + tone) for base in _BASES for tone in _TONE_MARKS
)
VIET_LETTERS = VIET_VOWELS + "bcdđghklmnpqrstvx"
VIET_ALPHABET = VIET_LETTERS + VIET_LETTERS.upper()

viet_word = st.text(alphabet=VIET_ALPHABET, min_size=1, max_size=8)
viet_text = st.lists(viet_word, min_size=1, max_size=5).map(" ".join)


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


# -- nfc / clean ------------------------------------------------------------------------------

def test_nfc_composes_decomposed_text_and_keeps_none():
    decomposed = "Nguye\u0302\u0303n Thi\u0323 A\u0301nh"
    assert nfc(decomposed) == "Nguyễn Thị Ánh"
    assert unicodedata.is_normalized("NFC", nfc(decomposed))
    assert nfc(None) is None
    assert nfc("") == ""


def test_clean_trims_collapses_spaces_and_composes():
    assert clean("  Tra\u0302\u0300n \t Văn\n\n Anh  ") == "Trần Văn Anh"
    assert clean(None) == ""
    assert clean("   ") == ""


# -- fold ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("variant", ["bao cao", "BÁO CÁO", "ba\u0301o ca\u0301o", "Báo cáo", "BAO CAO", "bÁo Cáo"])
def test_fold_meets_every_way_of_writing_bao_cao(variant):
    assert fold(variant) == "bao cao"


def test_fold_maps_d_with_stroke_to_d():
    assert fold("đ") == "d"
    assert fold("Đ") == "d"
    assert fold("Đào Đức Đạt") == "dao duc dat"
    assert fold("Đặng") == fold("dang") == fold("DANG")


def test_fold_removes_every_vietnamese_mark():
    assert fold("Ăn Ân Ê Ô Ơ Ư ữ ặ ậ ệ ộ ợ ự ỵ") == "an an e o o u u a a e o o u y"


def test_fold_of_nothing_is_empty():
    assert fold(None) == ""
    assert fold("") == ""


@given(st.text())
def test_fold_is_idempotent(text):
    once = fold(text)
    assert fold(once) == once


@given(viet_text)
def test_fold_ignores_case_and_normal_form_of_vietnamese(text):
    expected = fold(text)
    assert fold(nfd(text)) == expected
    assert fold(text.upper()) == expected
    assert fold(text.lower()) == expected
    assert expected.isascii()


# -- fts_query ----------------------------------------------------------------------------------

def test_fts_query_quotes_words_and_makes_the_last_a_prefix():
    assert fts_query("Báo cáo chuyên") == '"bao" "cao" "chuyen"*'
    assert fts_query("đào") == '"dao"*'


@pytest.mark.parametrize("typed", ["", "   ", "!!!", "…", "—", '"', "*", "()"])
def test_fts_query_of_nothing_searchable_is_none(typed):
    assert fts_query(typed) is None


@pytest.mark.parametrize("typed", ["AND", "or", "NOT x", "NEAR(a b)", 'a"b', "x*", "-y", "col:z", "^k"])
def test_fts_query_neutralises_fts_syntax(typed):
    # Every typed word becomes a quoted string, so FTS5 operators are plain words.
    match = fts_query(typed)
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    conn.execute("INSERT INTO t(body) VALUES ('and or not near a b x y col z k')")
    rows = conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (match,)).fetchall()
    conn.close()
    # Quoted words only: an operator is matched as the word itself (the row holds "and", "or", "near"…).
    assert match.count('"') % 2 == 0 and rows in ([], [(1,)])


@given(st.text())
def test_fts_query_is_always_valid_fts5(text):
    match = fts_query(text)
    if match is None:
        assert not any(ch.isalnum() for ch in fold(text))
        return
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')")
        conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (match,)).fetchall()
    finally:
        conn.close()


# -- split_name ---------------------------------------------------------------------------------

@pytest.mark.parametrize("full, parts", [
    ("Nguyễn Văn An", ("Nguyễn", "Văn", "An")),
    ("Nguyễn Thị Thu Hà", ("Nguyễn", "Thị Thu", "Hà")),
    ("Lê An", ("Lê", "", "An")),
    ("An", ("", "", "An")),
    ("  Trần   Đình\tHùng ", ("Trần", "Đình", "Hùng")),
    ("", ("", "", "")),
    ("   ", ("", "", "")),
])
def test_split_name(full, parts):
    assert split_name(full) == parts


# -- Vietnamese order ---------------------------------------------------------------------------

def test_alphabet_letters_order():
    for chain in (["a", "ă", "â", "b"], ["c", "d", "đ", "e"], ["e", "ê", "g"], ["o", "ô", "ơ", "p"], ["u", "ư", "v"]):
        keys = [word_sort_key(x) for x in chain]
        assert keys == sorted(keys), chain


def test_tones_are_ordered_ngang_huyen_hoi_nga_sac_nang():
    tones = ["ma", "mà", "mả", "mã", "má", "mạ"]
    keys = [word_sort_key(x) for x in tones]
    assert keys == sorted(keys)
    assert len(set(keys)) == 6


def test_letters_decide_before_tones():
    # Tone is a second level: any difference of letters wins over any tone.
    assert word_sort_key("mạ") < word_sort_key("mai")
    assert word_sort_key("hà") < word_sort_key("hai")
    assert word_sort_key("tú") < word_sort_key("tư")
    assert word_sort_key("ánh") < word_sort_key("ân")


def test_vowel_with_mark_and_tone_in_any_combining_order():
    # ặ decomposes to a + dot below + breve: the breve makes ă whatever the order of marks.
    assert word_sort_key("ặ") == word_sort_key("a\u0306\u0323") == word_sort_key("a\u0323\u0306")
    assert word_sort_key("ặ") > word_sort_key("á")
    assert word_sort_key("ự") > word_sort_key("ụ")


# A list in Vietnamese order: given name first, then middle names, then family name.
EXPECTED_ORDER = [
    "Nguyễn Văn An",
    "Trần Văn Anh",
    "Phạm Thị Ánh",
    "Lê Thị Ân",
    "Phạm Văn Bình",
    "Hoàng Văn Cường",
    "Vũ Thị Dung",
    "Lê Văn Dũng",
    "Bùi Văn Đạt",
    "Lê Thị Hà",
    "Trần Thị Hải",
    "Võ Thị Hạnh",
    "Trần Thị Hoa",
    "Lê Thị Hồng Hoa",
    "Nguyễn Văn Hoa",
    "Đỗ Văn Nam",
    "Lê Văn Nam",
    "Ngô Văn Nam",
    "Nguyễn Văn Nam",
    "Lê Văn Tú",
    "Lê Văn Tư",
    "Ngô Thị Uyên",
    "Lê Văn Ưng",
]


def test_expected_order_has_distinct_keys():
    keys = [name_sort_key(n) for n in EXPECTED_ORDER]
    assert len(set(keys)) == len(keys)


@given(st.permutations(EXPECTED_ORDER))
def test_names_sort_the_vietnamese_way(shuffled):
    assert sorted(shuffled, key=name_sort_key) == EXPECTED_ORDER


def test_name_key_ignores_case_spacing_and_normal_form():
    key = name_sort_key("Nguyễn Thị Ánh")
    assert name_sort_key("NGUYỄN THỊ ÁNH") == key
    assert name_sort_key(nfd("Nguyễn Thị Ánh")) == key
    assert name_sort_key("  Nguyễn   Thị Ánh ") == key


@given(viet_text)
def test_name_key_same_for_nfc_nfd_and_upper_case(name):
    key = name_sort_key(name)
    assert name_sort_key(nfd(name)) == key
    assert name_sort_key(name.upper()) == key


@given(st.text())
def test_sort_keys_never_raise(text):
    assert isinstance(name_sort_key(text), str)
    assert isinstance(word_sort_key(text), str)
    assert isinstance(fold(text), str)
    split_name(text)


@given(viet_word, viet_word, viet_word, viet_word)
def test_given_name_decides_before_middle_and_family(family_a, given_a, family_b, given_b):
    a = f"{family_a} Văn {given_a}"
    b = f"{family_b} Thị {given_b}"
    ka, kb = word_sort_key(split_name(a)[2]), word_sort_key(split_name(b)[2])
    if ka != kb:
        assert (name_sort_key(a) < name_sort_key(b)) == (ka < kb)
    else:
        # same given name: the middle name decides (Thị < Văn)
        assert name_sort_key(b) < name_sort_key(a)
