"""The rules for sheets in packages and returns, one set for both sides. Pure: no database,
no Qt.

The judge's app fills in scores (checked against the package's rubric exactly as the
secretariat's database checks them), submits sheets and exports a signed return:

    draft = start_return(read_package(data))
    set_score(draft, "E1", "A", "4")          # DraftError when off the scale or step
    submit(draft, "E1")                       # locked from then on, as in the database
    Path("J1.jret").write_bytes(export_return(draft))

The secretariat's import plans how a return's sheets apply onto the stored ones
(`plan_merge`): every problem is collected, nothing is applied when there is one.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from judging_app.core.messages import Message, MessageError
from judging_app.core.numbers import NumberError, from_milli, scale_problem, to_milli
from judging_app.exchange import judge_package as jp
from judging_app.exchange.judge_package_fields import (
    DRAFT,
    SUBMITTED,
    JudgeReturn,
    Package,
    PackageError,
    RubricCriterion,
    SheetData,
)


class DraftError(MessageError, ValueError):
    """An edit the package does not allow (unknown entry, off the scale, locked sheet);
    nothing was changed. Carries a Message (str() is English)."""


@dataclass
class DraftSheet:
    entry: str
    state: str = DRAFT
    scores: dict[str, Decimal] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)
    overall_comment: str = ""

    def is_empty(self) -> bool:
        return self.state == DRAFT and not (self.scores or self.comments or self.overall_comment)


@dataclass
class ReturnDraft:
    package: Package
    sheets: dict[str, DraftSheet]  # entry code -> sheet, in the package's entry order
    last_sequence: int  # the sequence of the last exported return (package start - 1 at first)

    def criterion(self, code: str) -> RubricCriterion:
        for c in self.package.rubric:
            if c.code == code:
                return c
        raise DraftError(Message("packages.draft.no_criterion", code=code,
                                 round=self.package.round.code))

    def sheet(self, entry: str) -> DraftSheet:
        if entry not in self.sheets:
            raise DraftError(Message("packages.draft.no_entry", entry=entry,
                                     judge=self.package.judge.code, round=self.package.round.code))
        return self.sheets[entry]

    def open_sheet(self, entry: str) -> DraftSheet:
        sheet = self.sheet(entry)
        if sheet.state == SUBMITTED:
            raise DraftError(Message("packages.draft.locked", entry=entry))
        return sheet


def _from_data(data: SheetData) -> DraftSheet:
    return DraftSheet(data.entry, data.state, dict(data.scores),
                      {k: v for k, v in data.comments.items() if v}, data.overall_comment)


def start_return(package: Package) -> ReturnDraft:
    """A draft holding one sheet per entry of the package, starting from the scores the
    database already had when the package was issued."""
    sheets = {e.code: DraftSheet(e.code) for e in package.entries}
    for data in package.sheets:
        if data.entry in sheets:
            sheets[data.entry] = _from_data(data)
    return ReturnDraft(package, sheets, package.sequence_start - 1)


def resume_return(package: Package, data: bytes) -> ReturnDraft:
    """Continue from a return this app exported earlier from the same package (how the
    judge's app keeps its work between sessions)."""
    ret = jp.read_return(data)
    if not jp.signed_by(ret, package.secret):
        raise PackageError(Message("package_file.not_from_package"))
    if ret.package_id != package.package_id:
        raise PackageError(Message("package_file.other_package", package=ret.package_id))
    draft = start_return(package)
    for data_sheet in ret.sheets:
        if data_sheet.entry in draft.sheets:
            draft.sheets[data_sheet.entry] = _from_data(data_sheet)
    draft.last_sequence = max(draft.last_sequence, ret.sequence)
    return draft


@functools.lru_cache(maxsize=1024)
def _bounds(criterion: RubricCriterion) -> tuple[int, int, int]:
    return tuple(to_milli(v) for v in (criterion.scale_min, criterion.scale_max,
                                       criterion.scale_step))  # type: ignore[return-value]


_decimal = functools.lru_cache(maxsize=4096)(from_milli)  # scores repeat: a few hundred values


def check_score(criterion: RubricCriterion, value: object, where: str = "",
                bounds: tuple[int, int, int] | None = None) -> Decimal:
    """The value as an exact decimal, or DraftError saying what is wrong with it. `bounds`:
    the criterion's (min, max, step) in thousandths when the caller has them at hand."""
    try:
        milli = to_milli(value)  # type: ignore[arg-type]
    except NumberError as exc:
        problem: Message | None = exc.message
    else:
        problem = scale_problem(milli, *(bounds or _bounds(criterion)))
    if problem is not None:
        if where:
            raise DraftError(Message("sheets.at_criterion", where=where,
                                     criterion=criterion.code, problem=problem))
        raise DraftError(Message("packages.draft.at_criterion", criterion=criterion.code,
                                 problem=problem))
    return _decimal(milli)


def set_score(draft: ReturnDraft, entry: str, criterion: str, value: object) -> Decimal | None:
    """Set (or with None / empty text, clear) one score; returns the value stored."""
    sheet = draft.open_sheet(entry)
    crit = draft.criterion(criterion)
    if value is None or (isinstance(value, str) and not value.strip()):
        sheet.scores.pop(crit.code, None)
        sheet.comments.pop(crit.code, None)  # as in the database: a comment needs a score
        return None
    sheet.scores[crit.code] = check_score(crit, value, entry)
    return sheet.scores[crit.code]


def set_comment(draft: ReturnDraft, entry: str, criterion: str, text: str) -> None:
    sheet = draft.open_sheet(entry)
    crit = draft.criterion(criterion)
    if text and crit.code not in sheet.scores:
        raise DraftError(Message("sheets.comment_needs_score", where=entry, criterion=crit.code))
    if text:
        sheet.comments[crit.code] = text
    else:
        sheet.comments.pop(crit.code, None)


def set_overall_comment(draft: ReturnDraft, entry: str, text: str) -> None:
    draft.open_sheet(entry).overall_comment = text


def missing_criteria(draft: ReturnDraft, entry: str) -> list[str]:
    sheet = draft.sheet(entry)
    return [c.code for c in draft.package.rubric if c.code not in sheet.scores]


def submit(draft: ReturnDraft, entry: str) -> None:
    """Mark a complete sheet submitted; it is locked from then on."""
    sheet = draft.open_sheet(entry)
    missing = missing_criteria(draft, entry)
    if missing:
        raise DraftError(Message("packages.draft.missing_scores", entry=entry, codes=missing))
    sheet.state = SUBMITTED


def progress(draft: ReturnDraft) -> tuple[int, int, int]:
    """(submitted sheets, sheets with any score, entries in the package)."""
    sheets = draft.sheets.values()
    return (sum(s.state == SUBMITTED for s in sheets), sum(bool(s.scores) for s in sheets),
            len(draft.sheets))


def build_return(draft: ReturnDraft, sequence: int, created_at: str | None = None) -> JudgeReturn:
    p = draft.package
    return JudgeReturn(
        package_id=p.package_id, created_at=created_at or jp.now_text(), sequence=sequence,
        competition=p.competition, round=p.round, judge=p.judge,
        rubric_sha256=jp.rubric_digest(p.rubric),
        sheets=tuple(SheetData(s.entry, s.state, dict(s.scores), dict(s.comments),
                               s.overall_comment)
                     for s in draft.sheets.values() if not s.is_empty()),
    )


def export_return(draft: ReturnDraft, sequence: int | None = None, *,
                  created_at: str | None = None) -> bytes:
    """The signed return file's bytes. `sequence` defaults to one more than the last export
    and must grow with every export (the secretariat refuses an older one)."""
    if sequence is None:
        sequence = draft.last_sequence + 1
    if sequence <= draft.last_sequence:
        raise DraftError(Message("packages.draft.sequence", sequence=sequence,
                                 last=draft.last_sequence))
    data = jp.serialize_return(build_return(draft, sequence, created_at), draft.package.secret)
    draft.last_sequence = sequence
    return data


def return_file_name(draft: ReturnDraft, sequence: int) -> str:
    p = draft.package
    return jp.safe_file_name(f"{p.competition.code}_{p.round.code}_{p.judge.code}_return-"
                             f"{sequence}{jp.RETURN_SUFFIX}")


# ---- the secretariat's side: a return's sheets onto the stored ones ----------------------

@dataclass
class StoredSheet:
    entry: str
    state: str
    version: int = 0
    source: str = ""
    overall_comment: str = ""
    scores: dict[str, Decimal] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)  # non-empty ones only
    id: int | None = None  # the database row, for the caller

    def content(self) -> tuple:
        return (self.scores, self.comments, self.overall_comment)


