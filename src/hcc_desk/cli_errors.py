"""What the CLI says when the PC itself fails it: one clear line in Vietnamese and English, never
a traceback (the details go to the profile's log when it can be written).

The officer or the IT officer reads these, so each names the file or folder and what to do.
"""

from __future__ import annotations

import errno
from pathlib import Path

Message = tuple[str, str]


def os_error(exc: OSError) -> Message:
    where = exc.filename or ""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return (
            f"Không có quyền ghi/đọc {where}: thư mục dữ liệu của quầy chỉ đọc hoặc thuộc "
            "tài khoản Windows/Linux khác. Đăng nhập đúng tài khoản, hoặc nhờ bộ phận kỹ "
            "thuật cấp quyền. Chưa có gì bị thay đổi.",
            f"No permission for {where}: the counter's data folder is read-only or belongs "
            "to another OS account. Log in as the right user or ask IT to grant access. "
            "Nothing was changed.",
        )
    if exc.errno == errno.EROFS:
        return (
            f"Ổ đĩa chứa {where} chỉ cho đọc: không ghi được dữ liệu. Chưa có gì bị thay đổi.",
            f"The drive holding {where} is read-only: nothing can be saved. Nothing was changed.",
        )
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return (
            f"Ổ đĩa đầy ({where}): giải phóng dung lượng rồi thử lại. Dữ liệu đã lưu trước "
            "đó vẫn còn nguyên.",
            f"The disk is full ({where}): free some space and try again. What was saved "
            "before is intact.",
        )
    if exc.errno == errno.ENOENT:
        return (f"Không tìm thấy {where}.", f"Not found: {where}.")
    return (
        f"Lỗi hệ thống tệp: {exc.strerror or exc} ({where}).",
        f"File system error: {exc.strerror or exc} ({where}).",
    )


# SQLite's own words for failures the PC causes (sqlite3 / SQLCipher OperationalError text).
_DATABASE = [
    (
        "readonly",
        (
            "Cơ sở dữ liệu của quầy chỉ cho đọc (quyền thư mục hoặc ổ đĩa): không lưu được. "
            "Chưa có gì bị thay đổi.",
            "The counter's database is read-only (folder permissions or the drive): "
            "nothing can be saved. Nothing was changed.",
        ),
    ),
    (
        "disk is full",
        (
            "Ổ đĩa đầy: giải phóng dung lượng rồi thử lại. Dữ liệu đã lưu vẫn còn nguyên.",
            "The disk is full: free some space and try again. What was saved is intact.",
        ),
    ),
    (
        "locked",
        (
            "Cơ sở dữ liệu đang bị một chương trình khác giữ (một cửa sổ HCC Desk khác?). "
            "Đóng nó rồi thử lại.",
            "The database is held by another program (another HCC Desk window?). Close "
            "it and try again.",
        ),
    ),
    (
        "unable to open",
        (
            "Không mở được tệp cơ sở dữ liệu của quầy (quyền thư mục?).",
            "Cannot open the counter's database file (folder permissions?).",
        ),
    ),
    (
        "not a database",
        (
            "Tệp cơ sở dữ liệu bị hỏng hoặc không mở được bằng khoá của máy này. "
            "Chạy 'hcc-desk doctor' để xem cách khôi phục từ bản sao lưu.",
            "The database file is damaged or cannot be opened with this PC's key. "
            "Run 'hcc-desk doctor' to see how to restore a backup.",
        ),
    ),
    (
        "malformed",
        (
            "Tệp cơ sở dữ liệu bị hỏng. Chạy 'hcc-desk doctor' để xem cách khôi phục từ "
            "bản sao lưu.",
            "The database file is damaged. Run 'hcc-desk doctor' to see how to restore a backup.",
        ),
    ),
]


def database_error(exc: Exception) -> Message:
    text = str(getattr(exc, "orig", None) or exc).lower()
    for needle, message in _DATABASE:
        if needle in text:
            return message
    return (f"Lỗi cơ sở dữ liệu: {text[:200]}", f"Database error: {text[:200]}")


def is_database_error(exc: Exception) -> bool:
    """sqlite3's, SQLCipher's or SQLAlchemy's error for the database (without importing them)."""
    return any(
        cls.__name__ in ("DatabaseError", "OperationalError", "DBAPIError")
        and cls.__module__.split(".")[0] in ("sqlite3", "sqlcipher3", "sqlalchemy")
        for cls in type(exc).__mro__
    )


def invalid_value(exc: Exception) -> Message:
    """A pydantic ValidationError: its first complaint, field and message."""
    errors = exc.errors() if hasattr(exc, "errors") else []
    if errors:
        first = errors[0]
        field = ".".join(str(x) for x in first.get("loc", ())) or "?"
        return (
            f"Giá trị không hợp lệ ở '{field}': {first.get('msg', '')}",
            f"Invalid value for '{field}': {first.get('msg', '')}",
        )
    return (f"Giá trị không hợp lệ: {exc}", f"Invalid value: {exc}")


def unexpected(exc: Exception, log: Path | None) -> Message:
    where_vi = f"Chi tiết trong nhật ký {log}." if log else "Không ghi được nhật ký."
    where_en = f"Details are in the log {log}." if log else "The log could not be written."
    return (
        f"Lỗi không mong đợi ({type(exc).__name__}: {str(exc)[:200]}). {where_vi} "
        "Báo bộ phận kỹ thuật.",
        f"Unexpected error ({type(exc).__name__}: {str(exc)[:200]}). {where_en} Tell IT.",
    )


def no_profile(root: Path) -> Message:
    return (
        f"Không có dữ liệu của quầy ở {root}: kiểm tra lại --profile. Chỉ 'hcc-desk demo', "
        "'hcc-desk enrol' hoặc màn hình thiết lập mới tạo dữ liệu mới.",
        f"There is no counter data in {root}: check --profile. Only 'hcc-desk demo', "
        "'hcc-desk enrol' or the setup screen create new data.",
    )
