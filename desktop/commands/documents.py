"""``draft`` and ``print`` commands: the dossier's documents from the command line."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.dossier import drafts
from desktop.commands.main import add_command, add_json_option, add_print_options, db_path
from desktop.errors import UserError
from desktop.formatting import date_time
from desktop.files import existing_files
from desktop.store import Store


_DOCUMENT = ("document", "MÃ", "mã số văn bản")
_CAMPAIGN = ("campaign", "PHONG_TRÀO", "mã số phong trào")
_PHASE_HELP = ("hồ sơ của một đợt (1 = đợt đầu, theo thứ tự trong phong trào): chỉ các đề nghị, cuộc họp và thời gian "
               "của đợt đó; mặc định: cả phong trào")


def register(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("draft", help="soạn tờ trình (hoặc công văn) đề nghị, biên bản họp xét, báo cáo thành "
                                        "tích từ dữ liệu")
    ds = group.add_subparsers(dest="draft_command", metavar="LỆNH", required=True)
    for name, kind, target in (("to-trinh", "to_trinh", "mã số phong trào"),
                               ("cong-van", "cong_van", "mã số phong trào"),
                               ("bien-ban", "bien_ban", "mã số cuộc họp xét"),
                               ("bao-cao", "bao_cao", "mã số đề nghị khen thưởng"),
                               ("to-trinh-dot-xuat", "to_trinh_dot_xuat", "mã số đề nghị khen thưởng đột xuất"),
                               ("bao-cao-dot-xuat", "bao_cao_dot_xuat", "mã số đề nghị khen thưởng đột xuất"),
                               ("bien-ban-binh-xet", "bien_ban_binh_xet", "mã số cuộc họp bình xét cuối năm"),
                               ("quyet-dinh", "quyet_dinh", "năm bình xét (quyết định của thủ trưởng đơn vị)")):
        p = ds.add_parser(name, help=f"soạn {drafts.KINDS[kind].lower()} (tạo bản nháp nếu chưa có)")
        p.add_argument("target", type=int, metavar="MÃ", help=target)
        p.add_argument("--out", type=Path, required=True, metavar="TỆP",
                       help="tệp kết quả .pdf hoặc .docx")
        p.add_argument("--overwrite", action="store_true", help="ghi đè tệp kết quả đã có")
        p.add_argument("--form", metavar="MẪU",
                       help="mẫu văn bản (tên tệp trong forms/, ví dụ nd152-2025-mau01-to-trinh); văn bản đã soạn "
                            "(chưa hoàn thiện) được soạn lại theo mẫu này; mẫu không hợp ngày hoặc loại văn bản thì "
                            "lệnh liệt kê các mẫu phù hợp")
        if kind == "to_trinh":
            p.add_argument("--phase", type=int, metavar="SỐ", help=_PHASE_HELP)
        p.set_defaults(func=run_draft, kind=kind)
    p = add_command(ds, "all", "soạn cả bộ hồ sơ của một phong trào (tờ trình, biên bản họp xét, mọi báo cáo thành "
                               "tích), mỗi văn bản cả PDF và DOCX, cùng các tệp đã đính kèm, trong một lần chạy",
                    run_draft_all, _CAMPAIGN)
    p.add_argument("--out", type=Path, required=True, metavar="THƯ_MỤC", help="thư mục kết quả (tạo nếu chưa có)")
    p.add_argument("--overwrite", action="store_true", help="ghi đè các tệp kết quả đã có")
    p.add_argument("--phase", type=int, metavar="SỐ", help=_PHASE_HELP)
    for name, kind in (("dang-ky", "dang_ky"), ("bao-cao-ket-qua", "bao_cao_ket_qua")):
        p = ds.add_parser(name, help=f"soạn {drafts.KINDS[kind].lower()} của một phong trào (tạo bản nháp nếu chưa có)")
        p.add_argument("target", type=int, metavar="PHONG_TRÀO", help="mã số phong trào")
        if kind == "bao_cao_ket_qua":
            p.add_argument("--phase", type=int, metavar="SỐ",
                           help="báo cáo của một đợt (1 = đợt đầu, theo thứ tự trong phong trào); "
                                "mặc định: cả phong trào")
        p.add_argument("--out", type=Path, required=True, metavar="TỆP", help="tệp kết quả .pdf hoặc .docx")
        p.add_argument("--overwrite", action="store_true", help="ghi đè tệp kết quả đã có")
        p.set_defaults(func=run_draft_campaign, kind=kind)
    add_json_option(add_command(ds, "list", "các văn bản đã soạn của một phong trào", run_list, _CAMPAIGN))
    add_command(ds, "check", "liệt kê chỗ còn trống, còn thiếu của một văn bản (mã thoát 1 nếu có)", run_check, _DOCUMENT)
    p = add_command(ds, "attach", "đính kèm tệp cho một mục của danh mục hồ sơ mà ứng dụng không soạn (xác nhận của "
                                  "cơ quan khác, giấy chứng nhận sáng kiến…): PDF, DOCX hoặc ảnh", run_attach, _CAMPAIGN)
    p.add_argument("item", metavar="MỤC", help="số thứ tự của mục trong danh mục hồ sơ (1, 2, …) hoặc tên mục")
    p.add_argument("file", type=Path, metavar="TỆP", help="tệp PDF (giữ nguyên chữ ký số nếu có), DOCX hoặc ảnh")
    add_command(ds, "finalise", "đánh dấu văn bản đã hoàn thiện (không sửa trực tiếp nữa)", run_finalise, _DOCUMENT)
    add_command(ds, "reopen", "mở lại văn bản đã hoàn thiện thành bản nháp để sửa (ghi vào nhật ký)", run_reopen,
                _DOCUMENT)

    add_print_options(add_command(sub, "print", "in một văn bản (chỉ văn bản mật hoặc hồ sơ khen thưởng cấp Nhà nước)",
                                  run_print, _DOCUMENT))


def _phase_id(store, campaign_id: int, number: int | None) -> int | None:
    """The id of the campaign's phase number ``number`` (``--phase``), or ``None`` for the whole campaign."""
    if number is None:
        return None
    from desktop.campaigns import campaign as campaigns

    return campaigns.get(store, campaign_id).phase_number(number).id


