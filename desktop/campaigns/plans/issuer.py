"""The body that issued the plan, from the agency lines at the top left of the header.

"UBND TỈNH HÀ TĨNH / SỞ TƯ PHÁP" gives "Sở Tư pháp tỉnh Hà Tĩnh"; "BỘ TƯ PHÁP"
gives "Bộ Tư pháp"; "BỘ TƯ PHÁP / CỤC BỔ TRỢ TƯ PHÁP" gives "Cục Bổ trợ tư
pháp". Conversions may put the agency on the Quốc hiệu's line ("SỞ NỘI VỤ Độc
lập - Tự do - Hạnh phúc"), in table cells, or all on one line with the number;
the agency is the last agency name in the upper-case words before the number.
Documents quote it in sentence case ("Căn cứ Kế hoạch số … của Sở Tư pháp tỉnh
Hà Tĩnh"), which is what :func:`read_issuer` returns.
"""
from __future__ import annotations

import re

from desktop.campaigns.plans.blocks import is_upper
from desktop.campaigns.plans.document import Document
from desktop.campaigns.plans.phrases import any_of

_NATIONAL = re.compile(
    any_of("C[ỘO]NG H[ÒOÀ][AÀ]? X[ÃA] H[ỘO]I CH[ỦU] NGH[ĨI]A VI[ỆE]T NAM", "ĐẢNG CỘNG SẢN VIỆT NAM",
           r"Độc lập\s*[-–—]\s*Tự\s*[-–—]?\s*(?:do\s*[-–—]\s*)?Hạnh phúc"),
    re.IGNORECASE,
)
_NUMBER = re.compile(r"(?:^|\s)Số\b")
# Agency types, longer first so that "ỦY BAN NHÂN DÂN" is not read as "BAN", "VĂN PHÒNG" not as "PHÒNG".
_AGENCY = re.compile(
    r"(?<!\S)(?:"
    + any_of("TIỂU BAN", "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "UBND", "ỦY BAN", "UỶ BAN", "TỔNG CỤC", "CHI CỤC",
             "VĂN PHÒNG", "TRUNG TÂM", "HỘI ĐỒNG", "ĐẢNG ỦY", "ĐẢNG UỶ", "TỈNH ỦY", "TỈNH UỶ", "THÀNH ỦY", "CÔNG AN",
             "BỘ CHỈ HUY", r"(?<!CƠ\s)SỞ", "BỘ", "CỤC",
             r"(?<!NỘI\s)(?<!DỊCH\s)(?<!NGHIỆP\s)(?<!NHIỆM\s)(?<!PHỤC\s)(?<!CHỨC\s)VỤ", "BAN", "VIỆN",
             r"(?<!QUỐC\s)PHÒNG", "TRƯỜNG(?= (?:ĐẠI|CAO|TRUNG|THPT|THCS|TIỂU|MẦM|CHÍNH|PHỔ))", "HỌC VIỆN", "TÒA ÁN",
             "KHO BẠC", "BẢO HIỂM XÃ HỘI")
    + r")(?=\s|$)"
)
_LOCALITY = re.compile(r"^(?:ỦY\s+BAN\s+NHÂN\s+DÂN|UỶ\s+BAN\s+NHÂN\s+DÂN|UBND)\s+(?P<where>(?:TỈNH|THÀNH\s+PHỐ|TP\.?|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG)\s+.+)$")
_LOCALITY_WORDS = {"TỈNH": "tỉnh", "THÀNH PHỐ": "thành phố", "TP.": "thành phố", "TP": "thành phố", "HUYỆN": "huyện",
                   "QUẬN": "quận", "THỊ XÃ": "thị xã", "XÃ": "xã", "PHƯỜNG": "phường"}
_TYPES = {"UBND": "Ủy ban nhân dân", "ỦY BAN NHÂN DÂN": "Ủy ban nhân dân", "UỶ BAN NHÂN DÂN": "Ủy ban nhân dân",
          "TIỂU BAN": "Tiểu ban", "CHI CỤC": "Chi cục", "TỔNG CỤC": "Tổng cục", "VĂN PHÒNG": "Văn phòng",
          "TRUNG TÂM": "Trung tâm", "HỘI ĐỒNG": "Hội đồng", "HỌC VIỆN": "Học viện", "TÒA ÁN": "Tòa án",
          "KHO BẠC": "Kho bạc", "CÔNG AN": "Công an"}
_LOWER_JOINS = {"VÀ", "CỦA", "VỀ", "TẠI"}


