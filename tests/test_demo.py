"""The demo-data generator, as a user of the demo would notice it."""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from fractions import Fraction

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from judging_app.demo.generator import build_demo
from judging_app.demo.names import UNIT_KINDS
from judging_app.services import audit
from judging_app.services.competitions import list_competitions
from judging_app.services.entries import add_unit
from judging_app.services.errors import ValidationError
from judging_app.services.workspace import Workspace
from judging_app.store.models import (
    Assignment,
    AuditEvent,
    Category,
    Competition,
    Conflict,
    Criterion,
    Entry,
    Judge,
    Round,
    Score,
    ScoreSheet,
    Unit,
)

UNIT_NAME = re.compile(r"^(Dinas |Badan |Kecamatan |Kelurahan |Puskesmas |SD Negeri |SMP Negeri "
                       r"|RSUD |UPT )")


def ws_of(db) -> Workspace:
    return Workspace(db, "Sekretariat Demo")


def comp_id(s, code: str) -> int:
    return s.scalar(select(Competition.id).where(Competition.code == code))


def assignments_by_entry(s, cid: int) -> dict[str, list[str]]:
    j, e = aliased(Judge), aliased(Entry)
    rows = s.execute(
        select(e.code, j.code).select_from(Assignment).join(e, e.id == Assignment.entry_id)
        .join(j, j.id == Assignment.judge_id).where(e.competition_id == cid)
    ).all()
    out: dict[str, list[str]] = defaultdict(list)
    for entry, judge in rows:
        out[entry].append(judge)
    return out


def conflicts_of(s, cid: int) -> list[tuple[str, str, str, str, str]]:
    j, e = aliased(Judge), aliased(Entry)
    return sorted(s.execute(
        select(j.code, e.code, Conflict.source, Conflict.reason, Conflict.reason_text)
        .select_from(Conflict).join(j, j.id == Conflict.judge_id).join(e, e.id == Conflict.entry_id)
        .where(e.competition_id == cid)
    ).all())


def scores_of(s, cid: int):
    """(judge, entry, criterion code, value, weight, min, max, step, state, comment) rows."""
    j, e = aliased(Judge), aliased(Entry)
    return s.execute(
        select(j.code, e.code, Criterion.code, Score.value_milli, Criterion.weight_milli,
               Criterion.scale_min_milli, Criterion.scale_max_milli, Criterion.scale_step_milli,
               ScoreSheet.state, Score.comment)
        .select_from(Score).join(ScoreSheet, ScoreSheet.id == Score.sheet_id)
        .join(Criterion, Criterion.id == Score.criterion_id)
        .join(j, j.id == ScoreSheet.judge_id).join(e, e.id == ScoreSheet.entry_id)
        .where(e.competition_id == cid)
    ).all()


def snapshot(db, code: str) -> dict:
    """Everything the demo wrote for one competition, by codes (no ids, no timestamps)."""
    with db.read() as s:
        cid = comp_id(s, code)
        u, c = aliased(Unit), aliased(Category)
        return {
            "units": sorted(s.execute(
                select(Unit.code, Unit.name, Unit.kind).where(Unit.competition_id == cid)).all()),
            "entries": sorted(s.execute(
                select(Entry.code, Entry.title, u.code, c.code, Entry.innovators, Entry.contact,
                       Entry.stage, Entry.innovation_type, Entry.started_on, Entry.summary,
                       Entry.links, Entry.status, Entry.status_reason)
                .join(u, u.id == Entry.unit_id).join(c, c.id == Entry.category_id)
                .where(Entry.competition_id == cid)).all()),
            "judges": sorted(s.execute(
                select(Judge.code, Judge.name, Judge.affiliation, u.code, Judge.email, Judge.phone,
                       Judge.role, Judge.key_nonce)
                .outerjoin(u, u.id == Judge.unit_id).where(Judge.competition_id == cid)).all()),
            "conflicts": conflicts_of(s, cid),
            "assignments": sorted(assignments_by_entry(s, cid).items()),
            "scores": sorted(scores_of(s, cid)),
        }


