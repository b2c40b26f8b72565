"""Double entry of paper score sheets: one person types a judge's paper sheet, a different
person types it again, and only when both agree field by field does the sheet count.

* `enter_first` checks every value on its criterion's scale and step and stores the typed
  sheet as PENDING; no score sheet is created or changed, so nothing counts yet.
* `confirm` (by someone else) compares field by field. All equal: the sheet is saved and
  submitted (source 'paper') in one transaction with a 'paper.confirm' event. Any
  difference: the sheet is not touched; the mismatches (criterion, first, second) come back
  and a 'paper.mismatch' event records which fields differed (not the values).
* `pending_paper_sheets` lists what awaits confirmation; `discard_pending` drops a first
  entry with a reason. `paper_round` is the read the entry dialog needs.

Where a pending first entry lives — the audit trail, not the Decision table:
- There is no table for it and no migration may add one. `decisions.kind` is restricted by
  a CHECK constraint to six kinds (adding one is a migration), and a decision is "something
  a person decided that changes results", which a typed but unconfirmed sheet must not do;
  the results read decisions, and an unconfirmed sheet has no business there.
- The audit trail already has to record who typed what; an event 'paper.first_entry'
  (entity 'paper_sheet', key 'round/judge/entry') holds the values, the typist and a
  pending id. Being hash-chained, the first entry cannot be quietly edited afterwards,
  which is exactly what double entry needs. 'paper.confirm' and 'paper.discard' close a
  pending id; a new first entry with `replace=True` supersedes the earlier one.
- Lookups: `audit_events` is indexed on competition_id; one query fetches only that
  competition's 'paper_sheet' events (a few per paper sheet, so at most some ten thousand
  rows for a few thousand sheets) and a single pass folds them into the pending set; for
  one sheet the query adds the entity key. Every write here first locks the audit head row
  (as `audit.record` does), so two people cannot confirm or replace the same entry at once.
- The typed values are readable in the audit trail by whoever opens it; the screens never
  show them to the confirming person (`PendingPaperSheet` deliberately carries none).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from judging_app.core.enums import RoundKind, SheetSource, SheetState
from judging_app.core.messages import Message
from judging_app.core.numbers import from_milli, to_milli
from judging_app.core.people import Role
from judging_app.core.records import SheetRecord
from judging_app.core.setup import CriterionSpec
from judging_app.services import audit, lookup, sheets
from judging_app.services.assignments import round_entry_ids
from judging_app.services.authorization import require
from judging_app.services.conflicts import conflicted_pairs
from judging_app.services.errors import LockedError, ServiceError, ValidationError
from judging_app.services.sheets import SheetInput, SheetKey
from judging_app.services.workspace import Workspace
from judging_app.store.database import Database
from judging_app.store.models import (
    Assignment,
    AuditEvent,
    AuditHead,
    Criterion,
    Entry,
    Judge,
    ScoreSheet,
)
from judging_app.store.setup_rows import read_setup

ENTITY = "paper_sheet"
FIRST_ENTRY, CONFIRM, MISMATCH, DISCARD = ("paper.first_entry", "paper.confirm",
                                           "paper.mismatch", "paper.discard")
SCORE, COMMENT, OVERALL = "score", "comment", "overall_comment"  # FieldMismatch.field


@dataclass(frozen=True)
class PendingPaperSheet:
    """A first entry awaiting confirmation (its values are deliberately not here)."""

    pending_id: str
    round_code: str
    judge_code: str
    entry_code: str
    typed_by: str
    typed_at: str  # ISO 8601 UTC


@dataclass(frozen=True)
class FieldMismatch:
    criterion: str  # criterion code; "" for the overall comment
    field: str  # SCORE, COMMENT or OVERALL
    first: str  # as typed the first time (scores as exact decimals, '' = nothing)
    second: str


@dataclass(frozen=True)
class PaperConfirmation:
    pending_id: str
    mismatches: tuple[FieldMismatch, ...]
    sheet: SheetRecord | None  # the submitted sheet, when confirmed

    @property
    def confirmed(self) -> bool:
        return not self.mismatches


@dataclass(frozen=True)
class PaperChoice:
    """An assignment open for a paper sheet: no conflict, no submitted sheet yet."""

    judge_code: str
    judge_name: str
    entry_code: str
    entry_title: str
    has_draft: bool  # a confirmed paper sheet replaces that draft
    pending: PendingPaperSheet | None


@dataclass(frozen=True)
class PaperRound:
    round_code: str
    round_name: str
    round_name_en: str
    criteria: tuple[CriterionSpec, ...]
    choices: tuple[PaperChoice, ...]  # by judge code, then entry code


@dataclass(frozen=True)
class _Typed:
    scores: dict[str, int]  # criterion code -> thousandths
    comments: dict[str, str]  # criterion code -> comment (stripped, non-empty only)
    overall: str


def _where(key: SheetKey) -> Message:
    return Message("sheets.where_round", judge=key.judge.code, entry=key.entry.code,
                   round=key.rnd.code)


def _key_text(round_code: str, judge_code: str, entry_code: str) -> str:
    return f"{round_code}/{judge_code}/{entry_code}"


def same_person(a: str, b: str) -> bool:
    """Names compared without case and extra spaces ('Budi  santoso' is 'Budi Santoso')."""
    return _words(a).casefold() == _words(b).casefold()


def _words(text: str) -> str:
    return " ".join(text.split())


_NUMBER_TYPING = re.compile(r"\d*([.,]\d{0,3})?")
OK, PARTIAL, INVALID = "ok", "partial", "invalid"


def typed_value_state(text: str, c: CriterionSpec) -> str:
    """While typing: OK (a value on the scale and step), PARTIAL (not yet, but more typing
    may get there) or INVALID (no further typing can). Decimal comma or point."""
    t = text.strip()
    if not _NUMBER_TYPING.fullmatch(t):
        return INVALID
    digits = t.rstrip(".,")
    if not digits or not any(ch.isdigit() for ch in digits):
        return PARTIAL
    value = Decimal(digits.replace(",", "."))
    if value > c.scale_max:  # typing more only makes it larger
        return INVALID
    lo, step = to_milli(c.scale_min), to_milli(c.scale_step)
    milli = to_milli(value)
    return OK if digits == t and milli >= lo and (milli - lo) % step == 0 else PARTIAL


def _lock(s: Session) -> None:
    s.execute(select(AuditHead.id).where(AuditHead.id == 1).with_for_update())


def _criteria(s: Session, round_id: int) -> dict[str, Criterion]:
    rows = s.scalars(select(Criterion).where(Criterion.round_id == round_id)
                     .order_by(Criterion.position))
    return {c.code: c for c in rows}


def _normalise(s: Session, key: SheetKey, values: Mapping[str, object],
               comments: Mapping[str, str] | None, overall: str | None) -> _Typed:
    """Every criterion needs a value on its scale; every problem is named at once."""
    criteria, comments = _criteria(s, key.rnd.id), comments or {}
    where, problems = _where(key), []
    unknown = sorted((set(values) | set(comments)) - set(criteria))
    problems += [Message("paper.unknown_criterion", where=where, criterion=code)
                 for code in unknown]
    scores = {}
    for code, crit in criteria.items():
        value = values.get(code)
        if value is None or (isinstance(value, str) and not value.strip()):
            problems.append(Message("paper.no_score", where=where, criterion=code))
            continue
        try:
            scores[code] = sheets.check_value(crit, value, where)
        except ValidationError as exc:
            problems.append(exc.message)
    if problems:
        raise ValidationError(Message("paper.not_taken", where=where), problems)
    kept = {c: t.strip() for c, t in comments.items() if c in criteria and t and t.strip()}
    return _Typed(scores, kept, (overall or "").strip())


def _events(s: Session, comp_id: int, key_text: str | None = None):
    q = select(AuditEvent.action, AuditEvent.actor, AuditEvent.at, AuditEvent.entity_key,
               AuditEvent.new).where(AuditEvent.competition_id == comp_id,
                                     AuditEvent.entity == ENTITY)
    if key_text is not None:
        q = q.where(AuditEvent.entity_key == key_text)
    return s.execute(q.order_by(AuditEvent.id)).all()


def _pending(s: Session, comp_id: int, key_text: str | None = None
             ) -> dict[str, tuple[PendingPaperSheet, dict]]:
    """entity key -> (pending first entry, its stored data), folding the events in order."""
    out: dict[str, tuple[PendingPaperSheet, dict]] = {}
    for action, actor, at, entity_key, new in _events(s, comp_id, key_text):
        data = json.loads(new)
        if action == FIRST_ENTRY:
            out[entity_key] = (PendingPaperSheet(data["pending_id"], data["round"], data["judge"],
                                                 data["entry"], actor, at), data)
        elif action in (CONFIRM, DISCARD):
            current = out.get(entity_key)
            if current and current[0].pending_id == data["pending_id"]:
                del out[entity_key]
    return out


def _one_pending(s: Session, key: SheetKey) -> tuple[PendingPaperSheet, dict] | None:
    text = _key_text(key.rnd.code, key.judge.code, key.entry.code)
    return _pending(s, key.comp.id, text).get(text)


def _open_key(s: Session, competition: str | int, round_code: str, judge_code: str,
              entry_code: str) -> SheetKey:
    """Locks the audit head, resolves the sheet, refuses what can't be scored or is locked."""
    _lock(s)
    key = sheets.resolve_key(s, competition, round_code, judge_code, entry_code)
    sheets.check_can_score(s, key)
    state = s.scalar(select(ScoreSheet.state).where(
        ScoreSheet.round_id == key.rnd.id, ScoreSheet.judge_id == key.judge.id,
        ScoreSheet.entry_id == key.entry.id))
    if state == SheetState.SUBMITTED.value:
        raise LockedError(Message("paper.submitted_counts", where=_where(key)))
    return key


