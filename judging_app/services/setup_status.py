"""What in a competition's setup is in use, so the setup screen can say up front what it
may change: a round's rubric is locked while it has submitted sheets (update_setup refuses
the change with LockedError until the rubric is reopened), a round with sheets cannot be
removed, a category with entries cannot be removed. Reads only."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from judging_app.core.enums import SheetState
from judging_app.services import lookup
from judging_app.store.database import Database
from judging_app.store.models import Category, Entry, Round, ScoreSheet


@dataclass(frozen=True)
class SetupUsage:
    """Counts by code; codes with nothing are left out."""

    submitted_sheets: dict[str, int] = field(default_factory=dict)  # round -> submitted sheets
    sheets: dict[str, int] = field(default_factory=dict)  # round -> sheets (draft or submitted)
    entries: dict[str, int] = field(default_factory=dict)  # category -> entries

    def rubric_locked(self, round_code: str) -> bool:
        return self.submitted_sheets.get(round_code, 0) > 0


def _sheet_counts(s, comp_id: int, submitted_only: bool) -> dict[str, int]:
    query = (
        select(Round.code, func.count(ScoreSheet.id))
        .join(ScoreSheet, ScoreSheet.round_id == Round.id)
        .where(Round.competition_id == comp_id)
        .group_by(Round.code)
    )
    if submitted_only:
        query = query.where(ScoreSheet.state == SheetState.SUBMITTED.value)
    return {code: int(n) for code, n in s.execute(query).all() if n}


def locked_rounds(db: Database, competition: str | int) -> dict[str, int]:
    """Round code -> number of submitted sheets, for every round whose rubric is locked."""
    with db.read() as s:
        return _sheet_counts(s, lookup.competition(s, competition).id, submitted_only=True)


def setup_usage(db: Database, competition: str | int) -> SetupUsage:
    with db.read() as s:
        comp_id = lookup.competition(s, competition).id
        entries = s.execute(
            select(Category.code, func.count(Entry.id))
            .join(Entry, Entry.category_id == Category.id)
            .where(Category.competition_id == comp_id)
            .group_by(Category.code)
        ).all()
        return SetupUsage(
            submitted_sheets=_sheet_counts(s, comp_id, submitted_only=True),
            sheets=_sheet_counts(s, comp_id, submitted_only=False),
            entries={code: int(n) for code, n in entries if n},
        )
