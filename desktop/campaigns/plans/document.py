"""The cleaned document every rule reads: lines, paragraphs and one joined text."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from desktop.campaigns.plans.blocks import Block, build_blocks
from desktop.campaigns.plans.piece import Piece
from desktop.campaigns.plans.source import Line, read_source


@dataclass
class Document:
    source: str
    lines: list[Line]
    footnotes: dict[str, Piece]
    text: str               # all lines joined by "\n" (the text of :attr:`full`)
    line_starts: list[int]  # offset of each line in ``text``

    @cached_property
    def full(self) -> Piece:
        """All lines joined by "\n", with source offsets; built only when a rule needs all of it."""
        return Piece.join([ln.text for ln in self.lines], "\n")

    def span(self, start: int, end: int):
        """The source span of ``text[start:end]``, from the lines it covers (no :attr:`full` needed)."""
        if start >= end:
            return None
        first, last = self.line_index(start), self.line_index(end - 1) + 1
        return self.text_of(first, last).span(start - self.line_starts[first], end - self.line_starts[first])

    @classmethod
    def read(cls, source: str) -> Document:
        src = read_source(source)
        text = "\n".join(ln.text.text for ln in src.lines)
        starts, pos = [], 0
        for ln in src.lines:
            starts.append(pos)
            pos += len(ln.text) + 1
        return cls(source, src.lines, src.footnotes, text, starts)

    def line_index(self, pos: int) -> int:
        """Index of the line holding offset ``pos`` of :attr:`full`."""
        return max(0, bisect.bisect_right(self.line_starts, pos) - 1)

    def text_of(self, first: int, last: int) -> Piece:
        """Lines ``first`` to ``last - 1`` of :attr:`full`, newlines included."""
        if first >= last or first >= len(self.lines):
            return Piece.empty()
        return Piece.join([ln.text for ln in self.lines[first:last]], "\n")

    def blocks(self, first: int = 0, last: int | None = None) -> list[Block]:
        """Paragraphs of lines ``first`` to ``last - 1``."""
        return build_blocks(self.lines[first:last])
