"""Why a connection to the server failed, in Vietnamese. libpq reports connection failures as
text without an error code, so they are told apart by the words of libpq's and the server's own
(English) messages; one not recognised still gets a Vietnamese sentence, its text going to the
log only."""

from __future__ import annotations

from assistant.storage.contract import ServerNotOpened, ServerUnreachable


class PasswordMissing(ServerNotOpened):
    """The server wants a password and none was given: a PC without a keyring asks for it."""


_NO_PASSWORD = "no password supplied"
# (words of the message, what the clerk reads): the server answered and refused.
_REASONS = (
    (
        ("password authentication failed",),
        "sai tên người dùng hoặc mật khẩu. Hãy nhập lại mật khẩu, hoặc hỏi bộ phận tin học.",
    ),
    (
        (_NO_PASSWORD,),
        "máy chủ đòi mật khẩu mà chưa có mật khẩu nào được nhập hoặc lưu. Hãy nhập mật khẩu.",
    ),
    (
        ("database", "does not exist"),
        "máy chủ không có cơ sở dữ liệu «{database}». Hãy kiểm tra lại tên cơ sở dữ liệu.",
    ),
    (
        ("role", "does not exist"),
        "máy chủ không có tài khoản «{user}». Hãy kiểm tra lại tên người dùng.",
    ),
    (
        ("server does not support ssl",),
        "máy chủ không hỗ trợ mã hoá (TLS) mà kết nối này bắt buộc mã hoá. Hãy hỏi bộ phận tin "
        "học: bật TLS trên máy chủ, hoặc cho phép chế độ «mã hoá khi máy chủ hỗ trợ».",
    ),
    (
        ("no encryption",),
        "máy chủ chỉ nhận kết nối có mã hoá (TLS) và từ chối kết nối không mã hoá. Hãy chọn chế độ "
        "bắt buộc mã hoá, hoặc hỏi bộ phận tin học.",
    ),
    (
        ("certificate",),
        "chứng chỉ mã hoá (TLS) của máy chủ không hợp lệ. Hãy hỏi bộ phận tin học.",
    ),
    (
        ("no pg_hba.conf entry",),
        "máy chủ không cho phép máy này hoặc tài khoản «{user}» kết nối. Hãy hỏi bộ phận tin học.",
    ),
    (
        ("too many connections",),
        "máy chủ đang có quá nhiều kết nối. Hãy thử lại sau ít phút.",
    ),
)
_UNREACHABLE = (
    "không tới được máy chủ «{host}» (máy chủ chưa bật, sai địa chỉ hoặc cổng, hoặc mạng bị "
    "ngắt). Hãy kiểm tra mạng và địa chỉ máy chủ, hoặc hỏi bộ phận tin học."
)


def refusal(exc: Exception, host: str, user: str, database: str) -> ServerNotOpened:
    """Why a connection failed; a failure not recognised is taken for a server that did not
    answer (``ServerUnreachable``)."""
    text = str(exc).lower()
    names = {"host": host, "user": user, "database": database}
    detail = f"postgresql {user}@{host}/{database}: {exc}"
    for words, reason in _REASONS:
        if all(word in text for word in words):
            kind = PasswordMissing if words == (_NO_PASSWORD,) else ServerNotOpened
            return kind("Không kết nối được máy chủ dữ liệu: " + reason.format(**names), detail)
    return ServerUnreachable(
        "Không kết nối được máy chủ dữ liệu: " + _UNREACHABLE.format(**names), detail
    )
