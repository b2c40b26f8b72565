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

import functools
import itertools
import operator
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from judging_app.core.enums import (
    CompetitionStatus,
    EntryStatus,
    RoundKind,
    SheetSource,
    SheetState,
)
from judging_app.core.gc_pause import paused_gc
from judging_app.core.messages import Message
from judging_app.core.numbers import from_milli, to_milli
from judging_app.core.people import Role
from judging_app.exchange import judge_package_draft as jd
from judging_app.exchange.scores_csv import ScoreRow, ScoresCsvError, read_scores_csv
from judging_app.services import audit, lookup
from judging_app.services.authorization import require
from judging_app.services.errors import ImportFileError, LockedError
from judging_app.services.retry import write_with_retry
from judging_app.services.sheet_bulk import (
    SheetWrite,
    audited,
    changed_since,
    last_event_id,
    stored_sheets,
    write_sheets,
)
from judging_app.services.workspace import Workspace
from judging_app.store.rows import RowReader, marks

PAPER = SheetSource.PAPER.value
SUBMITTED, DRAFT = SheetState.SUBMITTED.value, SheetState.DRAFT.value
SCORED, ELIGIBLE = RoundKind.SCORED.value, EntryStatus.ELIGIBLE.value
_milli = functools.lru_cache(maxsize=4096)(to_milli)  # scores repeat: a few values
_SHEET_KEY = operator.itemgetter(1, 2, 3)  # a row's (round, judge, entry)
_SCORE_KEY = operator.itemgetter(1, 2, 3, 4)  # and criterion
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
    with paused_gc():  # tens of thousands of small acyclic records: see core/gc_pause
        return _import(ws, competition, Path(path), submit)


def _import(ws: Workspace, competition: str | int, path: Path,
            submit: bool) -> ScoreImportReport:
    try:
        rows = read_scores_csv(path)
    except ScoresCsvError as exc:
        raise ImportFileError(str(path), exc.problems) from None
    if len(set(map(_SCORE_KEY, rows))) < len(rows):  # a score given twice
        raise ImportFileError(str(path), _repeated(rows))
    groups: dict[Key, list[ScoreRow]] = {}
    for key, run in itertools.groupby(rows, _SHEET_KEY):  # a sheet's rows, mostly together
        group = groups.get(key)
        if group is None:
            groups[key] = list(run)
        else:
            group.extend(run)
    plan = None
    if ws.db.is_sqlite:  # one writer at a time: plan before taking the write lock
        with ws.db.read() as s:
            plan = _plan(s, competition, path, groups, len(rows), submit)

    def work(s: Session) -> ScoreImportReport:
        nonlocal plan
        if plan is None or changed_since(s, plan.last_event, {"/".join(k) for k in groups}):
            plan = _plan(s, competition, path, groups, len(rows), submit)
        require(s, ws, Role.SECRETARIAT)
        return _write(s, ws.actor, plan, path)

    return write_with_retry(ws.db, work)


def _repeated(rows: list[ScoreRow]) -> list[Message]:
    """A problem for every score given again for the same round, judge, entry and
    criterion, naming the line of the first."""
    seen: dict[tuple[str, str, str, str], int] = {}
    problems: list[Message] = []
    for r in rows:
        key4 = (r.round, r.judge, r.entry, r.criterion)
        if key4 in seen:
            problems.append(Message("paper.same_score_twice", line=r.line, first=seen[key4],
                                    round=r.round, judge=r.judge, entry=r.entry,
                                    criterion=r.criterion))
        else:
            seen[key4] = r.line
    return problems