def enter_first(ws: Workspace, competition: str | int, round_code: str, judge_code: str,
                entry_code: str, values: Mapping[str, object],
                comments: Mapping[str, str] | None = None, overall_comment: str | None = "",
                *, replace: bool = False) -> PendingPaperSheet:
    """Store the first typing of a paper sheet (nothing counts yet). Refused while another
    first entry awaits confirmation, unless `replace` (that one is then superseded)."""
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        key = _open_key(s, competition, round_code, judge_code, entry_code)
        typed = _normalise(s, key, values, comments, overall_comment)
        current = _one_pending(s, key)
        if current is not None and not replace:
            raise ServiceError(Message("paper.first_entry_waiting", where=_where(key),
                                       typist=current[0].typed_by))
        text = _key_text(key.rnd.code, key.judge.code, key.entry.code)
        audit.record(s, ws.actor, FIRST_ENTRY, ENTITY, text, competition_id=key.comp.id,
                     old={"pending_id": current[0].pending_id} if current else None,
                     new={"pending_id": uuid.uuid4().hex, "round": key.rnd.code,
                          "judge": key.judge.code, "entry": key.entry.code,
                          "typed_by": ws.actor,
                          "scores": {c: str(from_milli(v)) for c, v in typed.scores.items()},
                          "comments": typed.comments, "overall_comment": typed.overall})
        return _one_pending(s, key)[0]  # type: ignore[index]


