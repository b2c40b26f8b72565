"""Opening a document outside the app, in the computer's own viewer (a fallback for what
the app does not show, and for anyone who prefers it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from judging_app.ui.i18n import fill


def open_outside(parent: QWidget | None, path: Path) -> None:
    """The file in the system's program for it; a warning with the file's place when there
    is none."""
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        translate = QCoreApplication.translate
        QMessageBox.warning(parent, translate("DocumentViewer", "Cannot open the document"), fill(
            translate("DocumentViewer", "No program on this computer opens %1. The file is "
                                        "here: %2"), path.name, str(path)))
