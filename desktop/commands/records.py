"""The records the window shows, listed and read from the command line.

``person list|show``, ``collective list``, ``nomination list|show`` and
``meeting list|show`` print what the pages show, in Vietnamese; ``--json``
prints the same records for scripts (ISO dates, stable English keys).
People come in Vietnamese name order (given name first), as everywhere.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys

from desktop.campaigns import campaign as campaigns
from desktop.council import meetings, nominations
from desktop.records import people
from desktop.commands.main import add_command, add_json_option, db_path
from desktop.formatting import date, date_time, number
from desktop.store import Store


# Each group: (command, help, [(sub-command, help, positional (name, metavar, help) or None, extra, function)]).
# Every sub-command takes --json; ``extra`` adds its own options.
_CAMPAIGN = ("campaign", "PHONG_TRÀO", "mã số phong trào (xem “thidua campaign list”)")


def _collective_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--collective", type=int, metavar="MÃ", help="chỉ cá nhân của một tập thể (xem “thidua collective list”)")


def _groups():
    return [
        ("person", "xem danh sách cá nhân và hồ sơ của từng người", [
            ("list", "liệt kê cá nhân theo thứ tự tên (tên, tên đệm, họ)", None, _collective_option, run_person_list),
            ("show", "xem một cá nhân: đơn vị, xếp loại các năm, khen thưởng đã có",
             ("id", "MÃ", "mã số cá nhân (xem “thidua person list”)"), None, run_person_show)]),
        ("collective", "xem danh sách tập thể (đơn vị và các phòng, tổ)", [
            ("list", "liệt kê tập thể: đơn vị trước, rồi các phòng, tổ theo tên", None, None, run_collective_list)]),
        ("nomination", "xem các đề nghị khen thưởng của một phong trào", [
            ("list", "liệt kê đề nghị khen thưởng theo hình thức khen thưởng", _CAMPAIGN, None, run_nomination_list),
            ("show", "xem một đề nghị khen thưởng và các thành tích kèm theo",
             ("id", "MÃ", "mã số đề nghị (xem “thidua nomination list”)"), None, run_nomination_show)]),
        ("meeting", "xem các cuộc họp xét thi đua, khen thưởng của một phong trào", [
            ("list", "liệt kê các cuộc họp xét, mới nhất trước", _CAMPAIGN, None, run_meeting_list),
            ("show", "xem một cuộc họp xét: thành phần, số phiếu, kết quả",
             ("id", "MÃ", "mã số cuộc họp (xem “thidua meeting list”)"), None, run_meeting_show)]),
    ]


def register(sub: argparse._SubParsersAction) -> None:
    for group_name, group_help, commands in _groups():
        group = sub.add_parser(group_name, help=group_help)
        gs = group.add_subparsers(dest=f"{group_name}_command", metavar="LỆNH", required=True)
        for name, help_text, positional, extra, func in commands:
            p = add_command(gs, name, help_text, func, positional)
            if extra is not None:
                extra(p)
            add_json_option(p)


def _dump(data) -> None:
    def default(value):
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        raise TypeError(type(value).__name__)

    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=default)
    print()


# -- people and collectives ----------------------------------------------------------------

def run_person_list(args: argparse.Namespace) -> int:
    with Store(db_path(args)) as store:
        if args.collective is not None:
            people.get_collective(store, args.collective)  # an unknown collective is said, not listed as empty
        items = people.list_people(store, args.collective)
        names = {c.id: c.name for c in people.list_collectives(store)}
    if args.json:
        _dump([{**dataclasses.asdict(p), "collective": names.get(p.collective_id)} for p in items])
        return 0
    if not items:
        print("Chưa có cá nhân nào. Thêm trong cửa sổ, hoặc nhập từ Excel: thidua import people TỆP.xlsx")
    for p in items:
        details = ", ".join(x for x in (p.position, names.get(p.collective_id, "")) if x)
        print(f"[{p.id}] {p.full_name}" + (f" — {details}" if details else ""))
    return 0


def run_person_show(args: argparse.Namespace) -> int:
    with Store(db_path(args)) as store:
        d = people.person_detail(store, args.id)
    p = d.person
    if args.json:
        _dump({**dataclasses.asdict(p), "collective": d.collective_name,
               "ratings": {str(year): rating for year, rating in d.ratings.items()},
               "prior_awards": [dataclasses.asdict(a) for a in d.awards]})
        return 0
    print(f"{p.full_name} (mã số {p.id})")
    for label, value in (("Ngày sinh", date(p.birth_date)), ("Giới tính", people.SEXES.get(p.sex or "", "")),
                         ("Chức vụ", p.position), ("Ngạch, bậc", p.rank), ("Tập thể", d.collective_name or ""),
                         ("Năm vào đơn vị", str(p.year_joined or ""))):
        if value:
            print(f"{label}: {value}")
    if d.ratings:
        print("Xếp loại chất lượng:")
        for year, rating in sorted(d.ratings.items()):
            print(f"  - {year}: {people.RATINGS.get(rating, rating)}")
    if d.awards:
        print("Khen thưởng đã có:")
        for a in d.awards:
            decision = ", ".join(x for x in (a.decision_number, date(a.decision_date), a.issuer) if x)
            print(f"  - {a.year}: {a.award}" + (f" ({decision})" if decision else ""))
    return 0


def run_collective_list(args: argparse.Namespace) -> int:
    with Store(db_path(args)) as store:
        items = people.list_collectives(store)
        sizes = {r["collective_id"]: r["n"] for r in store.query(
            "SELECT collective_id, count(*) AS n FROM person GROUP BY collective_id")}
    if args.json:
        _dump([{**dataclasses.asdict(c), "people": sizes.get(c.id, 0)} for c in items])
        return 0
    if not items:
        print("Chưa có tập thể nào. Thêm trong cửa sổ (trang Tập thể, cá nhân).")
    for c in items:
        kind = "đơn vị" if c.is_unit else "tập thể"
        print(f"[{c.id}] {c.name} — {kind}, {number(sizes.get(c.id, 0))} cá nhân")
    return 0


# -- nominations ---------------------------------------------------------------------------

def _of_campaign(args: argparse.Namespace, list_for_campaign):
    """What ``list_for_campaign`` lists of the campaign ``args.campaign``; one that does not exist is said, not listed
    as empty."""
    with Store(db_path(args)) as store:
        campaigns.get(store, args.campaign)
        return list_for_campaign(store, args.campaign)


def run_nomination_list(args: argparse.Namespace) -> int:
    items = _of_campaign(args, nominations.list_for_campaign)
    if args.json:
        _dump([{k: v for k, v in dataclasses.asdict(r).items() if k != "sort_key"} for r in items])
        return 0
    if not items:
        print(f"Phong trào số {args.campaign} chưa có đề nghị khen thưởng nào.")
    award = None
    for r in items:
        if r.award != award:
            award = r.award
            print(f"{award or '(chưa khớp danh mục khen thưởng)'}:")
        kind = "cá nhân" if r.subject_kind == "person" else "tập thể"
        where = ", ".join(x for x in (r.position, r.collective) if x)
        print(f"  [{r.id}] {r.name} ({kind}{', ' + where if where else ''}) — {nominations.STATUSES[r.status]}, "
              f"{number(r.achievements)} thành tích")
    return 0


def run_nomination_show(args: argparse.Namespace) -> int:
    with Store(db_path(args)) as store:
        n = nominations.get(store, args.id)
        row = next(r for r in nominations.list_for_campaign(store, n.campaign_id) if r.id == n.id)
        titles = {a: store.scalar("SELECT title FROM achievement WHERE id = ?", (a,)) for a in n.achievement_ids}
    if args.json:
        _dump({**dataclasses.asdict(n), "award": row.award, "name": row.name, "subject_kind": row.subject_kind})
        return 0
    kind = "Cá nhân" if row.subject_kind == "person" else "Tập thể"
    print(f"Đề nghị số {n.id}: {row.award or '(chưa khớp danh mục khen thưởng)'}")
    print(f"{kind}: {row.name}")
    print(f"Phong trào số {n.campaign_id}; trạng thái: {nominations.STATUSES[n.status]}")
    if n.summary:
        print(f"Tóm tắt thành tích: {n.summary}")
    if n.override_reason:
        print(f"Lý do vẫn đề nghị dù chưa đủ điều kiện: {n.override_reason}")
    print(f"Thành tích kèm theo ({number(len(n.achievement_ids))}):")
    for a, title in titles.items():
        print(f"  - [{a}] {title}")
    return 0


# -- meetings ------------------------------------------------------------------------------

def run_meeting_list(args: argparse.Namespace) -> int:
    items = _of_campaign(args, meetings.list_for_campaign)
    if args.json:
        _dump([dataclasses.asdict(m) for m in items])
        return 0
    if not items:
        print(f"Phong trào số {args.campaign} chưa có cuộc họp xét nào.")
    for m in items:
        q = meetings.quorum(m)
        state = "đã họp" if m.held else "chưa họp"
        print(f"[{m.id}] {date_time(m.starts_at)} — {m.title or 'Họp xét thi đua, khen thưởng'}"
              f"{', ' + m.place if m.place else ''}; {state}; có mặt {q.present}/{q.members} thành viên Hội đồng, "
              f"{number(len(m.ballots))} đề nghị được bỏ phiếu")
    return 0


def run_meeting_show(args: argparse.Namespace) -> int:
    with Store(db_path(args)) as store:
        m = meetings.get(store, args.id)
        awards = {b.nomination_id: meetings.award_name(store, b.nomination_id) for b in m.ballots}
        rows = {r.id: r for r in nominations.list_for_campaign(store, m.campaign_id)}
    if args.json:
        _dump(dataclasses.asdict(m))
        return 0
    q = meetings.quorum(m)
    print(f"Cuộc họp số {m.id}: {m.title or 'Họp xét thi đua, khen thưởng'} (phong trào số {m.campaign_id})")
    end = f" – {date_time(m.ends_at)}" if m.ends_at else ""
    print(f"Thời gian: {date_time(m.starts_at)}{end}" + (f"; địa điểm: {m.place}" if m.place else ""))
    print(f"{'Đã họp' if m.held else 'Chưa họp'}; có mặt {q.present}/{q.members} thành viên Hội đồng "
          f"(cần {q.required}): {'đủ' if q.ok else 'KHÔNG đủ'} số thành viên để họp.")
    if m.members:
        print("Thành phần:")
        for x in m.members:
            present = "" if x.present else " (vắng" + (f", có ý kiến bằng văn bản" if x.written_opinion else "") + ")"
            title = f", {x.title}" if x.title else ""
            print(f"  - {x.name}{title} — {meetings.ROLES.get(x.role, x.role)}{present}")
    if m.ballots:
        print("Kết quả bỏ phiếu:")
        for b in m.ballots:
            r = meetings.result(m, b)
            name = rows[b.nomination_id].name if b.nomination_id in rows else f"đề nghị số {b.nomination_id}"
            print(f"  - {name} ({awards[b.nomination_id]}): {b.yes} phiếu đồng ý trên {q.members} thành viên Hội đồng "
                  f"({r.share_text}); "
                  f"{'ĐẠT' if r.passed else 'không đạt'} ({r.threshold})")
    return 0
