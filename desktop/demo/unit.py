"""A realistic demo unit, so a new user sees every page with real data on first run.

The unit is a centre under a provincial Sở Tư pháp with five collectives, about
25 people with two years of ratings and prior awards, and about 300 achievements
over two years with measures and small real evidence files (PDF and PNG).
Everything is generated from a seed, so the same seed gives the same data.
"""
from __future__ import annotations

import datetime as dt
import io
import random
import struct
import tempfile
import zlib
from pathlib import Path

from desktop.dates import first_day, last_day
from desktop.records import achievements as ach
from desktop.campaigns import campaign as campaigns
from desktop.records import evidence, people, unit
from desktop.council import meetings, nominations
from desktop.records.people import Collective, Person, PriorAward
from desktop import clock
from desktop.start import mark_demo
from desktop.files import temp_prefix

UNIT = unit.UnitProfile(
    name="Trung tâm Trợ giúp pháp lý nhà nước tỉnh Hà Tĩnh",
    governing_body="Sở Tư pháp tỉnh Hà Tĩnh",
    province="Hà Tĩnh",
    abbreviation="TTTGPL",
    head_name="Trần Đình Hùng",
    head_title="Giám đốc",
    clerk_name="Lê Thị Thu Hà",
)

TEAMS = [
    ("Phòng Hành chính - Tổng hợp", "Văn thư, tổ chức, tài chính, thi đua khen thưởng"),
    ("Phòng Nghiệp vụ 1", "Trợ giúp pháp lý tại trụ sở và tham gia tố tụng"),
    ("Phòng Nghiệp vụ 2", "Trợ giúp pháp lý lưu động tại các xã"),
    ("Chi nhánh số 1", "Chi nhánh tại thị xã Kỳ Anh"),
]
# "Chức năng, nhiệm vụ được giao" of each collective, as its báo cáo thành tích states it.
FUNCTIONS = {
    UNIT.name: "Trung tâm là đơn vị sự nghiệp công lập trực thuộc Sở Tư pháp tỉnh Hà Tĩnh, có chức năng thực hiện "
               "trợ giúp pháp lý cho người được trợ giúp pháp lý trên địa bàn tỉnh theo quy định của Luật Trợ giúp "
               "pháp lý; có tư cách pháp nhân, con dấu và tài khoản riêng.",
    "Phòng Hành chính - Tổng hợp": "Tham mưu, giúp Giám đốc Trung tâm thực hiện công tác văn thư, lưu trữ, tổ chức "
                                   "cán bộ, tài chính, kế toán, thi đua, khen thưởng và tổng hợp, báo cáo.",
    "Phòng Nghiệp vụ 1": "Thực hiện trợ giúp pháp lý tại trụ sở Trung tâm: tư vấn pháp luật, tham gia tố tụng, "
                         "đại diện ngoài tố tụng cho người được trợ giúp pháp lý.",
    "Phòng Nghiệp vụ 2": "Thực hiện trợ giúp pháp lý lưu động tại các xã, phường; truyền thông về trợ giúp pháp lý "
                         "cho người dân ở vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn.",
    "Chi nhánh số 1": "Thực hiện trợ giúp pháp lý cho người được trợ giúp pháp lý tại thị xã Kỳ Anh và các xã lân "
                      "cận theo phân công của Giám đốc Trung tâm.",
}
HOMETOWNS = ["xã Cẩm Xuyên, tỉnh Hà Tĩnh", "xã Thạch Hà, tỉnh Hà Tĩnh", "phường Hồng Lĩnh, tỉnh Hà Tĩnh",
             "xã Đức Thọ, tỉnh Hà Tĩnh", "xã Can Lộc, tỉnh Hà Tĩnh", "xã Nghi Xuân, tỉnh Hà Tĩnh",
             "xã Hương Sơn, tỉnh Hà Tĩnh", "xã Diễn Châu, tỉnh Nghệ An"]
RESIDENCES = ["phường Thành Sen, tỉnh Hà Tĩnh", "phường Trần Phú, tỉnh Hà Tĩnh", "xã Thạch Hà, tỉnh Hà Tĩnh",
              "phường Hà Huy Tập, tỉnh Hà Tĩnh", "phường Sông Trí, tỉnh Hà Tĩnh"]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Phan", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE_M = ["Văn", "Đình", "Minh", "Quốc", "Hữu", "Đức", "Xuân", "Công"]
MIDDLE_F = ["Thị", "Thị Thu", "Thị Hồng", "Ngọc", "Thị Minh", "Thanh", "Thị Kim"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phong", "Quang",
           "Sơn", "Thắng", "Tuấn", "Vinh"]
GIVEN_F = ["Anh", "Ánh", "Chi", "Dung", "Giang", "Hà", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga",
           "Oanh", "Phương", "Thảo", "Trang", "Yến"]

POSITIONS = ["Trợ giúp viên pháp lý", "Chuyên viên", "Chuyên viên chính", "Kế toán viên", "Văn thư",
             "Trợ giúp viên pháp lý hạng II", "Chuyên viên pháp lý"]

CRITERIA = [
    "Chuyển đổi số",
    "Cải cách hành chính",
    "Chất lượng trợ giúp pháp lý",
    "Tuyên truyền, phổ biến pháp luật",
    "Ngày không giấy",
]

# (title, criterion, unit of measure, low, high) for individual achievements.
PERSON_WORK = [
    ("Thực hiện vụ việc trợ giúp pháp lý tham gia tố tụng", "Chất lượng trợ giúp pháp lý", "vụ việc", 3, 18),
    ("Tư vấn pháp luật cho người được trợ giúp pháp lý", "Chất lượng trợ giúp pháp lý", "lượt", 10, 80),
    ("Tham gia đợt trợ giúp pháp lý lưu động", "Tuyên truyền, phổ biến pháp luật", "buổi", 1, 6),
    ("Số hóa hồ sơ vụ việc trợ giúp pháp lý", "Chuyển đổi số", "hồ sơ", 20, 150),
    ("Xử lý văn bản đi, đến trên hệ thống quản lý văn bản điện tử", "Ngày không giấy", "%", 92, 100),
    ("Ký số văn bản phát hành", "Ngày không giấy", "%", 90, 100),
    ("Giải quyết hồ sơ đúng hạn trên Cổng dịch vụ công", "Cải cách hành chính", "%", 95, 100),
    ("Biên soạn tài liệu tuyên truyền pháp luật cho đồng bào", "Tuyên truyền, phổ biến pháp luật", "tài liệu", 1, 5),
    ("Sáng kiến cải tiến quy trình tiếp nhận yêu cầu trợ giúp pháp lý", "Cải cách hành chính", "", 0, 0),
    ("Báo cáo chuyên đề đánh giá chất lượng vụ việc", "Chất lượng trợ giúp pháp lý", "", 0, 0),
]
TEAM_WORK = [
    ("Hoàn thành chỉ tiêu vụ việc trợ giúp pháp lý quý", "Chất lượng trợ giúp pháp lý", "%", 85, 120),
    ("Tổ chức hội nghị tập huấn kỹ năng trợ giúp pháp lý", "Tuyên truyền, phổ biến pháp luật", "lượt người", 30, 120),
    ("Tỷ lệ văn bản điện tử gửi nhận trên môi trường mạng", "Ngày không giấy", "%", 90, 100),
    ("Cập nhật cơ sở dữ liệu vụ việc trợ giúp pháp lý", "Chuyển đổi số", "hồ sơ", 100, 600),
    ("Rà soát, đơn giản hóa thủ tục hành chính", "Cải cách hành chính", "thủ tục", 1, 6),
]