class _Codes:
    """Everything the rows' codes refer to, read in a few whole queries (through the
    driver: nothing compiled)."""

    def __init__(self, s: Session, comp_id: int, groups: dict[Key, list[ScoreRow]]):
        reader = RowReader.of_session(s)
        comp = {"comp": comp_id}
        self.rounds = {code: (rid, kind) for code, rid, kind in reader.all(
            "SELECT code, id, kind FROM rounds WHERE competition_id = :comp", comp)}
        self.criteria: dict[int, dict[str, tuple[int, int, int]]] = defaultdict(dict)
        for rid, code, lo, hi, step in reader.all(
                "SELECT c.round_id, c.code, c.scale_min_milli, c.scale_max_milli,"
                " c.scale_step_milli FROM criteria c JOIN rounds r ON r.id = c.round_id"
                " WHERE r.competition_id = :comp ORDER BY c.position", comp):
            self.criteria[rid][code] = (lo, hi, step)  # the scale, in thousandths
        self.judges = {code: (jid, active) for code, jid, active in reader.all(
            "SELECT code, id, active FROM judges WHERE competition_id = :comp", comp)}
        wanted = sorted({entry for _, _, entry in groups})
        self.entries: dict[str, tuple[int, str]] = {}
        for start in range(0, len(wanted), CHUNK):
            part = wanted[start:start + CHUNK]
            self.entries.update({code: (eid, status) for code, eid, status in reader.all(
                "SELECT code, id, status FROM entries WHERE competition_id = ?"
                f" AND code IN ({marks(len(part))})", (comp_id, *part))})
        entry_ids = sorted(eid for eid, _ in self.entries.values())
        round_ids = sorted({self.rounds[r][0] for r, _, _ in groups if r in self.rounds})
        self.assigned: set[tuple[int, int, int]] = set()
        self.conflicts: set[tuple[int, int]] = set()
        wanted_ids = sorted({(self.rounds[r][0], self.judges[j][0], self.entries[e][0])
                             for r, j, e in groups
                             if r in self.rounds and j in self.judges and e in self.entries})
        for start in range(0, len(wanted_ids), CHUNK):  # the file's (round, judge, entry)
            part = wanted_ids[start:start + CHUNK]
            self.assigned.update(reader.all(
                "SELECT a.round_id, a.judge_id, a.entry_id FROM (VALUES"
                f" {', '.join(['(?, ?, ?)'] * len(part))}) v JOIN assignments a"
                " ON a.round_id = v.column1 AND a.judge_id = v.column2"
                " AND a.entry_id = v.column3", [x for ids in part for x in ids]))
        for start in range(0, len(entry_ids), CHUNK):  # the file's entries only
            part = entry_ids[start:start + CHUNK]
            self.conflicts.update(reader.all(
                f"SELECT judge_id, entry_id FROM conflicts WHERE entry_id IN"
                f" ({marks(len(part))})", part))
        self.sheets: dict[tuple[int, int], dict[str, jd.StoredSheet]] = {}
        for rid in round_ids:  # the sheets of the file's entries, all judges at once
            for jid, sheets in stored_sheets(s, rid, None, entry_ids).items():
                self.sheets[(rid, jid)] = sheets


@dataclass
class _Plan:
    competition_id: int
    last_event: int  # the newest audit event when the plan was made
    writes: list[SheetWrite]
    old: dict[str, dict]
    counts: dict[str, int]
    submit: bool
    audited: dict[str, dict]  # what the audit event records of each sheet written


def _plan(s: Session, competition: str | int, path: Path, groups: dict[Key, list[ScoreRow]],
          row_count: int, submit: bool) -> _Plan:
    """Every rule checked and every sheet merged, nothing written: refused with every
    problem, or what to write."""
    last_event = last_event_id(s)
    comp_id, comp_code, status = lookup.writable_competition_row(s, competition)
    if status != CompetitionStatus.JUDGING.value:
        raise LockedError(Message("paper.scoring_closed", competition=comp_code,
                                  file=path.name))
    codes = _Codes(s, comp_id, groups)
    problems: list[Message] = []
    writes: list[SheetWrite] = []
    keys: list[Key] = []
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
        keys.append(key)
    if problems:  # leaving the transaction with an error writes nothing
        raise ImportFileError(str(path), problems)
    submitted = sum(w.sheet.state == SUBMITTED for w in writes)
    created = sum(w.sheet.id is None for w in writes)
    counts = {"rows": row_count, "sheets": len(groups), "created": created,
              "updated": len(writes) - created, "unchanged": unchanged, "submitted": submitted}
    written = {"/".join(key): audited(new) for key, new in zip(keys, (w.sheet for w in writes),
                                                                strict=True)}
    return _Plan(comp_id, last_event, writes, old, counts, submit, written)


