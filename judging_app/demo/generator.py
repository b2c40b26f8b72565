"""Demo data: a whole city competition, registered, assigned and (optionally) scored.

    build_demo(ws, entries=140, judges=5, seed=1, scored=False, judges_per_entry=3)

The competition is created from the shipped city template through the ordinary use case
(`insert_competition`, so the setup is validated and audited), with its first scored
round, penilaian proposal, adapted to exactly 10 criteria whose weights sum to 100 (see
demo/rubric.py). Then, in one transaction, SQLAlchemy Core bulk inserts (one executemany
per table, in chunks) add the units, entries, judges, conflicts, the proposal round's
assignments and, with `scored=True`, its score sheets and scores (see demo/scoring.py for
how the scores are made). That transaction records ONE audit event, 'demo.generate', with
the parameters and the counts, instead of one per row. The competition then moves
draft → registration → judging (`change_status`), all in ONE transaction: a demo that is
killed or fails leaves nothing behind.

Deterministic: the same seed gives the same rows (database ids and timestamps aside); each
part of the data draws from its own random stream (the judges' key nonces too; their
signing keys derive from the competition's secret in the key store, which is random).

Scale, measured with benchmarks/bench_demo.py on the 2-core machine: 30,000 entries and 60
judges, scored (867,437 scores: 29,025 eligible entries × 3 judges × 10 criteria, less the
drafts' gaps), about 9.5 s into a fresh SQLite file (86 MB), about 32 s into PostgreSQL.
Core executemany was measured against the ORM bulk form `session.execute(insert(Model),
rows)` (about twice as slow) and the driver's own executemany (about 25% faster, but it
skips SQLAlchemy's type handling and paramstyle); one transaction for everything was as
fast as one per table or per chunk, and keeps a failed run from leaving half the data.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Table, func, select, text

from judging_app.core.assignment import plan_assignments
from judging_app.core.enums import AssignmentSource, CompetitionStatus, RoundKind
from judging_app.core.messages import Message
from judging_app.core.people import Role
from judging_app.demo import population, rubric, scoring
from judging_app.services import audit
from judging_app.services.authorization import require
from judging_app.services.competitions import change_status, insert_competition
from judging_app.services.errors import ValidationError
from judging_app.services.workspace import Workspace
from judging_app.store import entry_totals
from judging_app.store.models import (
    Assignment,
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

Progress = Callable[[int, int], None]
CHUNK = 20_000  # rows per executemany; also how often progress is reported


@dataclass(frozen=True)
class DemoSummary:
    code: str  # the competition's code
    competition_id: int
    round_code: str  # the round that was assigned (and scored)
    seed: int
    units: int
    entries: int
    eligible: int
    judges: int
    conflicts: int
    assignments: int
    sheets: int = 0
    draft_sheets: int = 0
    scores: int = 0
    declared_conflict: tuple[str, str] | None = None  # (judge code, entry code)
    lenient_judges: tuple[str, ...] = ()
    severe_judges: tuple[str, ...] = ()
    tie_pairs: tuple[tuple[str, str], ...] = ()  # entry codes scored identically


def _rng(seed: int, part: str) -> random.Random:
    return random.Random(f"judging-app-demo:{seed}:{part}")


def reserve_ids(conn: Connection, table: Table, count: int) -> list[int]:
    """Primary keys for `count` new rows, so child rows can refer to them without a round
    trip per row. PostgreSQL: taken from the table's sequence (safe with other writers).
    Elsewhere: after the current maximum (SQLite: the write lock is already held)."""
    if count <= 0:
        return []
    if conn.dialect.name == "postgresql":
        rows = conn.execute(
            text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
            {"t": table.name, "n": count},
        ).scalars()
        return sorted(rows)
    start = conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one() + 1
    return list(range(start, start + count))


class _Writer:
    """Bulk inserts in chunks, reporting progress as rows are written."""

    def __init__(self, conn: Connection, total: int, progress: Progress | None) -> None:
        self.conn, self.total, self.done, self.progress = conn, total, 0, progress
        self.report()

    def report(self) -> None:
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    def insert(self, table: Table, rows: list[dict]) -> None:
        for start in range(0, len(rows), CHUNK):
            batch = rows[start : start + CHUNK]
            self.conn.execute(table.insert(), batch)
            self.done += len(batch)
            self.report()


def _free_code(ws: Workspace, base: str) -> str:
    with ws.db.read() as s:
        taken = set(s.scalars(select(Competition.code).where(Competition.code.like(f"{base}%"))))
    code, n = base, 2
    while code in taken:
        code, n = f"{base}-{n}", n + 1
    return code


MAX_ENTRIES, MAX_JUDGES = 1_000_000, 10_000


def check_size(entries: int, judges: int, judges_per_entry: int) -> None:
    """Refuses sizes a demo cannot have (before anything is opened or written)."""
    if entries < 1:
        raise ValidationError(Message("demo.no_entries"))
    if judges_per_entry < 1:
        raise ValidationError(Message("demo.no_judges_per_entry"))
    if judges < judges_per_entry:
        raise ValidationError(Message("demo.too_few_judges", judges=judges,
                                      per_entry=judges_per_entry))
    if entries > MAX_ENTRIES or judges > MAX_JUDGES:
        raise ValidationError(Message("demo.too_large", entries=MAX_ENTRIES, judges=MAX_JUDGES))


def build_demo(
    ws: Workspace, *, entries: int = 140, judges: int = 5, seed: int = 1, scored: bool = False,
    judges_per_entry: int = 3, progress: Progress | None = None, code: str | None = None,
) -> DemoSummary:
    """Create a demo competition (see the module docstring); returns what was made.

    `progress(done, total)` is called as rows are written (total = all rows to insert);
    `code` is the competition's code (default 'demo-<year>', numbered when taken)."""
    check_size(entries, judges, judges_per_entry)
    setup = rubric.demo_setup(seed)
    base = datetime.now(UTC).replace(microsecond=0)
    assigned_at = base - timedelta(days=15)  # registration closed, scoring not yet begun
    with ws.db.write() as s:  # everything or nothing: a killed demo leaves no competition
        require(s, ws, Role.SECRETARIAT)
        comp = s.get(Competition, insert_competition(
            s, ws.actor, setup, code or _free_code(ws, f"demo-{setup.year}")))
        change_status(s, ws.actor, comp.code, CompetitionStatus.REGISTRATION)
        conn = s.connection()
        category_ids = list(s.scalars(
            select(Category.id).where(Category.competition_id == comp.id).order_by(Category.position)
        ))
        category_codes = [c.code for c in setup.categories]
        rnd = s.scalars(
            select(Round).where(Round.competition_id == comp.id, Round.kind == RoundKind.SCORED.value)
            .order_by(Round.position).limit(1)
        ).one()
        scales = [
            scoring.Scale(c.id, c.scale_min_milli, c.scale_max_milli, c.scale_step_milli)
            for c in s.scalars(select(Criterion).where(Criterion.round_id == rnd.id)
                               .order_by(Criterion.position))
        ]
        n_units = population.unit_count(entries)
        people = population.People()
        people.units, kinds = population.make_units(
            _rng(seed, "units"), n_units, comp.id, reserve_ids(conn, Unit.__table__, n_units))
        population.make_entries(
            _rng(seed, "entries"), people, kinds, category_codes, comp.id, setup.year,
            reserve_ids(conn, Entry.__table__, entries), category_ids, base)
        population.make_judges(
            _rng(seed, "judges"), people, judges, judges_per_entry, comp.id,
            reserve_ids(conn, Judge.__table__, judges), _rng(seed, "secrets"))
        population.make_conflicts(_rng(seed, "conflicts"), people, ws.actor, assigned_at)
        plan = plan_assignments(people.eligible, range(judges), judges_per_entry,
                                conflicts=set(people.conflict_pairs))
        if plan.short:
            raise ValidationError(Message("demo.short_of_judges", count=len(plan.short)))
        pairs = sorted(plan.new_pairs, key=lambda p: (p[1], p[0]))
        entry_ids = [e["id"] for e in people.entries]
        judge_ids = [j["id"] for j in people.judges]
        assignments = [
            {"round_id": rnd.id, "judge_id": judge_ids[j], "entry_id": entry_ids[e],
             "source": AssignmentSource.AUTOMATIC.value, "created_at": assigned_at}
            for j, e in pairs
        ]
        score_plan = None
        if scored:
            score_plan = scoring.plan_scores(_rng(seed, "plan"), pairs, judges, scales,
                                             people.entry_category)
        rows = (len(people.units) + len(people.entries) + len(people.judges)
                + len(people.conflicts) + len(assignments))
        if score_plan is not None:
            rows += len(score_plan.sheets) + score_plan.score_count
        writer = _Writer(conn, rows, progress)
        writer.insert(Unit.__table__, people.units)
        writer.insert(Entry.__table__, people.entries)
        writer.insert(Judge.__table__, people.judges)
        writer.insert(Conflict.__table__, people.conflicts)
        writer.insert(Assignment.__table__, assignments)
        if score_plan is not None:
            sheet_ids = reserve_ids(conn, ScoreSheet.__table__, len(score_plan.sheets))
            for sheets, scores in scoring.sheet_rows(
                _rng(seed, "scores"), score_plan, round_id=rnd.id, sheet_ids=sheet_ids,
                entry_ids=entry_ids, judge_ids=judge_ids, base=base,
            ):
                writer.insert(ScoreSheet.__table__, sheets)
                writer.insert(Score.__table__, scores)
            entry_totals.refresh_competition(s, comp.id)
        summary = _summary(comp.code, comp.id, rnd.code, seed, people, assignments, score_plan)
        audit.record(
            s, ws.actor, "demo.generate", "competition", comp.code,
            new={"parameters": {"entries": entries, "judges": judges, "seed": seed,
                                "scored": scored, "judges_per_entry": judges_per_entry},
                 "counts": _counts(summary)},
            competition_id=comp.id, sheets=sheet_ids if score_plan is not None else (),
        )
        change_status(s, ws.actor, comp.code, CompetitionStatus.JUDGING)
    return summary


