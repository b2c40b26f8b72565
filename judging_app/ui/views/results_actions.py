"""What the secretariat does from the Results view: the chair's decision on a blocking tie,
finalizing, taking entries on to the next round; and the hint saying what still blocks
finalizing. Each write recomputes the results (seconds on large competitions): it runs in
the background, then the view reloads and tells the other views. The questions go through
the view's `dialogs` (ResultsDialogs; tests replace it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QPushButton

from judging_app.core.scoring import TieGroup
from judging_app.services import advancement, results
from judging_app.services.workspace import Workspace
from judging_app.ui.i18n import fill
from judging_app.ui.views.results_decision import TiedEntry, TiesModel
from judging_app.ui.views.results_models import localized_number, method_label

if TYPE_CHECKING:
    from judging_app.ui.views.results_view import ResultsView


class ResultsActions(QObject):
    """The bar's Finalize and Advance buttons, the hint below it, and the tie decisions."""

    def __init__(self, view: ResultsView) -> None:
        super().__init__(view)
        self.view = view
        self.finalize_button = QPushButton()
        self.finalize_button.setObjectName("finalize")
        self.finalize_button.clicked.connect(self.finalize)
        self.advance_button = QPushButton()
        self.advance_button.setObjectName("advance")
        self.advance_button.clicked.connect(self.advance)
        self.hint = QLabel()
        self.hint.setObjectName("finalizeHint")
        self.hint.setWordWrap(True)

    # -- what may be done now ----------------------------------------------------------------
    def update(self) -> None:
        """Enable what the results shown allow; say what blocks finalizing."""
        view, loaded = self.view, self.view.loaded
        context = loaded.context if loaded else None
        final = view.is_final_selection()
        readiness = loaded.readiness if loaded else None
        ready = readiness is not None and readiness.ready and view.ranking_ready()
        finalized = context is not None and context.status == "finalized"
        self.finalize_button.setEnabled(final and ready and not finalized)
        self.advance_button.setVisible(self._round_has_rule() and not finalized)
        view.ties_panel.set_allowed(final and not finalized)
        if context is None:
            hint = ""  # nothing read yet: the pages say what is being computed
        elif finalized:
            hint = self.tr("The results are final.")
        elif not final:
            hint = self.tr("Deciding ties and finalizing use all rounds with the competition's "
                           "method; choose them to act.")
        elif readiness is None:
            hint = ""
        elif readiness.blocking_ties:
            hint = fill(self.tr("Not ready to finalize. Ties on an award boundary waiting for "
                                "the chair's decision: %1."), readiness.blocking_ties)
        elif readiness.incomplete_entries:
            hint = fill(self.tr("Not ready to finalize. Entries missing score sheets (see "
                                "Progress): %1."), len(readiness.incomplete_entries))
        elif not readiness.ready:
            hint = self.tr("Only a competition in judging can be finalized.")
        else:
            hint = self.tr("Nothing blocks finalizing.")
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))  # no empty line while computing

    def _round_has_rule(self) -> bool:
        code, loaded = self.view.round.currentData(), self.view.loaded
        if not code or loaded is None:
            return False
        spec = next((r for r in loaded.context.setup.rounds if r.code == code), None)
        return spec is not None and spec.advancement.kind not in ("none", "manual")

    def retranslate(self) -> None:
        self.finalize_button.setText(self.tr("&Finalize…"))
        self.advance_button.setText(self.tr("&Advance to the next round…"))
        self.update()

    # -- the chair's decision on a tie -------------------------------------------------------
    def decide_tie(self, tie: TieGroup) -> None:
        """Decide the tie chosen on the winners page (the same as choosing it in the panel)."""
        panel = self.view.ties_panel
        for row in range(panel.model.rowCount()):
            if panel.model.record(row) is tie:
                panel.table.selectRow(row)
                self.decide()
                return

    def decide(self) -> None:
        view, panel = self.view, self.view.ties_panel
        tie = panel.selected()
        computed = view.loaded.computed if view.loaded else None
        if tie is None or not panel.decide.isEnabled() or computed is None:
            return
        entries = computed.entries
        row = computed.results.row(tie.entry_ids[0])
        answer = view.dialogs.decide_tie(
            view, [TiedEntry(entries[e].code, entries[e].title) for e in tie.entry_ids],
            localized_number(row.displayed_score), panel.model.cell(tie, TiesModel.AT_STAKE),
            view.loaded.context.chairs)
        if answer is None:
            return
        reason = answer.reason + "\n" + fill(self.tr("Chair: %1"), answer.chair)
        comp = view.ctx.competition
        self._write(lambda ws: results.record_tie_decision(ws, comp, answer.order, reason),
                    self.tr("Recording the decision…"), self.tr("Cannot record the decision"),
                    lambda _r: None)

    # -- finalizing and advancing ------------------------------------------------------------
    def finalize(self) -> None:
        view = self.view
        if not self.finalize_button.isEnabled() or view.loaded is None:
            return
        setup = view.loaded.context.setup
        if not view.dialogs.confirm_finalize(
            view, self.tr("Finalize the results"),
            fill(self.tr("Finalize the results of %1?"), setup.name),
            fill(self.tr("A snapshot of the results (all rounds, method: %1) is stored with its "
                         "digest, and the competition becomes final: nothing in it can be "
                         "changed afterwards."), method_label(setup.rules.aggregation)),
            self.tr("&Finalize"),
        ):
            return
        comp = view.ctx.competition
        self._write(lambda ws: results.finalize(ws, comp), self.tr("Finalizing the results…"),
                    self.tr("Cannot finalize the results"),
                    lambda digest: view.dialogs.show_digest(view, digest))

    def advance(self) -> None:
        """Take the entries the selected round's rule keeps on to the next round: who goes
        on is computed first (in the background), then confirmed."""
        view = self.view
        rnd = view.round.currentData()
        if not rnd:
            return
        db, comp = view.ctx.db, view.ctx.competition

        def confirm(plan: advancement.AdvancementPlan) -> None:
            if view.dialogs.confirm_finalize(
                view, self.tr("Advance to the next round"),
                fill(self.tr("%1 entries go on to the next round by the rule of this round."),
                     len(plan.advancing)),
                ", ".join(plan.advancing), self.tr("&Advance"),
            ):
                self._write(lambda ws: advancement.advance(ws, comp, rnd),
                            self.tr("Taking entries on…"), self.tr("Cannot take entries on"),
                            lambda _plan: None)

        view.run_in_background(lambda _p: advancement.preview_advancement(db, comp, rnd),
                               self.tr("Computing who goes on…"), confirm,
                               self.tr("Cannot take entries on"))

    def _write(self, action: Callable[[Workspace], Any], label: str, failure_title: str,
               after: Callable[[Any], None]) -> None:
        """A write that changes the results: asks who is working, runs in the background,
        then reloads the view and tells the other views."""
        view = self.view
        ws = view.ctx.workspace(view)
        if ws is None:
            return

        def done(outcome: Any) -> None:
            view.changed.emit()
            view.refresh()
            after(outcome)

        view.run_in_background(lambda _p: action(ws), label, done, failure_title)
