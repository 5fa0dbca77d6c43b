"""What the app does differently on Windows, checked here on Linux by faking the platform.

Each test sets ``sys.platform`` (or ``os.name``) and the Windows environment variables for its
own duration only, and fakes the Windows-only modules and calls (``msvcrt``, ``os.startfile``).
"""
from __future__ import annotations

import os
import shutil
import sys
import types
from pathlib import Path, PureWindowsPath

import pytest

from desktop import paths
from desktop.dossier import printing
from desktop.dossier.documents.fonts import find_family
from desktop.errors import UserError
from desktop.signing import drivers
from desktop.store.lock import FileLock, LockHeld


@pytest.fixture
def windows(monkeypatch, tmp_path):
    """A fake Windows: sys.platform, %LOCALAPPDATA%, %SystemRoot%, %ProgramFiles% under tmp_path."""
    local = tmp_path / "Users" / "van-thu" / "AppData" / "Local"
    root = tmp_path / "Windows"
    program_files = tmp_path / "Program Files"
    for folder in (local, root / "System32", root / "Fonts", program_files):
        folder.mkdir(parents=True)
    import platformdirs.windows as pw  # before faking the platform: the package picks its own at import

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    monkeypatch.setenv("APPDATA", str(tmp_path / "Users" / "van-thu" / "AppData" / "Roaming"))
    monkeypatch.setenv("SystemRoot", str(root))
    monkeypatch.setenv("WINDIR", str(root))
    monkeypatch.setenv("ProgramFiles", str(program_files))
    monkeypatch.delenv("ProgramW6432", raising=False)
    monkeypatch.delenv("THIDUA_DB", raising=False)
    monkeypatch.delenv("THIDUA_DATA_DIR", raising=False)
    # platformdirs asks the Windows shell through ctypes.windll, absent here; its own fallback
    # reads the same folders from the environment variables.
    monkeypatch.setattr(pw, "_RESOLVE_WIN_FOLDER", pw.get_win_folder_from_env_vars)
    return types.SimpleNamespace(local=local, root=root, program_files=program_files)


# -- data and settings folders ----------------------------------------------------------------------------


def test_windows_data_folder_is_the_local_appdata_one(windows):
    assert paths.data_dir() == windows.local / "SoThiDua"
    assert paths.default_db_path() == windows.local / "SoThiDua" / "sothidua.sqlite"
    # Not the roaming profile, which a domain copies to the server at every log-off.
    assert "Roaming" not in str(paths.default_db_path())
    assert paths.settings_ini_root() == windows.local
    assert paths.print_spool_dir() == windows.local / "SoThiDua" / "in"


def test_thidua_db_overrides_the_windows_folder(windows, monkeypatch, tmp_path):
    monkeypatch.setenv("THIDUA_DB", str(tmp_path / "khac.sqlite"))
    assert paths.default_db_path() == tmp_path / "khac.sqlite"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="platformdirs picked its platform at import")
