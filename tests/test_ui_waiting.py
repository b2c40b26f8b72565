"""Honest waiting: while the Results view computes it shows what it is doing (never "0
blocking ties" for ties it has not counted yet); the fairness evidence reports real steps;
a search or filter that hides every row says "no matches"; the workspace imports a view's
code when the view is first shown; the background runner hands the GIL over quickly while
it works and gives the interval back afterwards."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt
from test_ui_view_results import TIED, Answers, open_view, score

from judging_app.core.scoring.stability import rankings_to_compute
from judging_app.services import results
from judging_app.services.results_input import load_results_input
from judging_app.ui import background
from judging_app.ui.background import Runner
from judging_app.ui.views.results_view import ResultsView

from factories import seeded_competition
from ui_view_support import make_ctx


class HeldRunner(Runner):
    """Runs nothing until told: what the view shows while its work is under way."""

    def __init__(self) -> None:
        super().__init__(synchronous=True)
        self.held: list[tuple] = []
        self.progress: list[tuple[int, int]] = []

    def run(self, work, **kwargs):
        self.held.append((work, kwargs))
        return background._Done()

    def release(self) -> None:
        while self.held:
            work, kwargs = self.held.pop(0)
            report = kwargs.get("on_progress") or (lambda done, total: None)

            def progress(done, total, report=report):
                self.progress.append((done, total))
                report(done, total)

            kwargs["on_done"](work(progress))


def held_view(qtbot, db, code, tmp_path) -> tuple[ResultsView, HeldRunner]:
    ctx = make_ctx(db, code, tmp_path)
    runner = ctx.runner = HeldRunner()
    view = ResultsView(ctx)
    view.dialogs = Answers()
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    view.refresh()
    return view, runner


def test_the_ranking_shows_a_loading_state_not_zeros(qtbot, sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db)
    score(s, TIED)  # E2 = E4 tie for Juara I: one blocking tie
    view, runner = held_view(qtbot, sqlite_db, s.code, tmp_path)
    view.tabs.setCurrentWidget(view.ranking)  # the detailed ranking (after the winners)
    assert view.ranking.currentWidget() is view.ranking.loading
    assert view.ranking.loading.label.text() == "Computing the results…"
    assert not view.ties_panel.isVisible()  # no "Blocking ties: 0" while nothing is counted
    assert not view.ranking_ready()
    runner.release()
    assert view.ranking_ready() and view.ranking.currentWidget() is view.ranking.content
    assert view.ties_panel.isVisible() and view.ties_panel.title() == "Blocking ties: 1"


def test_the_winners_wait_for_the_results_then_offer_the_decision(qtbot, sqlite_db, tmp_path,
                                                                  monkeypatch):
    from judging_app.ui.views import results_load

    s = seeded_competition(sqlite_db)
    score(s, TIED)  # E2 = E4 tie for Juara I in Perangkat Daerah
    computed_on = []
    real = results_load.winners
    monkeypatch.setattr(results_load, "winners", lambda r: computed_on.append(r) or real(r))
    view, runner = held_view(qtbot, sqlite_db, s.code, tmp_path)
    page = view.winners
    assert view.tabs.currentWidget() is page  # the first tab
    assert page.currentWidget() is page.loading and not page.ready()
    assert page.loading.label.text() == "Computing the results…"
    assert not page.empty.isVisibleTo(page)  # no "no award is given yet" while computing
    assert not view.finalize_button.isEnabled() and view.loaded is None  # nothing read yet
    assert not view.finalize_hint.isVisibleTo(view)  # no advice about choices not yet read
    runner.release()
    assert page.ready() and page.currentWidget() is page.content
    texts = page.texts()
    assert texts[texts.index("Perangkat Daerah") + 1] == "Juara I / Juara II"
    view.retranslate()  # a change of language lays the same places out again
    assert len(computed_on) == 1
    (decide,) = page.decide_buttons
    view.method.setCurrentIndex(view.method.findText("Median"))
    view.recompute()  # while the other method computes, the old places are greyed out
    assert not page.content.isEnabled() and not page.ready()
    view.method.setCurrentIndex(view.method.findText("Mean"))
    view.recompute()
    runner.release()
    (decide,) = page.decide_buttons
    assert decide.isEnabled()
    view.dialogs.decision = None
    qtbot.mouseClick(decide, Qt.MouseButton.LeftButton)
    assert view.dialogs.asked[-1][0] == "decide"
    assert sorted(view.dialogs.asked[-1][1]) == ["E2", "E4"]


def test_a_recomputation_keeps_the_old_ranking_greyed_then_shows_the_new(qtbot, sqlite_db,
                                                                         tmp_path):
    s = seeded_competition(sqlite_db)
    score(s)
    view, runner = held_view(qtbot, sqlite_db, s.code, tmp_path)
    runner.release()
    view.method.setCurrentIndex(view.method.findText("Median"))
    view.recompute()
    assert view.ranking.currentWidget() is view.ranking.content  # no flicker at first
    assert not view.ranking.content.isEnabled() and not view.ranking_ready()
    qtbot.waitUntil(lambda: view.ranking.currentWidget() is view.ranking.loading, timeout=2000)
    runner.release()
    assert view.ranking_ready() and view.ranking.content.isEnabled()
    assert view.computed.results.method.value == "median"


def test_the_evidence_reports_every_step(qtbot, sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db)
    score(s)
    view, runner = held_view(qtbot, sqlite_db, s.code, tmp_path)
    runner.release()
    view.tabs.setCurrentWidget(view.stability)
    assert not view.stability.ready() and view.stability.is_loading()
    assert view.fairness.loading.label.text() == "Computing the fairness evidence…"
    runner.release()
    with sqlite_db.read() as session:
        inp = load_results_input(session, s.code)
    panels = len(results.fairness(sqlite_db, s.code).report.panels)
    rankings = len(rankings_to_compute(inp.rounds, inp.setup.rules))
    total = panels + rankings + 2  # + reading, + the judges' distributions
    assert runner.progress == [(done, total) for done in range(1, total + 1)]
    assert view.stability.ready() and view.fairness.ready()
    assert view.fairness.loading.progress_text() == f"{total}/{total}"


def test_a_search_without_matches_says_so(qtbot, sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db)
    score(s)
    view = open_view(qtbot, sqlite_db, s.code, tmp_path)
    assert view.no_matches.shown_text() is None
    qtbot.keyClicks(view.find, "zzz")
    assert view.model.rowCount() == 0
    assert view.no_matches.shown_text() == "No entry in this category matches “zzz”."
    view.find.clear()
    assert view.model.rowCount() > 0 and view.no_matches.shown_text() is None


def test_no_award_change_is_said_in_words(qtbot, sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db)
    score(s)
    view = open_view(qtbot, sqlite_db, s.code, tmp_path)
    view.tabs.setCurrentWidget(view.stability)
    page = view.stability
    if page.model.rowCount() == 0:
        assert page.no_changes.shown_text() == "No entry's award changes with the method."
    qtbot.mouseClick(page.only_changes, Qt.MouseButton.LeftButton)  # every entry
    assert page.model.rowCount() == 4 and page.no_changes.shown_text() is None


def test_the_entries_search_says_no_matches(qtbot, sqlite_db, tmp_path):
    from judging_app.ui.views.entries_view import EntriesView

    s = seeded_competition(sqlite_db)
    view = EntriesView(make_ctx(sqlite_db, s.code, tmp_path))
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    assert view.model.rowCount() == 4 and view.no_matches.shown_text() is None
    view.search.setText("tidak ada yang begini")
    view.apply_filters()
    assert view.model.rowCount() == 0
    assert view.no_matches.shown_text() == "No entries match the search or the filters."


def test_the_progress_and_assignment_searches_say_no_matches(qtbot, sqlite_db, tmp_path):
    from judging_app.ui.views.assignments_view import AssignmentsView
    from judging_app.ui.views.progress_view import ProgressView

    s = seeded_competition(sqlite_db)
    score(s)
    for cls in (ProgressView, AssignmentsView):
        view = cls(make_ctx(sqlite_db, s.code, tmp_path))
        qtbot.addWidget(view)
        view.show()
        view.refresh()
        box = view.find if cls is ProgressView else view.search
        box.setText("zzz")
        qtbot.waitUntil(lambda v=view: v.no_matches.shown_text() is not None, timeout=2000)
        assert view.no_matches.shown_text() == "No entry matches “zzz”."
        box.clear()
        qtbot.waitUntil(lambda v=view: v.no_matches.shown_text() is None, timeout=2000)


def test_opening_a_competition_imports_only_the_view_it_shows(sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db)
    path = sqlite_db.url.database
    code = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from pathlib import Path
        from judging_app.ui.launch import application, start
        from judging_app.ui.dialogs import Dialogs
        from judging_app.ui.settings import AppSettings
        settings = AppSettings.at_path(Path({str(tmp_path)!r}) / "s.ini")
        settings.actor_name = "Sekretariat Uji"
        app = application([])
        session = start(app, {path!r}, "en", settings, Dialogs())
        workspace = session.window.open_competition({s.code!r})
        app.processEvents()
        views = sorted(m.rsplit(".", 1)[1] for m in sys.modules
                       if m.startswith("judging_app.ui.views.") and m.endswith("_view"))
        print(workspace.current_key(), views, "openpyxl" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120).stdout.split("\n")[-2]
    assert out == "overview ['overview_view'] False"


def test_the_entries_view_opens_without_the_spreadsheet_and_pdf_libraries():
    # openpyxl (0.5 s) is imported by the template and import workers, PDFium (0.1 s) where a
    # document is opened: not while the view is built.
    code = ("import sys; import judging_app.ui.views.entries_view; "
            "print('openpyxl' in sys.modules, 'pypdfium2' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120).stdout.split()
    assert out == ["False", "False"]


def test_the_runner_hands_the_gil_over_quickly_while_it_works(qtbot):
    before = sys.getswitchinterval()
    assert gc.isenabled()
    runner = Runner()
    seen: list[tuple[float, bool]] = []
    done: list[int] = []
    runner.run(lambda progress: seen.append((sys.getswitchinterval(), gc.isenabled())) or 7,
               label="", parent=None, on_done=done.append, on_error=lambda e, t: None,
               on_progress=lambda d, t: None)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert seen == [(pytest.approx(background.FAST_SWITCH), False)] and done == [7]
    assert sys.getswitchinterval() == before and gc.isenabled()


def test_what_a_large_load_keeps_is_left_out_of_later_collections_until_released(qtbot):
    # The window keeps a large load's results (30,000 ranked rows): a full collection on the
    # GUI thread walked them again (0.1 s of CPU at 30,000 entries). They are frozen.
    runner = Runner()
    done: list = []
    try:
        runner.run(lambda progress: [[i] for i in range(200)], label="", parent=None,
                   on_done=done.append, on_error=lambda e, t: None, on_progress=lambda d, t: None)
        qtbot.waitUntil(lambda: bool(done), timeout=5000)
        assert gc.get_freeze_count() == 0  # a small load: nothing frozen
        runner.run(lambda progress: [[i] for i in range(2 * background.LARGE_JOB)], label="",
                   parent=None, on_done=done.append, on_error=lambda e, t: None,
                   on_progress=lambda d, t: None)
        qtbot.waitUntil(lambda: len(done) == 2, timeout=5000)
        assert gc.get_freeze_count() > 2 * background.LARGE_JOB
        background.release_frozen()  # a competition's workspace closed
        assert gc.get_freeze_count() == 0 and gc.isenabled()
    finally:
        gc.unfreeze()


def test_pauses_of_the_garbage_collector_nest():
    from judging_app.core.gc_pause import paused_gc

    assert gc.isenabled()
    with paused_gc():
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def test_the_progress_view_counts_in_place_of_its_tables(qtbot, sqlite_db, tmp_path):
    from judging_app.ui.views.progress_view import ProgressView

    s = seeded_competition(sqlite_db)
    score(s)
    ctx = make_ctx(sqlite_db, s.code, tmp_path)
    runner = ctx.runner = HeldRunner()
    view = ProgressView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    assert view.sheets.currentWidget() is view.sheets.loading
    assert view.sheets.loading.label.text() == "Counting the score sheets…"
    runner.release()
    assert view.sheets.currentWidget() is view.sheets.content
    assert view.entries.rowCount() == 4


def test_a_failed_computation_says_so_where_the_results_would_be(qtbot, sqlite_db, tmp_path,
                                                                 monkeypatch):
    from judging_app.core.messages import Message
    from judging_app.services.errors import ServiceError

    s = seeded_competition(sqlite_db)
    score(s)

    def refuse(*_args, **_kwargs):
        raise ServiceError(Message("results.nothing_scored"))

    monkeypatch.setattr(results, "compute", refuse)
    view = open_view(qtbot, sqlite_db, s.code, tmp_path)
    for page in (view.winners, view.ranking, view.stability, view.fairness):
        assert page.currentWidget() is page.loading and not page.is_loading()
        assert page.loading.label.text() == "Cannot compute the results"
        assert page.loading.bar.isHidden()
    (error,) = [a for a in view.ctx.dialogs.asked if a[0] == "error"]
    assert error[1] == "Cannot compute the results"


def test_switching_the_method_keeps_the_evidence_a_new_round_recomputes_it(qtbot, sqlite_db,
                                                                           tmp_path):
    s = seeded_competition(sqlite_db)
    score(s)
    view = open_view(qtbot, sqlite_db, s.code, tmp_path)
    view.tabs.setCurrentWidget(view.fairness)
    first = view.evidence
    assert first is not None and view.fairness.ready()
    view.method.setCurrentIndex(view.method.findText("Median"))
    view.recompute()  # the evidence covers every method: nothing to compute again
    assert view.evidence is first and view.fairness.ready()
    assert view.computed.results.method.value == "median"
    view.round.setCurrentIndex(view.round.findData("prop"))
    view.recompute()
    second = view.evidence
    assert second is not first and view.fairness.ready()
    view.refresh()  # data may have changed
    assert view.evidence is not second and view.fairness.ready()


def test_the_setup_is_read_on_a_worker_and_cannot_be_moved_twice_meanwhile(qtbot, sqlite_db,
                                                                          tmp_path):
    from judging_app.ui.views.setup_view import SetupView

    s = seeded_competition(sqlite_db)
    ctx = make_ctx(sqlite_db, s.code, tmp_path)
    runner = ctx.runner = HeldRunner()
    view = SetupView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    view.refresh()
    assert view.page.currentWidget() is view.page.loading
    assert view.page.loading.label.text() == "Reading the setup…"
    runner.release()
    assert view.page.currentWidget() is view.page.content
    assert view.title_label.text().endswith("status: Judging")
    assert view.back_button.isEnabled()
    view.refresh()  # e.g. after a change of status: the old page greyed, its buttons too
    assert view.page.currentWidget() is view.page.content and not view.back_button.isEnabled()
    runner.release()
    assert view.back_button.isEnabled()
