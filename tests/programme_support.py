"""Small, hand-checkable programme years for the programme's tests: a register of units and
city competitions (tiny_setup, one judge) scored and finalized through the use cases."""

from __future__ import annotations

import dataclasses
from decimal import Decimal as D

from judging_app.core.enums import CompetitionStatus, EntryStatus
from judging_app.services import (
    assignments,
    competitions,
    entries,
    judges,
    registry,
    results,
    sheets,
)
from judging_app.services.entries import EntryInput
from judging_app.services.judges import JudgeInput
from judging_app.services.sheets import SheetInput
from judging_app.services.workspace import Workspace

from factories import tiny_setup

ACTOR = "Bagian Organisasi"
UNITS = {
    "DISKOMINFO": ("Dinas Komunikasi dan Informatika", "dinas"),
    "DINKES": ("Dinas Kesehatan", "dinas"),
    "DISPENDUK": ("Dinas Kependudukan dan Pencatatan Sipil", "dinas"),
    "BAPPEDA": ("Badan Perencanaan Pembangunan Daerah", "badan"),
    "KEC-GADING": ("Kecamatan Gadingrejo", "kecamatan"),
}


def workspace(db) -> Workspace:
    return Workspace(db, ACTOR)


def register(ws: Workspace, units: dict[str, tuple[str, str]] = UNITS) -> None:
    for code, (name, kind) in units.items():
        registry.add_registry_unit(ws, code, name, kind)


def city_competition(ws: Workspace, year: int, rows: list[tuple[str, str, str]],
                     units: dict[str, str], scores: dict[str, tuple] | None = None,
                     finalize: bool = False, code: str | None = None) -> str:
    """A city competition of `year`: `units` {code: name} as the competition names them,
    `rows` (entry code, title, unit code), all eligible in category umum. With `scores`
    {entry: (A, B)} one judge scores them (Juara I and II per category); `finalize` freezes
    the results."""
    setup = dataclasses.replace(tiny_setup(f"Kompetisi Inovasi Kota {year}", year))
    comp = competitions.create_competition(ws, setup, code or f"kota-{year}").code
    for ucode, name in units.items():
        entries.add_unit(ws, comp, ucode, name, "dinas")
    for ecode, title, ucode in rows:
        entries.add_entry(ws, comp, EntryInput(code=ecode, title=title, unit=ucode,
                                               category="umum", summary=f"Ringkasan {title}",
                                               innovators="Budi Santoso",
                                               contact="0812-1111-2222"))
    entries.set_entry_status(ws, comp, [r[0] for r in rows], EntryStatus.ELIGIBLE)
    if scores is not None:
        judge(ws, comp, scores, finalize)
    return comp


def judge(ws: Workspace, comp: str, scores: dict[str, tuple], finalize: bool = False) -> None:
    """One judge scores the entries {entry: (A, B)}; the results finalized when asked."""
    judges.add_judge(ws, comp, JudgeInput(code="J1", name="Juri Satu"))
    competitions.set_status(ws, comp, CompetitionStatus.REGISTRATION)
    competitions.set_status(ws, comp, CompetitionStatus.JUDGING)
    assignments.auto_assign(ws, comp, "prop", 1)
    for ecode, (a, b) in scores.items():
        sheets.save_sheet(ws, comp, "prop", "J1", ecode, SheetInput({"A": D(a), "B": D(b)}))
        sheets.submit_sheet(ws, comp, "prop", "J1", ecode)
    if finalize:
        results.finalize(ws, comp)
