"""Compliance of a year, monitoring of innovations and a unit's history over the years,
on both backends."""

from __future__ import annotations

from datetime import date

import pytest

from judging_app.core.programme import CompetitionLevel, InnovationState
from judging_app.services import (
    audit,
    compliance,
    entries,
    innovations,
    registry,
    unit_history,
)
from judging_app.services.errors import ServiceError

from programme_support import city_competition, register, workspace

UNITS = {"KOMINFO": "Dinas Komunikasi dan Informatika", "DINKES": "Dinas Kesehatan",
         "DUKCAPIL": "Dinas Kependudukan dan Pencatatan Sipil"}


@pytest.fixture
def programme(db):
    """2024: KOMINFO (Juara I) and DINKES (Juara II) enter, finalized; DUKCAPIL none.
    2025: DUKCAPIL merged into KOMINFO on 1 January; KOMINFO continues its innovation
    (not finalized); DINKES does not enter but its 2024 innovation is found running and
    replicated by BAPPEDA."""
    ws = workspace(db)
    register(ws)
    city_competition(ws, 2024, [("A1", "Sistem Antrean Daring", "KOMINFO"),
                                ("A2", "Posyandu Digital", "DINKES")], UNITS,
                     scores={"A1": (5, 5), "A2": (4, 4)}, finalize=True)
    registry.merge_registry_unit(ws, "DISPENDUK", "DISKOMINFO", date(2025, 1, 1))
    city_competition(ws, 2025, [("B1", "Sistem Antrean Daring", "KOMINFO"),
                                ("B2", "Akta Kelahiran Keliling", "DUKCAPIL")], UNITS)
    posyandu = next(i for i in innovations.list_innovations(db) if i.title == "Posyandu Digital")
    innovations.record_status(ws, posyandu.code, 2025, InnovationState.CONTINUED,
                              ["BAPPEDA"], "berjalan di 12 posyandu")
    return ws


def _rows(db, year):
    report = compliance.compliance(db, year)
    return report, {r.code: r for r in report.compliance.rows}


def test_compliance_and_history_over_two_years(db, programme):
    """Read-only checks share one programme (building it is the slow part)."""
    _check_finalized_year(db)
    _check_merger_and_monitoring(db)
    _check_history(db)


def _check_finalized_year(db):
    report, rows = _rows(db, 2024)
    numbers = {c: (r.registered, r.entered, r.eligible, r.awarded) for c, r in rows.items()}
    assert numbers == {"DISKOMINFO": (1, 1, 1, 1), "DINKES": (1, 1, 1, 1),
                       "DISPENDUK": (0, 0, 0, 0), "BAPPEDA": (0, 0, 0, 0),
                       "KEC-GADING": (0, 0, 0, 0)}
    assert rows["DISKOMINFO"].awards == ("Juara I",) and rows["DINKES"].awards == ("Juara II",)
    assert [r.compliant for r in report.compliance.rows] == [False, False, False, True, True]
    assert [c.code for c in report.competitions] == ["kota-2024"]
    assert report.competitions[0].finalized


def _check_merger_and_monitoring(db):
    report, rows = _rows(db, 2025)
    assert "DISPENDUK" not in rows  # merged: its entry counts for KOMINFO
    kominfo = rows["DISKOMINFO"]
    assert (kominfo.registered, kominfo.entered, kominfo.awarded, kominfo.absorbed) == (
        2, 2, 0, ("DISPENDUK",))
    # DINKES's 2024 innovation still runs, but it built nothing in 2025: it stands out
    assert rows["DINKES"].registered == 0 and not rows["DINKES"].compliant
    assert rows["BAPPEDA"].registered == 1  # replicated Posyandu Digital
    assert not rows["KEC-GADING"].compliant
    assert report.compliance.totals.compliant == 2


def test_a_national_competition_is_not_counted_for_the_city(db, programme):
    ws = programme
    comp = city_competition(ws, 2025, [("N1", "Inovasi Lain", "KOMINFO")], UNITS,
                            code="kipp-2025")
    before = _rows(db, 2025)[1]["DISKOMINFO"].entered
    innovations.set_competition_level(ws, comp, CompetitionLevel.NATIONAL)
    assert before == 3 and _rows(db, 2025)[1]["DISKOMINFO"].entered == 2
    assert innovations.competition_level(db, comp) == CompetitionLevel.NATIONAL


def test_monitoring_is_recorded_replaced_and_checked(db, programme):
    ws = programme
    code = next(i.code for i in innovations.list_innovations(db)
                if i.title == "Sistem Antrean Daring")
    innovations.record_status(ws, code, 2026, InnovationState.STOPPED, note="diganti aplikasi")
    innovations.record_status(ws, code, 2026, InnovationState.CONTINUED, ["DINKES", "BAPPEDA"])
    (record,) = [i for i in innovations.list_innovations(db) if i.code == code]
    assert (record.latest_state, record.latest_state_year) == ("continued", 2026)
    with pytest.raises(ServiceError, match="first registered in 2024"):
        innovations.record_status(ws, code, 2024, InnovationState.CONTINUED)
    with pytest.raises(ServiceError, match="owns innovation"):
        innovations.record_status(ws, code, 2026, InnovationState.CONTINUED, ["DISKOMINFO"])
    with pytest.raises(ServiceError, match="No unit with code NOPE"):
        innovations.record_status(ws, code, 2026, InnovationState.CONTINUED, ["NOPE"])
    innovations.remove_status(ws, code, 2026)
    with pytest.raises(ServiceError, match="no status recorded for 2026"):
        innovations.remove_status(ws, code, 2026)
    assert audit.verify_chain(db).ok


def _check_history(db):
    history = unit_history.unit_history(db, "DISKOMINFO")
    assert [u.code for u in history.absorbed] == ["DISPENDUK"]
    assert [y.year for y in history.years] == [2024, 2025]
    first, second = history.years
    assert [(e.entry, e.award, e.relation) for e in first.entries] == [("A1", "Juara I", "new")]
    assert [(e.entry, e.unit, e.relation) for e in second.entries] == [
        ("B1", "DISKOMINFO", "continues"), ("B2", "DISPENDUK", "new")]
    assert second.numbers.registered == 2
    dinkes = unit_history.unit_history(db, "DINKES")
    (status,) = dinkes.years[1].statuses
    assert (status.state, status.replicated_by, status.note) == (
        "continued", (("BAPPEDA", "Badan Perencanaan Pembangunan Daerah"),),
        "berjalan di 12 posyandu")
    bappeda = unit_history.unit_history(db, "BAPPEDA")
    assert [s.title for y in bappeda.years for s in y.replicated] == ["Posyandu Digital"]


def test_an_innovation_registered_without_an_entry_counts_for_its_year(db, programme):
    ws = programme
    code = innovations.add_innovation(ws, "KEC-GADING", "Kelurahan Tanggap Bencana", 2025)
    assert code == "INO-2025-0002"  # after the 2025 innovation DUKCAPIL's entry started
    assert _rows(db, 2025)[1]["KEC-GADING"].registered == 1
    entries.list_entries(db, "kota-2025")  # the competitions are untouched
