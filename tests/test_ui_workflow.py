"""The secretariat's whole workflow, end to end, through the widgets of the main window:
a new competition from the city template (Ctrl+N), opened from the competitions table;
government units, two entries typed into the entry form and four imported from the
import template filled in as in Excel; screening (Ctrl+A, Mark eligible, one
disqualified with a reason); registration, then judging; three judges typed into the judge
form (one works in a unit: automatic conflicts) and one declared conflict; automatic
assignment previewed, then applied; the judges' scores arrive through the use cases, made
so that two entries tie exactly on the boundary between Juara I and Juara II; the Results
view shows the blocking tie, the chair's decision is entered, the results are finalized
and the digest is read off the screen. Then the database is checked: status, snapshot and
digest, the decisions with their reasons, the audit chain, and everything typed.

Every question is answered by a stand-in (tests/workflow_support.py) that fills in the real
dialog without blocking. Runs with the window's runner synchronous, and on worker threads
as in the app."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from judging_app.services import (
    assignments,
    audit,
    competitions,
    conflicts,
    entries,
    judges,
    progress,
    sheets,
)
from judging_app.services.dashboard import NextAction
from judging_app.services.sheets import SheetInput
from judging_app.services.workspace import Workspace
from judging_app.store.models import AuditEvent, Decision, ResultSnapshot
from judging_app.ui import competition_table as competitions_table
from judging_app.ui.main_window import MainWindow
from judging_app.ui.views import entries_model
from judging_app.ui.views.judges_models import ConflictTableModel, JudgeTableModel
from judging_app.ui.views.results_models import BLOCKING_COLOUR, RankingModel

from test_ui_support import make_settings
from workflow_support import (
    CTRL,
    AtTheDesk,
    EntriesDesk,
    ImportDesk,
    JudgesDesk,
    ResultsDesk,
    SetupDesk,
    accepted,
    choose,
    click,
    click_cell,
    click_row_of,
    click_tool,
    go_to,
    press_ok,
    retype,
    tick,
)

SECRETARY = "Sri Handayani (Sekretariat)"
NAME, YEAR, CODE = "KIPP Kota Contoh", 2026, "kipp-kota-contoh-2026"
CITY_TEMPLATE = "… City Public Service Innovation Competition"  # its English name
AGENCIES = "Regional agencies (departments and boards)"
DISTRICTS = "Districts and urban villages"
TECHNICAL = "Technical units, community health centres and schools"
CATEGORY_CODES = {AGENCIES: "perangkat_daerah", DISTRICTS: "kecamatan_kelurahan",
                  TECHNICAL: "upt"}

UNITS = [  # code, name, kind — typed into the Units dialog
    ("DINKES", "Dinas Kesehatan", "dinas"),
    ("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", "dinas"),
    ("KEC-BARAT", "Kecamatan Kota Barat", "kecamatan"),
]
NEW_UNIT = "Puskesmas Sukamaju"  # only in the spreadsheet: created by the import

TYPED = [  # typed into the entry form: code, title, unit, category, innovators, contact, type, summary, links
    ("INV-01", "Antrean Puskesmas Daring", "Dinas Kesehatan", AGENCIES, "dr. Siti Rahma; Budi Hartono",
     "0812-3456-7890", "Digital", "Pasien mengambil nomor antrean dari rumah.",
     "https://dinkes.contoh.go.id/antrean"),
    ("INV-02", "Akta Kelahiran Sekali Datang", "Dinas Kependudukan dan Pencatatan Sipil", AGENCIES,
     "Rudi Santoso", "disdukcapil@contoh.go.id", "Non-digital",
     "Akta, KK dan KIA selesai dalam satu kunjungan.", ""),
]
IMPORTED = [  # filled into the import template: code, title, unit, category, innovators, stage, type, start
    ("INV-03", "Posyandu Keliling Digital", NEW_UNIT, TECHNICAL, "Ani Lestari", "trial", "digital",
     datetime(2024, 8, 17)),
    ("INV-04", "Kelurahan Tanggap Sampah", "Kecamatan Kota Barat", DISTRICTS, "Joko Susilo",
     "implementation", "non-digital", None),
    ("INV-05", "Rekam Medis Terpadu", "Dinas Kesehatan", AGENCIES, "", "implementation", "digital", None),
    ("INV-06", "Lomba Kebersihan Kantor", "Dinas Kependudukan dan Pencatatan Sipil", AGENCIES, "",
     "implementation", "non-digital", None),
]
DISQUALIFIED, WHY_DISQUALIFIED = "INV-06", "Bukan inovasi: kegiatan rutin tahunan."

JUDGES = [  # code (suggested by the form), name, affiliation, unit shown in the form, e-mail, role
    ("J01", "Dr. Rina Marlina", "Universitas Contoh", "", "rina@contoh.ac.id", "Chair"),
    ("J02", "Ir. Bambang Wijaya", "Dinas Kesehatan Kota", "Dinas Kesehatan (DINKES)", "", "Judge"),
    ("J03", "Prof. Sri Wahyuni", "Politeknik Negeri Contoh", "", "sri@contoh.ac.id", "Judge"),
]
DECLARED = ("J03", "INV-04", "Professional", "Pembina program kelurahan ini.")

# Proposal round: total = Σ weight × score / 5. INV-01 and INV-02 get the same sheet from
# every judge: the same total (81), the same mean on every criterion and no judge's
# strictly highest total among them, so criteria_by_weight, later_round and first_places
# cannot separate them; only the chair can (the template's chain ends with chair_decision).
TIED = {"kebaruan": 4, "efektif": 5, "bermanfaat": 4, "mudah_direplikasi": 3, "berkelanjutan": 4}
SCORES = {"INV-01": TIED, "INV-02": TIED, "INV-03": dict.fromkeys(TIED, 4),
          "INV-04": {"kebaruan": 5, "efektif": 3, "bermanfaat": 4, "mudah_direplikasi": 4,
                     "berkelanjutan": 3},
          "INV-05": dict.fromkeys(TIED, 3)}
CHAIR_ORDER = ["INV-02", "INV-01"]
CHAIR_REASON = "Akta sekali datang berdampak lebih luas; diputuskan dalam sidang pleno."


@pytest.fixture(params=["synchronous", "worker threads"])
def window(request, qtbot, sqlite_db, tmp_path, translations):
    settings = make_settings(tmp_path)
    settings.actor_name = SECRETARY
    desk = AtTheDesk(qtbot)
    w = MainWindow(sqlite_db, settings, desk, translations)
    qtbot.addWidget(w)
    w.runner.synchronous = request.param == "synchronous"
    w.resize(1280, 820)
    w.show()
    qtbot.waitExposed(w)
    return w


def settle(qtbot, window: MainWindow, until=lambda: True) -> None:
    """Wait for the background work (none with the synchronous runner) and a condition; an
    error message shown meanwhile fails the test at once, with its text."""

    def errors() -> list[tuple]:
        return [a for a in window.dialogs.asked if a[0] == "error"]

    qtbot.waitUntil(lambda: bool(errors()) or (not window.runner.busy() and until()),
                    timeout=10000)
    assert errors() == []


def test_the_secretariat_runs_a_competition_from_template_to_final_results(
        qtbot, window, sqlite_db, tmp_path):
    code = create_and_open(qtbot, window)
    register_entries(qtbot, window, tmp_path)
    screen_entries(qtbot, window)
    move_to_judging(qtbot, window)
    build_the_panel(qtbot, window)
    assign_automatically(qtbot, window)
    judges_score(qtbot, window, code)
    digest = decide_the_tie_and_finalize(qtbot, window)
    check_the_database(sqlite_db, code, digest)
    entries_view = go_to(qtbot, window, "entries")
    settle(qtbot, window, lambda: entries_view.model.total_count() == 6)
    assert not entries_view.add_action.isEnabled() and not entries_view.import_action.isEnabled()


# -- the steps ---------------------------------------------------------------------------------

def create_and_open(qtbot, window: MainWindow) -> str:
    assert window.competitions.is_empty_state()
    seen = {}

    def new_competition(dialog) -> None:
        choose(dialog.template_box, CITY_TEMPLATE)
        seen["template"] = dialog.template_box.currentData()
        seen["description"] = dialog.description.text()
        retype(qtbot, dialog.name_edit, NAME)
        retype(qtbot, dialog.year_box, str(YEAR))
        press_ok(qtbot, dialog.buttons)

    window.dialogs.new_competition_scripts.append(new_competition)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert window.dialogs.kinds() == ["new_competition"]
    assert seen["template"] == "city_competition" and "chair's decision" in seen["description"]
    # the new competition opens on its overview, whose next step leads to the setup
    workspace = window.workspace
    assert workspace is not None and workspace.current_key() == "overview"
    window.back_action.trigger()  # back to all the competitions
    table = window.competitions.table
    assert not window.competitions.is_empty_state() and table.model().rowCount() == 1
    t = competitions_table
    assert [table.model().index(0, c).data() for c in (t.COL_NAME, t.COL_YEAR, t.COL_STATUS)] == [
        NAME, str(YEAR), "Draft"]
    assert window.count_label.text() == "1 competition"

    click_cell(qtbot, table, 0, t.COL_NAME)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    workspace = window.workspace
    assert workspace is not None and window.pages.currentWidget() is workspace
    assert window.competition_label.text() == f"{NAME} — Draft"
    overview = workspace.views["overview"]  # the landing page, read on a worker
    settle(qtbot, window, lambda: not overview.page.is_loading())
    qtbot.mouseClick(overview.action_buttons[NextAction.CHECK_SETUP], Qt.MouseButton.LeftButton)
    setup = workspace.views["setup"]
    assert workspace.current_key() == "setup"
    settle(qtbot, window, lambda: not setup.page.is_loading())  # read on a worker
    assert setup.title_label.text() == f"{NAME} — status: Draft"
    assert window.dialogs.kinds() == ["new_competition"]  # nothing else was asked
    assert workspace.ctx.competition == CODE
    return CODE


def register_entries(qtbot, window: MainWindow, tmp_path: Path) -> None:
    view = go_to(qtbot, window, "entries")
    view.questions, view.import_questions = EntriesDesk(qtbot), ImportDesk(qtbot)
    settle(qtbot, window, lambda: view._loaded_once)
    assert view.stack.currentWidget() is view.empty_page

    # the units first (the form offers only registered units)
    def add_units(dialog) -> None:
        for unit_code, name, kind in UNITS:
            click(qtbot, dialog.new_button)
            qtbot.keyClicks(dialog.code, unit_code)
            qtbot.keyClicks(dialog.name, name)
            qtbot.keyClicks(dialog.kind, kind)
            click(qtbot, dialog.add_button)
            assert dialog.message.text() == "Saved."
        assert dialog.table.rowCount() == 3
        click(qtbot, dialog.close_box.button(QDialogButtonBox.StandardButton.Close))

    view.questions.expect("unitsDialog", add_units)
    click_tool(qtbot, view.toolbar, view.units_action)
    settle(qtbot, window, lambda: [u.name for u in view.units] == sorted(u[1] for u in UNITS))

    # two entries typed into the form: the first from the empty page's button
    for entry in TYPED:
        view.questions.expect("entryForm", type_entry(qtbot, entry))
    click(qtbot, view.empty_add)
    click_tool(qtbot, view.toolbar, view.add_action)
    assert [a[1:] for a in view.questions.asked] == [
        ("unitsDialog", "Government units"), ("entryForm", "New entry"), ("entryForm", "New entry")]
    assert view.model.codes() == {"INV-01", "INV-02"} and view.selected_codes() == ["INV-02"]

    # the rest from a spreadsheet: save the template, fill it in, import it
    target = tmp_path / "pendaftaran" / "template"
    target.parent.mkdir()
    view.import_questions.template_paths.append(str(target))
    click_tool(qtbot, view.toolbar, view.template_action)
    settle(qtbot, window, lambda: bool(view.import_questions.messages))
    assert view.import_questions.messages[-1][0] == "Import template saved"
    filled = fill_template(target.with_suffix(".xlsx"))
    seen = {}

    def preview(dialog) -> None:
        seen["count"] = dialog.count_label.text()
        seen["new units"] = [dialog.units_table.item(r, 0).text()
                             for r in range(dialog.units_table.rowCount())]
        seen["blocked"] = not dialog.import_button.isEnabled()
        tick(qtbot, dialog.create_units)
        click(qtbot, dialog.import_button)

    view.import_questions.files.append(str(filled))
    view.import_questions.previews.append(preview)
    click_tool(qtbot, view.toolbar, view.import_action)
    settle(qtbot, window, lambda: len(view.import_questions.messages) == 2
           and view.model.total_count() == 6)
    assert "<b>4</b>" in seen["count"]  # entries to import, and how many per category
    assert all(f"{name}: {n}" in seen["count"] for name, n in ((AGENCIES, 2), (DISTRICTS, 1),
                                                               (TECHNICAL, 1)))
    assert seen["new units"] == [NEW_UNIT]
    assert seen["blocked"]  # until the new unit is confirmed
    title, text = view.import_questions.messages[-1]
    assert title == "Entries imported"
    assert "template.xlsx" in text and "4" in text and NEW_UNIT in text  # how many, from where
    assert sorted(view.model.codes()) == [f"INV-0{i}" for i in range(1, 7)]
    assert window.dialogs.kinds() == ["new_competition"]  # no error anywhere


def type_entry(qtbot, entry):
    code, title, unit, category, innovators, contact, kind, summary, links = entry

    def fill_in(dialog) -> None:
        qtbot.keyClicks(dialog.code, code)
        qtbot.keyClicks(dialog.title, title)
        assert "Choose a unit" in dialog.problems.text()
        choose(dialog.unit, unit)
        choose(dialog.category, category)
        qtbot.keyClicks(dialog.innovators, innovators)
        qtbot.keyClicks(dialog.contact, contact)
        assert dialog.stage.currentText() == "Implementation"
        choose(dialog.kind, kind)
        qtbot.keyClicks(dialog.summary, summary)
        qtbot.keyClicks(dialog.links, links)
        assert dialog.problems.text() == ""
        press_ok(qtbot, dialog.buttons, QDialogButtonBox.StandardButton.Save)
        assert accepted(dialog)

    return fill_in


def fill_template(path: Path) -> Path:
    """The saved template filled in from row 2, as a person would in Excel."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    columns = {cell.value: cell.column for cell in sheet[1]}
    for row, (code, title, unit, category, innovators, stage, kind, started) in enumerate(
            IMPORTED, start=2):
        for header, value in (("Code *", code), ("Title *", title), ("Government unit *", unit),
                              ("Category *", category), ("Innovators", innovators),
                              ("Stage", stage), ("Type", kind), ("Start date", started)):
            if value:
                sheet.cell(row=row, column=columns[header], value=value)
    book.save(path)
    return path


