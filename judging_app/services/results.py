"""Use cases for results: compute, fairness evidence, chair decisions on ties, finalize."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from judging_app.core.enums import (
    AggregationMethod,
    CompetitionStatus,
    DecisionKind,
)
from judging_app.core.messages import Message, first_of
from judging_app.core.people import Role
from judging_app.services import audit, lookup
from judging_app.services.authorization import require
from judging_app.services.errors import LockedError, ServiceError, ValidationError
from judging_app.services.fairness_view import (  # noqa: F401 (the use cases' names)
    FairnessEvidence,
    FairnessView,
    Progress,
    evidence_with,
    fairness_with,
)
from judging_app.services.results_view import (  # noqa: F401 (the use cases' names)
    ROUNDING_NOTE,
    ResultsView,
    compute_with,
    results_json,
    rules_for,
)
from judging_app.services.single_flight import SingleFlight
from judging_app.services.workspace import Workspace
from judging_app.store import setup_read
from judging_app.store.database import Database
from judging_app.store.models import AuditHead, Decision, ResultSnapshot
from judging_app.store.rows import RowReader


def compute(db: Database, competition: str | int, round_code: str | None = None,
            method: AggregationMethod | None = None) -> ResultsView:
    """Results of the competition (or of one round) with its method, or another one. Threads
    asking for the same results of the same data at the same time share one computation
    (services/single_flight.py)."""
    with db.read() as s:
        key = _results_key(RowReader.of_session(s), db, competition, round_code, method)
        return _computing.share(key, lambda: compute_in(s, competition, round_code, method))


_computing: SingleFlight[ResultsView] = SingleFlight()


def _results_key(reader: RowReader, db: Database, competition: str | int,
                 round_code: str | None, method: AggregationMethod | None) -> tuple:
    """What the results depend on: the database, the competition, the round, the method
    (its own when None) and the state of the data, the latest audit event (every write adds
    one in its transaction)."""
    comp = setup_read.find_competition(reader, competition)
    own = comp and reader.one("SELECT aggregation FROM competitions WHERE id = :id",
                              {"id": comp.id})
    latest = reader.one("SELECT MAX(id) FROM audit_events")
    return (id(db), comp and comp.id, round_code,
            AggregationMethod(method or (own[0] if own else AggregationMethod.MEAN)),
            latest[0] if latest else None)


def compute_in(s: Session, competition: str | int, round_code: str | None = None,
               method: AggregationMethod | None = None) -> ResultsView:
    """The same inside the caller's transaction (finalize computes what it freezes there)."""
    return compute_with(RowReader.of_session(s), competition, round_code, method)


def fairness(db: Database, competition: str | int, round_code: str | None = None,
             progress: Progress | None = None) -> FairnessView:
    """Fairness evidence per round and category, and rank stability across methods."""
    with db.read() as s:
        return fairness_with(RowReader.of_session(s), competition, round_code, progress)


def evidence(db: Database, competition: str | int, round_code: str | None = None,
             progress: Progress | None = None) -> FairnessEvidence:
    """The fairness evidence and each judge's totals (the Results view's plots)."""
    with db.read() as s:
        return evidence_with(RowReader.of_session(s), competition, round_code, progress)


def record_tie_decision(ws: Workspace, competition: str | int, order: list[str], reason: str) -> None:
    """The chair's decision on a tie the chain could not break: the order of ALL the tied
    entries (best first) with a reason. Refused for entries that are not tied together."""
    if not reason.strip():
        raise ValidationError(Message("results.tie_needs_reason"))
    if len(order) < 2 or len(set(order)) != len(order):
        raise ValidationError(Message("results.tie_needs_two"))
    with ws.db.write() as s:
        require(s, ws, Role.CHAIR)
        comp = lookup.writable_competition(s, competition)
        view = compute_in(s, competition)
        by_code = {e.code: e.id for e in view.entries.values()}
        missing = [c for c in order if c not in by_code]
        if missing:
            raise lookup.NotFoundError(Message("results.not_ranked", codes=missing))
        ids = [by_code[c] for c in order]
        rows = {r.entry_id: r for r in view.results.rows}
        chosen = [rows[i] for i in ids]
        if any(r.score is None for r in chosen):
            raise ServiceError(Message("results.unscored_not_tied"))
        if len({r.group for r in chosen}) != 1 or len({r.score for r in chosen}) != 1:
            raise ServiceError(Message("results.not_same_score"))
        group = _tie_group(view, chosen[0])
        if set(ids) != group:
            if not group:
                raise ServiceError(Message("results.not_same_score"))
            raise ServiceError(Message("results.tie_is_between",
                                       codes=sorted(view.entries[e].code for e in group)))
        s.add(Decision(
            competition_id=comp.id, kind=DecisionKind.TIE_BREAK.value,
            subject=audit.canonical_json({"entries": sorted(order)}),
            outcome=audit.canonical_json({"order": order, "entry_ids": ids}), reason=reason,
            decided_by=ws.actor, decided_at=datetime.now(UTC),
        ))
        audit.record(s, ws.actor, "results.tie_decision", "competition", comp.code,
                     new={"order": order, "reason": reason}, competition_id=comp.id,
                     decisions=True)


