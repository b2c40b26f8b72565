"""Importing typed-up paper score sheets (CSV): all or nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from judging_app.core.enums import SheetSource, SheetState
from judging_app.core.people import Role
from judging_app.exchange.scores_csv import ScoresCsvError, read_scores_csv
from judging_app.services import audit, sheets
from judging_app.services.authorization import require
from judging_app.services.errors import ImportFileError, ServiceError
from judging_app.services.sheets import SheetInput
from judging_app.services.workspace import Workspace
from judging_app.store.models import Criterion


@dataclass(frozen=True)
class ScoreImportReport:
    sheets: int
    scores: int
    submitted: int


def import_paper_scores(ws: Workspace, competition: str | int, path: Path, *,
                        submit: bool = True) -> ScoreImportReport:
    """Every row is checked; any problem refuses the whole file and changes nothing.
    Complete sheets are submitted (source 'paper') unless submit=False."""
    try:
        rows = read_scores_csv(Path(path))
    except ScoresCsvError as exc:
        raise ImportFileError(exc.source, exc.problems) from None
    problems: list[str] = []
    groups: dict[tuple[str, str, str], list] = {}
    seen: dict[tuple[str, str, str, str], int] = {}
    for r in rows:
        key4 = (r.round, r.judge, r.entry, r.criterion)
        if key4 in seen:
            problems.append(f"row {r.line}: the same score as row {seen[key4]} "
                            f"({r.round}/{r.judge}/{r.entry}/{r.criterion})")
            continue
        seen[key4] = r.line
        groups.setdefault((r.round, r.judge, r.entry), []).append(r)
    if problems:
        raise ImportFileError(str(path), problems)
    submitted = 0
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        for (round_code, judge_code, entry_code), group in groups.items():
            lines = ", ".join(str(r.line) for r in group)
            try:
                key = sheets.resolve_key(s, competition, round_code, judge_code, entry_code)
                codes = {c for c in s.scalars(select(Criterion.code).where(Criterion.round_id == key.rnd.id))}
                for r in group:
                    if r.criterion not in codes:
                        raise ServiceError(f"no criterion {r.criterion!r} in round {round_code}")
                data = SheetInput(  # scores stay text until the sheet rules parse them exactly
                    scores={r.criterion: r.score for r in group},  # type: ignore[misc]
                    comments={r.criterion: r.comment for r in group if r.comment},
                )
                sheet = sheets.save_in_session(s, ws.actor, key, data, SheetSource.PAPER)
                if submit and sheet.state == SheetState.DRAFT.value and len(group) == len(codes):
                    sheets.submit_in_session(s, ws.actor, key, sheet)
                    submitted += 1
            except ServiceError as exc:
                problems.append(f"rows {lines}: {exc}")
        if problems:  # leaving the block with an error rolls the whole file back
            raise ImportFileError(str(path), problems)
        audit.record(s, ws.actor, "scores.import_paper", "file", Path(path).name,
                     new={"rows": len(rows), "sheets": len(groups), "submitted": submitted},
                     competition_id=key.comp.id)
    return ScoreImportReport(sheets=len(groups), scores=len(rows), submitted=submitted)
