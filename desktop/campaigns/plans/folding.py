"""Plain-word keys of Vietnamese text, made fast: what the rules match their folded patterns against.

``key("Hồ sơ đề nghị “khen thưởng”:")`` is ``"ho so de nghi khen thuong"``: the text
folded as :func:`desktop.text.fold` folds it (lower case, no diacritics, đ → d), then
every run of characters other than ``a-z0-9`` made one space. Every paragraph of a
plan gets such a key, so on a long plan this is one of the hot spots; the common
case (ASCII, Vietnamese letters and everyday punctuation) is done with C-level
string operations only, and any other text takes the exact slow path.
"""
from __future__ import annotations

import re
import unicodedata

from desktop.text import fold


def _folds_to_ascii(ch: str) -> bool:
    decomposed = unicodedata.normalize("NFD", ch.replace("đ", "d").replace("Đ", "D"))
    return decomposed[:1].isascii() and all(unicodedata.combining(c) for c in decomposed[1:])


def _ranges(chars: list[str]) -> str:
    """A regex class body for ``chars`` (sorted), as ranges."""
    out, start, prev = [], None, None
    for ch in chars:
        if start is None:
            start = prev = ch
        elif ord(ch) == ord(prev) + 1:
            prev = ch
        else:
            out.append((start, prev))
            start = prev = ch
    if start is not None:
        out.append((start, prev))
    return "".join(re.escape(a) if a == b else f"{re.escape(a)}-{re.escape(b)}" for a, b in out)


# Letters whose fold is one ASCII letter (Vietnamese and other Latin letters with marks).
_LETTERS = [chr(c) for c in [*range(0x80, 0x250), *range(0x1E00, 0x1F00)] if _folds_to_ascii(chr(c))]
# Punctuation and spaces outside ASCII that only ever separate words: quotes, dashes, ellipsis, bullets.
_SEPARATORS = [chr(c) for c in [*range(0x2000, 0x2070), 0xA0, 0xAB, 0xBB, 0xB7, 0x3000, 0xFEFF]]
# Anything else (other scripts, lone combining marks, symbols) goes the exact way.
_OTHER = re.compile(f"[^\\x00-\\x7f{_ranges(_LETTERS)}{_ranges(sorted(_SEPARATORS))}]")
_SEPARATOR = re.compile(f"[{_ranges(sorted(_SEPARATORS))}]")
_TABLES = {
    keep: bytes(c + 32 if 65 <= c <= 90 else c if (97 <= c <= 122 or 48 <= c <= 57 or chr(c) in keep) else 32
                for c in range(256))
    for keep in ("", "/")
}


def key(text: str, keep: str = "") -> str:
    """``text`` folded to plain words joined by single spaces; characters in ``keep`` ("/" only) stay."""
    if _OTHER.search(text):
        return re.sub(f"[^a-z0-9{re.escape(keep)}]+", " ", fold(text)).strip()
    plain = unicodedata.normalize("NFD", _SEPARATOR.sub(" ", text).replace("đ", "d").replace("Đ", "D"))
    return " ".join(plain.encode("ascii", "ignore").translate(_TABLES[keep]).decode("ascii").split())
