"""``python -m assistant server set|show|clear``: the agency's server, as the window's Công cụ →
«Kết nối máy chủ dữ liệu…» sets it (settings in the data folder, the password in the keyring)."""

from __future__ import annotations

import argparse
import sys

from assistant.core.errors import UserError
from assistant.paths import data_dir
from assistant.storage import server_settings
from assistant.storage.server_settings import DEFAULT_PORT, SSL_MODES


def _set(args: argparse.Namespace) -> int:
    settings = server_settings.checked(args.host, args.db_name, args.user, args.port, args.sslmode)
    folder = data_dir(args.data_dir)
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise UserError("Không đọc được mật khẩu từ đầu vào chuẩn.", "empty password on stdin")
        if not server_settings.store_password(settings, password):
            raise UserError(server_settings.NO_KEYRING, "no usable keyring: nothing saved")
    server_settings.save(folder, settings)
    print(f"Đã lưu kết nối máy chủ dữ liệu: {settings.url()}")
    if args.check:
        server_settings.try_connection(settings, server_settings.password(settings))
        print("Kết nối thử: thành công.")
    return 0


def _show(args: argparse.Namespace) -> int:
    settings = server_settings.load(data_dir(args.data_dir))
    if settings is None:
        print("Chưa đặt máy chủ dữ liệu: lịch sử báo cáo nằm trên máy này.")
        return 0
    print(f"Máy chủ: {settings.host}:{settings.port}")
    print(f"Cơ sở dữ liệu: {settings.database}")
    print(f"Người dùng: {settings.user}")
    print(f"Mã hoá (sslmode): {settings.sslmode}")
    saved = server_settings.password(settings) is not None
    print(f"Mật khẩu: {'đã lưu trong kho mật khẩu của hệ điều hành' if saved else 'chưa lưu'}")
    if not server_settings.keyring_usable():
        print(server_settings.NO_KEYRING)
    return 0


def _clear(args: argparse.Namespace) -> int:
    server_settings.clear(data_dir(args.data_dir))
    print("Đã bỏ kết nối máy chủ dữ liệu: từ nay dùng lịch sử trên máy này.")
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "server",
        parents=[common],
        help="máy chủ dữ liệu dùng chung của cơ quan: đặt, xem, bỏ",
        description="Kết nối máy chủ dữ liệu (PostgreSQL) của cơ quan, như Công cụ → «Kết nối "
        "máy chủ dữ liệu…» trong cửa sổ. Mật khẩu được lưu trong kho mật khẩu của hệ điều "
        "hành, không bao giờ trong tệp.",
    )
    actions = parser.add_subparsers(dest="action", metavar="VIỆC", required=True)
    put = actions.add_parser("set", parents=[common], help="đặt máy chủ dữ liệu")
    put.add_argument("--host", required=True, help="tên hoặc địa chỉ máy chủ")
    put.add_argument("--port", type=int, default=DEFAULT_PORT, help="cổng (mặc định 5432)")
    put.add_argument(
        "--db-name", required=True, metavar="TÊN", help="tên cơ sở dữ liệu trên máy chủ"
    )
    put.add_argument("--user", required=True, help="tên người dùng trên máy chủ")
    put.add_argument(
        "--sslmode",
        choices=SSL_MODES,
        default=SSL_MODES[0],
        help="prefer: mã hoá khi máy chủ hỗ trợ (mặc định); require: bắt buộc mã hoá",
    )
    put.add_argument(
        "--password-stdin",
        action="store_true",
        help="đọc mật khẩu từ dòng đầu của đầu vào chuẩn và lưu vào kho mật khẩu",
    )
    put.add_argument("--check", action="store_true", help="kết nối thử sau khi lưu")
    put.set_defaults(run=_set)
    actions.add_parser("show", parents=[common], help="xem máy chủ đã đặt").set_defaults(run=_show)
    actions.add_parser(
        "clear", parents=[common], help="bỏ máy chủ, dùng lịch sử trên máy này"
    ).set_defaults(run=_clear)
