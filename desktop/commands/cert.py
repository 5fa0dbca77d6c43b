"""``thidua cert``: test certificates and a look at the signing token.

``cert demo`` makes a throw-away CA and signer to try signing without a real
USB token; ``cert tokens`` and ``cert keys`` show what a PKCS#11 driver sees,
which is the first thing to check when a token "does not work".
"""
from __future__ import annotations

import argparse
import getpass
import os
import sys
import warnings
from pathlib import Path

from desktop.errors import UserError

PIN_ENV = "THIDUA_PIN"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("cert", help="chứng thư số: tạo chứng thư thử nghiệm, xem thiết bị ký")
    cert_sub = p.add_subparsers(dest="cert_command", metavar="LỆNH", required=True)

    demo = cert_sub.add_parser(
        "demo", help="tạo CA và chứng thư số THỬ NGHIỆM (ca.pem, signer.p12, password.txt); không dùng thật"
    )
    demo.add_argument("outdir", type=Path, metavar="THƯ_MỤC", help="thư mục ghi các tệp")
    demo.add_argument("--force", action="store_true", help="ghi đè các tệp đã có")
    demo.set_defaults(func=run_demo)

    def device_command(name: str, help_text: str, func) -> argparse.ArgumentParser:
        """A sub-command about what a PKCS#11 driver (its argument) sees."""
        device = cert_sub.add_parser(name, help=help_text)
        device.add_argument("module", metavar="THƯ_VIỆN", help="tệp trình điều khiển PKCS#11 (.dll/.so)")
        device.set_defaults(func=func)
        return device

    device_command("tokens", "liệt kê thiết bị ký (USB token) mà trình điều khiển PKCS#11 thấy", run_tokens)
    add_token_option(device_command("keys", "liệt kê khóa ký và chứng thư số trên thiết bị ký (cần PIN)", run_keys))


def add_token_option(p: argparse.ArgumentParser) -> None:
    """Which of the plugged-in signing devices."""
    p.add_argument("--token", metavar="NHÃN", help="nhãn thiết bị ký (bỏ qua nếu chỉ cắm một thiết bị)")


def read_secret(prompt: str) -> str:
    """The PIN or password: from THIDUA_PIN (scripts, tests) or typed without echo."""
    value = os.environ.get(PIN_ENV)
    if value is not None:
        return value
    no_terminal = UserError(
        f"Không có cửa sổ dòng lệnh để gõ mã PIN hoặc mật khẩu (lệnh đang chạy trong một tập lệnh hoặc qua ống dẫn). "
        f"Hãy đặt biến môi trường {PIN_ENV} (ví dụ: {PIN_ENV}=... thidua …) rồi chạy lại; "
        f"với chứng thư số thử nghiệm, mật khẩu nằm trong tệp password.txt."
    )
    with warnings.catch_warnings():
        # getpass falls back to reading standard input with the secret shown on
        # screen, and says so in English ("Password input may be echoed"); refuse
        # instead and say how to give the secret safely.
        warnings.simplefilter("error", getpass.GetPassWarning)
        try:
            return getpass.getpass(prompt)
        except (EOFError, getpass.GetPassWarning) as exc:  # no terminal to type into (a script, a pipe)
            raise no_terminal from exc


def run_demo(args: argparse.Namespace) -> int:
    from desktop.demo.pki import create_demo_pki

    result = create_demo_pki(args.outdir, overwrite=args.force)
    print("Đã tạo chứng thư số THỬ NGHIỆM (không có giá trị pháp lý, không dùng cho hồ sơ thật):")
    print(f"  CA gốc thử nghiệm:       {result.ca_pem}")
    print(f"  Tệp chữ ký (PKCS#12):    {result.signer_p12}")
    print(f"  Mật khẩu (cũng lưu ở {result.password_file.name}): {result.password}")
    return 0


def run_tokens(args: argparse.Namespace) -> int:
    from desktop.signing.keys import list_tokens

    tokens = list_tokens(args.module)
    if not tokens:
        print("Không thấy thiết bị ký nào. Hãy cắm thiết bị ký vào máy rồi chạy lại.", file=sys.stderr)
        return 1
    for token in tokens:
        note = f" — {token.pin_status}" if token.pin_status else ""
        print(f"“{token.label}”  (số sê-ri {token.serial}, {token.manufacturer} {token.model}){note}")
    return 0


def run_keys(args: argparse.Namespace) -> int:
    from desktop.signing.certs import format_vn_date  # asn1crypto: not on the path of `package verify`'s parser
    from desktop.signing.keys import list_keys, list_tokens

    list_tokens(args.module)  # a missing driver or token is reported before asking for the PIN
    pin = read_secret("Mã PIN của thiết bị ký: ")
    keys = list_keys(args.module, args.token, pin)
    if not keys:
        print("Thiết bị ký không có khóa nào dùng để ký.", file=sys.stderr)
        return 1
    for key in keys:
        valid = (
            f"hiệu lực {format_vn_date(key.not_before)} – {format_vn_date(key.not_after)}"
            if key.not_before and key.not_after else "không có chứng thư số"
        )
        state = "dùng được" if key.can_sign else f"KHÔNG dùng được: {key.problem}"
        print(f"“{key.label}” (ID {key.key_id or '—'}): {key.subject or '?'}, cấp bởi {key.issuer or '?'}; {valid}; {state}")
    return 0
