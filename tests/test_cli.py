"""The ``thidua`` command line, run in-process (and once as the installed console script)."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from desktop.commands import main as cli
from desktop.commands import core
from desktop.records import achievements as ach
from desktop.records import people
from desktop.records import search
from desktop.store import SCHEMA_VERSION, Store
from desktop.text import fold

COUNT_LABELS = ["Tập thể", "Cá nhân", "Thành tích", "Thành tích đã lưu trữ", "Tệp minh chứng",
                "Dòng nhật ký thay đổi"]


def run(capsys, *argv):
    capsys.readouterr()
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def info_values(out: str) -> dict[str, str]:
    return dict(line.split(": ", 1) for line in out.splitlines() if ": " in line)


def test_info_of_a_new_file(tmp_path, capsys):
    db = tmp_path / "moi.sqlite"
    Store(db).close()
    code, out, err = run(capsys, "--db", db, "info")
    assert (code, err) == (0, "")
    values = info_values(out)
    assert values["Tệp dữ liệu"] == str(db.resolve())
    assert values["Phiên bản lược đồ"] == str(SCHEMA_VERSION)
    assert [values[label] for label in COUNT_LABELS] == ["0"] * 6


@pytest.mark.parametrize("command", [["info"], ["check"], ["search", "so hoa"], ["campaign", "list"],
                                     ["draft", "list", "1"], ["export", "ledger", "x.xlsx"],
                                     ["template", "people", "x.xlsx"], ["plan", "import", "k.txt"]])
@pytest.mark.parametrize("where", ["moi.sqlite", "khong/co/thu-muc/moi.sqlite"])
def test_reading_and_working_commands_never_create_a_database(tmp_path, capsys, monkeypatch, command, where):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "--db", tmp_path / where, *command)
    assert code == 2 and out == ""
    assert "Không tìm thấy tệp dữ liệu" in err and "--db" in err and "demo" in err
    assert list(tmp_path.iterdir()) == []


def test_commands_refuse_another_programs_sqlite_file_and_leave_it_unchanged(tmp_path, capsys):
    import sqlite3

    db = tmp_path / "khac.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes(body) VALUES ('x')")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    for command in (["info"], ["check"], ["demo"], ["search", "x"], ["import", "people", "a.xlsx", "--create"]):
        code, out, err = run(capsys, "--db", db, *command)
        assert code == 2 and "chương trình khác" in err, (command, err)
        assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["khac.db"]


def test_a_zero_byte_file_is_not_reported_healthy_and_stays_empty(tmp_path, capsys):
    db = tmp_path / "rong.sqlite"
    db.write_bytes(b"")
    for command in (["check"], ["info"]):
        code, out, err = run(capsys, "--db", db, *command)
        assert code == 2 and "trống" in err and "toàn vẹn" not in out
    assert db.read_bytes() == b"" and [p.name for p in tmp_path.iterdir()] == ["rong.sqlite"]


def test_only_the_commands_meant_to_make_a_database_make_one_and_say_where(tmp_path, capsys):
    db = tmp_path / "sub" / "moi.sqlite"
    code, out, err = run(capsys, "--db", db, "demo", "--seed", "3")
    assert code == 0 and f"Tệp dữ liệu mẫu: {db.resolve()}" in out and db.exists()
    other = tmp_path / "moi" / "nhap.sqlite"
    code, out, err = run(capsys, "--db", other, "import", "people", tmp_path / "khong-co.xlsx", "--create")
    assert f"Tạo tệp dữ liệu mới: {other.resolve()}" in err


def test_info_counts(demo_path, capsys):
    with Store(demo_path) as store:
        counts = store.counts()
    code, out, _ = run(capsys, "--db", demo_path, "info")
    assert code == 0
    values = info_values(out)
    assert [int(values[label]) for label in COUNT_LABELS] == list(counts.values())
    assert int(values["Cá nhân"]) > 0 and int(values["Thành tích đã lưu trữ"]) > 0


def test_default_database_comes_from_thidua_db(tmp_path, monkeypatch, capsys):
    db = tmp_path / "tu-bien-moi-truong.sqlite"
    Store(db).close()
    monkeypatch.setenv("THIDUA_DB", str(db))
    code, out, _ = run(capsys, "info")
    assert code == 0
    assert info_values(out)["Tệp dữ liệu"] == str(db.resolve())


def test_demo_then_search_json(tmp_path, capsys):
    db = tmp_path / "mau.sqlite"
    code, out, err = run(capsys, "--db", db, "demo", "--seed", "7")
    assert (code, err) == (0, "")
    assert out.startswith("Đã tạo dữ liệu mẫu: ")
    made = {label: int(n) for n, label in (part.split(" ", 1) for part in out.strip().split(": ", 1)[1].split(", "))}
    values = info_values(run(capsys, "--db", db, "info")[1])
    assert made["cá nhân"] == int(values["Cá nhân"]) > 0
    assert made["tập thể"] == int(values["Tập thể"]) > 0
    assert made["thành tích"] == int(values["Thành tích"]) + int(values["Thành tích đã lưu trữ"]) > 0
    assert made["tệp minh chứng"] == int(values["Tệp minh chứng"]) > 0

    code, out, err = run(capsys, "--db", db, "search", "so", "hoa", "--json")
    assert (code, err) == (0, "")
    hits = json.loads(out)
    assert isinstance(hits, list) and hits
    for hit in hits:
        assert set(hit) == {"id", "kind", "date", "subject", "title"}
        assert hit["kind"] in ("achievement", "person")
        assert isinstance(hit["id"], int)
    achievements = [h for h in hits if h["kind"] == "achievement"]
    assert achievements and all(h["date"] and len(h["date"]) == 10 for h in achievements)
    assert any(fold(h["title"]).startswith("so hoa") for h in achievements)
    assert "Số hóa" in out  # JSON keeps Vietnamese letters readable (ensure_ascii=False)

    code, out, _ = run(capsys, "--db", db, "search", "so", "hoa", "--json", "--limit", "3")
    assert len(json.loads(out)) == 3


def test_demo_if_empty_does_not_add_twice(tmp_path, capsys):
    db = tmp_path / "mau.sqlite"
    assert run(capsys, "--db", db, "demo")[0] == 0
    before = info_values(run(capsys, "--db", db, "info")[1])
    code, out, _ = run(capsys, "--db", db, "demo", "--if-empty")
    assert (code, out) == (0, "")
    assert info_values(run(capsys, "--db", db, "info")[1]) == before


def test_search_text_output(demo_path, capsys):
    code, out, _ = run(capsys, "--db", demo_path, "search", "ky so van ban")
    assert code == 0
    lines = out.splitlines()
    assert lines and all(line.startswith("[Thành tích #") for line in lines)
    # [Thành tích #12] 05/03/2025  Ký số văn bản phát hành — Nguyễn Văn An
    first = lines[0]
    assert " — " in first and "Ký số văn bản" in first
    date = first.split("] ", 1)[1][:10]
    assert date[2] == "/" and date[5] == "/"

    code, out, _ = run(capsys, "--db", demo_path, "search", "khongcotrongso")
    assert (code, out) == (0, "Không tìm thấy “khongcotrongso”.\n")


def test_search_finds_a_person(demo_path, capsys):
    code, out, _ = run(capsys, "--db", demo_path, "search", "tran dinh hung", "--json")
    hits = json.loads(out)
    assert {"id", "kind", "date", "subject", "title"} == set(hits[0])
    people = [h for h in hits if h["kind"] == "person"]
    assert [(p["title"], p["date"]) for p in people] == [("Trần Đình Hùng", None)]


def test_search_of_many_matches_says_which_were_ranked(tmp_path, capsys, monkeypatch):
    """Above ``search.NEWEST`` matches those of the latest dates are ranked (not the last entered), and the
    command says so; ``--all`` ranks every one."""
    monkeypatch.setattr(search, "NEWEST", 10)
    db = tmp_path / "lon.sqlite"
    with Store(db) as store:
        an = people.add_person(store, people.Person("Nguyễn Văn An"))
        with store.transaction():  # the first entered are the best matches (the shortest text)
            ids = [ach.add(store, ach.Achievement(dt.date(2025, 6, 1) if i < 5 else dt.date(2025, 3, 15),
                                                  "Số hóa" + " văn bản" * i, person_id=an))
                   for i in range(25)]
    note = ("Có 25 kết quả khớp; đây là những kết quả sát nhất trong 10 kết quả có ngày gần đây nhất và các "
            "cá nhân. Thêm --all để xếp hạng tất cả (chậm hơn).")
    code, out, err = run(capsys, "--db", db, "search", "so", "hoa")
    *lines, last = out.splitlines()
    assert (code, err, last) == (0, "", note)
    # The five of June, then the last five entered of the same day in March.
    assert [int(line.split("#")[1].split("]")[0]) for line in lines] == ids[:5] + ids[20:]
    code, out, err = run(capsys, "--db", db, "search", "so", "hoa", "--all")
    assert (code, err) == (0, "")
    assert [int(line.split("#")[1].split("]")[0]) for line in out.splitlines()] == ids
    code, out, err = run(capsys, "--db", db, "search", "so", "hoa", "--json", "--limit", "3")
    assert (code, err) == (0, note + "\n")
    assert [h["id"] for h in json.loads(out)] == ids[:3]


def test_check_exit_codes(demo_path, tmp_path, capsys):
    assert run(capsys, "--db", demo_path, "check")[0] == 0
    code, _, err = run(capsys, "--db", tmp_path / "khong-co.sqlite", "check")
    assert code == 2 and err.startswith("Lỗi: Không tìm thấy tệp dữ liệu")


@pytest.mark.parametrize("command", [["info"], ["search", "bao", "cao"], ["check"], ["demo"]])
def test_a_user_error_exits_2_in_vietnamese(tmp_path, capsys, command):
    text = tmp_path / "danh-sach.txt"
    content = "Danh sách cán bộ\nNguyễn Văn An\n".encode("utf-8")
    text.write_bytes(content)
    code, out, err = run(capsys, "--db", text, *command)
    assert code == 2
    assert out == ""
    assert err.startswith("Lỗi: Tệp danh-sach.txt không phải là tệp dữ liệu của Sổ thi đua")
    assert "Traceback" not in err
    assert text.read_bytes() == content


def test_interrupt_exits_130(tmp_path, capsys, monkeypatch):
    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(core, "run_info", interrupted)
    code, _, err = run(capsys, "--db", tmp_path / "a.sqlite", "info")
    assert (code, err) == (130, "Đã hủy.\n")


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"Sổ thi đua {__version__}"


def test_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["khong-co-lenh"])
    assert info.value.code == 2


def _parsers(parser: argparse.ArgumentParser, prefix: str = "thidua"):
    yield prefix, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, f"{prefix} {name}")


def test_every_command_and_option_has_help():
    parser = cli.build_parser()
    missing = []
    commands = 0
    for name, p in _parsers(parser):
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    commands += 1
                    if not (choice.help or "").strip():
                        missing.append(f"{name} {choice.dest}")
            elif not (action.help or "").strip() or action.help == argparse.SUPPRESS:
                missing.append(f"{name} {'/'.join(action.option_strings) or action.dest}")
    assert commands >= 5
    assert missing == [], f"add help= to: {missing}"


def test_help_of_every_command_prints(capsys):
    for name, _ in _parsers(cli.build_parser()):
        argv = name.split()[1:] + ["--help"]
        with pytest.raises(SystemExit) as info:
            cli.main(argv)
        assert info.value.code == 0
        assert capsys.readouterr().out.startswith("Cách dùng: " + name)


def test_help_names_the_default_files(capsys, monkeypatch, tmp_path):
    """The default paths are worked out only when help is written (``%(default_db)s``, ``%(demo_db)s``)."""
    monkeypatch.setenv("THIDUA_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("THIDUA_DB", raising=False)
    for argv, path in ((["--help"], tmp_path / "sothidua.sqlite"), (["--help"], tmp_path / "demo.sqlite"),
                       (["gui", "--help"], tmp_path / "demo.sqlite")):
        with pytest.raises(SystemExit):
            cli.main(argv)
        out = " ".join(capsys.readouterr().out.split())
        assert str(path) in out and "%(" not in out, (argv, out)


def test_console_script(tmp_path):
    script = Path(sys.executable).with_name("thidua")
    if os.name == "nt":  # pragma: no cover
        script = script.with_suffix(".exe")
    assert script.exists() or shutil.which("thidua"), "the thidua console script is not installed (pip install -e .)"
    db = tmp_path / "qua-lenh.sqlite"
    Store(db).close()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([str(script if script.exists() else shutil.which("thidua")), "--db", str(db), "info"],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"Tệp dữ liệu: {db.resolve()}" in done.stdout
    assert f"Phiên bản lược đồ: {SCHEMA_VERSION}" in done.stdout


def test_each_command_is_built_whole_from_its_own_modules():
    """A run builds only its command's part of the command line: that part must be the whole of it."""
    full = dict(_parsers(cli.build_parser()))
    commands = {name.split()[1] for name in full if len(name.split()) > 1}
    assert commands == set(cli.COMMANDS), "add the command to cli.COMMANDS"
    for command in commands:
        part = {name: p for name, p in _parsers(cli.build_parser(command))
                if name.split()[1:2] == [command]}
        mine = {name: p for name, p in full.items() if name.split()[1:2] == [command]}
        assert sorted(part) == sorted(mine), command
        for name, p in part.items():
            assert ([a.option_strings or a.dest for a in p._actions]
                    == [a.option_strings or a.dest for a in mine[name]._actions]), name