def _compare(order: list[str], first: _Typed, second: _Typed) -> list[FieldMismatch]:
    out = []
    for code in order:  # a criterion added since the first entry differs from nothing
        a, b = first.scores.get(code), second.scores[code]
        if a != b:
            out.append(FieldMismatch(code, SCORE, "" if a is None else str(from_milli(a)),
                                     str(from_milli(b))))
        a_text, b_text = first.comments.get(code, ""), second.comments.get(code, "")
        if _words(a_text) != _words(b_text):
            out.append(FieldMismatch(code, COMMENT, a_text, b_text))
    if _words(first.overall) != _words(second.overall):
        out.append(FieldMismatch("", OVERALL, first.overall, second.overall))
    return out


def confirm(ws: Workspace, competition: str | int, round_code: str, judge_code: str,
            entry_code: str, values: Mapping[str, object],
            comments: Mapping[str, str] | None = None,
            overall_comment: str | None = "") -> PaperConfirmation:
    """The second typing, by someone other than the first typist. Scores compare exactly
    ('3,5' = '3.50'); comments compare ignoring extra spaces and line breaks."""
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        key = _open_key(s, competition, round_code, judge_code, entry_code)
        found = _one_pending(s, key)
        if found is None:
            raise ServiceError(Message("paper.no_first_entry_type_it", where=_where(key)))
        pending, data = found
        if same_person(pending.typed_by, ws.actor):
            raise ServiceError(Message("paper.same_typist", where=_where(key), typist=ws.actor))
        second = _normalise(s, key, values, comments, overall_comment)
        first = _Typed({c: to_milli(v) for c, v in data["scores"].items()},
                       data["comments"], data["overall_comment"])
        text = _key_text(key.rnd.code, key.judge.code, key.entry.code)
        mismatches = _compare(list(_criteria(s, key.rnd.id)), first, second)
        if mismatches:
            audit.record(s, ws.actor, MISMATCH, ENTITY, text, competition_id=key.comp.id,
                         new={"pending_id": pending.pending_id,
                              "fields": [f"{m.criterion}:{m.field}" for m in mismatches]})
            return PaperConfirmation(pending.pending_id, tuple(mismatches), None)
        data_in = SheetInput(
            scores={c: from_milli(v) for c, v in second.scores.items()},
            comments={c: second.comments.get(c, "") for c in second.scores},  # clears a draft's
            overall_comment=second.overall)
        sheet = sheets.save_in_session(s, ws.actor, key, data_in, SheetSource.PAPER)
        sheets.submit_in_session(s, ws.actor, key, sheet)
        audit.record(s, ws.actor, CONFIRM, ENTITY, text, competition_id=key.comp.id,
                     new={"pending_id": pending.pending_id, "typed_by": pending.typed_by,
                          "confirmed_by": ws.actor, "sheet_version": sheet.version})
    record = sheets.get_sheet(ws.db, competition, round_code, judge_code, entry_code)
    return PaperConfirmation(pending.pending_id, (), record)


