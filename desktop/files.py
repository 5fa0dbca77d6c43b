"""Writing files the clerk will keep: all at once, never over somebody else's file.

Every output (an export, a template, a draft, a dossier package, a backup) is
written to a temporary ``.part`` file in the destination folder and only then
given its real name, so a crash or a full disk never leaves a half-written file
under that name. ``os.replace`` is atomic on one volume, which is why the
temporary file lives beside the target.

When the clerk did not ask to overwrite, the real name is claimed
*exclusively* (a hard link, which fails if the name exists, or, on file
systems without links such as a FAT USB drive, an ``O_EXCL`` create): of two
programs writing the same new file at once, exactly one succeeds and the other
is told that the file exists.
"""
from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from desktop.errors import UserError, os_reason

__all__ = ["OutputExists", "DiskFull", "atomic_write", "existing_files", "publish", "part_path", "disk_error", "umask",
           "removed_on_failure", "read_file", "read_head",
           "TEMP_PREFIXES", "temp_prefix", "clean_stale_temp", "clean_stale_parts"]


class OutputExists(UserError):
    """The target file exists and overwriting was not asked for."""

    def __init__(self, path: Path, hint: str = "cho phép ghi đè"):
        self.path = Path(path)
        super().__init__(
            f"Tệp {self.path.name} đã có trong thư mục {self.path.parent}; hãy chọn tên khác hoặc {hint}."
        )


class DiskFull(UserError):
    """The disk (or the user's quota) is full; nothing was written under the real name."""

    def __init__(self, path: Path | str | None = None):
        where = f" (khi ghi {Path(path).name})" if path else ""
        super().__init__(
            f"Ổ đĩa đã đầy{where}; không có gì được ghi. Hãy giải phóng dung lượng hoặc chọn ổ đĩa khác rồi thử lại."
        )


def disk_error(exc: OSError, path: Path | str | None = None) -> UserError | None:
    """The clerk's message for an ``OSError`` of the disk, or ``None`` when it is not one."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return DiskFull(path)
    return None


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def part_path(path: Path) -> Path:
    """A fresh, private (0600) temporary file beside ``path``, named ``.<name>.<random>.part``."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    return Path(name)


def remove_quietly(path: Path) -> None:
    """Remove a file if it can be removed (a leftover temporary file); never raises."""
    try:
        path.unlink()
    except OSError:
        pass


def publish(tmp: Path, path: Path, *, overwrite: bool) -> None:
    """Give the finished temporary file ``tmp`` its real name ``path``.

    Without ``overwrite`` the name is claimed exclusively: :class:`OutputExists`
    when a file of that name exists (or appears at the same moment), and
    ``tmp`` is removed either way.
    """
    tmp, path = Path(tmp), Path(path)
    if overwrite:
        os.replace(tmp, path)
        return
    try:
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise OutputExists(path) from None
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV,
                                 errno.EACCES, errno.EMLINK, errno.ENOSYS):
                raise
            # No hard links here (FAT, some network shares): claim the name, then replace it.
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
            except FileExistsError:
                raise OutputExists(path) from None
            os.close(fd)
            os.replace(tmp, path)
            return
    finally:
        if tmp.exists():
            remove_quietly(tmp)


@contextmanager
def removed_on_failure(written: list[Path], path: Path, what: str) -> Iterator[None]:
    """Within the block, a failure (or a cancel) removes the files listed in ``written`` by then.

    An ``OSError`` is said to the clerk: a full disk as :class:`DiskFull` (while writing ``path``),
    any other as "Không ghi được ``what``: why and what to do."
    """
    try:
        yield
    except BaseException as exc:
        for done in written:
            remove_quietly(done)
        if isinstance(exc, OSError):
            raise disk_error(exc, path) or UserError(f"Không ghi được {what}: {os_reason(exc)}.") from exc
        raise


_OVERWRITE: ContextVar[bool] = ContextVar("thidua_overwrite", default=True)


@contextmanager
def existing_files(*, overwrite: bool) -> Iterator[None]:
    """Within the block, an :func:`atomic_write` not told otherwise overwrites (or refuses) existing files.

    The commands wrap their work in ``existing_files(overwrite=args.overwrite)``,
    so every file the user names is refused when it exists, without threading
    the flag through each exporter and renderer. The window's file dialogs
    have already asked, so the default is to overwrite.
    """
    token = _OVERWRITE.set(overwrite)
    try:
        yield
    finally:
        _OVERWRITE.reset(token)


