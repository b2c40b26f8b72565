"""Reopening finalized results: the chair signs off (with a reason), then the secretariat
reopens (with a reason). Both are decisions in the audit trail; the snapshot stays, marked
superseded, and the competition goes back to judging. Different people must do the two
steps on a protected database; the chair's sign-off is for the snapshot in force only.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from judging_app.core.enums import CompetitionStatus, DecisionKind
from judging_app.core.messages import Message
from judging_app.core.people import Role
from judging_app.services import audit, lookup
from judging_app.services.authorization import protected, require
from judging_app.services.errors import ServiceError, ValidationError
from judging_app.services.workspace import Workspace
from judging_app.store.models import Competition, Decision, ResultSnapshot


def _snapshot(s: Session, comp: Competition) -> ResultSnapshot:
    if comp.status != CompetitionStatus.FINALIZED.value:
        raise ServiceError(Message("reopen.not_finalized", competition=comp.code))
    snap = s.scalar(select(ResultSnapshot).where(
        ResultSnapshot.competition_id == comp.id, ResultSnapshot.superseded_at.is_(None))
        .order_by(ResultSnapshot.id.desc()).limit(1))
    if snap is None:
        raise ServiceError(Message("snapshot.missing"))
    return snap


def _reason(reason: str) -> str:
    if not reason.strip():
        raise ValidationError(Message("reopen.reason_needed"))
    return reason.strip()


def approve_reopening(ws: Workspace, competition: str | int, reason: str) -> None:
    """The chair's sign-off to reopen the finalized results of `competition`."""
    reason = _reason(reason)
    with ws.db.write() as s:
        who = require(s, ws, Role.CHAIR)
        comp = lookup.competition(s, competition)
        snap = _snapshot(s, comp)
        s.add(Decision(
            competition_id=comp.id, kind=DecisionKind.REOPEN_APPROVAL.value,
            subject=audit.canonical_json({"snapshot": snap.id, "digest": snap.digest}),
            outcome=audit.canonical_json({"person_id": who.person_id, "login": who.login}),
            reason=reason, decided_by=ws.actor, decided_at=datetime.now(UTC)))
        audit.record(s, ws.actor, "results.approve_reopening", "competition", comp.code,
                     new={"digest": snap.digest, "reason": reason}, competition_id=comp.id,
                     decisions=True)


def reopen_finalized(ws: Workspace, competition: str | int, reason: str) -> None:
    """The secretariat reopens finalized results the chair signed off."""
    reason = _reason(reason)
    with ws.db.write() as s:
        who = require(s, ws, Role.SECRETARIAT)
        comp = lookup.competition(s, competition)
        snap = _snapshot(s, comp)
        approvals = [d for d in s.scalars(select(Decision).where(
            Decision.competition_id == comp.id,
            Decision.kind == DecisionKind.REOPEN_APPROVAL.value).order_by(Decision.id.desc()))
            if json.loads(d.subject).get("snapshot") == snap.id]
        if not approvals:
            raise ServiceError(Message("reopen.chair_needed", competition=comp.code))
        approval = approvals[0]
        by = json.loads(approval.outcome)
        if protected(s) and by.get("person_id") == who.person_id:
            raise ServiceError(Message("reopen.two_people", who=who.name))
        now = datetime.now(UTC)
        snap.superseded_at = now
        comp.status = CompetitionStatus.JUDGING.value
        comp.finalized_at = None
        s.add(Decision(
            competition_id=comp.id, kind=DecisionKind.REOPEN_COMPETITION.value,
            subject=audit.canonical_json({"snapshot": snap.id, "digest": snap.digest}),
            outcome=audit.canonical_json({"approval": approval.id,
                                          "approved_by": approval.decided_by}),
            reason=reason, decided_by=ws.actor, decided_at=now))
        audit.record(s, ws.actor, "results.reopen", "competition", comp.code,
                     old={"status": CompetitionStatus.FINALIZED.value, "digest": snap.digest},
                     new={"status": comp.status, "reason": reason,
                          "approved_by": approval.decided_by},
                     competition_id=comp.id, decisions=True, snapshot=True)
