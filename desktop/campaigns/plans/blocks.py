"""Paragraphs and numbered sections of the document body.

A conversion from PDF wraps every paragraph over several lines and one from
Word may cut a sentence at a page break with a blank line, so lines are first
joined back into paragraphs (:class:`Block`). NĐ 30/2020 numbers the parts of a
body with Roman numerals (I., II.), Arabic numerals (1., 1.1.), letters (a),
b)) and dashes or plus signs for list items; each paragraph gets the level of
its mark so that a rule can take "everything under heading X" with
:func:`section`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.campaigns.plans.folding import key
from desktop.campaigns.plans.piece import Piece
from desktop.campaigns.plans.source import Line

# Levels of the numbering marks, outermost first.
LEVEL_PART = 0        # Phần I, Chương I
LEVEL_ROMAN = 10      # I.
LEVEL_HEADING = 15    # an unnumbered heading (Markdown "#" or upper case)
LEVEL_ARABIC = 20     # 1.   (1.1. is 30, 1.1.1. is 40)
LEVEL_LETTER = 50     # a)
LEVEL_STAR = 60       # * used as a small heading
LEVEL_PAREN = 65      # (1)
LEVEL_DASH = 70       # - item
LEVEL_PLUS = 80       # + item

_PART = re.compile(r"^(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+(?:[IVXLC]{1,6}|\d{1,2}|thứ\s+\S+|THỨ\s+\S+)\b\s*[.:\-–]?\s*")
_ROMAN = re.compile(r"^(?=[IVXLC])(M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3}))\s*[.):\-–]\s*(?=\S)")
_ARABIC = re.compile(
    r"^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?=\S)|^(\d{1,2})\s*(?:[.)]\s*|[\-–]\s+)(?=[^\W\d_]|[“\"(«])"
)
# A line ending with one of these words goes on with a number: "(theo mẫu số" / "08 - Phụ lục …".
_WANTS_NUMBER = re.compile(r"(?:\bsố|\bmẫu|\bMẫu|\bngày|\btháng|\bnăm|\bĐiều|\bkhoản|\bđiểm|\bthứ)\s*$")
_ARTICLE = re.compile(r"^Điều\s+\d{1,3}\s*[.:]\s*")
_LETTER = re.compile(r"^([a-zđ])\s*[).\/]\s+(?=\S)")
_PAREN = re.compile(r"^\((\d{1,2}|[a-zđ])\)\s*(?=\S)")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzđ")
_TERMINAL = re.compile(r"[.;:!?…][\s)”\"’'»*]*$")
_NOT_LETTER = re.compile(r"[\W\d_]+")


@dataclass(slots=True)
class Block:
    """A paragraph: one or more lines joined with spaces."""

    lines: list[Line]
    text: Piece
    level: int | None
    mark: str | None
    body: Piece  # the text after the numbering mark or bullet
    heading: bool
    _key: str | None = field(default=None, compare=False, repr=False)

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def refs(self) -> tuple[tuple[str, int], ...]:
        """Footnote marks in the paragraph: (label, source offset)."""
        return tuple(r for line in self.lines for r in line.refs)

    @property
    def span(self):
        return self.text.span()

    @property
    def body_key(self) -> str:
        """The body folded to plain words ("hinh thuc khen thuong"), computed once for every rule that asks."""
        if self._key is None:
            self._key = key(self.body.text)
        return self._key


def is_upper(text: str) -> bool:
    """Whether ``text`` has at least two letters and all of them are capitals."""
    if not text.isupper():
        return False  # a lower-case character, or nothing cased: the common body line, answered in C
    letters = _NOT_LETTER.sub("", text)
    return len(letters) >= 2 and letters.isupper()


def mark_of(line: Line) -> tuple[int | None, str | None, int]:
    """Level, mark text and length of the mark that starts ``line``'s text."""
    if line.mark is None:
        line.mark = _mark_of(line)
    return line.mark


