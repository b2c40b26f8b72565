"""Importing a list of judges (exchange/judge_list.py) into a competition: all or nothing.

Every row is checked before anything is written: the unit named (by its code or its name),
a code already used by a judge of the competition, the e-mail address. One problem refuses
the whole file, each named by file, cell and header.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from judging_app.core.messages import Message, os_error_message
from judging_app.core.people import Role
from judging_app.core.records import JudgeRecord
from judging_app.exchange.entry_format import normalise
from judging_app.exchange.judge_list import JudgeFileError, JudgeSheet, read_judge_file
from judging_app.services import audit, lookup
from judging_app.services.authorization import require
from judging_app.services.errors import ImportFileError
from judging_app.services.judges import JudgeInput, insert_judge, judge_problems
from judging_app.services.workspace import Workspace
from judging_app.store.database import Database
from judging_app.store.models import Judge, Unit


@dataclass(frozen=True)
class JudgeImportPreview:
    source: str
    judges: list[JudgeInput]  # what would be added, in the file's order


def _read(path: Path, sheet: str | None) -> JudgeSheet:
    try:
        return read_judge_file(path, sheet)
    except JudgeFileError as exc:
        raise ImportFileError(path.name, exc.problems) from None
    except OSError as exc:
        raise ImportFileError(path.name, [os_error_message(exc)]) from None


def _checked(s, comp_id: int, data: JudgeSheet) -> list[JudgeInput]:
    """The rows as JudgeInputs with unit codes; ImportFileError listing every problem."""
    units = s.execute(select(Unit.code, Unit.name).where(Unit.competition_id == comp_id)).all()
    by_code = {code: code for code, _ in units}
    by_name = {normalise(name): code for code, name in units}
    taken = {c.casefold(): c for c in s.scalars(select(Judge.code)
                                                .where(Judge.competition_id == comp_id))}
    out = []
    for row in data.rows:
        unit = (by_code.get(row.unit) or by_name.get(normalise(row.unit))) if row.unit else None
        if row.unit and unit is None:
            data.problem(row.row, "unit", Message("lookup.no_unit", code=row.unit))
        if row.code.casefold() in taken:  # letter case ignored: 'j01' is J01
            data.problem(row.row, "code", Message("judges.code_exists",
                                                  code=taken[row.code.casefold()]))
        judge = JudgeInput(row.code, row.name, row.affiliation, unit, row.email, row.phone,
                           row.role)
        for problem in judge_problems(judge):
            data.problems.append(Message("judge_list.row", file=data.source, row=row.row,
                                         problem=problem))
        out.append(judge)
    if data.problems:
        raise ImportFileError(data.source, data.problems)
    return out


def preview_judge_import(db: Database, competition: str | int, path: str | Path,
                         sheet: str | None = None) -> JudgeImportPreview:
    """Reads and checks the file against the competition; writes nothing."""
    data = _read(Path(path), sheet)
    with db.read() as s:
        comp = lookup.competition(s, competition)
        return JudgeImportPreview(data.source, _checked(s, comp.id, data))


def import_judges(ws: Workspace, competition: str | int, path: str | Path,
                  sheet: str | None = None) -> list[JudgeRecord]:
    """Adds every judge of the file in one transaction, or none (ImportFileError)."""
    data = _read(Path(path), sheet)
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, competition)
        added = [insert_judge(s, ws.actor, comp.id, judge)
                 for judge in _checked(s, comp.id, data)]
        audit.record(s, ws.actor, "judge.import", "competition", comp.code,
                     new={"file": data.source, "judges": [j.code for j in added]},
                     competition_id=comp.id)
        return added

