"""Vietnamese text rules: NFC storage, folding for search, and name ordering.

Everything the app stores goes through :func:`nfc`. Search compares
:func:`fold`-ed text, which drops case, tone marks, vowel marks and maps đ/Đ to d,
so ``bao cao``, ``BÁO CÁO`` and a decomposed ``báo cáo`` all meet ``Báo cáo``.
People are ordered the Vietnamese way by :func:`name_sort_key`: given name first,
then middle names, then family name, each compared letter by letter in the
Vietnamese alphabet (a ă â b c d đ e ê …) with tones as a second level
(ngang, huyền, hỏi, ngã, sắc, nặng).
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["nfc", "clean", "fold", "fts_query", "split_name", "name_sort_key", "word_sort_key"]

# Combining marks of Vietnamese tones, in dictionary order (ngang = no mark).
_TONES = {
    "\u0300": 1,  # huyền
    "\u0309": 2,  # hỏi
    "\u0303": 3,  # ngã
    "\u0301": 4,  # sắc
    "\u0323": 5,  # nặng
}
# Vowel / consonant modifiers that make a different letter of the alphabet.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve (ă), circumflex (â ê ô), horn (ơ ư)

_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]
# Code points from U+0041 on keep the key printable and orderable as plain text.
_LETTER_CODE = {letter: chr(0x41 + i) for i, letter in enumerate(_ALPHABET)}

_SPACE_RE = re.compile(r"\s+")


def nfc(value: str | None) -> str | None:
    """Return ``value`` in Unicode NFC (the form the database stores), ``None`` kept."""
    if value is None:
        return None
    return unicodedata.normalize("NFC", value)


def clean(value: str | None) -> str:
    """NFC, trimmed, inner runs of white space collapsed (for names and titles)."""
    if not value:
        return ""
    return _SPACE_RE.sub(" ", nfc(value)).strip()


def fold(value: str | None) -> str:
    """Lower-case, diacritic-free form used for search (đ → d)."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    stripped = _COMBINING_MARKS.sub("", decomposed)
    if not stripped.isascii():  # other scripts: every combining mark, as Unicode defines them
        stripped = "".join(ch for ch in stripped if not unicodedata.combining(ch))
    return stripped.casefold()


# The combining diacritics of Latin text (Vietnamese tones and vowel marks among them), removed in C.
_COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """Turn what a person typed into an FTS5 MATCH expression over folded text.

    Every word must appear; the last one may be a prefix, so that search works as
    the user types. Returns ``None`` when nothing searchable was typed.
    """
    tokens = _TOKEN_RE.findall(fold(text))
    if not tokens:
        return None
    parts = [f'"{t}"' for t in tokens[:-1]]
    parts.append(f'"{tokens[-1]}"*')
    return " ".join(parts)


def split_name(full_name: str) -> tuple[str, str, str]:
    """Split a Vietnamese full name into (family, middle, given)."""
    words = clean(full_name).split(" ")
    words = [w for w in words if w]
    if not words:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def word_sort_key(word: str) -> str:
    """Key that orders one word in Vietnamese dictionary order.

    Primary level: letters of the Vietnamese alphabet; secondary level: tones.
    The two levels are joined so that plain string comparison gives the order.
    """
    letters: list[str] = []
    tones: list[str] = []
    for base in unicodedata.normalize("NFD", nfc(word).casefold()):
        if base in _TONES:
            if tones:
                tones[-1] = str(_TONES[base])
            continue
        if base in _LETTER_MARKS and letters:
            prev = letters[-1]
            composed = unicodedata.normalize("NFC", _letter_of(prev) + base)
            if composed in _LETTER_CODE:
                letters[-1] = _LETTER_CODE[composed]
            continue
        if unicodedata.combining(base):
            continue
        if base == " ":
            letters.append(" ")
        elif base == "đ":
            letters.append(_LETTER_CODE["đ"])
        elif base in _LETTER_CODE:
            letters.append(_LETTER_CODE[base])
        else:
            # Digits and other letters sort after the alphabet by code point.
            letters.append(chr(0x100 + ord(base)) if ord(base) < 0x10000 else base)
        tones.append("0")
    return "".join(letters) + "\x01" + "".join(tones)


_CODE_LETTER = {code: letter for letter, code in _LETTER_CODE.items()}


def _letter_of(code: str) -> str:
    return _CODE_LETTER.get(code, code)


def name_sort_key(full_name: str) -> str:
    """Sort key for a person's name: given name, then middle names, then family name.

    Within each level, letters are compared before tones for the whole name part,
    so ``An`` < ``Anh`` < ``Ân`` (â is a letter of its own) and ``Hà`` sorts right
    after ``Ha``.
    """
    family, middle, given = split_name(full_name)
    return "\x02".join(word_sort_key(part) for part in (given, middle, family))
