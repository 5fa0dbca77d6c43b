"""Award phrases as plans write them, mapped to the award catalog.

Plans name the same award many ways: "Bằng khen của Chủ tịch UBND tỉnh",
"Bằng khen của UBND tỉnh Khánh Hòa", "Bằng khen Thủ tướng", "Cờ thi đua ngành
Giáo dục", or a bare "Bằng khen" after "Chủ tịch UBND tỉnh tặng". The catalog
(:mod:`desktop.catalog`) knows canonical names and a few aliases; this module
finds award phrases in running text and, when the catalog does not know a
wording, rewrites it into the catalog's terms by the level of the authority
that gives it (Government, ministry or branch, province).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from desktop.catalog import Award, Catalog, load
from desktop.text import fold

# The nouns an award phrase starts with.
_HEAD = (
    r"Huân\s+chương|Huy\s+chương|Kỷ\s+niệm\s+chương|Cờ\s+thi\s+đua|Bằng\s+khen|Giấy\s+khen"
    r"|Chiến\s+s[ĩỹ]\s+thi\s+đua|Chiến\s+s[ĩỹ]\s+tiên\s+tiến|Tập\s+thể\s+lao\s+động\s+(?:xuất\s+sắc|tiên\s+tiến)"
    r"|Lao\s+động\s+tiên\s+tiến|Đơn\s+vị\s+(?:quyết\s+thắng|tiên\s+tiến)|Anh\s+hùng\s+(?:Lao\s+động|lực\s+lượng)"
    r"|Giải\s+thưởng\s+(?:Hồ\s+Chí\s+Minh|Nhà\s+nước)|Danh\s+hiệu\s+vinh\s+dự"
)
HEAD_RE = re.compile(rf"(?<![^\W\d_])(?:{_HEAD})(?![^\W\d_])", re.IGNORECASE)
# Where an award phrase ends: punctuation, or a word that starts what is said about it.
_STOP = re.compile(
    r"[;:()\n\[|]|[.](?:\s|$)|,(?!\s*(?:ban,\s*)?ngành)|\s[-–—]\s|[”\"]\s*(?:,|$)"
    r"|\s(?:cho|đối với|để|theo|trong|vì|về|tặng|được|khi|nếu|thuộc|trên|hoặc|tại|gồm|với|mỗi|là"
    r"|không|do|đã|có|sẽ|kèm|năm\s+\d{4}|giai đoạn|đợt)(?=\s|$)|\strở\s+lên(?![^\W\d_])"
    r"|\svà\s(?=tập thể|cá nhân|các|những|\d|đề nghị|được|số lượng)",
)
# Nouns that name a kind of award but not which one ("Bằng khen" of whom?).
_GENERIC = re.compile(
    r"(?:Huân\s+chương|Huy\s+chương|Kỷ\s+niệm\s+chương|Cờ\s+thi\s+đua|Bằng\s+khen|Giấy\s+khen"
    r"|Chiến\s+s[ĩỹ]\s+thi\s+đua|Danh\s+hiệu\s+vinh\s+dự)",
    re.IGNORECASE,
)
_TRAILING = re.compile(r"(?:\s+(?:và|hoặc|cùng|của))+$|[\s,.\-–“”\"']+$")
_MAX_WORDS = 14

_ABBREVIATIONS = [
    (re.compile(r"\bubnd\b"), "uy ban nhan dan"),
    (re.compile(r"\bhdnd\b"), "hoi dong nhan dan"),
    (re.compile(r"\bttg\b"), "thu tuong chinh phu"),
    (re.compile(r"\btp\b\.?"), "thanh pho"),
    (re.compile(r"\bchien sy\b"), "chien si"),
]
# (folded pattern, canonical catalog name) for wordings the catalog's aliases miss.
_RULES = [
    (r"^bang khen (?:cua )?(?:thu tuong|chinh phu)", "Bằng khen của Thủ tướng Chính phủ"),
    (r"^bang khen (?:cua )?(?:chu tich )?(?:uy ban nhan dan|hoi dong nhan dan)", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"),
    (r"^bang khen (?:cua )?(?:chu tich )?(?:tinh|thanh pho)\b", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"),
    (r"^bang khen (?:cua )?(?:bo truong|thu truong bo|bo|nganh|ban, nganh)\b", "Bằng khen của Bộ trưởng"),
    (r"^co thi dua (?:xuat sac )?(?:cua )?chinh phu", "Cờ thi đua của Chính phủ"),
    (r"^co thi dua (?:xuat sac )?(?:cua )?(?:chu tich )?(?:uy ban nhan dan )?(?:tinh|thanh pho)\b", "Cờ thi đua của Ủy ban nhân dân tỉnh"),
    (r"^co thi dua (?:xuat sac )?(?:cua )?uy ban nhan dan", "Cờ thi đua của Ủy ban nhân dân tỉnh"),
    (r"^co thi dua (?:xuat sac )?(?:cua )?(?:bo truong|bo|nganh|ban, nganh)\b", "Cờ thi đua của bộ, ban, ngành"),
    (r"^chien si thi dua (?:cap )?(?:bo|nganh|tinh|thanh pho)\b", "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh"),
]
_COMPILED_RULES = [(re.compile(p), name) for p, name in _RULES]
# "Chủ tịch UBND tỉnh tặng Bằng khen": who gives a bare award noun.
_GIVER = re.compile(
    r"(Thủ tướng(?:\s+Chính phủ)?|Bộ trưởng(?:\s+Bộ\s+[^\s,;.]+(?:\s+[^\s,;.]+){0,4})?"
    r"|(?:Chủ tịch\s+)?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:tỉnh|thành phố)"
    r"|Giám đốc(?:\s+Sở)?|Thủ trưởng(?:\s+cơ quan|\s+đơn vị)?)"
    r"\s+(?:xét\s+)?(?:tặng|khen thưởng)(?:\s+thưởng)?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AwardPhrase:
    """An award phrase found in a text: where it is and what it names."""

    start: int
    end: int
    text: str
    award: Award | None
    bare: bool  # just the noun ("Bằng khen"), with no giver written after it


def _folded(text: str) -> str:
    key = fold(text)
    for pattern, repl in _ABBREVIATIONS:
        key = pattern.sub(repl, key)
    return re.sub(r"[^a-z0-9,]+", " ", key).strip()


def match_award(text: str, catalog: Catalog | None = None) -> Award | None:
    """The catalog award an award phrase names, or ``None``."""
    return _match(catalog or load(), text)


@functools.lru_cache(maxsize=4096)
def _match(catalog: Catalog, text: str) -> Award | None:
    award = catalog.match(text)
    if award:
        return award
    key = _folded(text)
    award = catalog.match(key)
    if award:
        return award
    for pattern, name in _COMPILED_RULES:
        if pattern.search(key):
            return catalog.get(name)
    return None


def find_award_phrases(text: str, catalog: Catalog | None = None) -> list[AwardPhrase]:
    """Every award phrase in ``text``, in order, each cut at the start of the next."""
    catalog = catalog or load()
    heads = list(HEAD_RE.finditer(text))
    out = []
    for k, head in enumerate(heads):
        limit = heads[k + 1].start() if k + 1 < len(heads) else len(text)
        stop = _STOP.search(text, head.end(), limit)
        end = stop.start() if stop else limit
        phrase = text[head.start():end]
        words = phrase.split()
        if len(words) > _MAX_WORDS:
            phrase = " ".join(words[:_MAX_WORDS])
        while True:
            trimmed = _TRAILING.sub("", phrase)
            if trimmed == phrase:
                break
            phrase = trimmed
        # Keep the closing quote of a quoted name: Kỷ niệm chương “Vì sự nghiệp …”.
        following = text[head.start() + len(phrase):head.start() + len(phrase) + 1]
        if (following == "”" and phrase.count("“") > phrase.count("”")) or (
                following == '"' and phrase.count('"') % 2 == 1):
            phrase += following
        end = head.start() + len(phrase)
        bare = bool(_GENERIC.fullmatch(phrase))
        award = None if bare else match_award(phrase, catalog)
        if award is None:
            giver = _GIVER.search(text[max(0, head.start() - 120):head.start()])
            if giver:
                award = match_award(f"{head.group(0)} của {giver.group(1)}", catalog)
        if award is None and bare:
            award = match_award(phrase, catalog)
        out.append(AwardPhrase(head.start(), end, phrase, award, bare))
    return out