def _mark_of(line: Line) -> tuple[int | None, str | None, int]:
    text = line.text.text
    if line.table is not None:
        return None, None, 0
    # Each mark begins with its own kind of character: only the patterns that can match are tried.
    first = text[:1]
    m = _PART.match(text) if first in "PCM" else None
    if m:
        return LEVEL_PART, m.group(0).strip(), m.end()
    m = _ROMAN.match(text) if first in "IVXLC" else None
    if m and m.group(1):
        return LEVEL_ROMAN, m.group(1), m.end()
    m = _ARTICLE.match(text) if first == "Đ" else None
    if m:
        return LEVEL_ARABIC, m.group(0).strip(), m.end()
    m = _ARABIC.match(text) if first.isdecimal() else None
    if m:
        number = m.group(1) or m.group(2)
        return LEVEL_ARABIC + 10 * number.count("."), number, m.end()
    m = _LETTER.match(text) if first in _LETTERS else None
    if m:
        return LEVEL_LETTER, m.group(1), m.end()
    m = _PAREN.match(text) if first == "(" else None
    if m:
        return LEVEL_PAREN, m.group(1), m.end()
    if line.bullet:
        level = {"+": LEVEL_PLUS, "*": LEVEL_STAR}.get(line.bullet, LEVEL_DASH)
        return level, line.bullet, 0
    if line.heading or (is_upper(text) and len(text) > 3):
        return LEVEL_HEADING, None, 0
    return None, None, 0


def _starts_block(line: Line) -> bool:
    level, _, _ = mark_of(line)
    return line.heading or line.table is not None or level is not None


def _ends_block(line: Line) -> bool:
    text = line.text.text
    return (line.heading or line.table is not None or is_upper(text)
            or bool(_TERMINAL.search(text)))


def build_blocks(lines: list[Line]) -> list[Block]:
    """Join wrapped lines into paragraphs.

    A line continues the previous paragraph when that paragraph has not ended
    (no final punctuation, not a heading or an upper-case line) and the line
    does not start a new one (no numbering mark, bullet or heading); after a
    blank line it continues only when it starts in lower case, which is how
    a sentence cut by a page break looks.
    """
    groups: list[list[Line]] = []
    for line in lines:
        if groups:
            prev = groups[-1][-1]
            first_char = line.text.text[:1]
            joins = not _ends_block(prev) and (
                not _starts_block(line)
                or (line.text.text[:1].isdigit() and _WANTS_NUMBER.search(prev.text.text) is not None))
            if joins and line.blank_before:
                joins = first_char.islower()
            if joins:
                groups[-1].append(line)
                continue
        groups.append([line])
    return [_block(g) for g in groups]


def _block(lines: list[Line]) -> Block:
    text = Piece.join([ln.text for ln in lines], " ")
    level, mark, length = mark_of(lines[0])
    return Block(lines=lines, text=text, level=level, mark=mark,
                 body=text[length:].strip(), heading=lines[0].heading)


def section(blocks: list[Block], index: int) -> list[Block]:
    """The blocks under ``blocks[index]``: up to the next mark of the same or a higher level.

    An unnumbered paragraph used as a heading ("Hồ sơ gồm có:") holds the
    list that follows it: the numbered or bulleted items right after it, or,
    when the items carry no marks, the short lines ending with ";" or ".".
    """
    head = blocks[index]
    out: list[Block] = []
    # Walk by index: slicing ``blocks[index + 1:]`` would copy the rest of a long plan at every call.
    following = range(index + 1, len(blocks))
    if head.level is None:
        if following and blocks[index + 1].level is None:
            for k in following:
                block = blocks[k]
                if block.level is not None or len(block.text) > 200 or not block.text.text.rstrip().endswith((";", ".")):
                    break
                out.append(block)
                if block.text.text.rstrip().endswith("."):
                    break
            return out
        for k in following:
            block = blocks[k]
            if block.level is None or block.level <= LEVEL_HEADING:
                break
            out.append(block)
        return out
    for k in following:
        block = blocks[k]
        if block.level is not None and block.level <= head.level:
            break
        out.append(block)
    return out
