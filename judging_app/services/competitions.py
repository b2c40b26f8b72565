"""Use cases for competitions and their setup (categories, rounds, rubric, tiers, rules)."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from datetime import UTC, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from judging_app.core.enums import CompetitionStatus, DecisionKind, SheetState
from judging_app.core.messages import Message
from judging_app.core.people import Role
from judging_app.core.records import CompetitionSummary
from judging_app.core.setup import CompetitionSetup, RoundSpec, validate_setup
from judging_app.core.setup_places import located
from judging_app.services import audit, lookup, signing
from judging_app.services.authorization import require
from judging_app.services.errors import LockedError, ServiceError, ValidationError
from judging_app.services.workspace import Workspace
from judging_app.store import entry_totals, setup_rows
from judging_app.store.database import Database
from judging_app.store.models import (
    AwardTier,
    Category,
    Competition,
    Criterion,
    CriterionLevel,
    Decision,
    Entry,
    Judge,
    Round,
    Score,
    ScoreSheet,
)


def now() -> datetime:
    return datetime.now(UTC)


def setup_as_data(setup: CompetitionSetup) -> dict:
    return dataclasses.asdict(setup)


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:48].strip("-") or "competition"


def _unique_code(session: Session, base: str) -> str:
    code, n = base, 2
    while session.scalar(select(Competition.id).where(Competition.code == code)) is not None:
        code, n = f"{base}-{n}", n + 1
    return code


def list_competitions(db: Database) -> list[CompetitionSummary]:
    with db.read() as s:
        entries = (
            select(Entry.competition_id, func.count().label("n")).group_by(Entry.competition_id)
        ).subquery()
        judges = (
            select(Judge.competition_id, func.count().label("n")).group_by(Judge.competition_id)
        ).subquery()
        rows = s.execute(
            select(Competition, entries.c.n, judges.c.n)
            .outerjoin(entries, entries.c.competition_id == Competition.id)
            .outerjoin(judges, judges.c.competition_id == Competition.id)
            .order_by(Competition.year.desc(), Competition.name)
        ).all()
        return [
            CompetitionSummary(
                id=c.id, code=c.code, name=c.name, year=c.year, status=c.status,
                organiser=c.organiser, entries=ne or 0, judges=nj or 0,
            )
            for c, ne, nj in rows
        ]


def get_summary(db: Database, ref: str | int) -> CompetitionSummary:
    items = list_competitions(db)
    for item in items:  # by code first, then by number
        if item.code == str(ref):
            return item
    for item in items:
        if str(item.id) == str(ref):
            return item
    raise lookup.NotFoundError(Message("lookup.no_competition", ref=ref))


def get_setup(db: Database, ref: str | int) -> CompetitionSetup:
    with db.read() as s:
        return setup_rows.read_setup(s, lookup.competition(s, ref).id)


def _check_valid(setup: CompetitionSetup) -> None:
    problems = validate_setup(setup)
    if problems:
        raise ValidationError(Message("competitions.setup_invalid"),
                              [located(p, setup) for p in problems])


def _insert_round(s: Session, comp_id: int, spec: RoundSpec, position: int) -> Round:
    rnd = Round(competition_id=comp_id)
    setup_rows.fill_round(rnd, spec, position)
    s.add(rnd)
    s.flush()
    for i, c in enumerate(spec.criteria):
        _insert_criterion(s, rnd.id, c, i)
    return rnd


def _insert_criterion(s: Session, round_id: int, spec, position: int) -> Criterion:
    crit = Criterion(round_id=round_id)
    setup_rows.fill_criterion(crit, spec, position)
    s.add(crit)
    s.flush()
    for level in setup_rows.level_rows(spec):
        level.criterion_id = crit.id
        s.add(level)
    return crit


def _replace_tiers(s: Session, comp_id: int, setup: CompetitionSetup) -> None:
    s.execute(delete(AwardTier).where(AwardTier.competition_id == comp_id))
    cat_ids = dict(
        s.execute(select(Category.code, Category.id).where(Category.competition_id == comp_id)).all()
    )
    for i, t in enumerate(setup.award_tiers):
        row = AwardTier(competition_id=comp_id)
        setup_rows.fill_tier(row, t, i, cat_ids[t.category] if t.category else None)
        s.add(row)


def create_competition(
    ws: Workspace, setup: CompetitionSetup, code: str | None = None
) -> CompetitionSummary:
    """A new competition (status draft) with the whole setup, in one transaction."""
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp_id = insert_competition(s, ws.actor, setup, code)
    return get_summary(ws.db, comp_id)


def insert_competition(s: Session, actor: str, setup: CompetitionSetup,
                       code: str | None = None) -> int:
    """`create_competition` inside the caller's transaction; the new competition's id."""
    _check_valid(setup)
    if code:
        code = code.strip()
        if code.isdigit():
            raise ValidationError(Message("competitions.code_needs_letter", code=code))
        if s.scalar(select(Competition.id).where(Competition.code == code)) is not None:
            raise ServiceError(Message("competitions.code_exists", code=code))
    else:
        name = setup.name.strip()
        base = name if name.endswith(str(setup.year)) else f"{name} {setup.year}"
        code = _unique_code(s, _slug(base))
    comp = Competition(code=code, status=CompetitionStatus.DRAFT.value, created_at=now())
    signing.new_key_for(comp)  # its secret in the creator's key store (services/keys)
    setup_rows.apply_rules(comp, setup)
    s.add(comp)
    s.flush()
    for i, cat in enumerate(setup.categories):
        row = Category(competition_id=comp.id)
        setup_rows.fill_category(row, cat, i)
        s.add(row)
    for i, rnd in enumerate(setup.rounds):
        _insert_round(s, comp.id, rnd, i)
    s.flush()
    _replace_tiers(s, comp.id, setup)
    audit.record(
        s, actor, "competition.create", "competition", code,
        new=setup_as_data(setup), competition_id=comp.id,
    )
    return comp.id


def submitted_sheet_count(s: Session, round_id: int) -> int:
    return s.scalar(
        select(func.count()).select_from(ScoreSheet).where(
            ScoreSheet.round_id == round_id, ScoreSheet.state == SheetState.SUBMITTED.value
        )
    ) or 0


def _rubric_of(spec: RoundSpec) -> tuple:
    return (spec.kind, spec.criteria)


def update_setup(ws: Workspace, ref: str | int, setup: CompetitionSetup) -> None:
    """Replace the setup, matching categories, rounds and criteria by code.

    Refused: an invalid setup; a changed rubric in a round with submitted sheets (reopen the
    rubric first); removing a category that has entries or a round that has sheets.
    """
    _check_valid(setup)
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, ref)
        old = setup_rows.read_setup(s, comp.id)
        _sync_categories(s, comp.id, setup)
        _sync_rounds(s, comp.id, old, setup)
        _replace_tiers(s, comp.id, setup)
        setup_rows.apply_rules(comp, setup)
        audit.record(
            s, ws.actor, "competition.update_setup", "competition", comp.code,
            old=setup_as_data(old), new=setup_as_data(setup), competition_id=comp.id,
        )


def _sync_categories(s: Session, comp_id: int, setup: CompetitionSetup) -> None:
    rows = {c.code: c for c in s.scalars(select(Category).where(Category.competition_id == comp_id))}
    wanted = {c.code for c in setup.categories}
    for code, row in rows.items():
        if code not in wanted:
            n = s.scalar(select(func.count()).select_from(Entry).where(Entry.category_id == row.id))
            if n:
                raise ServiceError(Message("competitions.category_has_entries", code=code,
                                           count=n))
            s.delete(row)
    s.flush()
    for i, spec in enumerate(setup.categories):
        row = rows.get(spec.code) or Category(competition_id=comp_id)
        setup_rows.fill_category(row, spec, i)
        s.add(row)
    s.flush()


def _sync_rounds(s: Session, comp_id: int, old: CompetitionSetup, setup: CompetitionSetup) -> None:
    rows = {r.code: r for r in s.scalars(select(Round).where(Round.competition_id == comp_id))}
    old_specs = {r.code: r for r in old.rounds}
    wanted = {r.code for r in setup.rounds}
    for code, row in rows.items():
        if code not in wanted:
            n = s.scalar(select(func.count()).select_from(ScoreSheet).where(ScoreSheet.round_id == row.id))
            if n:
                raise ServiceError(Message("competitions.round_has_sheets", code=code, count=n))
            s.delete(row)
    for row in rows.values():  # free the positions before renumbering (unique per competition)
        if row.code in wanted:
            row.position = -row.id
    s.flush()
    for i, spec in enumerate(setup.rounds):
        row = rows.get(spec.code)
        if row is None:
            _insert_round(s, comp_id, spec, i)
            continue
        if _rubric_of(spec) != _rubric_of(old_specs[spec.code]):
            if submitted_sheet_count(s, row.id):
                raise LockedError(Message("competitions.rubric_locked", round=spec.code))
            _sync_criteria(s, row.id, spec)
            entry_totals.refresh_round(s, row.id)  # numerators depend on the rubric
        setup_rows.fill_round(row, spec, i)
    s.flush()


def _sync_criteria(s: Session, round_id: int, spec: RoundSpec) -> None:
    rows = {c.code: c for c in s.scalars(select(Criterion).where(Criterion.round_id == round_id))}
    wanted = {c.code: c for c in spec.criteria}
    for code, row in rows.items():
        if code not in wanted:
            s.delete(row)
    s.flush()
    for i, cspec in enumerate(spec.criteria):
        row = rows.get(cspec.code)
        if row is None:
            _insert_criterion(s, round_id, cspec, i)
            continue
        old_scale = (row.scale_min_milli, row.scale_max_milli, row.scale_step_milli)
        setup_rows.fill_criterion(row, cspec, i)
        if old_scale != (row.scale_min_milli, row.scale_max_milli, row.scale_step_milli):
            # Draft scores on the old scale would be meaningless on the new one.
            s.execute(delete(Score).where(Score.criterion_id == row.id))
        s.execute(delete(CriterionLevel).where(CriterionLevel.criterion_id == row.id))
        for level in setup_rows.level_rows(cspec):
            level.criterion_id = row.id
            s.add(level)
    s.flush()


def reopen_rubric(ws: Workspace, ref: str | int, round_code: str, reason: str) -> int:
    """Unlock a round's rubric: its submitted sheets go back to draft (judges must submit
    again). Recorded as a decision. Returns how many sheets were reopened."""
    if not reason.strip():
        raise ValidationError(Message("competitions.reopen_rubric_needs_reason"))
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, ref)
        rnd = lookup.round_(s, comp.id, round_code)
        sheets = s.scalars(
            select(ScoreSheet).where(
                ScoreSheet.round_id == rnd.id, ScoreSheet.state == SheetState.SUBMITTED.value
            )
        ).all()
        for sheet in sheets:
            sheet.state = SheetState.DRAFT.value
            sheet.version += 1
            sheet.reopened_reason = reason
            sheet.updated_at = now()
        entry_totals.refresh(s, [sheet.entry_id for sheet in sheets], [rnd.id])
        rnd.rubric_reopened = True
        s.add(Decision(
            competition_id=comp.id, kind=DecisionKind.REOPEN_RUBRIC.value,
            subject=audit.canonical_json({"round": rnd.code}),
            outcome=audit.canonical_json({"sheets_reopened": len(sheets)}),
            reason=reason, decided_by=ws.actor, decided_at=now(),
        ))
        audit.record(
            s, ws.actor, "round.reopen_rubric", "round", rnd.code,
            new={"reason": reason, "sheets_reopened": len(sheets)}, competition_id=comp.id,
            sheets=[sheet.id for sheet in sheets], decisions=True,
        )
        return len(sheets)


ALLOWED_STATUS_MOVES = {
    CompetitionStatus.DRAFT: {CompetitionStatus.REGISTRATION},
    CompetitionStatus.REGISTRATION: {CompetitionStatus.DRAFT, CompetitionStatus.JUDGING},
    CompetitionStatus.JUDGING: {CompetitionStatus.REGISTRATION},
}


def set_status(ws: Workspace, ref: str | int, status: CompetitionStatus) -> None:
    """Move along draft → registration → judging (and one step back). Finalizing is done by
    the results use case, which freezes a snapshot."""
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        change_status(s, ws.actor, ref, status)


def change_status(s: Session, actor: str, ref: str | int, status: CompetitionStatus) -> None:
    """`set_status` inside the caller's transaction."""
    comp = lookup.writable_competition(s, ref)
    current = CompetitionStatus(comp.status)
    if status == current:
        return
    if status not in ALLOWED_STATUS_MOVES.get(current, set()):
        raise ServiceError(Message("competitions.status_move_refused", competition=comp.code,
                                   current=current, wanted=CompetitionStatus(status)))
    comp.status = status.value
    audit.record(
        s, actor, "competition.set_status", "competition", comp.code,
        old=current.value, new=status.value, competition_id=comp.id,
    )
