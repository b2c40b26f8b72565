"""Under Indonesian, no visible text of any workspace view is an English source text: every
view of a demo competition is opened and its widget tree walked (labels, buttons, group
boxes, tabs, table headers, combo items, placeholders, toolbar and menu actions)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QToolBar,
    QWidget,
)

from judging_app.demo.generator import build_demo
from judging_app.services.workspace import Workspace
from judging_app.ui.i18n import LANGUAGE_NAMES
from judging_app.ui.main_window import MainWindow

from test_ui_support import (
    ScriptedDialogs,
    TranslationsForTest,
    english_sources,
    make_settings,
    strip_mnemonic,
)

# Words spelled the same in both languages on purpose.
SAME_IN_BOTH = {"Status", "Server", "Digital", "Total", "Draft", "Median", "Kendall's W", "OK",
                *LANGUAGE_NAMES.values()}


def widget_texts(root: QWidget) -> list[str]:
    texts: list[str] = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root):
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QToolBar):
            texts += [a.text() for a in w.actions()]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # list models keep columnCount private
                columns = 1
            texts += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(columns)]
            rows = min(model.rowCount(QModelIndex()), 5)  # translated codes in the first rows
            texts += [model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole)
                      for r in range(rows) for c in range(columns)]
    return [strip_mnemonic(str(t)) for t in texts if t]


@pytest.fixture
def indonesian(qapp):
    t = TranslationsForTest(qapp)
    t.apply("id")
    yield t
    t.restore()


def test_every_view_speaks_indonesian(qtbot, sqlite_db, tmp_path, indonesian):
    summary = build_demo(Workspace(sqlite_db, "Tim Sekretariat"), entries=30, judges=4,
                         scored=True)
    settings = make_settings(tmp_path)
    settings.actor_name = "Tim Sekretariat"
    window = MainWindow(sqlite_db, settings, ScriptedDialogs(), indonesian)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    workspace = window.open_competition(summary.code)
    sources = {strip_mnemonic(s) for s in english_sources()} - SAME_IN_BOTH
    seen_keys = []
    for key in workspace.keys():  # noqa: SIM118 - a method of the workspace, not a dict
        view = workspace.show_view(key)
        qtbot.waitUntil(lambda v=view: v.isVisible(), timeout=3000)
        qtbot.wait(50)
        english = sorted({t for t in widget_texts(view) if t in sources})
        assert english == [], f"{key} view shows English under Indonesian: {english}"
        seen_keys.append(key)
    assert seen_keys == ["overview", "setup", "entries", "judges", "assignments", "progress", "results",
                         "reports"]
    nav = [workspace.nav.item(i).text() for i in range(workspace.nav.count())]
    assert nav == ["Ikhtisar", "Pengaturan", "Inovasi", "Juri", "Penugasan", "Kemajuan", "Hasil", "Laporan"]


def english_in(root: QWidget) -> list[str]:
    sources = {strip_mnemonic(s) for s in english_sources()} - SAME_IN_BOTH
    return sorted({t for t in widget_texts(root) if t in sources})


def test_the_guided_start_and_the_next_steps_speak_indonesian(qtbot, sqlite_db, tmp_path,
                                                              indonesian):
    """The empty window's guided start, then a new competition: its overview and the views
    that have nothing yet, each saying what to do next."""
    from judging_app.services.templates import create_from_template

    settings = make_settings(tmp_path)
    settings.actor_name = "Tim Sekretariat"
    window = MainWindow(sqlite_db, settings, ScriptedDialogs(), indonesian)
    qtbot.addWidget(window)
    window.resize(1366, 700)
    window.show()
    assert window.competitions.is_empty_state()
    assert english_in(window) == []
    assert window.competitions.empty_page.title.text() == "Selamat datang. Bagaimana Anda ingin memulai?"
    code = create_from_template(Workspace(sqlite_db, "Tim Sekretariat"), "city_competition",
                                name="Kompetisi Inovasi Kota Madiun", year=2026).code
    window.refresh()
    workspace = window.open_competition(code)
    for key in ("overview", "judges", "assignments", "progress", "results"):
        view = workspace.show_view(key)
        qtbot.waitUntil(lambda v=view: v.isVisible(), timeout=3000)
        qtbot.wait(50)
        assert english_in(view) == [], key
    assert workspace.views["judges"].next_step.title.text() == "Belum ada juri"


def test_the_judges_path_speaks_indonesian(qtbot, sqlite_db, tmp_path, indonesian):
    """The judge's list with its filter, a sheet with a refused key explained."""
    from judging_app.ui.judge.database_session import DatabaseJudgeSession
    from judging_app.ui.judge.window import JudgeWindow

    demo = build_demo(Workspace(sqlite_db, "Tim Sekretariat"), entries=12, judges=3,
                      scored=False)
    session = DatabaseJudgeSession(sqlite_db, demo.code, demo.round_code, "J01")
    window = JudgeWindow(session, make_settings(tmp_path), ScriptedDialogs(), indonesian)
    qtbot.addWidget(window)
    window.resize(1366, 700)
    window.show()
    assert english_in(window.home) == []
    assert window.home.filter_buttons["todo"].text().startswith("Belum selesai")
    window.open_entry(window.home.current_code())
    field = window.sheet.rubric.rows[0].score
    field.setFocus()
    qtbot.keyClicks(field, "9")
    assert window.sheet.rubric.refusal.isVisible()
    assert "tidak ada pada skala" in window.sheet.rubric.refusal.text()
    assert english_in(window.sheet) == []
