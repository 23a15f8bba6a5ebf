"""The window's "Xuất PDF…" and "In…": a report (.docx) as PDF or on paper, through Word or
LibreOffice (``assistant.export.pdf``), off the UI thread.

Printing: Qt's print dialog (QtPrintSupport, in PySide6-Essentials) lets the clerk choose the
printer and the number of copies; the office suite then prints the .docx itself, so the paper
has the same page breaks as the PDF — Qt cannot lay out a .docx, and printing the PDF instead
would need a PDF renderer (QtPdf is not in Essentials).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from assistant.core.errors import UserError
from assistant.gui import messages
from assistant.gui.background import Background


def _tr(text: str) -> str:
    return QCoreApplication.translate("export", text)


def ask_pdf_path(parent: QWidget, proposed: Path) -> str:
    """Where to save the PDF, or "" when the clerk cancelled."""
    dialog = messages.file_dialog(parent, _tr("Lưu bản PDF"), _tr("Tệp PDF (*.pdf)"), save=True)
    dialog.setDefaultSuffix("pdf")
    dialog.selectFile(str(proposed))
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""


def ask_docx(parent: QWidget, current: Path | None) -> Path | None:
    """The report to export or print: any .docx, starting at the one last generated."""
    dialog = messages.file_dialog(
        parent,
        _tr("Chọn báo cáo (.docx)"),
        _tr("Văn bản Word (*.docx)"),
        directory=str(current or ""),
    )
    return Path(dialog.selectedFiles()[0]) if dialog.exec() and dialog.selectedFiles() else None


def ask_printer(parent: QWidget) -> tuple[str, int] | None:
    """The printer and the number of copies the clerk chose in the system's print dialog."""
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter  # on demand

    printer = QPrinter()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_tr("In báo cáo"))
    # Word or LibreOffice prints the whole document: a page range would be silently ignored.
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, False)
    if dialog.exec() != QDialog.Accepted or not printer.printerName():
        return None
    return printer.printerName(), max(1, printer.copyCount())


def _failed(parent: QWidget, title: str) -> Callable[[UserError], None]:
    return lambda exc: messages.warn(parent, title, exc.message)


def export_pdf(parent: QWidget, docx: Path) -> Background | None:
    """Ask where, then write the PDF of ``docx`` in the background; None when cancelled."""
    from assistant.export.pdf import docx_to_pdf  # not needed before the clerk asks

    chosen = ask_pdf_path(parent, docx.with_suffix(".pdf"))
    if not chosen:
        return None
    title = _tr("Xuất PDF")

    def done(pdf: Path) -> None:
        messages.inform(parent, title, _tr("Đã xuất bản PDF:\n{path}").format(path=pdf))

    return Background(
        parent,
        _tr("Đang xuất PDF…"),
        lambda: docx_to_pdf(docx, Path(chosen)),
        done,
        _failed(parent, title),
    ).start()


def print_report(parent: QWidget, docx: Path) -> Background | None:
    """Ask for the printer, then print ``docx`` in the background; None when cancelled."""
    from assistant.export.pdf import print_docx

    chosen = ask_printer(parent)
    if chosen is None:
        return None
    printer, copies = chosen
    title = _tr("In báo cáo")

    def done(_: object) -> None:
        messages.inform(
            parent,
            title,
            _tr("Đã gửi «{name}» tới máy in {printer}.").format(name=docx.name, printer=printer),
        )

    return Background(
        parent,
        _tr("Đang gửi tới máy in…"),
        lambda: print_docx(docx, printer, copies),
        done,
        _failed(parent, title),
    ).start()


def add_to_menu(menu: QMenu, parent: QWidget, current: Callable[[], Path | None]) -> None:
    """ "Xuất PDF…" and "In…" for a .docx the clerk picks, starting at ``current()`` (the report
    last generated, if any)."""
    for text, act in ((_tr("Xuất PDF…"), export_pdf), (_tr("In…"), print_report)):

        def triggered(_=False, act=act) -> None:
            docx = ask_docx(parent, current())
            if docx is not None:
                act(parent, docx)

        menu.addAction(text).triggered.connect(triggered)