@contextmanager
def atomic_write(path: Path | str, *, overwrite: bool | None = None, private: bool = False,
                 make_parents: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block succeeds, it becomes ``path``.

    The file gets the permissions a plainly created file would have, or
    owner-only ones with ``private``. On failure (or a cancel) the temporary
    file is removed and ``path`` is left as it was. A full disk becomes
    :class:`DiskFull`; with ``overwrite=False`` an existing ``path`` is
    :class:`OutputExists`, checked before the work and again when publishing;
    ``overwrite=None`` follows the enclosing :func:`existing_files` (default: overwrite).
    ``make_parents`` creates a missing folder; otherwise a missing folder is an
    ``OSError`` for the caller to explain.
    """
    path = Path(path)
    if overwrite is None:
        overwrite = _OVERWRITE.get()
    if make_parents:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise disk_error(exc, path) or UserError(
                f"Không tạo được thư mục {path.parent}: {exc.strerror}.") from exc
    if not overwrite and (path.exists() or path.is_symlink()):
        raise OutputExists(path)
    try:
        tmp = part_path(path)
    except OSError as exc:
        translated = disk_error(exc, path)
        if translated is not None:
            raise translated from exc
        raise
    try:
        yield tmp
        mode = 0o600 if private else 0o666 & ~umask()
        try:
            os.chmod(tmp, mode)
        except OSError:
            pass
        publish(tmp, path, overwrite=overwrite)
    except OSError as exc:
        remove_quietly(tmp)
        translated = disk_error(exc, path)
        if translated is not None:
            raise translated from exc
        raise
    except BaseException:
        remove_quietly(tmp)
        raise


def read_file(path: Path | str, what: str = "tệp") -> bytes:
    """The bytes of the file the clerk named; one missing or unreadable is said as ``what`` (“tệp PDF”…) and why."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise UserError(f"Không tìm thấy {what} {path}.") from exc
    except OSError as exc:
        raise UserError(f"Không đọc được {what} {path}: {os_reason(exc)}.") from exc


def read_head(path: Path | str, size: int, unreadable: str) -> bytes:
    """The first ``size`` bytes of the file (what kind it is); one unreadable is said as ``unreadable: why.``"""
    try:
        with open(path, "rb") as fh:
            return fh.read(size)
    except OSError as exc:
        raise UserError(f"{unreadable}: {exc.strerror or exc}.") from exc


# -- temporary folders --------------------------------------------------------------------------------

# Every temporary folder the app makes starts with one of these; its name then
# carries the owner's process id, so that the next start can tell a folder
# left by a killed program from one still in use.
TEMP_PREFIXES = ("thidua-goi-", "thidua-final-", "thidua-demo-", "thidua-xem-truoc-", "thidua-xem-",
                 "thidua-ke-hoach-", "thidua-in-")
STALE_HOURS = 24          # a folder whose owner cannot be known is left alone this long
_OWNED = re.compile(r"^(?:" + "|".join(re.escape(p) for p in TEMP_PREFIXES) + r")(\d+)-")


def temp_prefix(prefix: str) -> str:
    """``prefix`` + this process's id, for ``tempfile.mkdtemp`` / ``TemporaryDirectory``.

    Those make the folder owner-only (0700): the folders hold unsigned dossier documents.
    """
    if prefix not in TEMP_PREFIXES:
        raise ValueError(f"unknown temporary folder prefix {prefix!r}")
    return f"{prefix}{os.getpid()}-"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill would end the process there; trust the age alone
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, belongs to someone else
    return True


def _fs_now(folder: Path) -> float:
    """The file system's "now" in ``folder`` (a fresh file's mtime), the clock the ages are read from."""
    try:
        fd, name = tempfile.mkstemp(prefix=".thidua-clock-", dir=folder)
    except OSError:
        return time.time()
    try:
        return os.fstat(fd).st_mtime
    finally:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(name)


def _entries(folder: Path | str) -> list[os.DirEntry]:
    """What ``folder`` holds; nothing when it cannot be read."""
    try:
        return list(os.scandir(folder))
    except OSError:
        return []


def clean_stale_temp(folder: Path | str | None = None, *, now: float | None = None,
                     max_age_hours: float = STALE_HOURS) -> list[Path]:
    """Remove the app's temporary folders (and ``.part`` files) left by programs that were killed.

    A folder named with its owner's process id goes when that process is gone;
    one without (or on Windows, where asking is not safe) when it is older than
    ``max_age_hours``. Only the current user's folders are touched.
    Returns what was removed. Never raises: cleaning is a courtesy.
    """
    base = Path(folder or tempfile.gettempdir())
    now = _fs_now(base) if now is None else now
    removed: list[Path] = []
    uid = os.getuid() if hasattr(os, "getuid") else None
    for entry in _entries(base):
        if not entry.name.startswith("thidua-"):
            continue
        if not any(entry.name.startswith(p) for p in TEMP_PREFIXES):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if not entry.is_dir(follow_symlinks=False) or (uid is not None and st.st_uid != uid):
                continue
        except OSError:
            continue
        m = _OWNED.match(entry.name)
        if m is not None and os.name != "nt":
            stale = not _alive(int(m.group(1)))  # the owner's process is gone
        else:  # no owner in the name, or no safe way to ask about it: by age
            stale = now - st.st_mtime > max_age_hours * 3600
        if stale:
            shutil.rmtree(entry.path, ignore_errors=True)
            if not os.path.exists(entry.path):
                removed.append(Path(entry.path))
    return removed


def clean_stale_parts(folder: Path | str, *, now: float | None = None, max_age_hours: float = 1) -> list[Path]:
    """Remove ``.<name>.<random>.part`` files in ``folder`` older than ``max_age_hours`` (a killed writer's)."""
    now = _fs_now(Path(folder)) if now is None else now
    removed: list[Path] = []
    for entry in _entries(folder):
        if not (entry.name.startswith(".") and entry.name.endswith((".part", ".part-wal", ".part-shm", ".part-journal"))):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat().st_mtime > max_age_hours * 3600:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            pass
    return removed
