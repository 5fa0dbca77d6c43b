"""The command line speaks Vietnamese throughout (issue 9).

argparse's own words, operating-system and library errors, refusals on
standard error, Vietnamese numbers and times, fixes named before long work,
and every record the window shows readable with ``--json``. Most tests run the
real CLI in-process (``cli.main``) and read stdout/stderr; those about what a
user's terminal shows (log lines, the password prompt) run it as a process.
"""
from __future__ import annotations

import argparse
import datetime as dt
import errno
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.commands import main as cli
from desktop import formatting
from desktop.council import meetings, nominations
from desktop.records import people
from desktop.dossier import drafts
from desktop.commands import core
from desktop.errors import explain_error, os_reason
from desktop.store import Store
from desktop.text import name_sort_key
from desktop.ui.page_keys import PAGE_KEYS

REPO = Path(__file__).resolve().parents[1]
# argparse's English words, none of which may reach the clerk.
ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "error:", "invalid choice",
           "unrecognized arguments", "the following arguments", "expected one argument", "version number",
           "choose from", "required:")
# What the operating system and libraries say in English, none of which may reach the clerk.
RAW = ("No such file", "Permission denied", "No space left", "EOF marker", "startxref", "Password input",
       "Warning:", "Traceback", "Errno")


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    """A throw-away test CA and signer (``cert demo``), made with the current clock."""
    from desktop.demo.pki import create_demo_pki

    return create_demo_pki(tmp_path_factory.mktemp("pki"))


def run(capsys, *argv):
    capsys.readouterr()
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def usage_error(capsys, *argv) -> tuple[str, str]:
    capsys.readouterr()
    with pytest.raises(SystemExit) as info:
        cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert info.value.code == 2
    assert out == ""
    return out, err


def thidua(*argv, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    """The real program in its own process, as a terminal (or a script) runs it."""
    environment = {k: v for k, v in os.environ.items() if k != "THIDUA_PIN"}
    environment.update({"PYTHONPATH": str(REPO), "PYTHONIOENCODING": "utf-8", **(env or {})})
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, argv)], capture_output=True, text=True,
                          encoding="utf-8", env=environment, timeout=180, **kwargs)


def assert_vietnamese(text: str) -> None:
    for word in (*ENGLISH, *RAW):
        assert word not in text, f"{word!r} reached the user:\n{text}"


# -- argparse's own words -----------------------------------------------------------------------

def test_unknown_option_in_a_real_process():
    done = thidua("--bogus")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("Cách dùng: thidua [-h] [--version] [--db TỆP] LỆNH ...\n")
    assert "Lỗi: không hiểu đối số: --bogus." in done.stderr
    assert "Xem hướng dẫn: thidua --help" in done.stderr
    assert_vietnamese(done.stderr)


def test_missing_argument(capsys):
    _, err = usage_error(capsys, "campaign", "show")
    assert err.startswith("Cách dùng: thidua campaign show [-h] [--json] MÃ\n")
    assert "Lỗi: còn thiếu đối số bắt buộc: MÃ." in err
    assert_vietnamese(err)


def test_unknown_subcommand(capsys):
    _, err = usage_error(capsys, "draft", "xyz")
    assert "Lỗi: không có lệnh “xyz”; các lệnh: to-trinh, cong-van, bien-ban, bao-cao, to-trinh-dot-xuat, bao-cao-dot-xuat, bien-ban-binh-xet, quyet-dinh, all, dang-ky, bao-cao-ket-qua, list, check, attach, finalise, reopen." in err
    assert_vietnamese(err)


def test_a_group_without_its_subcommand_is_a_usage_error_on_stderr(capsys):
    for group in ("campaign", "draft", "plan", "person", "nomination", "meeting", "collective"):
        _, err = usage_error(capsys, group)
        assert "còn thiếu đối số bắt buộc: LỆNH" in err, group