def test_reading_commands_import_only_what_they_need(tmp_path):
    """``info`` and ``search`` start quickly: no drafting, signing, Excel, Qt or sqlite-utils, nor ``logging``
    (``cli.WITHOUT_LIBRARIES``), the migrations (the file is current), ``dataclasses`` (with ``inspect``),
    ``platformdirs`` (``--db`` is given: no data folder to look up) or ``json`` (no ``--json``); ``info`` and
    ``search`` not even ``typing``."""
    db = tmp_path / "nhe.sqlite"
    Store(db).close()
    heavy = ["sqlite_utils", "reportlab", "docx", "pyhanko", "openpyxl", "PySide6", "desktop.dossier.drafts",
             "desktop.campaigns.plans", "desktop.dossier.documents", "logging",
             "desktop.store.migrations", "dataclasses", "platformdirs", "json"]
    assert cli.WITHOUT_LIBRARIES == {"info", "search", "check"}
    for command, unneeded in ((["info"], [*heavy, "typing"]), (["search", "bao cao"], [*heavy, "typing"]),
                              (["check"], heavy)):
        code = ("import sys; from desktop.commands import main as cli; code = cli.main(sys.argv[1:]); "
                f"print(sorted(m for m in {unneeded!r} if m in sys.modules)); sys.exit(code)")
        done = subprocess.run([sys.executable, "-c", code, "--db", str(db), *command], capture_output=True,
                              text=True, env={**os.environ, "PYTHONPATH": str(Path(cli.__file__).parent.parent)})
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines()[-1] == "[]", (command, done.stdout)