def read_issuer(doc: Document, number_line: int | None, limit: int) -> str | None:
    """The issuing body in sentence case, or ``None`` when the header names none."""
    last = number_line if number_line is not None else min(limit, 8)
    lines = [ln.text.text for ln in doc.lines[:min(last + 1, len(doc.lines))]]
    if lines and number_line is not None:
        m = _NUMBER.search(lines[-1])
        lines[-1] = lines[-1][:m.start()] if m else lines[-1]
    text = _NATIONAL.sub("\n", "\n".join(lines))  # the Quốc hiệu may be wrapped over lines
    words: list[str] = []
    for line in text.split("\n"):
        line = re.sub(r"[|*#_]", " ", re.sub(r"<br\s*/?>", " ", line))
        for word in line.split():
            if is_upper(word) or word in ("-", "–", "&") or (len(word) == 1 and word.isupper()):
                words.append(word.strip(",;"))
    upper = " ".join(words)
    upper = re.sub(r"\s*[-–]+\s*$", "", re.sub(r"^[-–\s]+", "", upper)).strip()
    starts = [m.start() for m in _AGENCY.finditer(upper)]
    if not starts:
        return None
    agency = upper[starts[-1]:].strip(" -–")
    parent = upper[:starts[-1]].strip(" -–")
    # "UBND TỈNH HÀ TĨNH" as the agency itself, or "SỞ TƯ PHÁP" under it.
    own = _LOCALITY.match(agency)
    if own:
        return f"Ủy ban nhân dân {_locality(own.group('where'))}"
    name = _sentence_case(agency)
    where = _LOCALITY.match(parent)
    if where and not agency.startswith(("BỘ", "TỔNG CỤC")):
        name += " " + _locality(where.group("where"))
    return name


# Agencies named by the symbol of their documents ("KH-STP"), for headers that lost the agency lines.
SYMBOL_AGENCIES = {
    "STP": "Sở Tư pháp", "SNV": "Sở Nội vụ", "SGDĐT": "Sở Giáo dục và Đào tạo", "SGD&ĐT": "Sở Giáo dục và Đào tạo",
    "STC": "Sở Tài chính", "SKHCN": "Sở Khoa học và Công nghệ", "SYT": "Sở Y tế", "SXD": "Sở Xây dựng",
    "SCT": "Sở Công Thương", "SNNMT": "Sở Nông nghiệp và Môi trường", "SVHTTDL": "Sở Văn hóa, Thể thao và Du lịch",
    "STNMT": "Sở Tài nguyên và Môi trường", "SKHĐT": "Sở Kế hoạch và Đầu tư", "SGTVT": "Sở Giao thông vận tải",
    "SLĐTBXH": "Sở Lao động - Thương binh và Xã hội", "SNNPTNT": "Sở Nông nghiệp và Phát triển nông thôn",
    "STTTT": "Sở Thông tin và Truyền thông", "SDTTG": "Sở Dân tộc và Tôn giáo", "SNgV": "Sở Ngoại vụ",
    "BTP": "Bộ Tư pháp", "BNV": "Bộ Nội vụ", "BTC": "Bộ Tài chính", "BGDĐT": "Bộ Giáo dục và Đào tạo",
    "BYT": "Bộ Y tế",
}
# Centrally-run cities: their bodies are "… thành phố Đà Nẵng", not "tỉnh".
_CITIES = {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"}


def issuer_from_symbol(symbol: str | None, place: str | None) -> str | None:
    """"KH-STP" written in "Hà Tĩnh" → "Sở Tư pháp tỉnh Hà Tĩnh", when the header lost its agency lines."""
    if not symbol:
        return None
    parts = symbol.split("-")
    for code in parts[1:] + parts[:1]:
        agency = SYMBOL_AGENCIES.get(code) or SYMBOL_AGENCIES.get(code.upper())
        if agency:
            if agency.startswith("Bộ") or not place:
                return agency
            name = place.removeprefix("Thành phố ").removeprefix("thành phố ").removeprefix("Tỉnh ").removeprefix("tỉnh ")
            return f"{agency} {'thành phố' if name in _CITIES else 'tỉnh'} {name}"
    return None


def _locality(where: str) -> str:
    for word, lower in sorted(_LOCALITY_WORDS.items(), key=lambda kv: -len(kv[0])):
        if where.startswith(word + " ") or where.startswith(word):
            rest = where[len(word):].strip(" .")
            return f"{lower} {_proper(rest)}"
    return _proper(where)


def _proper(name: str) -> str:
    """A place name: every syllable capitalised ("Thừa Thiên Huế", "Bà Rịa - Vũng Tàu")."""
    return " ".join(w if w in ("-", "–") else w[:1] + w[1:].lower() for w in name.split())


def _sentence_case(agency: str) -> str:
    """"SỞ GIÁO DỤC VÀ ĐÀO TẠO" → "Sở Giáo dục và Đào tạo"; "CỤC BỔ TRỢ TƯ PHÁP" → "Cục Bổ trợ tư pháp"."""
    m = _AGENCY.match(agency)
    kind = m.group(0) if m else ""
    rest = agency[len(kind):].split()
    head = _TYPES.get(re.sub(r"\s+", " ", kind), " ".join(w[:1] + w[1:].lower() for w in kind.split()))
    out: list[str] = []
    capital = True
    for word in rest:
        if word in ("-", "–", ",", "&"):
            out.append(word)
            capital = True
            continue
        if word in _LOWER_JOINS:
            out.append(word.lower())
            capital = True
            continue
        trail = "," if word.endswith(",") else ""
        core = word.rstrip(",")
        out.append((core[:1] + core[1:].lower() if capital else core.lower()) + trail)
        capital = bool(trail)
    return " ".join([head, *out]).strip()
