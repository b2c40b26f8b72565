"""Demo data for the yearly programme: three years of a made-up city's "one unit, one
innovation" programme, built through the ordinary use cases.

    build_programme_demo(ws, seed=1, first_year=2024, units=48)

- The city's list of government units is written to a spreadsheet and imported into the
  register; a unit is merged into another from the second year, one is renamed in the third.
- Each year a city competition (the city template, proposal round scored by three judges
  from a typed-up score file): most units enter one innovation (some two), about one in
  eight skips the year; later years continue earlier innovations (same title) or develop
  them (a changed title, proposed and confirmed as "develops"; one is left for a person to
  confirm, and one unit is named with a typo, to show the confirmations). The first two
  years are finalized (ties at an award boundary decided by the chair), the third is
  still being judged.
- Monitoring: each first-year innovation is found continued or stopped in the later years,
  some replicated by other units; a few units report an innovation without entering it.
- The second year's winners are forwarded to a national competition (the KIPP template).

Deterministic for a seed (ids and times aside). About 10 s into an SQLite file.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from judging_app.core.enums import (
    CompetitionStatus,
    EntryStatus,
    InnovationType,
    RoundCombination,
)
from judging_app.core.messages import Message
from judging_app.core.programme import CompetitionLevel, InnovationRelation, InnovationState
from judging_app.demo import names, wording
from judging_app.demo.programme_scores import score_and_settle, write_unit_list
from judging_app.services import (
    competitions,
    entries,
    forwarding,
    innovations,
    programme_matches,
    registry,
    templates,
)
from judging_app.services.entries import EntryInput
from judging_app.services.errors import ValidationError
from judging_app.services.registry_import import import_unit_list
from judging_app.services.workspace import Workspace

Progress = Callable[[int, int], None]
CATEGORY_BY_KIND = {"dinas": "perangkat_daerah", "badan": "perangkat_daerah",
                    "kecamatan": "kecamatan_kelurahan", "kelurahan": "kecamatan_kelurahan"}
PREFIX = {"dinas": "DIN", "badan": "BDN", "kecamatan": "KEC", "kelurahan": "KEL",
          "puskesmas": "PKM", "rsud": "RSD", "upt": "UPT", "sekolah": "SKL"}
DEVELOPED = (" Terpadu", " 2.0", " Plus")


@dataclass(frozen=True)
class ProgrammeDemoSummary:
    units: int
    years: tuple[int, ...]
    competitions: tuple[str, ...]
    innovations: int
    forwarded: int
    national: str
    merged: tuple[str, str]  # (unit, into)
    skipped: tuple[int, ...]  # units without an entry, per year


@dataclass
class _Unit:
    code: str
    name: str
    kind: str
    titles: list[tuple[str, str, bool]]  # last year's (title, short name, digital)
    alias: str = ""  # the code this year's competition gives it, when not the register's


def build_programme_demo(ws: Workspace, seed: int = 1, first_year: int = 2024,
                         units: int = 48, progress: Progress | None = None) -> ProgrammeDemoSummary:
    if not 12 <= units <= 150:
        raise ValidationError(Message("programme.demo_units", count=units))
    rng = random.Random(f"programme-{seed}")
    years = (first_year, first_year + 1, first_year + 2)
    pool = _register(ws, rng, units, first_year)
    merged = (pool[-1].code, pool[-2].code)  # the last unit joins the one before it
    registry.merge_registry_unit(ws, merged[0], merged[1], date(years[1], 1, 1))
    renamed = next(u for u in pool if u.kind == "dinas")
    renamed.name = renamed.name + " dan Statistik"
    registry.rename_registry_unit(ws, renamed.code, renamed.name, date(years[2], 1, 1))
    codes, skipped, skips = [], [], {}
    for n, year in enumerate(years):
        active = [u for u in pool if not (n and u.code == merged[0])]
        skip = {u.code for u in rng.sample(active, max(1, len(active) // 8))}
        skipped.append(len(skip))
        skips[year] = skip
        code = _city_competition(ws, rng, year, [u for u in active if u.code not in skip],
                                 typo=n == 2, finalize=n < 2)
        codes.append(code)
        if progress:
            progress(n + 1, len(years) + 1)
    _monitor(ws, rng, years, pool, skips)
    national = f"kipp-{years[2]}"  # made from the KIPP template by the forwarding itself
    report = forwarding.forward_entries(ws, codes[1], national, winners=True, category="umum",
                                        level=CompetitionLevel.NATIONAL,
                                        new_target=forwarding.NewTarget("national_kipp",
                                                                        year=years[2]))
    if progress:
        progress(len(years) + 1, len(years) + 1)
    return ProgrammeDemoSummary(len(pool), years, tuple(codes),
                                len(innovations.list_innovations(ws.db)), len(report.entries),
                                national, merged, tuple(skipped))


def _register(ws: Workspace, rng: random.Random, count: int, year: int) -> list[_Unit]:
    numbers: dict[str, int] = {}
    pool = []
    for name, kind in names.pick_units(rng, count):
        numbers[kind] = numbers.get(kind, 0) + 1
        pool.append(_Unit(f"{PREFIX[kind]}-{numbers[kind]:02d}", name, kind, []))
    with tempfile.TemporaryDirectory() as folder:
        path = write_unit_list(Path(folder) / "daftar-perangkat-daerah.xlsx",
                               [(u.code, u.name, u.kind) for u in pool])
        import_unit_list(ws, path, effective_on=date(year, 1, 1))
    return pool


def _setup(year: int):
    setup = templates.load_template("city_competition")
    return replace(setup, name=f"Kompetisi Inovasi Pelayanan Publik Kota Contoh {year}",
                   name_en=f"Public Service Innovation Competition, City of Contoh {year}",
                   year=year, organiser="Bagian Organisasi Sekretariat Daerah Kota Contoh",
                   rules=replace(setup.rules, round_combination=RoundCombination.LAST_ROUND))


def _city_competition(ws: Workspace, rng: random.Random, year: int, units: list[_Unit],
                      typo: bool, finalize: bool) -> str:
    code = competitions.create_competition(ws, _setup(year), f"kota-{year}").code
    for i, unit in enumerate(units):
        unit.alias = "OPD-01" if typo and i == 0 else unit.code
        # once named with a typo and another code by the secretariat: a proposed match
        name = unit.name.replace("a", "", 1) if unit.alias != unit.code else unit.name
        entries.add_unit(ws, code, unit.alias, name, unit.kind)
    rows, number = [], 0
    for unit in units:
        for title, short, digital in _titles(rng, unit, year):
            number += 1
            entry = f"INV-{year % 100:02d}{number:03d}"
            rows.append(entry)
            entries.add_entry(ws, code, EntryInput(
                code=entry, title=title, unit=unit.alias,
                category=CATEGORY_BY_KIND.get(unit.kind, "upt"),
                innovation_type=InnovationType.DIGITAL if digital else InnovationType.NON_DIGITAL,
                innovators=names.innovators(rng, unit.kind), contact=names.phone(rng),
                started_on=date(year - rng.randrange(0, 3), rng.randrange(1, 13), 1),
                summary=wording.summary(rng, wording.domain_of(unit.name, unit.kind), short,
                                        unit.name, year),
                links=f"https://inovasi.kotacontoh.go.id/{year}/{entry.lower()}"))
    waiting = programme_matches.pending(ws.db, code).entries
    for match in waiting[:-1]:  # developed titles; the last waits for a person to confirm
        programme_matches.confirm_entry(ws, code, match.entry_code,
                                        relation=InnovationRelation.DEVELOPS)
    out = rng.sample(rows, max(1, len(rows) // 12))
    entries.set_entry_status(ws, code, [r for r in rows if r not in out], EntryStatus.ELIGIBLE)
    entries.set_entry_status(ws, code, out, EntryStatus.DISQUALIFIED,
                             "Berkas proposal tidak lengkap (bukti dukung tidak dilampirkan).")
    competitions.set_status(ws, code, CompetitionStatus.REGISTRATION)
    competitions.set_status(ws, code, CompetitionStatus.JUDGING)
    score_and_settle(ws, rng, code, finalize)
    return code


def _titles(rng: random.Random, unit: _Unit, year: int):
    """This year's innovations of a unit, (title, short name, digital): one or two,
    continued (same title), developed (a changed title) or new."""
    out = []
    for _ in range(2 if rng.random() < 0.2 else 1):
        last = [t for t in unit.titles if t[0] not in {o[0] for o in out}]
        roll = rng.random()
        if last and roll < 0.45:
            title, short, digital = rng.choice(last)
            out.append((title, short, digital))
        elif last and roll < 0.6:
            title, short, digital = rng.choice(last)
            out.append((title + rng.choice(DEVELOPED), short, digital))
        else:
            digital = rng.random() < 0.6
            place = unit.name.split(" ", 1)[-1]
            title, short = wording.innovation_title(
                rng, wording.domain_of(unit.name, unit.kind), digital, place)
            out.append((title, short, digital))
    unit.titles = out
    return out


def _monitor(ws: Workspace, rng: random.Random, years: tuple[int, ...], pool: list[_Unit],
             skips: dict[int, set[str]]) -> None:
    """The secretariat's findings on the first year's innovations (replicated only by units
    that took part that year: a unit skipping a year did nothing new); a few innovations
    reported without an entry."""
    first = [i for i in innovations.list_innovations(ws.db) if i.first_year == years[0]]
    codes = [u.code for u in pool[:-1]]
    for inno in first:
        running = True
        for year in years[1:]:  # entered again that year: running, whatever else
            running = year in inno.years or (running and rng.random() < 0.8)
            others = [c for c in codes if c != inno.unit_code and c not in skips[year]]
            copied = rng.sample(others, rng.choice((0, 0, 0, 1, 2))) if running else []
            innovations.record_status(
                ws, inno.code, year,
                InnovationState.CONTINUED if running else InnovationState.STOPPED, copied,
                "" if running else "Tidak lagi dijalankan setelah pergantian pejabat.")
    for unit in rng.sample([u for u in pool[:-1] if u.code not in skips[years[2]]], 3):
        place = unit.name.split(" ", 1)[-1]
        title, _ = wording.innovation_title(rng, wording.domain_of(unit.name, unit.kind),
                                            False, place)
        innovations.add_innovation(ws, unit.code, title, years[2],
                                   "Dilaporkan perangkat daerah; belum diikutkan kompetisi.")
