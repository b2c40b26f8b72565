"""Results: per-category ranking with ties and tie-breaks, the chair's decisions on blocking
ties, the method switcher, rank stability, the fairness evidence, and finalizing.

Deciding a tie and finalizing act on the final results (all rounds, the competition's
method): they are offered only while those are shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.enums import AggregationMethod, JudgeRole
from judging_app.core.scoring.winners import winners
from judging_app.services import competitions, judges, progress, results
from judging_app.services.errors import ServiceError
from judging_app.services.results import ResultsView as ComputedResults
from judging_app.ui.i18n import ENGLISH, fill, message_text
from judging_app.ui.views.base import View, ViewContext
from judging_app.ui.views.empty_hint import EmptyHint
from judging_app.ui.views.loading import Loadable
from judging_app.ui.views.next_step import NextStep
from judging_app.ui.views.results_decision import (
    BlockingTiesPanel,
    ResultsDialogs,
    TiedEntry,
    TiesModel,
)
from judging_app.ui.views.results_fairness import (
    Evidence,
    FairnessPage,
    StabilityPage,
    prepare_evidence,
)
from judging_app.ui.views.results_models import (
    BLOCKING_COLOUR,
    DECIDED_COLOUR,
    TIE_COLOUR,
    RankingModel,
    formula_text,
    localized_number,
    method_label,
    note_texts,
    rounding_text,
    table,
)
from judging_app.ui.views.results_winners import WinnersPage


class ResultsView(View):
    key = "results"

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialogs = ResultsDialogs()
        self.computed: ComputedResults | None = None
        self.readiness: progress.FinalizeReadiness | None = None
        self.snapshot: progress.SnapshotInfo | None = None
        self.evidence: Evidence | None = None
        self.setup = None
        self.status = ""
        self.chairs: list[str] = []
        self.rounds: list[progress.RoundChoice] = []
        self._evidence_stale = True
        self._stale = False
        self._loaded = False
        self._request = 0
        self._data_version = 0  # moves on whenever the data may have changed (refresh)
        self._evidence_key: tuple | None = None  # (data version, round) of the evidence
        self._results_job = self._evidence_job = None
        self.round_label, self.method_label = QLabel(), QLabel()
        self.round = QComboBox()
        self.round.setObjectName("round")
        self.method = QComboBox()
        self.method.setObjectName("method")
        for m in AggregationMethod:
            self.method.addItem("", m)
        self.round_label.setBuddy(self.round)
        self.method_label.setBuddy(self.method)
        self.finalize_button = QPushButton()
        self.finalize_button.setObjectName("finalize")
        self.finalize_hint = QLabel()
        self.finalize_hint.setObjectName("finalizeHint")
        self.finalize_hint.setWordWrap(True)
        bar = QHBoxLayout()
        for w in (self.round_label, self.round, self.method_label, self.method):
            bar.addWidget(w)
        bar.addStretch(1)
        self.advance_button = QPushButton()
        self.advance_button.setObjectName("advance")
        self.advance_button.clicked.connect(self.advance)
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
        self.winners.decideRequested.connect(self.decide_tie)
        self.tabs.addTab(self.winners, "")
        self.ranking = Loadable(self._ranking_page())
        self.tabs.addTab(self.ranking, "")
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
        self.finalize_button.clicked.connect(self.finalize)
        self.ties_panel.decide_requested.connect(self.decide)
        self.retranslate()

    def _ranking_page(self) -> QWidget:
        self.category_label, self.find_label = QLabel(), QLabel()
        self.category = QComboBox()
        self.category.setObjectName("category")
        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.category.currentIndexChanged.connect(lambda _i: self._show_category())
        self.category_label.setBuddy(self.category)
        self.find = QLineEdit()
        self.find.setObjectName("find")
        self.find.setClearButtonEnabled(True)
        self.find.setMinimumWidth(180)
        self.find.textChanged.connect(lambda _t: self._show_category())
        self.find_label.setBuddy(self.find)
        self.legend = QLabel()
        self.legend.setObjectName("legend")
        top = QHBoxLayout()
        for w in (self.category_label, self.category, self.find_label, self.find):
            top.addWidget(w)
        top.addStretch(1)
        self.model = RankingModel(self)
        m = RankingModel
        self.table = table(self.model, "rankingTable", {m.AWARD: 125, m.CODE: 80, m.UNIT: 150,
                                                        m.FLAGS: 290}, stretch=m.TITLE)
        self.no_matches = EmptyHint(self.table, lambda: fill(self.tr(
            "No entry in this category matches “%1”."), self.find.text().strip())
            if self.find.text().strip() else None)
        self.ties_panel = BlockingTiesPanel()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.ties_panel)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        return page

    # -- loading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        if self._loaded and not self.isVisible():
            self._stale = True  # reloaded when shown again
            return
        self._loaded, self._stale = True, False
        db, comp = self.ctx.db, self.ctx.competition
        self.setup = competitions.get_setup(db, comp)
        self.status = competitions.get_summary(db, comp).status
        self.snapshot = progress.final_snapshot(db, comp)
        self.chairs = [j.name for j in judges.list_judges(db, comp) if j.role == JudgeRole.CHAIR]
        self.rounds = progress.scored_rounds(db, comp)
        chosen = self.round.currentData()
        self.round.clear()
        self.round.addItem("", None)
        for r in self.rounds:
            self.round.addItem(self._name(r.name, r.name_en), r.code)
        self.round.setCurrentIndex(max(self.round.findData(chosen), 0))
        if self.computed is None:
            self.method.setCurrentIndex(self.method.findData(self.setup.rules.aggregation))
        self._data_version += 1
        self.retranslate()
        if self.rounds:
            self.recompute()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def is_final_selection(self) -> bool:
        """Showing what finalize freezes: all rounds with the competition's method."""
        return (self.setup is not None and self.round.currentData() is None
                and self.method.currentData() == self.setup.rules.aggregation)

    def ranking_ready(self) -> bool:
        """The ranking shown is the one asked for (not loading)."""
        return self.computed is not None and not self.ranking.is_loading()

    def recompute(self) -> None:
        self._request += 1
        request, rnd, method = self._request, self.round.currentData(), self.method.currentData()
        # the evidence depends on the data and the round, not on the method shown
        evidence_current = self._evidence_key == (self._data_version, rnd)
        self._evidence_stale = self._evidence_stale or not evidence_current
        pages = [self.ranking] if evidence_current else [self.ranking, self.stability,
                                                         self.fairness]
        db, comp, status = self.ctx.db, self.ctx.competition, self.status

        def work(_progress) -> tuple[ComputedResults, progress.FinalizeReadiness]:
            view = results.compute(db, comp, rnd, method)
            return view, progress.finalize_readiness(view, status)

        def done(outcome: tuple[ComputedResults, progress.FinalizeReadiness]) -> None:
            if request == self._request:
                self.show_results(*outcome)
                self.ranking.finish()

        if self._results_job is not None:
            self._results_job.cancel()
        self._results_job = self.load_in_background(  # the evidence waits for the results
            work, pages, self.tr("Computing the results…"), done,
            self.tr("Cannot compute the results"))

    def show_results(self, computed: ComputedResults, readiness: progress.FinalizeReadiness
                     ) -> None:
        self.computed, self.readiness = computed, readiness
        groups = list(dict.fromkeys(r.group for r in computed.results.rows))
        chosen = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        for g in groups:
            self.category.addItem("", g)
        self.category.setCurrentIndex(max(self.category.findData(chosen), 0))
        self.category.blockSignals(False)
        self.ties_panel.set_ties(computed.results.blocking_ties, computed.entries, self._tiers(),
                                 self._categories())
        self.retranslate()
        self._show_category()
        self._load_evidence_if_needed()

    def _show_category(self) -> None:
        if self.computed is None:
            self.model.set_ranking([], {}, {})
            return
        group, needle = self.category.currentData(), self.find.text().strip().casefold()
        entries = self.computed.entries
        rows = [r for r in self.computed.results.rows if r.group == group and (
            not needle or needle in entries[r.entry_id].code.casefold()
            or needle in entries[r.entry_id].title.casefold())]
        self.model.set_ranking(rows, entries, self._tiers())

    def _load_evidence_if_needed(self) -> None:
        if (self.tabs.currentWidget() not in (self.stability, self.fairness)
                or not self._evidence_stale or self.computed is None):
            return
        self._evidence_stale = False
        rnd = self.round.currentData()
        key = self._evidence_key = (self._data_version, rnd)
        db, comp = self.ctx.db, self.ctx.competition
        base = self.setup.rules.aggregation if self.setup else AggregationMethod.MEAN
        categories = self._categories()
        names = {r.code: self._name(r.name, r.name_en) for r in self.rounds}

        def work(report) -> Evidence:
            found = results.evidence(db, comp, rnd, report)
            round_names = {i: names.get(c, c) for i, c in found.fairness.rounds.items()}
            return prepare_evidence(found, AggregationMethod(base), categories, round_names)

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

    # -- names in the current language -------------------------------------------------------
    def _name(self, name: str, name_en: str) -> str:
        return name_en or name if self.ctx.language() == ENGLISH else name

    def _tiers(self) -> dict[str, str]:
        tiers = self.setup.award_tiers if self.setup else ()
        return {t.code: self._name(t.label, t.label_en) for t in tiers}

    def _categories(self) -> dict[str, str]:
        cats = self.setup.categories if self.setup else ()
        return {c.code: self._name(c.name, c.name_en) for c in cats}

    # -- actions -----------------------------------------------------------------------------
    def decide_tie(self, tie) -> None:
        """Decide the tie chosen on the winners page (the same as choosing it below)."""
        model = self.ties_panel.model
        for row in range(model.rowCount()):
            if model.record(row) is tie:
                self.ties_panel.table.selectRow(row)
                self.decide()
                return

    def decide(self) -> None:
        tie = self.ties_panel.selected()
        if tie is None or not self.ties_panel.decide.isEnabled() or self.computed is None:
            return
        entries = self.computed.entries
        row = self.computed.results.row(tie.entry_ids[0])
        answer = self.dialogs.decide_tie(
            self, [TiedEntry(entries[e].code, entries[e].title) for e in tie.entry_ids],
            localized_number(row.displayed_score), self.ties_panel.model.cell(tie, TiesModel.AT_STAKE),
            self.chairs)
        if answer is None:
            return
        reason = answer.reason + "\n" + fill(self.tr("Chair: %1"), answer.chair)
        comp = self.ctx.competition
        self._write(lambda ws: results.record_tie_decision(ws, comp, answer.order, reason),
                    self.tr("Recording the decision…"), self.tr("Cannot record the decision"),
                    lambda _r: None)

    def finalize(self) -> None:
        if not self.finalize_button.isEnabled() or self.setup is None:
            return
        if not self.dialogs.confirm_finalize(
            self, self.tr("Finalize the results"),
            fill(self.tr("Finalize the results of %1?"), self.setup.name),
            fill(self.tr("A snapshot of the results (all rounds, method: %1) is stored with its "
                         "digest, and the competition becomes final: nothing in it can be "
                         "changed afterwards."), method_label(self.setup.rules.aggregation)),
            self.tr("&Finalize"),
        ):
            return
        comp = self.ctx.competition
        self._write(lambda ws: results.finalize(ws, comp), self.tr("Finalizing the results…"),
                    self.tr("Cannot finalize the results"),
                    lambda digest: self.dialogs.show_digest(self, digest))

    def advance(self) -> None:
        """Take the entries the selected round's rule keeps on to the next round."""
        from judging_app.services import advancement

        rnd = self.round.currentData()
        if not rnd:
            return
        try:
            plan = advancement.preview_advancement(self.ctx.db, self.ctx.competition, rnd)
        except ServiceError as exc:
            self.ctx.dialogs.show_error(self, self.tr("Cannot take entries on"), message_text(exc))
            return
        if not self.dialogs.confirm_finalize(
            self, self.tr("Advance to the next round"),
            fill(self.tr("%1 entries go on to the next round by the rule of this round."),
                 len(plan.advancing)),
            ", ".join(plan.advancing), self.tr("&Advance"),
        ):
            return
        comp = self.ctx.competition
        self._write(lambda ws: advancement.advance(ws, comp, rnd),
                    self.tr("Taking entries on…"), self.tr("Cannot take entries on"),
                    lambda _plan: None)

    def _write(self, action, label: str, failure_title: str, after) -> None:
        """A write that recomputes the results (seconds on large competitions): asks who is
        working, runs in the background, then reloads and tells the other views."""
        ws = self.ctx.workspace(self)
        if ws is None:
            return

        def done(outcome: Any) -> None:
            self.changed.emit()
            self.refresh()
            after(outcome)

        self.run_in_background(lambda _p: action(ws), label, done, failure_title)

    def _round_has_rule(self) -> bool:
        code = self.round.currentData()
        if not code or self.setup is None:
            return False
        spec = next((r for r in self.setup.rounds if r.code == code), None)
        return spec is not None and spec.advancement.kind not in ("none", "manual")

    # -- texts -------------------------------------------------------------------------------
    def _update_actions(self) -> None:
        final = self.is_final_selection()
        ready = self.readiness is not None and self.readiness.ready
        finalized = self.status == "finalized"
        self.finalize_button.setEnabled(final and ready and not finalized)
        self.advance_button.setVisible(self._round_has_rule() and not finalized)
        self.ties_panel.set_allowed(final and not finalized)
        if finalized:
            hint = self.tr("The results are final.")
        elif not final:
            hint = self.tr("Deciding ties and finalizing use all rounds with the competition's "
                           "method; choose them to act.")
        elif self.readiness is None:
            hint = ""
        elif self.readiness.blocking_ties:
            hint = fill(self.tr("Not ready to finalize. Ties on an award boundary waiting for "
                                "the chair's decision: %1."), self.readiness.blocking_ties)
        elif self.readiness.incomplete_entries:
            hint = fill(self.tr("Not ready to finalize. Entries missing score sheets (see "
                                "Progress): %1."), len(self.readiness.incomplete_entries))
        elif not ready:
            hint = self.tr("Only a competition in judging can be finalized.")
        else:
            hint = self.tr("Nothing blocks finalizing.")
        self.finalize_hint.setText(hint)
        self.finalize_hint.setVisible(bool(hint))  # no empty line while computing

    def retranslate(self) -> None:
        self.round_label.setText(self.tr("&Round:"))
        self.method_label.setText(self.tr("&Method:"))
        self.round.setItemText(0, self.tr("All rounds (final result)"))
        for i, r in enumerate(self.rounds, start=1):
            self.round.setItemText(i, self._name(r.name, r.name_en))
        self.model.tier_labels = self.ties_panel.model.tier_labels = self._tiers()
        self.model.criterion_names = self._criterion_names()
        self.ties_panel.model.category_names = self._categories()
        for i in range(self.method.count()):
            self.method.setItemText(i, method_label(self.method.itemData(i)))
        self.finalize_button.setText(self.tr("&Finalize…"))
        self.advance_button.setText(self.tr("&Advance to the next round…"))
        self.category_label.setText(self.tr("&Category:"))
        self.find_label.setText(self.tr("F&ind:"))
        self.find.setPlaceholderText(self.tr("Code or title"))
        self.legend.setText(" ".join(
            f'<span style="background:{c.name()}; color:#1d1d1d">&nbsp;{t}&nbsp;</span>'
            for c, t in ((TIE_COLOUR, self.tr("tied")),
                         (BLOCKING_COLOUR, self.tr("tie on an award boundary")),
                         (DECIDED_COLOUR, self.tr("equal score, separated by a tie-break")))))
        for i, title in enumerate((self.tr("Winners"), self.tr("Ranking"),
                                   self.tr("Rank stability"), self.tr("Fairness"))):
            self.tabs.setTabText(i, title)
        categories = self._categories()
        for i in range(self.category.count()):
            group = self.category.itemData(i)
            self.category.setItemText(i, categories.get(group, group) if group
                                      else self.tr("All entries (overall ranking)"))
        c = self.computed
        self.formula.setVisible(c is not None)
        if c is None:
            self.notes.hide()
        if c is not None:
            names = {r.code: self._name(r.name, r.name_en) for r in self.rounds}
            self.formula.setText(formula_text(c.results.method, c.results.rules.round_combination,
                                              [names.get(r, r) for r in c.round_codes])
                                 + " " + rounding_text())
            notes = note_texts(c, names)
            self.notes.setText("\n".join(notes))
            self.notes.setVisible(bool(notes))
        if self.snapshot is not None:
            self.final_banner.setText(fill(self.tr("Final. Snapshot digest (SHA-256): %1"),
                                           self.snapshot.digest))
        self.final_banner.setVisible(self.snapshot is not None)
        self.model.retranslate()
        self.no_matches.follow()
        self.ties_panel.retranslate()
        self.stability.retranslate()
        self.fairness.retranslate()
        self._update_actions()
        self._show_winners()

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

    def _show_winners(self) -> None:
        self._show_next_step()
        c = self.computed
        allowed = (self.is_final_selection() and self.status != "finalized")
        self.winners.set_winners(winners(c.results) if c is not None else (),
                                 c.entries if c is not None else {}, self._tiers(),
                                 self._categories(), allowed)

    def _criterion_names(self) -> dict[str, str]:
        """Criterion code -> name in the current language (the latest round's first)."""
        out: dict[str, str] = {}
        for rnd in self.setup.rounds if self.setup else ():
            for c in rnd.criteria:
                out[c.code] = self._name(c.name, c.name_en)
        return out
