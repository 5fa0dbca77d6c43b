"""A worked example of a compose context: one campaign of Sở Tư pháp tỉnh Hà Tĩnh.

The form chooser shows each form filled with this example so the clerk sees
what a finished document looks like before entering any data, and the tests
render every form with it. It also documents, by example, the shape of every
context key :mod:`.compose` and :mod:`.sources` read.
"""
from __future__ import annotations

import copy
import datetime as dt
from typing import Any

__all__ = ["sample_context"]

_MEMBERS = [
    {"name": "Nguyễn Quốc Tuấn", "title": "Giám đốc Sở", "role": "Chủ tịch Hội đồng"},
    {"name": "Hoàng Thị Luân", "title": "Phó Giám đốc Sở", "role": "Phó Chủ tịch Hội đồng"},
    {"name": "Trần Đức Thắng", "title": "Chánh Văn phòng Sở", "role": "Ủy viên Thường trực"},
    {"name": "Lê Thị Thu Hằng", "title": "Trưởng phòng Hành chính tư pháp", "role": "Ủy viên"},
    {"name": "Phan Văn Dũng", "title": "Trưởng phòng Xây dựng, kiểm tra và theo dõi thi hành pháp luật", "role": "Ủy viên"},
    {"name": "Đặng Thị Ngọc Ánh", "title": "Giám đốc Trung tâm Trợ giúp pháp lý nhà nước", "role": "Ủy viên",
     "present": False, "written_opinion": True},
    {"name": "Võ Minh Khôi", "title": "Chủ tịch Công đoàn cơ sở Sở Tư pháp", "role": "Ủy viên"},
]

_CANDIDATES = [
    {"name": "Phòng Hành chính tư pháp", "kind": "tap_the", "position": "", "unit": "Sở Tư pháp", "votes": 6,
     "summary": "Số hóa 100% hồ sơ đăng ký hộ tịch; hướng dẫn 209 xã, phường dùng phần mềm dùng chung."},
    {"name": "Trung tâm Dịch vụ đấu giá tài sản", "kind": "tap_the", "position": "", "unit": "Sở Tư pháp", "votes": 6,
     "summary": "Tổ chức 100% cuộc đấu giá trực tuyến trên Cổng đấu giá tài sản quốc gia."},
    {"name": "Nguyễn Thị Hoa", "kind": "ca_nhan", "position": "Chuyên viên", "unit": "Phòng Hành chính tư pháp", "votes": 6,
     "summary": "Xây dựng quy trình số hóa sổ hộ tịch, được Sở áp dụng từ tháng 9/2025."},
    {"name": "Trần Văn Đức", "kind": "ca_nhan", "position": "Phó Chánh Văn phòng", "unit": "Văn phòng Sở", "votes": 6,
     "summary": "Vận hành hệ thống quản lý văn bản và điều hành, ký số 100% văn bản đi."},
    {"name": "Lê Thị Quỳnh Anh", "kind": "ca_nhan", "position": "Trợ giúp viên pháp lý",
     "unit": "Trung tâm Trợ giúp pháp lý nhà nước", "votes": 5,
     "summary": "Tư vấn pháp luật trực tuyến cho 312 lượt người dân."},
]

