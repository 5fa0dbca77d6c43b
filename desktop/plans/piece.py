"""Text that remembers where each of its characters came from.

The importer cleans the source heavily before reading it (Markdown marks,
table pipes, columns put back in order, wrapped lines joined), yet the review
dialog must highlight the exact place in the *source* a value was read from.
A :class:`Piece` is a string plus, for every character, its offset in the
source text, so any regular-expression match on cleaned text still gives a
source span.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Piece:
    """A string and the source offset of each of its characters."""

    text: str
    origin: tuple[int, ...]

    @classmethod
    def of(cls, source: str, start: int = 0, end: int | None = None) -> Piece:
        """The slice ``source[start:end]`` as a piece that points into ``source``."""
        end = len(source) if end is None else end
        return cls(source[start:end], tuple(range(start, end)))

    @classmethod
    def empty(cls) -> Piece:
        return cls("", ())

    def __len__(self) -> int:
        return len(self.text)

    def __bool__(self) -> bool:
        return bool(self.text)

    def __str__(self) -> str:
        return self.text

    def __getitem__(self, key: slice) -> Piece:
        if not isinstance(key, slice):
            raise TypeError("Piece supports slices only")
        return Piece(self.text[key], self.origin[key])

    def span(self, start: int = 0, end: int | None = None) -> Span | None:
        """Source span covering ``text[start:end]``; ``None`` for an empty range.

        Characters may come from reordered places (table columns), so the span
        is the smallest source range holding all of them.
        """
        end = len(self.text) if end is None else end
        start, end = max(0, start), min(len(self.text), end)
        if start >= end:
            return None
        chunk = self.origin[start:end]
        return (min(chunk), max(chunk) + 1)

    def match_span(self, match: re.Match[str], group: int | str = 0) -> Span | None:
        return self.span(match.start(group), match.end(group))

    def strip(self, chars: str | None = None) -> Piece:
        left = len(self.text) - len(self.text.lstrip(chars))
        right = len(self.text.rstrip(chars))
        return self[left:max(left, right)]

    def sub(self, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], Piece | str] | str) -> Piece:
        """Like :func:`re.sub`; replacement text points at the start of what it replaced.

        ``repl`` may return a :class:`Piece` (for example a group of the match,
        see :meth:`group`) to keep the original offsets of the kept text.
        """
        parts: list[Piece] = []
        pos = 0
        for m in pattern.finditer(self.text):
            parts.append(self[pos:m.start()])
            out = repl(m) if callable(repl) else repl
            if isinstance(out, Piece):
                parts.append(out)
            elif out:
                anchor = self.origin[m.start()] if m.start() < len(self.origin) else (
                    self.origin[-1] + 1 if self.origin else 0)
                parts.append(Piece(out, (anchor,) * len(out)))
            pos = m.end()
        parts.append(self[pos:])
        return Piece.concat(parts)

    def group(self, match: re.Match[str], group: int | str = 1) -> Piece:
        """The text of ``group`` in ``match`` (a match on ``self.text``) as a piece."""
        start, end = match.span(group)
        if start < 0:
            return Piece.empty()
        return self[start:end]

    def squeeze(self) -> Piece:
        """Runs of white space made one space, ends trimmed (offsets kept)."""
        return self.sub(_SPACES, " ").strip()

    @staticmethod
    def concat(parts: Iterable[Piece]) -> Piece:
        parts = list(parts)
        return Piece("".join(p.text for p in parts), tuple(o for p in parts for o in p.origin))

    @staticmethod
    def join(parts: Iterable[Piece], sep: str = " ") -> Piece:
        """Join pieces with ``sep``; separator characters point at the previous character."""
        out: list[Piece] = []
        last = 0
        for i, part in enumerate(parts):
            if i and sep:
                out.append(Piece(sep, (last,) * len(sep)))
            out.append(part)
            if part.origin:
                last = part.origin[-1]
        return Piece.concat(out)


_SPACES = re.compile(r"\s+")