@dataclass
class MergePlan:
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    new: list[StoredSheet] = field(default_factory=list)  # sheets to create (version 1)
    changed: list[tuple[StoredSheet, StoredSheet]] = field(default_factory=list)  # (old, new)
    unchanged: int = 0


def _incoming(sh: SheetData, rubric: dict[str, RubricCriterion], where: str,
              bad: Callable[[str], None], bounds: dict[str, tuple[int, int, int]]
              ) -> StoredSheet:
    new = StoredSheet(sh.entry, sh.state, 1, "package", sh.overall_comment,
                      comments={k: v for k, v in sh.comments.items() if v})
    for code in sorted((set(sh.scores) | set(new.comments)) - set(rubric)):
        bad(f"{where}: no criterion {code!r} in this round")
    for code, value in sh.scores.items():
        if code in rubric:
            try:
                new.scores[code] = check_score(rubric[code], value, where, bounds[code])
            except DraftError as exc:
                bad(str(exc))
    for code in sorted(set(new.comments) - set(sh.scores)):
        bad(f"{where}, {code}: a comment needs a score on that criterion")
    missing = [c for c in rubric if c not in sh.scores]
    if sh.state == SUBMITTED and missing:
        bad(f"{where}: submitted with criteria without a score: {', '.join(missing)}")
    return new


