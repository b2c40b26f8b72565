"""Results: per-category ranking with ties and tie-breaks, the chair's decisions on blocking
ties, the method switcher, rank stability, the fairness evidence, and finalizing.

Everything shown is read and computed on a worker thread (results_load.py): the winners and
the ranking show "Computing the results…" meanwhile, never zeros. Deciding a tie and
finalizing (results_actions.py) act on the final results (all rounds, the competition's
method): they are offered only while those are shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from judging_app.core.enums import AggregationMethod
from judging_app.services import results
from judging_app.ui.i18n import ENGLISH, fill
from judging_app.ui.views.base import View, ViewContext
from judging_app.ui.views.loading import Loadable
from judging_app.ui.views.next_step import NextStep
from judging_app.ui.views.results_actions import ResultsActions
from judging_app.ui.views.results_decision import ResultsDialogs
from judging_app.ui.views.results_fairness import (
    Evidence,
    FairnessPage,
    StabilityPage,
    prepare_evidence,
)
from judging_app.ui.views.results_load import LoadedResults, Names, load_results, names_in
from judging_app.ui.views.results_models import (
    formula_text,
    method_label,
    note_texts,
    rounding_text,
)
from judging_app.ui.views.results_ranking import RankingPage
from judging_app.ui.views.results_winners import WinnersPage


class ResultsView(View):
    key = "results"

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialogs = ResultsDialogs()
        self.loaded: LoadedResults | None = None  # what is shown (None before the first load)
        self.evidence: Evidence | None = None
        self._evidence_stale = True
        self._stale = False
        self._started = False
        self._request = 0
        self._data_version = 0  # moves on whenever the data may have changed (refresh)
        self._evidence_key: tuple | None = None  # (data version, round) of the evidence
        self._results_job = self._evidence_job = None
        self.round_label, self.method_label = QLabel(), QLabel()
        self.round = QComboBox()
        self.round.setObjectName("round")
        self.round.addItem("", None)
        self.method = QComboBox()
        self.method.setObjectName("method")
        for m in AggregationMethod:
            self.method.addItem("", m)
        self.round_label.setBuddy(self.round)
        self.method_label.setBuddy(self.method)
        self.actions = ResultsActions(self)
        self.finalize_button = self.actions.finalize_button
        self.advance_button = self.actions.advance_button
        self.finalize_hint = self.actions.hint
        bar = QHBoxLayout()
        for w in (self.round_label, self.round, self.method_label, self.method):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.advance_button)
        bar.addWidget(self.finalize_button)
        self.formula = QLabel()
        self.formula.setObjectName("formula")
        self.notes = QLabel()
        self.notes.setObjectName("notes")
        self.final_banner = QLabel()
        self.final_banner.setObjectName("finalBanner")
        for label in (self.formula, self.notes, self.final_banner):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes.setStyleSheet("color: #8a4b00;")
        self.final_banner.setStyleSheet("background: #e2f0dc; padding: 4px;")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("resultsTabs")
        self.winners = WinnersPage()  # who won, before the detailed ranking
        self.winners.decideRequested.connect(self.actions.decide_tie)
        self.tabs.addTab(self.winners, "")
        self.ranking_page = RankingPage()
        self.ranking = Loadable(self.ranking_page)
        self.tabs.addTab(self.ranking, "")
        # the ranking page's parts, as the tests and the screenshots reach them
        page = self.ranking_page
        self.category, self.find, self.model = page.category, page.find, page.model
        self.table, self.no_matches, self.ties_panel = page.table, page.no_matches, page.ties_panel
        self.stability = StabilityPage()
        self.fairness = FairnessPage()
        self.tabs.addTab(self.stability, "")
        self.tabs.addTab(self.fairness, "")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.finalize_hint)
        layout.addWidget(self.formula)
        layout.addWidget(self.notes)
        layout.addWidget(self.final_banner)
        self.next_step = NextStep()
        layout.addWidget(self.next_step)
        layout.addWidget(self.tabs, 1)
        self.round.activated.connect(lambda _i: self.recompute())
        self.method.activated.connect(lambda _i: self.recompute())
        self.tabs.currentChanged.connect(lambda _i: self._load_evidence_if_needed())
        self.ties_panel.decide_requested.connect(self.actions.decide)
        self.retranslate()

    @property
    def computed(self) -> results.ResultsView | None:
        return self.loaded.computed if self.loaded else None

    @property
    def status(self) -> str:
        """The competition's status as last read ("" before the first load)."""
        return self.loaded.context.status if self.loaded else ""

    # -- loading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        if self._started and not self.isVisible():
            self._stale = True  # reloaded when shown again
            return
        self._started, self._stale = True, False
        self._data_version += 1
        self.recompute()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def is_final_selection(self) -> bool:
        """Showing what finalize freezes: all rounds with the competition's method."""
        setup = self.loaded.context.setup if self.loaded else None
        return (setup is not None and self.round.currentData() is None
                and self.method.currentData() == setup.rules.aggregation)

    def ranking_ready(self) -> bool:
        """The ranking shown is the one asked for (not loading)."""
        return self.computed is not None and not self.ranking.is_loading()

    def recompute(self) -> None:
        """Read the competition and compute the results of the round and method chosen
        (the first time: the competition's own method), on a worker thread."""
        self._request += 1
        request, rnd = self._request, self.round.currentData()
        method = self.method.currentData() if self.loaded else None
        # the evidence depends on the data and the round, not on the method shown
        evidence_current = self._evidence_key == (self._data_version, rnd)
        self._evidence_stale = self._evidence_stale or not evidence_current
        pages = [self.winners, self.ranking]
        if not evidence_current:
            pages += [self.stability, self.fairness]
        db, comp = self.ctx.db, self.ctx.competition

        def done(loaded: LoadedResults) -> None:
            if request == self._request:
                self.show_results(loaded)

        if self._results_job is not None:
            self._results_job.cancel()
        self._results_job = self.load_in_background(  # the evidence waits for the results
            lambda _progress: load_results(db, comp, rnd, method), pages,
            self.tr("Computing the results…"), done, self.tr("Cannot compute the results"))
        self.actions.update()  # nothing to finalize while computing

    def show_results(self, loaded: LoadedResults) -> None:
        self.loaded = loaded
        context = loaded.context
        self.round.clear()
        self.round.addItem("", None)
        for r in context.rounds:
            self.round.addItem("", r.code)
        self.round.setCurrentIndex(max(self.round.findData(loaded.round_code), 0))
        self.method.setCurrentIndex(self.method.findData(loaded.method))
        computed = loaded.computed
        names, entries = self.names(), computed.entries if computed else {}
        self.ranking_page.set_ranking(loaded.by_group, entries, names.tiers, names.categories)
        self.ties_panel.set_ties(computed.results.blocking_ties if computed else (), entries,
                                 names.tiers, names.categories)
        self.winners.finish()
        self.ranking.finish()
        if computed is None:  # nothing scored: no evidence to compute
            for page in (self.stability, self.fairness):
                if page.is_loading():
                    page.finish()
        self.retranslate()
        self._load_evidence_if_needed()

    def _load_evidence_if_needed(self) -> None:
        if (self.tabs.currentWidget() not in (self.stability, self.fairness)
                or not self._evidence_stale or self.computed is None):
            return
        self._evidence_stale = False
        rnd = self.round.currentData()
        key = self._evidence_key = (self._data_version, rnd)
        db, comp = self.ctx.db, self.ctx.competition
        base = self.loaded.context.setup.rules.aggregation
        shown = self.names()
        categories, tiers, names = shown.categories, shown.tiers, shown.rounds

        def work(report) -> Evidence:
            found = results.evidence(db, comp, rnd, report)
            round_names = {i: names.get(c, c) for i, c in found.fairness.rounds.items()}
            return prepare_evidence(found, AggregationMethod(base), categories, round_names,
                                    tiers)

        def done(evidence: Evidence) -> None:
            if key != self._evidence_key:
                return  # the data or the round changed meanwhile; a newer load follows
            self.evidence = evidence
            for page in (self.stability, self.fairness):
                page.set_evidence(evidence)
                page.finish()

        if self._evidence_job is not None:
            self._evidence_job.cancel()
        self._evidence_job = self.load_in_background(
            work, [self.stability, self.fairness], self.tr("Computing the fairness evidence…"),
            done, self.tr("Cannot compute the fairness evidence"))

    def names(self) -> Names:
        """The competition's names in the language shown."""
        context = self.loaded.context if self.loaded else None
        return names_in(context, self.ctx.language() == ENGLISH)

    # -- texts -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.round_label.setText(self.tr("&Round:"))
        self.method_label.setText(self.tr("&Method:"))
        self.round.setItemText(0, self.tr("All rounds (final result)"))
        shown = self.names()
        names = shown.rounds
        for i in range(1, self.round.count()):
            code = self.round.itemData(i)
            self.round.setItemText(i, names.get(code, code))
        for i in range(self.method.count()):
            self.method.setItemText(i, method_label(self.method.itemData(i)))
        page = self.ranking_page
        page.tier_labels = self.ties_panel.model.tier_labels = shown.tiers
        page.category_names = self.ties_panel.model.category_names = shown.categories
        self.model.criterion_names = shown.criteria
        page.retranslate()
        for i, title in enumerate((self.tr("Winners"), self.tr("Ranking"),
                                   self.tr("Rank stability"), self.tr("Fairness"))):
            self.tabs.setTabText(i, title)
        c = self.computed
        self.formula.setVisible(c is not None)
        self.notes.setVisible(False)
        if c is not None:
            self.formula.setText(formula_text(c.results.method, c.results.rules.round_combination,
                                              [names.get(r, r) for r in c.round_codes])
                                 + " " + rounding_text())
            notes = note_texts(c, names)
            self.notes.setText("\n".join(notes))
            self.notes.setVisible(bool(notes))
        snapshot = self.loaded.context.snapshot if self.loaded else None
        if snapshot is not None:
            self.final_banner.setText(fill(self.tr("Final. Snapshot digest (SHA-256): %1"),
                                           snapshot.digest))
        self.final_banner.setVisible(snapshot is not None)
        self.stability.retranslate()
        self.fairness.retranslate()
        self.actions.retranslate()
        self._show_next_step()
        self._show_winners(shown)

    def _show_next_step(self) -> None:
        """Nothing to rank yet: say so and where the sheets are followed."""
        c = self.computed
        if c is None or any(r.sheet_count for r in c.results.rows):
            self.next_step.hide()
            return
        self.next_step.show_step(
            self.tr("No results yet"),
            self.tr("No score sheet has been submitted in the rounds shown. The ranking "
                    "appears as the judges submit their sheets."),
            [(self.tr("Follow the progress"), lambda: self.navigate.emit("progress"))])

    def _show_winners(self, shown: Names) -> None:
        """The winners computed with the results (results_load), in the current language."""
        loaded = self.loaded
        allowed = self.is_final_selection() and bool(loaded) and (
            loaded.context.status != "finalized")
        self.winners.set_winners(loaded.winners if loaded else (),
                                 self.computed.entries if self.computed else {},
                                 shown.tiers, shown.categories, allowed)
