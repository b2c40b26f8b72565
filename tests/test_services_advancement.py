"""Taking entries on to the next round by the round's rule (both backends)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal as D

import pytest

from judging_app.core.enums import AdvancementKind, CompetitionStatus, EntryStatus
from judging_app.core.setup import AdvancementRule, RoundSpec
from judging_app.services import (
    advancement,
    assignments,
    competitions,
    entries,
    judges,
    results,
    sheets,
)
from judging_app.services.entries import EntryInput
from judging_app.services.errors import LockedError, ValidationError
from judging_app.services.judges import JudgeInput
from judging_app.services.sheets import SheetInput
from judging_app.services.workspace import Workspace

from factories import tiny_setup


def two_rounds(db, top_n=1):
    base = tiny_setup()
    prop = dataclasses.replace(base.rounds[1], advancement=AdvancementRule(AdvancementKind.TOP_N, top_n=top_n))
    pres = RoundSpec(code="pres", name="Presentasi", criteria=prop.criteria)
    ws = Workspace(db, "Sekretariat")
    comp = competitions.create_competition(
        ws, dataclasses.replace(base, rounds=(base.rounds[0], prop, pres)))
    entries.add_unit(ws, comp.code, "U1", "Dinas Satu")
    for i in range(1, 5):
        entries.add_entry(ws, comp.code, EntryInput(f"E{i}", f"Inovasi {i}", "U1", "umum"))
    entries.set_entry_status(ws, comp.code, ["E1", "E2", "E3", "E4"], EntryStatus.ELIGIBLE)
    judges.add_judge(ws, comp.code, JudgeInput("J1", "Juri 1"))
    competitions.set_status(ws, comp.code, CompetitionStatus.REGISTRATION)
    competitions.set_status(ws, comp.code, CompetitionStatus.JUDGING)
    assignments.auto_assign(ws, comp.code, "prop", 1)
    return ws, comp.code


def score(ws, code, values):
    for entry, (a, b) in values.items():
        sheets.save_sheet(ws, code, "prop", "J1", entry, SheetInput({"A": D(a), "B": D(b)}))
        sheets.submit_sheet(ws, code, "prop", "J1", entry)


def test_top_n_advances_and_the_next_round_gets_those_entries(db):
    ws, code = two_rounds(db, top_n=2)
    assert assignments.preview_auto_assign(db, code, "pres", 1).new_assignments == []
    score(ws, code, {"E1": (5, 5), "E2": (4, 4), "E3": (3, 3), "E4": (2, 2)})
    plan = advancement.preview_advancement(db, code, "prop")
    assert (plan.advancing, plan.eliminated) == (("E1", "E2"), ("E3", "E4"))
    advancement.advance(ws, code, "prop")
    preview = assignments.preview_auto_assign(db, code, "pres", 1)
    assert sorted(e for _, e in preview.new_assignments) == ["E1", "E2"]
    # by hand, with a reason (a decision), on top of the rule
    with pytest.raises(ValidationError, match="needs a reason"):
        advancement.advance(ws, code, "prop", manual=["E3"])
    advancement.advance(ws, code, "prop", manual=["E3"], reason="wild card dewan juri")
    preview = assignments.preview_auto_assign(db, code, "pres", 1)
    assert sorted(e for _, e in preview.new_assignments) == ["E1", "E2", "E3"]


def test_a_tie_on_the_cut_off_must_be_decided_first(db):
    ws, code = two_rounds(db, top_n=1)
    score(ws, code, {"E1": (5, 5), "E2": (5, 5), "E3": (3, 3), "E4": (2, 2)})
    plan = advancement.preview_advancement(db, code, "prop")
    assert plan.tied_at_cutoff == ("E1", "E2")
    with pytest.raises(LockedError, match="tie sits on the cut-off"):
        advancement.advance(ws, code, "prop")
    results.record_tie_decision(ws, code, ["E2", "E1"], "presentasi lebih kuat")
    assert advancement.advance(ws, code, "prop").advancing == ("E2",)
