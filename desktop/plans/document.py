"""The cleaned document every rule reads: lines, paragraphs and one joined text."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from .blocks import Block, build_blocks
from .piece import Piece
from .source import Line, read_source


@dataclass
class Document:
    source: str
    lines: list[Line]
    footnotes: dict[str, Piece]
    full: Piece          # all lines joined by "\n"
    line_starts: list[int]  # offset of each line in ``full``

    @classmethod
    def read(cls, source: str) -> Document:
        src = read_source(source)
        full = Piece.join([ln.text for ln in src.lines], "\n")
        starts, pos = [], 0
        for ln in src.lines:
            starts.append(pos)
            pos += len(ln.text) + 1
        return cls(source, src.lines, src.footnotes, full, starts)

    def line_index(self, pos: int) -> int:
        """Index of the line holding offset ``pos`` of :attr:`full`."""
        return max(0, bisect.bisect_right(self.line_starts, pos) - 1)

    def text_of(self, first: int, last: int) -> Piece:
        """Lines ``first`` to ``last - 1`` of :attr:`full`, newlines included."""
        if first >= last or first >= len(self.lines):
            return Piece.empty()
        start = self.line_starts[first]
        end = self.line_starts[last] - 1 if last < len(self.lines) else len(self.full)
        return self.full[start:end]

    def blocks(self, first: int = 0, last: int | None = None) -> list[Block]:
        """Paragraphs of lines ``first`` to ``last - 1``."""
        return build_blocks(self.lines[first:last])