def discard_pending(ws: Workspace, competition: str | int, round_code: str, judge_code: str,
                    entry_code: str, reason: str) -> PendingPaperSheet:
    """Drop the first entry awaiting confirmation (e.g. typed from the wrong sheet)."""
    if not reason or not reason.strip():
        raise ValidationError(Message("paper.discard_needs_reason"))
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        _lock(s)
        key = sheets.resolve_key(s, competition, round_code, judge_code, entry_code)
        found = _one_pending(s, key)
        if found is None:
            raise ServiceError(Message("paper.no_first_entry", where=_where(key)))
        pending = found[0]
        audit.record(s, ws.actor, DISCARD, ENTITY,
                     _key_text(key.rnd.code, key.judge.code, key.entry.code),
                     competition_id=key.comp.id,
                     new={"pending_id": pending.pending_id, "typed_by": pending.typed_by,
                          "reason": reason.strip()})
        return pending


def pending_paper_sheets(db: Database, competition: str | int,
                         round_code: str | None = None) -> list[PendingPaperSheet]:
    """First entries awaiting confirmation, by round, judge and entry code."""
    with db.read() as s:
        comp = lookup.competition(s, competition)
        if round_code is not None:
            lookup.round_(s, comp.id, round_code)
        found = [p for p, _ in _pending(s, comp.id).values()
                 if round_code is None or p.round_code == round_code]
    return sorted(found, key=lambda p: (p.round_code, p.judge_code, p.entry_code))


def paper_round(db: Database, competition: str | int, round_code: str) -> PaperRound:
    """The round's rubric and the (judge, entry) pairs open for a paper sheet."""
    with db.read() as s:
        comp = lookup.competition(s, competition)
        rnd = lookup.round_(s, comp.id, round_code)
        if rnd.kind != RoundKind.SCORED.value:
            raise ServiceError(Message("lookup.screening_round_no_scores", round=round_code))
        spec = next(r for r in read_setup(s, comp.id).rounds if r.code == rnd.code)
        in_round = set(round_entry_ids(s, comp.id, rnd))
        conflicts = conflicted_pairs(s, comp.id)
        states = {(j, e): st for j, e, st in s.execute(
            select(ScoreSheet.judge_id, ScoreSheet.entry_id, ScoreSheet.state)
            .where(ScoreSheet.round_id == rnd.id))}
        rows = s.execute(
            select(Judge.id, Judge.code, Judge.name, Entry.id, Entry.code, Entry.title)
            .select_from(Assignment).join(Judge, Judge.id == Assignment.judge_id)
            .join(Entry, Entry.id == Assignment.entry_id).where(Assignment.round_id == rnd.id)
        ).all()
        pending = {(p.judge_code, p.entry_code): p for p, _ in _pending(s, comp.id).values()
                   if p.round_code == rnd.code}
    choices = [
        PaperChoice(jc, jn, ec, title, states.get((jid, eid)) == SheetState.DRAFT.value,
                    pending.get((jc, ec)))
        for jid, jc, jn, eid, ec, title in rows
        if eid in in_round and (jid, eid) not in conflicts
        and states.get((jid, eid)) != SheetState.SUBMITTED.value
    ]
    choices.sort(key=lambda c: (c.judge_code, c.entry_code))
    return PaperRound(rnd.code, rnd.name, rnd.name_en, spec.criteria, tuple(choices))
