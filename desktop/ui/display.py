"""Is there a screen to open the window on? Answered without importing Qt.

On Linux, Qt's xcb or wayland plugin aborts the process with an English message
when no display is reachable. The window checks first and says in Vietnamese
what still works, so a clerk on a machine without a desktop (or over SSH) is
not left with a crash.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Mapping


def missing_display_message(env: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """The Vietnamese explanation when the window cannot be shown, or ``None`` when it can."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return None  # Windows and macOS always have their own display
    if env.get("QT_QPA_PLATFORM"):
        return None  # chosen explicitly (offscreen, vnc, xcb …): Qt's own choice
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return (
        "Không có màn hình để mở cửa sổ Sổ thi đua: máy này không có giao diện đồ họa đang chạy "
        "(biến DISPLAY và WAYLAND_DISPLAY đều trống, ví dụ khi đăng nhập qua SSH). "
        "Hãy mở Sổ thi đua trên máy có màn hình. Ở đây các lệnh dòng lệnh vẫn dùng được "
        "(“thidua --help” liệt kê tất cả, ví dụ “thidua info”, “thidua search …”), và "
        "“thidua gui --screenshot TỆP.png” chụp cửa sổ mà không cần màn hình."
    )
