"""Errors a clerk can act on.

A ``UserError`` carries the Vietnamese sentence shown to the clerk (``message``) and a precise
English ``detail`` for the log. The command line prints the message and exits non-zero; the window
shows it in a dialog. Anything else that escapes is a bug.
"""

from __future__ import annotations

import errno
import os
import sys


class UserError(Exception):
    """Bad input or an unusable file: explained to the clerk, never a traceback."""

    def __init__(self, message: str, detail: str = "", *, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or message
        self.field = field  # dotted path of the offending field, when there is one

    def __str__(self) -> str:
        return self.message


_NO_RIGHTS = "bạn không có quyền truy cập, hoặc tệp chỉ cho phép đọc. Hãy chọn nơi lưu khác."
_HELD_OPEN = (
    "tệp đang mở trong Word hoặc một chương trình khác, hoặc bạn không có quyền truy cập. "
    "Hãy đóng tệp rồi thử lại, hoặc chọn nơi lưu khác."
)
_OTHER = "hệ thống báo lỗi khi truy cập tệp. Hãy kiểm tra lại đường dẫn rồi thử lại."

# Why a file operation failed, by errno; the system's own strerror is English (or the Windows
# language), so it never reaches the clerk.
_REASONS = {
    errno.EISDIR: "đây là một thư mục, không phải tệp. Hãy chọn hoặc gõ tên một tệp.",
    errno.ENOTDIR: "một phần của đường dẫn là tệp chứ không phải thư mục. Hãy kiểm tra lại đường dẫn.",
    errno.ENOENT: "không tìm thấy tệp, hoặc thư mục chứa nó không tồn tại. Hãy kiểm tra lại đường dẫn.",
    errno.EROFS: "ổ đĩa này chỉ cho phép đọc (ví dụ USB bị khóa ghi). Hãy chọn nơi lưu khác.",
    errno.ENOSPC: "ổ đĩa đã đầy. Hãy xóa bớt tệp hoặc chọn ổ đĩa khác.",
    errno.ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài. Hãy đặt tên ngắn hơn hoặc chọn thư mục gần gốc ổ đĩa hơn.",
    errno.EINVAL: 'tên tệp có ký tự không được phép (như \\ / : * ? " < > |). Hãy đặt tên khác.',
}

# An OSError built without an errno (``IsADirectoryError("x")``) is still known by its class.
_CLASS_ERRNO = (
    (IsADirectoryError, errno.EISDIR),
    (NotADirectoryError, errno.ENOTDIR),
    (FileNotFoundError, errno.ENOENT),
    (PermissionError, errno.EACCES),
)


def _reason(exc: OSError) -> str:
    code = exc.errno or next((c for cls, c in _CLASS_ERRNO if isinstance(exc, cls)), None)
    if code in (errno.EACCES, errno.EPERM):
        # Windows refuses a file Word holds open with "access denied"; elsewhere a lock never does.
        return _HELD_OPEN if sys.platform == "win32" else _NO_RIGHTS
    return _REASONS.get(code, _OTHER)


def os_error(exc: OSError, path: str | os.PathLike[str], doing: str) -> UserError:
    """The clerk's explanation of a failed file operation on ``path``; ``doing`` is the Vietnamese
    verb of what was attempted ("ghi", "đọc"). Raise it ``from exc``."""
    where = f" «{path}»" if str(path) else ""
    return UserError(f"Không {doing} được{where}: {_reason(exc)}", f"{doing} {path}: {exc!r}")
