"""The attacks of issue 10 on the data and its trail, as a person with a database shell
would make them (plain SQL on the file or the server, both backends): each one is found,
named by codes, and finalized results are never presented from changed data."""

from __future__ import annotations

import pytest
from security_support import finalized_panel
from sqlalchemy import text

from judging_app.services import audit, maintenance, results
from judging_app.services.audit import keyed_hash, legacy_hash
from judging_app.services.errors import LockedError
from judging_app.services.snapshots import SnapshotMismatch
from judging_app.services.verification import verify_competition
from judging_app.store import entry_totals

pytestmark = pytest.mark.tampers


def shell(db, *statements: str) -> None:
    """What someone with the sqlite3 shell or psql does, behind the app's back."""
    with db.engine.begin() as conn:
        for sql in statements:
            conn.execute(text(sql))


def _codes(problems) -> list[str]:
    return [p.code for p in problems]


def _sheet_of(judge: str, entry: str) -> str:
    return ("SELECT sh.id FROM score_sheets sh JOIN judges j ON j.id = sh.judge_id"
            f" JOIN entries e ON e.id = sh.entry_id WHERE j.code = '{judge}' AND e.code = '{entry}'")


def test_scores_changed_after_finalize(db):
    panel, digest = finalized_panel(db)
    before = results.compute(db, panel.code)
    # E1: J1 had A=4, B=3.5 -> both 5 (E1 would climb from 74 to 77.33)
    shell(db, f"UPDATE scores SET value_milli = 5000 WHERE sheet_id = ({_sheet_of('J1', 'E1')})")
    # the results still present the snapshot (the totals the results read are unchanged) ...
    assert results.compute(db, panel.code).results.rows == before.results.rows
    # ... repairing the totals is refused, naming the finalized competition ...
    with pytest.raises(LockedError) as exc:
        maintenance.verify_entry_totals(db, repair=True)
    assert exc.value.message.code == "totals.finalized_refused" and panel.code in str(exc.value)
    wrong = maintenance.verify_entry_totals(db)
    assert wrong and all(m.params["entry"] == "E1" for m in wrong)
    # ... the trail names the sheet and the criteria ...
    check = audit.verify_chain(db)
    assert not check.ok
    (problem,) = [p for p in check.problems if p.code == "audit.sheet_differs"]
    assert problem.params == {"sheet": "prop/J1/E1", "criteria": ["A", "B"]}
    # ... and recomputing from the scores names the entry and the fields that moved
    report = verify_competition(db, panel.code, digest)
    assert not report.ok
    moved = {(p.params["entry"], p.params["field"]) for p in report.problems}
    assert ("E1", "score_exact") in moved and ("E1", "score") in moved
    assert all(entry == "E1" for entry, _ in moved)


def test_totals_rebuilt_behind_the_apps_back_are_refused_not_shown(db):
    panel, _ = finalized_panel(db)
    shell(db, f"UPDATE scores SET value_milli = 5000 WHERE sheet_id = ({_sheet_of('J1', 'E1')})")
    with db.write() as s:
        entry_totals.rebuild(s)  # what --repair did before it refused finalized competitions
    with pytest.raises(SnapshotMismatch) as exc:
        results.compute(db, panel.code)
    assert {(p.params["entry"], p.params["field"]) for p in exc.value.problems} >= {
        ("E1", "score_exact")}
    from judging_app.services.documents import minutes_data
    from judging_app.services.results_export import workbook_data

    for present in (minutes_data, workbook_data):  # the minutes and the workbook alike
        with pytest.raises(SnapshotMismatch):
            present(db, panel.code)


def test_a_finalized_competition_put_back_into_judging(db):
    panel, _ = finalized_panel(db)
    shell(db, "UPDATE competitions SET status = 'judging'")
    check = audit.verify_chain(db)
    problem = next(p for p in check.problems if p.code == "audit.status_differs")
    assert problem.params == {"competition": panel.code, "live": "judging",
                              "recorded": "finalized"}


