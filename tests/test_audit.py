"""The audit trail: every insert, update and delete, with who, when, and the values."""
from __future__ import annotations

import datetime as dt
import re
import time

import pytest

from desktop.records import achievements as ach
from desktop.records import evidence, people, unit
from desktop.records.people import Collective, Person
from desktop.store import audit
from desktop.store import db as db_mod

AT_FORMAT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
D = dt.date(2025, 3, 15)


@pytest.fixture(autouse=True)
def clerk(monkeypatch):
    """A known OS user, and a local time zone far from UTC so local time cannot pass for UTC."""
    monkeypatch.setattr(db_mod.getpass, "getuser", lambda: "can-bo-thi-dua")
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    if hasattr(time, "tzset"):
        time.tzset()
    yield "can-bo-thi-dua"
    monkeypatch.undo()
    if hasattr(time, "tzset"):
        time.tzset()


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def parse_at(at: str) -> dt.datetime:
    return dt.datetime.strptime(at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.timezone.utc)


def new_entries(store, since_id: int) -> list[audit.AuditEntry]:
    return sorted((e for e in audit.entries(store) if e.id > since_id), key=lambda e: e.id)


def last_id(store) -> int:
    return store.scalar("SELECT coalesce(max(id), 0) FROM audit_log")


def test_person_insert_update_delete_are_logged(store, clerk):
    start = last_id(store)
    pid = people.add_person(store, Person("Nguyễn Văn An", position="Chuyên viên"))
    now = utc_now()
    (ins,) = new_entries(store, start)
    assert (ins.table_name, ins.row_id, ins.action, ins.os_user) == ("person", str(pid), "insert", clerk)
    assert AT_FORMAT.match(ins.at)
    # UTC, not local time: local time here is UTC+7, far outside this margin.
    assert abs(parse_at(ins.at) - now) < dt.timedelta(hours=1)
    assert ins.old_values is None
    assert ins.new_values["full_name"] == "Nguyễn Văn An"
    assert ins.new_values["position"] == "Chuyên viên"
    assert ins.new_values["id"] == pid

    people.update_person(store, Person("Nguyễn Văn Bình", position="Chuyên viên", id=pid))
    (upd,) = new_entries(store, ins.id)
    assert (upd.table_name, upd.row_id, upd.action, upd.os_user) == ("person", str(pid), "update", clerk)
    assert upd.old_values["full_name"] == "Nguyễn Văn An"
    assert upd.new_values["full_name"] == "Nguyễn Văn Bình"
    assert set(upd.old_values) == set(upd.new_values) == set(ins.new_values)

    people.delete_person(store, pid)
    (dele,) = new_entries(store, upd.id)
    assert (dele.table_name, dele.row_id, dele.action, dele.os_user) == ("person", str(pid), "delete", clerk)
    assert dele.old_values == upd.new_values
    assert dele.new_values is None


def test_achievement_insert_update_delete_are_logged(store, clerk):
    pid = people.add_person(store, Person("Lê Thị Hà"))
    start = last_id(store)
    aid = ach.add(store, ach.Achievement(D, "Số hóa hồ sơ", person_id=pid, measure_value=120, measure_unit="hồ sơ"))
    (ins,) = new_entries(store, start)
    assert (ins.table_name, ins.row_id, ins.action, ins.os_user) == ("achievement", str(aid), "insert", clerk)
    assert AT_FORMAT.match(ins.at)
    assert ins.old_values is None
    assert ins.new_values["title"] == "Số hóa hồ sơ"
    assert ins.new_values["measure_value"] == 120
    assert ins.new_values["date"] == "2025-03-15"

    ach.update(store, ach.Achievement(D, "Số hóa hồ sơ", person_id=pid, measure_value=150, measure_unit="hồ sơ",
                                      id=aid))
    (upd,) = new_entries(store, ins.id)
    assert (upd.action, upd.row_id) == ("update", str(aid))
    assert (upd.old_values["measure_value"], upd.new_values["measure_value"]) == (120, 150)

    with store.transaction() as conn:
        conn.execute("DELETE FROM achievement WHERE id = ?", (aid,))
    (dele,) = new_entries(store, upd.id)
    assert (dele.action, dele.row_id, dele.new_values) == ("delete", str(aid), None)
    assert dele.old_values["measure_value"] == 150


