"""The entries view's read use case (services/entry_queries.py) on both backends: the same
records as entries.list_entries, from plain columns."""

from __future__ import annotations

from datetime import date

import pytest

from judging_app.core.enums import EntryStatus
from judging_app.services import entries, entry_queries
from judging_app.services.entries import EntryInput
from judging_app.services.errors import NotFoundError

from factories import seeded_competition


def test_records_equal_the_entries_use_case_in_code_order(db):
    seeded = seeded_competition(db, n_entries=5, judging=False)
    entries.add_entry(seeded.ws, seeded.code, EntryInput(
        code="A0", title="Sistem Informasi Posyandu", unit="U2", category="pd",
        innovators="Siti; Budi", contact="0812", started_on=date(2024, 2, 29),
        summary="Ringkasan", links="https://a.example\nhttps://b.example"))
    entries.set_entry_status(seeded.ws, seeded.code, ["E2"], EntryStatus.DISQUALIFIED, "Tidak lengkap")
    records = entry_queries.list_entry_records(db, seeded.code)
    assert records == entries.list_entries(db, seeded.code)
    assert [r.code for r in records] == ["A0", "E1", "E2", "E3", "E4", "E5"]
    first = records[0]
    assert (first.unit_name, first.category_code, first.started_on) == (
        "Dinas Contoh 2", "pd", date(2024, 2, 29))
    assert records[2].status_reason == "Tidak lengkap"


def test_an_empty_competition_and_an_unknown_one(db):
    seeded = seeded_competition(db, n_entries=0, judging=False)
    assert entry_queries.list_entry_records(db, seeded.code) == []
    with pytest.raises(NotFoundError):
        entry_queries.list_entry_records(db, "no-such-competition")