PLACES = ["xã Cẩm Xuyên", "xã Kỳ Sơn", "phường Hồng Lĩnh", "xã Hương Khê", "xã Vũ Quang", "xã Đức Thọ",
          "xã Can Lộc", "xã Thạch Hà", "xã Nghi Xuân", "xã Lộc Hà"]


def fill(store, seed: int = 2025, today: dt.date | None = None) -> dict[str, int]:
    """Add the demo unit to ``store`` (all in one transaction); returns what was made.

    The file is marked as the demo (see :func:`desktop.start.is_demo`), so the
    window says "DỮ LIỆU MẪU" whatever the file is called.
    """
    rng = random.Random(seed)
    today = today or clock.today()
    start = dt.date(today.year - 1, 1, 1)
    with store.transaction() as conn:
        mark_demo(conn)
        unit.save(store, UNIT)
        unit_id = people.add_collective(store, Collective(UNIT.name, is_unit=True,
                                                         note="Đơn vị sự nghiệp trực thuộc Sở Tư pháp"))
        team_ids = [people.add_collective(store, Collective(name, parent_id=unit_id, note=note))
                    for name, note in TEAMS]
        person_ids = _people(store, rng, [unit_id, *team_ids], today)
        _report_fields(store, seed, [unit_id, *team_ids])
        count = _achievements(store, rng, person_ids, [unit_id, *team_ids], start, today)
        files = _evidence(store, rng, today)
        n_campaigns = _campaigns(store, today)
        n_nominations = _nominations(store, rng, today)
        n_documents = _dossier(store)
        past_campaigns, past_nominations = _award_years(store, rng, today)
        n_campaigns += past_campaigns
        n_nominations += past_nominations
        n_registrations = _registrations(store, today)
    return {"tập thể": 1 + len(team_ids), "cá nhân": len(person_ids), "thành tích": count, "tệp minh chứng": files,
            "phong trào": n_campaigns, "đề nghị khen thưởng": n_nominations, "văn bản hoàn thiện": n_documents,
            "đăng ký thi đua": n_registrations}


def _people(store, rng: random.Random, collective_ids: list[int], today: dt.date,
            profile: unit.UnitProfile = UNIT) -> list[int]:
    ids = []
    used = set()
    leaders = [("Trần Đình Hùng", "Giám đốc", "nam", collective_ids[0]),
               ("Nguyễn Thị Lan Anh", "Phó Giám đốc", "nu", collective_ids[0])]
    heads = ["Trưởng phòng", "Trưởng phòng", "Trưởng phòng", "Trưởng chi nhánh"]
    plan: list[tuple[str, str, str, int]] = list(leaders)
    plan.append(("Lê Thị Thu Hà", "Chuyên viên (theo dõi thi đua, khen thưởng)", "nu", collective_ids[1]))
    for i, cid in enumerate(collective_ids[1:]):
        for j in range(6 if i < 2 else 5):
            sex = rng.choice(["nam", "nu"])
            while True:
                if sex == "nam":
                    name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}"
                else:
                    name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}"
                if name not in used and name not in {p[0] for p in plan}:
                    break
            used.add(name)
            position = heads[i] if j == 0 else rng.choice(POSITIONS)
            plan.append((name, position, sex, cid))
    for name, position, sex, cid in plan[:25]:
        # Born 27 to 53 years before "today" (1972-1998 for the demo's own year), so an old plan has staff too.
        birth = dt.date(rng.randint(min(1972, today.year - 53), min(1998, today.year - 27)), rng.randint(1, 12),
                        rng.randint(1, 28))
        joined = rng.randint(max(birth.year + 22, 2000), today.year - 1)
        rank = "Viên chức hạng II" if "Trưởng" in position or "Giám đốc" in position else rng.choice(
            ["Viên chức hạng III", "Viên chức hạng III", "Công chức"])
        pid = people.add_person(store, Person(name, birth, sex, position, rank, cid, joined))
        ids.append(pid)
        for year in (today.year - 2, today.year - 1, today.year):
            rating = rng.choices(["xuat_sac", "tot", "hoan_thanh"], weights=[2, 6, 1])[0]
            people.set_rating(store, pid, year, rating)
        if rng.random() < 0.6:
            year = rng.randint(today.year - 4, today.year - 1)
            award = rng.choice(["Lao động tiên tiến", "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở",
                                "Giấy khen của Giám đốc Sở"])
            issuer = _head_of(profile.governing_body) if award != "Lao động tiên tiến" else \
                f"Giám đốc {profile.name}"
            people.add_prior_award(store, PriorAward(
                award, year, f"{rng.randint(10, 420)}/QĐ-{'STP' if 'Sở' in issuer else 'TTTGPL'}",
                dt.date(year, 12, rng.randint(10, 28)), issuer, person_id=pid))
    people.add_prior_award(store, PriorAward(
        "Tập thể lao động tiên tiến", today.year - 1, "512/QĐ-STP", dt.date(today.year - 1, 12, 26),
        _head_of(profile.governing_body), collective_id=collective_ids[2]))
    people.add_prior_award(store, PriorAward(
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", today.year - 2, "3021/QĐ-UBND",
        dt.date(today.year - 2, 12, 18), f"Chủ tịch UBND {_province_label(profile.province)}",
        collective_id=collective_ids[0]))
    return ids


