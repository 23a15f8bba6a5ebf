"""The file name proposed for a report: readable Vietnamese, safe on Windows."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from assistant.core.model import Directive

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')  # not allowed in Windows file names
MAX_STEM = 120  # well under MAX_PATH once a Documents folder is in front


def report_file_name(directive: Directive, when: date) -> str:
    """ "Báo cáo thực hiện CV 3270-CV-BTGTU ngày 28-06-2024.docx"."""
    symbol = _FORBIDDEN.sub("-", directive.symbol)
    stem = f"Báo cáo thực hiện CV {symbol} ngày {when:%d-%m-%Y}"
    stem = unicodedata.normalize("NFC", stem).strip(" .")[:MAX_STEM]
    return f"{stem}.docx"
