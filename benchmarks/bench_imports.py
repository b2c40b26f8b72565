"""Import speed against the floor: a scores CSV and judges' returns into the 30,000-entry
demo, each measured side by side with a bare sqlite3 transaction that upserts the same
sheets and scores and submits the sheets (no checks, no totals, no audit: the floor).

For every size the database starts from the same copy of the unscored demo (30,000
entries, 60 judges, 3 judges per entry). The app's import is the whole use case: reading
and checking the file, every rule, the bulk write, the per-entry totals, the audit event.
Prints seconds, microseconds per row, and the ratio app / floor (target: within 5x, and
linear in the rows), in wall-clock seconds and in this process's CPU seconds (both sides
run in this process; on a shared machine the CPU seconds are the less disturbed measure).

    python benchmarks/bench_imports.py [--entries 30000] [--judges 60]
                                       [--rows 2500,5000,10000] [--big] [--returns 60]

--big adds an 87,120-row CSV (the size that held SQLite's write lock for over 6 minutes
on 3578f17).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def build_base(path: Path, entries: int, judges: int) -> None:
    marker = path.with_suffix(f".{entries}x{judges}")
    if path.exists() and marker.exists():
        return
    for old in (path, marker):
        old.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    here = str(Path(__file__).parent)
    subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {here!r}); "
                    f"from bench_support import build; build({str(path)!r}, {entries}, {judges})"],
                   check=True)
    marker.write_text("built")


def copy(base: Path, name: str) -> Path:
    target = OUT / name
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    src = sqlite3.connect(base)
    dst = sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    return target


def assigned(base: Path, count: int) -> tuple[str, str, list[tuple[str, str]], list[str]]:
    """(competition code, round code, (judge, entry) pairs spread over the judges, criteria)."""
    conn = sqlite3.connect(base)
    code, rid, rcode = conn.execute(
        "SELECT c.code, r.id, r.code FROM competitions c JOIN rounds r ON r.competition_id = c.id"
        " JOIN assignments a ON a.round_id = r.id LIMIT 1").fetchone()
    pairs = conn.execute(
        "SELECT j.code, e.code FROM assignments a JOIN judges j ON j.id = a.judge_id"
        " JOIN entries e ON e.id = a.entry_id WHERE a.round_id = ?"
        " ORDER BY (a.id * 7919) % 100003, a.id LIMIT ?", (rid, count)).fetchall()
    criteria = [c for (c,) in conn.execute(
        "SELECT code FROM criteria WHERE round_id = ? ORDER BY position", (rid,))]
    conn.close()
    return code, rcode, pairs, criteria


def write_csv(path: Path, round_code: str, pairs, criteria) -> int:
    lines = ["round,judge,entry,criterion,score,comment"]
    for n, (judge, entry) in enumerate(pairs):
        for k, crit in enumerate(criteria):
            lines.append(f"{round_code},{judge},{entry},{crit},{1 + (n + k) % 5},")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 1


class Clock:
    """Wall-clock and CPU seconds of one measured stretch."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def stop(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def bare(db: Path, code: str, round_code: str, groups: list[list[tuple[str, str]]],
         criteria: list[str]) -> tuple[float, float]:
    """The floor: per group (one file) one sqlite3 transaction upserting the sheets and
    scores and submitting the sheets."""
    conn = sqlite3.connect(db, isolation_level=None)
    clock = Clock()
    comp = conn.execute("SELECT id FROM competitions WHERE code = ?", (code,)).fetchone()[0]
    rid = conn.execute("SELECT id FROM rounds WHERE competition_id = ? AND code = ?",
                       (comp, round_code)).fetchone()[0]
    for pairs in groups:
        conn.execute("BEGIN IMMEDIATE")
        judges = dict(conn.execute("SELECT code, id FROM judges WHERE competition_id = ?",
                                   (comp,)))
        codes = sorted({e for _, e in pairs})
        entries = {}
        for at in range(0, len(codes), 500):  # the file's entries only
            part = codes[at:at + 500]
            entries.update(conn.execute(
                f"SELECT code, id FROM entries WHERE competition_id = ? AND code IN "
                f"({','.join('?' * len(part))})", (comp, *part)))
        crits = dict(conn.execute("SELECT code, id FROM criteria WHERE round_id = ?", (rid,)))
        now = datetime.now(UTC).isoformat()
        keys = [(rid, judges[j], entries[e]) for j, e in pairs]
        conn.executemany(
            "INSERT INTO score_sheets (round_id, judge_id, entry_id, state, version, source,"
            " overall_comment, reopened_reason, updated_at) VALUES (?, ?, ?, 'draft', 1,"
            " 'paper', '', '', ?) ON CONFLICT (round_id, judge_id, entry_id) DO UPDATE SET"
            " version = version + 1, updated_at = excluded.updated_at",
            [(*k, now) for k in keys])
        ids = {}
        for jid in {k[1] for k in keys}:
            ids.update({(rid, jid, e): i for e, i in conn.execute(
                "SELECT entry_id, id FROM score_sheets WHERE round_id = ? AND judge_id = ?",
                (rid, jid))})
        conn.executemany(
            "INSERT INTO scores (sheet_id, criterion_id, value_milli, comment) VALUES"
            " (?, ?, ?, '') ON CONFLICT (sheet_id, criterion_id) DO UPDATE SET"
            " value_milli = excluded.value_milli",
            [(ids[k], crits[c], 1000 * (1 + (n + i) % 5)) for n, k in enumerate(keys)
             for i, c in enumerate(criteria)])
        conn.executemany("UPDATE score_sheets SET state = 'submitted', submitted_at = ?"
                         " WHERE id = ?", [(now, ids[k]) for k in keys])
        conn.execute("COMMIT")
    seconds = clock.stop()
    conn.close()
    return seconds


