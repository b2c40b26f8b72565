"""Taking entries on from one round to the next (top N per category, a threshold, or by
hand). The rule's outcome comes from the round's own ranking, so the same tie-break chain
decides the cut; a tie across the cut must be decided by the chair first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete

from judging_app.core.enums import AdvancementKind, DecisionKind, RoundKind
from judging_app.core.messages import Message, first_of
from judging_app.core.people import Role
from judging_app.core.scoring import AdvancementStatus
from judging_app.services import audit, lookup
from judging_app.services.authorization import require
from judging_app.services.errors import LockedError, ServiceError, ValidationError
from judging_app.services.results import ResultsView, compute, compute_in
from judging_app.services.workspace import Workspace
from judging_app.store.database import Database
from judging_app.store.models import Advancement, Decision


@dataclass(frozen=True)
class AdvancementPlan:
    round_code: str
    rule: str
    advancing: tuple[str, ...]  # entry codes
    eliminated: tuple[str, ...]
    tied_at_cutoff: tuple[str, ...]
    not_ranked: tuple[str, ...]


def _plan(view: ResultsView, round_code: str, rule: str) -> AdvancementPlan:
    status = view.results.final.advancement
    by = {k: tuple(sorted(view.entries[e].code for e, st in status.items() if st == k))
          for k in AdvancementStatus}
    return AdvancementPlan(round_code, rule, by[AdvancementStatus.ADVANCES],
                           by[AdvancementStatus.ELIMINATED], by[AdvancementStatus.TIE_AT_CUTOFF],
                           by[AdvancementStatus.NOT_RANKED])


def _round_with_rule(s, comp_id: int, round_code: str):
    rnd = lookup.round_(s, comp_id, round_code)
    if rnd.kind != RoundKind.SCORED.value:
        raise ServiceError(Message("advancement.screening_round", round=round_code))
    if rnd.advancement == AdvancementKind.NONE.value:
        raise ServiceError(Message("advancement.no_rule", round=round_code))
    return rnd


def preview_advancement(db: Database, competition: str | int, round_code: str) -> AdvancementPlan:
    """Who the round's rule takes on, without writing anything."""
    with db.read() as s:
        comp = lookup.competition(s, competition)
        rnd = _round_with_rule(s, comp.id, round_code)
        rule = rnd.advancement
    return _plan(compute(db, competition, round_code), round_code, rule)


def advance(ws: Workspace, competition: str | int, round_code: str,
            manual: list[str] | None = None, reason: str = "") -> AdvancementPlan:
    """Record who goes on to the next round: by the round's rule, or — with a manual rule,
    or to add entries beyond it — the codes given, with a reason (a decision). Replaces an
    earlier advancement of the same round. Refused while a tie sits on the cut-off or an
    entry has incomplete sheets."""
    manual = list(dict.fromkeys(manual or []))
    if manual and not reason.strip():
        raise ValidationError(Message("advancement.by_hand_needs_reason"))
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, competition)
        rnd = _round_with_rule(s, comp.id, round_code)
        plan = _plan(compute_in(s, competition, round_code), round_code, rnd.advancement)
        if plan.tied_at_cutoff:
            raise LockedError(Message("advancement.tie_at_cutoff", codes=plan.tied_at_cutoff))
        if plan.not_ranked and rnd.advancement != AdvancementKind.MANUAL.value:
            raise LockedError(Message("advancement.not_ranked", count=len(plan.not_ranked),
                                      codes=first_of(plan.not_ranked)))
        if rnd.advancement == AdvancementKind.MANUAL.value and not manual:
            raise ValidationError(Message("advancement.name_entries", round=round_code))
        entries = {code: lookup.entry(s, comp.id, code) for code in [*plan.advancing, *manual]}
        chosen = list(dict.fromkeys([*plan.advancing, *manual]))
        decision_id = None
        if manual:
            decision = Decision(
                competition_id=comp.id, kind=DecisionKind.MANUAL_ADVANCEMENT.value,
                subject=audit.canonical_json({"round": round_code}),
                outcome=audit.canonical_json({"entries": manual}), reason=reason,
                decided_by=ws.actor, decided_at=datetime.now(UTC))
            s.add(decision)
            s.flush()
            decision_id = decision.id
        s.execute(delete(Advancement).where(Advancement.round_id == rnd.id))
        for code in chosen:
            by_hand = code in manual and code not in plan.advancing
            s.add(Advancement(round_id=rnd.id, entry_id=entries[code].id,
                              source="manual" if by_hand else "rule",
                              decision_id=decision_id if by_hand else None))
        audit.record(s, ws.actor, "round.advance", "round", round_code,
                     new={"advancing": chosen, "by_hand": manual, "reason": reason},
                     competition_id=comp.id, decisions=True)
    return AdvancementPlan(round_code, rnd.advancement, tuple(chosen), plan.eliminated,
                           (), plan.not_ranked)
