"""Reports: what leaves the app. Results workbook, minutes and winners list (PDF), blank
score sheets for paper judging, judge packages and their returns, the competition file.
Every export runs in the background with a progress dialog and is written whole or not."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.enums import CompetitionStatus
from judging_app.services import competitions, dashboard, document_settings
from judging_app.ui.i18n import fill, message_text
from judging_app.ui.views.base import View, ViewContext

# Documents of the results: before finalize they are drafts, and exporting one asks first.
DRAFT_DOCUMENTS = ("workbook", "minutes", "winners")


class ReportsDialogs:
    """File choices of the Reports view (tests replace this object)."""

    def save_file(self, parent: QWidget, title: str, suggested: str, filters: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path or None

    def choose_folder(self, parent: QWidget, title: str, start: str) -> str | None:
        return QFileDialog.getExistingDirectory(parent, title, start) or None

    def edit_documents(self, parent: QWidget, settings):
        """The letterhead and signatures after the dialog's OK, or None."""
        from judging_app.ui.views.documents_dialog import DocumentSettingsDialog

        dialog = DocumentSettingsDialog(settings, parent)
        return dialog.result_settings() if dialog.exec() else None

    def open_files(self, parent: QWidget, title: str, start: str, filters: str) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(parent, title, start, filters)
        return paths

    def confirm_draft(self, parent: QWidget, title: str, text: str, details: str,
                      proceed: str) -> bool:
        """Export a document of results that are not final yet?"""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Cancel,
                          parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(details)
        yes = box.addButton(proceed, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        try:
            box.exec()
            return box.clickedButton() is yes
        finally:
            box.deleteLater()

    def confirm_packages(self, parent: QWidget, title: str, text: str, details: str) -> bool:
        """The packages' sizes before they are written (they carry the documents)."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
                          parent)
        box.setInformativeText(details)
        try:
            return box.exec() == QMessageBox.StandardButton.Ok
        finally:
            box.deleteLater()


class ReportsView(View):
    key = "reports"

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialogs = ReportsDialogs()
        self.language_box = QComboBox()
        self.language_box.setObjectName("documentLanguage")
        self.language_box.addItem("Bahasa Indonesia", "id")
        self.language_box.addItem("English", "en")
        self.round_box = QComboBox()
        self.round_box.setObjectName("reportRound")
        self.buttons: dict[str, QPushButton] = {}
        for key in ("workbook", "minutes", "winners", "scoresheets", "packages", "returns",
                    "excel_sheets", "excel_import", "setup_file"):
            button = QPushButton()
            button.setObjectName(f"{key}Button")
            button.clicked.connect(lambda _c=False, k=key: self.export(k))
            self.buttons[key] = button
        self.result_label = QLabel()
        self.result_label.setObjectName("reportResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hints: dict[str, QLabel] = {}
        self.options = QGroupBox()
        form = QFormLayout(self.options)
        self.language_label, self.round_label = QLabel(), QLabel()
        form.addRow(self.language_label, self.language_box)
        form.addRow(self.round_label, self.round_box)
        self.letterhead_button = QPushButton()
        self.letterhead_button.setObjectName("letterheadButton")
        self.letterhead_button.clicked.connect(self.edit_letterhead)
        form.addRow(QLabel(), self.letterhead_button)
        self.results_group = self._group(("workbook", "minutes", "winners"))
        self.judging_group = self._group(("scoresheets", "packages", "returns"))
        self.excel_group = self._group(("excel_sheets", "excel_import"))
        self.setup_group = self._group(("setup_file",))
        layout = QVBoxLayout(self)
        layout.addWidget(self.options)
        layout.addWidget(self.results_group)
        layout.addWidget(self.judging_group)
        layout.addWidget(self.excel_group)
        layout.addWidget(self.setup_group)
        layout.addWidget(self.result_label)
        layout.addStretch(1)

    def _group(self, keys: tuple[str, ...]) -> QGroupBox:
        group = QGroupBox()
        column = QVBoxLayout(group)
        hint = QLabel()
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.hints[keys[0]] = hint
        column.addWidget(hint)
        row = QHBoxLayout()
        for key in keys:
            row.addWidget(self.buttons[key])
        row.addStretch(1)
        column.addLayout(row)
        return group

    def retranslate(self) -> None:
        self.options.setTitle(self.tr("Documents"))
        self.language_label.setText(self.tr("Document &language:"))
        self.language_label.setBuddy(self.language_box)
        self.round_label.setText(self.tr("&Round:"))
        self.letterhead_button.setText(self.tr("Letterhead and signatures…"))
        self.round_label.setBuddy(self.round_box)
        self.results_group.setTitle(self.tr("Results"))
        self.judging_group.setTitle(self.tr("Judging"))
        self.setup_group.setTitle(self.tr("Setup"))
        self.excel_group.setTitle(self.tr("Judges without the app"))
        texts = {
            "workbook": self.tr("Results workbook (Excel)…"),
            "minutes": self.tr("Minutes of evaluation (PDF)…"),
            "winners": self.tr("Winners list (PDF)…"),
            "scoresheets": self.tr("Blank score sheets (PDF)…"),
            "packages": self.tr("Judge packages…"),
            "returns": self.tr("Import judges' return files…"),
            "excel_sheets": self.tr("Excel score sheets…"),
            "excel_import": self.tr("Import filled Excel score sheets…"),
            "setup_file": self.tr("Competition file…"),
        }
        for key, text in texts.items():
            self.buttons[key].setText(text)
        hints = {
            "workbook": self.tr("The award list per category, the score recap of every judge, "
                                "the fairness evidence and the rules, for the mayor's decree "
                                "and the plenary."),
            "scoresheets": self.tr("For judges on their own laptops: one signed package per "
                                   "judge; their return files come back here. Blank sheets "
                                   "for paper judging."),
            "excel_sheets": self.tr("For judges without the app: one protected Excel workbook "
                                    "per judge, imported back whole or not at all."),
            "setup_file": self.tr("The competition's setup as a file, to reuse next year or "
                                  "share with another city."),
        }
        for key, text in hints.items():
            self.hints[key].setText(text)

    def refresh(self) -> None:
        setup = competitions.get_setup(self.ctx.db, self.ctx.competition)
        current = self.round_box.currentData()
        self.round_box.clear()
        english = self.ctx.language() == "en"
        for rnd in setup.rounds:
            if rnd.kind == "scored":
                self.round_box.addItem(rnd.name_en if english and rnd.name_en else rnd.name,
                                       rnd.code)
        if current is not None and self.round_box.findData(current) >= 0:
            self.round_box.setCurrentIndex(self.round_box.findData(current))

    def edit_letterhead(self) -> None:
        current = document_settings.get_document_settings(self.ctx.db, self.ctx.competition)
        chosen = self.dialogs.edit_documents(self, current)
        if chosen is not None and chosen != current:
            self.run_write(lambda ws: document_settings.set_document_settings(
                ws, self.ctx.competition, chosen), self.tr("The settings were not saved"))

    # -- exporting ------------------------------------------------------------------------
    def _start_dir(self) -> str:
        return self.ctx.settings.last_directory or str(Path.home())

    def _target(self, title: str, name: str, filters: str) -> Path | None:
        chosen = self.dialogs.save_file(self, title, str(Path(self._start_dir()) / name), filters)
        if not chosen:
            return None
        self.ctx.settings.last_directory = str(Path(chosen).parent)
        return Path(chosen)

    def export(self, key: str, draft_confirmed: bool = False) -> None:
        if key in DRAFT_DOCUMENTS and not draft_confirmed and not self._final():
            self._confirm_draft(key)
            return
        lang = self.language_box.currentData()
        code = self.ctx.competition
        rnd = self.round_box.currentData()
        db = self.ctx.db
        pdf = self.tr("PDF documents (*.pdf)")
        if key == "returns":
            self._import_returns()
            return
        if key == "excel_import":
            self._import_excel_sheets()
            return
        if key == "excel_sheets":
            folder = self.dialogs.choose_folder(self, self.tr("Folder for the Excel score sheets"),
                                                self._start_dir())
            ws = self.ctx.workspace(self) if folder else None
            if not folder or ws is None or not rnd:
                return
            from judging_app.services.score_workbooks import export_score_workbooks

            self._run(lambda p: export_score_workbooks(ws, code, rnd, Path(folder), lang, p),
                      lambda paths: fill(self.tr("%1 Excel score sheets written to %2. Send each "
                                                 "to its judge only."), len(paths), folder))
            return
        if key == "packages":
            folder = self.dialogs.choose_folder(self, self.tr("Folder for the judge packages"),
                                                self._start_dir())
            ws = self.ctx.workspace(self) if folder else None
            if not folder or ws is None or not rnd:
                return
            from judging_app.services.judge_packages import export_packages

            if not self._confirm_package_sizes(code, rnd, folder):
                return
            self._run(lambda p: export_packages(ws, code, rnd, Path(folder), p),
                      lambda paths: fill(self.tr("%1 judge packages written to %2. Each holds "
                                                 "its judge's signing key: send it to that "
                                                 "judge only."), len(paths), folder))
            return
        plan = {
            "workbook": (self.tr("Save the results workbook"), f"{code}-hasil.xlsx",
                         self.tr("Excel workbooks (*.xlsx)")),
            "minutes": (self.tr("Save the minutes"), f"{code}-berita-acara.pdf", pdf),
            "winners": (self.tr("Save the winners list"), f"{code}-daftar-pemenang.pdf", pdf),
            "scoresheets": (self.tr("Save the blank score sheets"), f"{code}-lembar-nilai.pdf", pdf),
            "setup_file": (self.tr("Save the competition file"), f"{code}.json",
                           self.tr("Competition files (*.json)")),
        }[key]
        path = self._target(*plan)
        if path is None:
            return
        if key == "workbook":
            from judging_app.services.results_export import export_results_workbook

            work = lambda p: export_results_workbook(db, code, path, lang, progress=p)  # noqa: E731
        elif key == "minutes":
            from judging_app.services.documents import write_minutes

            work = lambda p: write_minutes(db, code, path, lang, progress=p)  # noqa: E731
        elif key == "winners":
            from judging_app.services.documents import write_winners_list

            work = lambda p: write_winners_list(db, code, path, lang)  # noqa: E731
        elif key == "scoresheets":
            from judging_app.services.documents import write_blank_score_sheets

            work = lambda p: write_blank_score_sheets(db, code, rnd, path, lang=lang)  # noqa: E731
        else:
            from judging_app.exchange.competition_file import write_competition_file

            work = lambda p: write_competition_file(  # noqa: E731
                path, competitions.get_setup(db, code))
        self._run(work, lambda _result: fill(self.tr("Saved: %1"), str(path)))

    def _final(self) -> bool:
        summary = competitions.get_summary(self.ctx.db, self.ctx.competition)
        return summary.status == CompetitionStatus.FINALIZED

    def _confirm_draft(self, key: str) -> None:
        """Before finalize the results documents are drafts: say what is undecided (the
        results are computed for it, in the background), then ask."""
        db, code = self.ctx.db, self.ctx.competition

        def ask(found: dashboard.Undecided) -> None:
            lines = []
            if found.blocking_ties:
                lines.append(fill(self.tr("%1 ties on an award boundary wait for the chair's "
                                          "decision."), found.blocking_ties))
            if found.incomplete_entries:
                lines.append(fill(self.tr("%1 entries are not ranked: score sheets are "
                                          "missing."), found.incomplete_entries))
            if found.unsubmitted_sheets:
                lines.append(fill(self.tr("%1 score sheets are not submitted yet."),
                                  found.unsubmitted_sheets))
            if not lines:
                lines.append(self.tr("Nothing is undecided any more: finalize the results "
                                     "(Results view) to make the documents final."))
            if self.dialogs.confirm_draft(
                    self, self.tr("The results are not final"),
                    self.tr("The results are not finalized yet: this document is a DRAFT "
                            "(it says DRAF on every page) and may still change."),
                    "\n".join(f"• {line}" for line in lines), self.tr("Export the &draft")):
                self.export(key, draft_confirmed=True)

        self.run_in_background(lambda _p: dashboard.undecided(db, code),
                               self.tr("Checking what is still undecided…"), ask,
                               self.tr("The export failed"))

    def _import_returns(self) -> None:
        files = self.dialogs.open_files(self, self.tr("Judges' return files"), self._start_dir(),
                                        self.tr("Return files (*.jret *.json);;All files (*)"))
        ws = self.ctx.workspace(self) if files else None
        if not files or ws is None:
            return
        from judging_app.services.errors import ServiceError
        from judging_app.services.judge_packages import import_return

        def work(progress):
            lines = []
            for i, name in enumerate(files):
                progress(i, len(files))
                try:
                    lines += report_lines(import_return(ws, self.ctx.competition, Path(name)))
                except ServiceError as exc:
                    lines.append(f"{Path(name).name}: {message_text(exc)}")
            return lines

        self._run(work, lambda lines: "\n".join(lines), changed=True)

    def _import_excel_sheets(self) -> None:
        files = self.dialogs.open_files(self, self.tr("Filled Excel score sheets"),
                                        self._start_dir(), self.tr("Excel workbooks (*.xlsx)"))
        ws = self.ctx.workspace(self) if files else None
        if not files or ws is None:
            return
        from judging_app.services.errors import ServiceError
        from judging_app.services.score_workbooks import import_score_workbook

        def work(progress):
            lines = []
            for i, name in enumerate(files):
                progress(i, len(files))
                try:
                    lines += report_lines(import_score_workbook(ws, self.ctx.competition,
                                                                Path(name)))
                except ServiceError as exc:
                    lines.append(f"{Path(name).name}: {message_text(exc)}")
            return lines

        self._run(work, lambda lines: "\n".join(lines), changed=True)

    def _confirm_package_sizes(self, code: str, rnd: str, folder: str) -> bool:
        """Each judge's package size (with the documents it carries) and the room left in
        the folder, before anything is written."""
        from judging_app.core.attachments import size_mb
        from judging_app.services.errors import ServiceError
        from judging_app.services.judge_packages import package_sizes
        from judging_app.texts import format_number
        from judging_app.ui.i18n import current_language

        def mb(n: int) -> str:
            return format_number(size_mb(n), current_language())

        try:
            sizes = package_sizes(self.ctx.db, code, rnd)
        except ServiceError as exc:
            self.ctx.dialogs.show_error(self, self.tr("The export failed"), message_text(exc))
            return False
        lines = [fill(self.tr("%1: %2 entries, %3 documents, %4 MB"), x.judge, x.entries,
                      x.documents, mb(x.bytes)) for x in sizes]
        free = shutil.disk_usage(folder).free
        text = fill(self.tr("%1 judge packages, %2 MB in all; %3 MB free in the folder."),
                    len(sizes), mb(sum(x.bytes for x in sizes)), mb(free))
        return self.dialogs.confirm_packages(self, self.tr("Export the judge packages"), text,
                                             "\n".join(lines))

    def _run(self, work, message, changed: bool = False) -> None:
        def done(result) -> None:
            self.result_label.setText(message(result))
            if changed:
                self.changed.emit()

        self.run_in_background(work, self.tr("Working…"), done, self.tr("The export failed"))


def report_lines(report) -> list[str]:
    """An import report in the window's language: its summary, then its warnings."""
    return [message_text(report.summary())] + [f"  – {message_text(w)}" for w in report.warnings]