@pytest.mark.parametrize(("argv", "message"), [
    (["search", "x", "--limit", "abc"], "--limit: “abc” không phải là một số nguyên."),
    (["package", "sign-pdf", "a.pdf", "b.pdf", "--p12"], "--p12: cần một giá trị đi kèm."),
    (["package", "sign-pdf", "a.pdf", "b.pdf"], "cần một trong các tùy chọn --p12 --pkcs11."),
    (["package", "sign-pdf", "a.pdf", "b.pdf", "--p12", "k.p12", "--pkcs11", "x.so"],
     "--pkcs11: không dùng cùng lúc với --p12."),
    (["template", "khac", "x.xlsx"], "LOẠI: không có lựa chọn “khac” (chọn một trong: achievements, awards, collectives, people)."),
    (["gui", "--page", "khong-co"], "--page: không có lựa chọn “khong-co”"),
])
def test_argument_errors(capsys, argv, message):
    _, err = usage_error(capsys, *argv)
    assert message in err
    assert_vietnamese(err)


def test_help_in_a_real_process():
    done = thidua("--help")
    assert done.returncode == 0 and done.stderr == ""
    out = done.stdout
    assert out.startswith("Cách dùng: thidua ")
    assert "\nđối số:\n" in out and "\ntùy chọn:\n" in out
    assert "-h, --help  in hướng dẫn này rồi thoát" in out
    assert "--version   in phiên bản của chương trình rồi thoát" in out
    assert_vietnamese(out)


def _parsers(parser: argparse.ArgumentParser, prefix: str = "thidua"):
    yield prefix, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, f"{prefix} {name}")


def test_every_help_is_vietnamese_and_names_arguments_in_vietnamese(capsys):
    parser = cli.build_parser()
    unnamed = []
    for name, p in _parsers(parser):
        assert type(p) is type(parser), f"{name} is not the Vietnamese parser"
        for action in p._actions:
            takes_value = action.nargs != 0 and not isinstance(action, argparse._SubParsersAction)
            if takes_value and action.metavar is None and action.choices is None:
                unnamed.append(f"{name} {'/'.join(action.option_strings) or action.dest}")
        with pytest.raises(SystemExit):
            cli.main([*name.split()[1:], "--help"])
        out = capsys.readouterr().out
        assert out.startswith("Cách dùng: " + name), name
        assert_vietnamese(out)
    # Without a metavar argparse shows the English ``dest`` (``id``, ``document``) or ``LIMIT``.
    assert unnamed == [], f"add a Vietnamese metavar= to: {unnamed}"


def test_argparse_is_left_english_for_other_programs(capsys):
    usage_error(capsys, "--bogus")
    assert argparse._("usage: ") == "usage: "
    other = argparse.ArgumentParser(prog="khac")
    assert other.format_usage().startswith("usage: khac")


