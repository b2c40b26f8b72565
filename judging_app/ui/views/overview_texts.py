"""Words of the overview: stage names, next-action buttons and the sentence saying what to
do next. Module-level functions on purpose (see the note on `translate` in i18n.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from judging_app.services.dashboard import Dashboard, NextAction, Stage
from judging_app.ui.i18n import fill, format_int


def stage_label(stage: Stage) -> str:
    return {
        Stage.SETUP: QCoreApplication.translate("OverviewView", "Setup"),
        Stage.REGISTRATION: QCoreApplication.translate("OverviewView", "Registration"),
        Stage.SCREENING: QCoreApplication.translate("OverviewView", "Screening"),
        Stage.JUDGING: QCoreApplication.translate("OverviewView", "Judging"),
        Stage.RESULTS: QCoreApplication.translate("OverviewView", "Results"),
        Stage.FINALIZED: QCoreApplication.translate("OverviewView", "Finalized"),
    }[stage]


def action_text(action: NextAction) -> str:
    return {
        NextAction.CHECK_SETUP: QCoreApplication.translate("OverviewView", "Check the setup"),
        NextAction.OPEN_REGISTRATION: QCoreApplication.translate(
            "OverviewView", "Open registration…"),
        NextAction.ADD_ENTRIES: QCoreApplication.translate(
            "OverviewView", "Add or import entries"),
        NextAction.SCREEN_ENTRIES: QCoreApplication.translate("OverviewView", "Screen entries"),
        NextAction.ADD_JUDGES: QCoreApplication.translate("OverviewView", "Enrol judges"),
        NextAction.ASSIGN_JUDGES: QCoreApplication.translate("OverviewView", "Assign judges"),
        NextAction.START_JUDGING: QCoreApplication.translate("OverviewView", "Start judging…"),
        NextAction.SEND_TO_JUDGES: QCoreApplication.translate(
            "OverviewView", "Packages and score sheets for judges"),
        NextAction.FOLLOW_PROGRESS: QCoreApplication.translate(
            "OverviewView", "Follow the progress"),
        NextAction.ADVANCE: QCoreApplication.translate(
            "OverviewView", "Take entries on to the next round"),
        NextAction.DECIDE_TIES: QCoreApplication.translate("OverviewView", "Decide the ties"),
        NextAction.FINALIZE: QCoreApplication.translate("OverviewView", "Finalize the results"),
        NextAction.REVIEW_RESULTS: QCoreApplication.translate("OverviewView", "See the results"),
        NextAction.EXPORT_DOCUMENTS: QCoreApplication.translate(
            "OverviewView", "Export the winners list and minutes"),
    }[action]


def step_text(d: Dashboard) -> str:
    """One or two sentences: what the first next action is for."""
    first = d.next_actions[0] if d.next_actions else None
    n = format_int
    if first == NextAction.CHECK_SETUP:
        return QCoreApplication.translate(
            "OverviewView", "Check the categories, rounds, criteria and award tiers, then open "
            "registration so entries can be added.")
    if first == NextAction.ADD_ENTRIES:
        return QCoreApplication.translate(
            "OverviewView", "Registration is open. Add the innovations one by one or import "
            "them from a spreadsheet.")
    if first == NextAction.SCREEN_ENTRIES:
        return fill(QCoreApplication.translate(
            "OverviewView", "%1 entries wait for the administrative screening: mark each "
            "eligible or disqualified (with a reason)."), n(d.registered))
    if first == NextAction.ADD_JUDGES:
        return QCoreApplication.translate(
            "OverviewView", "Every entry is screened. Enrol the judges (and the chair) with "
            "their units, so conflicts of interest are found automatically.")
    if first == NextAction.ASSIGN_JUDGES:
        return QCoreApplication.translate(
            "OverviewView", "Assign judges to the entries of the round: automatic assignment "
            "balances the loads and never gives a judge an entry of their own unit.")
    if first == NextAction.START_JUDGING:
        return QCoreApplication.translate(
            "OverviewView", "Everything is ready. Start judging: judges can then score the "
            "entries assigned to them.")
    if first == NextAction.SEND_TO_JUDGES:
        return QCoreApplication.translate(
            "OverviewView", "No sheet has been started yet. Judges score in judge mode on "
            "this database, or on their own laptops with a judge package, an Excel workbook "
            "or paper sheets.")
    if first == NextAction.FOLLOW_PROGRESS and d.round is not None:
        return fill(QCoreApplication.translate(
            "OverviewView", "Judging is under way: %1 of %2 sheets submitted. Remind the "
            "judges whose sheets are missing."), n(d.round.submitted), n(d.round.expected))
    if first == NextAction.ADVANCE:
        return QCoreApplication.translate(
            "OverviewView", "Every sheet of this round is in. Take the best entries on to the "
            "next round, then assign its judges.")
    if first == NextAction.DECIDE_TIES and d.undecided is not None:
        return fill(QCoreApplication.translate(
            "OverviewView", "Every sheet is in. %1 ties on an award boundary wait for the "
            "chair's decision (with a reason) before the results can be finalized."),
            n(d.undecided.blocking_ties))
    if first == NextAction.FINALIZE:
        return QCoreApplication.translate(
            "OverviewView", "Nothing blocks the results any more. Look at the winners, then "
            "finalize: the results are frozen with a digest for the minutes.")
    if first == NextAction.EXPORT_DOCUMENTS:
        return QCoreApplication.translate(
            "OverviewView", "The results are final. Export the winners list, the minutes and "
            "the results workbook for the mayor's decree.")
    return QCoreApplication.translate(
        "OverviewView", "Every sheet is in. Look at the results while the ties and missing "
        "sheets are being checked.")
