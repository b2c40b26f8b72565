"""The selected entry's documents and links in the Entries view: add files (or drop them
here), add a link, open (outside the app), edit a document's title, kind and round, remove.
Attaching runs in the background (every file is checked, each PDF opened once in the
renderer process); a refusal lists every problem."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.attachments import DocumentRecord, LinkRecord, size_mb
from judging_app.core.document_names import guess_kind, label_for
from judging_app.services import attachments, competitions, document_admin
from judging_app.services.errors import ServiceError
from judging_app.texts import format_number
from judging_app.ui.documents.document_cache import DocumentCache
from judging_app.ui.i18n import current_language, fill, message_text
from judging_app.ui.views.entries_documents_dialogs import (
    AttachDialog,
    DescribeDialog,
    DocumentsDialogs,
    LinkDialog,
    kind_labels,
)

COL_NAME, COL_KIND, COL_ROUND, COL_SIZE = range(4)


class EntryDocumentsPanel(QWidget):
    def __init__(self, view, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryDocuments")
        self.view = view  # the Entries view: context, writes, refusals
        self.questions = DocumentsDialogs(self)
        self.cache = DocumentCache()
        self.entry: str | None = None
        self.writable = False
        self.rows: list[DocumentRecord | LinkRecord] = []
        self.setAcceptDrops(True)
        self.heading = QLabel(objectName="documentsHeading")
        self.list = QTreeWidget(objectName="documentsList", rootIsDecorated=False,
                                alternatingRowColors=True)
        self.list.setColumnCount(4)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col in (COL_KIND, COL_ROUND, COL_SIZE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(lambda *_: self.open_selected())
        self.add_button = QPushButton(objectName="addDocuments")
        self.add_button.clicked.connect(lambda: self.add_files())
        self.link_button = QPushButton(objectName="addLink")
        self.link_button.clicked.connect(self.add_link)
        self.open_button = QPushButton(objectName="openDocument")
        self.open_button.clicked.connect(self.open_selected)
        self.edit_button = QPushButton(objectName="editDocument")
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = QPushButton(objectName="removeDocument")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.link_button, self.open_button, self.edit_button,
                  self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.list.setHeaderLabels([self.tr("Document or link"), self.tr("Kind"),
                                   self.tr("For round"), self.tr("Size")])
        self.add_button.setText(self.tr("Add &files…"))
        self.add_button.setToolTip(self.tr("Or drop files here"))
        self.link_button.setText(self.tr("Add &link…"))
        self.open_button.setText(self.tr("&Open"))
        self.edit_button.setText(self.tr("Ed&it…"))
        self.remove_button.setText(self.tr("Re&move…"))
        self._fill()

    # -- what is shown --------------------------------------------------------------------
    def set_entry(self, entry: str | None, writable: bool) -> None:
        """Show this entry's documents (read again only when the entry changes)."""
        if (entry, writable) == (self.entry, self.writable):
            return
        self.entry, self.writable = entry, writable
        self.reload()

    def reload(self) -> None:
        self.rows = []
        if self.entry is not None:
            ctx = self.view.ctx
            try:
                self.rows = [*attachments.list_documents(ctx.db, ctx.competition, self.entry),
                             *document_admin.list_links(ctx.db, ctx.competition, self.entry)]
            except ServiceError:
                self.rows = []  # the entry went meanwhile: the view reloads
        self._fill()

    def _round_names(self) -> dict[str, str]:
        setup = competitions.get_setup(self.view.ctx.db, self.view.ctx.competition)
        english = self.view.ctx.language() == "en"
        return {r.code: (r.name_en if english and r.name_en else r.name) for r in setup.rounds}

    def _fill(self) -> None:
        self.list.clear()
        if self.entry is None:
            self.heading.setText(self.tr("Select one entry to see its documents."))
        else:
            documents = sum(isinstance(r, DocumentRecord) for r in self.rows)
            self.heading.setText(fill(self.tr("Documents of %1: %2 · links: %3"), self.entry,
                                      documents, len(self.rows) - documents))
        kinds = kind_labels()
        names = self._round_names() if self.rows else {}
        for row in self.rows:
            if isinstance(row, DocumentRecord):
                texts = [row.label if row.label == Path(row.file_name).stem
                         else f"{row.label} ({row.file_name})", kinds[row.kind.value],
                         names.get(row.round, row.round) if row.round else self.tr("every round"),
                         f"{format_number(size_mb(row.size), current_language())} MB"]
            else:
                texts = [f"{row.label} ({row.location})" if row.label and row.label !=
                         row.location else row.location, self.tr("Link"), "", ""]
            item = QTreeWidgetItem(texts)
            item.setToolTip(COL_NAME, row.file_name if isinstance(row, DocumentRecord)
                            else row.location)
            self.list.addTopLevelItem(item)
        self._update_buttons()

    def selected(self) -> DocumentRecord | LinkRecord | None:
        index = self.list.indexOfTopLevelItem(self.list.currentItem()) \
            if self.list.currentItem() else -1
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        editable = self.writable and self.entry is not None
        self.add_button.setEnabled(editable)
        self.link_button.setEnabled(editable)
        self.open_button.setEnabled(chosen is not None)
        self.edit_button.setEnabled(editable and isinstance(chosen, DocumentRecord))
        self.remove_button.setEnabled(editable and chosen is not None and not (
            isinstance(chosen, LinkRecord) and chosen.id is None))  # typed links: entry form

    # -- changes --------------------------------------------------------------------------
    def _refused(self, title: str, exc: BaseException) -> None:
        text = message_text(exc)
        self.view.ctx.dialogs.show_error(self, title, text.splitlines()[0], "\n".join(
            text.splitlines()[1:]), text)

    def add_files(self, paths: list[Path] | None = None) -> None:
        if self.entry is None or not self.writable:
            return
        paths = paths if paths is not None else self.questions.choose_files(self)
        if not paths:
            return
        rounds = list(self._round_names().items())
        dialog = AttachDialog(self, self.entry, [p.name for p in paths], rounds)
        if not self.questions.run(dialog):
            return
        kind, round_code = dialog.answer()
        items = [attachments.NewDocument(self.entry, p, kind or guess_kind(p.name),
                                         label_for(p.name), p.name, round_code) for p in paths]
        ws = self.view.ctx.workspace(self)
        if ws is None:
            return
        competition = self.view.ctx.competition

        def work(progress):
            return attachments.attach_documents(ws, competition, items, progress=progress)

        def done(report) -> None:
            self.reload()
            self.view.changed.emit()
            notes = [message_text(n) for n in report.notes]
            if notes:
                self.questions.show_info(self, self.tr("Attached"), "\n".join(notes))

        self.view.ctx.runner.run(work, label=self.tr("Checking and attaching the files…"),
                                 parent=self, on_done=done,
                                 on_error=lambda exc, _trace: self._refused(
                                     self.tr("The files were not attached"), exc))

    def add_link(self) -> None:
        if self.entry is None or not self.writable:
            return
        dialog = LinkDialog(self, self.entry)
        if not self.questions.run(dialog):
            return
        label, location = dialog.answer()
        entry, competition = self.entry, self.view.ctx.competition
        if self.view.run_write(lambda ws: document_admin.add_link(ws, competition, entry, label,
                                                                  location),
                               self.tr("The link was not added")) is not None:
            self.reload()

    def open_selected(self) -> None:
        chosen = self.selected()
        if isinstance(chosen, LinkRecord):
            self.questions.open_url(self, chosen.location)
        elif isinstance(chosen, DocumentRecord):
            db = self.view.ctx.db
            try:
                path = self.cache.file(chosen.sha256, chosen.file_name,
                                       lambda target: attachments.save_document(
                                           db, chosen.sha256, target))
            except ServiceError as exc:
                self._refused(self.tr("Cannot open the document"), exc)
                return
            self.questions.open_file(self, path)

    def edit_selected(self) -> None:
        chosen = self.selected()
        if not isinstance(chosen, DocumentRecord) or not self.writable:
            return
        dialog = DescribeDialog(self, chosen.file_name, chosen.label, chosen.kind.value,
                                chosen.round, list(self._round_names().items()))
        if not self.questions.run(dialog):
            return
        label, kind, round_code = dialog.answer()
        competition = self.view.ctx.competition
        self.view.run_write(lambda ws: document_admin.describe_document(
            ws, competition, chosen.entry, chosen.file_name, label=label, kind=kind,
            round_code=round_code), self.tr("The document was not changed"))
        self.reload()

    def remove_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or not self.writable or self.entry is None:
            return
        name = chosen.file_name if isinstance(chosen, DocumentRecord) else chosen.location
        if not self.questions.confirm(self, self.tr("Remove"), fill(
                self.tr("Remove %1 from %2? The audit trail keeps a record of it."), name,
                self.entry)):
            return
        competition, entry = self.view.ctx.competition, self.entry
        if isinstance(chosen, DocumentRecord):
            self.view.run_write(lambda ws: document_admin.remove_document(
                ws, competition, entry, chosen.file_name), self.tr("The document was not removed"))
        else:
            self.view.run_write(lambda ws: document_admin.remove_link(
                ws, competition, entry, chosen.id), self.tr("The link was not removed"))
        self.reload()

    # -- dropping files -------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.writable and self.entry and event.mimeData().hasUrls() and all(
                u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        files = [p for p in paths if p.is_file()]
        if files:
            event.acceptProposedAction()
            self.add_files(files)
