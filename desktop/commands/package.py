"""``thidua package``: verify a signed dossier package, sign a PDF.

``package verify`` prints one line per check and exits 0 when the package is
valid, 1 when it is not (2, as for every command, when the input itself is
unusable, e.g. an unreadable trust anchor). ``package sign-pdf`` signs one PDF
with a ``.p12`` file or a USB token; the secret comes from ``THIDUA_PIN`` or is
typed without echo.

The sub-command group is exposed as :data:`package_subparsers` so that other
areas can add to it (``package build`` needs the campaign's documents from
the database).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.main import add_json_option
from desktop.commands.verify import add_trust_option
from desktop.errors import UserError
from desktop.commands.cert import add_token_option, read_secret

package_subparsers: argparse._SubParsersAction | None = None
"""The ``package`` group's sub-parsers, set by :func:`register`."""


def register(sub: argparse._SubParsersAction) -> None:
    global package_subparsers
    p = sub.add_parser("package", help="gói hồ sơ ký số gửi Sở (ASiC-E): kiểm tra, ký PDF")
    group = p.add_subparsers(dest="package_command", metavar="LỆNH", required=True)
    package_subparsers = group

    verify = group.add_parser("verify", help="kiểm tra gói hồ sơ ký số (cấu trúc, mã băm, chữ ký, chuỗi tin cậy)")
    verify.add_argument("file", type=Path, metavar="TỆP", help="tệp gói .asice")
    add_trust_option(verify, "chứng thư số gốc (CA) tin cậy, PEM hoặc DER; dùng nhiều lần cho nhiều CA")
    add_json_option(verify)
    verify.add_argument(
        "--require-signed-pdf", action="store_true", help="coi tệp PDF chưa ký số là lỗi"
    )
    verify.set_defaults(func=run_verify)

    sign = group.add_parser("sign-pdf", help="ký số một tệp PDF (PAdES) bằng tệp .p12 hoặc thiết bị ký")
    sign.add_argument("input", type=Path, metavar="VÀO.pdf", help="tệp PDF cần ký")
    sign.add_argument("output", type=Path, metavar="RA.pdf", help="tệp PDF đã ký (có thể trùng tệp vào)")
    _add_key_options(sign)
    sign.add_argument("--page", type=int, default=0, metavar="SỐ",
                      help="trang đặt chữ ký, đếm từ 1; số âm đếm từ cuối (mặc định: trang cuối)")
    sign.add_argument("--box", metavar="X1,Y1,X2,Y2", help="khung chữ ký theo điểm (pt) từ góc dưới trái trang")
    sign.add_argument("--signature-image", type=Path, metavar="ẢNH.png", help="ảnh chữ ký (PNG nền trong suốt)")
    sign.add_argument("--seal-image", type=Path, metavar="ẢNH.png", help="ảnh con dấu (PNG nền trong suốt)")
    sign.add_argument("--reason", metavar="LÝ_DO", help="lý do ký")
    sign.add_argument("--location", metavar="NƠI", help="nơi ký")
    sign.add_argument("--tsa", metavar="URL", help="máy chủ cấp dấu thời gian (RFC 3161) để ký mức B-T")
    sign.set_defaults(func=run_sign_pdf)

    build = group.add_parser("build", help="ký số các văn bản đã hoàn thiện và đóng gói hồ sơ của một phong trào")
    build.add_argument("campaign", type=int, metavar="PHONG_TRÀO", help="mã số phong trào")
    build.add_argument("output", type=Path, metavar="RA", help="tệp gói .asice, thư mục hoặc tệp .zip cần tạo")
    build.add_argument("--phase", type=int, metavar="SỐ",
                       help="hồ sơ của một đợt (1 = đợt đầu, theo thứ tự trong phong trào): tờ trình, biên bản, "
                            "báo cáo và danh sách của đợt đó; mặc định: cả phong trào")
    build.add_argument(
        "--format", choices=("asice", "pdfs", "zip"), default="asice",
        help="cách gửi: asice = gói ký số (mặc định); pdfs = thư mục các tệp PDF đã ký và danh sách Excel, "
             "đặt tên theo số ký hiệu và trích yếu để tải lên hệ thống quản lý văn bản; zip = thư mục đó nén "
             "thành một tệp để gửi thư điện tử",
    )
    _add_key_options(build)
    build.add_argument("--evidence", type=int, action="append", default=[], metavar="MÃ",
                       help="mã số tệp minh chứng đưa vào gói (dùng nhiều lần)")
    build.add_argument("--overwrite", action="store_true", help="ghi đè tệp gói đã có")
    build.set_defaults(func=run_build)


def _add_key_options(p: argparse.ArgumentParser) -> None:
    """Where the signing key comes from (a .p12 file or a PKCS#11 device) and the chain sent with it."""
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--p12", type=Path, metavar="TỆP", help="tệp chữ ký số PKCS#12 (.p12/.pfx)")
    source.add_argument("--pkcs11", metavar="THƯ_VIỆN", help="trình điều khiển PKCS#11 của thiết bị ký (.dll/.so)")
    add_token_option(p)
    p.add_argument("--key", metavar="NHÃN", help="nhãn hoặc ID khóa ký (bỏ qua nếu chỉ có một chứng thư ký)")
    p.add_argument("--chain", type=Path, action="append", default=[], metavar="CA.pem",
                   help="chứng thư số trung gian đưa kèm chữ ký")