def _head_of(body: str) -> str:
    """Who signs for ``body``: "Giám đốc Sở Tư pháp tỉnh Hà Tĩnh", "Bộ trưởng Bộ Tư pháp"."""
    if body.startswith("Bộ "):
        return f"Bộ trưởng {body}"
    if body.startswith(("Ủy ban nhân dân", "UBND")):
        return f"Chủ tịch {body}"
    if body.startswith(("Cục ", "Tổng cục ")):
        return f"Cục trưởng {body}" if body.startswith("Cục ") else f"Tổng cục trưởng {body}"
    return f"Giám đốc {body}"


def _province_label(province: str) -> str:
    if not province:
        return "tỉnh"
    if province in ("Hà Nội", "Hồ Chí Minh", "Thành phố Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"):
        return f"thành phố {province}"
    return f"tỉnh {province}"


def _report_fields(store, seed: int, collective_ids: list[int]) -> None:
    """What the báo cáo thành tích asks of each person and collective (own generator: the rest stays as it was)."""
    rng = random.Random(seed + 11)
    for p in people.list_people(store):
        p.ethnicity = "Kinh"
        p.hometown = rng.choice(HOMETOWNS)
        p.residence = rng.choice(RESIDENCES)
        if "Kế toán" in p.position:
            p.education = "Cử nhân Kế toán"
        elif "Văn thư" in p.position:
            p.education = "Trung cấp Văn thư - Lưu trữ"
        elif "Giám đốc" in p.position or "Trưởng" in p.position:
            p.education = "Thạc sĩ Luật"
        else:
            p.education = "Cử nhân Luật"
        p.political_theory = "Cao cấp" if "Giám đốc" in p.position else (
            "Trung cấp" if "Trưởng" in p.position else rng.choice(["Sơ cấp", "Trung cấp"]))
        people.update_person(store, p)
    for cid in collective_ids:
        c = people.get_collective(store, cid)
        c.functions = FUNCTIONS.get(c.name, c.note)
        head = store.one("SELECT id FROM person WHERE collective_id = ? AND (position IN ('Giám đốc', "
                         "'Trưởng phòng', 'Trưởng chi nhánh')) ORDER BY id LIMIT 1", (cid,))
        c.head_person_id = head["id"] if head else None
        people.update_collective(store, c)


def _achievements(store, rng, person_ids, collective_ids, start: dt.date, today: dt.date) -> int:
    days = (today - start).days
    count = 0
    for _ in range(300):
        when = start + dt.timedelta(days=rng.randint(0, days))
        if rng.random() < 0.8:
            title, criterion, unit_name, lo, hi = rng.choice(PERSON_WORK)
            subject = {"person_id": rng.choice(person_ids)}
        else:
            title, criterion, unit_name, lo, hi = rng.choice(TEAM_WORK)
            subject = {"collective_id": rng.choice(collective_ids)}
        place = rng.choice(PLACES)
        if "lưu động" in title or "hội nghị" in title.lower():
            title = f"{title} tại {place}"
        quarter = (when.month - 1) // 3 + 1
        description = (f"Kết quả quý {quarter}/{when.year}. "
                       f"{rng.choice(['Được lãnh đạo đơn vị ghi nhận.', 'Có xác nhận của phòng chuyên môn.', 'Đã báo cáo Sở Tư pháp.', 'Minh chứng lưu tại hồ sơ đơn vị.'])}")
        value = None
        if unit_name:
            value = float(rng.randint(lo, hi)) if unit_name != "%" else round(rng.uniform(lo, hi), 1)
        ach.add(store, ach.Achievement(when, title, description=description, criterion=criterion,
                                       measure_value=value, measure_unit=unit_name, **subject))
        count += 1
    # A few archived entries show the archive at work.
    for aid in rng.sample(range(1, count + 1), 3):
        ach.archive(store, aid)
    return count


def _evidence(store, rng, today: dt.date, limit: int = 40) -> int:
    ids = [r["id"] for r in store.query("SELECT id FROM achievement WHERE archived_at IS NULL ORDER BY id")]
    chosen = rng.sample(ids, min(limit, len(ids)))
    n = 0
    with tempfile.TemporaryDirectory(prefix=temp_prefix("thidua-demo-")) as tmp:
        for i, aid in enumerate(chosen):
            a = ach.get(store, aid)
            if i % 2 == 0:
                path = Path(tmp) / f"minh-chung-{aid}.pdf"
                path.write_bytes(_pdf(a.title, a.date, a.measure_text))
            else:
                path = Path(tmp) / f"anh-{aid}.png"
                path.write_bytes(_png(rng, 160, 100))
            evidence.attach(store, aid, path)
            n += 1
    return n