def app_csv(db: Path, code: str, csv: Path) -> tuple[float, float]:
    from judging_app.services.score_import import import_paper_scores
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database

    database = open_database(db)
    clock = Clock()
    report = import_paper_scores(Workspace(database, "benchmark"), code, csv)
    seconds = clock.stop()
    database.close()
    assert report.submitted == report.sheets, report
    return seconds


def returns_files(db: Path, code: str, round_code: str, per_judge: int, folder: Path):
    """One return per judge with its first `per_judge` entries scored and submitted; the
    (judge, entry) pairs of each."""
    from decimal import Decimal

    from judging_app.exchange import judge_package as jp
    from judging_app.exchange import judge_package_draft as jd
    from judging_app.services import judge_packages
    from judging_app.store.database import open_database

    database = open_database(db)
    shutil.rmtree(folder, ignore_errors=True)
    paths = judge_packages.export_packages(database, code, round_code, folder / "packages")
    database.close()
    files, groups = [], []
    for path in paths:
        draft = jd.start_return(jp.read_package(path.read_bytes()))
        pairs = []
        for n, entry in enumerate(draft.package.entries[:per_judge]):
            for k, crit in enumerate(draft.package.rubric):
                jd.set_score(draft, entry.code, crit.code, Decimal(1 + (n + k) % 5))
            jd.submit(draft, entry.code)
            pairs.append((draft.package.judge.code, entry.code))
        out = folder / jd.return_file_name(draft, 1)
        out.write_bytes(jd.export_return(draft))
        files.append(out)
        groups.append(pairs)
    return files, groups


def app_returns(db: Path, code: str, files: list[Path]) -> tuple[float, float]:
    from judging_app.services.judge_packages import import_return
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database

    database = open_database(db)
    ws = Workspace(database, "benchmark")
    clock = Clock()
    for path in files:
        import_return(ws, code, path)
    seconds = clock.stop()
    database.close()
    return seconds


def best(repeat: int, measure):
    """The fastest of `repeat` side-by-side runs of (floor, app), each (wall, cpu): on a
    shared machine the minimum is the least disturbed."""
    runs = [measure() for _ in range(repeat)]
    return tuple(tuple(min(r[side][k] for r in runs) for k in (0, 1)) for side in (0, 1))


def line(what: str, rows: int, app: tuple[float, float], floor: tuple[float, float]) -> None:
    print(f"{what:<34} {rows:>7,} rows  app {app[0]:7.2f} s ({app[0] / rows * 1e6:6.0f} µs/row)"
          f"  floor {floor[0]:6.2f} s  ratio {app[0] / floor[0]:5.1f}x"
          f"  | CPU app {app[1]:6.3f} s floor {floor[1]:6.3f} s ratio {app[1] / floor[1]:5.1f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=30000)
    parser.add_argument("--judges", type=int, default=60)
    parser.add_argument("--rows", default="2500,5000,10000")
    parser.add_argument("--big", action="store_true")
    parser.add_argument("--returns", type=int, default=60, help="judges' returns to import")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (the best counts)")
    args = parser.parse_args()
    base = OUT / "imports-base.sqlite"
    build_base(base, args.entries, args.judges)
    sizes = [int(x) for x in args.rows.split(",") if x] + ([87_120] if args.big else [])
    code, round_code, pairs, criteria = assigned(base, max(sizes) // 10)
    print(f"\nscores CSV into the {args.entries:,}-entry demo ({len(criteria)} criteria):")
    for rows in sizes:
        chosen = pairs[: rows // len(criteria)]
        csv = OUT / f"scores-{rows}.csv"
        count = write_csv(csv, round_code, chosen, criteria)
        floor, app = best(args.repeat, lambda chosen=chosen, csv=csv: (
            bare(copy(base, "floor.sqlite"), code, round_code, [chosen], criteria),
            app_csv(copy(base, "app.sqlite"), code, csv)))
        line(f"scores import ({len(chosen):,} sheets)", count, app, floor)
    if args.returns < 1:
        return 0
    per_judge = max(1, 10_000 // len(criteria) // args.judges)
    files, groups = returns_files(base, code, round_code, per_judge, OUT / "returns")
    files, groups = files[: args.returns], groups[: args.returns]
    rows = sum(len(g) for g in groups) * len(criteria)
    floor, app = best(args.repeat, lambda: (
        bare(copy(base, "floor.sqlite"), code, round_code, groups, criteria),
        app_returns(copy(base, "app.sqlite"), code, files)))
    print(f"\n{len(files)} judges' returns ({per_judge} sheets each), one transaction each:")
    line(f"returns import ({len(files)} files)", rows, app, floor)
    for name in ("floor.sqlite", "app.sqlite"):
        for suffix in ("", "-wal", "-shm"):
            Path(str(OUT / name) + suffix).unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
