"""Importing entries from a spreadsheet into the Entries view, and saving the import
template (docs/entry-import.md). The flow: a file chooser, the check on a worker, a preview
(sheet, header row, counts, new units, notes, problems), then the import on a worker; nothing
is written before the person presses Import, and a refusal or Cancel writes nothing either.
Every question goes through `EntryImportDialogs`, which tests replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from judging_app.services import competitions, entries
from judging_app.services.entry_import import Cancelled as ImportCancelled
from judging_app.services.entry_import import (
    EntryImportReport,
    import_entries,
    preview_entry_import,
)
from judging_app.services.errors import ServiceError
from judging_app.ui.background import Cancelled
from judging_app.ui.i18n import fill, format_int, message_text
from judging_app.ui.views.entries_import_preview import ImportPreviewDialog

SPREADSHEETS = "*.xlsx *.xls *.ods *.csv"


class EntryImportDialogs(QObject):
    """The questions of the import; tests replace the methods."""

    def choose_spreadsheet(self, parent: QWidget | None, directory: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            parent, self.tr("Import entries from a spreadsheet"), directory,
            ";;".join((fill(self.tr("Spreadsheets (%1)"), SPREADSHEETS),
                       fill(self.tr("All files (%1)"), "*"))))
        return path or None

    def choose_template_path(self, parent: QWidget | None, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, self.tr("Save the import template"),
                                              suggested, fill(self.tr("Excel workbooks (%1)"), "*.xlsx"))
        return path or None

    def run_preview(self, dialog: ImportPreviewDialog) -> bool:
        """Show the preview; True when the person pressed Import."""
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
        box.deleteLater()


class EntryImport(QObject):
    """One import, from the file chosen to the message after it (kept alive by its view)."""

    def __init__(self, view, path: Path) -> None:
        super().__init__(view)
        self.view, self.ctx, self.path = view, view.ctx, path
        self.dialog: ImportPreviewDialog | None = None
        self.closed = False  # the preview was closed: a late check result is dropped

    def check(self, sheet: str | None = None) -> None:
        db, competition, english = self.ctx.db, self.ctx.competition, self.ctx.language() == "en"

        def work(progress):
            preview = preview_entry_import(db, competition, self.path, sheet, progress)
            names = {c.code: (c.name_en if english and c.name_en else c.name)
                     for c in competitions.get_setup(db, competition).categories}
            return preview, names

        if self.dialog is not None:
            self.dialog.set_busy(True)
        self.ctx.runner.run(work, label=fill(self.tr("Checking %1…"), self.path.name),
                            parent=self.dialog or self.view, on_done=self._checked,
                            on_error=self._check_failed)

    def _checked(self, result) -> None:
        preview, names = result
        if self.dialog is not None:
            if not self.closed:
                self.dialog.set_preview(preview)
            return
        if not preview.header_row:  # not a spreadsheet, damaged, no header, …: nothing to preview
            lines = [message_text(line) for line in preview.problem_messages()]
            self.ctx.dialogs.show_error(self.view, self.tr("Cannot import this file"),
                                        fill(self.tr("%1 cannot be imported."), self.path.name),
                                        lines[0] if lines else "", "\n".join(lines))
            self.deleteLater()
            return
        self.dialog = ImportPreviewDialog(preview, names, self.view)
        self.dialog.recheck.connect(lambda sheet: self.check(sheet or None))
        accepted = self.view.import_questions.run_preview(self.dialog)
        sheet, create_units = self.dialog.chosen_sheet(), self.dialog.creates_units()
        self.closed = True
        if accepted:
            self.start_import(sheet, create_units)
        else:
            self.deleteLater()

    def _check_failed(self, exc: BaseException, trace: str) -> None:
        if self.closed:
            return
        if self.dialog is not None:
            self.dialog.set_busy(False)
        if not isinstance(exc, Cancelled | ImportCancelled):
            text = message_text(exc) or type(exc).__name__
            self.ctx.dialogs.show_error(self.dialog or self.view, self.tr("Cannot import this file"),
                                        text.splitlines()[0], "",
                                        text if isinstance(exc, OSError | ServiceError) else trace)
        if self.dialog is None:
            self.deleteLater()

    def start_import(self, sheet: str | None, create_units: bool) -> None:
        ws = self.ctx.workspace(self.view)
        if ws is None:
            self.deleteLater()
            return
        competition = self.ctx.competition
        self.ctx.runner.run(
            lambda progress: import_entries(ws, competition, self.path, sheet, create_units, progress),
            label=fill(self.tr("Importing the entries of %1…"), self.path.name), parent=self.view,
            on_done=self._imported, on_error=self._import_failed)

    def _imported(self, report: EntryImportReport) -> None:
        self.view.changed.emit()
        self.view.load()
        text = fill(self.tr("Entries imported from %1: %2."), report.source,
                    format_int(report.entries))
        if report.units_created:
            text += "\n" + fill(self.tr("New government units created: %1."),
                                ", ".join(u.name for u in report.units_created))
        self.view.import_questions.inform(self.view, self.tr("Entries imported"), text)
        self.deleteLater()

    def _import_failed(self, exc: BaseException, trace: str) -> None:
        if isinstance(exc, Cancelled | ImportCancelled):
            self.view.import_questions.inform(self.view, self.tr("Import cancelled"),
                                              self.tr("The import was cancelled; nothing was imported."))
        else:
            text = message_text(exc) or type(exc).__name__
            self.ctx.dialogs.show_error(self.view, self.tr("Nothing was imported"), text.splitlines()[0],
                                        "", text if isinstance(exc, ServiceError) else trace)
        self.deleteLater()


def import_from_spreadsheet(view) -> None:
    """Toolbar action: choose a file, check it, preview, import."""
    ctx = view.ctx
    start = ctx.settings.last_directory or str(Path.home())
    path = view.import_questions.choose_spreadsheet(view, start)
    if path:
        ctx.settings.last_directory = str(Path(path).parent)
        EntryImport(view, Path(path)).check()


def save_import_template(view) -> None:
    """Toolbar action: the competition's import template (.xlsx) in the UI's language."""
    ctx = view.ctx
    lang = "en" if ctx.language() == "en" else "id"
    name = fill(QCoreApplication.translate("EntryImport", "entry-import-template-%1.xlsx"),
                ctx.competition)
    chosen = view.import_questions.choose_template_path(
        view, str(Path(ctx.settings.last_directory or Path.home()) / name))
    if not chosen:
        return
    path = Path(chosen)
    if path.suffix.lower() != ".xlsx":  # the template is always an .xlsx workbook
        path = path.with_name(path.name + ".xlsx")
    ctx.settings.last_directory = str(path.parent)
    db, competition = ctx.db, ctx.competition

    def work(progress) -> Path:
        # imported here: openpyxl takes half a second to import, on the worker thread now
        from judging_app.exchange.entry_template import write_entry_template

        return write_entry_template(path, competitions.get_setup(db, competition),
                                    entries.list_units(db, competition), lang=lang)

    def saved(written: Path) -> None:
        view.import_questions.inform(
            view, QCoreApplication.translate("EntryImport", "Import template saved"),
            fill(QCoreApplication.translate(
                "EntryImport", "The import template was saved as %1. Fill in one entry per row "
                "on its first sheet, then choose Import from spreadsheet…"), str(written)))

    def failed(exc: BaseException, trace: str) -> None:
        text = message_text(exc) or type(exc).__name__
        ctx.dialogs.show_error(
            view, QCoreApplication.translate("EntryImport", "Cannot save the import template"),
            text.splitlines()[0], "", text if isinstance(exc, OSError | ServiceError) else trace)

    ctx.runner.run(work, label=QCoreApplication.translate("EntryImport", "Saving the import template…"),
                   parent=view, on_done=saved, on_error=failed, cancellable=False)
