"""Judges and imports at the same time: 60 judge processes saving and submitting their
sheets while two imports run (a 10,000-row scores CSV and five judges' returns, for other
judges on shared entries), on SQLite and on PostgreSQL.

Each judge process saves every criterion of one of its entries (one transaction), then
submits it, entry after entry, pausing about --pause seconds between writes as a judge
reading and typing would, until the time is up, recording how long each save and submit
took and every failure. Afterwards every write a process saw succeed is checked in
the database (lost writes), and the imports' outputs are searched for tracebacks.

    python benchmarks/bench_concurrent_judges.py [--db sqlite | --db postgresql+psycopg://...]
        [--entries 3000] [--judges 60] [--seconds 30] [--rows 10000]

With a server URL (a role that may create databases, e.g. JUDGING_APP_TEST_PG_URL) a fresh
database is created for the run and dropped afterwards. Prints tracebacks, refusals, lost
writes and the p50 / p95 / max latency of saves and submits.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
import traceback
import uuid
from decimal import Decimal
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out" / "concurrent"
IMPORT_JUDGES = 10  # judges whose sheets the imports bring (5 by CSV, 5 by returns)
# Every judge process starts its first save at the same instant (and they all end and exit
# together): the first seconds measure that rush (a queue of 60 saves), not the steady state.
SETTLE = 3.0


# ---- one judge (a child process) ------------------------------------------------------------

def judge_process(db_url: str, code: str, round_code: str, judge: str, go: Path,
                  out: Path, pause: float) -> None:
    from judging_app.services import sheets
    from judging_app.services.assignments import list_assignments
    from judging_app.services.errors import ServiceError
    from judging_app.services.sheets import SheetInput
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database

    db = open_database(db_url)
    ws = Workspace(db, f"judge {judge}")
    phases = _watch_transactions(db)
    with db.read() as s:
        from sqlalchemy import text

        criteria = [c for (c,) in s.execute(text(
            "SELECT c.code FROM criteria c JOIN rounds r ON r.id = c.round_id JOIN competitions"
            " k ON k.id = r.competition_id WHERE k.code = :k AND r.code = :r ORDER BY c.position"),
            {"k": code, "r": round_code})]
    mine = [e for j, e in list_assignments(db, code, round_code) if j == judge]
    records = []
    out.with_suffix(".ready").write_text("ready")
    while not go.exists():  # every judge is up before anyone starts
        time.sleep(0.05)
    start_at, until = map(float, go.read_text().split())
    while time.time() < start_at:
        time.sleep(0.01)
    for n, entry in enumerate(mine):
        if time.time() >= until:
            break
        scores = {c: Decimal(1 + (n + k + len(judge)) % 5) for k, c in enumerate(criteria)}
        for op in ("save", "submit"):
            began, at, cpu = time.perf_counter(), time.time(), time.process_time()
            phases.clear()
            try:
                if op == "save":
                    sheets.save_sheet(ws, code, round_code, judge, entry, SheetInput(scores=scores))
                else:
                    sheets.submit_sheet(ws, code, round_code, judge, entry)
                outcome = "ok"
            except ServiceError as exc:  # a refusal, shown to the judge as a message
                outcome = "refused: " + exc.render("en").splitlines()[0]
            except Exception as exc:  # what a judge would have seen as a traceback
                outcome = "traceback: " + "".join(traceback.format_exception_only(exc)).strip()
            ended = time.perf_counter()
            asked, got, done = (phases.get(k, ended) for k in ("asked", "got", "done"))
            records.append({"op": op, "entry": entry, "seconds": ended - began,
                            "at": at, "cpu": time.process_time() - cpu,
                            "before": asked - began, "wait": got - asked,
                            "hold": done - got,
                            "tries": phases.get("tries", 0),
                            "outcome": outcome,
                            "scores": {k: str(v) for k, v in scores.items()}})
            if outcome != "ok":
                break
            time.sleep(pause * random.uniform(0.5, 1.5))  # the judge reads, types, autosaves
    out.write_text(json.dumps(records), encoding="utf-8")
    db.close()


def _watch_transactions(db) -> dict:
    """When the last write transaction asked for SQLite's write lock (BEGIN IMMEDIATE
    sent), got it (BEGIN returned) and was done (COMMIT returned), in perf_counter seconds,
    and how many write transactions were tried (a retry after 'database is locked' is
    another)."""
    from sqlalchemy import event

    phases: dict = {}
    engine = db.engine

    @event.listens_for(engine, "before_cursor_execute")
    def asking(conn, cursor, statement, *args):
        if statement.startswith("BEGIN IMMEDIATE"):
            phases["asked"] = time.perf_counter()
            phases["tries"] = phases.get("tries", 0) + 1

    @event.listens_for(engine, "after_cursor_execute")
    def got(conn, cursor, statement, *args):
        if statement.startswith("BEGIN IMMEDIATE"):
            phases["got"] = time.perf_counter()

    @event.listens_for(engine, "commit")
    def committing(conn):
        phases["committing"] = True

    @event.listens_for(engine, "checkin")
    def returned(dbapi_connection, record):  # after COMMIT (or ROLLBACK)
        if phases.pop("committing", False) and "got" in phases:
            phases["done"] = time.perf_counter()

    return phases


def _phase_lines(records: list[dict]) -> list[str]:
    """Where a save's time went: work before asking for SQLite's write lock, waiting for
    it, holding it (to the end of COMMIT); and the CPU the judge's process spent."""
    out = []
    for op in ("save", "submit"):
        done = [r for r in records if r["op"] == op and r["outcome"] == "ok" and "wait" in r]
        if not done:
            continue
        slow = sorted(done, key=lambda r: r["seconds"])[int(0.95 * len(done)):]
        parts = []
        for name in ("before", "wait", "hold", "cpu"):
            values = [r[name] for r in done]
            parts.append(f"{name} {percentile(values, 0.5) * 1000:.0f}/"
                         f"{percentile(values, 0.95) * 1000:.0f}")
        out.append(f"    {op:6} p50/p95 ms: " + " | ".join(parts))
        if slow:
            share = {k: sum(r[k] for r in slow) / max(sum(r["seconds"] for r in slow), 1e-9)
                     for k in ("before", "wait", "hold")}
            out.append(f"    {op:6} slowest 5 %: {len(slow)} ops, mean "
                       f"{sum(r['seconds'] for r in slow) / len(slow) * 1000:.0f} ms = "
                       + ", ".join(f"{k} {v:.0%}" for k, v in share.items())
                       + f"; retried {sum(r['tries'] > 1 for r in slow)}; "
                       f"CPU {sum(r['cpu'] for r in slow) / len(slow) * 1000:.0f} ms each")
    return out