def _write(s: Session, actor: str, plan: _Plan, path: Path) -> ScoreImportReport:
    written_ids = write_sheets(s, plan.writes, PAPER)
    if plan.writes:
        audit.record(s, actor, "scores.import_paper", "file", path.name, old=plan.old or None,
                     new={**plan.counts, "submit": plan.submit, "sheets": plan.audited},
                     competition_id=plan.competition_id, sheets=written_ids)
    c = plan.counts
    return ScoreImportReport(sheets=c["sheets"], scores=c["rows"], submitted=c["submitted"],
                             created=c["created"], updated=c["updated"],
                             unchanged=c["unchanged"])


def _check_group(codes: _Codes, key: Key, group: list[ScoreRow], problems: list[Message]):
    """(round id, judge id, entry id, criteria) when the sheet may be written; otherwise
    the problems are added (each naming the file's lines)."""
    rnd, judge, entry = (codes.rounds.get(key[0]), codes.judges.get(key[1]),
                         codes.entries.get(key[2]))
    if (rnd is not None and rnd[1] == SCORED and judge is not None and judge[1]
            and entry is not None and entry[1] == ELIGIBLE
            and (judge[0], entry[0]) not in codes.conflicts
            and (rnd[0], judge[0], entry[0]) in codes.assigned):  # the usual case, at once
        criteria = codes.criteria.get(rnd[0], {})
        for r in group:
            scale = criteria.get(r.criterion)
            if scale is None:
                break
            milli, (lo, hi, step) = _milli(r.score), scale
            if not lo <= milli <= hi or (milli - lo) % step:
                break
        else:
            return rnd[0], judge[0], entry[0], criteria
    return _group_problems(codes, key, group, problems)


def _group_problems(codes: _Codes, key: Key, group: list[ScoreRow], problems: list[Message]):
    """What `_check_group` says when something is wrong: every problem of the group."""
    round_code, judge_code, entry_code = key
    lines = [r.line for r in group]
    before = len(problems)
    where = dict(lines=lines, judge=judge_code, entry=entry_code, round=round_code)

    rnd = codes.rounds.get(round_code)
    judge = codes.judges.get(judge_code)
    entry = codes.entries.get(entry_code)
    if rnd is None:
        problems.append(Message("paper.no_round", **where))
    elif rnd[1] != SCORED:
        problems.append(Message("paper.screening_round", **where))
    if judge is None:
        problems.append(Message("paper.no_judge", **where))
    elif not judge[1]:
        problems.append(Message("paper.inactive_judge", **where))
    if entry is None:
        problems.append(Message("paper.no_entry", **where))
    elif entry[1] != ELIGIBLE:
        problems.append(Message("paper.not_eligible", **where, status=EntryStatus(entry[1])))
    if len(problems) > before:
        return None
    assert rnd is not None and judge is not None and entry is not None
    if (judge[0], entry[0]) in codes.conflicts:
        problems.append(Message("paper.conflict", **where))
    elif (rnd[0], judge[0], entry[0]) not in codes.assigned:
        problems.append(Message("paper.not_assigned", **where))
    criteria = codes.criteria.get(rnd[0], {})
    for r in group:
        scale = criteria.get(r.criterion)
        if scale is None:
            problems.append(Message("paper.no_criterion", line=r.line, criterion=r.criterion,
                                    round=round_code))
            continue
        milli = to_milli(r.score)
        lo, hi, step = scale
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
            criteria: dict[str, tuple[int, int, int]], submit: bool) -> jd.StoredSheet:
    """The sheet as it will be: the stored scores with the file's written over them (a
    comment in the file replaces that criterion's comment; an empty one keeps it)."""
    scores = dict(stored.scores) if stored else {}
    comments = dict(stored.comments) if stored else {}
    for r in group:
        scores[r.criterion] = r.score  # exact, normalised (core.numbers)
        if r.comment:
            comments[r.criterion] = r.comment
    complete = all(code in scores for code in criteria)
    state = SUBMITTED if submit and complete else DRAFT
    return jd.StoredSheet(entry, state, 1, PAPER, stored.overall_comment if stored else "",
                          scores=scores, comments=comments)
