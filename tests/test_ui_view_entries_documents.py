"""Documents in the Entries view, as the secretariat uses them: add files (by the button or
by dropping them), open, edit, remove, links, a whole folder with its preview, the entries
without a proposal, the limits; a refusal lists its problems."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from test_ui_view_entries import click_row, open_view

from judging_app.core.attachments import MB, DocumentKind
from judging_app.services import attachments, document_admin
from judging_app.ui.views.entries_documents_dialogs import DocumentsDialogs

import sample_pdfs
from factories import seeded_competition


class ScriptedDocuments(DocumentsDialogs):
    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple] = []
        self.files: list[list[Path]] = []
        self.folders: list[Path | None] = []
        self.scripts: list = []  # callables(dialog) -> bool (accepted)
        self.confirmations: list[bool] = []

    def run(self, dialog) -> bool:
        self.asked.append(("dialog", dialog.objectName()))
        return self.scripts.pop(0)(dialog) if self.scripts else False

    def choose_files(self, parent):
        return self.files.pop(0)

    def choose_folder(self, parent):
        return self.folders.pop(0)

    def confirm(self, parent, title, text) -> bool:
        self.asked.append(("confirm", text))
        return self.confirmations.pop(0)

    def show_info(self, parent, title, text) -> None:
        self.asked.append(("info", title, text))

    def open_file(self, parent, path) -> None:
        self.asked.append(("open_file", path))

    def open_url(self, parent, location) -> None:
        self.asked.append(("open_url", location))


@pytest.fixture
def seeded(sqlite_db):
    return seeded_competition(sqlite_db, n_entries=5, judging=False)


@pytest.fixture
def view(qtbot, sqlite_db, seeded, tmp_path):
    v = open_view(qtbot, sqlite_db, seeded.code, tmp_path)
    v.documents.questions = ScriptedDocuments()
    return v


def _pdf(tmp_path, name, pages=2):
    return sample_pdfs.write(tmp_path / "in" / name, sample_pdfs.proposal_pdf(
        pages, photo_every=0, title=name))


def _accept_with(**choices):
    def script(dialog) -> bool:
        for name, value in choices.items():
            combo = getattr(dialog, name)
            combo.setCurrentIndex(combo.findData(value))
        return True
    return script


def _rows(view) -> list[list[str]]:
    tree = view.documents.list
    return [[tree.topLevelItem(r).text(c) for c in range(4)] for r in range(tree.topLevelItemCount())]


def test_add_open_edit_and_remove_a_document(qtbot, view, sqlite_db, seeded, tmp_path):
    panel, ask = view.documents, view.documents.questions
    assert not panel.add_button.isEnabled()
    click_row(qtbot, view, 0)
    assert panel.heading.text() == "Documents of E1: 0 · links: 0"
    proposal = _pdf(tmp_path, "E1 proposal.pdf")
    ask.files.append([proposal])
    ask.scripts.append(_accept_with(kind=DocumentKind.PROPOSAL.value, round="prop"))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    (doc,) = attachments.list_documents(sqlite_db, seeded.code, "E1")
    assert (doc.kind, doc.round, doc.label) == (DocumentKind.PROPOSAL, "prop", "E1 proposal")
    assert [row[:3] for row in _rows(view)] == [["E1 proposal", "Proposal", "Penilaian proposal"]]
    assert _rows(view)[0][3].endswith(" MB")
    panel.list.setCurrentItem(panel.list.topLevelItem(0))
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    (_, path), = [a for a in ask.asked if a[0] == "open_file"]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == doc.sha256
    ask.scripts.append(lambda d: (d.label.setText("Proposal lengkap"), True)[1])
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    assert attachments.list_documents(sqlite_db, seeded.code, "E1")[0].label == "Proposal lengkap"
    panel.list.setCurrentItem(panel.list.topLevelItem(0))
    ask.confirmations.append(True)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert attachments.list_documents(sqlite_db, seeded.code, "E1") == []
    assert panel.list.topLevelItemCount() == 0


def test_dropped_files_are_attached_and_a_bad_one_refuses_them_all(qtbot, view, sqlite_db,
                                                                   seeded, tmp_path):
    panel, ask = view.documents, view.documents.questions
    click_row(qtbot, view, 1)
    good = _pdf(tmp_path, "bukti.pdf")
    empty = tmp_path / "in" / "kosong.pdf"
    empty.write_bytes(b"")

    def drop(paths):
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
        event = QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, data,
                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        panel.dropEvent(event)

    ask.scripts.append(lambda d: True)
    drop([good, empty])
    (error,) = [a for a in view.ctx.dialogs.asked if a[0] == "error"]
    assert error[1] == "The files were not attached" and "kosong.pdf: the file is empty" in error[4]
    assert attachments.list_documents(sqlite_db, seeded.code, "E2") == []
    ask.scripts.append(lambda d: True)
    drop([good])
    assert [d.file_name for d in attachments.list_documents(sqlite_db, seeded.code, "E2")] == [
        "bukti.pdf"]
    assert _rows(view)[0][1] == "Evidence"  # guessed from the name


def test_links(qtbot, view, sqlite_db, seeded):
    panel, ask = view.documents, view.documents.questions
    click_row(qtbot, view, 2)
    ask.scripts.append(lambda d: (d.label.setText("Video"), d.location.setText(
        "https://youtu.be/x"), True)[2])
    qtbot.mouseClick(panel.link_button, Qt.MouseButton.LeftButton)
    assert _rows(view) == [["Video (https://youtu.be/x)", "Link", "", ""]]
    panel.list.setCurrentItem(panel.list.topLevelItem(0))
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert ("open_url", "https://youtu.be/x") in ask.asked
    ask.confirmations.append(True)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert document_admin.list_links(sqlite_db, seeded.code, "E3") == []


def test_a_folder_previewed_then_attached_and_the_missing_report(qtbot, view, sqlite_db, seeded,
                                                                 tmp_path):
    ask = view.documents.questions
    folder = tmp_path / "kiriman"
    for name in ("E1 proposal.pdf", "E2/Usulan inovasi.pdf", "E3 bukti.pdf", "lain-lain.pdf"):
        _pdf(folder, name, pages=1 + len(name) % 3)
    ask.folders.append(folder / "in")
    seen = {}

    def preview(dialog) -> bool:
        seen["summary"] = dialog.summary.text()
        seen["rows"] = [[dialog.table.item(r, c).text() for c in range(2)]
                        for r in range(dialog.table.rowCount())]
        return True

    ask.scripts.append(preview)
    view.attach_folder_action.trigger()
    assert seen["summary"] == ("3 file(s) for 3 entries; 1 match no entry; 0 could belong to "
                               "more than one entry.")
    assert seen["rows"] == [["E1 proposal.pdf", "E1"], ["E2/Usulan inovasi.pdf", "E2"],
                            ["E3 bukti.pdf", "E3"], ["lain-lain.pdf", "no entry"]]
    (info,) = [a for a in ask.asked if a[0] == "info"]
    assert info[2].startswith("Attached 3 file(s) (")
    assert len(attachments.list_documents(sqlite_db, seeded.code)) == 3

    def report(dialog) -> bool:
        seen["missing"] = dialog.summary.text()
        seen["codes"] = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        return False

    ask.scripts.append(report)
    view.missing_action.trigger()
    assert seen["missing"] == "3 of 5 entries have no proposal."
    assert seen["codes"] == ["E3", "E4", "E5"]


def test_limits_are_set_in_megabytes(qtbot, view, sqlite_db, seeded):
    ask = view.documents.questions

    def limits(dialog) -> bool:
        dialog.per_file.setValue(20)
        dialog.total.setValue(800)
        return True

    ask.scripts.append(limits)
    view.limits_action.trigger()
    got = attachments.document_limits(sqlite_db, seeded.code)
    assert (got.max_file_bytes, got.max_total_bytes) == (20 * MB, 800 * MB)