_CONTEXT: dict[str, Any] = {
    "unit": {
        "name": "Sở Tư pháp",
        "governing": "UBND tỉnh Hà Tĩnh",
        "abbreviation": "STP",
        "place": "Hà Tĩnh",
        "drafting_unit": "VP",
    },
    "council": {"name": "Hội đồng Thi đua - Khen thưởng", "abbreviation": "HĐTĐKT"},
    "document": {
        "number": "",
        "date": dt.date(2025, 8, 14),
        "classification": "thuong",
    },
    "campaign": {
        "name": "Phong trào thi đua “Ngành Tư pháp thi đua đổi mới sáng tạo và chuyển đổi số”",
        "plan": "Kế hoạch số 205/KH-STP ngày 28/7/2025 của Sở Tư pháp tỉnh Hà Tĩnh về triển khai Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số”",
        "period": "năm 2025",
    },
    "award": {
        "name": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "verb": "tặng",
        "approver": "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh",
        "request": "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh xem xét, tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "closing": "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh xem xét, quyết định",
        "recipient": "Ủy ban nhân dân tỉnh Hà Tĩnh",   # where a Công văn đề nghị is addressed
    },
    "meeting": {
        "start": dt.datetime(2025, 8, 12, 8, 0),
        "end": dt.datetime(2025, 8, 12, 10, 30),
        "place": "Phòng họp tầng 2, trụ sở Sở Tư pháp, số 55 đường Phan Đình Phùng, phường Thành Sen, tỉnh Hà Tĩnh",
        "chair": {"name": "Nguyễn Quốc Tuấn", "title": "Giám đốc Sở, Chủ tịch Hội đồng"},
        "secretary": {"name": "Trần Đức Thắng", "title": "Chánh Văn phòng Sở, Ủy viên Thường trực Hội đồng"},
        "members": _MEMBERS,
        "total_members": 7,
    },
    "ballot": {"issued": 6, "returned": 6, "valid": 6, "invalid": 0, "threshold": 80},
    "candidates": _CANDIDATES,
    "person": {
        "name": "Nguyễn Thị Hoa",
        "birth_date": "05/02/1990",
        "gender": "Nữ",
        "ethnicity": "Kinh",
        "hometown": "xã Thạch Hà, tỉnh Hà Tĩnh",
        "residence": "phường Thành Sen, tỉnh Hà Tĩnh",
        "unit": "Phòng Hành chính tư pháp, Sở Tư pháp tỉnh Hà Tĩnh",
        "position": "Chuyên viên",
        "political_theory": "Trung cấp",
        "education": "Cử nhân Luật",
        "tasks": "Tham mưu công tác đăng ký, quản lý hộ tịch, quốc tịch, chứng thực; theo dõi việc số hóa sổ hộ tịch trên địa bàn tỉnh.",
    },
    "collective": {
        "name": "Phòng Hành chính tư pháp",
        "parent": "Sở Tư pháp tỉnh Hà Tĩnh",
        "address": "Số 55 đường Phan Đình Phùng, phường Thành Sen, tỉnh Hà Tĩnh",
        "phone": "0239 3855 318",
        "website": "sotuphap.hatinh.gov.vn",
        "structure": "01 Trưởng phòng, 01 Phó Trưởng phòng và 05 công chức",
        "staff_count": "07 công chức",
        "functions": [
            "Tham mưu, giúp Giám đốc Sở quản lý nhà nước về hộ tịch, quốc tịch, chứng thực, lý lịch tư pháp và nuôi con nuôi.",
            "Hướng dẫn nghiệp vụ hộ tịch, chứng thực cho Ủy ban nhân dân cấp xã.",
        ],
    },
    "achievements": [
        {
            "criterion": "Chuyển đổi số trong công tác chuyên môn",
            "items": [
                {"text": "Số hóa sổ hộ tịch lưu trữ tại Sở", "result": "100% sổ đã số hóa, 412.000 trang"},
                "Hướng dẫn 209 xã, phường sử dụng phần mềm đăng ký, quản lý hộ tịch dùng chung",
            ],
            "measures": [
                "Lập tổ công tác số hóa, giao chỉ tiêu theo tháng cho từng công chức",
                "Phối hợp với Viễn thông Hà Tĩnh tập huấn tại chỗ cho công chức tư pháp - hộ tịch cấp xã",
            ],
        },
        {
            "criterion": "Cải cách thủ tục hành chính",
            "items": ["Giải quyết đúng hạn 100% hồ sơ lý lịch tư pháp, 86% hồ sơ nộp trực tuyến toàn trình"],
            "measures": ["Công khai quy trình nội bộ và thời hạn giải quyết trên Cổng dịch vụ công"],
        },
    ],
    "texts": {
        "effect": "Thời gian giải quyết thủ tục hộ tịch giảm trung bình 30%; người dân tra cứu được hồ sơ hộ tịch gốc mà không phải đến trụ sở. Bài học: giao việc cụ thể, đo kết quả hằng tháng.",
        "policy": "Chấp hành nghiêm chủ trương, chính sách của Đảng, pháp luật của Nhà nước và quy định của ngành.",
        "party_work": "Chi bộ đạt “Hoàn thành tốt nhiệm vụ”; Công đoàn cơ sở vững mạnh.",
    },
    "signers": {
        "signer": {"authority": "KT. GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC", "name": "Hoàng Thị Luân"},
        "head": {"name": "Lê Thị Thu Hằng"},
        "superior": {"name": "Nguyễn Quốc Tuấn"},
    },
}


