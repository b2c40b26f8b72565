"""The translation catalogues: complete, compiled, in step with the code, and Qt's own
dialogs and buttons in Indonesian too."""

from __future__ import annotations

import gc
import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTreeView,
)

from judging_app.resources_access import resource
from judging_app.ui.actor import ActorDialog
from judging_app.ui.i18n import CATALOGUES, LANGUAGES

from test_ui_support import ROOT, TRANSLATIONS, TranslationsForTest

spec = importlib.util.spec_from_file_location("update_translations", ROOT / "tools" / "update_translations.py")
update_translations = importlib.util.module_from_spec(spec)
spec.loader.exec_module(update_translations)



def _have_tools() -> bool:
    try:
        update_translations.tool("pyside6-lrelease")
        update_translations.tool("pyside6-lupdate")
    except SystemExit:
        return False
    return True


needs_tools = pytest.mark.skipif(not _have_tools(), reason="pyside6-lrelease/lupdate not installed")

SB = QMessageBox.StandardButton
INDONESIAN_BUTTONS = {
    SB.Save: "Simpan", SB.SaveAll: "Simpan Semua", SB.Open: "Buka", SB.Yes: "&Ya",
    SB.YesToAll: "Ya untuk &Semua", SB.No: "&Tidak", SB.NoToAll: "T&idak untuk Semua",
    SB.Abort: "Batalkan", SB.Retry: "Coba Lagi", SB.Ignore: "Abaikan", SB.Close: "Tutup",
    SB.Cancel: "Batal", SB.Discard: "Buang", SB.Help: "Bantuan", SB.Apply: "Terapkan",
    SB.Reset: "Atur Ulang", SB.RestoreDefaults: "Kembalikan Bawaan",
}


@pytest.fixture
def indonesian(qapp):
    t = TranslationsForTest(qapp)
    t.apply("id")
    yield t
    t.restore()


def ts_files() -> list[Path]:
    return sorted(TRANSLATIONS.glob("*.ts"))


def test_every_catalogue_the_app_loads_is_shipped():
    for language in LANGUAGES:
        for name in CATALOGUES[language]:
            assert (TRANSLATIONS / f"{name}_{language}.ts").is_file()
            data = resource(f"translations/{name}_{language}.qm").read_bytes()
            assert QTranslator().load(data), f"{name}_{language}.qm does not load"


@pytest.mark.parametrize("ts", ts_files(), ids=lambda p: p.name)
def test_catalogue_has_no_unfinished_or_empty_translations(ts):
    assert update_translations.problems_in(ts) == []
    for translation in ET.parse(ts).getroot().iter("translation"):
        assert translation.get("type") is None


def test_contexts_are_class_or_label_names():
    # pyside6-lupdate can misread a context (e.g. "QCoreApplication.self"); such texts
    # would never be found at run time.
    for ts in ts_files():
        for name in ET.parse(ts).getroot().iter("name"):
            assert re.fullmatch(r"[A-Za-z_]\w*", name.text or ""), f"{ts.name}: {name.text}"


@needs_tools
def test_compiled_catalogues_match_their_sources():
    assert update_translations.stale_binaries() == []


@needs_tools
def test_catalogue_has_every_text_of_the_code():
    assert update_translations.out_of_sync_with_sources() == []


def test_translators_survive_garbage_collection(indonesian):
    gc.collect()
    assert QCoreApplication.translate("MainWindow", "&File") == "&Berkas"
    assert indonesian.installed_count() == 2
    indonesian.apply("en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert QCoreApplication.translate("MainWindow", "%Ln competition(s)", "", 2) == "2 competitions"


def test_message_box_standard_buttons_in_indonesian(qtbot, indonesian):
    for button, expected in INDONESIAN_BUTTONS.items():
        box = QMessageBox(QMessageBox.Icon.Question, "t", "x", button)
        qtbot.addWidget(box)
        assert box.button(button).text() == expected


def test_message_box_details_button_in_indonesian(qtbot, indonesian):
    box = QMessageBox(QMessageBox.Icon.Warning, "t", "x", SB.Ok)
    box.setDetailedText("details")
    qtbot.addWidget(box)
    box.show()
    texts = {b.text() for b in box.buttons()}
    assert "Tampilkan Detail..." in texts


def test_dialog_button_box_in_indonesian(qtbot, indonesian):
    dialog = ActorDialog(None, "")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Siapa yang bertugas?"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Batal"
    assert dialog.name_label.text() == "&Nama Anda:"


def test_file_dialog_in_indonesian(qtbot, indonesian, tmp_path):
    dialog = QFileDialog(None, "t", str(tmp_path), "Basis data (*.sqlite)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Lihat di:", "&Nama berkas:", "&Jenis berkas:"} <= labels
    buttons = dialog.findChildren(QAbstractButton)
    assert {"&Buka", "Batal"} <= {b.text() for b in buttons}
    tips = {b.toolTip() for b in buttons}
    assert {"Kembali", "Maju", "Folder Induk", "Buat Folder Baru", "Tampilan Daftar",
            "Tampilan Detail"} <= tips
    model = dialog.findChild(QTreeView, "treeView").model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Nama", "Ukuran", "Jenis", "Tanggal Diubah"]


def test_text_field_context_menu_in_indonesian(qtbot, indonesian):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    assert texts == ["&Urungkan", "&Ulangi", "Po&tong", "&Salin", "T&empel", "Hapus", "Pilih Semua"]