# ---- the run ----------------------------------------------------------------------------

def fresh_database(target: str) -> tuple[str, callable]:
    """(URL or path of an empty database for the run, how to drop it)."""
    if "://" not in target:
        path = OUT / "concurrent.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        return str(path), lambda: None
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(target, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return make_url(target).set(database=name).render_as_string(hide_password=False), drop


def prepare(db_url: str, entries: int, judges: int, rows: int):
    """The demo (unscored), the CSV for the first import judges, the returns of the others."""
    from judging_app.demo.generator import build_demo
    from judging_app.exchange import judge_package as jp
    from judging_app.exchange import judge_package_draft as jd
    from judging_app.services import judge_packages
    from judging_app.services.assignments import list_assignments
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database

    db = open_database(db_url)
    summary = build_demo(Workspace(db, "benchmark"), entries=entries,
                         judges=judges + IMPORT_JUDGES, judges_per_entry=3)
    code, round_code = summary.code, summary.round_code
    all_judges = sorted({j for j, _ in list_assignments(db, code, round_code)})
    importers = all_judges[-IMPORT_JUDGES:]
    by_csv, by_returns = importers[: IMPORT_JUDGES // 2], importers[IMPORT_JUDGES // 2:]
    pairs = [(j, e) for j, e in list_assignments(db, code, round_code) if j in by_csv]
    with db.read() as s:
        from sqlalchemy import text

        criteria = [c for (c,) in s.execute(text(
            "SELECT c.code FROM criteria c JOIN rounds r ON r.id = c.round_id JOIN competitions"
            " k ON k.id = r.competition_id WHERE k.code = :k AND r.code = :r ORDER BY c.position"),
            {"k": code, "r": round_code})]
    lines = ["round,judge,entry,criterion,score,comment"]
    for n, (judge, entry) in enumerate(pairs[: rows // len(criteria)]):
        lines += [f"{round_code},{judge},{entry},{c},{1 + (n + k) % 5},"
                  for k, c in enumerate(criteria)]
    csv = OUT / "import.csv"
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    returns = []
    for judge in by_returns:
        package = judge_packages.export_package(db, code, round_code, judge, OUT)
        draft = jd.start_return(jp.read_package(package.read_bytes()))
        for n, entry in enumerate(draft.package.entries):
            for k, crit in enumerate(draft.package.rubric):
                jd.set_score(draft, entry.code, crit.code, Decimal(1 + (n + k) % 5))
            jd.submit(draft, entry.code)
        path = OUT / jd.return_file_name(draft, 1)
        path.write_bytes(jd.export_return(draft))
        returns.append(path)
    db.close()
    return code, round_code, [j for j in all_judges if j not in importers][:judges], csv, returns


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def lost_writes(db_url: str, code: str, round_code: str, results: dict[str, list]) -> list[str]:
    """Writes a judge saw succeed that the database does not hold."""
    from judging_app.services import sheets
    from judging_app.store.database import open_database

    db = open_database(db_url)
    lost = []
    for judge, records in results.items():
        last: dict[str, dict] = {}
        for r in records:
            if r["outcome"] == "ok":
                last.setdefault(r["entry"], {})[r["op"]] = r
        for entry, ops in last.items():
            sheet = sheets.get_sheet(db, code, round_code, judge, entry)
            saved = ops.get("save")
            if sheet is None or (saved and {k: str(v) for k, v in sheet.scores.items()}
                                 != saved["scores"]):
                lost.append(f"{judge}/{entry}: saved scores missing")
            elif "submit" in ops and sheet.state != "submitted":
                lost.append(f"{judge}/{entry}: submission missing")
    db.close()
    return lost


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="sqlite")
    parser.add_argument("--entries", type=int, default=3000)
    parser.add_argument("--judges", type=int, default=60)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--no-imports", action="store_true",
                        help="the judges alone (to see what the imports add)")
    parser.add_argument("--pause", type=float, default=2.0,
                        help="seconds a judge spends between two saves, on average")
    parser.add_argument("--child", nargs=7, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        url, code, round_code, judge, go, out, pause = args.child
        judge_process(url, code, round_code, judge, Path(go), Path(out), float(pause))
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    db_url, drop = fresh_database(args.db)
    backend = "PostgreSQL" if "://" in db_url else "SQLite"
    try:
        began = time.perf_counter()
        code, round_code, judges, csv, returns = prepare(db_url, args.entries, args.judges,
                                                         args.rows)
        print(f"{backend}: demo of {args.entries:,} entries, {len(judges)} judge processes, "
              f"imports: {csv.name} and {len(returns)} returns "
              f"(prepared in {time.perf_counter() - began:.0f} s)")
        go = OUT / "go"
        go.unlink(missing_ok=True)
        children = []
        for judge in judges:
            out = OUT / f"judge-{judge}.json"
            for old in (out, out.with_suffix(".ready")):
                old.unlink(missing_ok=True)
            children.append((judge, out, subprocess.Popen(
                [sys.executable, __file__, "--child", db_url, code, round_code, judge, str(go),
                 str(out), str(args.pause)], stderr=subprocess.PIPE, text=True)))
        while not all(out.with_suffix(".ready").exists() for _, out, _ in children):
            if any(proc.poll() is not None for _, _, proc in children):
                break  # a child failed to start: its stderr is counted below
            time.sleep(0.2)
        start_at = time.time() + 1
        go.write_text(f"{start_at} {start_at + args.seconds}")
        while time.time() < start_at + 2:
            time.sleep(0.05)
        env = {**os.environ, "JUDGING_APP_AS": "benchmark"}
        cli = [sys.executable, "-m", "judging_app", "--db", db_url]
        imports = [] if args.no_imports else [
            ("scores import", subprocess.Popen(
                [*cli, "scores", "import", str(csv), "--competition", code], env=env,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True), time.perf_counter()),
            ("returns import", subprocess.Popen(
                [*cli, "returns", "import", *map(str, returns), "--competition", code],
                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True),
             time.perf_counter()),
        ]
        tracebacks, import_lines = 0, []
        window = (time.time(), time.time())
        for name, proc, started in imports:
            out, err = proc.communicate()
            window = (window[0], time.time())
            tracebacks += (out + err).count("Traceback")
            import_lines.append(f"  {name}: exit {proc.returncode} in "
                                f"{time.perf_counter() - started:.1f} s; "
                                + (err.strip().splitlines() or out.strip().splitlines()
                                   or [""])[-1][:150])
        results = {}
        for judge, out, proc in children:
            _, err = proc.communicate()
            tracebacks += err.count("Traceback")
            results[judge] = json.loads(out.read_text()) if out.exists() else []
        records = [r for rs in results.values() for r in rs]
        tracebacks += sum(r["outcome"].startswith("traceback") for r in records)
        refusals: dict[str, int] = {}
        for r in records:
            if r["outcome"].startswith("refused"):
                refusals[r["outcome"][:90]] = refusals.get(r["outcome"][:90], 0) + 1
        lost = lost_writes(db_url, code, round_code, results)
        print("\n".join(import_lines))
        during = [r for r in records if window[0] <= r["at"] + r["seconds"] and r["at"]
                  <= window[1]] if imports else []
        settled = start_at + SETTLE
        steady = [r for r in records if r["at"] >= settled
                  and r["at"] + r["seconds"] <= start_at + args.seconds]
        for label, chosen in (("all the time", records), ("while importing", during),
                              (f"steady (from {SETTLE:.0f} s after the start to the end of "
                               f"the time; no start-up rush, no exit)", steady)):
            if not chosen:
                continue
            print(f"  {label}:")
            for op in ("save", "submit"):
                times = [r["seconds"] for r in chosen if r["op"] == op and r["outcome"] == "ok"]
                print(f"    {op:6} {len(times):5} ok   p50 {percentile(times, 0.5) * 1000:7.0f} ms"
                      f"   p95 {percentile(times, 0.95) * 1000:7.0f} ms   "
                      f"max {max(times, default=0) * 1000:7.0f} ms")
            if "://" not in db_url:  # where the time went (SQLite's write lock)
                print("\n".join(_phase_lines(chosen)))
        print(f"  tracebacks: {tracebacks}   lost writes: {len(lost)}   refusals: "
              f"{sum(refusals.values())}")
        for text_, count in sorted(refusals.items(), key=lambda x: -x[1])[:5]:
            print(f"    {count} × {text_}")
        for line in lost[:5]:
            print(f"    lost: {line}")
        tail = [t for t in (r["outcome"] for r in records) if t.startswith("traceback")][:3]
        for t in tail:
            print(f"    {t[:160]}")
        return 0
    finally:
        drop()


if __name__ == "__main__":
    sys.exit(main())
