"""Text that remembers where each of its characters came from.

The importer cleans the source heavily before reading it (Markdown marks,
table pipes, columns put back in order, wrapped lines joined), yet the review
dialog must highlight the exact place in the *source* a value was read from.
A :class:`Piece` is a string plus, for every character, its offset in the
source text, so any regular-expression match on cleaned text still gives a
source span. The offsets are a compact machine-integer array (4 bytes a
character, sliced and joined in C), so a plan of many megabytes stays small
and fast to clean.
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass

Span = tuple[int, int]


def offsets(values: Iterable[int] = ()) -> array:
    """An offsets array for :class:`Piece` (``range`` objects and lists alike)."""
    return array("i", values)  # 4 bytes a character: offsets of a text under 2 GB


@dataclass(frozen=True, slots=True, eq=False)
class Piece:
    """A string and the source offset of each of its characters (``origin``, an ``array("i")``)."""

    text: str
    origin: array

    def __post_init__(self) -> None:
        if not isinstance(self.origin, array):
            object.__setattr__(self, "origin", offsets(self.origin))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Piece) and self.text == other.text and self.origin == other.origin

    __hash__ = None  # type: ignore[assignment]  # mutable-array-backed: not a dict key

    @classmethod
    def of(cls, source: str, start: int = 0, end: int | None = None) -> Piece:
        """The slice ``source[start:end]`` as a piece that points into ``source``."""
        end = len(source) if end is None else end
        return cls(source[start:end], offsets(range(start, end)))

    @classmethod
    def empty(cls) -> Piece:
        return cls("", offsets())

    def __len__(self) -> int:
        return len(self.text)

    def __bool__(self) -> bool:
        return bool(self.text)

    def __str__(self) -> str:
        return self.text

    def __getitem__(self, key: slice) -> Piece:
        if not isinstance(key, slice):
            raise TypeError("Piece supports slices only")
        if key.step is None and (key.start or 0) == 0 and (key.stop is None or key.stop >= len(self.text)):
            return self  # the whole piece: no copy
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
        text = self.text
        if chars is None and (not text or (not text[0].isspace() and not text[-1].isspace())):
            return self
        left = len(self.text) - len(self.text.lstrip(chars))
        right = len(self.text.rstrip(chars))
        return self[left:max(left, right)]

    def sub(self, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], Piece | str] | str) -> Piece:
        """Like :func:`re.sub`; replacement text points at the start of what it replaced.

        ``repl`` may return a :class:`Piece` (for example a group of the match,
        see :meth:`group`) to keep the original offsets of the kept text.
        """
        first = pattern.search(self.text)
        if first is None:
            return self  # nothing to replace: the common case, kept cheap
        parts: list[Piece] = []
        pos = 0
        for m in pattern.finditer(self.text, first.start()):
            parts.append(self[pos:m.start()])
            out = repl(m) if callable(repl) else repl
            if isinstance(out, Piece):
                parts.append(out)
            elif out:
                anchor = self.origin[m.start()] if m.start() < len(self.origin) else (
                    self.origin[-1] + 1 if self.origin else 0)
                parts.append(Piece(out, offsets((anchor,)) * len(out)))
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
        text = self.text
        if "  " not in text and text.isprintable():
            return self.strip()  # the only white space is single " " (printable text has no other): nothing to squeeze
        return self.sub(_LOOSE_SPACES, " ").strip()

    @staticmethod
    def concat(parts: Iterable[Piece]) -> Piece:
        parts = list(parts)
        origin = offsets()
        for p in parts:
            origin.extend(p.origin)
        return Piece("".join(p.text for p in parts), origin)

    @staticmethod
    def join(parts: Iterable[Piece], sep: str = " ") -> Piece:
        """Join pieces with ``sep``; separator characters point at the previous character."""
        parts = parts if isinstance(parts, list) else list(parts)
        if len(parts) == 1:
            return parts[0]
        out: list[Piece] = []
        last = 0
        for i, part in enumerate(parts):
            if i and sep:
                out.append(Piece(sep, offsets((last,)) * len(sep)))
            out.append(part)
            if part.origin:
                last = part.origin[-1]
        return Piece.concat(out)


# What :meth:`Piece.squeeze` changes: runs of white space, and single white space that is not " ".
_LOOSE_SPACES = re.compile(r"\s{2,}|[^\S ]")
