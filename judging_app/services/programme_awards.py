"""Awards as the finalized results froze them: the latest snapshot of each finalized
competition (its JSON, services/results_view.results_json) read back per entry. Results
that are not finalized award nothing yet."""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from judging_app.store.models import Entry, ResultSnapshot


def awards_by_entry(s: Session, competition_ids: Iterable[int]) -> dict[int, str]:
    """entry id → award label (rank tiers: Juara I…, Harapan I…, Terbaik) in finalized
    results of the given competitions."""
    ids = list(competition_ids)
    if not ids:
        return {}
    latest = (select(ResultSnapshot.competition_id, func.max(ResultSnapshot.id).label("id"))
              .where(ResultSnapshot.competition_id.in_(ids))
              .group_by(ResultSnapshot.competition_id).subquery())
    out: dict[int, str] = {}
    for comp_id, payload in s.execute(
            select(ResultSnapshot.competition_id, ResultSnapshot.payload)
            .join(latest, latest.c.id == ResultSnapshot.id)):
        by_code = dict(s.execute(select(Entry.code, Entry.id)
                                 .where(Entry.competition_id == comp_id)).all())
        for code, label in awarded_codes(payload):
            if code in by_code:
                out[by_code[code]] = label
    return out


def awarded_codes(payload: str) -> list[tuple[str, str]]:
    """(entry code, award label) of a snapshot's ranked rows with a rank award."""
    data = json.loads(payload)
    return [(row["code"], row["award"]) for cat in data.get("categories", ())
            for row in cat.get("rows", ()) if row.get("award") and row.get("rank") is not None]
