"""What the trail's setup, eligibility and assignment digests cost (services/audit_digests.py).

On the unscored demo (default 30,000 entries, 60 judges, 3 judges per entry: 90,000
assignments), each write is timed with the digests recorded ("with") and with them
switched off in this process ("without": what the app did before), alternating round after
round on the same data; each call's fastest round is kept (the machine is shared). A
write reads again only the pieces (a judge's assignments, a category's entries) whose
fingerprint moved; verification reads every row ("all rows").

    python benchmarks/bench_audit_digests.py [--entries 30000] [--judges 60] [--pg URL]

--pg: also on a fresh PostgreSQL database made on that server (an administrator's URL,
e.g. JUDGING_APP_TEST_PG_URL), dropped at the end.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROUNDS = 5


def _fastest_ms(fn, rounds: int = ROUNDS) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        best = min(best, (time.perf_counter() - start) * 1000)
    return best


class _Switch:
    """The digests on or off for this process."""

    def __init__(self) -> None:
        from judging_app.services import audit, audit_digests

        self.audit, self.digests = audit, audit_digests
        self.take, self.all_parts = audit_digests.take_touched, audit.ALL_PARTS_ACTIONS

    def set(self, on: bool) -> None:
        def nothing(session):
            self.take(session)
            return set()

        self.digests.take_touched = self.take if on else nothing
        self.audit.ALL_PARTS_ACTIONS = self.all_parts if on else frozenset()


def run(target: str, entries: int, judges: int) -> None:
    from sqlalchemy import text

    from judging_app.core.enums import EntryStatus
    from judging_app.demo.generator import build_demo
    from judging_app.services import assignments, audit, audit_digests, competitions
    from judging_app.services import entries as entry_service
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database

    db = open_database(target)
    ws = Workspace(db, "benchmark")
    start = time.perf_counter()
    demo = build_demo(ws, entries=entries, judges=judges, judges_per_entry=3)
    print(f"  demo built in {time.perf_counter() - start:.1f} s: {demo.assignments} assignments")
    code, rnd = demo.code, demo.round_code
    cid = demo.competition_id
    with db.read() as s:
        entry_codes = list(s.execute(text(
            "SELECT code FROM entries WHERE competition_id = :c ORDER BY id LIMIT 2"),
            {"c": cid}).scalars())
        judge = s.execute(text(
            "SELECT j.code FROM judges j WHERE j.competition_id = :c AND NOT EXISTS (SELECT 1"
            " FROM assignments a WHERE a.judge_id = j.id AND a.entry_id = (SELECT id FROM"
            " entries WHERE code = :e AND competition_id = :c)) ORDER BY j.id LIMIT 1"),
            {"c": cid, "e": entry_codes[0]}).scalar_one()
    setup = competitions.get_setup(db, code)
    with db.read() as s:
        print(f"  {'digest of':<40} {'all rows':>8} {'pieces unchanged':>18}")
        for name, fn in (("setup", audit_digests.setup_digests),
                         ("eligibility", audit_digests.eligibility_digests),
                         ("assignments", audit_digests.assignment_digests)):
            full = _fastest_ms(lambda fn=fn: fn(s, cid, fresh=True))
            fn(s, cid)
            cached = _fastest_ms(lambda fn=fn: fn(s, cid))
            print(f"  {name:<40} {full:6.1f} ms {cached:15.1f} ms")
    status = [EntryStatus.WITHDRAWN, EntryStatus.ELIGIBLE]

    def screening() -> None:
        status.reverse()
        entry_service.set_entry_status(ws, code, [entry_codes[1]], status[0], "uji")

    calls = (
        ("setup saved (every part recorded)", lambda: competitions.update_setup(ws, code, setup)),
        ("one assignment added", lambda: assignments.assign(ws, code, rnd, judge, entry_codes[:1])),
        ("one assignment removed",
         lambda: assignments.unassign(ws, code, rnd, judge, entry_codes[:1])),
        ("one entry screened", screening),
    )
    switch = _Switch()
    best = {(name, on): float("inf") for name, _ in calls for on in (True, False)}
    for _ in range(ROUNDS):
        for on in (False, True):
            switch.set(on)
            for name, fn in calls:
                best[name, on] = min(best[name, on], _fastest_ms(fn, 1))
    switch.set(True)
    print(f"  {'write':<40} {'without':>8} {'with':>8}   added")
    for name, _ in calls:
        off, on = best[name, False], best[name, True]
        print(f"  {name:<40} {off:6.1f} ms {on:6.1f} ms {on - off:+7.1f} ms")
    start = time.perf_counter()
    check = audit.verify_chain(db)
    print(f"  db verify-audit, whole trail: {(time.perf_counter() - start) * 1000:.0f} ms,"
          f" {check.events} events, ok={check.ok}")
    db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=30000)
    parser.add_argument("--judges", type=int, default=60)
    parser.add_argument("--pg", default=None, help="administrator's URL of a PostgreSQL server")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="bench-digests-"))
    print(f"SQLite, {args.entries} entries, {args.judges} judges:")
    run(str(folder / "demo.sqlite"), args.entries, args.judges)
    if args.pg:
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        name = f"bench_{uuid.uuid4().hex[:10]}"
        admin = create_engine(args.pg, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            print(f"PostgreSQL, {args.entries} entries, {args.judges} judges:")
            run(make_url(args.pg).set(database=name).render_as_string(hide_password=False),
                args.entries, args.judges)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    return 0


if __name__ == "__main__":
    sys.exit(main())