# The campaign's own documents (Bản đăng ký thi đua, Báo cáo kết quả): keys only they read.
_CONTEXT["campaign"].update({
    "issuer": "Sở Tư pháp tỉnh Hà Tĩnh",
    "period_text": "Năm 2025",
    "name_period": "Phong trào thi đua “Ngành Tư pháp thi đua đổi mới sáng tạo và chuyển đổi số” năm 2025",
})
_CONTEXT["signers"]["head"].setdefault("title", "TRƯỞNG PHÒNG")
_CONTEXT["report"] = {
    "title": "Kết quả sơ kết 6 tháng đầu năm",
    "scope": "kết quả sơ kết 6 tháng đầu năm thực hiện phong trào thi đua",
    "results_intro": "Kết quả thực hiện từng chỉ tiêu so với chỉ tiêu đã đăng ký, tính đến hết sơ kết 6 tháng:",
}
_CONTEXT["texts"].update({
    "organisation": "Phòng đã phổ biến Kế hoạch số 205/KH-STP đến toàn thể công chức; 07/07 công chức đăng ký thi đua.",
    "shortcomings": "Một số sổ hộ tịch cũ hư hỏng, chưa số hóa được.",
    "next_steps": "Hoàn thành số hóa sổ hộ tịch còn lại trong quý IV.",
})
_CONTEXT["unit_targets"] = [
    {"criterion": "Tỷ lệ sổ hộ tịch được số hóa", "unit": "%", "value": "100", "due": "Trước 30/11/2025", "note": ""},
    {"criterion": "Tỷ lệ hồ sơ lý lịch tư pháp nộp trực tuyến", "unit": "%", "value": "80", "due": "", "note": ""},
]
_CONTEXT["registrations"] = [
    {"kind": "tap_the", "name": "Phòng Hành chính tư pháp", "where": "Sở Tư pháp tỉnh Hà Tĩnh",
     "titles": ["Tập thể lao động xuất sắc"], "targets": ["Tỷ lệ sổ hộ tịch được số hóa: 100 %"]},
    {"kind": "ca_nhan", "name": "Nguyễn Thị Hoa", "where": "Chuyên viên, Phòng Hành chính tư pháp",
     "titles": ["Lao động tiên tiến", "Chiến sĩ thi đua cơ sở"], "targets": ["Số sổ hộ tịch số hóa: 120 sổ"]},
]
_CONTEXT["results"] = [
    {"criterion": "Tỷ lệ sổ hộ tịch được số hóa", "target": "100 % (đã đăng ký)", "result": "100 %",
     "assessment": "Đạt"},
    {"criterion": "Tỷ lệ hồ sơ lý lịch tư pháp nộp trực tuyến", "target": "80 % (đã đăng ký)", "result": "86 %",
     "assessment": "Đạt"},
]
_CONTEXT["awards_summary"] = [
    {"award": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "proposed": "05", "passed": "05", "sent": "05"},
]


def _prior_award(year: int, name: str, kind: str, decision: str, issuer: str) -> dict[str, Any]:
    return {"year": year, "name": name, "kind": kind, "decision": decision, "issuer": issuer}


