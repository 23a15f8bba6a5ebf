"""Errors a clerk can act on.

A ``UserError`` carries the Vietnamese sentence shown to the clerk (``message``) and a precise
English ``detail`` for the log. The command line prints the message and exits non-zero; the window
shows it in a dialog. Anything else that escapes is a bug.
"""

from __future__ import annotations


class UserError(Exception):
    """Bad input or an unusable file: explained to the clerk, never a traceback."""

    def __init__(self, message: str, detail: str = "", *, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or message
        self.field = field  # dotted path of the offending field, when there is one

    def __str__(self) -> str:
        return self.message