def test_default_demo_is_a_city_competition_ready_for_judging(sqlite_db):
    summary = build_demo(ws_of(sqlite_db))
    assert summary.entries == 140 and summary.judges == 5
    with sqlite_db.read() as s:
        cid = comp_id(s, summary.code)
        comp = s.get_one(Competition, cid)
        assert comp.status == "judging"
        units = s.execute(select(Unit.name, Unit.kind).where(Unit.competition_id == cid)).all()
        assert 60 <= len(units) <= 120
        assert all(UNIT_NAME.match(name) and kind in UNIT_KINDS for name, kind in units)
        assert any(name == "Dinas Kesehatan" or name.startswith("Kecamatan ") for name, _ in units)
        entries = s.execute(
            select(Entry.code, Entry.status, Entry.status_reason, Entry.category_id,
                   Entry.title, Entry.summary).where(Entry.competition_id == cid)
        ).all()
        assert len(entries) == 140
        statuses = Counter(e.status for e in entries)
        assert statuses["eligible"] >= 125
        assert statuses["registered"] and statuses["disqualified"] and statuses["withdrawn"]
        assert all(e.status_reason for e in entries if e.status in ("disqualified", "withdrawn"))
        assert len({e.category_id for e in entries}) == 3  # spread over the template's categories
        assert all(e.title and e.summary.count(". ") >= 2 for e in entries)
        chair = s.execute(select(Judge.code).where(Judge.competition_id == cid,
                                                   Judge.role == "chair")).scalars().all()
        assert chair == ["J01"]
        events = s.scalars(select(AuditEvent.action).where(AuditEvent.competition_id == cid)).all()
    assert events.count("demo.generate") == 1
    assert len(events) == 4  # create, registration, the demo itself, judging: not one per row


def test_every_eligible_entry_has_three_unconflicted_judges_with_balanced_loads(sqlite_db):
    summary = build_demo(ws_of(sqlite_db), entries=140, judges=5)
    with sqlite_db.read() as s:
        cid = comp_id(s, summary.code)
        eligible = set(s.scalars(select(Entry.code).where(Entry.competition_id == cid,
                                                          Entry.status == "eligible")))
        assigned = assignments_by_entry(s, cid)
        conflicts = conflicts_of(s, cid)
    assert set(assigned) == eligible
    assert all(len(set(judges)) == 3 for judges in assigned.values())
    conflicted = {(j, e) for j, e, *_ in conflicts}
    assert not any((j, e) in conflicted for e, judges in assigned.items() for j in judges)
    assert any(src == "automatic" and reason == "same_unit" for _, _, src, reason, _ in conflicts)
    declared = [c for c in conflicts if c[2] == "declared"]
    assert len(declared) == 1 and declared[0][3] == "professional" and declared[0][4]
    assert (declared[0][0], declared[0][1]) == summary.declared_conflict
    loads = Counter(j for judges in assigned.values() for j in judges)
    assert len(loads) == 5 and max(loads.values()) - min(loads.values()) <= 1


def test_proposal_round_has_ten_criteria_weighing_100(sqlite_db):
    summary = build_demo(ws_of(sqlite_db), entries=12)
    with sqlite_db.read() as s:
        rnd = s.scalar(select(Round).where(Round.competition_id == comp_id(s, summary.code),
                                           Round.code == summary.round_code))
        weights = s.scalars(select(Criterion.weight_milli).where(Criterion.round_id == rnd.id)).all()
    assert rnd.name == "Penilaian Proposal"
    assert len(weights) == 10 and sum(weights) == 100_000


def test_scored_demo_looks_like_a_real_panel(sqlite_db):
    summary = build_demo(ws_of(sqlite_db), scored=True)
    with sqlite_db.read() as s:
        cid = comp_id(s, summary.code)
        rows = scores_of(s, cid)
        n_crit = s.scalar(select(func.count()).select_from(Criterion).join(Round).where(
            Round.competition_id == cid, Round.code == summary.round_code))
        sheets = s.execute(
            select(ScoreSheet.id, ScoreSheet.state, ScoreSheet.submitted_at)
            .join(Entry, Entry.id == ScoreSheet.entry_id).where(Entry.competition_id == cid)
        ).all()
        per_sheet = Counter(s.scalars(
            select(Score.sheet_id).join(ScoreSheet).join(Entry, Entry.id == ScoreSheet.entry_id)
            .where(Entry.competition_id == cid)))
    assert len(rows) == summary.scores and len(sheets) == summary.sheets == summary.assignments
    # every value on its criterion's scale and step
    assert all(lo <= v <= hi and (v - lo) % step == 0 for _, _, _, v, _, lo, hi, step, _, _ in rows)
    drafts = [sh for sh in sheets if sh.state == "draft"]
    submitted = [sh for sh in sheets if sh.state == "submitted"]
    assert drafts and len(drafts) <= 0.03 * len(sheets)
    assert all(sh.submitted_at is None and per_sheet[sh.id] < n_crit for sh in drafts)
    assert all(sh.submitted_at is not None and per_sheet[sh.id] == n_crit for sh in submitted)
    assert any(r[-1] for r in rows)  # some judges commented
    # lenient and severe judges differ visibly
    by_judge: dict[str, list[int]] = defaultdict(list)
    for judge, _, _, value, *_ in rows:
        by_judge[judge].append(value)
    lenient = statistics.mean(v for j in summary.lenient_judges for v in by_judge[j])
    severe = statistics.mean(v for j in summary.severe_judges for v in by_judge[j])
    assert lenient - severe >= 500  # at least half a point on the 1-5 scale
    # exact ties: two entries whose per-judge totals are the same multiset
    totals: dict[tuple[str, str], Fraction] = defaultdict(Fraction)
    for judge, entry, _, value, weight, _, hi, _, state, _ in rows:
        if state == "submitted":
            totals[judge, entry] += Fraction(weight * value, hi * 1000)
    by_entry: dict[str, list[Fraction]] = defaultdict(list)
    for (_, entry), total in totals.items():
        by_entry[entry].append(total)
    patterns = Counter(tuple(sorted(v)) for v in by_entry.values() if len(v) == 3)
    assert any(n >= 2 for n in patterns.values())
    for a, b in summary.tie_pairs:
        assert sorted(by_entry[a]) == sorted(by_entry[b])
    assert 3 <= len(summary.tie_pairs) <= 5