def _tie_group(view: ResultsView, row) -> set[int]:
    """The entries tied with `row` that only the chair can order: an unresolved tie, or one
    the chair already decided (a decision may be taken again)."""
    for tie in view.results.unresolved_ties:
        if row.entry_id in tie.entry_ids:
            return set(tie.entry_ids)
    return {r.entry_id for r in view.results.rows
            if r.group == row.group and r.score == row.score and r.decided_by == "chair_decision"}


def finalize(ws: Workspace, competition: str | int) -> str:
    """Freeze the results as a snapshot and mark the competition finalized; returns the
    snapshot's SHA-256 digest. Computed and stored in one transaction. Refused while a tie on
    an award boundary is undecided, entries are incomplete (unless the rules allow it), an
    entry takes part without any sheet, or nothing was scored."""
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, competition)
        if comp.status != CompetitionStatus.JUDGING.value:
            raise ServiceError(Message("results.finalize_needs_judging", competition=comp.code,
                                       status=CompetitionStatus(comp.status)))
        view = compute_in(s, competition)
        res = view.results
        if not any(r.sheet_count for r in res.rows):
            raise LockedError(Message("results.nothing_scored"))
        if res.blocking_ties:
            ties = " ; ".join(" = ".join(view.entries[e].code for e in t.entry_ids)
                              for t in res.blocking_ties)
            raise LockedError(Message("results.undecided_ties", ties=ties))
        incomplete = [view.entries[e].code for e in res.unranked_incomplete]
        if incomplete:
            raise LockedError(Message("results.incomplete_entries", count=len(incomplete),
                                      codes=first_of(incomplete)))
        if view.unscored and not res.rules.allow_incomplete:
            raise LockedError(Message("results.unscored_entries", count=len(view.unscored),
                                      codes=first_of(view.unscored)))
        payload = results_json(view)
        body = audit.canonical_json(payload)
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
        stamp = datetime.now(UTC)
        snapshot = ResultSnapshot(
            competition_id=comp.id, created_at=stamp, created_by=ws.actor,
            method=res.method.value, rules=audit.canonical_json(dataclasses.asdict(res.rules)),
            payload=body, digest=digest, receipt="{}",
        )
        s.add(snapshot)
        comp.status = CompetitionStatus.FINALIZED.value
        comp.finalized_at = stamp
        audit.record(s, ws.actor, "results.finalize", "competition", comp.code,
                     new={"digest": digest, "method": res.method.value}, competition_id=comp.id,
                     snapshot=True)
        snapshot.receipt = audit.canonical_json(_receipt(s, view, digest, stamp, ws.actor))
    return digest


def _receipt(s: Session, view: ResultsView, digest: str, at: datetime, by: str) -> dict:
    """What the panel signs under: the results digest, the audit trail's head just after
    the finalize event (hash and count) and the counts, printed on the minutes and the
    winners list (the paper is the anchor outside the machine)."""
    head = s.get_one(AuditHead, 1)
    s.refresh(head)
    rows = view.results.rows
    return {"digest": digest, "audit_head": head.last_hash, "events": head.count,
            "entries": len(rows), "ranked": sum(r.rank is not None for r in rows),
            "sheets": sum(r.sheet_count for r in rows), "method": view.results.method.value,
            "finalized_at": at.isoformat(timespec="seconds"), "finalized_by": by}