_PRIOR_AWARDS = {
    "tap_the": [
        _prior_award(2023, "Tập thể lao động tiên tiến", "danh_hieu", "Quyết định số 15/QĐ-STP ngày 10/01/2024",
                     "Sở Tư pháp tỉnh Hà Tĩnh"),
        _prior_award(2024, "Tập thể lao động xuất sắc", "danh_hieu", "Quyết định số 302/QĐ-UBND ngày 20/01/2025",
                     "UBND tỉnh Hà Tĩnh"),
        _prior_award(2024, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "hinh_thuc",
                     "Quyết định số 410/QĐ-UBND ngày 05/02/2025", "UBND tỉnh Hà Tĩnh"),
    ],
    "ca_nhan": [
        _prior_award(2023, "Lao động tiên tiến", "danh_hieu", "Quyết định số 16/QĐ-STP ngày 10/01/2024",
                     "Sở Tư pháp tỉnh Hà Tĩnh"),
        _prior_award(2024, "Chiến sĩ thi đua cơ sở", "danh_hieu", "Quyết định số 21/QĐ-STP ngày 15/01/2025",
                     "Sở Tư pháp tỉnh Hà Tĩnh"),
        _prior_award(2024, "Giấy khen của Giám đốc Sở Tư pháp", "hinh_thuc", "Quyết định số 22/QĐ-STP ngày 15/01/2025",
                     "Sở Tư pháp tỉnh Hà Tĩnh"),
    ],
}


# The unit head's year-end decision (the Quyết định form): the same invented example unit.
_DECISION = {
    "decision": {"year": 2024, "authority": "GIÁM ĐỐC SỞ TƯ PHÁP TỈNH HÀ TĨNH", "total": "5.382.000 đ"},
    # The year-end review's minutes and an ad-hoc award's Tờ trình (invented, like the rest).
    "review": {"year": 2024},
    "conclusion": [
        {"award": "Chiến sĩ thi đua cơ sở", "kind": "ca_nhan", "verb": "Đề nghị Thủ trưởng đơn vị công nhận danh hiệu",
         "items": ["Nguyễn Thị Hồng Nhung, Chuyên viên, Phòng Hành chính tư pháp"]},
        {"award": "Lao động tiên tiến", "kind": "ca_nhan", "verb": "Đề nghị Thủ trưởng đơn vị công nhận danh hiệu",
         "items": ["Nguyễn Thị Hồng Nhung, Chuyên viên, Phòng Hành chính tư pháp",
                   "Trần Văn Hưng, Chuyên viên, Văn phòng Sở"]},
    ],
    "feat": {"intro": "Ngày 12/8/2025, tại xã Kỳ Anh, bà Nguyễn Thị Hồng Nhung đã kịp thời hỗ trợ pháp lý cho "
                      "12 hộ dân bị thiệt hại do lũ quét.",
             "items": ["Ngày 12/08/2025: Hỗ trợ pháp lý khẩn cấp cho 12 hộ dân vùng lũ (12 hộ)."]},
    "decided": [
        {"name": "Phòng Hành chính tư pháp", "unit": "Sở Tư pháp", "award": "Tập thể lao động tiên tiến",
         "prize": "1.872.000 đ"},
        {"name": "Nguyễn Thị Hồng Nhung", "position": "Chuyên viên", "unit": "Phòng Hành chính tư pháp",
         "award": "Chiến sĩ thi đua cơ sở", "prize": "2.340.000 đ"},
        {"name": "Nguyễn Thị Hồng Nhung", "position": "Chuyên viên", "unit": "Phòng Hành chính tư pháp",
         "award": "Lao động tiên tiến", "prize": "702.000 đ"},
        {"name": "Trần Văn Hưng", "position": "Chuyên viên", "unit": "Văn phòng Sở", "award": "Lao động tiên tiến",
         "prize": "702.000 đ"},
    ],
}


def sample_context(subject: str = "tap_the") -> dict[str, Any]:
    """A fresh deep copy, so a caller may change it freely.

    ``subject`` ("tap_the" or "ca_nhan") picks whose earlier awards the
    ``prior_awards`` list holds, as the application does for one report.
    """
    context = copy.deepcopy(_CONTEXT)
    context.update(copy.deepcopy(_DECISION))
    context["prior_awards"] = copy.deepcopy(_PRIOR_AWARDS.get(subject, _PRIOR_AWARDS["tap_the"]))
    return context