def test_same_seed_same_data_and_another_seed_differs(sqlite_db):
    ws = ws_of(sqlite_db)
    first = build_demo(ws, entries=40, judges=6, seed=7, scored=True)
    again = build_demo(ws, entries=40, judges=6, seed=7, scored=True)
    other = build_demo(ws, entries=40, judges=6, seed=8, scored=True)
    assert len({first.code, again.code, other.code}) == 3
    assert snapshot(sqlite_db, first.code) == snapshot(sqlite_db, again.code)
    a, b = snapshot(sqlite_db, first.code), snapshot(sqlite_db, other.code)
    assert a["entries"] != b["entries"] and a["scores"] != b["scores"]
    assert a["judges"] != b["judges"]


def test_judges_get_distinct_signing_keys_none_in_the_database(sqlite_db):
    from judging_app.services import signing
    from judging_app.store.models import Competition

    summary = build_demo(ws_of(sqlite_db), entries=20, judges=8)
    with sqlite_db.read() as s:
        comp = s.get(Competition, comp_id(s, summary.code))
        judges = s.scalars(select(Judge).where(Judge.competition_id == comp.id)).all()
        assert all(j.package_secret is None for j in judges)
        keys = [signing.judge_key(s, comp, j) for j in judges]
    assert len(set(keys)) == 8 and all(re.fullmatch(r"[0-9a-f]{64}", x) for x in keys)


def test_progress_is_reported_up_to_the_total(sqlite_db):
    calls: list[tuple[int, int]] = []
    build_demo(ws_of(sqlite_db), entries=30, judges=5, scored=True,
               progress=lambda done, total: calls.append((done, total)))
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1] > 0
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_small_panels_and_bad_sizes(sqlite_db):
    summary = build_demo(ws_of(sqlite_db), entries=10, judges=3, scored=True)
    assert summary.conflicts == 0 and summary.assignments == summary.eligible * 3
    with pytest.raises(ValidationError, match="2 judges cannot give every entry 3 judges"):
        build_demo(ws_of(sqlite_db), entries=10, judges=2)
    with pytest.raises(ValidationError, match="at least one entry"):
        build_demo(ws_of(sqlite_db), entries=0)
    assert len(list_competitions(sqlite_db)) == 1  # the refused ones left nothing behind


def test_a_demo_that_fails_half_way_leaves_no_competition(sqlite_db, monkeypatch):
    """Killed or failing after the competition was created, the demo used to leave an empty
    competition behind: now it is one transaction."""
    from judging_app.demo import generator

    def fail(*args, **kwargs):
        raise KeyboardInterrupt  # as a kill between the competition and its rows would

    monkeypatch.setattr(generator.population, "make_entries", fail)
    with pytest.raises(KeyboardInterrupt):
        build_demo(ws_of(sqlite_db), entries=10, judges=3)
    assert list_competitions(sqlite_db) == []


def test_demo_on_each_backend(db):
    ws = ws_of(db)
    first = build_demo(ws, entries=30, judges=6, seed=3, scored=True)
    second = build_demo(ws, entries=25, judges=5, seed=4, scored=True)  # ids after existing rows
    with db.read() as s:
        for summary in (first, second):
            cid = comp_id(s, summary.code)
            n_scores = s.scalar(select(func.count()).select_from(Score).join(ScoreSheet)
                                .join(Entry, Entry.id == ScoreSheet.entry_id)
                                .where(Entry.competition_id == cid))
            assert n_scores == summary.scores > 0
            assigned = assignments_by_entry(s, cid)
            assert len(assigned) == summary.eligible
            assert all(len(v) == 3 for v in assigned.values())
    assert snapshot(db, first.code)["scores"] != snapshot(db, second.code)["scores"]
    assert audit.verify_chain(db).ok
    # ordinary use cases keep working after the bulk insert (sequences, constraints)
    add_unit(ws, first.code, "OPD-NEW", "Dinas Baru Sekali", "dinas")