def screen_entries(qtbot, window: MainWindow) -> None:
    view = go_to(qtbot, window, "entries")
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_A, CTRL)
    assert view.selection_label.text() == "6 selected"
    click_tool(qtbot, view.toolbar, view.eligible_action)
    settle(qtbot, window, lambda: shown_statuses(view) == {"Eligible"})

    def reason(dialog) -> None:
        assert dialog.prompt.text() == f"Why is {DISQUALIFIED} disqualified?"
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        qtbot.keyClicks(dialog.text, WHY_DISQUALIFIED)
        press_ok(qtbot, dialog.buttons)

    view.questions.expect("reasonDialog", reason)
    click_row_of(qtbot, view.table, DISQUALIFIED, entries_model.COL_CODE)
    assert view.selected_codes() == [DISQUALIFIED]
    click_tool(qtbot, view.toolbar, view.disqualify_action)
    settle(qtbot, window)
    assert shown_statuses(view, by_code=True) == {
        **{f"INV-0{i}": "Eligible" for i in range(1, 6)}, DISQUALIFIED: "Disqualified"}
    assert WHY_DISQUALIFIED in view.details.toPlainText()


def shown_statuses(view, by_code: bool = False):
    """The Status column as shown (a set, or by entry code)."""
    m, code, status = view.model, entries_model.COL_CODE, entries_model.COL_STATUS
    shown = {m.index(r, code).data(): m.index(r, status).data() for r in range(m.rowCount())}
    return shown if by_code else set(shown.values())


