"""The Results view on a real database: ranking per category with ties and tie-breaks, the
chair's decision on a blocking tie, finalizing with the digest, the method switcher, rank
stability and the fairness plots; the models without a window."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox

from judging_app.core.enums import AggregationMethod
from judging_app.services import assignments, competitions, progress, results, sheets
from judging_app.services.sheets import SheetInput
from judging_app.ui.views.results_decision import (
    ResultsDialogs,
    TieDecision,
    TieDecisionDialog,
    TiedEntry,
)
from judging_app.ui.views.results_models import (
    BLOCKING_COLOUR,
    DECIDED_COLOUR,
    RankingModel,
    localized_number,
    method_label,
    number_text,
)
from judging_app.ui.views.results_view import ResultsView

from factories import seeded_competition
from ui_view_support import make_ctx

# tiny_setup: total = 40·A/5 + 60·B/5. umum: E1 74, E3 220/3; pd: E2 = E4 = 80.
SCORES = {
    "E1": {"J1": (4, "3.5"), "J2": (5, 4), "J3": (3, 3)},
    "E3": {"J1": (5, 5), "J2": (4, 3), "J3": (2, 3)},
    "E2": {"J1": (4, 4), "J2": (4, 4), "J3": (4, 4)},
    "E4": {"J1": (2, 5), "J2": (5, 4), "J3": (2, 5)},  # B mean higher: wins the tie-break
}
TIED = dict(SCORES, E4=SCORES["E2"])  # identical sheets: a tie no criterion breaks


def score(s, scores=SCORES):
    assignments.auto_assign(s.ws, s.code, "prop", 3)
    for entry, by_judge in scores.items():
        for judge, (a, b) in by_judge.items():
            sheets.save_sheet(s.ws, s.code, "prop", judge, entry, SheetInput({"A": D(a), "B": D(b)}))
            sheets.submit_sheet(s.ws, s.code, "prop", judge, entry)


class Answers(ResultsDialogs):
    def __init__(self) -> None:
        self.asked: list[tuple] = []
        self.decision: TieDecision | None = None
        self.confirm = True

    def decide_tie(self, parent, entries, score, at_stake, chairs):
        self.asked.append(("decide", [e.code for e in entries], score, at_stake))
        return self.decision

    def confirm_finalize(self, parent, title, text, informative, accept_label):
        self.asked.append(("confirm", text))
        return self.confirm

    def show_digest(self, parent, digest):
        self.asked.append(("digest", digest))


def open_view(qtbot, db, code, tmp_path, **kwargs) -> ResultsView:
    view = ResultsView(make_ctx(db, code, tmp_path, **kwargs))
    view.dialogs = Answers()
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    view.refresh()
    return view


def choose_category(view: ResultsView, code: str) -> None:
    view.category.setCurrentIndex(view.category.findData(code))


def shown(view: ResultsView, column: int) -> list[str]:
    m = view.model
    return [m.data(m.index(r, column)) for r in range(m.rowCount())]


def test_ranking_per_category_with_tie_break_named(qtbot, sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db)
    score(s)
    view = open_view(qtbot, sqlite_db, s.code, tmp_path)
    assert [view.category.itemText(i) for i in range(view.category.count())] == ["General", "Perangkat Daerah"]  # English names where given
    assert shown(view, RankingModel.CODE) == ["E1", "E3"]
    assert shown(view, RankingModel.SCORE) == ["74.00", "73.33"]
    assert shown(view, RankingModel.AWARD) == ["Juara I", "Juara II"]
    choose_category(view, "pd")
    assert shown(view, RankingModel.CODE) == ["E4", "E2"]
    # criteria by weight: A (40) is equal, B (60, Kemanfaatan) decided
    assert shown(view, RankingModel.FLAGS) == ["decided by the criterion “Kemanfaatan”"] * 2
    assert view.model.data(view.model.index(0, 0), Qt.ItemDataRole.BackgroundRole) == DECIDED_COLOUR
    assert "mean of the judges' totals" in view.formula.text()
    assert "rounded half up" in view.formula.text()
    assert not view.ties_panel.isVisibleTo(view)
    assert view.finalize_button.isEnabled()
    assert view.finalize_hint.text() == "Nothing blocks finalizing."
    qtbot.keyClicks(view.find, "e2")
    assert shown(view, RankingModel.CODE) == ["E2"]


def test_blocking_tie_decided_by_the_chair_then_finalized(qtbot, sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db)
    score(s, TIED)
    view = open_view(qtbot, sqlite_db, s.code, tmp_path)
    page = view.winners
    assert view.tabs.currentWidget() is page  # the winners come first
    texts = page.texts()
    # Perangkat Daerah: the tie stands where Juara I and II would be, nothing starts lower
    pd = texts[texts.index("Perangkat Daerah"):]
    assert pd[1] == "Juara I / Juara II" and pd[2].startswith("Tie: E")
    view.tabs.setCurrentIndex(1)  # the detailed ranking
    choose_category(view, "pd")
    assert shown(view, RankingModel.RANK) == ["1", "1"]
    assert view.model.data(view.model.index(0, 0), Qt.ItemDataRole.BackgroundRole) == BLOCKING_COLOUR
    assert shown(view, RankingModel.AWARD) == ["", ""]  # no award until the chair decides
    panel = view.ties_panel
    assert panel.isVisibleTo(view) and panel.model.rowCount() == 1
    assert panel.model.data(panel.model.index(0, 2)) in ("E2 = E4", "E4 = E2")
    assert panel.model.data(panel.model.index(0, 3)) == "Juara I / Juara II"
    assert not view.finalize_button.isEnabled()
    assert "chair's decision: 1" in view.finalize_hint.text()

    answers = view.dialogs
    answers.decision = None  # the chair cancels: nothing recorded
    (decide,) = page.decide_buttons  # "Decide…" on the winners page leads to the same
    assert decide.isEnabled()
    qtbot.mouseClick(decide, Qt.MouseButton.LeftButton)
    assert answers.asked[-1][0] == "decide" and answers.asked[-1][2] == "80.00"
    assert results.compute(sqlite_db, s.code).results.blocking_ties

    answers.decision = TieDecision(["E4", "E2"], "Prof. Ketua", "E4 lebih matang di pleno")
    changed = []
    view.changed.connect(lambda: changed.append(True))
    qtbot.mouseClick(panel.decide, Qt.MouseButton.LeftButton)
    assert changed
    rows = {view.model.entries[r.entry_id].code: r for r in results.compute(sqlite_db, s.code).results.rows}
    assert (rows["E4"].rank, rows["E2"].rank) == (1, 2)
    assert rows["E4"].decided_by == "chair_decision"
    assert shown(view, RankingModel.CODE) == ["E4", "E2"]
    assert shown(view, RankingModel.FLAGS)[0] == "decided by: chair's decision"
    assert not panel.isVisibleTo(view)
    assert view.finalize_button.isEnabled()

    answers.confirm = False
    qtbot.mouseClick(view.finalize_button, Qt.MouseButton.LeftButton)
    assert competitions.get_summary(sqlite_db, s.code).status == "judging"
    answers.confirm = True
    qtbot.mouseClick(view.finalize_button, Qt.MouseButton.LeftButton)
    assert competitions.get_summary(sqlite_db, s.code).status == "finalized"
    digest = progress.final_snapshot(sqlite_db, s.code).digest
    assert answers.asked[-1] == ("digest", digest)
    assert digest in view.final_banner.text() and view.final_banner.isVisibleTo(view)
    assert not view.finalize_button.isEnabled()
    assert view.finalize_hint.text() == "The results are final."


def test_incomplete_entries_keep_finalize_disabled(qtbot, sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db)
    score(s)
    sheets.reopen_sheet(s.ws, s.code, "prop", "J3", "E3", "periksa ulang")
    view = open_view(qtbot, sqlite_db, s.code, tmp_path)
    assert not view.finalize_button.isEnabled()
    assert "missing score sheets (see Progress): 1" in view.finalize_hint.text()
    assert "Incomplete entries not ranked (missing sheets): 1" in view.notes.text()
    assert shown(view, RankingModel.CODE) == ["E1", "E3"]
    assert shown(view, RankingModel.RANK) == ["1", ""]
    assert shown(view, RankingModel.SHEETS)[1] == "2/3"
    assert shown(view, RankingModel.FLAGS)[1] == "Incomplete"


def test_method_switch_recomputes_and_disables_actions(qtbot, sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db)
    score(s, TIED)
    view = open_view(qtbot, sqlite_db, s.code, tmp_path)
    assert view.method.currentData() == AggregationMethod.MEAN
    view.method.setFocus()
    qtbot.keyClick(view.method, Qt.Key.Key_Down)  # mean -> median
    assert view.method.currentData() == AggregationMethod.MEDIAN
    assert view.computed.results.method == AggregationMethod.MEDIAN
    assert shown(view, RankingModel.SCORE) == ["74.00", "68.00"]
    assert "median of the judges' totals" in view.formula.text()
    assert not view.finalize_button.isEnabled()
    assert not view.ties_panel.decide.isEnabled()
    assert "choose them to act" in view.finalize_hint.text()


def test_stability_and_fairness_tabs(qtbot, sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db)
    score(s)
    view = open_view(qtbot, sqlite_db, s.code, tmp_path)
    assert view.evidence is None  # computed only when asked for
    view.tabs.setCurrentWidget(view.stability)
    assert view.evidence is not None
    page = view.stability
    qtbot.mouseClick(page.only_changes, Qt.MouseButton.LeftButton)  # show every entry
    assert page.model.rowCount() == 4
    assert page.model.headers()[3] == "Mean (in use)"
    view.tabs.setCurrentWidget(view.fairness)
    fair = view.fairness
    assert fair.panel.count() == 2
    fair.panel.setCurrentIndex(fair.panel.findText("Penilaian proposal · General"))
    assert [r.label.split()[0] for r in fair.judge_plot.rows] == ["J1", "J2", "J3"]
    j2 = fair.judge_plot.rows[1]
    assert j2.severity == 6.5 and j2.severity_text == "6.50" and j2.five[0] == 68.0
    assert [b.name for b in fair.agreement_plot.groups[0].bars] == ["ICC(2,1)", "ICC(2,k)", "Kendall's W"]
    assert fair.agreement_plot.groups[0].note is None
    assert not fair.judge_plot.grab().isNull() and not fair.agreement_plot.grab().isNull()
    assert "Outlier sheets" in fair.outliers_box.title()


def test_not_enough_common_entries_is_said_in_words(qtbot, sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db, n_entries=2)
    assignments.auto_assign(s.ws, s.code, "prop", 3)
    for judge in ("J1", "J2"):
        sheets.save_sheet(s.ws, s.code, "prop", judge, "E1", SheetInput({"A": D(3), "B": D(3)}))
        sheets.submit_sheet(s.ws, s.code, "prop", judge, "E1")
    view = open_view(qtbot, sqlite_db, s.code, tmp_path)
    view.tabs.setCurrentWidget(view.fairness)
    group = view.fairness.agreement_plot.groups[0]
    assert group.note == "Not enough common entries (1 scored by the same judges)"
    assert not view.fairness.agreement_plot.grab().isNull()


def test_indonesian_numbers_use_a_decimal_comma(qtbot, sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db)
    score(s)
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    try:
        view = open_view(qtbot, sqlite_db, s.code, tmp_path, language="id")
        assert shown(view, RankingModel.SCORE) == ["74,00", "73,33"]
        tip = view.model.data(view.model.index(1, RankingModel.SCORE), Qt.ItemDataRole.ToolTipRole)
        assert tip == "Exact score: 220/3"
    finally:
        QLocale.setDefault(before)


def test_hidden_view_reloads_when_shown_again(qtbot, sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db)
    view = open_view(qtbot, sqlite_db, s.code, tmp_path)
    assert view.model.rowCount() == 0 or all(r == "" for r in shown(view, RankingModel.RANK))
    view.hide()
    score(s)
    view.refresh()  # another view changed data: nothing computed while hidden
    assert view._stale
    view.show()
    assert shown(view, RankingModel.CODE) == ["E1", "E3"]


def test_ranking_model_without_a_window(sqlite_db):
    s = seeded_competition(sqlite_db)
    score(s, TIED)
    computed = results.compute(sqlite_db, s.code)
    model = RankingModel()
    rows = [r for r in computed.results.rows if r.group == "pd"]
    model.set_ranking(rows, computed.entries, computed.tier_labels)
    assert model.columnCount() == 8 and model.rowCount() == 2
    assert model.headerData(RankingModel.SCORE, Qt.Orientation.Horizontal) == "Score"
    assert model.data(model.index(0, RankingModel.FLAGS)) == "Tie on an award boundary: the chair decides"
    model.sort(RankingModel.TITLE, Qt.SortOrder.DescendingOrder)
    assert [model.record(i).entry_id for i in range(2)] == sorted(
        (r.entry_id for r in rows), key=lambda e: computed.entries[e].title, reverse=True)
    model.sort(RankingModel.SCORE, Qt.SortOrder.AscendingOrder)  # = by rank, unranked last
    assert [model.data(model.index(i, 0)) for i in range(2)] == ["1", "1"]
    model.set_filter(lambda r: computed.entries[r.entry_id].code == "E2")
    assert model.rowCount() == 1 and len(model.all_records()) == 2


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("1234.56", QLocale.Language.Indonesian, "1.234,56"),
    ("-2.31", QLocale.Language.Indonesian, "-2,31"),
    ("99.33", QLocale.Language.English, "99.33"),
    ("205/3", QLocale.Language.Indonesian, "205/3"),
    ("", QLocale.Language.English, ""),
])
def test_localized_numbers(text, language, expected):
    locale = QLocale(language, QLocale.Country.Indonesia if language == QLocale.Language.Indonesian
                     else QLocale.Country.UnitedStates)
    assert localized_number(text, locale) == expected


def test_number_text_rounds_half_up_and_method_labels():
    from fractions import Fraction

    en = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert number_text(Fraction(1, 8), 2, en) == "0.13"
    assert number_text(None) == ""
    assert [method_label(m) for m in AggregationMethod] == [
        "Mean", "Median", "Trimmed mean", "Standardized"]


def test_tie_decision_dialog_orders_and_needs_a_reason(qtbot):
    dialog = TieDecisionDialog([TiedEntry("E2", "Inovasi 2"), TiedEntry("E4", "Inovasi 4")],
                               "80,00", "Juara I / Juara II", ["Prof. Ketua"])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and not dialog.up.isEnabled()
    assert dialog.list.item(0).text() == "1. E2 — Inovasi 2"
    qtbot.mouseClick(dialog.down, Qt.MouseButton.LeftButton)
    assert dialog.order() == ["E4", "E2"] and dialog.list.item(0).text() == "1. E4 — Inovasi 4"
    qtbot.keyClicks(dialog.reason, "Presentasi E4 lebih meyakinkan")
    assert ok.isEnabled()
    dialog.chair.setCurrentText("")
    assert not ok.isEnabled()
    dialog.chair.setCurrentText("Prof. Ketua")
    assert dialog.decision() == TieDecision(["E4", "E2"], "Prof. Ketua", "Presentasi E4 lebih meyakinkan")
    assert "80,00" in dialog.intro.text() and "Juara I / Juara II" in dialog.intro.text()


def test_recompute_in_the_background_with_a_real_runner(qtbot, sqlite_db, tmp_path):
    from judging_app.ui.background import Runner

    s = seeded_competition(sqlite_db)
    score(s, TIED)
    ctx = make_ctx(sqlite_db, s.code, tmp_path)
    ctx.runner = Runner()
    view = ResultsView(ctx)
    view.dialogs = Answers()
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    qtbot.waitUntil(lambda: view.computed is not None, timeout=10_000)
    view.method.setFocus()
    qtbot.keyClick(view.method, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: view.computed.results.method == AggregationMethod.MEDIAN, timeout=10_000)
    qtbot.keyClick(view.method, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: view.computed.results.method == AggregationMethod.MEAN, timeout=10_000)
    view.dialogs.decision = TieDecision(["E2", "E4"], "Prof. Ketua", "diputuskan di pleno")
    qtbot.mouseClick(view.ties_panel.decide, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.finalize_button.isEnabled(), timeout=10_000)
    qtbot.mouseClick(view.finalize_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.final_banner.isVisibleTo(view), timeout=10_000)
    assert competitions.get_summary(sqlite_db, s.code).status == "finalized"
    qtbot.waitUntil(lambda: not ctx.runner.busy(), timeout=10_000)


def test_language_change_renames_categories_and_awards(qtbot, sqlite_db, tmp_path):
    from PySide6.QtCore import QCoreApplication, QEvent

    s = seeded_competition(sqlite_db)
    score(s)
    language = ["en"]
    view = open_view(qtbot, sqlite_db, s.code, tmp_path)
    view.ctx.language = lambda: language[0]
    view.refresh()
    assert view.category.itemText(0) == "General"
    language[0] = "id"
    QCoreApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
    assert view.category.itemText(0) == "Umum"
    assert view.round.itemText(1) == "Penilaian proposal"
    assert shown(view, RankingModel.AWARD) == ["Juara I", "Juara II"]


def test_a_refused_decision_is_shown_as_a_message(qtbot, sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db)
    score(s, TIED)
    view = open_view(qtbot, sqlite_db, s.code, tmp_path)
    view.dialogs.decision = TieDecision(["E1", "E3"], "Prof. Ketua", "salah pilih")  # not tied
    changed = []
    view.changed.connect(lambda: changed.append(True))
    qtbot.mouseClick(view.ties_panel.decide, Qt.MouseButton.LeftButton)
    (error,) = [a for a in view.ctx.dialogs.asked if a[0] == "error"]
    assert error[1] == "Cannot record the decision" and "no tie to decide" in error[2]
    assert not changed and view.ties_panel.model.rowCount() == 1


def test_stability_and_outlier_models_without_a_window(sqlite_db):
    from judging_app.ui.views.results_fairness import (
        OutlierModel,
        StabilityModel,
        prepare_evidence,
    )

    s = seeded_competition(sqlite_db)
    score(s)
    ev = prepare_evidence(results.evidence(sqlite_db, s.code), AggregationMethod.MEAN,
                          {"umum": "Umum", "pd": "Perangkat Daerah"}, {})
    fair = ev.fairness
    stability = StabilityModel()
    stability.evidence = ev
    stability.set_rows(fair.report.stability)
    assert stability.columnCount() == 7 and stability.rowCount() == 4
    stability.sort(StabilityModel.FIRST_METHOD, Qt.SortOrder.AscendingOrder)
    first = stability.record(0)
    assert stability.data(stability.index(0, StabilityModel.FIRST_METHOD)).startswith("1 · Juara I")
    assert first.ranks[AggregationMethod.MEAN] == 1
    english = {code: "First place" for code, label in fair.tier_labels.items()
               if label == "Juara I"}  # the tiers' names in the language shown
    stability.evidence = prepare_evidence(results.evidence(sqlite_db, s.code),
                                          AggregationMethod.MEAN, {}, {}, english)
    assert stability.data(stability.index(0, StabilityModel.FIRST_METHOD)) == "1 · First place"
    outliers = OutlierModel()
    outliers.evidence = ev
    panel = next(p for p in fair.report.panels if p.group == "umum")
    outliers.set_rows(panel.outliers)
    assert outliers.columnCount() == 6
    for row in range(outliers.rowCount()):
        o = outliers.record(row)
        assert outliers.data(outliers.index(row, OutlierModel.JUDGE)) == fair.judges[o.judge_id]


def test_advance_to_the_next_round_from_a_round_with_a_rule(qtbot, db, tmp_path):
    """Choosing a round whose rule is top N shows 'Advance…'; confirming takes those entries
    on, and the next round's automatic assignment then offers exactly them."""
    from test_services_advancement import score, two_rounds

    from judging_app.services import assignments

    ws, code = two_rounds(db, top_n=2)
    score(ws, code, {"E1": (5, 5), "E2": (4, 4), "E3": (3, 3), "E4": (2, 2)})
    view = open_view(qtbot, db, code, tmp_path)
    assert not view.advance_button.isVisible()  # all rounds: nothing to advance from
    view.round.setCurrentIndex(view.round.findData("prop"))
    view.recompute()
    assert view.advance_button.isVisible()
    view.dialogs.confirm = True
    view.advance_button.click()
    assert view.dialogs.asked[-1][0] == "confirm" and "2 entries go on" in view.dialogs.asked[-1][1]
    preview = assignments.preview_auto_assign(db, code, "pres", 1)
    assert sorted(e for _, e in preview.new_assignments) == ["E1", "E2"]
