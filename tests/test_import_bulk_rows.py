"""The bulk import path writes sheets through the driver (services/sheet_bulk.py): what it
stores reads back exactly like what the ORM stores, on both backends (timestamps in the same
form, the submitted time set), and the totals it refreshes are in step (conftest checks
them after every test)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal as D

from sqlalchemy import select, text

from judging_app.services import assignments, sheets
from judging_app.services.score_import import import_paper_scores
from judging_app.services.sheets import SheetInput
from judging_app.store.models import ScoreSheet

from factories import seeded_competition


def test_imported_sheets_read_back_like_saved_ones(db, tmp_path):
    comp = seeded_competition(db, n_entries=3, n_judges=2)
    assignments.assign(comp.ws, comp.code, "prop", "J1", ["E1", "E2", "E3"])
    sheets.save_sheet(comp.ws, comp.code, "prop", "J1", "E3",
                      SheetInput({"A": D(4), "B": D("3.5")}))
    path = tmp_path / "nilai.csv"
    path.write_text("round,judge,entry,criterion,score,comment\n"
                    "prop,J1,E1,A,4,\nprop,J1,E1,B,3.5,rapi\nprop,J1,E2,A,2,\n", encoding="utf-8")
    report = import_paper_scores(comp.ws, comp.code, path)
    assert (report.sheets, report.submitted) == (2, 1)
    with db.read() as s:
        rows = {r.entry_id: r for r in s.scalars(select(ScoreSheet))}
        stored = s.execute(text(
            "SELECT entry_id, CAST(updated_at AS TEXT), CAST(submitted_at AS TEXT)"
            " FROM score_sheets ORDER BY entry_id")).all()
    now = datetime.now(UTC)
    for sheet in rows.values():
        at = sheet.updated_at if sheet.updated_at.tzinfo else sheet.updated_at.replace(tzinfo=UTC)
        assert abs(now - at) < timedelta(minutes=5)
    submitted = [r for r in rows.values() if r.state == "submitted"]
    assert len(submitted) == 1 and submitted[0].submitted_at is not None
    assert all(r.submitted_at is None for r in rows.values() if r.state == "draft")
    if db.is_sqlite:  # text there: the driver's rows and the ORM's row look the same
        assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", updated)
                   for _, updated, _ in stored), stored
    e1 = sheets.get_sheet(db, comp.code, "prop", "J1", "E1")
    assert (e1.state, e1.scores, e1.comments) == ("submitted", {"A": D(4), "B": D("3.5")},
                                                  {"B": "rapi"})