def _pdf(title: str, date: dt.date, measure: str) -> bytes:
    """A one-page PDF in Vietnamese, as a scanned confirmation would read."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from desktop.resources import resource

    if "DemoSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DemoSerif", str(resource("fonts", "LiberationSerif-Regular.ttf"))))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("DemoSerif", 14)
    c.drawCentredString(A4[0] / 2, A4[1] - 80, "XÁC NHẬN KẾT QUẢ THỰC HIỆN")
    c.setFont("DemoSerif", 12)
    c.drawString(85, A4[1] - 120, title[:90])
    c.drawString(85, A4[1] - 140, f"Ngày: {date:%d/%m/%Y}   Kết quả: {measure or 'hoàn thành'}")
    c.drawString(85, A4[1] - 170, "Tài liệu minh họa do Sổ thi đua tạo cho dữ liệu mẫu.")
    c.showPage()
    c.save()
    return buf.getvalue()


def _png(rng: random.Random, width: int, height: int) -> bytes:
    """A small real PNG (a bar chart look) written without any imaging library."""
    bars = [rng.randint(10, height - 10) for _ in range(8)]
    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            bar = x * len(bars) // width
            filled = height - y <= bars[bar] and x % (width // len(bars)) > 3
            row += bytes((30, 90, 170) if filled else (245, 245, 240))
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def _campaigns(store, today: dt.date) -> int:
    """Two campaigns of the Sở, running now, with the demo ledger linked to their criteria."""
    year = today.year
    deadline = today + dt.timedelta(days=24)
    paperless = campaigns.Campaign(
        title="Phát động phong trào thi đua “Ngày không giấy” trong cơ quan Sở Tư pháp",
        kind="Kế hoạch", number="142/KH-STP", symbol="KH-STP", place="Hà Tĩnh",
        doc_date=f"{year}-01-15", period_start=f"{year}-01-15", period_end=f"{year}-12-15",
        deadline=deadline.isoformat(), signer_authority="KT. GIÁM ĐỐC", signer_title="PHÓ GIÁM ĐỐC",
        signer_name="Nguyễn Văn Tuấn", paperless=True,
        recipients=["Các Phòng, đơn vị thuộc Sở", "Giám đốc, các Phó Giám đốc Sở", "Lưu: VT, VP"],
        criteria=[
            campaigns.Criterion("100% văn bản và hồ sơ công việc được xử lý trên môi trường mạng", "ca_hai", 100, "%"),
            campaigns.Criterion("100% văn bản phát hành được ký số", "ca_hai", 100, "%"),
            campaigns.Criterion("Tính sáng tạo trong triển khai “Ngày không in giấy”", "tap_the"),
        ],
        awards=[
            campaigns.CampaignAward("Giấy khen của Giám đốc Sở", "Giấy khen của Giám đốc Sở Tư pháp", 2, 5),
            campaigns.CampaignAward("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
                                    "Bằng khen của Chủ tịch UBND tỉnh", 1, 1),
        ],
        documents=[
            campaigns.DossierDocument("Tờ trình đề nghị khen thưởng", "01", "152/2025/NĐ-CP"),
            campaigns.DossierDocument("Biên bản họp xét thi đua, khen thưởng", "1.9", "30/2020/NĐ-CP"),
            campaigns.DossierDocument("Báo cáo thành tích của tập thể, cá nhân", "08", "152/2025/NĐ-CP"),
        ],
    )
    digital = campaigns.Campaign(
        title="Triển khai phong trào thi đua “Ngành Tư pháp thi đua đổi mới sáng tạo và chuyển đổi số”",
        kind="Kế hoạch", number="205/KH-STP", symbol="KH-STP", place="Hà Tĩnh",
        doc_date=f"{year - 1}-07-28", period_start=f"{year - 1}", period_end=f"{year + 4}",
        deadline=f"--12-{min(28, max(today.day, 5)):02d}" if today.month == 12 else "--12-05",
        signer_authority="KT. GIÁM ĐỐC", signer_title="PHÓ GIÁM ĐỐC", signer_name="Hoàng Thị Luân",
        recipients=["Vụ Tổ chức cán bộ - Bộ Tư pháp", "UBND tỉnh", "Các Phòng, đơn vị thuộc Sở", "Lưu: VT, VP"],
        criteria=[
            campaigns.Criterion("Số hóa hồ sơ vụ việc, dữ liệu của ngành", "ca_nhan", 120, "hồ sơ"),
            campaigns.Criterion("Cập nhật cơ sở dữ liệu vụ việc trợ giúp pháp lý", "tap_the", 400, "hồ sơ"),
            campaigns.Criterion("Đơn giản hóa thủ tục hành chính, dịch vụ công trực tuyến", "ca_hai", 98, "%"),
        ],
        awards=[
            campaigns.CampaignAward("Bằng khen của Thủ tướng Chính phủ", "Bằng khen của Thủ tướng Chính phủ", 0, 1),
            campaigns.CampaignAward("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
                                    "Bằng khen của Chủ tịch UBND tỉnh", 1, 2),
            campaigns.CampaignAward("Giấy khen của Giám đốc Sở", "Giấy khen của Giám đốc Sở", 2, 4),
        ],
        documents=[
            campaigns.DossierDocument("Tờ trình đề nghị khen thưởng", "01", "152/2025/NĐ-CP"),
            campaigns.DossierDocument("Biên bản họp xét thi đua, khen thưởng", "1.9", "30/2020/NĐ-CP"),
            campaigns.DossierDocument("Báo cáo thành tích đề nghị khen thưởng", "08", "152/2025/NĐ-CP"),
        ],
    )
    links = [
        (paperless, "Xử lý văn bản đi, đến", 0), (paperless, "Tỷ lệ văn bản điện tử", 0),
        (paperless, "Ký số văn bản", 1),
        (digital, "Số hóa hồ sơ", 0), (digital, "Cập nhật cơ sở dữ liệu", 1),
        (digital, "Giải quyết hồ sơ đúng hạn", 2), (digital, "Rà soát, đơn giản hóa", 2),
    ]
    for c in (paperless, digital):
        campaigns.save(store, c)
    with store.transaction() as conn:
        for c, prefix, index in links:
            k = c.criteria[index]
            conn.execute(
                "UPDATE achievement SET campaign_id = ?, criterion_id = ? WHERE title LIKE ? AND date >= ?",
                (c.id, k.id, prefix + "%", f"{year - 1}-01-01"))
    return 2


def _nominations(store, rng: random.Random, today: dt.date, meet=lambda c: c.paperless,
                 profile: unit.UnitProfile = UNIT, cap: int = 3) -> int:
    """Candidates for both campaigns; the first campaign's council has met and voted."""
    count = 0
    for campaign in campaigns.list_campaigns(store):
        proposed: list[int] = []
        # Only work done inside the campaign's period is proposed for it (the report cites no other):
        # late in December the ledger already holds work after a period that ended on 15/12.
        from desktop.dossier.drafts import period_bounds

        first, last = period_bounds(campaign)
        since = first.isoformat() if first else "0000"
        until = last.isoformat() if last else "9999"
        for award in campaign.awards:
            for kind, quota in (("collective", award.quota_collective), ("person", award.quota_individual)):
                info = store.query(
                    f"SELECT a.{'person_id' if kind == 'person' else 'collective_id'} AS sid, count(*) AS n "
                    "FROM achievement a WHERE a.campaign_id = ? AND a.archived_at IS NULL AND a.date >= ? AND "
                    f"a.date <= ? AND a.{'person_id' if kind == 'person' else 'collective_id'} IS NOT NULL "
                    "GROUP BY sid ORDER BY n DESC, sid", (campaign.id, since, until))
                taken = {r["sid"] for r in store.query(
                    f"SELECT {'person_id' if kind == 'person' else 'collective_id'} AS sid FROM nomination "
                    "WHERE campaign_id = ?", (campaign.id,))}
                want = min(quota if quota is not None else 2, cap)
                chosen = 0
                for r in [r for r in info if r["sid"] not in taken]:
                    if chosen >= want:
                        break
                    subject = {"person_id" if kind == "person" else "collective_id": r["sid"]}
                    n = nominations.Nomination(campaign.id, award.id, **subject)
                    # The unit proposes only those who meet the award's conditions (subject, rating), and
                    # of its people only those rated at least "hoàn thành tốt nhiệm vụ" (its own practice).
                    if not all(c.ok for c in nominations.checks(store, n, today)
                               if c.code in ("award_subject", "rating")):
                        continue
                    if kind == "person" and store.scalar(
                            "SELECT rating FROM rating WHERE person_id = ? AND year = ?",
                            (r["sid"], nominations.rating_year(campaign, today))) not in ("tot", "xuat_sac"):
                        continue
                    chosen += 1
                    n.achievement_ids = [x["id"] for x in store.query(
                        f"SELECT id FROM achievement WHERE campaign_id = ? AND archived_at IS NULL AND date >= ? "
                        f"AND date <= ? AND {next(iter(subject))} = ? ORDER BY measure_value DESC, date DESC LIMIT 4",
                        (campaign.id, since, until, r["sid"]))]
                    n.summary = _summary(store, n.achievement_ids)
                    nominations.save(store, n)
                    _report_texts(store, n.id, kind)
                    proposed.append(n.id)
                    count += 1
        for nid in proposed:
            n = nominations.get(store, nid)
            if all(c.ok for c in nominations.checks(store, n, today)):
                nominations.submit(store, nid, today)
        if meet(campaign) and proposed:
            _meeting(store, campaign, today, profile)
    return count