def test_gui_help_lists_every_page_without_loading_qt():
    code = ("import sys; from desktop.commands import main as cli; cli.build_parser(); "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.stdout.strip() == "False", done.stderr
    parser = dict(_parsers(cli.build_parser()))["thidua gui"]
    text = parser.format_help()
    words = re.findall(r"[\w-]+", text)
    for key in PAGE_KEYS:
        assert key in words, key  # every name whole, not broken at its hyphen
    page = next(a for a in parser._actions if a.dest == "page")
    assert set(page.choices) == set(PAGE_KEYS)


# -- operating-system and library errors -------------------------------------------------------

def test_missing_file(capsys, tmp_path):
    code, out, err = run(capsys, "plan", "parse", tmp_path / "khong-co.pdf")
    assert (code, out) == (2, "")
    assert err.startswith("Lỗi: Không tìm thấy tệp")
    assert_vietnamese(err)


@pytest.mark.parametrize(("exc", "words"), [
    (FileNotFoundError(errno.ENOENT, "No such file or directory", "/srv/so/ke-hoach.pdf"),
     ["“/srv/so/ke-hoach.pdf”", "kiểm tra lại đường dẫn"]),
    (PermissionError(errno.EACCES, "Permission denied", "/srv/so"), ["“/srv/so”", "không có quyền truy cập"]),
    (OSError(errno.ENOSPC, "No space left on device", "/media/usb/goi.asice"),
     ["ổ đĩa đã đầy", "ghi sang ổ đĩa khác"]),
    (OSError(errno.EROFS, "Read-only file system", "/cdrom/x"), ["chỉ cho phép đọc"]),
])
def test_an_os_error_that_reaches_main_is_explained(capsys, monkeypatch, tmp_path, exc, words):
    def failing(args):
        raise exc

    monkeypatch.setattr(core, "run_info", failing)
    code, out, err = run(capsys, "--db", tmp_path / "a.sqlite", "info")
    assert (code, out) == (2, "")
    assert err.startswith("Lỗi: ") and err.endswith(".\n")
    for word in words:
        assert word in err
    assert_vietnamese(err)


def test_a_sqlite_error_that_reaches_main_is_explained(capsys, monkeypatch, tmp_path):
    import sqlite3

    def failing(args):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(core, "run_info", failing)
    code, _, err = run(capsys, "--db", tmp_path / "a.sqlite", "info")
    assert code == 2 and "Ổ đĩa đã đầy" in err and "database" not in err


def test_permission_denied_on_export(demo_path, tmp_path, capsys, monkeypatch):
    """A folder the clerk may not write to (simulated: the test runs as any user, root included)."""
    folder = tmp_path / "khong-duoc-ghi"
    folder.mkdir()
    real_open = os.open

    def guarded(path, *args, **kwargs):
        if Path(path).parent == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)
    code, out, err = run(capsys, "--db", demo_path, "export", "ledger", folder / "so.xlsx", "--campaign", "1")
    assert (code, out) == (2, "")
    assert "không có quyền ghi" in err and "chọn thư mục khác" in err
    assert_vietnamese(err)
    assert list(folder.iterdir()) == []


def test_disk_full_while_signing_a_pdf(demo_path, tmp_path, capsys, monkeypatch, pki):
    """The disk fills up as the signed PDF is written (reported by fsync, as on a full USB stick)."""
    source = tmp_path / "to-trinh.pdf"
    assert run(capsys, "--db", demo_path, "draft", "to-trinh", "1", "--out", source)[0] == 0
    monkeypatch.setenv("THIDUA_PIN", pki.password)

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    out_pdf = tmp_path / "da-ky.pdf"
    code, out, err = run(capsys, "package", "sign-pdf", source, out_pdf, "--p12", pki.signer_p12)
    assert (code, out) == (2, "")
    assert err.startswith("Lỗi: Ổ đĩa đã đầy (khi ghi da-ky.pdf); không có gì được ghi.")
    assert_vietnamese(err)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no partial file left
    assert not out_pdf.exists()


def test_os_reason_names_a_remedy_for_every_common_error():
    for code in (errno.ENOENT, errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EROFS, errno.EISDIR, errno.ENOTDIR,
                 errno.EEXIST, errno.ENAMETOOLONG, errno.EIO, errno.EXDEV):
        reason = os_reason(OSError(code, os.strerror(code)))
        assert "hãy" in reason and os.strerror(code) not in reason
    assert explain_error(OSError(errno.EXDEV, "Invalid cross-device link")).endswith("(mã lỗi EXDEV); hãy kiểm tra "
                                                                                     "ổ đĩa, quyền truy cập và "
                                                                                     "đường dẫn rồi thử lại.")


@pytest.fixture
def truncated_pdf(demo_path, tmp_path, capsys) -> Path:
    """A real dossier PDF cut short, as a broken download leaves it (no ``%%EOF``, no ``startxref``)."""
    whole = tmp_path / "to-trinh.pdf"
    assert cli.main(["--db", str(demo_path), "draft", "to-trinh", "1", "--out", str(whole)]) == 0
    capsys.readouterr()
    cut = tmp_path / "ke-hoach-tai-do.pdf"
    cut.write_bytes(whole.read_bytes()[:3000])
    return cut


def test_truncated_pdf_in_a_real_process(truncated_pdf):
    done = thidua("plan", "parse", truncated_pdf)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (f"Lỗi: Tệp PDF “{truncated_pdf.name}” bị hỏng hoặc chưa tải/chép xong (thiếu phần cuối "
                           "tệp). Hãy lấy lại bản đầy đủ (tải lại, chép lại từ nơi gốc) rồi thử lại.\n")


