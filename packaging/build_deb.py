"""Wrap the PyInstaller bundle as a Debian package (``make dist`` runs it).

    python packaging/build_deb.py build/dist/sothidua --out dist

writes ``dist/sothidua_<version>_amd64.deb`` installing

    /opt/sothidua/                              the bundle (sothidua = the window, thidua = the CLI)
    /usr/bin/thidua -> /opt/sothidua/thidua     the command on the PATH
    /usr/share/applications/sothidua.desktop    the menu entry "Sổ thi đua" (also opens .asice files)
    /usr/share/icons/hicolor/…/sothidua.{svg,png}
    /usr/share/mime/packages/sothidua.xml       the .asice file type

``Depends:`` lists the packages of the system libraries the bundle links to but does
not carry (found with ``readelf -d`` and ``dpkg -S`` on the built bundle) together
with what Qt's xcb plugin needs on a real display (``packaging/linux-deps.sh list run``,
some of it loaded with dlopen and so invisible to readelf). The token drivers are
only ``Suggests:`` (SoftHSM2, OpenSC). dpkg's triggers refresh the menu, icon and
MIME caches, so the package needs no maintainer scripts.
"""
from __future__ import annotations

import argparse
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "sothidua"
PREFIX = "/opt/sothidua"
SUGGESTS = ("softhsm2", "opensc")
# Ubuntu 24.04 renamed these libraries for the 64-bit time_t transition; either name will do.
T64_RENAMED = {"libglib2.0-0", "libcups2", "libgnutls30", "libssl3", "libgtk-3-0", "libatk1.0-0"}
# Loaded by the dynamic loader itself; every system has them.
ALWAYS_PRESENT = {"ld-linux-x86-64.so.2"}

DESKTOP_ENTRY = """\
[Desktop Entry]
Type=Application
Name=Sổ thi đua
GenericName=Sổ thành tích, thi đua, khen thưởng
Comment=Sổ thành tích, phong trào thi đua và hồ sơ đề nghị khen thưởng của đơn vị
Exec={prefix}/sothidua gui --page kiem-tra-goi %f
Icon=sothidua
Terminal=false
Categories=Office;
MimeType=application/vnd.etsi.asic-e+zip;
Keywords=thi đua;khen thưởng;thành tích;thi dua;khen thuong;
StartupWMClass=sothidua
"""

MIME_XML = """\
<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="application/vnd.etsi.asic-e+zip">
    <comment>Gói hồ sơ ký số (ASiC-E)</comment>
    <sub-class-of type="application/zip"/>
    <glob pattern="*.asice"/>
  </mime-type>
</mime-info>
"""


class DebError(Exception):
    """The package cannot be built; the message says why (in Vietnamese, for `make dist`)."""


def version() -> str:
    text = (ROOT / "desktop" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text).group(1)


def run_packages() -> list[str]:
    out = subprocess.run(["sh", str(ROOT / "packaging" / "linux-deps.sh"), "list", "run"],
                         check=True, capture_output=True, text=True).stdout
    return out.split()


def _is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == b"\x7fELF"
    except OSError:
        return False


@functools.lru_cache(maxsize=None)
def _scan(bundle: Path) -> tuple[frozenset[str], frozenset[str], tuple[int, ...]]:
    """One ``readelf -d -V`` per ELF file: (needed sonames, carried file names, newest GLIBC_x.y)."""
    carried: set[str] = set()
    needed: set[str] = set()
    newest: tuple[int, ...] = ()
    for path in bundle.rglob("*"):
        if not path.is_file():
            continue
        carried.add(path.name)
        if path.is_symlink() or not _is_elf(path):
            continue
        out = subprocess.run(["readelf", "-d", "-V", str(path)], capture_output=True, text=True).stdout
        needed.update(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out))
        for found in re.findall(r"Name: GLIBC_([0-9.]+)", out):
            newest = max(newest, tuple(int(n) for n in found.split(".")))
    return frozenset(needed), frozenset(carried), newest


def external_libraries(bundle: Path) -> set[str]:
    """Sonames the bundle's programs and libraries need that the bundle does not carry."""
    needed, carried, _ = _scan(bundle.resolve())
    return {name for name in needed if name not in carried and name not in ALWAYS_PRESENT}


def glibc_needed(bundle: Path) -> str | None:
    """The newest GLIBC_x.y symbol version any file of the bundle asks for."""
    return ".".join(map(str, _scan(bundle.resolve())[2])) or None


@functools.lru_cache(maxsize=None)
def _ldconfig() -> str:
    return subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True).stdout


def _system_library(soname: str) -> str | None:
    for line in _ldconfig().splitlines():
        m = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if m and m.group(1) == soname and "x86-64" in m.group(2):
            return m.group(3)
    return None