def test_draft_all_writes_the_whole_dossier_in_one_run(tmp_path, capsys, demo_path):
    """The Tờ trình to each approving authority, the Biên bản of the meeting held and every Báo cáo the council
    passed, PDF and DOCX: the documents the dossier needs (``build.dossier_documents``)."""
    import docx
    from pypdf import PdfReader

    from desktop.dossier import build, drafts

    out = tmp_path / "ho-so"
    with Store(demo_path) as store:
        campaign = store.scalar("SELECT campaign_id FROM draft WHERE kind = 'to_trinh'")
        targets = [x for x in build.dossier_documents(store, campaign) if x.needed]
        authorities = drafts.authorities_for(store, campaign)
    kinds = [x.kind for x in targets]
    assert kinds[:3] == ["to_trinh", "to_trinh", "bien_ban"] and len(authorities) == 2 and len(targets) > 4
    code, printed, err = run(capsys, "--db", demo_path, "draft", "all", campaign, "--out", out)
    assert (code, err) == (0, "")
    files = sorted(out.iterdir())
    assert len(files) == 2 * len(targets) and f"{len(targets)} văn bản" in printed
    pdfs = [f for f in files if f.suffix == ".pdf"]
    assert pdfs[0].name.startswith("01 ") and "Tờ trình" in pdfs[0].name
    with Store(demo_path) as store:  # one Tờ trình to each authority, in the order the dossier lists them
        expected = [drafts.render(store, drafts.find(store, "to_trinh", campaign, code).id,
                                  tmp_path / f"{code}.pdf").read_bytes() for code in authorities]
    assert [p.read_bytes() for p in pdfs[:2]] == expected
    for pdf in pdfs:
        assert PdfReader(str(pdf)).pages
        assert docx.Document(str(pdf.with_suffix(".docx"))).paragraphs
    before = {f: f.stat().st_mtime_ns for f in files}
    code, _, err = run(capsys, "--db", demo_path, "draft", "all", campaign, "--out", out)
    assert code == 2 and "--overwrite" in err
    assert {f: f.stat().st_mtime_ns for f in files} == before
    code, _, err = run(capsys, "--db", demo_path, "draft", "all", campaign, "--out", out, "--overwrite")
    assert (code, err) == (0, "")


