"""The section markup: parse, serialise, and lossless round trips."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.dossier.documents.model import BulletList, Paragraph, Run, Table
from desktop.dossier.documents.richtext import normalise_runs, parse, parse_inline, serialise, serialise_inline


def runs(*parts):
    """runs(("a", ""), ("b", "b"), ("c", "i"), ("d", "bi"))"""
    return tuple(Run(text, "b" in style, "i" in style) for text, style in parts)


# ---------------------------------------------------------------- examples


def test_paragraphs_emphasis_lists_and_tables():
    text = """Thực hiện Kế hoạch số 205/KH-STP, **Sở Tư pháp** đạt *nhiều* thành tích.
- Số hóa ***100%*** sổ hộ tịch;
- Hướng dẫn 209 xã, phường.

| STT | Họ và tên | Chức vụ |
|---|----------|-------|
| 1 | Nguyễn Thị Hoa | Chuyên viên |
| 2 | Trần Văn Đức |
"""
    blocks = parse(text)
    assert blocks == (
        Paragraph(runs(("Thực hiện Kế hoạch số 205/KH-STP, ", ""), ("Sở Tư pháp", "b"),
                       (" đạt ", ""), ("nhiều", "i"), (" thành tích.", ""))),
        BulletList((runs(("Số hóa ", ""), ("100%", "bi"), (" sổ hộ tịch;", "")),
                    runs(("Hướng dẫn 209 xã, phường.", "")))),
        Table(("STT", "Họ và tên", "Chức vụ"),
              (("1", "Nguyễn Thị Hoa", "Chuyên viên"), ("2", "Trần Văn Đức", "")),
              (3, 10, 7)),
    )


def test_each_line_is_a_paragraph_and_blank_lines_only_separate():
    assert parse("Một\nHai\n\n\nBa") == tuple(Paragraph.of(t) for t in ("Một", "Hai", "Ba"))


def test_table_without_header_starts_with_the_rule():
    table = parse("|--|------|\n| a | b |")[0]
    assert table == Table((), (("a", "b"),), (2, 6))


def test_table_without_rule_gets_equal_widths():
    assert parse("| a | b |\n| c |")[0] == Table((), (("a", "b"), ("c", "")), (3, 3))


def test_stray_star_is_kept_as_text():
    assert parse_inline("5 * 3 = 15") == runs(("5 * 3 = 15", ""))
    assert parse_inline("**chưa đóng") == runs(("**chưa đóng", ""))
    assert parse_inline("a **b** c *d") == runs(("a ", ""), ("b", "b"), (" c *d", ""))


def test_nested_emphasis_typed_by_hand():
    assert parse_inline("**đậm *và nghiêng* hết**") == runs(("đậm ", "b"), ("và nghiêng", "bi"), (" hết", "b"))
    assert parse_inline("*nghiêng **và đậm** hết*") == runs(("nghiêng ", "i"), ("và đậm", "bi"), (" hết", "i"))


def test_escapes():
    assert parse_inline(r"a \* b \| c \\ d") == runs(("a * b | c \\ d", ""))
    # A backslash before anything else is an ordinary character (Windows paths).
    assert parse_inline(r"C:\Windows") == runs((r"C:\Windows", ""))
    assert parse(r"\- không phải gạch đầu dòng") == (Paragraph.of("- không phải gạch đầu dòng"),)


def test_paragraph_that_looks_like_a_list_or_table_is_escaped():
    blocks = (Paragraph.of("- mở đầu bằng gạch"), Paragraph.of("| mở đầu bằng sổ"), Paragraph.of("-"))
    text = serialise(blocks)
    assert parse(text) == blocks
    assert not text.startswith("- ")


def test_cells_of_dashes_do_not_look_like_the_rule():
    table = Table(("-", "--"), (("---", "x"),), (4, 4))
    assert parse(serialise((table,))) == (table,)


def test_input_is_normalised_to_nfc():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hoa")
    (paragraph,) = parse(decomposed)
    assert paragraph.text == "Nguyễn Thị Hoa"
    assert unicodedata.is_normalized("NFC", paragraph.text)


def test_serialise_is_canonical():
    blocks = (Paragraph(runs(("a", "b"), ("b", "i"))), BulletList((runs(("x", "")),)),
              BulletList((runs(("y", "")),)))
    text = serialise(blocks)
    assert text == "**a***b*\n\n- x\n\n- y"
    assert parse(text) == blocks


# ---------------------------------------------------------------- properties

# Vietnamese letters (precomposed, so NFC), digits, punctuation and every
# character the markup gives a meaning to.
_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
_ALPHABET = _LETTERS + "0123456789 .,;:()“”%/" + "*|-\\"

inline_text = st.text(alphabet=_ALPHABET, min_size=1, max_size=12)
styled_run = st.builds(Run, inline_text, st.booleans(), st.booleans())


def _canonical_runs(min_size: int):
    """Runs as the model holds them: merged, non-empty, no outer white space."""
    return (
        st.lists(styled_run, min_size=min_size, max_size=5)
        .map(normalise_runs)
        .filter(lambda rs: len(rs) >= min_size)
        .filter(lambda rs: not rs or (rs[0].text[:1].strip() and rs[-1].text[-1:].strip()))
    )


cell_text = st.text(alphabet=_ALPHABET, max_size=10).map(str.strip)


@st.composite
def tables(draw):
    columns = draw(st.integers(1, 4))
    widths = tuple(draw(st.lists(st.integers(1, 40), min_size=columns, max_size=columns)))
    header = tuple(draw(st.lists(cell_text, min_size=columns, max_size=columns))) if draw(st.booleans()) else ()
    rows = tuple(
        tuple(draw(st.lists(cell_text, min_size=columns, max_size=columns)))
        for _ in range(draw(st.integers(0, 3)))
    )
    return Table(header, rows, widths)


blocks_strategy = st.lists(
    st.one_of(
        _canonical_runs(1).map(Paragraph),
        st.lists(st.one_of(_canonical_runs(1), st.just(())), min_size=1, max_size=4)
        .map(lambda items: BulletList(tuple(items))),
        tables(),
    ),
    max_size=6,
).map(tuple)


@settings(max_examples=300, deadline=None)
@given(blocks_strategy)
def test_blocks_round_trip(blocks):
    assert parse(serialise(blocks)) == blocks


@settings(max_examples=300, deadline=None)
@given(_canonical_runs(0))
def test_inline_round_trip(rs):
    assert parse_inline(serialise_inline(rs)) == rs


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET + "\n", max_size=80))
def test_anything_typed_parses_and_reaches_a_fixed_point(text):
    blocks = parse(text)
    once = serialise(blocks)
    assert parse(once) == blocks
    assert serialise(parse(once)) == once


@pytest.mark.parametrize("text", ["", "\n\n", "   "])
def test_empty_text_has_no_blocks(text):
    assert parse(text) == ()
    assert serialise(()) == ""