def test_truncated_pdf_to_sign(truncated_pdf, tmp_path, capsys, monkeypatch, pki):
    monkeypatch.setenv("THIDUA_PIN", pki.password)
    code, out, err = run(capsys, "package", "sign-pdf", truncated_pdf, tmp_path / "o.pdf", "--p12", pki.signer_p12)
    assert (code, out) == (2, "")
    assert "bị hỏng hoặc chưa tải/chép xong" in err
    assert_vietnamese(err)


@pytest.mark.parametrize("stdin", ["", "mat-khau-go-qua-ong\n"])
def test_no_terminal_for_the_password(pki, tmp_path, truncated_pdf, stdin):
    """No terminal (a script, a pipe, a service): refuse and say to set THIDUA_PIN, never echo the secret."""
    done = thidua("package", "sign-pdf", truncated_pdf, tmp_path / "o.pdf", "--p12", pki.signer_p12,
                  input=stdin, start_new_session=True)  # a new session has no controlling terminal
    assert done.returncode == 2 and done.stdout == ""
    assert "Không có cửa sổ dòng lệnh để gõ mã PIN hoặc mật khẩu" in done.stderr
    assert "Hãy đặt biến môi trường THIDUA_PIN" in done.stderr
    assert "mat-khau" not in done.stderr
    assert_vietnamese(done.stderr)


# -- numbers, dates, times ------------------------------------------------------------------------

def test_vietnamese_numbers_and_times():
    assert formatting.number(1296709) == "1.296.709"
    assert formatting.number(19) == "19"
    assert formatting.number(96.25) == "96,25" and formatting.number(2.5) == "2,5"
    assert formatting.number(1234.5, 1) == "1.234,5"
    assert formatting.byte_size(1296709) == "1.296.709 byte"
    assert formatting.count(19, "tệp") == "19 tệp"
    assert formatting.date(dt.date(2026, 3, 5)) == "05/03/2026"
    assert formatting.date("2026-03-05") == "05/03/2026"
    # Stored UTC times are shown in Vietnam time (UTC+7), day first.
    assert formatting.date_time("2026-12-01T20:05:00Z") == "02/12/2026 03:05"
    assert formatting.date_time(dt.datetime(2026, 12, 1, 8, 0)) == "01/12/2026 08:00"
    assert formatting.date_time(dt.datetime(2026, 12, 1, 1, 0, tzinfo=dt.timezone.utc)) == "01/12/2026 08:00"
    assert formatting.date(None) == formatting.date_time("") == ""


def test_package_build_and_verify_agree_on_numbers_and_times(demo_path, tmp_path, capsys, monkeypatch, pki):
    monkeypatch.setenv("THIDUA_PIN", pki.password)
    out = tmp_path / "goi.asice"
    code, text, err = run(capsys, "--db", demo_path, "package", "build", "1", out, "--p12", pki.signer_p12)
    assert (code, err) == (0, "")
    size = out.stat().st_size
    files = len(drafts.list_for_campaign(Store(demo_path, create=False), 1))
    assert f"({formatting.byte_size(size)}, " in text and " tệp), ký bởi " in text
    assert f"{size:,}" not in text and "byte." not in text  # no English commas, no comma turned into a full stop
    assert files > 0

    code, text, _ = run(capsys, "package", "verify", out, "--trust", pki.ca_pem)
    assert code == 0
    line = next(x for x in text.splitlines() if "Dung lượng trong giới hạn" in x)
    assert " byte khi giải nén" in line and "," not in line.split("(")[1]
    moment = next(x for x in text.splitlines() if "Thời điểm ký" in x)
    when = moment.split("Thời điểm ký: ")[1][:16]
    assert dt.datetime.strptime(when, "%d/%m/%Y %H:%M")  # dd/mm/yyyy hh:mm, not ISO 8601


# -- fixes named, and named before long work ------------------------------------------------------