def run_draft(args: argparse.Namespace) -> int:
    with Store(db_path(args)) as store, existing_files(overwrite=args.overwrite):
        phase_id = _phase_id(store, args.target, getattr(args, "phase", None))
        draft_id = drafts.create(store, args.kind, args.target, form=args.form, phase_id=phase_id)
        if args.form and drafts.get(store, draft_id).form != args.form:
            # An existing draft: drafted again with the chosen form (the same function as the window's chooser).
            drafts.change_form(store, draft_id, args.form)
        out = drafts.render(store, draft_id, args.out)
        d = drafts.get(store, draft_id)
        first = store.one("SELECT note FROM draft_version WHERE draft_id = ? ORDER BY version LIMIT 1", (draft_id,))
    print(f"Văn bản số {draft_id} ({drafts.STATUSES[d.status].lower()}, mẫu {d.form}): {out}")
    if first and first["note"].startswith("Soạn từ dữ liệu. "):
        print("Chọn mẫu: " + first["note"].removeprefix("Soạn từ dữ liệu. "))
    return 0


def run_attach(args: argparse.Namespace) -> int:
    from desktop.dossier import attachments

    with Store(db_path(args)) as store:
        a = attachments.attach(store, args.campaign, args.item, args.file)
    signed = " (PDF đã ký số, giữ nguyên)" if a.signed else ""
    print(f"Đã đính kèm “{a.file_name}”{signed} cho mục “{a.item}” của phong trào số {a.campaign_id}.")
    return 0


def run_draft_all(args: argparse.Namespace) -> int:
    """The whole dossier in one process: fonts, styles and the renderers load once for every document."""
    from desktop.campaigns import campaign as campaigns
    from desktop.dossier import attachments
    from desktop.dossier.build import ATTACHED_PREFIX, document_file_name, dossier_documents
    from desktop.package.names import safe_name
    from desktop.files import atomic_write
    from desktop.records import blobs

    out_dir = args.out
    if out_dir.exists() and not out_dir.is_dir():
        raise UserError(f"{out_dir} là một tệp, không phải thư mục.")
    written: list[Path] = []
    with Store(db_path(args)) as store, existing_files(overwrite=args.overwrite):
        phase_id = _phase_id(store, args.campaign, args.phase)
        campaigns.get(store, args.campaign)
        # Every document the dossier (of the phase) needs: one Tờ trình per approving authority, each
        # Biên bản and Báo cáo.
        targets = [x for x in dossier_documents(store, args.campaign, phase_id) if x.needed]
        ids = [drafts.create(store, x.kind, x.target_id, authority=x.authority or None,
                             phase_id=phase_id if x.kind == "to_trinh" else None) for x in targets]
        # Each document is composed once, for its file name and both its files.
        docs = [drafts.document(store, i) for i in ids]
        names = [Path(f"{n:02d} {document_file_name(store, drafts.get(store, i), doc)}")
                 for n, (i, doc) in enumerate(zip(ids, docs), 1)]
        # The papers of the plan's list attached as files go with the documents, byte for byte.
        papers = [(out_dir / safe_name(f"{n:02d} {ATTACHED_PREFIX}{a.file_name}"), a)
                  for n, a in enumerate(attachments.list_for_campaign(store, args.campaign), len(ids) + 1)]
        if not args.overwrite:  # said before anything is written, not half-way through the dossier
            there = [p.name for name in names for p in (out_dir / name.with_suffix(".pdf"),
                                                        out_dir / name.with_suffix(".docx")) if p.exists()]
            there += [p.name for p, _ in papers if p.exists()]
            if there:
                raise UserError(f"Thư mục {out_dir} đã có {', '.join(there[:3])}"
                                f"{' …' if len(there) > 3 else ''}; thêm --overwrite để ghi đè.")
        out_dir.mkdir(parents=True, exist_ok=True)
        for draft_id, doc, name in zip(ids, docs, names):
            for suffix in (".pdf", ".docx"):
                written.append(drafts.render(store, draft_id, out_dir / name.with_suffix(suffix), doc))
            print(f"{name.stem} (.pdf, .docx)")
        for path, a in papers:
            with atomic_write(path, make_parents=True) as tmp, open(tmp, "wb") as fh:
                for chunk in blobs.iter_chunks(store, a.sha256):
                    fh.write(chunk)
            written.append(path)
            print(path.name)
    attached = f" và {len(papers)} tệp đính kèm" if papers else ""
    print(f"Đã soạn {len(targets)} văn bản{attached} ({len(written)} tệp) vào {out_dir}.")
    return 0


