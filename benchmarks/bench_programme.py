"""The yearly programme at scale: compliance over 10 years × 60 units × 300 innovations a
year (target < 1 s) and the public catalogue of 3,000 innovations (target < 10 s).

    python benchmarks/bench_programme.py                 # a fresh SQLite file
    python benchmarks/bench_programme.py --db postgresql+psycopg://user:pw@host/emptydb

The register, ten city competitions (one a year; the first nine finalized, with a
snapshot awarding 18 entries each) and their 3,000 entries, links and innovations are
bulk-inserted (the use cases would take minutes and are not what is measured); 1,000
monitoring findings with replications are added. Then every year's compliance is computed
through the use case, and the catalogue written (site + Excel) through the use case.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

YEARS = range(2016, 2026)
UNITS = 60
PER_YEAR = 300


def build(db) -> None:
    from sqlalchemy import insert, select

    from judging_app.demo.wording import innovation_title, summary
    from judging_app.services import competitions, registry
    from judging_app.services.workspace import Workspace
    from judging_app.store.models import Category, Competition, Entry, ResultSnapshot, Unit
    from judging_app.store.programme_models import (
        EntryInnovation,
        Innovation,
        InnovationReplication,
        InnovationStatus,
        UnitLink,
    )

    rng = random.Random(7)
    ws = Workspace(db, "benchmark")
    for u in range(UNITS):
        registry.add_registry_unit(ws, f"PD-{u:02d}", f"Dinas Contoh Nomor {u}", "dinas")
    from judging_app.services.templates import load_template

    now = datetime.now(UTC)
    with db.write() as s:
        reg = dict(s.execute(select(registry.RegistryUnit.code, registry.RegistryUnit.id)).all())
    innovation_id = 0
    for year in YEARS:
        setup = load_template("city_competition")
        import dataclasses

        setup = dataclasses.replace(setup, name=f"Kompetisi Kota {year}", year=year)
        code = competitions.create_competition(ws, setup, f"kota-{year}").code
        with db.write() as s:
            comp = s.scalar(select(Competition).where(Competition.code == code))
            cat = s.scalar(select(Category.id).where(Category.competition_id == comp.id).limit(1))
            units = [s.scalar(insert(Unit).returning(Unit.id).values(
                competition_id=comp.id, code=f"PD-{u:02d}", name=f"Dinas Contoh Nomor {u}",
                kind="dinas")) for u in range(UNITS)]
            s.execute(insert(UnitLink), [
                {"unit_id": uid, "registry_unit_id": reg[f"PD-{u:02d}"], "method": "code",
                 "confirmed": True, "linked_at": now, "linked_by": "benchmark"}
                for u, uid in enumerate(units)])
            rows, innos = [], []
            for i in range(PER_YEAR):
                u = i % UNITS
                title, short = innovation_title(rng, "general", i % 2 == 0, f"Wilayah {i}")
                rows.append({"competition_id": comp.id, "code": f"E{i:03d}", "title": title,
                             "unit_id": units[u], "category_id": cat,
                             "summary": summary(rng, "general", short, "Dinas", year),
                             "status": "eligible", "created_at": now, "updated_at": now,
                             "innovators": "Budi Santoso", "contact": "0812-0000-0000",
                             "links": "https://contoh.go.id/x"})
                innos.append({"code": f"INO-{year}-{i + 1:04d}", "title": title,
                              "unit_id": reg[f"PD-{u:02d}"], "first_year": year,
                              "summary": "", "created_at": now})
            entry_ids = list(s.scalars(insert(Entry).returning(
                Entry.id, sort_by_parameter_order=True), rows))
            inno_ids = list(s.scalars(insert(Innovation).returning(
                Innovation.id, sort_by_parameter_order=True), innos))
            s.execute(insert(EntryInnovation), [
                {"entry_id": e, "innovation_id": n, "relation": "new", "confirmed": True,
                 "linked_at": now, "linked_by": "benchmark"}
                for e, n in zip(entry_ids, inno_ids, strict=True)])
            innovation_id = inno_ids[-1]
            if year != YEARS[-1]:
                payload = {"categories": [{"category": "perangkat_daerah", "rows": [
                    {"code": f"E{i:03d}", "rank": i + 1, "award": f"Juara {i + 1}"}
                    for i in range(18)]}]}
                s.add(ResultSnapshot(competition_id=comp.id, created_at=now,
                                     created_by="benchmark", method="mean", rules="{}",
                                     payload=json.dumps(payload), digest="0" * 64))
                comp.status = "finalized"
    with db.write() as s:
        ids = list(s.scalars(select(Innovation.id).where(Innovation.first_year < YEARS[-1])))
        statuses = []
        for ident in rng.sample(ids, 1000):
            statuses.append({"innovation_id": ident, "year": YEARS[-1], "state":
                             rng.choice(("continued", "stopped")), "note": "",
                             "recorded_by": "benchmark", "recorded_at": now})
        status_ids = list(s.scalars(insert(InnovationStatus).returning(
            InnovationStatus.id, sort_by_parameter_order=True), statuses))
        s.execute(insert(InnovationReplication), [
            {"status_id": sid, "unit_id": reg[f"PD-{rng.randrange(UNITS):02d}"]}
            for sid in status_ids[:200]])
    print(f"built: {UNITS} units, {len(YEARS)} years, {PER_YEAR * len(YEARS)} entries and "
          f"innovations (last id {innovation_id}), 1,000 findings")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="an empty database URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    from judging_app.services.catalogue import write_catalogue
    from judging_app.services.compliance import compliance
    from judging_app.store.database import open_database

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(args.db or Path(tmp) / "programme.sqlite")
        start = time.perf_counter()
        build(db)
        print(f"build: {time.perf_counter() - start:.1f} s")
        compliance(db, YEARS[0])  # the first query warms the connection pool
        start = time.perf_counter()
        for year in YEARS:
            t0 = time.perf_counter()
            report = compliance(db, year).compliance
            print(f"compliance {year}: {time.perf_counter() - t0:.3f} s "
                  f"({report.totals.units} units, {report.totals.entered} entries, "
                  f"{report.totals.awarded} awarded)")
        total = time.perf_counter() - start
        print(f"compliance, all {len(YEARS)} years: {total:.3f} s (target < 1 s)")
        start = time.perf_counter()
        result = write_catalogue(db, Path(tmp) / "katalog")
        took = time.perf_counter() - start
        size = sum(p.stat().st_size for p in (Path(tmp) / "katalog").rglob("*") if p.is_file())
        print(f"catalogue of {result.innovations:,} innovations: {took:.2f} s, "
              f"{size / 2**20:.1f} MB (target < 10 s)")
        db.close()


if __name__ == "__main__":
    main()