def test_overwrite_refused_before_the_pin_and_the_signing(demo_path, tmp_path, capsys, monkeypatch):
    from desktop.commands import package

    out = tmp_path / "goi.asice"
    out.write_bytes(b"goi cu")

    def asked(args):
        raise AssertionError("the PIN was asked for although the output cannot be written")

    monkeypatch.setattr(package, "load_identity", asked)
    code, stdout, err = run(capsys, "--db", demo_path, "package", "build", "1", out, "--p12", tmp_path / "k.p12")
    assert (code, stdout) == (2, "")
    assert err == (f"Lỗi: Tệp goi.asice đã có trong thư mục {tmp_path}; hãy chọn tên khác hoặc thêm --overwrite "
                   "để ghi đè.\n")
    assert out.read_bytes() == b"goi cu"


def test_dossier_build_checks_the_output_before_signing(demo_store, tmp_path, monkeypatch):
    from desktop.dossier import build as dossier
    from desktop.errors import UserError
    from desktop.signing import pdf

    out = tmp_path / "goi.asice"
    out.write_bytes(b"goi cu")
    monkeypatch.setattr(pdf, "sign_pdf", lambda *a, **k: pytest.fail("signed before refusing the output"))
    with pytest.raises(UserError, match="đã có"):
        dossier.build(demo_store, 1, out, identity=None)
    with pytest.raises(UserError, match="không tồn tại"):
        dossier.build(demo_store, 1, tmp_path / "khong-co" / "goi.asice", identity=None)


def test_verify_without_trust_names_the_option(demo_path, tmp_path, capsys, monkeypatch, pki):
    monkeypatch.setenv("THIDUA_PIN", pki.password)
    out = tmp_path / "goi.asice"
    assert run(capsys, "--db", demo_path, "package", "build", "1", out, "--p12", pki.signer_p12)[0] == 0
    code, text, _ = run(capsys, "package", "verify", out)
    assert code == 1
    assert "--trust CA.pem" in text.splitlines()[-1]


# -- every record, listed and read ------------------------------------------------------------------

def test_person_list_json_in_vietnamese_name_order(demo_path, demo_store, capsys):
    code, out, err = run(capsys, "--db", demo_path, "person", "list", "--json")
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert [r["id"] for r in rows] == [p.id for p in people.list_people(demo_store)]
    names = [r["full_name"] for r in rows]
    assert names == sorted(names, key=name_sort_key) and len(names) > 5
    assert {"id", "full_name", "birth_date", "position", "collective_id", "collective"} <= set(rows[0])

    code, text, _ = run(capsys, "--db", demo_path, "person", "list")
    assert [line.split("] ", 1)[1].split(" — ")[0] for line in text.splitlines()] == names

    first = rows[0]
    code, out, _ = run(capsys, "--db", demo_path, "person", "show", first["id"], "--json")
    shown = json.loads(out)
    assert shown["full_name"] == first["full_name"] and isinstance(shown["ratings"], dict)


def test_collective_list(demo_path, demo_store, capsys):
    code, out, _ = run(capsys, "--db", demo_path, "collective", "list", "--json")
    rows = json.loads(out)
    assert [r["name"] for r in rows] == [c.name for c in people.list_collectives(demo_store)]
    assert rows[0]["is_unit"] is True
    assert sum(r["people"] for r in rows) == demo_store.scalar("SELECT count(*) FROM person WHERE collective_id "
                                                               "IS NOT NULL")


def test_nomination_and_meeting_lists(demo_path, demo_store, capsys):
    code, out, err = run(capsys, "--db", demo_path, "nomination", "list", "1", "--json")
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert [r["id"] for r in rows] == [r.id for r in nominations.list_for_campaign(demo_store, 1)]
    assert {"award", "name", "status", "subject_kind", "achievements"} <= set(rows[0])
    code, out, _ = run(capsys, "--db", demo_path, "nomination", "show", rows[0]["id"], "--json")
    assert json.loads(out)["name"] == rows[0]["name"]

    code, out, _ = run(capsys, "--db", demo_path, "meeting", "list", "1", "--json")
    found = json.loads(out)
    assert [m["id"] for m in found] == [m.id for m in meetings.list_for_campaign(demo_store, 1)]
    assert dt.datetime.fromisoformat(found[0]["starts_at"])
    code, text, _ = run(capsys, "--db", demo_path, "meeting", "show", found[0]["id"])
    assert code == 0 and "Kết quả bỏ phiếu:" in text

    code, text, _ = run(capsys, "--db", demo_path, "meeting", "list", "1")
    when = text.split("] ", 1)[1][:16]
    assert dt.datetime.strptime(when, "%d/%m/%Y %H:%M")


