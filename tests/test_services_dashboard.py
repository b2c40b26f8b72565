"""services.dashboard: the stage, the counts and the next actions follow a competition from
its setup to its final results (both backends)."""

from __future__ import annotations

from decimal import Decimal as D

from judging_app.core.enums import CompetitionStatus, EntryStatus
from judging_app.services import assignments, competitions, entries, results, sheets
from judging_app.services.dashboard import NextAction, Stage, dashboard, undecided, with_undecided
from judging_app.services.entries import EntryInput
from judging_app.services.judges import JudgeInput, add_judge
from judging_app.services.workspace import Workspace

from factories import seeded_competition, tiny_setup


def score(ws, code, judge, entry, a, b, submit=True):
    sheets.save_sheet(ws, code, "prop", judge, entry, sheets.SheetInput({"A": D(a), "B": D(b)}))
    if submit:
        sheets.submit_sheet(ws, code, "prop", judge, entry)


def test_from_setup_to_judging(db):
    ws = Workspace(db, "Sekretariat Uji")
    code = competitions.create_competition(ws, tiny_setup()).code
    d = dashboard(db, code)
    assert (d.stage, d.next_actions) == (Stage.SETUP, (NextAction.CHECK_SETUP,
                                                       NextAction.OPEN_REGISTRATION))
    assert (d.entries, d.judges, d.assignments) == (0, 0, 0)
    assert d.round is not None and (d.round.code, d.round.position, d.round.of) == ("prop", 1, 1)
    competitions.set_status(ws, code, CompetitionStatus.REGISTRATION)
    assert dashboard(db, code).next_actions == (NextAction.ADD_ENTRIES,)
    entries.add_unit(ws, code, "U1", "Dinas Kesehatan", "dinas")
    for i in (1, 2, 3):
        entries.add_entry(ws, code, EntryInput(code=f"E{i}", title=f"Inovasi {i}", unit="U1",
                                               category="umum"))
    d = dashboard(db, code)
    assert (d.stage, d.registered, d.next_actions) == (Stage.REGISTRATION, 3,
                                                       (NextAction.SCREEN_ENTRIES,))
    entries.set_entry_status(ws, code, ["E1", "E2"], EntryStatus.ELIGIBLE)
    entries.set_entry_status(ws, code, ["E3"], EntryStatus.DISQUALIFIED, "Tidak lengkap")
    d = dashboard(db, code)
    assert (d.stage, d.eligible, d.disqualified, d.registered) == (Stage.SCREENING, 2, 1, 0)
    assert d.next_actions == (NextAction.ADD_JUDGES,)
    add_judge(ws, code, JudgeInput(code="J1", name="Juri Satu"))
    add_judge(ws, code, JudgeInput(code="J2", name="Juri Dua", role="chair"))
    d = dashboard(db, code)
    assert (d.judges, d.chairs, d.next_actions) == (2, 1, (NextAction.ASSIGN_JUDGES,))
    assignments.auto_assign(ws, code, "prop", 2)
    d = dashboard(db, code)
    assert (d.assignments, d.round.expected, d.next_actions) == (4, 4,
                                                                (NextAction.START_JUDGING,))
    competitions.set_status(ws, code, CompetitionStatus.JUDGING)
    d = dashboard(db, code)
    assert (d.stage, d.next_actions) == (Stage.JUDGING, (NextAction.SEND_TO_JUDGES,
                                                         NextAction.FOLLOW_PROGRESS))


def test_judging_results_ties_and_finalized(db):
    seed = seeded_competition(db, n_entries=2, n_judges=2)
    ws, code = seed.ws, seed.code
    assignments.auto_assign(ws, code, "prop", 2)
    score(ws, code, "J1", "E1", 4, 4)
    score(ws, code, "J2", "E1", 4, 4, submit=False)
    d = dashboard(db, code)
    assert (d.stage, d.round.submitted, d.round.draft, d.round.expected) == (
        Stage.JUDGING, 1, 1, 4)
    assert d.next_actions == (NextAction.FOLLOW_PROGRESS, NextAction.REVIEW_RESULTS)
    u = undecided(db, code)
    assert (u.unsubmitted_sheets, u.incomplete_entries, u.unscored_entries) == (3, 2, 1)
    sheets.submit_sheet(ws, code, "prop", "J2", "E1")
    score(ws, code, "J1", "E2", 4, 4)
    score(ws, code, "J2", "E2", 4, 4)  # E1 and E2 are in different categories: no tie
    d = dashboard(db, code)
    assert (d.stage, d.next_actions) == (Stage.RESULTS, (NextAction.REVIEW_RESULTS,))
    assert d.undecided is None  # not computed by dashboard(): it needs the results
    u = undecided(db, code)
    assert not u.anything
    d = with_undecided(d, u)
    assert d.next_actions == (NextAction.FINALIZE, NextAction.REVIEW_RESULTS)
    results.finalize(ws, code)
    d = dashboard(db, code)
    assert (d.stage, d.next_actions) == (Stage.FINALIZED, (NextAction.EXPORT_DOCUMENTS,
                                                           NextAction.REVIEW_RESULTS))


def test_a_blocking_tie_asks_the_chair(db):
    seed = seeded_competition(db, n_entries=3, n_judges=2)
    ws, code = seed.ws, seed.code
    assignments.auto_assign(ws, code, "prop", 2)
    for entry in ("E1", "E3"):  # both in "umum": equal everywhere, tied for Juara I
        score(ws, code, "J1", entry, 4, 4)
        score(ws, code, "J2", entry, 4, 4)
    score(ws, code, "J1", "E2", 3, 3)
    score(ws, code, "J2", "E2", 3, 3)
    d = with_undecided(dashboard(db, code), undecided(db, code))
    assert d.undecided.blocking_ties == 1
    assert d.next_actions == (NextAction.DECIDE_TIES, NextAction.REVIEW_RESULTS)
    results.record_tie_decision(ws, code, ["E3", "E1"], "Keputusan pleno")
    d = with_undecided(dashboard(db, code), undecided(db, code))
    assert d.next_actions == (NextAction.FINALIZE, NextAction.REVIEW_RESULTS)


def test_the_counts_agree_with_the_progress_view(db):
    """The dashboard's aggregates count what services.progress counts (assignments of
    eligible entries to judges without a conflict; their submitted and draft sheets)."""
    from judging_app.demo.generator import build_demo
    from judging_app.services.progress import round_progress

    demo = build_demo(Workspace(db, "X"), entries=40, judges=5, scored=True)
    d = dashboard(db, demo.code)
    p = round_progress(db, demo.code, demo.round_code)
    assert (d.round.expected, d.round.submitted, d.round.draft) == (p.expected, p.submitted,
                                                                     p.draft)
    assert d.round.draft > 0 and d.round.submitted > 0
