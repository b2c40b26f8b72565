"""Importing the city's list of government units into the register, all or nothing.

A code not in the register adds a unit; a known code with another name renames it from
`effective_on` (its old name stays in the history); a known code with another type changes
the type; units the file does not name are left as they are (a list is not a decree of
dissolution: mergers and ends are recorded one by one). Then every competition's unlinked
units and entries are matched against the register again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from judging_app.core.messages import Message, Text
from judging_app.core.people import Role
from judging_app.core.programme import name_key
from judging_app.core.programme_records import LinkReport
from judging_app.exchange.entry_format import EntryFileError, EntryProblem
from judging_app.exchange.unit_list import UnitList, UnitRow, read_unit_list
from judging_app.services import audit
from judging_app.services.authorization import require
from judging_app.services.errors import ImportFileError
from judging_app.services.programme_links import link_competition
from judging_app.services.registry import add_unit_in_session, rename_in_session
from judging_app.services.workspace import Workspace
from judging_app.store.database import Database
from judging_app.store.models import Competition
from judging_app.store.programme_models import RegistryUnit


@dataclass(frozen=True)
class Rename:
    code: str
    old_name: str
    new_name: str
    old_kind: str
    new_kind: str
    row: int


@dataclass
class UnitImportPlan:
    source: str
    sheet: str
    sha256: str
    added: list[UnitRow] = field(default_factory=list)
    renamed: list[Rename] = field(default_factory=list)
    unchanged: int = 0
    problems: list = field(default_factory=list)  # Messages (or the reader's own problems)
    links: LinkReport = LinkReport()

    @property
    def ok(self) -> bool:
        return not self.problems


def _read(path: Path, sheet: str | None) -> UnitList:
    try:
        return read_unit_list(path, sheet)
    except EntryFileError as exc:
        raise ImportFileError(path.name, [_located(p) for p in exc.problems]) from None


def _located(problem: EntryProblem) -> Text:
    """A reader's problem with its place, in the language it will be shown in."""
    if problem.sheet is None and problem.row is None:
        return problem.message
    if problem.row is not None:
        where = Message("programme.list_row", sheet=problem.sheet or "-", row=problem.row)
    else:
        where = Message("programme.list_sheet", sheet=problem.sheet)
    return Message("programme.list_problem", where=where, problem=problem.message)


def _plan(s: Session, data: UnitList) -> UnitImportPlan:
    plan = UnitImportPlan(data.source, data.sheet, data.sha256, problems=list(data.problems))
    known = {u.code.casefold(): u for u in s.scalars(select(RegistryUnit))}
    names = {name_key(u.name): u.code for u in known.values() if u.ended_on is None}
    for row in data.rows:
        unit = known.get(row.code.casefold())
        if unit is None:
            other = names.get(name_key(row.name))
            if other is not None:
                plan.problems.append(Message("programme.list_name_taken", row=row.row,
                                             name=row.name, unit=other))
            else:
                plan.added.append(row)
            continue
        kind = row.kind or unit.kind
        if unit.name == row.name and unit.kind == kind:
            plan.unchanged += 1
        elif unit.ended_on is not None:
            plan.problems.append(Message("programme.list_unit_ended", row=row.row,
                                         unit=unit.code, on=unit.ended_on))
        else:
            plan.renamed.append(Rename(unit.code, unit.name, row.name, unit.kind, kind, row.row))
    return plan


def preview_unit_import(db: Database, path: str | Path, sheet: str | None = None) -> UnitImportPlan:
    """What importing the file would do; writes nothing."""
    data = _read(Path(path), sheet)
    with db.read() as s:
        return _plan(s, data)


def import_unit_list(ws: Workspace, path: str | Path, sheet: str | None = None,
                     effective_on: date | None = None) -> UnitImportPlan:
    """Apply the file in one transaction (renames valid from `effective_on`, default
    today), or refuse it whole (ImportFileError naming each problem)."""
    path = Path(path)
    data = _read(path, sheet)
    on = effective_on or date.today()
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        plan = _plan(s, data)
        if plan.problems:
            raise ImportFileError(data.source, plan.problems)
        for row in plan.added:
            add_unit_in_session(s, ws.actor, row.code, row.name, row.kind, row.established_on)
        units = {u.code: u for u in s.scalars(select(RegistryUnit))}
        for change in plan.renamed:
            rename_in_session(s, ws.actor, units[change.code], change.new_name, on,
                              change.new_kind)
        audit.record(s, ws.actor, "registry.import", "file", data.source, new={
            "file": data.source, "sheet": data.sheet, "sha256": data.sha256,
            "added": [r.code for r in plan.added], "renamed": [r.code for r in plan.renamed],
            "effective_on": on, "unchanged": plan.unchanged})
        for comp_id in s.scalars(select(Competition.id).order_by(Competition.year)):
            plan.links += link_competition(s, ws.actor, comp_id)
    return plan