def test_unknown_campaign_is_said_not_listed_empty(demo_path, capsys):
    for command in (["nomination", "list", "999"], ["meeting", "list", "999"], ["draft", "list", "999"]):
        code, out, err = run(capsys, "--db", demo_path, *command)
        assert (code, out) == (2, "") and "999" in err, command


def test_campaign_show_and_draft_list_json(demo_path, demo_store, capsys):
    code, out, _ = run(capsys, "--db", demo_path, "campaign", "show", "1", "--json")
    shown = json.loads(out)
    assert shown["id"] == 1 and shown["number"] == "142/KH-STP"
    assert {"criteria", "awards", "documents", "award_use", "criteria_progress", "days_left"} <= set(shown)

    code, out, _ = run(capsys, "--db", demo_path, "draft", "list", "1", "--json")
    listed = json.loads(out)
    assert [d["id"] for d in listed] == [d.id for d in drafts.list_for_campaign(demo_store, 1)]
    assert all(d["status"] == "hoan_thien" and d["finalised_at"] for d in listed)


def test_draft_reopen_is_the_advice_and_it_works(demo_path, demo_store, capsys):
    draft_id = drafts.list_for_campaign(demo_store, 1)[0].id
    code, out, err = run(capsys, "--db", demo_path, "draft", "finalise", draft_id)
    assert (code, out) == (2, "")
    assert f"thidua draft reopen {draft_id}" in err
    before = demo_store.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'draft' AND row_id = ?", (draft_id,))

    code, out, err = run(capsys, "--db", demo_path, "draft", "reopen", draft_id)
    assert (code, err) == (0, "")
    assert f"thidua draft finalise {draft_id}" in out
    assert not drafts.get(demo_store, draft_id).finalised
    after = demo_store.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'draft' AND row_id = ?", (draft_id,))
    assert after == before + 1  # the reopening is in the audit trail

    code, _, err = run(capsys, "--db", demo_path, "draft", "reopen", draft_id)
    assert code == 2 and "đang là bản nháp" in err
    code, out, _ = run(capsys, "--db", demo_path, "draft", "finalise", draft_id)
    assert code == 0 and drafts.get(demo_store, draft_id).finalised


@pytest.mark.gui
@pytest.mark.usefixtures("isolated_settings")
def test_every_page_of_the_window_has_a_name_for_gui_page(gui_store, qtbot):
    """``gui --help`` takes its list from page_keys.py; a page added to the window must be added there too."""
    from desktop.ui.main_window import MainWindow

    window = MainWindow(gui_store, remember=False)
    qtbot.addWidget(window)
    assert set(PAGE_KEYS.values()) == set(window.pages)
    for key in PAGE_KEYS:
        window.show_page(key)
        assert window.stack.currentWidget() is window.pages[PAGE_KEYS[key]]


def test_sign_pdf_says_a_missing_input_before_asking_for_the_password(tmp_path, capsys, monkeypatch):
    from desktop.commands import package

    monkeypatch.setattr(package, "load_identity", lambda args: pytest.fail("asked for the password first"))
    code, out, err = run(capsys, "package", "sign-pdf", tmp_path / "khong-co.pdf", tmp_path / "o.pdf",
                         "--p12", tmp_path / "k.p12")
    assert (code, out) == (2, "") and "Không tìm thấy tệp PDF cần ký" in err
    source = tmp_path / "co.pdf"
    source.write_bytes(b"%PDF-1.7\n")
    code, out, err = run(capsys, "package", "sign-pdf", source, tmp_path / "khong-co" / "o.pdf", "--p12",
                         tmp_path / "k.p12")
    assert (code, out) == (2, "") and "khong-co không tồn tại" in err
