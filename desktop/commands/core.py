"""Core commands: the window, info, demo data, search and check."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands.main import add_json_option, db_path
from desktop.errors import UserError
from desktop.paths import demo_db_path
from desktop.store import Store


def register(sub: argparse._SubParsersAction) -> None:
    from desktop.ui.page_keys import page_names_by_page  # Qt-free: the page list without loading Qt

    from desktop.argparse_vi import RawEpilogHelpFormatter

    pages = "\n".join("  " + ", ".join(names) for names in page_names_by_page().values())
    p = sub.add_parser("gui", help="mở cửa sổ Sổ thi đua (mặc định)", formatter_class=RawEpilogHelpFormatter,
                       epilog=f"Các trang dùng được với --page (mỗi dòng một trang, tên nào cũng được):\n{pages}")
    p.add_argument("--screenshot", metavar="TỆP.png", help="chụp cửa sổ thật (không hiện ra) vào tệp PNG rồi thoát")
    p.add_argument("--size", metavar="RỘNGxCAO", default="1280x800",
                   help="kích thước cửa sổ khi chụp bằng --screenshot, ví dụ 1920x1080 (mặc định 1280x800)")
    p.add_argument("--page", metavar="TRANG", choices=[n for names in page_names_by_page().values() for n in names],
                   help="trang mở đầu, ví dụ tong-quan, ca-nhan, so-thanh-tich (danh sách đủ ở cuối)")
    p.add_argument("--demo", action="store_true",
                   help="mở dữ liệu mẫu trong tệp riêng của nó (%(demo_db)s, tạo khi chưa có); "
                        "bỏ qua --db và không đụng tới tệp của đơn vị")
    p.add_argument("--quit-when-shown", action="store_true",
                   help="thoát ngay khi cửa sổ hiện ra (để đo thời gian khởi động, xem bench/)")
    p.add_argument("package", nargs="?", metavar="GÓI.asice",
                   help="mở trang Kiểm tra gói và kiểm tra gói hồ sơ này (như khi nhấp đúp tệp .asice)")
    p.set_defaults(func=run_gui, creates_db=True, announce_new_db=False)

    p = sub.add_parser("info", help="đường dẫn, phiên bản lược đồ và số bản ghi")
    p.set_defaults(func=run_info)

    p = sub.add_parser("demo", help="tạo dữ liệu mẫu của một đơn vị giả định, trong tệp riêng "
                                    "(mặc định %(demo_db)s, hoặc tệp trống chỉ định bằng --db)")
    p.add_argument("--seed", type=int, default=2025, metavar="SỐ", help="hạt giống ngẫu nhiên (mặc định 2025)")
    p.add_argument("--if-empty", action="store_true", help="chỉ tạo khi tệp chưa có dữ liệu")
    p.add_argument("--plan", metavar="TỆP_KẾ_HOẠCH",
                   help="dựng đơn vị mẫu quanh một kế hoạch (tệp văn bản): đơn vị thuộc cơ quan ban hành kế hoạch, "
                        "kế hoạch là phong trào số 1, có đề nghị, họp xét và hồ sơ đã hoàn thiện")
    p.set_defaults(func=run_demo, creates_db=True)

    p = sub.add_parser("search", help="tìm thành tích và cá nhân (không cần gõ dấu)")
    p.add_argument("query", nargs="+", metavar="TỪ", help="từ cần tìm")
    add_json_option(p)
    p.add_argument("--limit", type=int, default=50, metavar="SỐ", help="số kết quả tối đa (mặc định 50)")
    p.add_argument("--all", action="store_true",
                   help="xếp hạng mọi kết quả khớp (chậm hơn với dữ liệu lớn); mặc định, khi có rất nhiều kết "
                        "quả, chỉ xếp hạng những kết quả có ngày gần đây nhất và các cá nhân")
    p.set_defaults(func=run_search)

    p = sub.add_parser("check", help="kiểm tra tính toàn vẹn của tệp dữ liệu và các tệp minh chứng")
    p.add_argument("--repair", action="store_true", help="dựng lại chỉ mục tìm kiếm từ dữ liệu rồi kiểm tra")
    p.set_defaults(func=run_check)


def run_gui(args: argparse.Namespace) -> int:
    from desktop.ui.app import run  # Qt is imported only for the window

    size = screenshot_size(args.size)
    if args.demo:
        return run(demo_db_path(), demo=True, screenshot=args.screenshot, page=args.page,
                   quit_when_shown=args.quit_when_shown, package=args.package, size=size)
    return run(db_path(args), screenshot=args.screenshot, page=args.page, quit_when_shown=args.quit_when_shown,
               package=args.package, size=size)


def screenshot_size(text: str) -> tuple[int, int]:
    """``1920x1080`` → ``(1920, 1080)``; a size the window cannot take is refused in Vietnamese."""
    width, sep, height = text.strip().lower().replace("×", "x").partition("x")
    if not sep or not width.isdigit() or not height.isdigit() or not (320 <= int(width) <= 8000
                                                                      and 240 <= int(height) <= 8000):
        raise UserError(f"Kích thước “{text}” không hợp lệ: viết RỘNGxCAO bằng điểm ảnh, ví dụ 1920x1080.")
    return int(width), int(height)


def run_info(args: argparse.Namespace) -> int:
    with Store(db_path(args)) as store:
        print(f"Tệp dữ liệu: {store.path}")
        print(f"Phiên bản lược đồ: {store.schema_version}")
        labels = {
            "collectives": "Tập thể", "people": "Cá nhân", "achievements": "Thành tích",
            "archived_achievements": "Thành tích đã lưu trữ", "evidence_files": "Tệp minh chứng",
            "audit_entries": "Dòng nhật ký thay đổi",
        }
        for key, value in store.counts().items():
            print(f"{labels.get(key, key)}: {value}")
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from desktop.demo import unit as demo
    from desktop import start

    # The demo never goes into the clerk's own file: by default it has a file of its own,
    # and a file given with --db must be blank.
    path = args.db if args.db is not None else demo_db_path()
    plan = getattr(args, "plan", None)
    if plan and not Path(plan).is_file():  # said before a data file is made for it
        raise UserError(f"Không tìm thấy tệp kế hoạch “{plan}”. Hãy ghi đúng đường dẫn tệp .txt, .docx hoặc .pdf.")
    with Store(path, create=True) as store:
        if not start.is_blank(store):
            if args.if_empty:
                return 0
            if start.is_demo(store):
                raise UserError(f"Tệp {store.path} đã có dữ liệu mẫu.")
            raise UserError(f"Tệp {store.path} đã có dữ liệu của một đơn vị; dữ liệu mẫu chỉ được tạo "
                            "trong tệp trống. Bỏ --db để tạo dữ liệu mẫu trong tệp riêng của nó.")
        if getattr(args, "plan", None):
            try:
                summary = demo.fill_for_plan(store, args.plan, seed=args.seed)
            except demo.NoNomination as e:
                print("Đã tạo dữ liệu mẫu: " + ", ".join(f"{v} {k}" for k, v in e.summary.items()))
                print(f"Tệp dữ liệu mẫu: {store.path}")
                print(f"Không có đề nghị khen thưởng: {e}", file=sys.stderr)
                return 1
        else:
            summary = demo.fill(store, seed=args.seed)
        where = store.path
    print("Đã tạo dữ liệu mẫu: " + ", ".join(f"{v} {k}" for k, v in summary.items()))
    print(f"Tệp dữ liệu mẫu: {where}")
    return 0


def run_search(args: argparse.Namespace) -> int:
    from desktop import formatting
    from desktop.records import search as search_mod

    text = " ".join(args.query)
    with Store(db_path(args)) as store:
        hits = search_mod.search(store, text, limit=args.limit, newest=None if args.all else search_mod.NEWEST)
    # Only the best of the latest matches were ranked: say so, after the hits (on stderr beside JSON).
    window = None if hits.newest is None else (
        f"Có {formatting.number(hits.matched)} kết quả khớp; đây là những kết quả sát nhất trong "
        f"{formatting.number(hits.newest)} kết quả có ngày gần đây nhất và các cá nhân. "
        f"Thêm --all để xếp hạng tất cả (chậm hơn).")
    if args.json:
        import json

        json.dump([h.as_dict() for h in hits], sys.stdout, ensure_ascii=False, indent=2)
        print()
        if window:
            print(window, file=sys.stderr)
        return 0
    if not hits:
        print(f"Không tìm thấy “{text}”.")
        return 0
    for h in hits:
        kind = "Thành tích" if h.kind == "achievement" else "Cá nhân"
        date = f"{formatting.date(h.date)}  " if h.date else ""
        print(f"[{kind} #{h.id}] {date}{h.title} — {h.subject}")
    if window:
        print(window)
    return 0


def run_check(args: argparse.Namespace) -> int:
    from desktop.records import check as check_mod
    from desktop.records import search as search_mod

    with Store(db_path(args), create=False) as store:
        if args.repair:
            n = search_mod.rebuild_index(store)
            print(f"Đã dựng lại chỉ mục tìm kiếm ({n} mục).")
        problems = check_mod.check(store)
    if not problems:
        print("Tệp dữ liệu toàn vẹn: cấu trúc SQLite, khóa ngoại và mã băm của mọi tệp minh chứng đều đúng.")
        return 0
    print(f"Phát hiện {len(problems)} vấn đề:")
    for line in problems:
        print(f"- {line}")
    return 1
