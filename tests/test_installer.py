"""The Windows installer script compiles with NSIS and does what packaging/windows/sothidua.nsi promises.

Compiled here with Debian's ``makensis`` against a stand-in payload laid out like the PyInstaller
bundle (sothidua.exe, thidua.exe, _internal/ with the app's resources and forms); tests/test_dist.py
compiles it against the real Linux bundle. ``makensis -V4`` lists every instruction it compiles,
which is what the assertions read. The installer itself runs only on Windows
(.github/workflows/windows.yml installs it and runs the installed app).
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop import __version__

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "packaging" / "windows" / "sothidua.nsi"

pytestmark = pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (NSIS) is not installed")


def compile_installer(bundle: Path, out: Path, version: str = __version__) -> str:
    out.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["makensis", "-V4", "-DFAST", f"-DVERSION={version}", f"-DBUNDLE={bundle}", f"-DOUTDIR={out}", str(SCRIPT)],
        capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr
    return done.stdout


def check_listing(listing: str, bundle: Path, out: Path, version: str = __version__) -> None:
    setup = out / f"SoThiDua-Setup-{version}.exe"
    assert setup.read_bytes()[:2] == b"MZ"
    assert "warning" not in listing.lower().replace("mui_abortwarning", "")
    # Per user, no administrator: the install folder is the user's own.
    assert 'InstallDir: "$LOCALAPPDATA\\Programs\\SoThiDua"' in listing
    assert "RequestExecutionLevel user" in SCRIPT.read_text(encoding="utf-8")
    # Every file of the bundle goes in.
    added = set(re.findall(r'^File: "([^"]+)" ', listing, re.M))
    for path in bundle.rglob("*"):
        if path.is_file():
            assert path.name in added, path
    # Vietnamese shortcuts to the window.
    for link in ('"$SMPROGRAMS\\Sổ thi đua\\Sổ thi đua.lnk"->"$INSTDIR\\sothidua.exe"',
                 '"$DESKTOP\\Sổ thi đua.lnk"->"$INSTDIR\\sothidua.exe"',
                 '"$SMPROGRAMS\\Sổ thi đua\\Gỡ cài đặt Sổ thi đua.lnk"->"$INSTDIR\\uninstall.exe"'):
        assert "CreateShortcut: " + link in listing
    # .asice files open on Kiểm tra gói.
    assert ('WriteRegStr: HKCU\\Software\\Classes\\SoThiDua.asice\\shell\\open\\command\\='
            '"$INSTDIR\\sothidua.exe" gui --page kiem-tra-goi "%1"') in listing
    assert "WriteRegStr: HKCU\\Software\\Classes\\.asice\\=SoThiDua.asice" in listing
    # Uninstalling keeps %LOCALAPPDATA%\SoThiDua unless asked: its one removal comes after the
    # question (default button No) or the /XOADULIEU switch.
    uninstall = listing[listing.index('Section: "Uninstall"'):]
    assert uninstall.count('RMDir: /r "$LOCALAPPDATA\\SoThiDua"') == 1
    touching = [line for line in listing.splitlines()
                if line.startswith(("RMDir", "Delete")) and "$LOCALAPPDATA\\SoThiDua" in line]
    assert touching == ['RMDir: /r "$LOCALAPPDATA\\SoThiDua"']
    question = uninstall.index("MessageBox: ")
    assert question < uninstall.index('RMDir: /r "$LOCALAPPDATA\\SoThiDua"')
    assert "IfSilent ?keep_data" in uninstall and "IfErrors ?0:remove_data" in uninstall
    assert 'RMDir: "$INSTDIR"' in uninstall and 'RMDir: /r "$INSTDIR"' not in uninstall


def test_installer_script_compiles(tmp_path):
    bundle = tmp_path / "sothidua"
    (bundle / "_internal").mkdir(parents=True)
    for exe in ("sothidua.exe", "thidua.exe"):
        (bundle / exe).write_bytes(b"MZ stand-in for the PyInstaller executable")
    shutil.copytree(ROOT / "resources", bundle / "_internal" / "resources")
    shutil.copytree(ROOT / "forms", bundle / "_internal" / "forms")
    listing = compile_installer(bundle, tmp_path / "out")
    check_listing(listing, bundle, tmp_path / "out")


def test_installer_needs_a_version(tmp_path):
    done = subprocess.run(["makensis", "-V2", f"-DBUNDLE={tmp_path}", f"-DOUTDIR={tmp_path}", str(SCRIPT)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert "Give the version" in done.stdout + done.stderr
