"""“Danh sách đề nghị khen thưởng” read back: title block, groups by award, name order, votes, print setup."""
from __future__ import annotations

import openpyxl

from desktop.commands import main as cli
from desktop.council import nominations
from desktop.dossier.nomination_list import write_nominations
from desktop.text import name_sort_key


def test_list_as_the_so_expects_it(demo_store, tmp_path):
    path = write_nominations(demo_store, 1, tmp_path / "ds.xlsx")
    ws = openpyxl.load_workbook(path).active
    values = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    flat = [str(v) for row in values for v in row if v]
    assert "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG" in flat and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in flat
    header = next(i for i, row in enumerate(values) if row[0] == "STT")
    assert values[header][1] == "Họ và tên / Tên tập thể"
    groups, current = {}, None
    for row in values[header + 1:]:
        if row[0] and str(row[0]).startswith(("I.", "II.", "III.")):
            current = str(row[0]).split(". ", 1)[1]
            groups[current] = []
        elif current and isinstance(row[0], (int, float)) or (current and str(row[0]).isdigit()):
            groups[current].append(row)
    passed = [r for r in nominations.list_for_campaign(demo_store, 1) if r.status == "thong_qua"]
    assert sum(len(v) for v in groups.values()) == len(passed)
    for award, rows in groups.items():
        assert all(r[3] == award for r in rows)
        people = [r[1] for r in rows if r[1] in {p.name for p in passed if p.subject_kind == "person"}]
        assert people == sorted(people, key=name_sort_key)  # Vietnamese order: given name first
        assert all("/" in str(r[5]) for r in rows)  # votes agreed / all council members
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"  # A4
    assert ws.freeze_panes is not None


def test_cli_export_nominations(demo_path, tmp_path, capsys):
    out = tmp_path / "ds.xlsx"
    assert cli.main(["--db", str(demo_path), "export", "nominations", "1", str(out)]) == 0
    assert out.exists() and "Đã xuất" in capsys.readouterr().out