MEASURES = {
    "person": ["Chủ động sắp xếp công việc, xử lý văn bản, hồ sơ trên hệ thống quản lý văn bản điện tử ngay trong "
               "ngày tiếp nhận.",
               "Sử dụng chữ ký số cá nhân cho mọi văn bản phát hành; không in văn bản giấy khi không bắt buộc.",
               "Tham gia đầy đủ các lớp tập huấn kỹ năng số do Sở Tư pháp tổ chức."],
    "collective": ["Phân công cụ thể người phụ trách số hóa, ký số trong phòng; kiểm tra tiến độ hằng tuần.",
                   "Xây dựng quy trình tiếp nhận, xử lý hồ sơ hoàn toàn trên môi trường mạng.",
                   "Tổ chức sinh hoạt chuyên đề chia sẻ kinh nghiệm ứng dụng công nghệ thông tin."],
}
EFFECT = {
    "person": "Rút ngắn thời gian xử lý hồ sơ, tiết kiệm văn phòng phẩm; kinh nghiệm rút ra là xử lý văn bản ngay "
              "trong ngày và chủ động học hỏi kỹ năng số.",
    "collective": "Giảm rõ rệt lượng văn bản giấy, hồ sơ được xử lý đúng hạn; bài học kinh nghiệm là phân công rõ "
                  "người, rõ việc và kiểm tra thường xuyên.",
}


def _report_texts(store, nomination_id: int, kind: str) -> None:
    from desktop.dossier import drafts

    drafts.set_report_texts(store, nomination_id, measures="\n".join(MEASURES[kind]), effect=EFFECT[kind])


def _summary(store, achievement_ids: list[int]) -> str:
    rows = ach.rows(store, achievement_ids)
    parts = []
    for aid in achievement_ids:
        r = rows[aid]
        measure = ach.format_measure(r["measure_value"], r["measure_unit"])
        parts.append(f"{r['title']}{' (' + measure + ')' if measure else ''}")
    return "; ".join(parts) + "."


def _meeting(store, campaign, today: dt.date, profile: unit.UnitProfile = UNIT) -> None:
    """The council of the unit meets ten days before the deadline and votes by secret ballot."""
    due = campaigns.deadline_date(campaign, today) or today
    start = dt.datetime.combine(min(today, due - dt.timedelta(days=10)), dt.time(8, 0))
    council = store.query(
        "SELECT p.id, p.full_name, p.position FROM person p WHERE p.position LIKE 'Giám đốc%' "
        "OR p.position LIKE 'Phó Giám đốc%' OR p.position LIKE 'Trưởng%' OR p.position LIKE '%thi đua%' "
        "ORDER BY CASE WHEN p.position = 'Giám đốc' THEN 0 WHEN p.position LIKE 'Phó%' THEN 1 "
        "WHEN p.position LIKE '%thi đua%' THEN 2 ELSE 3 END, p.sort_key")
    topic = "“Ngày không giấy”" if profile is UNIT else f"theo {campaign.kind} {campaign.number or ''}".rstrip()
    m = meetings.Meeting(
        campaign.id, start, "Họp Hội đồng Thi đua - Khen thưởng xét đề nghị khen thưởng phong trào "
        f"{topic}", start + dt.timedelta(hours=1, minutes=30), "Phòng họp tầng 2, trụ sở Trung tâm")
    for i, r in enumerate(council):
        role = "chu_tich" if i == 0 else "pho_chu_tich" if i == 1 else "thu_ky" if "thi đua" in r["position"] \
            else "uy_vien"
        absent = i == len(council) - 1
        m.members.append(meetings.Member(
            r["full_name"], r["position"].split(" (")[0], role, present=not absent, person_id=r["id"],
            written_opinion="Nhất trí với danh sách đề nghị khen thưởng." if absent else ""))
    guest = "Phó Giám đốc Sở Tư pháp" if profile is UNIT else \
        "Phó " + _head_of(profile.governing_body)[0].lower() + _head_of(profile.governing_body)[1:]
    m.members.append(meetings.Member("Nguyễn Văn Tuấn", guest, "khach"))
    meetings.add_submitted(store, m)
    present = sum(1 for x in m.council if x.present)
    for i, b in enumerate(m.ballots):
        b.issued = b.returned = present
        b.yes = present - (i % 3 == 2)
        b.no = present - b.yes
    meetings.save(store, m)
    meetings.close(store, m.id)


def _dossier(store) -> int:
    """The dossier of the campaign whose council has met: every document drafted and finalised."""
    from desktop.dossier import drafts

    count = 0
    for campaign in campaigns.list_campaigns(store):
        held = [m for m in meetings.list_for_campaign(store, campaign.id) if m.held]
        if not held:
            continue
        from desktop.dossier.build import proposal_kinds

        for kind in proposal_kinds(store, campaign.id):   # the Tờ trình (one per authority) or the Công văn
            drafts.create(store, kind, campaign.id)
        drafts.create(store, "bien_ban", held[0].id)
        for r in nominations.list_for_campaign(store, campaign.id):
            if r.status == "thong_qua":
                drafts.create(store, "bao_cao", r.id)
        # The văn thư numbers the Tờ trình and the Biên bản when registering them, before finalising.
        for number, d in enumerate(x for x in drafts.list_for_campaign(store, campaign.id) if x.kind != "bao_cao"):
            drafts.edit(store, d.id, header={"number": str(41 + number)}, note="Vào sổ văn bản đi")
        for draft_id in [d.id for d in drafts.list_for_campaign(store, campaign.id)]:
            drafts.finalise(store, draft_id)
            count += 1
    return count


