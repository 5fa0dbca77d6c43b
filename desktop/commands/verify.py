"""``thidua verify`` and ``thidua trust``: check signed PDFs, folders and packages; manage trusted CAs.

For each signature it prints who signed, when, whether the document changed
after signing and the chain to the trusted roots. Exit status 0 when every
signature is valid and trusted, 1 when not, 2 when the input is unusable (as
for every command). The certificates of the app's trust store (``thidua
trust add|list|remove``, kept in the database) are used by default;
``--trust`` adds certificate files for one run.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.commands.main import add_json_option
from desktop.errors import UserError

def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help="kiểm tra chữ ký số của tệp PDF, thư mục PDF hoặc gói hồ sơ .asice")
    p.add_argument("path", type=Path, metavar="TỆP|THƯ_MỤC", help="tệp PDF đã ký, thư mục các tệp PDF, hoặc gói .asice")
    add_trust_option(p, "thêm chứng thư số tin cậy (gốc hoặc trung gian), PEM hoặc DER; dùng nhiều lần")
    add_json_option(p)
    p.set_defaults(func=run_verify)

    t = sub.add_parser("trust", help="danh sách chứng thư số CA tin cậy dùng để kiểm tra chữ ký (lưu trong tệp dữ liệu)")
    group = t.add_subparsers(dest="trust_command", metavar="LỆNH", required=True)
    add = group.add_parser("add", help="nhập chứng thư số CA gốc hoặc trung gian từ tệp (PEM, DER, .cer, .crt, .p7b)")
    add.add_argument("files", type=Path, nargs="+", metavar="TỆP", help="tệp chứng thư số")
    add.set_defaults(func=run_trust_add)
    ls = group.add_parser("list", help="liệt kê chứng thư số tin cậy")
    add_json_option(ls)
    ls.set_defaults(func=run_trust_list)
    rm = group.add_parser("remove", help="bỏ tin cậy một chứng thư số")
    rm.add_argument("key", metavar="SỐ|VÂN_TAY", help="số thứ tự (xem “trust list”) hoặc đầu dấu vân tay SHA-256")
    rm.set_defaults(func=run_trust_remove)


def add_trust_option(p: argparse.ArgumentParser, help_text: str) -> None:
    """``--trust``: certificate files (PEM or DER) trusted in this run, the option given once for each."""
    p.add_argument("--trust", type=Path, action="append", default=[], metavar="CA.pem", help=help_text)


def trusted_certificates(args: argparse.Namespace) -> list:
    """The certificates in the app's trust store (when the database exists) plus those given with ``--trust``."""
    from desktop.commands.main import db_location

    certs: list = []
    path = db_location(args)
    if path.exists():
        from desktop.signing import trust
        from desktop.store import Store

        with Store(path) as store:
            certs.extend(trust.certificates(store))
    return [*certs, *args.trust]


