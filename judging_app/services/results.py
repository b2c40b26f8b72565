"""Use cases for results: compute, fairness evidence, chair decisions on ties, finalize."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from judging_app.core.enums import (
    AggregationMethod,
    CompetitionStatus,
    DecisionKind,
)
from judging_app.core.numbers import exact_text
from judging_app.core.scoring import (
    CompetitionResults,
    EntryInfo,
    compute_fairness,
    compute_results,
)
from judging_app.core.scoring.fairness import FairnessReport
from judging_app.services import audit, lookup
from judging_app.services.errors import LockedError, ServiceError, ValidationError
from judging_app.services.results_input import ResultsInput, load_results_input
from judging_app.services.workspace import Workspace
from judging_app.store.database import Database
from judging_app.store.models import Decision, ResultSnapshot

ROUNDING_NOTE = "scores shown with two decimals, rounded half up; ranks use exact values"


@dataclass(frozen=True)
class ResultsView:
    competition_code: str
    competition_name: str
    round_codes: tuple[str, ...]
    results: CompetitionResults
    entries: dict[int, EntryInfo]
    tier_labels: dict[str, str]
    category_names: dict[str, str]
    note: str | None = None  # e.g. why a weighted combination is not used yet
    rounding_note: str = ROUNDING_NOTE


def _rules_for(inp: ResultsInput):
    return dataclasses.replace(inp.setup.rules, round_combination=inp.combination)


def compute(db: Database, competition: str | int, round_code: str | None = None,
            method: AggregationMethod | None = None) -> ResultsView:
    """Results of the competition (or of one round) with its method, or another one."""
    with db.read() as s:
        inp = load_results_input(s, competition, round_code)
        results = compute_results(
            inp.entries, inp.rounds, _rules_for(inp), inp.setup.award_tiers,
            inp.chair_decisions, method=method, category_order=inp.category_order,
        )
    return ResultsView(
        competition_code=inp.competition.code, competition_name=inp.competition.name,
        round_codes=tuple(r.round.code for r in inp.rounds), results=results,
        entries={e.id: e for e in inp.entries},
        tier_labels={t.code: t.label for t in inp.setup.award_tiers},
        category_names=inp.category_names, note=inp.note,
    )


@dataclass(frozen=True)
class FairnessView:
    competition_code: str
    report: FairnessReport
    entries: dict[int, EntryInfo]
    judges: dict[int, str]  # judge id -> code
    rounds: dict[int, str]  # round id -> code
    tier_labels: dict[str, str]


def fairness(db: Database, competition: str | int, round_code: str | None = None) -> FairnessView:
    """Fairness evidence per round and category, and rank stability across methods."""
    from sqlalchemy import select

    from judging_app.store.models import Judge

    with db.read() as s:
        inp = load_results_input(s, competition, round_code)
        report: FairnessReport = compute_fairness(
            inp.entries, inp.rounds, _rules_for(inp), inp.setup.award_tiers,
            inp.chair_decisions, category_order=inp.category_order,
        )
        judges = dict(s.execute(
            select(Judge.id, Judge.code).where(Judge.competition_id == inp.competition.id)
        ).all())
    return FairnessView(
        competition_code=inp.competition.code, report=report,
        entries={e.id: e for e in inp.entries}, judges=judges,
        rounds={r.round.id: r.round.code for r in inp.rounds},
        tier_labels={t.code: t.label for t in inp.setup.award_tiers},
    )


def results_json(view: ResultsView) -> dict:
    """The documented JSON of `judging-app results --json` (docs/results-json.md)."""
    res = view.results
    groups: dict[str | None, list[dict]] = {}
    for row in res.rows:
        e = view.entries[row.entry_id]
        groups.setdefault(row.group, []).append({
            "code": e.code,
            "title": e.title,
            "unit": e.unit,
            "category": e.category,
            "score_exact": None if row.score is None else exact_text(row.score),
            "exact": row.exact,
            "score": row.displayed_score or None,
            "rank": row.rank,
            "award": view.tier_labels.get(row.award) if row.award else None,
            "predicate": view.tier_labels.get(row.band) if row.band else None,
            "tied": row.tied,
            "tie_break": row.decided_by,
            "blocking_tie": row.blocked,
            "incomplete": row.incomplete,
            "sheets": row.sheet_count,
            "expected_sheets": row.expected_sheets,
        })
    return {
        "competition": view.competition_code,
        "rounds": list(view.round_codes),
        "method": res.method.value,
        "formula": res.formula,
        "rounding": view.rounding_note,
        "can_finalize": res.can_finalize,
        "notes": ([view.note] if view.note else []) + [n.message for n in res.notes],
        "categories": [
            {"category": code, "name": view.category_names.get(code, "") if code else "",
             "rows": rows}
            for code, rows in groups.items()
        ],
    }


def record_tie_decision(ws: Workspace, competition: str | int, order: list[str], reason: str) -> None:
    """The chair's decision on tied entries: their order, best first, with a reason."""
    if not reason.strip():
        raise ValidationError("A tie decision needs the chair's reason.")
    if len(order) < 2 or len(set(order)) != len(order):
        raise ValidationError("Name at least two different tied entries, best first.")
    view = compute(ws.db, competition)
    by_code = {e.code: e.id for e in view.entries.values()}
    rows = {r.entry_id: r for r in view.results.rows}
    missing = [c for c in order if c not in by_code]
    if missing:
        raise lookup.NotFoundError(f"Not ranked in this competition: {', '.join(missing)}.")
    scores = {rows[by_code[c]].score for c in order}
    if len(scores) != 1:
        raise ServiceError("These entries do not have the same score; there is no tie to decide.")
    with ws.db.write() as s:
        comp = lookup.writable_competition(s, competition)
        s.add(Decision(
            competition_id=comp.id, kind=DecisionKind.TIE_BREAK.value,
            subject=audit.canonical_json({"entries": sorted(order)}),
            outcome=audit.canonical_json({"order": order}), reason=reason,
            decided_by=ws.actor, decided_at=datetime.now(UTC),
        ))
        audit.record(s, ws.actor, "results.tie_decision", "competition", comp.code,
                     new={"order": order, "reason": reason}, competition_id=comp.id)


