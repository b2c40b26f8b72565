"""Read use cases for judge mode on the secretariat's database (the judge picks who they
are, then scores directly). Everything here is about ONE judge: their assigned entries and
their own sheets. Nothing returns another judge's scores, comments or states.

Writes go through the ordinary use cases (services.sheets.save_sheet / submit_sheet,
services.conflicts.declare_conflict).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from judging_app.core.enums import CompetitionStatus, RoundKind
from judging_app.core.messages import Message
from judging_app.core.numbers import from_milli
from judging_app.core.setup import RoundSpec
from judging_app.exchange.judge_package import natural_key
from judging_app.services import lookup
from judging_app.services.errors import ServiceError
from judging_app.store import setup_rows
from judging_app.store.database import Database
from judging_app.store.models import (
    Assignment,
    Attachment,
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


@dataclass(frozen=True)
class RoundChoice:
    code: str
    name: str
    name_en: str = ""


@dataclass(frozen=True)
class JudgeChoice:
    code: str
    name: str
    affiliation: str = ""


@dataclass(frozen=True)
class JudgingChoice:
    """A competition open for judging, with its scored rounds and its active judges."""

    code: str
    name: str
    year: int
    rounds: tuple[RoundChoice, ...]
    judges: tuple[JudgeChoice, ...]


@dataclass(frozen=True)
class JudgeRound:
    """What a judge's screens need about the competition, the round and the judge."""

    competition_code: str
    competition_name: str
    competition_status: str
    judge_code: str
    judge_name: str
    round: RoundSpec  # code, names, instructions, blind, criteria with levels

    @property
    def scoring_open(self) -> bool:
        return self.competition_status == CompetitionStatus.JUDGING.value


@dataclass(frozen=True)
class JudgeEntryRow:
    """One assigned entry with the state of this judge's own sheet."""

    code: str
    title: str
    category_name: str
    sheet_state: str | None  # None: no sheet yet; else 'draft' or 'submitted'
    scores: dict[str, Decimal]  # this judge's scores, criterion code -> value
    overall_comment: str = ""


@dataclass(frozen=True)
class AttachmentRecord:
    label: str
    location: str


@dataclass(frozen=True)
class EntryForJudge:
    """An entry as a judge sees it. In a blind round the unit, the innovators and the
    contact are None (not shown at all)."""

    code: str
    title: str
    summary: str
    stage: str
    innovation_type: str
    category_name: str
    links: tuple[str, ...]
    attachments: tuple[AttachmentRecord, ...]
    unit_name: str | None = None
    innovators: str | None = None
    contact: str | None = None


def judging_choices(db: Database, judge_ids=None) -> list[JudgingChoice]:
    """Competitions in judging that have a scored round and an active judge (only the
    judge rows `judge_ids` when given: the signed-in person's own)."""
    with db.read() as s:
        comps = s.scalars(select(Competition).where(
            Competition.status == CompetitionStatus.JUDGING.value
        ).order_by(Competition.year.desc(), Competition.name)).all()
        out = []
        for c in comps:
            rounds = tuple(RoundChoice(r.code, r.name, r.name_en) for r in s.scalars(
                select(Round).where(Round.competition_id == c.id,
                                    Round.kind == RoundKind.SCORED.value)
                .order_by(Round.position)))
            judges = sorted((j for j in s.scalars(select(Judge).where(
                Judge.competition_id == c.id, Judge.active.is_(True)))
                if judge_ids is None or j.id in judge_ids), key=lambda j: natural_key(j.code))
            if rounds and judges:
                out.append(JudgingChoice(c.code, c.name, c.year, rounds, tuple(
                    JudgeChoice(j.code, j.name, j.affiliation) for j in judges)))
        return out


def _keys(s: Session, competition: str | int, round_code: str, judge_code: str):
    comp = lookup.competition(s, competition)
    rnd = lookup.round_(s, comp.id, round_code)
    if rnd.kind != RoundKind.SCORED.value:
        raise ServiceError(Message("lookup.screening_round_not_scored", round=round_code))
    return comp, rnd, lookup.judge(s, comp.id, judge_code)


