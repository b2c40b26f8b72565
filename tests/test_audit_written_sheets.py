"""The audit event of an import records the state of the sheets it inserted from the
values it inserted (services/sheet_bulk.write_sheets) instead of reading them back: the
digests must be exactly those a read after the write gives, and a score changed behind
the app's back afterwards must still be found by verification (both backends)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, text

from judging_app.services import assignments, audit, score_import
from judging_app.store.models import AuditEvent

from factories import seeded_competition

ENTRIES = ["E1", "E2", "E3", "E4"]


def _csv(tmp_path, name: str, scores: dict[str, tuple[str, str]]):
    path = tmp_path / name
    rows = "".join(f"prop,J1,{e},A,{a}\nprop,J1,{e},B,{b}\n" for e, (a, b) in scores.items())
    path.write_text("round,judge,entry,criterion,score\n" + rows, encoding="utf-8")
    return path


def _recorded_and_read(db) -> tuple[dict, dict]:
    """The latest import event's sheet states, and the same sheets read from the database."""
    with db.read() as s:
        state = s.scalars(select(AuditEvent.state).where(
            AuditEvent.action == "scores.import_paper").order_by(AuditEvent.id.desc())).first()
        recorded = json.loads(state)["sheets"]
        return recorded, audit.sheet_states(s, [int(i) for i in recorded])


def _values(sheet_state: str) -> list[int]:
    """The milli values of 'round/judge/entry|state|criterion=milli,…' (criterion order)."""
    return [int(pair.split("=")[1]) for pair in sheet_state.split("|")[2].split(",")]


@pytest.mark.tampers
def test_the_states_of_inserted_sheets_are_those_read_back_and_tampering_is_found(db, tmp_path):
    seeded = seeded_competition(db, n_entries=4, n_judges=1)
    assignments.assign(seeded.ws, seeded.code, "prop", "J1", ENTRIES)
    # new sheets (drafts): their states come from the inserted values
    score_import.import_paper_scores(seeded.ws, seeded.code, _csv(
        tmp_path, "a.csv", {"E1": ("4", "3.5"), "E2": ("5", "1"), "E3": ("2", "5")}), submit=False)
    recorded, read = _recorded_and_read(db)
    assert len(recorded) == 3 and recorded == read
    assert all("|draft|" in v for v in recorded.values())
    assert sorted(_values(v) for v in recorded.values()) == [[2000, 5000], [4000, 3500],
                                                            [5000, 1000]]
    # a replaced sheet (E1) is read back, a new one (E4) comes from the insert
    score_import.import_paper_scores(seeded.ws, seeded.code, _csv(
        tmp_path, "b.csv", {"E1": ("1", "2"), "E4": ("3", "4")}))
    recorded, read = _recorded_and_read(db)
    assert len(recorded) == 2 and recorded == read
    assert all("|submitted|" in v for v in recorded.values())
    assert sorted(_values(v) for v in recorded.values()) == [[1000, 2000], [3000, 4000]]
    assert audit.verify_chain(db).ok
    # a score changed behind the app's back is found, on the sheet it was inserted with
    with db.engine.begin() as conn:
        conn.execute(text(
            "UPDATE scores SET value_milli = 1000 WHERE sheet_id = (SELECT sh.id FROM"
            " score_sheets sh JOIN entries e ON e.id = sh.entry_id WHERE e.code = 'E4')"
            " AND value_milli = 4000"))
    check = audit.verify_chain(db)
    assert not check.ok
    (problem,) = [p for p in check.problems if p.code == "audit.sheet_differs"]
    assert problem.params["sheet"] == "prop/J1/E4" and problem.params["criteria"] == ["B"]
