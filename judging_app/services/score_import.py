"""Importing typed-up paper score sheets (CSV): all or nothing, in bulk.

The file is read and every score checked as a number before the database is touched
(exchange/scores_csv.py). Then one write transaction resolves every code with a handful of
whole queries (rounds, criteria, judges, entries, the judges' assignments, conflicts and
sheets), checks every row under the rules of typing a sheet in (services/sheets.py: scoring
open, a scored round, an eligible entry, an active judge assigned without a conflict, a
criterion of the round, a value on its scale and step, a submitted sheet locked) and, when
nothing is wrong, writes every sheet in a few bulk statements (services/sheet_bulk.py) with
ONE audit event 'scores.import_paper' holding each sheet written. A sheet's scores from the
file are merged onto what it held; complete sheets are submitted unless submit=False. A
problem anywhere refuses the whole file, naming its line and column.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from judging_app.core.enums import (
    CompetitionStatus,
    EntryStatus,
    RoundKind,
    SheetSource,
    SheetState,
)
from judging_app.core.messages import Message
from judging_app.core.numbers import from_milli, to_milli
from judging_app.core.people import Role
from judging_app.exchange import judge_package_draft as jd
from judging_app.exchange.scores_csv import ScoreRow, ScoresCsvError, read_scores_csv
from judging_app.services import audit, lookup
from judging_app.services.authorization import require
from judging_app.services.errors import ImportFileError, LockedError
from judging_app.services.retry import write_with_retry
from judging_app.services.sheet_bulk import SheetWrite, audited, stored_sheets, write_sheets
from judging_app.services.workspace import Workspace
from judging_app.store import models as m

PAPER = SheetSource.PAPER.value
SUBMITTED, DRAFT = SheetState.SUBMITTED.value, SheetState.DRAFT.value
CHUNK = 500


@dataclass(frozen=True)
class ScoreImportReport:
    sheets: int
    scores: int
    submitted: int
    created: int = 0
    updated: int = 0
    unchanged: int = 0


Key = tuple[str, str, str]  # (round, judge, entry) codes


def import_paper_scores(ws: Workspace, competition: str | int, path: Path, *,
                        submit: bool = True) -> ScoreImportReport:
    """Every row is checked; any problem refuses the whole file and changes nothing.
    Complete sheets are submitted (source 'paper') unless submit=False."""
    path = Path(path)
    try:
        rows = read_scores_csv(path)
    except ScoresCsvError as exc:
        raise ImportFileError(str(path), exc.problems) from None
    groups: dict[Key, list[ScoreRow]] = {}
    seen: dict[tuple[str, str, str, str], int] = {}
    problems: list[Message] = []
    for r in rows:
        key4 = (r.round, r.judge, r.entry, r.criterion)
        if key4 in seen:
            problems.append(Message("paper.same_score_twice", line=r.line, first=seen[key4],
                                    round=r.round, judge=r.judge, entry=r.entry,
                                    criterion=r.criterion))
            continue
        seen[key4] = r.line
        groups.setdefault((r.round, r.judge, r.entry), []).append(r)
    if problems:
        raise ImportFileError(str(path), problems)
    return write_with_retry(ws.db, lambda s: _import(s, ws, competition, path, groups,
                                                     len(rows), submit))


class _Codes:
    """Everything the rows' codes refer to, read in a few whole queries."""

    def __init__(self, s: Session, comp: m.Competition, groups: dict[Key, list[ScoreRow]]):
        self.rounds = {code: (rid, kind) for code, rid, kind in s.execute(
            select(m.Round.code, m.Round.id, m.Round.kind).where(m.Round.competition_id == comp.id))}
        self.criteria: dict[int, dict[str, m.Criterion]] = defaultdict(dict)
        for c in s.scalars(select(m.Criterion).join(m.Round).where(
                m.Round.competition_id == comp.id).order_by(m.Criterion.position)):
            self.criteria[c.round_id][c.code] = c
        self.judges = {code: (jid, active) for code, jid, active in s.execute(
            select(m.Judge.code, m.Judge.id, m.Judge.active).where(
                m.Judge.competition_id == comp.id))}
        wanted = sorted({entry for _, _, entry in groups})
        self.entries: dict[str, tuple[int, str]] = {}
        for start in range(0, len(wanted), CHUNK):
            self.entries.update({code: (eid, status) for code, eid, status in s.execute(
                select(m.Entry.code, m.Entry.id, m.Entry.status).where(
                    m.Entry.competition_id == comp.id,
                    m.Entry.code.in_(wanted[start:start + CHUNK])))})
        judge_ids = sorted({self.judges[j][0] for _, j, _ in groups if j in self.judges})
        self.assigned: set[tuple[int, int, int]] = set()
        self.conflicts: set[tuple[int, int]] = set()
        for start in range(0, len(judge_ids), CHUNK):
            chunk = judge_ids[start:start + CHUNK]
            self.assigned.update(s.execute(select(
                m.Assignment.round_id, m.Assignment.judge_id, m.Assignment.entry_id).where(
                m.Assignment.judge_id.in_(chunk))).all())
            self.conflicts.update(s.execute(select(m.Conflict.judge_id, m.Conflict.entry_id)
                                            .where(m.Conflict.judge_id.in_(chunk))).all())
        self.sheets: dict[tuple[int, int], dict[str, jd.StoredSheet]] = {}
        for rid, jid in sorted({(self.rounds[r][0], self.judges[j][0]) for r, j, _ in groups
                                if r in self.rounds and j in self.judges}):
            self.sheets[(rid, jid)] = stored_sheets(s, rid, jid).get(jid, {})