def test_linux_folders_are_unchanged(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.delenv("THIDUA_DB", raising=False)
    monkeypatch.delenv("THIDUA_DATA_DIR", raising=False)
    assert paths.default_db_path() == tmp_path / "share" / "SoThiDua" / "sothidua.sqlite"
    assert paths.settings_ini_root() is None


def test_windows_settings_are_an_ini_file_in_the_data_folder(windows, qapp):
    from desktop.ui.app import configure
    from desktop.ui.qt import QSettings

    try:
        configure(qapp)
        settings = QSettings()
        assert settings.format() == QSettings.IniFormat
        assert Path(settings.fileName()) == windows.local / "SoThiDua" / "SoThiDua.ini"
        settings.setValue("send/key_source", "p12")
        settings.sync()
        assert "key_source=p12" in (windows.local / "SoThiDua" / "SoThiDua.ini").read_text(encoding="utf-8")
    finally:
        QSettings.setDefaultFormat(QSettings.NativeFormat)
        QSettings.setPath(QSettings.IniFormat, QSettings.UserScope,
                          str(Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config"))))


# -- the file lock's Windows branch ---------------------------------------------------------------------


class FakeMsvcrt(types.ModuleType):
    """msvcrt.locking as Windows does it: byte ranges locked per file, refused to any other handle."""

    LK_UNLCK, LK_LOCK, LK_NBLCK, LK_RLCK, LK_NBRLCK = 0, 1, 2, 3, 4

    def __init__(self):
        super().__init__("msvcrt")
        self.locked: dict[tuple[int, int, int], int] = {}  # (device, inode, offset) -> fd holding it
        self.calls: list[tuple[int, int, int]] = []

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        offset = os.lseek(fd, 0, os.SEEK_CUR)
        st = os.fstat(fd)
        key = (st.st_dev, st.st_ino, offset)  # the same file through any handle
        self.calls.append((mode, offset, nbytes))
        if mode == self.LK_NBLCK:
            if key in self.locked:
                raise PermissionError(13, "Permission denied")
            self.locked[key] = fd
        elif mode == self.LK_UNLCK:
            if self.locked.get(key) != fd:
                raise PermissionError(13, "Permission denied")
            del self.locked[key]


def test_file_lock_windows_branch(monkeypatch, tmp_path):
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setattr(os, "name", "nt")
    path = tmp_path / "sothidua.sqlite.lock"
    first, second = FileLock(path), FileLock(path)
    first.acquire()
    # The first byte is locked without blocking, and the lock file names the holder.
    assert fake.calls == [(fake.LK_NBLCK, 0, 1)]
    assert path.read_bytes() == str(os.getpid()).encode()
    with pytest.raises(LockHeld):
        second.acquire()
    first.release()
    assert fake.calls[-1] == (fake.LK_UNLCK, 0, 1) and not fake.locked
    second.acquire()  # free again once the first window closed
    second.release()
    assert path.exists()  # kept: removing it would let two processes lock two files


# -- printing through the Windows shell --------------------------------------------------------------------


def test_windows_printing_hands_a_lasting_copy_to_the_shell(windows, monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(os, "startfile", lambda *args: calls.append(args), raising=False)
    pdf = tmp_path / "tmp" / "van-ban.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(b"%PDF-1.7 test")
    printing.system_spooler(pdf, "Canon LBP 2900", 2)
    spooled = Path(calls[0][0])
    # Copied out of the caller's temporary folder, which is gone before the PDF program reads it.
    assert spooled.parent == windows.local / "SoThiDua" / "in"
    assert spooled.read_bytes() == b"%PDF-1.7 test"
    assert calls == [(str(spooled), "printto", '"Canon LBP 2900"')] * 2
    calls.clear()
    printing.system_spooler(pdf, "", 1)
    assert calls[0][1:] == ("print",)  # no printer chosen: the default one


def test_windows_print_spool_is_cleaned_after_a_day(windows, monkeypatch, tmp_path):
    monkeypatch.setattr(os, "startfile", lambda *args: None, raising=False)
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF")
    day = printing.SPOOL_KEEP_SECONDS
    first = printing.windows_shell_print(pdf, "", 1, now=1_800_000_000)
    os.utime(first, (1_800_000_000, 1_800_000_000))
    second = printing.windows_shell_print(pdf, "", 1, now=1_800_000_000 + day / 2)
    os.utime(second, (1_800_000_000 + day / 2,) * 2)  # file times as if printed at those moments
    assert first.exists() and second.exists()
    printing.windows_shell_print(pdf, "", 1, now=1_800_000_000 + day + 60)
    assert not first.exists() and second.exists()


def test_windows_printing_without_a_pdf_program_says_what_to_do(windows, monkeypatch, tmp_path):
    def no_handler(*args):
        raise OSError(22, "No application is associated with the specified file for this operation")

    monkeypatch.setattr(os, "startfile", no_handler, raising=False)
    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(b"%PDF")
    with pytest.raises(UserError, match="chương trình đọc PDF"):
        printing.system_spooler(pdf, "", 1)


# -- Times New Roman when Windows has it --------------------------------------------------------------------

# Stand-ins for Windows' Times New Roman files: the bundled Liberation Serif (same metrics)
# copied under the names Windows gives them (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf).
WINDOWS_TIMES = {"regular": "times.ttf", "bold": "timesbd.ttf", "italic": "timesi.ttf", "bold_italic": "timesbi.ttf"}


def _install_times(folder: Path, upper: bool = False) -> None:
    bundled = find_family(prefer_system=False)
    folder.mkdir(parents=True, exist_ok=True)
    for style, name in WINDOWS_TIMES.items():
        shutil.copy(bundled.files[style], folder / (name.upper() if upper else name))


def test_times_new_roman_from_the_windows_fonts_folder(windows, monkeypatch, tmp_path):
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path / "home"))
    assert find_family().name == "LiberationSerif"  # a bare Windows folder: the bundled font
    _install_times(windows.root / "Fonts", upper=True)  # older Windows: TIMES.TTF …
    family = find_family()
    assert family.is_times
    assert family.files["bold"].parent == windows.root / "Fonts"
    assert family.files["bold"].name.lower() == "timesbd.ttf"


def test_times_new_roman_installed_for_one_user(windows, monkeypatch, tmp_path):
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path / "home"))
    # Windows 10 1809+ installs a font "for this user only" here, without administrator rights.
    _install_times(windows.local / "Microsoft" / "Windows" / "Fonts")
    family = find_family()
    assert family.is_times
    assert family.files["regular"] == windows.local / "Microsoft" / "Windows" / "Fonts" / "times.ttf"


