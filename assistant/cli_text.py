"""argparse in Vietnamese, through its own translation hook.

argparse passes every text a user can see through the module-level names ``_`` and ``ngettext``
(``gettext``'s functions). The keys below are Python 3.11's templates verbatim; a template
missing here (a programming error such as a conflicting option) stays English.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator

MESSAGES = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "giá trị «%(value)s» không hợp lệ; hãy chọn một trong: %(choices)s"
    ),
    "invalid %(type)s value: %(value)r": "giá trị «%(value)s» không hợp lệ",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "không có lệnh «%(parser_name)s»; các lệnh: %(choices)s"
    ),
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các tham số: %s",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "expected one argument": "cần một giá trị đi kèm",
    "expected at most one argument": "chỉ nhận nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tùy chọn %(option)s chưa rõ, có thể là: %(matches)s"
    ),
    "not allowed with argument %s": "không dùng được cùng với %s",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị «%s»",
}
# Vietnamese has no plural forms: one text for any count.
PLURALS = {"expected %s argument": "cần %s giá trị đi kèm"}


@contextlib.contextmanager
def vietnamese_argparse() -> Iterator[None]:
    """Build and run parsers inside this block: argparse translates its group titles when a parser
    is created and its messages when they are shown. The stdlib names are restored afterwards, so
    other argparse users in the same process (pytest) are untouched."""
    saved = argparse._, argparse.ngettext
    argparse._ = lambda text: MESSAGES.get(text, text)
    argparse.ngettext = lambda one, many, n: PLURALS.get(one, one if n == 1 else many)
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved
