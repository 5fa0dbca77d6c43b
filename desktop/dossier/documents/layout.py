"""Page rules of NĐ 30/2020/NĐ-CP Phụ lục I, as numbers both renderers share.

Keeping them in one place means the PDF and the DOCX agree, and a reviewer can
check every number against the decree (legal.md B.1–B.2) in one screen.
Lengths are in millimetres, font sizes and spacing in points.
"""
from __future__ import annotations

# A4 portrait (Phụ lục I, I.1–2).
PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0

# Margins (I.3): top and bottom 20–25, left 30–35, right 15–20.
MARGIN_TOP_MM = 20.0
MARGIN_BOTTOM_MM = 20.0
MARGIN_LEFT_MM = 30.0
MARGIN_RIGHT_MM = 15.0

TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM  # 165 mm

# Header table (boxes 2–3 on the left, 1 and 4 on the right). The right column
# must hold the Quốc hiệu in 12 pt bold on one line (about 89 mm).
HEADER_LEFT_MM = 72.0
HEADER_RIGHT_MM = TEXT_WIDTH_MM - HEADER_LEFT_MM

# Signature area: Nơi nhận on the left, the signer on the right.
SIGN_LEFT_MM = 75.0
SIGN_RIGHT_MM = TEXT_WIDTH_MM - SIGN_LEFT_MM

# Font sizes (II and the table of V; the decree's worked example in brackets).
SIZE_GOVERNING = 13        # tên cơ quan chủ quản: 12–13, upright
SIZE_ISSUING = 13          # tên cơ quan ban hành: 12–13, bold
SIZE_NUMBER = 13           # "Số:": 13
SIZE_CLASSIFICATION = 13   # độ mật: 13–14, bold
SIZE_NATIONAL = 12         # Quốc hiệu: 12–13, bold [12]
SIZE_MOTTO = 13            # Tiêu ngữ: 13–14, bold [13]
SIZE_PLACE_DATE = 14       # địa danh, ngày: 13–14, italic
SIZE_TYPE_NAME = 14        # tên loại: 13–14, bold [14]
SIZE_TITLE = 14            # trích yếu: 13–14, bold [14]
SIZE_TITLE_CONG_VAN = 13   # trích yếu of a công văn ("V/v …", box 5b): 12–13, upright, under the Số line
CONG_VAN_TITLE_GAP_PT = 6  # … 6 pt below the Số line
SIZE_BODY = 14             # nội dung: 13–14 [14]
SIZE_TABLE = 13            # cells of body tables (kept within the body range)
SIZE_SIGNATURE = 14        # quyền hạn, chức vụ, họ tên: 13–14, bold
SIZE_SIGNATURE_NOTE = 14   # "(Ký, đóng dấu)": as the signature block, italic
SIZE_NOI_NHAN_LABEL = 12   # "Nơi nhận:": 12, bold italic
SIZE_NOI_NHAN = 11         # recipient list: 11
SIZE_PAGE_NUMBER = 13      # page number: 13–14, from page 2

# Body paragraphs (II.6.e): first-line indent 1 or 1.27 cm, at least 6 pt
# between paragraphs, line spacing from single to 1.5 lines.
FIRST_LINE_INDENT_MM = 12.7
PARAGRAPH_SPACE_PT = 6.0
LINE_SPACING = 1.2         # multiple of the font size in the PDF (Word's "single" is ≈ 1.15)
DOCX_LINE_SPACING = 1.0    # Word "single"

# Rules: under the issuing body 1/3–1/2 of its text width; under the trích yếu
# 1/3–1/2 of the line; under the Tiêu ngữ as long as the line.
RULE_FRACTION = 0.4
RULE_WIDTH_PT = 0.75

# Space for the handwritten signature and the seal between title and name.
SIGNATURE_GAP_MM = 22.0

# Page number baseline: inside the top margin, centred (I.7).
PAGE_NUMBER_FROM_TOP_MM = 12.0

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
RECIPIENTS_LABEL = "Kính gửi:"
NOI_NHAN_LABEL = "Nơi nhận:"


def balanced_lines(text: str, width_of, max_width: float) -> list[str]:
    """Break a centred display line (agency name, title, signer's title) into lines
    of even length, as a clerk does by hand, instead of a full line and a stub.

    ``width_of(s)`` measures a string in the same unit as ``max_width``. The
    number of lines is what greedy filling needs; among the ways to break into
    that many lines, the one whose longest line is shortest wins. A line never
    starts with a lone dash, so "THI ĐUA -" / "KHEN THƯỞNG" stays readable.
    """
    words = text.split()
    if not words:
        return []
    if width_of(" ".join(words)) <= max_width:
        return [" ".join(words)]
    # Greedy count of lines.
    count, line = 1, ""
    for word in words:
        trial = f"{line} {word}" if line else word
        if line and width_of(trial) > max_width:
            count += 1
            line = word
        else:
            line = trial
    n = len(words)
    best: dict[tuple[int, int], tuple[float, list[str]] | None] = {}

    def solve(start: int, lines_left: int) -> tuple[float, list[str]] | None:
        key = (start, lines_left)
        if key in best:
            return best[key]
        result: tuple[float, list[str]] | None = None
        if lines_left == 1:
            chunk = " ".join(words[start:])
            result = (width_of(chunk), [chunk])
        else:
            for end in range(start + 1, n - lines_left + 2):
                if words[end] in ("-", "–"):
                    continue
                chunk = " ".join(words[start:end])
                w = width_of(chunk)
                rest = solve(end, lines_left - 1)
                if rest is None:
                    continue
                worst = max(w, rest[0])
                if result is None or worst < result[0]:
                    result = (worst, [chunk] + rest[1])
        best[key] = result
        return result

    solved = solve(0, count)
    return solved[1] if solved else [" ".join(words)]