# -- PKCS#11 drivers of the Vietnamese CAs' tokens ---------------------------------------------------------


def test_every_vendor_of_the_issue_has_windows_drivers():
    vendors = {d.vendor.split(" ")[0] for d in drivers.WINDOWS_DRIVERS}
    assert {"VNPT-CA", "Viettel-CA", "BKAV-CA", "FPT-CA", "MISA-CA", "VGCA"} <= vendors
    for driver in drivers.WINDOWS_DRIVERS:
        assert driver.names or driver.program_files
        for name in driver.names:
            assert name.lower().endswith(".dll") and "\\" not in name and "/" not in name


def test_installed_token_drivers_are_offered_most_likely_first(windows):
    system32 = windows.root / "System32"
    for name in ("bit4xpki.dll", "viettel-ca_v6.dll", "vnptca_p11_v8.dll", "notadriver.dll"):
        (system32 / name).write_bytes(b"MZ")
    bkav = windows.program_files / "Bkav Corporation" / "BkavCA Token Manager"
    bkav.mkdir(parents=True)
    (bkav / "st3csp11.dll").write_bytes(b"MZ")
    found = drivers.installed_drivers(exists=lambda p: Path(p).is_file())
    names = [PureWindowsPath(p).name for p in found]
    assert names == ["vnptca_p11_v8.dll", "viettel-ca_v6.dll", "st3csp11.dll", "bit4xpki.dll"]
    assert found[0] == str(system32 / "vnptca_p11_v8.dll")
    assert drivers.vendor_of(found[1]) == "Viettel-CA"
    assert drivers.vendor_of(found[3]).startswith("VGCA")
    assert drivers.vendor_of(r"C:\Windows\System32\VNPTCA_P11_V8.DLL") == "VNPT-CA"
    assert drivers.vendor_of(r"C:\tmp\unknown.dll") is None


def test_32_bit_drivers_are_not_offered(windows):
    # SysWOW64 holds the 32-bit copies, which the 64-bit app cannot load.
    (windows.root / "SysWOW64").mkdir()
    (windows.root / "SysWOW64" / "viettel-ca_v6.dll").write_bytes(b"MZ")
    assert drivers.installed_drivers() == []
    assert all("SysWOW64" not in p for _v, p in drivers.known_paths())


def test_linux_offers_softhsm_and_opensc_when_present(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    present = {"/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"}
    assert drivers.installed_drivers(exists=present.__contains__) == [
        "/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"]


def test_the_key_chooser_lists_the_drivers_present(windows, isolated_settings, demo_store, qtbot):
    """The send page's driver box is filled from desktop/signing/drivers.py."""
    from desktop.ui.pages.send import SendPage

    (windows.root / "System32" / "BkavCA.dll").write_bytes(b"MZ")
    (windows.root / "System32" / "eTPKCS11.dll").write_bytes(b"MZ")
    page = SendPage(demo_store)
    qtbot.addWidget(page)
    offered = [page.module.itemText(i) for i in range(page.module.count())]
    assert offered == [str(windows.root / "System32" / "BkavCA.dll"), str(windows.root / "System32" / "eTPKCS11.dll")]
    assert page.module_path() == offered[0]


# -- the .asice file association ---------------------------------------------------------------------------


def test_the_file_association_command_line_opens_the_package_page(monkeypatch, tmp_path):
    """The installer registers `SoThiDua.exe gui --page kiem-tra-goi "%1"` for .asice files."""
    from desktop.commands import main as cli
    from desktop.ui import app as app_mod

    seen = {}
    monkeypatch.setattr(app_mod, "run", lambda db, **kw: seen.update(kw, db=db) or 0)
    package = tmp_path / "Hồ sơ gửi Sở.asice"
    assert cli.main(["--db", str(tmp_path / "x.sqlite"), "gui", "--page", "kiem-tra-goi", str(package)]) == 0
    assert seen["package"] == str(package) and seen["page"] == "kiem-tra-goi"