def judge_round(db: Database, competition: str | int, round_code: str,
                judge_code: str) -> JudgeRound:
    with db.read() as s:
        comp, rnd, judge = _keys(s, competition, round_code, judge_code)
        spec = next(r for r in setup_rows.read_setup(s, comp.id).rounds if r.code == rnd.code)
        return JudgeRound(comp.code, comp.name, comp.status, judge.code, judge.name, spec)


def judge_entries(db: Database, competition: str | int, round_code: str,
                  judge_code: str) -> list[JudgeEntryRow]:
    """The judge's assigned entries in the round (never conflicted ones), in natural code
    order (E2 before E10), each with the state and scores of this judge's own sheet."""
    with db.read() as s:
        comp, rnd, judge = _keys(s, competition, round_code, judge_code)
        conflicted = select(Conflict.entry_id).where(Conflict.judge_id == judge.id)
        rows = s.execute(
            select(Entry.id, Entry.code, Entry.title, Category.name)
            .join(Assignment, Assignment.entry_id == Entry.id)
            .join(Category, Category.id == Entry.category_id)
            .where(Assignment.round_id == rnd.id, Assignment.judge_id == judge.id,
                   Entry.id.not_in(conflicted))
        ).all()
        sheets = {eid: (sid, state, overall) for sid, eid, state, overall in s.execute(
            select(ScoreSheet.id, ScoreSheet.entry_id, ScoreSheet.state,
                   ScoreSheet.overall_comment)
            .where(ScoreSheet.round_id == rnd.id, ScoreSheet.judge_id == judge.id))}
        scores: dict[int, dict[str, Decimal]] = {}
        for sid, code, value in s.execute(
            select(Score.sheet_id, Criterion.code, Score.value_milli)
            .join(Criterion, Criterion.id == Score.criterion_id)
            .join(ScoreSheet, ScoreSheet.id == Score.sheet_id)
            .where(ScoreSheet.round_id == rnd.id, ScoreSheet.judge_id == judge.id)
        ):
            scores.setdefault(sid, {})[code] = from_milli(value)
        out = []
        for eid, code, title, category in rows:
            sid, state, overall = sheets.get(eid, (None, None, ""))
            out.append(JudgeEntryRow(code, title, category, state, scores.get(sid, {}), overall))
        return sorted(out, key=lambda r: natural_key(r.code))


def entry_for_judge(db: Database, competition: str | int, round_code: str, judge_code: str,
                    entry_code: str) -> EntryForJudge:
    """One assigned entry with its links and attachments; refused when the judge is not
    assigned to it (or is conflicted). A blind round leaves out unit, innovators, contact."""
    with db.read() as s:
        comp, rnd, judge = _keys(s, competition, round_code, judge_code)
        entry = lookup.entry(s, comp.id, entry_code)
        assigned = s.scalar(select(Assignment.id).where(
            Assignment.round_id == rnd.id, Assignment.judge_id == judge.id,
            Assignment.entry_id == entry.id))
        conflicted = s.scalar(select(Conflict.id).where(
            Conflict.judge_id == judge.id, Conflict.entry_id == entry.id))
        if not assigned or conflicted:
            raise ServiceError(Message("sheets.not_assigned_in_round", judge=judge.code,
                                       entry=entry.code, round=rnd.code))
        category = s.get_one(Category, entry.category_id).name
        attachments = tuple(AttachmentRecord(label, location) for label, location in s.execute(
            select(Attachment.label, Attachment.location)
            .where(Attachment.entry_id == entry.id).order_by(Attachment.id)))
        shown = {}
        if not rnd.blind:
            shown = {"unit_name": s.get_one(Unit, entry.unit_id).name,
                     "innovators": entry.innovators, "contact": entry.contact}
        return EntryForJudge(
            entry.code, entry.title, entry.summary, entry.stage, entry.innovation_type, category,
            tuple(x.strip() for x in entry.links.splitlines() if x.strip()), attachments,
            **shown)
