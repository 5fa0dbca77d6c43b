"""The real window on a real X display (Xvfb with Qt's xcb plugin), and no display at all.

The rest of the GUI suite runs offscreen, which needs none of the xcb libraries a
clerk's desktop needs; this test starts the real program as a clerk does, so a
missing system library (libxcb-cursor0, libxcb-icccm4, …) fails the suite.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from desktop.ui.display import missing_display_message

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux's display")


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORMTHEME")}
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("xcb") / "demo.sqlite"
    subprocess.run([sys.executable, "-m", "desktop", "--db", str(path), "demo"], check=True,
                   capture_output=True, env=_clean_env(), timeout=120)
    return path


def test_the_window_opens_with_the_xcb_plugin_under_xvfb(demo_db):
    if not shutil.which("xvfb-run"):
        pytest.fail("xvfb-run is missing: `make test` installs it (packaging/linux-deps.sh test)")
    proc = subprocess.run(
        ["xvfb-run", "--auto-servernum", "--server-args=-screen 0 1920x1080x24",
         sys.executable, "-m", "desktop", "--db", str(demo_db), "gui", "--quit-when-shown"],
        capture_output=True, text=True, env=_clean_env(QT_DEBUG_PLUGINS="0"), timeout=120,
    )
    # Qt aborts with "could not load the Qt platform plugin xcb" when a library is missing.
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.splitlines()[-1] == "shown xcb", (proc.stdout, proc.stderr[-3000:])


def test_the_xcb_plugin_finds_every_library_it_links_to():
    from PySide6 import __file__ as pyside_file

    plugin = os.path.join(os.path.dirname(pyside_file), "Qt", "plugins", "platforms", "libqxcb.so")
    if not shutil.which("ldd") or not os.path.exists(plugin):
        pytest.skip("no ldd or no xcb plugin in this PySide6")
    out = subprocess.run(["ldd", plugin], capture_output=True, text=True, check=True).stdout
    missing = sorted({line.split()[0] for line in out.splitlines() if "not found" in line})
    assert missing == [], f"missing libraries (install them: sh packaging/linux-deps.sh run): {missing}"


def test_no_display_gives_a_vietnamese_message_instead_of_qts_abort(demo_db):
    proc = subprocess.run([sys.executable, "-m", "desktop", "--db", str(demo_db)],
                          capture_output=True, text=True, env=_clean_env(), timeout=60)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "Không có màn hình để mở cửa sổ Sổ thi đua" in proc.stderr
    assert "thidua --help" in proc.stderr and "--screenshot" in proc.stderr
    assert "qt.qpa" not in proc.stderr and "Aborted" not in proc.stderr


@pytest.mark.parametrize(("env", "platform", "missing"), [
    ({}, "linux", True),
    ({"DISPLAY": ":0"}, "linux", False),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({}, "win32", False),
    ({}, "darwin", False),
])
def test_which_environments_have_a_display(env, platform, missing):
    assert (missing_display_message(env, platform) is not None) is missing
