"""Errors the user sees. Their text is Vietnamese and says what to do."""
from __future__ import annotations


class UserError(Exception):
    """A failure caused by input or environment, explained to the clerk.

    ``str(error)`` is the Vietnamese message; the CLI prints it and the window
    shows it in a dialog. Nothing was written when one of these is raised.
    """


class StoreError(UserError):
    """The database file cannot be opened or written."""


class ValidationError(UserError):
    """A record's fields are not acceptable.

    ``fields`` maps a field name to its Vietnamese message so that a dialog
    can show each message next to its field.
    """

    def __init__(self, fields: dict[str, str]):
        self.fields = dict(fields)
        super().__init__("; ".join(self.fields.values()))

    @classmethod
    def raise_if_any(cls, fields: dict[str, str]) -> None:
        """Raise one for ``fields`` when a field has a message; nothing when all are acceptable."""
        if fields:
            raise cls(fields)


class NotFound(UserError):
    """A record asked for by id does not exist."""


# -- operating-system and library errors, said in Vietnamese --------------------------------

def _where(exc: OSError) -> str:
    name = exc.filename if exc.filename is not None else exc.filename2
    return f" “{name}”" if name is not None else ""


def os_reason(exc: OSError) -> str:
    """Why an operating-system call failed and what to do, as a Vietnamese clause.

    Used inside messages such as ``f"Không ghi được tệp {path}: {os_reason(exc)}."``
    instead of ``exc.strerror``, whose text (``No space left on device``) is
    English and names no remedy.
    """
    import errno

    code = exc.errno
    if isinstance(exc, FileNotFoundError) or code == errno.ENOENT:
        return "không có tệp hoặc thư mục này; hãy kiểm tra lại đường dẫn (tên tệp, thư mục chứa nó)"
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return ("ổ đĩa đã đầy; hãy xóa bớt tệp không cần hoặc ghi sang ổ đĩa khác rồi chạy lại "
                "(dữ liệu đã lưu trước đó không bị ảnh hưởng)")
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return ("không có quyền truy cập; hãy chọn thư mục của bạn (ví dụ Tài liệu) "
                "hoặc nhờ quản trị máy cấp quyền đọc/ghi")
    if code == errno.EROFS:
        return "ổ đĩa chỉ cho phép đọc; hãy ghi sang ổ đĩa hoặc thư mục khác"
    if isinstance(exc, IsADirectoryError) or code == errno.EISDIR:
        return "đây là một thư mục, không phải tệp; hãy ghi rõ tên tệp (kể cả phần đuôi)"
    if isinstance(exc, NotADirectoryError) or code == errno.ENOTDIR:
        return "một phần của đường dẫn là tệp chứ không phải thư mục; hãy kiểm tra lại đường dẫn"
    if isinstance(exc, FileExistsError) or code == errno.EEXIST:
        return "tệp đã có; hãy chọn tên khác hoặc xóa tệp cũ"
    if code == errno.ENAMETOOLONG:
        return "tên tệp hoặc đường dẫn quá dài; hãy dùng tên ngắn hơn"
    if code == errno.EIO:
        return "lỗi đọc/ghi ổ đĩa; ổ đĩa (hoặc USB, ổ mạng) có thể hỏng hoặc vừa bị rút ra, hãy kiểm tra rồi thử lại"
    name = errno.errorcode.get(code, "") if code is not None else ""
    label = f" (mã lỗi {name})" if name else ""
    return f"hệ điều hành từ chối{label}; hãy kiểm tra ổ đĩa, quyền truy cập và đường dẫn rồi thử lại"


def explain_os_error(exc: OSError) -> str:
    """A whole Vietnamese sentence for an :class:`OSError` that reached the user."""
    reason = os_reason(exc)
    return f"Không truy cập được{_where(exc)}: {reason}."


def explain_sqlite_error(exc: Exception) -> str:
    """A SQLite error that escaped the store, in Vietnamese."""
    msg = str(exc).lower()
    if "full" in msg:
        return ("Ổ đĩa đã đầy, không ghi được tệp dữ liệu. Hãy xóa bớt tệp không cần rồi chạy lại; "
                "thay đổi vừa rồi chưa được lưu, dữ liệu cũ vẫn nguyên vẹn.")
    if "locked" in msg or "busy" in msg:
        return "Tệp dữ liệu đang bị một chương trình khác khóa. Hãy chờ một lát hoặc đóng chương trình đó rồi thử lại."
    if "readonly" in msg or "read-only" in msg:
        return "Tệp dữ liệu chỉ cho phép đọc; hãy chép tệp sang thư mục của bạn hoặc bỏ thuộc tính chỉ đọc."
    if "unable to open" in msg:
        return "Không mở được tệp dữ liệu. Hãy kiểm tra đường dẫn và quyền ghi vào thư mục chứa tệp."
    if "disk i/o" in msg:
        return "Lỗi đọc/ghi ổ đĩa khi dùng tệp dữ liệu. Hãy kiểm tra ổ đĩa (hoặc USB, ổ mạng) rồi thử lại."
    if "malformed" in msg or "not a database" in msg or "corrupt" in msg:
        return ("Tệp dữ liệu bị hỏng hoặc không phải tệp của Sổ thi đua. Hãy mở bản sao lưu gần nhất, "
                "hoặc chạy “thidua check” để xem chi tiết.")
    return "Tệp dữ liệu báo lỗi; thay đổi vừa rồi chưa được lưu. Hãy chạy “thidua check” để kiểm tra tệp."


def explain_pdf_error(name: str) -> str:
    """A PDF that a PDF library could not read (``EOF marker not found``, ``startxref not found`` …)."""
    return (f"Tệp PDF “{name}” bị hỏng hoặc chưa tải/chép xong (thiếu phần cuối tệp). "
            "Hãy lấy lại bản đầy đủ (tải lại, chép lại từ nơi gốc) rồi thử lại.")


def explain_error(exc: BaseException) -> str:
    """The Vietnamese sentence for any error that reaches the command line or the window."""
    import sqlite3

    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, OSError):
        return explain_os_error(exc)
    if isinstance(exc, sqlite3.Error):
        return explain_sqlite_error(exc)
    return f"Lỗi không mong đợi ({type(exc).__name__}). Hãy chạy lại; nếu vẫn lỗi, gửi thông báo này cho người hỗ trợ."