def test_a_snapshot_edited_with_its_digest(db):
    panel, digest = finalized_panel(db)
    import hashlib
    import json

    with db.read() as s:
        payload = json.loads(s.execute(text("SELECT payload FROM result_snapshots")).scalar_one())
    payload["categories"][0]["rows"][0]["award"] = "Juara Palsu"
    body = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    new = hashlib.sha256(body.encode()).hexdigest()
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE result_snapshots SET payload = :p, digest = :d"),
                     {"p": body, "d": new})
    report = verify_competition(db, panel.code, digest)  # the digest printed on the paper
    assert "snapshot.printed_differs" in _codes(report.problems)
    assert "audit.snapshot_differs" in _codes(audit.verify_chain(db).problems)


def _events(db) -> list[dict]:
    cols = ("id", "competition_id", "at", "actor", "person_id", "verified", "action", "entity",
            "entity_key", "old", "new", "state", "prev_hash", "hash", "scheme")
    with db.read() as s:
        rows = s.execute(text(f"SELECT {', '.join(cols)} FROM audit_events ORDER BY id")).all()
    return [dict(zip(cols, r, strict=True)) for r in rows]


def _rechain(db, events: list[dict], hasher) -> None:
    """Rewrite every hash from the first event on, as a forger without the key must."""
    prev = "0" * 64
    with db.engine.begin() as conn:
        for ev in events:
            digest = hasher(prev, ev)
            conn.execute(text("UPDATE audit_events SET prev_hash = :p, hash = :h WHERE id = :i"),
                         {"p": prev, "h": digest, "i": ev["id"]})
            prev = digest
        conn.execute(text("UPDATE audit_head SET last_hash = :h, count = :n"),
                     {"h": prev, "n": len(events)})


@pytest.mark.parametrize("forger", ["sha256", "guessed_key"])
def test_an_edited_trail_rechained_without_the_key(db, forger):
    finalized_panel(db)
    events = _events(db)
    victim = next(e for e in events if e["action"] == "results.finalize")
    shell(db, f"UPDATE audit_events SET actor = 'Orang Lain' WHERE id = {victim['id']}")
    events = _events(db)
    if forger == "sha256":  # the old unkeyed chain, and the scheme column set to match
        shell(db, "UPDATE audit_events SET scheme = 'sha256'")
        _rechain(db, events, legacy_hash)
    else:
        _rechain(db, events, lambda prev, ev: keyed_hash(b"a guess" * 4, prev, ev))
    check = audit.verify_chain(db)
    assert not check.ok
    assert {"audit.event_changed", "audit.legacy_count"} & set(_codes(check.problems))


def test_an_event_removed_from_the_middle(db):
    finalized_panel(db)
    middle = _events(db)[5]["id"]
    shell(db, f"DELETE FROM audit_events WHERE id = {middle}")
    check = audit.verify_chain(db)
    assert check.first_bad_id == middle + 1 and "audit.chain_broken" in _codes(check.problems)


def test_the_tail_cut_off_and_the_head_moved_back(db):
    panel, _ = finalized_panel(db)
    events = _events(db)
    keep = events[:-3]  # the last sheets submitted and the finalize event go
    shell(db, f"DELETE FROM audit_events WHERE id > {keep[-1]['id']}")
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_head SET last_hash = :h, count = :n"),
                     {"h": keep[-1]["hash"], "n": len(keep)})
    check = audit.verify_chain(db)
    codes = _codes(check.problems)
    assert "audit.tail_missing" in codes  # this computer saw more events
    assert "audit.status_differs" in codes  # and the data says more than the trail


def test_every_event_deleted(db):
    panel, _ = finalized_panel(db)
    shell(db, "DELETE FROM audit_events",
          f"UPDATE audit_head SET last_hash = '{'0' * 64}', count = 0",
          "UPDATE app_security SET audit_key_check = NULL")
    check = audit.verify_chain(db)
    codes = _codes(check.problems)
    assert "audit.key_check_removed" in codes
    assert {"competition": panel.code} in [p.params for p in check.problems
                                           if p.code == "audit.competition_untracked"]