def library_packages(sonames: set[str]) -> tuple[set[str], set[str]]:
    """The Debian packages owning these libraries on this machine, and the sonames not found."""
    packages: set[str] = set()
    missing: set[str] = set()
    for soname in sorted(sonames):
        path = _system_library(soname)
        if path is None:
            missing.add(soname)
            continue
        real = os.path.realpath(path)
        owner = None
        for candidate in dict.fromkeys([path, real]):
            done = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
            if done.returncode == 0:
                owner = done.stdout.split(":", 1)[0].strip()
                break
        if owner is None:
            missing.add(soname)
        else:
            packages.add(owner)
    return packages, missing


def _alternative(package: str) -> str:
    base = package[:-3] if package.endswith("t64") else package
    return f"{base} | {base}t64" if base in T64_RENAMED else package


def depends(bundle: Path) -> list[str]:
    linked, missing = library_packages(external_libraries(bundle))
    if missing:
        # A library neither carried nor installed here: the bundle would not start on a
        # machine built like this one either. Name it rather than ship a broken package.
        raise DebError(f"thư viện không có trong gói và không tìm thấy trên máy: {', '.join(sorted(missing))}")
    names = {p[:-3] if p.endswith("t64") and p[:-3] in T64_RENAMED else p for p in linked | set(run_packages())}
    glibc = glibc_needed(bundle)
    # The C library is on every system, but an older one would not run the bundle.
    return [f"libc6 (>= {glibc})" if p == "libc6" and glibc else _alternative(p) for p in sorted(names)]


def control(bundle: Path, size_kib: int) -> str:
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version()}\n"
        "Architecture: amd64\n"
        "Maintainer: Sổ thi đua <sothidua@localhost>\n"
        f"Installed-Size: {size_kib}\n"
        f"Depends: {', '.join(depends(bundle))}\n"
        f"Suggests: {', '.join(SUGGESTS)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: Sổ thi đua - sổ thành tích và hồ sơ khen thưởng của đơn vị\n"
        " Sổ thành tích, phong trào thi đua và hồ sơ đề nghị khen thưởng của một đơn vị\n"
        " sự nghiệp công lập: ghi nhận thành tích, xét khen thưởng theo Luật Thi đua,\n"
        " khen thưởng, soạn tờ trình, biên bản, báo cáo và gửi gói hồ sơ ký số.\n"
    )


def build(bundle: Path, out_dir: Path, compression: tuple[str, int] = ("xz", 6)) -> Path:
    """Write the .deb; ``compression`` is dpkg-deb's type and level (the tests use a fast zstd)."""
    bundle = bundle.resolve()
    if not (bundle / "thidua").is_file() or not (bundle / "sothidua").is_file():
        raise DebError(f"{bundle} không phải thư mục do PyInstaller dựng (thiếu thidua/sothidua)")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PACKAGE}_{version()}_amd64.deb"
    with tempfile.TemporaryDirectory(prefix="sothidua-deb-") as tmp:
        root = Path(tmp) / "root"
        shutil.copytree(bundle, root / PREFIX.lstrip("/"), symlinks=True)
        (root / "usr/bin").mkdir(parents=True)
        os.symlink(f"{PREFIX}/thidua", root / "usr/bin/thidua")
        apps = root / "usr/share/applications"
        apps.mkdir(parents=True)
        (apps / "sothidua.desktop").write_text(DESKTOP_ENTRY.format(prefix=PREFIX), encoding="utf-8")
        icons = ROOT / "resources" / "icons"
        for sub, name in (("scalable/apps", "sothidua.svg"), ("256x256/apps", "sothidua.png")):
            folder = root / "usr/share/icons/hicolor" / sub
            folder.mkdir(parents=True)
            shutil.copy2(icons / name, folder / name)
        mime = root / "usr/share/mime/packages"
        mime.mkdir(parents=True)
        (mime / "sothidua.xml").write_text(MIME_XML, encoding="utf-8")
        size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())
        debian = root / "DEBIAN"
        debian.mkdir()
        (debian / "control").write_text(control(bundle, (size + 1023) // 1024), encoding="utf-8")
        for path in [root, *root.rglob("*")]:
            if not path.is_symlink():
                path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
        partial = target.with_suffix(".deb.part")
        kind, level = compression
        subprocess.run(["dpkg-deb", "--root-owner-group", f"-Z{kind}", f"-z{level}", "--build", str(root), str(partial)],
                       check=True, stdout=subprocess.DEVNULL)
        os.replace(partial, target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Đóng gói thư mục PyInstaller thành tệp .deb")
    parser.add_argument("bundle", type=Path, help="thư mục do PyInstaller dựng (build/dist/sothidua)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="thư mục ghi tệp .deb (mặc định dist/)")
    args = parser.parse_args(argv)
    try:
        print(build(args.bundle, args.out))
    except DebError as exc:
        print(f"build_deb: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