def _award_years(store, rng: random.Random, today: dt.date) -> tuple[int, int]:
    """Two past years of the award cycle: each year's campaign sent with its outcomes recorded, collectives'
    ratings and initiatives, last year's review decided by the head, and this year's review opened."""
    from desktop.council import outcomes, review

    collectives = [c.id for c in people.list_collectives(store)]
    person_ids = [p.id for p in people.list_people(store)]
    for year in (today.year - 2, today.year - 1, today.year):
        for i, cid in enumerate(collectives):
            review.set_collective_rating(store, cid, year, "xuat_sac" if (i + year) % 3 == 0 else "tot")
    authors = rng.sample(person_ids, 4)
    for name, who in (("Số hóa quy trình tiếp nhận, thụ lý vụ việc trợ giúp pháp lý", authors[:2]),
                      ("Bộ mẫu văn bản điện tử dùng chung cho trợ giúp viên", authors[2:3]),
                      ("Sổ tay tra cứu nhanh thủ tục trợ giúp pháp lý cho người dân tộc thiểu số", authors[3:])):
        review.save_initiative(store, review.Initiative(
            name, today.year - 1, who, "co_so", "Hội đồng sáng kiến Trung tâm", f"{rng.randint(20, 90)}/QĐ-HĐSK",
            dt.date(today.year - 1, 11, rng.randint(5, 25)), "Trợ giúp pháp lý", "Áp dụng tại đơn vị"))
    for year in (today.year - 2, today.year - 1):
        decided = min(dt.date(year + 1, 1, 20), today)
        c = campaigns.Campaign(
            title=f"Phát động phong trào thi đua thực hiện nhiệm vụ chính trị năm {year}", kind="Kế hoạch",
            number=f"{rng.randint(10, 60)}/KH-STP", symbol="KH-STP", place="Hà Tĩnh", doc_date=f"{year}-02-10",
            period_start=f"{year}-01-01", period_end=f"{year}-12-31", deadline=f"{year}-12-10",
            signer_authority="KT. GIÁM ĐỐC", signer_title="PHÓ GIÁM ĐỐC", signer_name="Nguyễn Văn Tuấn",
            awards=[campaigns.CampaignAward("Giấy khen của Giám đốc Sở", "Giấy khen của Giám đốc Sở Tư pháp", 2, 4),
                    campaigns.CampaignAward("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
                                            "Bằng khen của Chủ tịch UBND tỉnh", 1, 1)])
        campaigns.save(store, c)
        picks = rng.sample(person_ids, 5)
        plan = [(c.awards[0].id, "person", pid) for pid in picks[:4]] + [(c.awards[1].id, "person", picks[4]),
                                                                          (c.awards[0].id, "collective",
                                                                           collectives[1 + year % 3])]
        for n_index, (award_id, kind, sid) in enumerate(plan):
            n = nominations.Nomination(c.id, award_id, **({"person_id": sid} if kind == "person"
                                                           else {"collective_id": sid}))
            n.summary = f"Hoàn thành xuất sắc nhiệm vụ năm {year}."
            nid = nominations.save(store, n)
            nominations.set_status(store, nid, "da_gui")
            provincial = award_id == c.awards[1].id
            if year == today.year - 1 and n_index == 3:
                continue  # a decision still awaited
            granted = n_index != 2
            outcomes.record(
                store, nid, result="dat" if granted else "khong_dat",
                decision_number=f"{rng.randint(100, 3000)}/QĐ-{'UBND' if provincial else 'STP'}",
                decision_date=decided, issuer="Chủ tịch UBND tỉnh Hà Tĩnh" if provincial else
                "Giám đốc Sở Tư pháp tỉnh Hà Tĩnh",
                # The province granted a Giấy khen of the Sở instead of its own Bằng khen once.
                award="Giấy khen của Giám đốc Sở" if provincial and year == today.year - 2 else None)
    last = today.year - 1
    review.open_review(store, last)
    rules = review.rules()
    have = {(r["person_id"], r["collective_id"], r["award"]) for r in store.query(
        "SELECT person_id, collective_id, award FROM prior_award WHERE year = ?", (last,))}

    def proposals(year: int) -> list[tuple[str, int, str]]:
        """Everyone meeting a title's conditions but the ballot: people first, then collectives counted with them."""
        chosen: list[tuple[str, int, str]] = []
        for _round in range(2):
            for cand in review.candidates(store, year, set(chosen) if chosen else None):
                subject = (cand.subject_id, None) if cand.kind == "person" else (None, cand.subject_id)
                if all(c.ok for c in cand.checks if c.code != "ballot") and (*subject, cand.title) not in have \
                        and cand.key not in chosen and (_round == 0) == (cand.kind == "person"):
                    chosen.append(cand.key)
        return chosen

    # The unit's council met on the year's list; Chiến sĩ thi đua cơ sở went to a secret ballot.
    review.propose(store, last, proposals(last))
    council = meetings.latest(store)
    m = meetings.Meeting(None, dt.datetime(last, 12, 22, 8, 0), f"Họp Hội đồng Thi đua - Khen thưởng bình xét thi "
                         f"đua năm {last}", dt.datetime(last, 12, 22, 10, 0), "Phòng họp tầng 2, trụ sở Trung tâm",
                         review_year=last)
    m.members = [meetings.Member(x.name, x.title, x.role, True, "", x.person_id) for x in council.members] \
        if council else []
    meetings.add_submitted(store, m)
    present = sum(1 for x in m.council if x.present)
    for b in m.ballots:
        b.issued = b.returned = present
        b.yes = present - rng.randint(0, 1)
        b.no = present - b.yes
    meetings.save(store, m)
    meetings.close(store, m.id)
    review.decide(store, last, decision_number=f"{rng.randint(5, 30)}/QĐ-TTTGPL",
                  decision_date=min(dt.date(today.year, 1, 15), today),
                  issuer="Giám đốc Trung tâm Trợ giúp pháp lý nhà nước tỉnh Hà Tĩnh")
    from desktop.dossier import drafts

    minutes = drafts.create(store, "bien_ban_binh_xet", m.id)
    drafts.edit(store, minutes, header={"number": f"{rng.randint(2, 9):02d}"}, note="Vào sổ văn bản đi")
    for draft_id in (minutes, drafts.create(store, "quyet_dinh", last)):
        drafts.finalise(store, draft_id)
    # This year's review is in progress: the list is before the council, whose meeting is planned.
    review.open_review(store, today.year)
    listed = proposals(today.year)
    if listed:
        review.propose(store, today.year, listed)
    planned = meetings.Meeting(None, dt.datetime.combine(today + dt.timedelta(days=5), dt.time(8, 0)),
                               f"Họp Hội đồng Thi đua - Khen thưởng bình xét thi đua năm {today.year}",
                               place="Phòng họp tầng 2, trụ sở Trung tâm", review_year=today.year,
                               members=[meetings.Member(x.name, x.title, x.role, True, "", x.person_id)
                                        for x in (council.members if council else m.members)])
    meetings.add_submitted(store, planned)
    meetings.save(store, planned)
    return 2, 12


