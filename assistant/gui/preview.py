"""A preview of the report: the real wording and sections, laid out roughly as on paper."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, QUrl
from PySide6.QtGui import QCursor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from assistant.core.figure_table import Appendix
from assistant.core.formats import Element
from assistant.core.layout import ReportLayout
from assistant.gui import messages

WORDING_COLOUR = "#1a4f8b"
LEGEND = QT_TRANSLATE_NOOP(
    "PreviewDialog",
    "Chữ đen: nội dung bạn đã gõ. Chữ xanh: câu chương trình viết từ số liệu, tình trạng và "
    "thông tin bạn đã nhập — hãy đọc kỹ trước khi trình ký; đưa chuột lên câu chữ xanh để xem "
    "câu đó viết từ đâu.",
)
SOURCE_LINK = "nguon:{index}"  # a link per sentence of the program's, to show its source on hover


def _lines(text: str) -> str:
    """Escaped, with the line breaks the document has (long names, the trích yếu)."""
    return "<br>".join(escape(line) for line in text.split("\n"))


def layout_html(layout: ReportLayout) -> str:
    fmt = layout.format
    left = (
        _lines(layout.parent_body) + "<br>" if layout.parent_body else ""
    ) + f"<b>{_lines(layout.issuer)}</b>"
    right = f"<b>{escape(fmt.national_title)}</b>" + (
        f"<br><b>{escape(fmt.motto)}</b>" if fmt.motto else ""
    )
    parts = [
        "<table width='100%'><tr>",
        f"<td align='center' width='42%'>{left}<br>{escape(layout.number)}</td>",
        f"<td align='center'>{right}<br><i>{escape(layout.place_date)}</i></td></tr></table>",
        f"<p align='center'><b>{escape(layout.doc_type)}</b><br><b>{_lines(layout.subject)}</b></p>",
    ]
    parts += [f"<p align='center'>{escape(line)}</p>" for line in layout.kinh_gui]
    for index, line in enumerate(layout.body):
        text = escape(line.text)
        if line.element is not Element.BODY:
            parts.append(f"<p><b>{text}</b></p>")
        elif line.typed:
            parts.append(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{text}</p>")
        else:  # the program's wording of the clerk's answers: told apart, so it is read closely
            link = SOURCE_LINK.format(index=index)
            parts.append(
                f"<p style='color:{WORDING_COLOUR}'>&nbsp;&nbsp;&nbsp;&nbsp;<a href='{link}' "
                f"style='color:{WORDING_COLOUR}; text-decoration:none'>{text}</a></p>"
            )
    recipients = "<br>".join(escape(r) for r in layout.recipients)
    signer = "<br>".join(f"<b>{_lines(s.text)}</b>" for s in layout.signer[:-1])
    name = f"<b>{escape(layout.signer[-1].text)}</b>" if layout.signer else ""
    parts.append(
        "<table width='100%'><tr>"
        f"<td width='45%'><i><b>{escape(fmt.recipients_label)}</b></i><br><small>{recipients}</small></td>"
        f"<td align='center'>{signer}<br><br><br><br>{name}</td></tr></table>"
    )
    if layout.appendix:
        parts.append(_appendix_html(layout.appendix))
    return "\n".join(parts)


def _appendix_html(appendix: Appendix) -> str:
    """The «Phụ lục số liệu» as the report prints it after the signature, on its own page."""
    parts = [
        "<hr>",
        f"<p align='center'><b>{escape(appendix.heading)}</b><br><b>{escape(appendix.title)}</b>"
        f"<br><i>{escape(appendix.attached)}</i></p>",
    ]
    for table in appendix.tables:
        parts.append(f"<p><b>{escape(table.caption)}</b></p>")
        rows = ["<tr>" + "".join(f"<th>{escape(h)}</th>" for h in table.header) + "</tr>"]
        for index, row in enumerate(table.rows):
            bold = table.total and index == len(table.rows) - 1  # the «Tổng cộng» row
            cells = (
                f"<td align='{'right' if numeric else 'left'}'>"
                + (f"<b>{escape(cell)}</b>" if bold else escape(cell))
                + "</td>"
                for cell, numeric in zip(row, table.numeric, strict=False)
            )
            rows.append("<tr>" + "".join(cells) + "</tr>")
        parts.append(
            "<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
            + "".join(rows)
            + "</table>"
        )
    return "\n".join(parts)


class PreviewDialog(QDialog):
    def __init__(self, layout: ReportLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Xem trước báo cáo"))
        # Never taller than the screen (a 1366×768 laptop): the Close button must stay on it.
        messages.fit_to_screen(self, QSize(760, 900))
        self.legend = QLabel(self.tr(LEGEND))
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet(f"color: {WORDING_COLOUR};")
        self.view = QTextBrowser()
        # The report's own typeface where it exists; Liberation Serif has its metrics on Linux.
        paper = QFont()
        paper.setFamilies(["Times New Roman", "Liberation Serif", "Noto Serif"])
        paper.setPointSize(12)
        self.view.document().setDefaultFont(paper)
        self.view.setHtml(layout_html(layout))
        self.view.setOpenLinks(False)  # the links only tell where a sentence comes from
        self.sources = {
            SOURCE_LINK.format(index=i): line.source for i, line in enumerate(layout.body)
        }
        self.source = QLabel()  # the source of the sentence under the mouse, also as a tooltip
        self.source.setWordWrap(True)
        self.view.highlighted.connect(self.show_source)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.legend)
        box.addWidget(self.view)
        box.addWidget(self.source)
        box.addWidget(buttons)

    def show_source(self, url: QUrl) -> None:
        source = self.sources.get(url.toString(), "")
        text = self.tr("Câu này viết từ: {source}.").format(source=source) if source else ""
        self.source.setText(text)
        if text:
            QToolTip.showText(QCursor.pos(), text, self.view)
