"""Importing entries from a spreadsheet or CSV file (docs/entry-import.md).

`preview_entry_import` reads and checks everything and writes nothing; `import_entries`
does the same checks inside one transaction and then writes every row (bulk inserts), the
new units (only when `create_units` says so), the automatic conflicts of interest and one
audit event. Any problem refuses the whole file and nothing is written. `progress(done,
total)` is called as the work goes on; raising from it (e.g. `Cancelled`) stops cleanly.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from judging_app.core.enums import EntryStatus, InnovationStage, InnovationType
from judging_app.core.messages import Message, Text, as_text
from judging_app.core.people import Role
from judging_app.exchange.entry_format import Cancelled, EntryFileError, EntryProblem
from judging_app.exchange.entry_reader import EntrySheet, read_entry_file
from judging_app.services import audit, lookup
from judging_app.services.attachments import attach_in_session
from judging_app.services.authorization import require
from judging_app.services.competitions import now
from judging_app.services.conflicts import sync_unit_conflicts
from judging_app.services.document_queries import document_limits_in
from judging_app.services.entries import EntryInput
from judging_app.services.entry_documents import check_row_documents, row_documents
from judging_app.services.errors import ImportFileError, ValidationError
from judging_app.services.workspace import Workspace
from judging_app.store.database import Database
from judging_app.store.models import Category, Entry, Unit

__all__ = ["Cancelled", "EntryImportError", "EntryImportPreview", "EntryImportReport",
           "ImportRow", "NewUnit", "import_entries", "preview_entry_import"]

Progress = Callable[[int, int], Any]
STEPS = 1000  # progress is reported as (done, 1000)
CHUNK = 5000


@dataclass(frozen=True)
class ImportRow:
    row: int  # as the spreadsheet numbers it
    entry: EntryInput  # unit and category as codes (a new unit's code is the one it will get)
    new_unit: bool


@dataclass(frozen=True)
class NewUnit:
    code: str
    name: str
    first_row: int
    rows: int
    similar: str = ""  # an existing unit's name that looks alike (a typo?)


@dataclass
class EntryImportPreview:
    source: str
    sheet: str
    sheet_names: list[str] = field(default_factory=list)
    header_row: int = 0
    columns: dict[str, tuple[str, str]] = field(default_factory=dict)  # key → (letter, header)
    rows: list[ImportRow] = field(default_factory=list)
    new_units: list[NewUnit] = field(default_factory=list)
    problems: list[EntryProblem] = field(default_factory=list)  # the first 200
    problem_count: int = 0
    notes: list[Text] = field(default_factory=list)
    sha256: str = ""

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    @property
    def by_category(self) -> dict[str, int]:
        return dict(Counter(r.entry.category for r in self.rows))

    def problem_messages(self) -> list[Text]:
        """Each problem with its place, then "… and N more" if not all are listed."""
        lines: list[Text] = [p.as_message() for p in self.problems]
        if self.problem_count > len(self.problems):
            lines.append(Message("common.and_more", count=self.problem_count - len(self.problems)))
        return lines

    def problem_lines(self, language: str = "en") -> list[str]:
        return [as_text(line, language) for line in self.problem_messages()]


@dataclass(frozen=True)
class EntryImportReport:
    source: str
    sheet: str
    sha256: str
    entries: int
    units_created: list[NewUnit]
    by_category: dict[str, int]
    notes: list[Text]


class EntryImportError(ImportFileError):
    """Nothing was imported. `problems` are the lines shown, `items` the detailed problems
    (sheet, row, column, header, message), `total` how many there were in all."""

    def __init__(self, source: str, items: list[EntryProblem], total: int | None = None,
                 extra: list[Text] = (), advice: Text = "") -> None:
        self.items = list(items)
        self.total = total if total is not None else len(self.items) + len(extra)
        lines: list[Text] = [p.as_message() for p in self.items] + list(extra)
        super().__init__(source, lines)
        self.message = Message("common.import_refused", source=source, count=self.total)
        self.advice = advice
        self.args = (self.render("en"),)

    def render(self, language: str) -> str:
        lines = [as_text(self.message, language)]
        lines += [f"  - {as_text(p, language)}" for p in self.problems]
        if self.total > len(self.problems):
            more = Message("common.and_more", count=self.total - len(self.problems))
            lines.append(as_text(more, language))
        if self.advice:
            lines.append(as_text(self.advice, language))
        return "\n".join(lines)


def _phase(progress: Progress | None, start: int, span: int) -> Progress | None:
    if progress is None:
        return None
    return lambda done, total: progress(start + span * min(done, total) // max(total, 1), STEPS)


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


@dataclass
class _Context:
    categories: dict[str, tuple[int, str]]  # key of code/name/name_en → (id, code)
    category_names: list[str]
    units: dict[str, tuple[int, str]]  # key of code/name → (id, code)
    unit_names: list[str]
    unit_codes: set[str]
    entry_codes: set[str]  # casefolded


def _context(s, comp_id: int) -> _Context:
    ctx = _Context({}, [], {}, [], set(), set())
    for cid, code, name, name_en in s.execute(select(
            Category.id, Category.code, Category.name, Category.name_en)
            .where(Category.competition_id == comp_id).order_by(Category.position)):
        ctx.category_names.append(name)
        for label in (code, name, name_en):
            if label:
                ctx.categories.setdefault(_key(label), (cid, code))
    for uid, code, name in s.execute(select(Unit.id, Unit.code, Unit.name)
                                     .where(Unit.competition_id == comp_id)):
        ctx.units.setdefault(_key(name), (uid, code))
        ctx.units.setdefault(_key(code), (uid, code))
        ctx.unit_names.append(name)
        ctx.unit_codes.add(code.casefold())
    ctx.entry_codes = {c.casefold() for c in s.scalars(
        select(Entry.code).where(Entry.competition_id == comp_id))}
    return ctx


def _unit_code(name: str, taken: set[str]) -> str:
    base = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^A-Za-z0-9]+", "-", base).strip("-").upper()[:40].strip("-") or "UNIT"
    code, n = base, 2
    while code.casefold() in taken:
        code, n = f"{base}-{n}", n + 1
    taken.add(code.casefold())
    return code


def _resolve(data: EntrySheet, ctx: _Context) -> tuple[list[ImportRow], list[NewUnit]]:
    rows: list[ImportRow] = []
    new: dict[str, NewUnit] = {}
    taken = set(ctx.unit_codes)
    defaults = Counter()
    for r in data.rows:
        cat = ctx.categories.get(_key(r.category))
        if cat is None:
            near = difflib.get_close_matches(r.category, ctx.category_names, n=1)
            known = [repr(n) for n in ctx.category_names]
            data.problem(Message("entry_file.unknown_category_like", category=r.category,
                                 like=near[0], known=known) if near else
                         Message("entry_file.unknown_category", category=r.category,
                                 known=known), r.row, "category")
            continue
        if r.code.casefold() in ctx.entry_codes:
            data.problem(Message("entry_file.code_exists", code=r.code), r.row, "code")
            continue
        unit = ctx.units.get(_key(r.unit))
        if unit is None:
            known = new.get(_key(r.unit))
            if known is None:
                near = difflib.get_close_matches(r.unit, ctx.unit_names, n=1, cutoff=0.8)
                known = NewUnit(_unit_code(r.unit, taken), r.unit, r.row, 0, near[0] if near else "")
            known = new[_key(r.unit)] = NewUnit(known.code, known.name, known.first_row,
                                                known.rows + 1, known.similar)
        defaults["stage"] += r.stage is None
        defaults["type"] += r.innovation_type is None
        entry = EntryInput(
            code=r.code, title=r.title, unit=unit[1] if unit else known.code, category=cat[1],
            innovators=r.innovators, contact=r.contact,
            stage=r.stage or InnovationStage.IMPLEMENTATION,
            innovation_type=r.innovation_type or InnovationType.DIGITAL,
            started_on=r.started_on, summary=r.summary, links=r.links)
        rows.append(ImportRow(r.row, entry, unit is None))
    if defaults["stage"]:
        data.notes.append(Message("entry_file.default_stage", count=defaults["stage"]))
    if defaults["type"]:
        data.notes.append(Message("entry_file.default_type", count=defaults["type"]))
    data.problems.items.sort(key=lambda p: p.row or 0)
    return rows, list(new.values())


def _new_unit_lines(units: list[NewUnit]) -> list[Message]:
    return [Message("entry_file.unknown_unit_like", unit=u.name, row=u.first_row, rows=u.rows,
                    like=u.similar) if u.similar else
            Message("entry_file.unknown_unit", unit=u.name, row=u.first_row, rows=u.rows)
            for u in units]


def preview_entry_import(db: Database, competition: str | int, path: str | Path,
                         sheet: str | None = None, progress: Progress | None = None
                         ) -> EntryImportPreview:
    """Reads and checks the file against the competition; writes nothing. A file that cannot
    be read gives a preview with its problems and no rows."""
    path = Path(path)
    with db.read() as s:
        lookup.competition(s, competition)  # an unknown competition fails before the reading
    try:
        data = read_entry_file(path, sheet, _phase(progress, 0, 900))
    except EntryFileError as exc:
        return EntryImportPreview(path.name, sheet or "", problems=exc.problems,
                                  problem_count=len(exc.problems))
    with db.read() as s:
        comp = lookup.competition(s, competition)
        ctx = _context(s, comp.id)
        limits = document_limits_in(s, comp.id)
        if comp.status == "finalized":
            data.problems.add(EntryProblem(Message("entry_file.finalized",
                                                   competition=comp.code)))
    rows, new_units = _resolve(data, ctx)
    check_row_documents(data, row_documents(data, path.parent), limits)
    if progress:
        progress(STEPS, STEPS)
    return EntryImportPreview(
        data.source, data.sheet, data.sheet_names, data.header_row, data.columns, rows,
        new_units, data.problems.items, data.problems.total, data.notes, data.sha256)


def import_entries(ws: Workspace, competition: str | int, path: str | Path,
                   sheet: str | None = None, create_units: bool = False,
                   progress: Progress | None = None) -> EntryImportReport:
    """All rows in one transaction, or nothing (EntryImportError, an ImportFileError)."""
    path = Path(path)
    with ws.db.read() as s:
        limits = document_limits_in(s, lookup.writable_competition(s, competition).id)
    try:
        data = read_entry_file(path, sheet, _phase(progress, 0, 500))
    except EntryFileError as exc:
        raise EntryImportError(path.name, exc.problems) from None
    documents = check_row_documents(data, row_documents(data, path.parent), limits)
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, competition)
        ctx = _context(s, comp.id)
        rows, new_units = _resolve(data, ctx)
        if data.problems:
            raise EntryImportError(data.source, data.problems.items, data.problems.total)
        if new_units and not create_units:
            raise EntryImportError(
                data.source, [], extra=_new_unit_lines(new_units),
                advice=Message("entry_file.create_units_advice"))
        stamp = now()
        unit_ids = {code: uid for uid, code in s.execute(
            insert(Unit).returning(Unit.id, Unit.code, sort_by_parameter_order=True),
            [{"competition_id": comp.id, "code": u.code, "name": u.name, "kind": ""}
             for u in new_units])} if new_units else {}
        unit_ids.update({code: uid for uid, code in ctx.units.values()})
        cat_ids = {code: cid for cid, code in ctx.categories.values()}
        report = _phase(progress, 500, 480)
        table = Entry.__table__
        for start in range(0, len(rows), CHUNK):
            chunk = [_entry_values(comp.id, r.entry, unit_ids, cat_ids, stamp)
                     for r in rows[start:start + CHUNK]]
            s.execute(insert(table), chunk)  # Core executemany: no ORM objects
            if report:
                report(start + len(chunk), len(rows))
        codes = {r.entry.code for r in rows}
        entry_ids = [eid for eid, code in s.execute(
            select(Entry.id, Entry.code).where(Entry.competition_id == comp.id)) if code in codes]
        for start in range(0, len(entry_ids), CHUNK):
            sync_unit_conflicts(s, comp.id, entry_ids=entry_ids[start:start + CHUNK])
        if documents:  # the files the workbook names, in this same transaction
            try:
                attach_in_session(s, ws.actor, comp.id, documents, [], limits)
            except ValidationError as exc:
                raise EntryImportError(data.source, [], extra=list(exc.problems)) from None
        by_category = dict(Counter(r.entry.category for r in rows))
        audit.record(s, ws.actor, "entries.import", "file", data.source, new={
            "file": data.source, "sheet": data.sheet, "sha256": data.sha256,
            "entries": len(rows), "by_category": by_category,
            "units_created": [{"code": u.code, "name": u.name} for u in new_units],
            "codes": [r.entry.code for r in rows],
        }, competition_id=comp.id)
        if progress:
            progress(STEPS, STEPS)
    return EntryImportReport(data.source, data.sheet, data.sha256, len(rows), new_units,
                             by_category, data.notes)


def _entry_values(comp_id: int, e: EntryInput, unit_ids: dict, cat_ids: dict, stamp) -> dict:
    return {
        "competition_id": comp_id, "code": e.code, "title": e.title,
        "unit_id": unit_ids[e.unit], "category_id": cat_ids[e.category],
        "innovators": e.innovators, "contact": e.contact, "stage": e.stage.value,
        "innovation_type": e.innovation_type.value, "started_on": e.started_on,
        "summary": e.summary, "links": e.links, "status": EntryStatus.REGISTERED.value,
        "status_reason": "", "created_at": stamp, "updated_at": stamp,
    }