def _import(s: Session, ws: Workspace, competition: str | int, path: Path,
            groups: dict[Key, list[ScoreRow]], row_count: int,
            submit: bool) -> ScoreImportReport:
    require(s, ws, Role.SECRETARIAT)
    actor = ws.actor
    comp = lookup.writable_competition(s, competition)
    if comp.status != CompetitionStatus.JUDGING.value:
        raise LockedError(Message("paper.scoring_closed", competition=comp.code,
                                  file=path.name))
    codes = _Codes(s, comp, groups)
    problems: list[Message] = []
    writes: list[SheetWrite] = []
    old: dict[str, dict] = {}
    unchanged = 0
    for key, group in groups.items():
        checked = _check_group(codes, key, group, problems)
        if checked is None:
            continue
        rid, jid, eid, criteria = checked
        stored = codes.sheets.get((rid, jid), {}).get(key[2])
        new = _merged(key[2], stored, group, criteria, submit)
        if stored is not None and stored.content() == new.content() and new.state in (
                stored.state, DRAFT):
            unchanged += 1
            continue
        if stored is not None and stored.state == SUBMITTED:
            problems.append(Message("paper.locked", lines=[r.line for r in group],
                                    judge=key[1], entry=key[2], round=key[0]))
            continue
        if stored is not None:
            new.id, new.version = stored.id, stored.version + 1
            old["/".join(key)] = audited(stored)
        writes.append(SheetWrite(rid, jid, eid, new))
    if problems:  # leaving the transaction with an error writes nothing
        raise ImportFileError(str(path), problems)
    written_ids = write_sheets(s, writes, PAPER)
    submitted = sum(w.sheet.state == SUBMITTED for w in writes)
    created = sum(w.sheet.id is None for w in writes)
    counts = {"rows": row_count, "sheets": len(groups), "created": created,
              "updated": len(writes) - created, "unchanged": unchanged, "submitted": submitted}
    if writes:
        by_key = {(w.round_id, w.judge_id, w.entry_id): w.sheet for w in writes}
        sheets = {}
        for key in groups:
            rid, jid, eid = (codes.rounds[key[0]][0], codes.judges[key[1]][0],
                             codes.entries[key[2]][0])
            if (rid, jid, eid) in by_key:
                sheets["/".join(key)] = audited(by_key[(rid, jid, eid)])
        audit.record(s, actor, "scores.import_paper", "file", path.name, old=old or None,
                     new={**counts, "submit": submit, "sheets": sheets},
                     competition_id=comp.id, sheets=written_ids)
    return ScoreImportReport(sheets=len(groups), scores=row_count, submitted=submitted,
                             created=created, updated=len(writes) - created, unchanged=unchanged)


def _check_group(codes: _Codes, key: Key, group: list[ScoreRow], problems: list[Message]):
    """(round id, judge id, entry id, criteria) when the sheet may be written; otherwise
    the problems are added (each naming the file's lines)."""
    round_code, judge_code, entry_code = key
    lines = [r.line for r in group]
    before = len(problems)

    def bad(code: str, **params) -> None:
        problems.append(Message(code, lines=lines, judge=judge_code, entry=entry_code,
                                round=round_code, **params))

    rnd = codes.rounds.get(round_code)
    judge = codes.judges.get(judge_code)
    entry = codes.entries.get(entry_code)
    if rnd is None:
        bad("paper.no_round")
    elif rnd[1] != RoundKind.SCORED.value:
        bad("paper.screening_round")
    if judge is None:
        bad("paper.no_judge")
    elif not judge[1]:
        bad("paper.inactive_judge")
    if entry is None:
        bad("paper.no_entry")
    elif entry[1] != EntryStatus.ELIGIBLE.value:
        bad("paper.not_eligible", status=EntryStatus(entry[1]))
    if len(problems) > before:
        return None
    assert rnd is not None and judge is not None and entry is not None
    if (judge[0], entry[0]) in codes.conflicts:
        bad("paper.conflict")
    elif (rnd[0], judge[0], entry[0]) not in codes.assigned:
        bad("paper.not_assigned")
    criteria = codes.criteria.get(rnd[0], {})
    for r in group:
        c = criteria.get(r.criterion)
        if c is None:
            problems.append(Message("paper.no_criterion", line=r.line, criterion=r.criterion,
                                    round=round_code))
            continue
        milli = to_milli(r.score)
        lo, hi, step = c.scale_min_milli, c.scale_max_milli, c.scale_step_milli
        if not lo <= milli <= hi:
            problems.append(Message("paper.off_scale", line=r.line, column=r.score_column,
                                    value=r.score, criterion=r.criterion, low=from_milli(lo),
                                    high=from_milli(hi)))
        elif (milli - lo) % step:
            problems.append(Message("paper.off_step", line=r.line, column=r.score_column,
                                    value=r.score, criterion=r.criterion,
                                    step=from_milli(step)))
    if len(problems) > before:
        return None
    return rnd[0], judge[0], entry[0], criteria


def _merged(entry: str, stored: jd.StoredSheet | None, group: list[ScoreRow],
            criteria: dict[str, m.Criterion], submit: bool) -> jd.StoredSheet:
    """The sheet as it will be: the stored scores with the file's written over them (a
    comment in the file replaces that criterion's comment; an empty one keeps it)."""
    scores = dict(stored.scores) if stored else {}
    comments = dict(stored.comments) if stored else {}
    for r in group:
        scores[r.criterion] = from_milli(to_milli(r.score))
        if r.comment:
            comments[r.criterion] = r.comment
    complete = all(code in scores for code in criteria)
    state = SUBMITTED if submit and complete else DRAFT
    return jd.StoredSheet(entry, state, 1, PAPER, stored.overall_comment if stored else "",
                          scores=scores, comments=comments)
