"""The yearly programme's window, driven as a person would: compliance of a year (the units
without an innovation first), a unit's history, the register, matches to confirm,
monitoring, the catalogue and forwarding; opened from the main window's menu; Indonesian
throughout."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from judging_app.services import (
    competitions,
    entries,
    forwarding,
    innovations,
    programme_matches,
    registry,
)
from judging_app.ui.background import Runner
from judging_app.ui.main_window import MainWindow
from judging_app.ui.programme.base import programme_context
from judging_app.ui.programme.dialogs import Field, FormDialog, ProgrammeDialogs
from judging_app.ui.programme.window import ProgrammeWindow

from factories import tiny_setup
from programme_support import city_competition, register, workspace
from test_ui_indonesian_sweep import SAME_IN_BOTH, widget_texts
from test_ui_support import (
    ScriptedDialogs,
    TranslationsForTest,
    english_sources,
    make_settings,
    strip_mnemonic,
)

UNITS = {"KOMINFO": "Dinas Komunikasi dan Informatika", "DINKES": "Dinas Kesehatan",
         "GADING": "Kecamatan Gadingrejo"}


class ScriptedProgrammeDialogs(ProgrammeDialogs):
    def __init__(self) -> None:
        self.forms: list[dict | None] = []
        self.files: list[str | None] = []
        self.asked: list[tuple[str, list[Field]]] = []
        self.informed: list[str] = []

    def ask_form(self, parent, title, fields):
        self.asked.append((title, fields))
        return self.forms.pop(0)

    def save_file(self, parent, title, suggested, filters):
        return self.files.pop(0)

    open_file = choose_folder = lambda self, parent, title, start, *rest: self.files.pop(0)  # noqa: E731

    def inform(self, parent, title, text):
        self.informed.append(text)


@pytest.fixture
def window(qtbot, sqlite_db, tmp_path):
    ws = workspace(sqlite_db)
    register(ws)
    city_competition(ws, 2024, [("A1", "Sistem Antrean Daring", "KOMINFO"),
                                ("A2", "Posyandu Digital", "DINKES")], UNITS,
                     scores={"A1": (5, 5), "A2": (4, 4)}, finalize=True)
    entries_typo = {"GADING": "Kecamatan Gadingrejo", "KES": "Dinas Kesehatn"}
    city_competition(ws, 2025, [("B1", "Layanan Kecamatan Keliling", "GADING"),
                                ("B2", "Posyandu Digital Terpadu", "KES")], entries_typo)
    settings = make_settings(tmp_path)
    settings.actor_name = "Bagian Organisasi"
    dialogs = ScriptedProgrammeDialogs()
    ctx = programme_context(sqlite_db, settings, ScriptedDialogs(), Runner(synchronous=True),
                            lambda: "en", lambda parent: "Bagian Organisasi")
    win = ProgrammeWindow(ctx, dialogs)
    qtbot.addWidget(win)
    win.show()
    return win, dialogs, sqlite_db


def _column(model, column: int) -> list[str]:
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_compliance_puts_units_without_innovation_first_and_opens_a_history(qtbot, window,
                                                                            tmp_path):
    win, dialogs, db = window
    tab = win.show_tab("compliance")
    assert tab.year_box.currentData() == 2025  # the newest year first
    codes = _column(tab.model, 0)
    assert codes[:4] == ["BAPPEDA", "DINKES", "DISKOMINFO", "DISPENDUK"]  # none: first
    assert tab.model.data(tab.model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert "5 government units: 1 with an innovation this year, 4 without" in tab.summary.text()
    assert "not linked to the register: 1" in tab.summary.text()  # the typo'd unit
    tab.year_box.setCurrentIndex(tab.year_box.findData(2024))
    row = _column(tab.model, 0).index("DISKOMINFO")
    assert tab.model.data(tab.model.index(row, 7)) == "Juara I"  # the remarks name awards
    tab.table.doubleClicked.emit(tab.model.index(row, 1))
    history = win.tabs["history"]
    assert win.tabs_widget.currentWidget() is history
    assert history.unit_box.currentData() == "DISKOMINFO"
    year = history.tree.topLevelItem(0)
    assert year.text(0).startswith("2025") and "0 registered" in year.text(0)
    first = history.tree.topLevelItem(1)
    assert first.child(0).text(3) == "Juara I" and first.child(0).text(0).startswith("A1 ")
    dialogs.files.append(str(tmp_path / "kepatuhan"))  # the suffix is added
    tab.pdf_button.click()
    assert (tmp_path / "kepatuhan.pdf").read_bytes().startswith(b"%PDF")


def test_a_match_confirmed_in_its_tab_counts_in_compliance(qtbot, window):
    win, dialogs, db = window
    tab = win.show_tab("matches")
    assert _column(tab.units, 2) == ["Dinas Kesehatan (DINKES)"]
    tab.unit_table.selectRow(0)
    tab.buttons["unit_confirm"].click()
    assert tab.units.rowCount() == 0
    assert _column(tab.entries, 1) == ["B2 Posyandu Digital Terpadu"]  # now proposed
    tab.entry_table.selectRow(0)
    tab.buttons["entry_develops"].click()
    assert tab.entries.rowCount() == 0
    compliance = win.tabs["compliance"]  # reloaded after the write
    row = _column(compliance.model, 0).index("DINKES")
    assert compliance.model.data(compliance.model.index(row, 3)) == "1"


def test_the_register_tab_adds_and_merges_units(qtbot, window):
    win, dialogs, db = window
    tab = win.show_tab("register")
    dialogs.forms.append({"code": "DLH", "name": "Dinas Lingkungan Hidup", "kind": "dinas"})
    tab.buttons["add"].click()
    assert "DLH" in _column(tab.model, 0)
    tab.table.selectRow(_column(tab.model, 0).index("DLH"))
    dialogs.forms.append({"into": "DINKES", "on": date(2025, 1, 1)})
    tab.buttons["merge"].click()
    row = _column(tab.model, 0).index("DLH")
    assert tab.model.data(tab.model.index(row, 4)) == "merged into DINKES on 2025-01-01"
    assert registry.get_registry_unit(db, "DLH").successor_code == "DINKES"
    # a new competition of 2026 gets the register's units of that year
    code = competitions.create_competition(workspace(db), tiny_setup("Lomba 2026", 2026)).code
    dialogs.forms.append({"competition": code})
    tab.buttons["copy"].click()
    assert dialogs.informed[-1] == f"5 units added to {code}, linked to the register."
    assert "DLH" not in {u.code for u in entries.list_units(db, code)}  # merged in 2025


def test_monitoring_and_the_catalogue_from_the_innovations_tab(qtbot, window, tmp_path):
    win, dialogs, db = window
    tab = win.show_tab("innovations")
    qtbot.keyClicks(tab.search, "antrean")
    assert tab.proxy.rowCount() == 1
    tab.table.selectRow(0)
    dialogs.forms.append({"year": 2025, "state": "continued", "replicated": ["BAPPEDA"],
                          "note": "berjalan"})
    tab.buttons["status"].click()
    record = next(i for i in innovations.list_innovations(db) if i.title.startswith("Sistem"))
    assert (record.latest_state, record.latest_state_year) == ("continued", 2025)
    assert "continued (2025)" in _column(tab.model, 5)
    dialogs.forms.append({"year": None, "contacts": False})
    dialogs.files.append(str(tmp_path / "katalog"))
    tab.buttons["catalogue"].click()
    assert (tmp_path / "katalog" / "index.html").is_file()
    assert "published in" in dialogs.informed[-1]


def test_forwarding_the_ticked_winners(qtbot, window):
    win, dialogs, db = window
    ws = workspace(db)
    from judging_app.services import templates

    templates.create_from_template(ws, "national_kipp", year=2025, code="kipp-2025")
    tab = win.show_tab("forward")
    tab.refresh()
    tab.source_box.setCurrentIndex(tab.source_box.findData("kota-2024"))
    tab.target_box.setCurrentIndex(tab.target_box.findData("kipp-2025"))
    assert tab.ticked() == ["A1", "A2"]  # the winners are ticked at first
    tab.entries.item(1).setCheckState(Qt.CheckState.Unchecked)
    tab.category_box.setCurrentIndex(tab.category_box.findData("umum"))
    tab.forward_button.click()
    assert tab.result.text() == "1 entries forwarded from kota-2024 to kipp-2025."
    assert [e.code for e in entries.list_entries(db, "kipp-2025")] == ["A1"]
    assert forwarding.forward_candidates(db, "kipp-2025")[0].code == "A1"


def test_forwarding_into_a_new_competition_made_from_a_template(qtbot, window):
    win, dialogs, db = window
    tab = win.show_tab("forward")
    tab.refresh()
    tab.source_box.setCurrentIndex(tab.source_box.findData("kota-2024"))
    assert not tab.new_code.isEnabled()
    tab.target_box.setCurrentIndex(tab.target_box.findData("template:national_kipp"))
    assert tab.new_code.isEnabled() and tab.new_code.text() == "kipp-2025"
    tab.category_box.setCurrentIndex(tab.category_box.findData("umum"))
    tab.forward_button.click()
    assert tab.result.text() == "2 entries forwarded from kota-2024 to kipp-2025."
    assert [e.code for e in entries.list_entries(db, "kipp-2025")] == ["A1", "A2"]
    assert tab.target_box.currentData() == "kipp-2025"  # the new one, chosen now
    assert competitions.get_summary(db, "kipp-2025").year == 2025
    tab.target_box.setCurrentIndex(tab.target_box.findData("template:national_kipp"))
    assert tab.new_code.text() == "kipp-2025-2"  # a code no competition has yet


def test_the_form_dialog_returns_what_was_typed(qtbot):
    dialog = FormDialog(None, "t", [Field("name", "Name", initial="Dinas"),
                                    Field("on", "On", "date", initial=date(2025, 1, 2)),
                                    Field("units", "Units", "multi", [("A", "a"), ("B", "b")],
                                          ["B"]),
                                    Field("ok", "Ok", "check", initial=True)])
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.widgets["name"], " Kesehatan")
    assert dialog.values() == {"name": "Dinas Kesehatan", "on": date(2025, 1, 2),
                               "units": ["B"], "ok": True}


def test_the_main_window_opens_the_programme_in_indonesian(qtbot, window, tmp_path, qapp):
    _, _, db = window
    translations = TranslationsForTest(qapp)
    translations.apply("id")
    try:
        settings = make_settings(tmp_path)
        settings.actor_name = "Bagian Organisasi"
        main = MainWindow(db, settings, ScriptedDialogs(), translations)
        qtbot.addWidget(main)
        assert main.programme_menu.title() == "&Program"
        programme = main.open_programme()  # deleted when closed
        sources = {strip_mnemonic(s) for s in english_sources()} - SAME_IN_BOTH
        for key in programme.tabs:
            tab = programme.show_tab(key)
            qtbot.waitUntil(tab.isVisible, timeout=3000)
            english = sorted({t for t in widget_texts(tab) if t in sources})
            assert english == [], f"{key} shows English under Indonesian: {english}"
        titles = [programme.tabs_widget.tabText(i) for i in range(programme.tabs_widget.count())]
        assert strip_mnemonic(titles[0]) == "Kepatuhan"
        programme.close()
    finally:
        translations.restore()
    assert programme_matches.pending(db).units  # nothing was changed by looking


def test_a_signed_in_judge_is_told_the_register_is_the_secretariats(qtbot, sqlite_db,
                                                                    tmp_path):
    from security_support import PASSWORD, register_panel

    from judging_app.services import people

    register_panel(sqlite_db)  # protected; juri1 is a judge
    judge = people.sign_in(sqlite_db, "juri1", PASSWORD)
    base, dialogs = ScriptedDialogs(), ScriptedProgrammeDialogs()
    ctx = programme_context(sqlite_db, make_settings(tmp_path), base, Runner(synchronous=True),
                            lambda: "en", lambda parent: judge, signed_in=lambda: judge)
    win = ProgrammeWindow(ctx, dialogs)
    qtbot.addWidget(win)
    win.show()
    tab = win.show_tab("register")
    dialogs.forms.append({"code": "DLH", "name": "Dinas Lingkungan Hidup", "kind": "dinas"})
    tab.buttons["add"].click()
    ((_, title, text, _, details),) = [a for a in base.asked if a[0] == "error"]
    assert title == "Cannot add the unit" and "secretariat" in text
    assert "Traceback" not in details
    assert registry.list_registry_units(sqlite_db) == []