def run_draft_campaign(args: argparse.Namespace) -> int:
    from desktop.campaigns import campaign as campaigns

    with Store(db_path(args)) as store, existing_files(overwrite=args.overwrite):
        c = campaigns.get(store, args.target)
        phase = c.phase_number(getattr(args, "phase", None))
        phase_id = phase.id if phase else None
        draft_id = drafts.create_for_campaign(store, args.kind, c.id, phase_id)
        out = drafts.render(store, draft_id, args.out)
        d = drafts.get(store, draft_id)
    print(f"Văn bản số {draft_id} ({drafts.STATUSES[d.status].lower()}, mẫu {d.form}): {out}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from desktop.campaigns import campaign as campaigns

    with Store(db_path(args)) as store:
        campaigns.get(store, args.campaign)  # a campaign that does not exist is said, not listed as empty
        items = [(d, drafts.title(store, d), drafts.current(store, d.id).version)
                 for d in drafts.list_for_campaign(store, args.campaign)]
    if args.json:
        json.dump([{
            "id": d.id, "kind": d.kind, "title": title, "status": d.status, "version": version, "form": d.form,
            "classification": d.classification, "campaign_id": d.campaign_id, "meeting_id": d.meeting_id,
            "nomination_id": d.nomination_id, "phase_id": d.phase_id, "created_at": d.created_at,
            "finalised_at": d.finalised_at,
        } for d, title, version in items], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not items:
        print("Phong trào này chưa có văn bản nào.")
    for d, title, version in items:
        when = f" lúc {date_time(d.finalised_at)}" if d.finalised_at else ""
        print(f"[{d.id}] {title} — {drafts.STATUSES[d.status]}{when}, phiên bản {version}, mẫu {d.form}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    with Store(db_path(args)) as store:
        d = drafts.get(store, args.document)
        title = drafts.title(store, d)
        found = drafts.problems(store, args.document)
    if not found:
        print(f"Văn bản số {args.document} ({title}): không còn chỗ trống nào.")
        return 0
    print(f"Văn bản số {args.document} ({title}) còn {len(found)} chỗ cần điền:")
    for p in found:
        print(f"- [{p.section}] {p.message}: {p.text}")
    return 1


def run_finalise(args: argparse.Namespace) -> int:
    with Store(db_path(args)) as store:
        if drafts.get(store, args.document).finalised:
            raise UserError(f"Văn bản số {args.document} đã hoàn thiện; không sửa trực tiếp được. "
                            f"Muốn sửa, hãy mở lại thành bản nháp: thidua draft reopen {args.document}")
        drafts.finalise(store, args.document)
    print(f"Văn bản số {args.document} đã hoàn thiện. Muốn sửa lại: thidua draft reopen {args.document}")
    return 0


def run_reopen(args: argparse.Namespace) -> int:
    with Store(db_path(args)) as store:
        if not drafts.get(store, args.document).finalised:
            raise UserError(f"Văn bản số {args.document} đang là bản nháp, không cần mở lại.")
        drafts.reopen(store, args.document)
    print(f"Đã mở lại văn bản số {args.document} thành bản nháp (việc mở lại được ghi vào nhật ký thay đổi). "
          f"Sửa xong, hoàn thiện lại bằng: thidua draft finalise {args.document}")
    return 0


def run_print(args: argparse.Namespace) -> int:
    from desktop.dossier import printing

    with Store(db_path(args)) as store:
        allowed = printing.permission(store, args.document)
        if not allowed.allowed:  # a refusal, not a failure: its own exit status, on standard error
            print(f"Lỗi: {allowed.reason}", file=sys.stderr)
            return 3
        pages = printing.print_document(store, args.document, printer=args.printer, copies=args.copies)
    print(f"Đã gửi lệnh in {pages} trang × {args.copies} bản. {allowed.reason}")
    return 0