def _registrations(store, today: dt.date) -> int:
    """The unit registers itself, its teams and its people for both campaigns (the plan's targets, a few
    raised); the five-year campaign gets its sơ kết and tổng kết, and the sơ kết's report is drafted."""
    from desktop.dossier import drafts
    from desktop.campaigns import registration

    year = today.year
    count = 0
    people_ids = [r["id"] for r in store.query("SELECT id FROM person ORDER BY sort_key, id")]
    collectives = store.query("SELECT id, is_unit FROM collective ORDER BY is_unit DESC, id")
    for c in campaigns.list_campaigns(store):
        if c.number == "205/KH-STP":
            c.phase_records = [
                campaigns.CampaignPhase("Sơ kết giai đoạn 1", f"{year - 1}", f"{year + 1}", f"{year + 1}-11-30",
                                        report_deadline=(today + dt.timedelta(days=5)).isoformat()),
                campaigns.CampaignPhase("Tổng kết", f"{year + 2}", f"{year + 4}", f"{year + 4}-11-30",
                                        report_deadline=f"{year + 4}-12-10"),
            ]
            c.report_deadline = "--12-10"
        c.registration_deadline = f"{year}-03-25"
        campaigns.save(store, c)
        for row in collectives:
            r = registration.new(store, c.id, collective_id=row["id"])
            r.titles = ["Tập thể lao động xuất sắc" if row["is_unit"] else "Tập thể lao động tiên tiến"]
            r.registered_on = f"{year}-03-{10 + row['id'] % 10:02d}"
            for t in r.targets:
                if row["is_unit"] and t.value is not None and t.unit != "%":
                    t.value = round(t.value * 1.1)   # the unit aims a tenth above the plan
            registration.save(store, r)
            count += 1
        for i, pid in enumerate(people_ids):
            r = registration.new(store, c.id, person_id=pid)
            r.titles = ["Lao động tiên tiến"] + (["Chiến sĩ thi đua cơ sở"] if i % 4 == 0 else [])
            r.registered_on = f"{year}-03-{10 + i % 10:02d}"
            registration.save(store, r)
            count += 1
        if c.phase_records:
            did = drafts.create_for_campaign(store, "bao_cao_ket_qua", c.id, c.phase_records[0].id)
            drafts.edit(store, did, sections={
                "han_che": "Một số hồ sơ vụ việc lưu trữ giấy trước năm 2020 chưa được số hóa; đường truyền "
                           "tại các chi nhánh chưa ổn định.",
                "phuong_huong": "Hoàn thành số hóa hồ sơ lưu trữ; tập huấn ký số cho viên chức mới; "
                                "duy trì đăng ký và theo dõi chỉ tiêu hằng quý.",
            }, note="Đơn vị bổ sung tồn tại và phương hướng")
    # The year's titles, registered outside any campaign, as the unit does each first quarter.
    from desktop.campaigns import yearly_registration as yr

    def on(day: int) -> str:
        return min(dt.date(year, 3, day), today).isoformat()

    yearly = [yr.YearRegistration(year, collective_id=row["id"], registered_on=on(10 + row["id"] % 10), titles=[
        "Tập thể lao động xuất sắc" if row["is_unit"] else "Tập thể lao động tiên tiến"]) for row in collectives]
    yearly += [yr.YearRegistration(year, person_id=pid, registered_on=on(10 + i % 10), titles=[
        "Lao động tiên tiến"] + (["Chiến sĩ thi đua cơ sở"] if i % 4 == 0 else [])) for i, pid in enumerate(people_ids)]
    yr.save_all(store, yearly)
    return count + len(yearly)


# -- the demo built around one plan (``thidua demo --plan FILE``) ---------------------------------------
class NoNomination(Exception):
    """The plan allows no nomination: it names no award, or every award's quota is nil."""

    def __init__(self, campaign: campaigns.Campaign, summary: dict[str, int]):
        self.campaign = campaign
        self.summary = summary
        ref = campaign.reference if hasattr(campaign, "reference") else (campaign.number or campaign.title)
        named = [a.text or a.award for a in campaign.awards]
        why = ("không nêu hình thức khen thưởng nào mà đơn vị được đề nghị" if not named else
               "có nêu " + "; ".join(f"“{n}”" for n in named if n) +
               " nhưng không cho đơn vị chỉ tiêu đề nghị nào (chỉ tiêu bằng 0 hoặc không nhận ra hình thức)")
        super().__init__(f"{ref} {why}. Đơn vị mẫu không đề nghị được ai, nên dữ liệu mẫu dừng trước hồ sơ "
                         "đề nghị khen thưởng (không có họp xét, tờ trình, báo cáo thành tích).")


def nominable_awards(c: campaigns.Campaign) -> list[campaigns.CampaignAward]:
    """The plan's awards a unit can propose someone for: a known award whose quota is not nil."""
    return [a for a in c.awards if a.award and not (a.quota_collective == 0 and a.quota_individual == 0)]


def plan_today(c: campaigns.Campaign) -> dt.date:
    """The day the demo of ``c`` is set on: twelve days before the units' deadline, inside the period."""
    first = first_day(c.period_start) if c.period_start else None
    issued = dt.date.fromisoformat(c.doc_date) if c.doc_date and len(c.doc_date) == 10 else first
    floor = max(d for d in (issued, first, dt.date(1990, 1, 1)) if d) + dt.timedelta(days=30)
    day = None
    if c.deadline:
        due = campaigns.deadline_date(c, floor + dt.timedelta(days=12))
        day = due - dt.timedelta(days=12) if due else None
    if day is None and c.period_end:
        day = last_day(c.period_end) - dt.timedelta(days=20)
    if day is None:
        day = floor + dt.timedelta(days=60)
    day = max(day, floor)
    if c.period_end:  # a deadline after the period's end still leaves the work inside the period
        day = min(day, last_day(c.period_end))
    return day