def finalize(ws: Workspace, competition: str | int) -> str:
    """Freeze the results as a snapshot and mark the competition finalized; returns the
    snapshot's SHA-256 digest. Refused while a tie on an award boundary is undecided or
    entries are incomplete (unless the rules allow incomplete entries)."""
    view = compute(ws.db, competition)
    res = view.results
    if res.blocking_ties:
        names = "; ".join(
            " = ".join(view.entries[e].code for e in t.entry_ids) for t in res.blocking_ties
        )
        raise LockedError(f"Ties on an award boundary need the chair's decision first: {names}.")
    incomplete = [view.entries[e].code for e in res.unranked_incomplete]
    if incomplete:
        raise LockedError(
            f"{len(incomplete)} entries are missing score sheets ({', '.join(incomplete[:10])}); "
            "complete them or allow incomplete entries in the rules."
        )
    payload = results_json(view)
    body = audit.canonical_json(payload)
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    with ws.db.write() as s:
        comp = lookup.writable_competition(s, competition)
        if comp.status != CompetitionStatus.JUDGING.value:
            raise ServiceError(f"Only a competition in judging can be finalized ({comp.code!r} is {comp.status}).")
        stamp = datetime.now(UTC)
        s.add(ResultSnapshot(
            competition_id=comp.id, created_at=stamp, created_by=ws.actor,
            method=res.method.value, rules=audit.canonical_json(dataclasses.asdict(res.rules)),
            payload=body, digest=digest,
        ))
        comp.status = CompetitionStatus.FINALIZED.value
        comp.finalized_at = stamp
        audit.record(s, ws.actor, "results.finalize", "competition", comp.code,
                     new={"digest": digest, "method": res.method.value}, competition_id=comp.id)
    return digest