def move_to_judging(qtbot, window: MainWindow) -> None:
    setup = go_to(qtbot, window, "setup")
    setup.dialogs = SetupDesk()
    assert setup.forward_button.text() == "Open registration →"
    click(qtbot, setup.forward_button)
    settle(qtbot, window, lambda: not setup.page.is_loading())  # the setup is read again
    assert setup.title_label.text() == f"{NAME} — status: Registration"
    assert setup.forward_button.text() == "Start judging →"
    click(qtbot, setup.forward_button)
    settle(qtbot, window, lambda: not setup.page.is_loading())
    assert setup.title_label.text() == f"{NAME} — status: Judging"
    assert not setup.forward_button.isVisible()
    assert [a[1] for a in setup.dialogs.asked] == ["Change the status"] * 2
    assert "Judges can then score" in setup.dialogs.asked[-1][2]
    assert window.competition_label.text() == f"{NAME} — Judging"


def build_the_panel(qtbot, window: MainWindow) -> None:
    view = go_to(qtbot, window, "judges")
    view.dialogs = JudgesDesk(qtbot)
    for judge in JUDGES:
        view.dialogs.forms.append(type_judge(qtbot, judge))
        click(qtbot, view.add_button)
        assert view.selected_judge().code == judge[0]
    assert [a[1:] for a in view.dialogs.asked] == [("Add judge", j[0]) for j in JUDGES]
    assert view.summary.text() == "Judges: 3 · active: 3 · chairs: 1"
    m, c = JudgeTableModel, ConflictTableModel

    def column(model, col):
        return [model.index(r, col).data() for r in range(model.rowCount())]

    assert column(view.model, m.COL_CONFLICTS) == ["0", "2", "0"]
    click_row_of(qtbot, view.table, "J02", m.COL_CODE)
    assert column(view.conflicts_model, c.COL_ENTRY) == ["INV-01", "INV-05"]  # same unit
    assert column(view.conflicts_model, c.COL_KIND) == ["Automatic", "Automatic"]

    judge, entry, reason, explanation = DECLARED

    def declare(dialog) -> None:
        qtbot.keyClicks(dialog.search, entry)
        assert dialog.filtered.rowCount() == 1
        rect = dialog.entries.visualRect(dialog.filtered.index(0, 0))
        qtbot.mouseClick(dialog.entries.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        choose(dialog.reason, reason)
        qtbot.keyClicks(dialog.text, explanation)
        press_ok(qtbot, dialog.buttons)

    view.dialogs.declarations.append(declare)
    click_row_of(qtbot, view.table, judge, m.COL_CODE)
    click(qtbot, view.declare_button)
    assert view.dialogs.asked[-1][:2] == ("declare", f"{judge} Prof. Sri Wahyuni")
    assert column(view.conflicts_model, c.COL_ENTRY) == [entry]
    assert column(view.conflicts_model, c.COL_KIND) == ["Declared"]
    assert column(view.model, m.COL_CONFLICTS) == ["0", "2", "1"]


def type_judge(qtbot, judge):
    code, name, affiliation, unit, email, role = judge

    def fill_in(dialog) -> None:
        assert dialog.code.text() == code  # the suggested code is kept
        qtbot.keyClicks(dialog.name, name)
        qtbot.keyClicks(dialog.affiliation, affiliation)
        if unit:
            choose(dialog.unit, unit)
        qtbot.keyClicks(dialog.email, email)
        choose(dialog.role, role)
        assert dialog.problem.text() == ""
        press_ok(qtbot, dialog.buttons)

    return fill_in


def assign_automatically(qtbot, window: MainWindow) -> None:
    view = go_to(qtbot, window, "assignments")
    settle(qtbot, window, lambda: view.data is not None)
    assert view.round_combo.currentText() == "Proposal evaluation"
    assert view.summary.text() == (
        "Entries in this round: 5 · assignments: 0 · with too few judges (under 3): 5")
    view.k_spin.setFocus()
    qtbot.keyClick(view.k_spin, Qt.Key.Key_Down)
    assert view.k_spin.value() == 2
    click(qtbot, view.preview_button)
    settle(qtbot, window, lambda: view.preview is not None)
    assert view.preview_text.text().splitlines()[0] == (
        "Preview, not written yet. New assignments: 10.")
    assert "⚠" not in view.preview_text.text()  # every entry can get 2 judges
    assert assignments.list_assignments(view.ctx.db, view.ctx.competition, "proposal") == []
    with qtbot.waitSignal(view.changed, timeout=10000):
        click(qtbot, view.apply_button)
    settle(qtbot, window, lambda: view.message.text() != "" and view.preview is None)
    assert view.message.text() == "Assignments added: 10."
    assert view.summary.text() == (
        "Entries in this round: 5 · assignments: 10 · with too few judges (under 2): 0")


def judges_score(qtbot, window: MainWindow, code: str) -> None:
    """The judges' sheets arrive through the use cases (the judges' own app)."""
    db = window.db
    pairs = assignments.list_assignments(db, code, "proposal")
    assert {e for _j, e in pairs} == set(SCORES) and len(pairs) == 10
    assert ("J02", "INV-01") not in pairs and ("J03", "INV-04") not in pairs  # the conflicts
    for judge, entry in pairs:
        ws = Workspace(db, f"juri {judge}")
        values = SheetInput({k: D(v) for k, v in SCORES[entry].items()})
        sheets.save_sheet(ws, code, "proposal", judge, entry, values)
        sheets.submit_sheet(ws, code, "proposal", judge, entry)
    view = go_to(qtbot, window, "progress")
    settle(qtbot, window, lambda: view.data is not None and view.data.submitted == 10)
    assert view.summary.text() == (
        "Sheets submitted: 10 of 10 (100%); in draft: 0; not started: 0. "
        "Entries blocking results: 0.")


def decide_the_tie_and_finalize(qtbot, window: MainWindow) -> str:
    view = go_to(qtbot, window, "results")
    view.dialogs = desk = ResultsDesk(qtbot)
    settle(qtbot, window, lambda: view.computed is not None)
    assert view.tabs.currentWidget() is view.winners  # who won comes first
    shown = view.winners.texts()
    assert shown.index("First place / Second place") < shown.index("Third place")  # the tie on top
    assert any(t.startswith("Tie: INV-0") for t in shown)
    view.tabs.setCurrentIndex(1)  # the detailed ranking
    assert view.category.currentText() == AGENCIES

    def ranking(column):
        return [view.model.index(r, column).data() for r in range(view.model.rowCount())]

    assert ranking(RankingModel.CODE)[2] == "INV-05"
    assert sorted(ranking(RankingModel.CODE)[:2]) == ["INV-01", "INV-02"]
    assert ranking(RankingModel.RANK) == ["1", "1", "3"]
    assert ranking(RankingModel.SCORE) == ["81.00", "81.00", "60.00"]
    assert ranking(RankingModel.AWARD) == ["", "", "Third place"]  # no award until decided
    assert view.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) == BLOCKING_COLOUR
    panel = view.ties_panel
    assert panel.isVisibleTo(view) and panel.title() == "Blocking ties: 1"
    assert panel.model.index(0, 3).data() == "First place / Second place"
    assert not view.finalize_button.isEnabled()
    assert "waiting for the chair's decision: 1" in view.finalize_hint.text()

    def decide(dialog) -> None:
        items = dialog.list
        assert [items.item(i).data(Qt.ItemDataRole.UserRole) for i in range(2)] == ["INV-01", "INV-02"]
        rect = items.visualItemRect(items.item(1))
        qtbot.mouseClick(items.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        click(qtbot, dialog.up)
        assert dialog.chair.currentText() == "Dr. Rina Marlina"  # the panel's chair
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        qtbot.keyClicks(dialog.reason, CHAIR_REASON)
        press_ok(qtbot, dialog.buttons)

    desk.decisions.append(decide)
    click(qtbot, panel.decide)
    settle(qtbot, window, lambda: not panel.isVisibleTo(view) and view.finalize_button.isEnabled())
    assert desk.asked[0] == ("decide", ["INV-01", "INV-02"], "81.00", "First place / Second place",
                             ["Dr. Rina Marlina"])
    assert ranking(RankingModel.CODE) == CHAIR_ORDER + ["INV-05"]
    assert ranking(RankingModel.AWARD) == ["First place", "Second place", "Third place"]
    assert ranking(RankingModel.FLAGS)[:2] == ["decided by: chair's decision"] * 2
    assert view.finalize_hint.text() == "Nothing blocks finalizing."

    click(qtbot, view.finalize_button)
    settle(qtbot, window, lambda: bool(desk.digests_read) and view.status == "finalized")
    assert desk.asked[1][:3] == ("confirm", "Finalize the results",
                                 f"Finalize the results of {NAME}?")
    assert desk.asked[2] == ("digest", "Results finalized")
    (digest,) = desk.digests_read
    assert len(digest) == 64
    assert view.final_banner.isVisibleTo(view) and digest in view.final_banner.text()
    assert not view.finalize_button.isEnabled()
    assert view.finalize_hint.text() == "The results are final."
    assert window.competition_label.text() == f"{NAME} — Finalized"
    assert window.dialogs.kinds() == ["new_competition"]  # no error anywhere
    return digest


# -- what the database holds afterwards ------------------------------------------------------

def check_the_database(db, code: str, digest: str) -> None:
    assert competitions.get_summary(db, code).status == "finalized"
    assert progress.final_snapshot(db, code).digest == digest
    with db.read() as s:
        (snapshot,) = s.execute(select(ResultSnapshot.digest, ResultSnapshot.payload,
                                       ResultSnapshot.created_by)).all()
        decisions = {kind: (outcome, reason, by) for kind, outcome, reason, by in s.execute(
            select(Decision.kind, Decision.outcome, Decision.reason, Decision.decided_by))}
        actors = set(s.scalars(select(AuditEvent.actor)))
    stored_digest, payload, created_by = snapshot
    assert stored_digest == digest
    assert hashlib.sha256(payload.encode("utf-8")).hexdigest() == digest
    frozen = json.loads(payload)
    (agencies,) = [c for c in frozen["categories"] if c["category"] == "perangkat_daerah"]
    assert (frozen["competition"], frozen["method"], frozen["rounds"]) == (CODE, "mean", ["proposal"])
    assert [(r["code"], r["rank"], r["award"], r["tie_break"]) for r in agencies["rows"]] == [
        ("INV-02", 1, "Juara I", "chair_decision"), ("INV-01", 2, "Juara II", "chair_decision"),
        ("INV-05", 3, "Juara III", None)]
    assert created_by == SECRETARY

    assert set(decisions) == {"tie_break", "disqualification"}
    outcome, reason, decided_by = decisions["tie_break"]
    assert json.loads(outcome)["order"] == CHAIR_ORDER
    assert reason == f"{CHAIR_REASON}\nChair: Dr. Rina Marlina"
    assert decided_by == SECRETARY
    assert decisions["disqualification"][1:] == (WHY_DISQUALIFIED, SECRETARY)

    chain = audit.verify_chain(db)
    assert chain.ok, chain.problem
    assert chain.events > 40
    assert SECRETARY in actors and {"juri J01", "juri J02", "juri J03"} <= actors

    units = {u.name: u for u in entries.list_units(db, code)}
    assert {(u.code, u.name, u.kind) for u in units.values() if u.name != NEW_UNIT} == set(UNITS)
    assert NEW_UNIT in units
    saved = {e.code: e for e in entries.list_entries(db, code)}
    assert sorted(saved) == [f"INV-0{i}" for i in range(1, 7)]
    for c, title, unit, category, innovators, contact, kind, summary, links in TYPED:
        e = saved[c]
        assert (e.title, e.unit_name, e.category_code, e.innovators, e.contact, e.summary,
                e.links, e.stage) == (title, unit, CATEGORY_CODES[category], innovators, contact,
                                      summary, links, "implementation")
        assert e.innovation_type == {"Digital": "digital", "Non-digital": "non_digital"}[kind]
    for c, title, unit, category, innovators, stage, kind, started in IMPORTED:
        e = saved[c]
        assert (e.title, e.unit_name, e.category_code, e.innovators, e.stage,
                e.innovation_type, e.started_on) == (
            title, unit, CATEGORY_CODES[category], innovators, stage, kind.replace("-", "_"),
            started.date() if started else None)
    assert saved["INV-03"].started_on == date(2024, 8, 17)
    assert {c: (e.status, e.status_reason) for c, e in saved.items()} == {
        f"INV-0{i}": ("eligible", "") for i in range(1, 6)} | {
        DISQUALIFIED: ("disqualified", WHY_DISQUALIFIED)}

    panel = {j.code: j for j in judges.list_judges(db, code)}
    assert sorted(panel) == ["J01", "J02", "J03"]
    for judge_code, name, affiliation, unit, email, role in JUDGES:
        j = panel[judge_code]
        assert (j.name, j.affiliation, j.email, j.role, j.active) == (
            name, affiliation, email, role.lower(), True)
        assert j.unit_code == ("DINKES" if unit else None)
    found = {(c.judge_code, c.entry_code, c.source, c.reason, c.reason_text)
             for c in conflicts.list_conflicts(db, code)}
    assert found == {("J02", "INV-01", "automatic", "same_unit", ""),
                     ("J02", "INV-05", "automatic", "same_unit", ""),
                     ("J03", "INV-04", "declared", "professional", DECLARED[3])}
