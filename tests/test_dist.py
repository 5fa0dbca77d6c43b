"""The Linux installer: build the PyInstaller bundle and the .deb, unpack it into a temporary root
and run the installed copy the way a clerk's PC would, with no venv and no project folder.

Slow (the build takes minutes), so it runs only when asked: ``make test-dist`` (``pytest -m dist``).
``THIDUA_DIST_DEB=path/to/sothidua_X_amd64.deb`` tests an already built package instead.
"""
from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

pytestmark = [
    pytest.mark.dist,
    pytest.mark.skipif(importlib.util.find_spec("PyInstaller") is None, reason="PyInstaller is not installed"),
    pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is not available (not Debian/Ubuntu)"),
]

from desktop import __version__  # noqa: E402


@pytest.fixture(scope="module")
def deb(tmp_path_factory) -> Path:
    given = os.environ.get("THIDUA_DIST_DEB")
    if given:
        return Path(given)
    build = tmp_path_factory.mktemp("build")
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(build / "dist"), "--workpath", str(build / "work"), str(ROOT / "packaging" / "sothidua.spec")],
        check=True, cwd=ROOT)
    import build_deb as deb_mod

    return deb_mod.build(build / "dist" / "sothidua", build / "out", compression=("zstd", 3))


@pytest.fixture(scope="module")
def root(deb, tmp_path_factory) -> Path:
    """The package unpacked as dpkg would install it, under a temporary root."""
    target = tmp_path_factory.mktemp("root")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(target)], check=True)
    return target


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("clerk")


def clean_env(work: Path, **extra) -> dict:
    """What a clerk's session has: no venv, no PYTHONPATH, no project folder, a UTF-8 locale."""
    home = work / "home"
    home.mkdir(exist_ok=True)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    env.update(extra)
    return env


def thidua(root: Path, work: Path, *args, env_extra=None, **kw) -> subprocess.CompletedProcess:
    exe = root / "opt" / "sothidua" / "thidua"
    return subprocess.run([str(exe), *args], cwd=work, env=clean_env(work, **(env_extra or {})),
                          capture_output=True, text=True, timeout=300, **kw)


def control(deb: Path) -> dict[str, str]:
    text = subprocess.run(["dpkg-deb", "-f", str(deb)], check=True, capture_output=True, text=True).stdout
    return dict(re.findall(r"^(\S+): (.*)$", text, re.M))


def test_package_fields_and_files(deb, root):
    import build_deb as deb_mod

    fields = control(deb)
    assert fields["Package"] == "sothidua" and fields["Version"] == __version__
    assert fields["Architecture"] == "amd64"
    assert fields["Suggests"] == "softhsm2, opensc"
    depends = {re.sub(r" \(.*\)$", "", alt.strip()) for group in fields["Depends"].split(",") for alt in group.split("|")}
    assert re.search(r"\blibc6 \(>= 2\.\d+\)", fields["Depends"])  # the newest glibc the bundle asks for
    # Every package the window needs on a real display (packaging/linux-deps.sh list run) …
    for package in deb_mod.run_packages():
        assert package in depends
    # … and the owner of every library the bundle links to without carrying it.
    bundle = root / "opt" / "sothidua"
    linked, missing = deb_mod.library_packages(deb_mod.external_libraries(bundle))
    assert not missing
    assert {p.removesuffix("t64") for p in linked} <= depends
    assert "softhsm2" not in depends and "opensc" not in depends

    assert os.readlink(root / "usr" / "bin" / "thidua") == "/opt/sothidua/thidua"
    entry = (root / "usr/share/applications/sothidua.desktop").read_text(encoding="utf-8")
    assert "Name=Sổ thi đua\n" in entry and "Icon=sothidua\n" in entry
    assert "Exec=/opt/sothidua/sothidua " in entry
    assert (root / "usr/share/icons/hicolor/scalable/apps/sothidua.svg").is_file()
    assert (root / "usr/share/icons/hicolor/256x256/apps/sothidua.png").is_file()
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(root / "usr/share/applications/sothidua.desktop")], check=True)
    # The app's own files and Qt's pieces are inside the bundle.
    internal = bundle / "_internal"
    for rel in ("resources/award_rules.toml", "resources/translations/sothidua_vi.qm",
                "resources/fonts/LiberationSerif-Regular.ttf", "resources/icons/sothidua.png",
                "forms/nd152-2025-mau01-to-trinh.toml", "PySide6/Qt/plugins/platforms/libqxcb.so"):
        assert (internal / rel).is_file(), rel
    for lib in ("libQt6Pdf.so.6", "libQt6Charts.so.6", "libQt6XcbQpa.so.6"):
        assert list(internal.rglob(lib)), lib


def test_installed_version(root, work):
    done = thidua(root, work, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Sổ thi đua {__version__}"


def test_installed_demo_and_drafting(root, work):
    db = work / "so.sqlite"
    done = thidua(root, work, "--db", str(db), "demo")
    assert done.returncode == 0, done.stderr
    assert "Đã tạo dữ liệu mẫu" in done.stdout
    pdf = work / "to-trinh.pdf"
    done = thidua(root, work, "--db", str(db), "draft", "to-trinh", "1", "--out", str(pdf))
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all(row.split()[-5] == "yes" for row in rows), fonts  # every font embedded


def test_installed_package_verify(root, work):
    db = work / "so.sqlite"
    if not db.exists():
        assert thidua(root, work, "--db", str(db), "demo").returncode == 0
    done = thidua(root, work, "cert", "demo", "pki")
    assert done.returncode == 0, done.stderr
    password = (work / "pki" / "password.txt").read_text(encoding="utf-8").strip()
    package = work / "goi.asice"
    done = thidua(root, work, "--db", str(db), "package", "build", "1", str(package), "--p12", "pki/signer.p12",
                  "--chain", "pki/ca.pem", env_extra={"THIDUA_PIN": password})
    assert done.returncode == 0, done.stderr
    done = thidua(root, work, "package", "verify", str(package), "--trust", "pki/ca.pem")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "gói hồ sơ HỢP LỆ" in done.stdout
    # The window opens the package on Kiểm tra gói, as a double-clicked .asice does.
    shot = work / "kiem-tra-goi.png"
    done = thidua(root, work, "--db", str(db), "gui", "--screenshot", str(shot), str(package),
                  env_extra={"QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert shot.read_bytes().startswith(b"\x89PNG")


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
def test_installed_window_on_xcb(root, work):
    db = work / "so.sqlite"
    exe = root / "opt" / "sothidua" / "sothidua"
    env = clean_env(work)
    # xvfb-run sets DISPLAY and XAUTHORITY for the command it starts; env -i then keeps only those.
    inner = " ".join(f"{k}='{v}'" for k, v in env.items())
    done = subprocess.run(
        ["xvfb-run", "-a", "sh", "-c",
         f'exec env -i {inner} DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" "{exe}" --db "{db}" gui --quit-when-shown'],
        cwd=work, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "shown xcb" in done.stdout


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (NSIS) is not installed")
def test_windows_installer_script_compiles_with_the_linux_bundle(root, tmp_path):
    """The real bundle (Linux's, standing in for Windows') as the NSIS payload: every file goes in."""
    spec = importlib.util.spec_from_file_location("installer_checks", Path(__file__).with_name("test_installer.py"))
    checks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checks)
    bundle = root / "opt" / "sothidua"
    listing = checks.compile_installer(bundle, tmp_path / "out")
    checks.check_listing(listing, bundle, tmp_path / "out")
