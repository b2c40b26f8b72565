"""The Entries view's Documents menu: attach a whole folder (a preview of what goes where
and what matches nothing, then the attach in the background), the report of entries
without a proposal, and the competition's document limits."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.attachments import DocumentKind, size_mb
from judging_app.services import attach_folder, competitions, document_admin, document_report
from judging_app.services.attachments import document_limits
from judging_app.services.errors import ServiceError
from judging_app.texts import format_number
from judging_app.ui.i18n import current_language, fill, message_text
from judging_app.ui.views.entries_documents_dialogs import LimitsDialog, fill_rounds, kind_labels

PROBLEM = QColor("#b3261e")


def _table(headers: list[str], rows: list[list[str]], name: str) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def _rounds(view) -> list[tuple[str, str]]:
    english = view.ctx.language() == "en"
    return [(r.code, r.name_en if english and r.name_en else r.name)
            for r in competitions.get_setup(view.ctx.db, view.ctx.competition).rounds]


class FolderPreviewDialog(QDialog):
    """What goes where: every file named after an entry, the files that match nothing, the
    names two entries could claim (those must be renamed first)."""

    def __init__(self, parent: QWidget | None, plan: attach_folder.FolderPlan,
                 rounds: list[tuple[str, str]]) -> None:
        super().__init__(parent)
        self.setObjectName("folderPreview")
        self.plan = plan
        self.setWindowTitle(self.tr("Attach a folder"))
        kinds = kind_labels()
        rows = [[p.relative, p.code, kinds[p.kind.value]] for p in plan.placed]
        rows += [[rel, fill(self.tr("more than one entry: %1"), ", ".join(codes)), ""]
                 for rel, codes in plan.ambiguous]
        rows += [[rel, self.tr("no entry"), ""] for rel in plan.unmatched]
        self.table = _table([self.tr("File"), self.tr("Entry"), self.tr("Kind")], rows,
                            "folderFiles")
        for r in range(len(plan.placed), len(rows)):
            for c in range(3):
                item = self.table.item(r, c)
                if item is not None:
                    item.setForeground(PROBLEM)
        self.summary = QLabel(objectName="folderSummary", wordWrap=True)
        self.summary.setText(fill(
            self.tr("%1 file(s) for %2 entries; %3 match no entry; %4 could belong to more "
                    "than one entry."), len(plan.placed), len({p.code for p in plan.placed}),
            len(plan.unmatched), len(plan.ambiguous)))
        self.kind = QComboBox(objectName="folderKind")
        self.kind.addItem(self.tr("From each file's name (proposal or evidence)"), None)
        for value, label in kinds.items():
            self.kind.addItem(label, value)
        self.round = QComboBox(objectName="folderRound")
        fill_rounds(self.round, rounds, self.tr("Every round"))
        self.replace = QCheckBox(self.tr("A file an entry already has under the same name "
                                         "&replaces it"), objectName="folderReplace")
        form = QFormLayout()
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Round:"), self.round)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(fill(self.tr("Attach %1 file(s)"), len(plan.placed)))
        ok.setEnabled(bool(plan.placed) and not plan.ambiguous)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.replace)
        layout.addWidget(self.buttons)
        self.resize(720, 480)

    def chosen_plan(self) -> attach_folder.FolderPlan:
        kind = self.kind.currentData()
        return attach_folder.FolderPlan(self.plan.folder, self.plan.placed, self.plan.unmatched,
                                        self.plan.ambiguous,
                                        DocumentKind(kind) if kind else None,
                                        self.round.currentData())


def attach_a_folder(view) -> None:
    """Choose a folder, preview, attach in the background, say what happened."""
    questions = view.documents.questions
    folder = questions.choose_folder(view)
    if folder is None:
        return
    title = QCoreApplication.translate("FolderPreviewDialog", "The folder was not attached")
    try:
        plan = attach_folder.plan_folder(view.ctx.db, view.ctx.competition, folder)
    except ServiceError as exc:
        view.documents._refused(title, exc)
        return
    dialog = FolderPreviewDialog(view, plan, _rounds(view))
    if not questions.run(dialog):
        return
    chosen, replace = dialog.chosen_plan(), dialog.replace.isChecked()
    ws = view.ctx.workspace(view)
    if ws is None:
        return
    competition = view.ctx.competition

    def work(progress):
        return attach_folder.attach_folder(ws, competition, chosen, replace=replace,
                                           progress=progress)

    def done(report) -> None:
        view.documents.reload()
        view.changed.emit()
        lines = [fill(QCoreApplication.translate(
            "FolderPreviewDialog", "Attached %1 file(s) (%2 MB stored); %3 were already "
            "attached."), len(report.planned),
            format_number(size_mb(report.stored_bytes), current_language()),
            len(report.unchanged))]
        lines += [message_text(n) for n in report.notes]
        questions.show_info(view, QCoreApplication.translate("FolderPreviewDialog",
                                                             "Folder attached"), "\n".join(lines))

    view.ctx.runner.run(work, label=QCoreApplication.translate(
        "FolderPreviewDialog", "Checking and attaching the files…"), parent=view, on_done=done,
        on_error=lambda exc, _trace: view.documents._refused(title, exc))


class MissingProposalsDialog(QDialog):
    """Entries without a proposal, in all or for one round."""

    def __init__(self, parent: QWidget | None, db, competition: str,
                 rounds: list[tuple[str, str]]) -> None:
        super().__init__(parent)
        self.setObjectName("missingProposals")
        self.db, self.competition = db, competition
        self.setWindowTitle(self.tr("Entries without a proposal"))
        self.round = QComboBox(objectName="missingRound")
        fill_rounds(self.round, rounds, self.tr("Any round"))
        self.round.currentIndexChanged.connect(self.load)
        self.summary = QLabel(objectName="missingSummary", wordWrap=True)
        self.table = _table([self.tr("Code"), self.tr("Government unit"), self.tr("Title"),
                             self.tr("Other documents")], [], "missingTable")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, self.fontMetrics().averageCharWidth() * 32)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Round:"), self.round)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 520)
        self.load()

    def load(self) -> None:
        report = document_report.missing_proposals(self.db, self.competition,
                                                   self.round.currentData())
        self.report = report
        self.summary.setText(fill(self.tr("%1 of %2 entries have no proposal."),
                                  len(report.missing), report.checked))
        self.table.setRowCount(len(report.missing))
        for r, e in enumerate(report.missing):
            for c, text in enumerate((e.code, e.unit, e.title, str(e.documents))):
                item = QTableWidgetItem(text)
                if c == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)


def show_missing_proposals(view) -> None:
    dialog = MissingProposalsDialog(view, view.ctx.db, view.ctx.competition, _rounds(view))
    view.documents.questions.run(dialog)


def edit_limits(view) -> None:
    dialog = LimitsDialog(view, document_limits(view.ctx.db, view.ctx.competition))
    if not view.documents.questions.run(dialog):
        return
    per_file, total = dialog.answer()
    view.run_write(lambda ws: document_admin.set_document_limits(
        ws, view.ctx.competition, per_file, total),
        QCoreApplication.translate("LimitsDialog", "The limits were not changed"))
