"""``thidua rules [AWARD] [--json]`` and ``thidua nomination checks ID [--json]``."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop.records import achievements as ach
from desktop.campaigns import campaign as cm
from desktop.commands import main as cli
from desktop import clock
from desktop.records import people
from desktop.council import review, rules
from desktop.council import nominations as nm
from desktop.store import Store


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_rules_shows_every_award_with_its_conditions_and_sources(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0
    for entry in rules.load().conditions:
        assert entry.award in out
    assert "Chiến sĩ thi đua cơ sở hai lần liên tục" in out
    assert "căn cứ: QĐ 86/2025/QĐ-UBND Bắc Ninh Điều 3.3 điểm d" in out
    assert "hiệu lực 01/01/2024 – 30/06/2025 (Nghị định 98/2023/NĐ-CP" in out
    assert "Lưu ý: Chưa tìm thấy điều khoản của NĐ 152/2025" in out
    assert "Các khen thưởng khác: Hội đồng biểu quyết trên 50" in out


def test_rules_of_one_award_by_any_of_its_names_as_json(capsys):
    code, out, _ = run(capsys, "rules", "Bằng khen Chủ tịch UBND tỉnh", "--json")
    assert code == 0
    data = json.loads(out)
    assert [(a["award"], a["subject"]) for a in data["awards"]] == [
        ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "ca_nhan"), ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "tap_the")]
    route = next(c for c in data["awards"][0]["conditions"] if c["id"] == "route")
    d = route["of"][3]
    assert d["kind"] == "one_of" and [c["kind"] for c in d["of"]] == ["title", "all_of"]
    assert (d["of"][0]["title"], d["of"][0]["times"], d["of"][0]["consecutive"]) == ("Chiến sĩ thi đua cơ sở", 2, True)
    assert [c["kind"] for c in d["of"][1]["of"]] == ["rating", "initiatives"]
    assert d["of"][1]["of"][1]["count"] == 2 and d["of"][1]["of"][1]["effective_from"] == "2024-01-01"
    assert all(c["source"] for c in d["of"][1]["of"])
    assert data["bases"]["152/2025/NĐ-CP"]["effective_from"] == "2025-07-01"


def test_rules_of_an_unknown_award_is_refused(capsys):
    code, _, err = run(capsys, "rules", "Huy chương vàng Olympic")
    assert code == 2 and "Không có “Huy chương vàng Olympic” trong danh mục" in err
    code, _, err = run(capsys, "rules", "Huân chương Lao động")
    assert code == 2 and "chưa có điều kiện của Huân chương Lao động" in err


@pytest.fixture
def nominated(tmp_path):
    """Trần Văn Bình (tốt in 2025, no initiative) proposed for Chiến sĩ thi đua cơ sở; checked on 20/11/2025."""
    clock.set_now(dt.date(2025, 11, 20))
    path = tmp_path / "so.sqlite"
    with Store(path) as store:
        c = cm.Campaign(title="Ngày không giấy", number="142/KH-STP", symbol="KH-STP", doc_date="2025-01-15",
                        period_start="2025-01-15", period_end="2025-12-15", deadline="2025-12-05",
                        awards=[cm.CampaignAward("Chiến sĩ thi đua cơ sở", "Chiến sĩ thi đua cơ sở", None, None)])
        cm.save(store, c)
        team = people.add_collective(store, people.Collective("Phòng Nghiệp vụ 1"))
        pid = people.add_person(store, people.Person("Trần Văn Bình", collective_id=team))
        people.set_rating(store, pid, 2025, "tot")
        a = ach.add(store, ach.Achievement(dt.date(2025, 6, 1), "Số hóa hồ sơ", person_id=pid, campaign_id=c.id))
        nid = nm.save(store, nm.Nomination(c.id, c.awards[0].id, person_id=pid, achievement_ids=[a]))
    return path, nid, pid


def test_nomination_checks_show_each_condition_with_its_facts(capsys, nominated):
    path, nid, _ = nominated
    code, out, _ = run(capsys, "--db", path, "nomination", "checks", nid)
    assert code == 0
    assert out.splitlines()[0] == "Đề nghị số 1: Chiến sĩ thi đua cơ sở — cá nhân Trần Văn Bình"
    assert "✓ [đạt] Xếp loại năm 2025: hoàn thành tốt nhiệm vụ." in out
    assert "✓ [đạt] Đủ điều kiện Lao động tiên tiến năm 2025." in out
    assert "✗ [chưa đạt] Hoàn thành xuất sắc nhiệm vụ, hoặc có sáng kiến" in out
    assert "  ✗ [chưa đạt] Xếp loại năm 2025 là “hoàn thành tốt nhiệm vụ”, chưa đạt “hoàn thành xuất sắc nhiệm vụ”." in out
    assert "      · Năm 2025: hoàn thành tốt nhiệm vụ" in out
    assert "? [chưa xác định] Hội đồng bỏ phiếu kín khi họp xét" in out
    assert "Căn cứ: Luật TĐKT 2022 Điều 23" in out
    assert out.splitlines()[-1].startswith("Kết quả: ") and " 1 chưa đạt, " in out.splitlines()[-1]


def test_nomination_checks_as_json_change_with_the_records(capsys, nominated):
    path, nid, pid = nominated
    code, out, _ = run(capsys, "--db", path, "nomination", "checks", nid, "--json")
    data = json.loads(out)
    assert code == 0 and (data["nomination"], data["award"], data["ok"]) == (nid, "Chiến sĩ thi đua cơ sở", False)
    route = next(c for c in data["checks"] if c["code"] == "route")
    assert route["result"] == "not_met" and [c["result"] for c in route["children"]] == ["not_met", "not_met"]
    assert route["children"][1]["note"].startswith("Sổ ghi sáng kiến và đề tài")
    with Store(path) as store:
        review.save_initiative(store, review.Initiative("Số hóa quy trình tiếp nhận", 2025, [pid]))
    code, out, _ = run(capsys, "--db", path, "nomination", "checks", nid, "--json")
    data = json.loads(out)
    route = next(c for c in data["checks"] if c["code"] == "route")
    assert data["ok"] and route["result"] == "met"
    assert "sáng kiến “Số hóa quy trình tiếp nhận” (2025)" in route["message"]
    ballot = next(c for c in data["checks"] if c["code"] == "ballot")
    assert (ballot["result"], ballot["ok"], ballot["period"]) == ("unknown", True, "từ 01/07/2025")


def test_nomination_checks_of_a_missing_nomination(capsys, nominated):
    path, _, _ = nominated
    code, _, err = run(capsys, "--db", path, "nomination", "checks", 99)
    assert code == 2 and "Không tìm thấy đề nghị số 99" in err