def plan_unit(c: campaigns.Campaign) -> unit.UnitProfile:
    """A centre of the body that issued the plan, in the plan's province."""
    issuer = c.issuer or (f"Ủy ban nhân dân {_province_label(c.place)}" if c.place else "Sở Nội vụ")
    return unit.UnitProfile(
        name=f"Trung tâm Dịch vụ công trực thuộc {issuer}", governing_body=issuer, province=c.place or "",
        abbreviation="TTDVC", head_name="Trần Đình Hùng", head_title="Giám đốc", clerk_name="Lê Thị Thu Hà")


def _plan_work(c: campaigns.Campaign) -> list[tuple[str, campaigns.Criterion | None]]:
    """Work that measures each of the plan's criteria (or, without any, the plan's own title)."""
    out = []
    for k in c.criteria:
        text = k.text.strip().rstrip(".;:")
        if len(text) > 90:  # an achievement's title, not the criterion's whole sentence
            text = text[:90].rsplit(" ", 1)[0].rstrip(",;:")
        out.append((text, k))
    if not out:
        out.append((f"Thực hiện {c.title[0].lower() + c.title[1:] if c.title else 'phong trào thi đua'}"[:160], None))
    return out


def _plan_achievements(store, rng: random.Random, c: campaigns.Campaign, person_ids: list[int],
                       collective_ids: list[int], start: dt.date, today: dt.date) -> int:
    days = max(1, (today - start).days)
    count = 0
    work = _plan_work(c)
    for i in range(max(120, 6 * len(work))):
        text, k = work[i % len(work)]
        subject_kind = k.subject if k else "ca_hai"
        team = subject_kind == "tap_the" or (subject_kind == "ca_hai" and rng.random() < 0.3)
        subject = {"collective_id": rng.choice(collective_ids)} if team else {"person_id": rng.choice(person_ids)}
        when = start + dt.timedelta(days=rng.randint(0, days))
        target = k.target_value if k and k.target_value is not None and not k.target_direction else None
        unit_name = (k.target_unit if k and k.target_value is not None else "") or ""
        if unit_name == "%":
            value = round(min(100.0, rng.uniform(0.9, 1.05) * (target or 95)), 1)
        elif unit_name:
            value = float(max(1, round(rng.uniform(0.5, 1.4) * (target or 10))))
        else:
            value = None
        quarter = (when.month - 1) // 3 + 1
        a = ach.Achievement(when, text, description=f"Kết quả quý {quarter}/{when.year}. Minh chứng lưu tại hồ sơ "
                            "đơn vị.", criterion=text[:80], measure_value=value, measure_unit=unit_name,
                            campaign_id=c.id, criterion_id=k.id if k else None, **subject)
        ach.add(store, a)
        count += 1
    return count


def _attach_papers(store, campaign_id: int, today: dt.date) -> int:
    """The papers of the plan's list that the app does not draft, as the clerk would attach them (a scan
    standing for each, marked as the demo's)."""
    from desktop.dossier import attachments, build as dossier

    n = 0
    with tempfile.TemporaryDirectory(prefix=temp_prefix("thidua-demo-")) as tmp:
        for number, item in enumerate(dossier.required(store, campaign_id), 1):
            if item.kind is not None or item.attachments:
                continue
            path = Path(tmp) / f"muc-{number}.pdf"
            path.write_bytes(_pdf(f"{item.name} (bản scan mẫu)", today, "Dữ liệu mẫu"))
            attachments.attach(store, campaign_id, str(number), path)
            n += 1
    return n


def fill_for_plan(store, plan_path, seed: int = 2025) -> dict[str, int]:
    """The demo unit around one plan: the plan is campaign 1, the unit belongs to the plan's issuer.

    Raises :class:`NoNomination` (after saving the unit, its ledger and the campaign) when the plan
    allows no nomination; otherwise the council meets and the whole dossier is drafted and finalised.
    """
    from desktop.campaigns.plans.parser import parse_plan, require_something_read

    x = require_something_read(parse_plan(plan_path), Path(plan_path).name)
    c = campaigns.from_extraction(x)
    # What the clerk fills in when the plan left it out: the trích yếu, and the number that the
    # e-office system stamped on the copy the unit received (documents cite it).
    if not c.title.strip():
        c.title = f"Đề nghị khen thưởng theo {c.kind.lower()} của {c.issuer or 'cấp trên'}"
    if not c.number:
        c.number = f"{random.Random(seed).randint(12, 480)}/{c.symbol or c.kind[:2].upper()}"
    today = plan_today(c)
    profile = plan_unit(c)
    rng = random.Random(seed)
    before = clock._fixed
    clock.set_now(today)
    try:
        with store.transaction() as conn:
            mark_demo(conn)
            campaigns.save(store, c)
            try:
                campaigns.attach_source(store, c.id, plan_path)
            except Exception:  # noqa: BLE001 - the source file is a convenience of the demo, not its point
                pass
            unit.save(store, profile)
            unit_id = people.add_collective(store, Collective(profile.name, is_unit=True,
                                                             note=f"Đơn vị trực thuộc {profile.governing_body}"))
            team_ids = [people.add_collective(store, Collective(name, parent_id=unit_id, note=note))
                        for name, note in TEAMS]
            person_ids = _people(store, rng, [unit_id, *team_ids], today, profile)
            _report_fields(store, seed, [unit_id, *team_ids])
            start = first_day(c.period_start) if c.period_start else today - dt.timedelta(days=300)
            start = max(start, today - dt.timedelta(days=700))
            count = _plan_achievements(store, rng, c, person_ids, [unit_id, *team_ids], min(start, today), today)
            files = _evidence(store, rng, today, limit=12)
            summary = {"tập thể": 1 + len(team_ids), "cá nhân": len(person_ids), "thành tích": count,
                       "tệp minh chứng": files, "phong trào": 1}
            stop = not nominable_awards(c)
            if not stop:
                summary["đề nghị khen thưởng"] = _nominations(store, rng, today, meet=lambda _c: True,
                                                              profile=profile)
                summary["văn bản hoàn thiện"] = _dossier(store)
                summary["tệp đính kèm"] = _attach_papers(store, c.id, today)
        if stop:
            raise NoNomination(campaigns.get(store, c.id), summary)
        return summary
    finally:
        clock.set_now(before)