def _show(value: Decimal | None) -> str:
    return "-" if value is None else str(value)


def plan_merge(sheets: tuple[SheetData, ...], stored: dict[str, StoredSheet],
               rubric: tuple[RubricCriterion, ...], entry_problem: Callable[[str], str],
               judge_code: str, source: str = "package") -> MergePlan:
    """How a return's sheets apply onto the stored sheets of its judge and round.

    `entry_problem(entry)` says why the judge may not score an entry ("" when it may).
    A submitted stored sheet is locked: a return may repeat it, never change it; a return
    never takes a submission back. An empty draft for a sheet that does not exist is skipped.
    """
    plan, seen, by_code = MergePlan(), set(), {c.code: c for c in rubric}
    bounds = {c.code: _bounds(c) for c in rubric}
    bad = plan.problems.append
    for sh in sheets:
        where = f"{judge_code} / {sh.entry}"
        problem = "the return has two sheets for this entry" if sh.entry in seen else \
            entry_problem(sh.entry)
        seen.add(sh.entry)
        if problem:
            bad(f"{where}: {problem}")
            continue
        new, old = _incoming(sh, by_code, where, bad, bounds), stored.get(sh.entry)
        if old is None:
            if new.state == SUBMITTED or any(new.content()):
                plan.new.append(new)
        elif old.content() == new.content() and new.state in (old.state, DRAFT):
            plan.unchanged += 1
        elif old.state == SUBMITTED:
            diff = [f"{c} {_show(old.scores.get(c))} → {_show(new.scores.get(c))}"
                    for c in by_code if old.scores.get(c) != new.scores.get(c)] or ["comments"]
            bad(f"{where}: the sheet is submitted and locked, and the return changes it "
                f"({', '.join(diff)}); the secretariat must reopen it first")
        else:
            new.version, new.id = old.version + 1, old.id
            plan.changed.append((old, new))
            if old.source != source:
                plan.warnings.append(f"{where}: the draft entered another way ({old.source}) was "
                                     "replaced by the judge's return")
    return plan