def test_draft_all_composes_each_document_once(tmp_path, capsys, demo_path, monkeypatch):
    """Drafts still being edited are laid out from their composed document, once for the file name, the PDF
    and the DOCX together."""
    from desktop.dossier import drafts

    with Store(demo_path) as store:
        campaign = store.scalar("SELECT campaign_id FROM draft WHERE kind = 'to_trinh'")
        for (draft_id,) in store.conn.execute("SELECT id FROM draft WHERE status = 'hoan_thien'").fetchall():
            drafts.reopen(store, draft_id)
    composed: list[int] = []
    document = drafts.document
    monkeypatch.setattr(drafts, "document", lambda store, draft_id, *args, **kwargs: (
        composed.append(draft_id), document(store, draft_id, *args, **kwargs))[1])
    out = tmp_path / "ho-so"
    code, _, err = run(capsys, "--db", demo_path, "draft", "all", campaign, "--out", out)
    assert (code, err) == (0, "")
    assert sorted(composed) == sorted(set(composed)) and len(composed) == len(list(out.glob("*.docx"))) > 4


def test_demo_for_a_plan_that_is_not_there_makes_no_data_file(tmp_path, capsys):
    code, out, err = run(capsys, "--db", tmp_path / "mau.sqlite", "demo", "--plan", tmp_path / "khong-co.txt")
    assert code == 2 and "Không tìm thấy tệp kế hoạch" in err
    assert list(tmp_path.iterdir()) == []