def _print_report(report, trusted: bool = True) -> None:
    print(f"Gói hồ sơ: {report.path}")
    if report.signer:
        print(f"Người ký: {report.signer}")
    for check in report.checks:
        print(f"  {'ĐẠT' if check.ok else 'LỖI'}  {check.message}")
    print("Kết luận: gói hồ sơ HỢP LỆ." if report.ok else "Kết luận: gói hồ sơ KHÔNG HỢP LỆ.")
    if not trusted and any(c.code == "signature.chain" and not c.ok for c in report.checks):
        print("Gợi ý: chạy lại với --trust CA.pem (chứng thư số gốc của nơi cấp chữ ký số) để xác nhận người ký.")


def run_verify(args: argparse.Namespace) -> int:
    from desktop.commands.verify import show_report
    from desktop.package.verify import verify_package

    report = verify_package(args.file, args.trust, require_pdf_signatures=args.require_signed_pdf)
    return show_report(report, args.json, lambda r: _print_report(r, trusted=bool(args.trust)))


def _parse_box(text: str | None) -> tuple[float, float, float, float] | None:
    if not text:
        return None
    try:
        values = tuple(float(v) for v in text.split(","))
    except ValueError as exc:
        raise UserError("Khung chữ ký phải có dạng X1,Y1,X2,Y2 (bốn số, đơn vị điểm).") from exc
    if len(values) != 4:
        raise UserError("Khung chữ ký phải có dạng X1,Y1,X2,Y2 (bốn số, đơn vị điểm).")
    return values  # type: ignore[return-value]


def load_identity(args: argparse.Namespace):
    """The signer named by ``--p12`` or ``--pkcs11`` (with ``--token``/``--key``), its secret asked for;
    opened the way the Gửi hồ sơ page opens it (:func:`desktop.signing.source.load_key`)."""
    from desktop.signing import source as key_sources

    if args.p12:
        source = key_sources.KeySource("p12", str(args.p12), extra_certs=tuple(args.chain))
    else:
        source = key_sources.KeySource("pkcs11", str(args.pkcs11), args.token, args.key, extra_certs=tuple(args.chain))
    key_sources.check_key_source(source)  # a missing file or driver is reported before asking for the secret
    return key_sources.load_key(source, read_secret(key_sources.secret_prompt(source)))


def run_build(args: argparse.Namespace) -> int:
    from desktop.dossier import build as dossier
    from desktop.commands.main import db_path
    from desktop.store import Store

    from desktop.formatting import byte_size, count
    from desktop.package.asice import check_output

    # Everything the user can fix is said before the PIN is asked for and before the seconds of signing.
    check_output(args.output, args.overwrite, overwrite_hint="thêm --overwrite để ghi đè", folder=args.format == "pdfs")
    with Store(db_path(args)) as store:
        from desktop.campaigns import campaign as campaigns

        phase = campaigns.get(store, args.campaign).phase_number(args.phase)
        phase_id = phase.id if phase else None
        missing = dossier.problems(store, args.campaign, phase_id)
        if missing:
            raise UserError(
                "Chưa tạo được gói hồ sơ:\n" + "\n".join(f"- {m}" for m in missing) + "\n"
                f"Xem các văn bản: thidua draft list {args.campaign}; soạn tờ trình: thidua draft to-trinh "
                f"{args.campaign}{f' --phase {args.phase}' if phase else ''} --out TỆP.pdf; hoàn thiện: thidua draft finalise MÃ. Họp xét và bỏ phiếu làm "
                "trong cửa sổ: thidua gui --page hop-xet")
        with load_identity(args) as identity:
            built = dossier.build(store, args.campaign, args.output, identity, evidence_ids=args.evidence,
                                  overwrite=args.overwrite, format=args.format, phase_id=phase_id)
    if args.format != "asice":
        print(f"Đã tạo {dossier.FORMATS[args.format]} {built.path} ({count(len(built.files), 'tệp')}), "
              f"ký bởi {built.signer}; đã tự kiểm tra chữ ký từng tệp.")
        return 0
    print(f"Đã tạo gói hồ sơ {built.path} ({byte_size(built.size)}, {count(len(built.files), 'tệp')}), "
          f"ký bởi {built.signer}.")
    return 0


def run_sign_pdf(args: argparse.Namespace) -> int:
    from desktop.signing.pdf import SignatureAppearance, sign_pdf

    page = -1 if args.page == 0 else (args.page - 1 if args.page > 0 else args.page)
    appearance = SignatureAppearance(
        signature_image=args.signature_image,
        seal_image=args.seal_image,
        page=page,
        box=_parse_box(args.box),
    )
    # Said before the PIN or password is asked for.
    if not args.input.is_file():
        raise UserError(f"Không tìm thấy tệp PDF cần ký {args.input}. Hãy kiểm tra lại đường dẫn.")
    if not args.output.parent.is_dir():
        raise UserError(f"Thư mục {args.output.parent} không tồn tại. Hãy tạo thư mục hoặc chọn nơi lưu khác.")
    with load_identity(args) as identity:
        result = sign_pdf(
            args.input, args.output, identity,
            appearance=appearance, reason=args.reason, location=args.location, timestamp_url=args.tsa,
        )
    from desktop.formatting import date_time

    print(
        f"Đã ký {args.output} (PAdES {result.level}, trường {result.field_name}, trang {result.page_index + 1}) "
        f"bởi {identity.name} lúc {date_time(result.signing_time)}."
    )
    return 0