def _summary(code: str, comp_id: int, round_code: str, seed: int, people: population.People,
             assignments: list[dict], plan: scoring.ScorePlan | None) -> DemoSummary:
    entry_code = [e["code"] for e in people.entries]
    judge_code = [j["code"] for j in people.judges]
    declared = None
    if people.declared is not None:
        declared = (judge_code[people.declared[0]], entry_code[people.declared[1]])
    scored = {}
    if plan is not None:
        scored = {
            "sheets": len(plan.sheets), "draft_sheets": len(plan.drafts),
            "scores": plan.score_count,
            "lenient_judges": tuple(judge_code[j] for j in plan.lenient),
            "severe_judges": tuple(judge_code[j] for j in plan.severe),
            "tie_pairs": tuple((entry_code[a], entry_code[b]) for a, b in plan.ties),
        }
    return DemoSummary(
        code=code, competition_id=comp_id, round_code=round_code, seed=seed,
        units=len(people.units), entries=len(people.entries), eligible=len(people.eligible),
        judges=len(people.judges), conflicts=len(people.conflicts),
        assignments=len(assignments), declared_conflict=declared, **scored,
    )


def _counts(summary: DemoSummary) -> dict:
    keys = ("units", "entries", "eligible", "judges", "conflicts", "assignments", "sheets",
            "draft_sheets", "scores")
    return {k: getattr(summary, k) for k in keys}