def print_report(report) -> None:
    """Vietnamese lines for a PDF, folder or package report."""
    kind = getattr(report, "kind", "package")
    if kind == "package":
        print(f"Gói hồ sơ: {report.path}")
        if report.signer:
            print(f"Người ký: {report.signer}")
        for check in report.checks:
            mark = "ĐẠT" if check.ok else ("CHƯA HỖ TRỢ" if check.code.startswith("unsupported.") else "LỖI")
            print(f"  {mark}  {check.message}")
        print({
            "valid": "Kết luận: gói hồ sơ HỢP LỆ.",
            "unsupported": "Kết luận: CHƯA KIỂM TRA ĐƯỢC gói hồ sơ này (có loại chữ ký Sổ thi đua chưa hỗ trợ); "
                           "không phát hiện dấu hiệu bị sửa trong những gì đã kiểm tra.",
        }.get(report.verdict, "Kết luận: gói hồ sơ KHÔNG HỢP LỆ."))
        return
    documents = report.documents if kind == "folder" else [report]
    if kind == "folder":
        print(f"Thư mục: {report.path} ({len(report.documents)} tệp PDF)")
        for check in report.extra_checks:
            print(f"  {'ĐẠT' if check.ok else 'LỖI'}  {check.message}")
    for doc in documents:
        print(f"Tài liệu: {doc.files[0] if kind == 'folder' else doc.path}")
        if not doc.signatures:
            for check in doc.checks:
                print(f"  {'ĐẠT' if check.ok else 'LỖI'}  {check.message}")
        for n, sig in enumerate(doc.signatures, 1):
            who = sig.signer or "(không rõ)"
            if sig.organisation:
                who += f" – {sig.organisation}"
            print(f"  Chữ ký {n} (trường {sig.field_name}): {who}")
            for check in sig.checks:
                message = check.message.split(": ", 1)[1] if ": " in check.message else check.message
                print(f"    {'ĐẠT' if check.ok else 'LỖI'}  {message}")
        print(f"  => {'HỢP LỆ' if doc.ok else 'KHÔNG HỢP LỆ'}")
    if kind == "folder":
        if report.skipped:
            print("Tệp không phải PDF (không kiểm tra chữ ký): " + ", ".join(report.skipped))
        bad = sum(1 for d in report.documents if not d.ok)
        if report.ok:
            print(f"Kết luận: cả {len(report.documents)} tệp PDF đều HỢP LỆ.")
        else:
            print(f"Kết luận: {bad}/{len(report.documents)} tệp PDF KHÔNG HỢP LỆ." if report.documents
                  else "Kết luận: KHÔNG HỢP LỆ.")
    else:
        print("Kết luận: tài liệu HỢP LỆ." if report.ok else "Kết luận: tài liệu KHÔNG HỢP LỆ.")


def verify_any(path: Path, trusted: list):
    """The right check for ``path``: a package (.asice), a folder of PDFs or one PDF."""
    if not path.exists():
        raise UserError(f"Không tìm thấy {path}.")
    from desktop.package.pdf_verify import verify_path

    return verify_path(path, trusted)


def run_verify(args: argparse.Namespace) -> int:
    return show_report(verify_any(args.path, trusted_certificates(args)), args.json, print_report)


def show_report(report, as_json: bool, print_lines) -> int:
    """Print a verification report as JSON or as ``print_lines`` says it; exit status 0 when it is valid."""
    if as_json:
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print_lines(report)
    return 0 if report.ok else 1


def _store(args: argparse.Namespace):
    from desktop.commands.main import db_path
    from desktop.store import Store

    return Store(db_path(args))


def run_trust_add(args: argparse.Namespace) -> int:
    from desktop.signing import trust

    with _store(args) as store:
        for path in args.files:
            added, already = trust.add_file(store, path)
            for t in added:
                print(f"Đã thêm {trust.describe(t)} (số {t.id}).")
            for name in already:
                print(f"Đã có sẵn: “{name}” (bỏ qua).")
    return 0


def run_trust_list(args: argparse.Namespace) -> int:
    from desktop.signing import trust

    with _store(args) as store:
        rows = trust.list_all(store)
    if args.json:
        json.dump([{**t.__dict__, "kind": "root" if t.is_root else "intermediate"} for t in rows], sys.stdout,
                  ensure_ascii=False, indent=2)
        print()
        return 0
    if not rows:
        print("Chưa có chứng thư số tin cậy nào. Nhập chứng thư số CA gốc của Sở bằng “thidua trust add TỆP”.")
        return 0
    for t in rows:
        print(f"{t.id:>3}  {trust.describe(t)}")
    return 0


def run_trust_remove(args: argparse.Namespace) -> int:
    from desktop.signing import trust

    with _store(args) as store:
        removed = trust.remove(store, trust.find(store, args.key).id)
    print(f"Đã bỏ tin cậy {trust.describe(removed)}.")
    return 0
