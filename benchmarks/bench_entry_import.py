"""Entry import at scale: a 30,000-row workbook previewed, then imported into a fresh SQLite
database holding a competition made from the city template.

Prints the seconds for writing the workbook (openpyxl write-only), the preview and the
import, and the process's peak memory (resource.getrusage). Targets: import under 5 s,
peak memory under 500 MB. Usage:

    python benchmarks/bench_entry_import.py [--rows 30000] [--out benchmarks/out]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path


def peak_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 2**20


def write_workbook(path: Path, rows: int, categories: list[str], units: list[str]) -> None:
    from openpyxl import Workbook

    from judging_app.exchange.entry_format import COLUMNS, STAGE_LABELS_ID

    rng = random.Random(7)
    stages = list(STAGE_LABELS_ID.values())
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Inovasi")
    ws.append([c.header_id for c in COLUMNS])
    start = date(2020, 1, 1)
    for i in range(1, rows + 1):
        ws.append([
            f"INV-{i:05d}", f"Inovasi pelayanan publik nomor {i} untuk warga kota",
            rng.choice(units), rng.choice(categories),
            f"Inovator {i}; Rekan {i}", f"08{rng.randrange(10**9, 10**10)}",
            rng.choice(stages), rng.choice(("digital", "non-digital")),
            start + timedelta(days=rng.randrange(2000)),
            "Ringkasan singkat inovasi yang memudahkan layanan bagi masyarakat. " * 2,
            f"https://inovasi.example.go.id/{i}\nhttps://youtu.be/x{i}",
        ])
    wb.save(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=30000)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from judging_app.exchange.competition_file import setup_from_json
    from judging_app.resources_access import read_resource_text
    from judging_app.services import competitions, entries
    from judging_app.services.entry_import import import_entries, preview_entry_import
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database

    db_path = args.out / "entries30k.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    db = open_database(db_path)
    ws = Workspace(db, "benchmark")
    setup = setup_from_json(read_resource_text("templates/city_competition.json"), "city")
    comp = competitions.create_competition(ws, setup, code="kota")
    units = [f"Dinas Contoh {i}" for i in range(1, 81)]
    for i, name in enumerate(units[:60], start=1):  # 20 more are new: created on import
        entries.add_unit(ws, comp.code, f"OPD-{i:03d}", name, "dinas")
    book = args.out / f"entries{args.rows // 1000}k.xlsx"

    t0 = time.perf_counter()
    write_workbook(book, args.rows, [c.name for c in setup.categories], units)
    t_write = time.perf_counter() - t0
    print(f"workbook: {args.rows} rows, {book.stat().st_size / 2**20:.1f} MB, "
          f"written in {t_write:.2f} s")

    t0 = time.perf_counter()
    preview = preview_entry_import(db, comp.code, book)
    t_preview = time.perf_counter() - t0
    assert preview.ok, preview.problem_lines()[:5]
    print(f"preview:  {len(preview.rows)} rows, {len(preview.new_units)} new units, "
          f"{t_preview:.2f} s")

    t0 = time.perf_counter()
    report = import_entries(ws, comp.code, book, create_units=True)
    t_import = time.perf_counter() - t0
    print(f"import:   {report.entries} entries, {len(report.units_created)} units created, "
          f"{t_import:.2f} s (target < 5 s)")
    print(f"peak memory: {peak_mb():.0f} MB (target < 500 MB)")
    db.close()
    ok = t_import < 5 and peak_mb() < 500
    print("OK" if ok else "OVER TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