def test_an_update_that_changes_nothing_logs_nothing(store, monkeypatch):
    cid = people.add_collective(store, Collective("Phòng A"))
    pid = people.add_person(store, Person("Nguyễn Văn An", collective_id=cid, year_joined=2010))
    aid = ach.add(store, ach.Achievement(D, "Ký số", person_id=pid, measure_value=99.5, measure_unit="%"))
    people.set_rating(store, pid, 2024, "tot")
    unit.save(store, unit.UnitProfile(name="Trung tâm", province="Hà Tĩnh"))
    start = last_id(store)
    monkeypatch.setattr(ach, "utc_now_iso", lambda: "2099-12-31T00:00:00Z")  # a later clock changes nothing
    people.update_person(store, Person("Nguyễn Văn An", collective_id=cid, year_joined=2010, id=pid))
    people.update_collective(store, Collective("Phòng A", id=cid))
    ach.update(store, ach.Achievement(D, "Ký số", person_id=pid, measure_value=99.5, measure_unit="%", id=aid))
    people.set_rating(store, pid, 2024, "tot")
    unit.save(store, unit.UnitProfile(name="Trung tâm", province="Hà Tĩnh"))
    assert new_entries(store, start) == []


def test_blob_data_never_appears_in_the_log(store, tmp_path):
    pid = people.add_person(store, Person("Nguyễn Văn An"))
    aid = ach.add(store, ach.Achievement(D, "Số hóa", person_id=pid))
    marker = b"DAU-VET-NOI-DUNG-MINH-CHUNG"
    src = tmp_path / "a.pdf"
    src.write_bytes(marker * 100)
    start = last_id(store)
    ev = evidence.attach(store, aid, src)
    entries = new_entries(store, start)
    assert sorted((e.table_name, e.action) for e in entries) == [("blob", "insert"), ("evidence", "insert")]
    blob_entry = next(e for e in entries if e.table_name == "blob")
    assert blob_entry.row_id == ev.sha256
    assert blob_entry.new_values == {"sha256": ev.sha256, "size": len(marker) * 100}
    evidence.remove(store, ev.id)
    dele = [e for e in new_entries(store, start) if e.action == "delete"]
    assert sorted(e.table_name for e in dele) == ["blob", "evidence"]
    assert next(e for e in dele if e.table_name == "blob").old_values == blob_entry.new_values
    # Nowhere in the log: not as text, not as hex, not as base64.
    import base64

    for needle in (marker.decode(), marker.hex(), marker.hex().upper(), base64.b64encode(marker * 3).decode()[:40]):
        assert store.scalar(
            "SELECT count(*) FROM audit_log WHERE instr(coalesce(old_values, '') || coalesce(new_values, ''), ?)",
            (needle,)) == 0


def test_every_table_has_audit_triggers(store):
    tables = [r["name"] for r in store.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'search_fts%' AND name <> 'audit_log'")]
    assert {"person", "achievement", "collective", "evidence", "blob", "rating", "prior_award"} <= set(tables)
    triggers = {r["name"] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    missing = [f"audit_{t}_{a}" for t in tables for a in ("insert", "update", "delete")
               if f"audit_{t}_{a}" not in triggers]
    assert missing == [], "every table needs audit.install_triggers in its migration"


def test_writes_behind_the_apps_back_are_logged_too(store, raw):
    pid = people.add_person(store, Person("Nguyễn Văn An"))
    start = last_id(store)
    conn = raw(store.path)
    conn.execute("UPDATE person SET rank = 'Hạng II' WHERE id = ?", (pid,))
    conn.close()
    (e,) = new_entries(store, start)
    assert (e.action, e.os_user, e.old_values["rank"], e.new_values["rank"]) == ("update", "kiem-thu", "", "Hạng II")


def test_a_rolled_back_change_leaves_no_log(store):
    start = last_id(store)
    with pytest.raises(ZeroDivisionError):
        with store.transaction():
            people.add_person(store, Person("Nguyễn Văn An"))
            1 / 0
    assert new_entries(store, start) == []


def test_entries_filter_and_order(store):
    a = people.add_person(store, Person("Nguyễn Văn An"))
    b = people.add_person(store, Person("Lê Thị Hà"))
    people.update_person(store, Person("Nguyễn Văn Ân", id=a))
    only_a = audit.entries(store, "person", a)
    assert [e.action for e in only_a] == ["update", "insert"]  # newest first
    assert all(e.row_id == str(a) for e in only_a)
    assert [e.row_id for e in audit.entries(store, "person", limit=1)] == [str(a)]
    assert {e.row_id for e in audit.entries(store, "person")} == {str(a), str(b)}
    assert audit.entries(store, "achievement") == []
