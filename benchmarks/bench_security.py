"""What trust costs. Prints milliseconds and percentages.

1. Signing in: one scrypt check (core/passwords.py), and the GUI's start on a small
   protected file (the sign-in dialog answered at once) against the same file unprotected;
   the difference is what signing in adds to opening the app (budget: 100 ms).
2. Row-level security on a locked-down PostgreSQL server at 30,000 entries: judge mode's
   queries as a judge's own login, and `results` as the secretariat's login, with the
   policies on and then switched off (ALTER TABLE ... DISABLE ROW LEVEL SECURITY) on the
   same data and logins (budget: 20 %).

    python benchmarks/bench_security.py [--pg URL] [--entries 30000] [--judges 60]

--pg: the administrator's URL of the server (a role that may create databases and
roles; default JUDGING_APP_TEST_PG_URL); without one, part 2 is skipped. The database and
its roles are dropped at the end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

PASSWORD = "benchmark-password-1"


def timed_ms(fn, repeat: int, clock=time.perf_counter) -> tuple[float, float]:
    """(fastest, median) of `repeat` runs, in ms: on a loaded machine the fastest is the
    closest to what the code itself costs. `clock=time.process_time` counts the CPU this
    process used (what a machine of its own would take), not the time spent waiting."""
    times = []
    for _ in range(repeat):
        start = clock()
        fn()
        times.append((clock() - start) * 1000)
    return min(times), statistics.median(times)



def sign_in_cost(repeat: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from judging_app.core.passwords import N, R, check_password, hash_password
    from judging_app.core.people import Role
    from judging_app.services import people
    from judging_app.services.people import PersonInput
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database
    from judging_app.ui.dialogs import Dialogs
    from judging_app.ui.launch import application, start
    from judging_app.ui.settings import AppSettings

    stored = hash_password(PASSWORD)
    fastest, median = timed_ms(lambda: check_password(PASSWORD, stored), repeat)
    cpu = timed_ms(lambda: check_password(PASSWORD, stored), repeat, time.process_time)[0]
    print(f"scrypt N=2^{N.bit_length() - 1}, r={R}: one check {cpu:.0f} ms of CPU; "
          f"{fastest:.0f} ms fastest, {median:.0f} ms median on the clock")

    class Answering(Dialogs):
        def ask_sign_in(self, parent, where, problem="", login=""):
            return ("sekre", PASSWORD)

    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for name, protect in (("open", False), ("protected", True)):
            path = Path(tmp) / f"{name}.sqlite"
            db = open_database(path)
            ws = Workspace(db, "benchmark")
            people.add_person(ws, PersonInput("sekre", "Sekretariat", "", (Role.SECRETARIAT,)),
                              PASSWORD)
            if protect:
                people.protect(Workspace(db, people.sign_in(db, "sekre", PASSWORD)))
            db.close()
            files[name] = path
        app = application([])
        settings = AppSettings.at_path(Path(tmp) / "bench.ini")
        settings.actor_name = "benchmark"

        def open_window(name: str) -> None:
            session = start(app, str(files[name]), "en", settings, Answering())
            session.window.close()
            session.window.db.close()
            session.translations.uninstall()

        for name in files:  # warm up
            open_window(name)
        cpu = time.process_time
        plain = timed_ms(lambda: open_window("open"), repeat)
        signed = timed_ms(lambda: open_window("protected"), repeat)
        plain_cpu = timed_ms(lambda: open_window("open"), repeat, cpu)[0]
        signed_cpu = timed_ms(lambda: open_window("protected"), repeat, cpu)[0]
        print(f"GUI start to window, CPU: unprotected file {plain_cpu:.0f} ms, protected "
              f"with signing in {signed_cpu:.0f} ms: signing in adds "
              f"{signed_cpu - plain_cpu:.0f} ms (budget 100 ms)")
        for label, i in (("fastest", 0), ("median", 1)):
            print(f"GUI start to window, clock ({label}): unprotected file {plain[i]:.0f} ms, "
                  f"protected with signing in {signed[i]:.0f} ms: signing in adds "
                  f"{signed[i] - plain[i]:.0f} ms")


def rls_cost(admin_url: str, entries: int, judges: int, repeat: int) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from judging_app.core.people import Role
    from judging_app.demo.generator import build_demo
    from judging_app.services import judge_mode, people, results, sheets
    from judging_app.services.people import PersonInput
    from judging_app.services.workspace import Workspace
    from judging_app.store import server_sql
    from judging_app.store.database import open_database

    name = f"jbench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name)
    target = url.render_as_string(hide_password=False)

    def login(who: str) -> str:
        return url.set(username=server_sql.login_role(name, who),
                       password=PASSWORD).render_as_string(hide_password=False)

    try:
        start = time.perf_counter()
        db = open_database(target)
        demo = build_demo(Workspace(db, "benchmark"), entries=entries, judges=judges,
                          scored=True)
        db.close()
        print(f"demo on PostgreSQL: {entries} entries, {judges} judges, scored, "
              f"{time.perf_counter() - start:.0f} s")
        start = time.perf_counter()
        server_sql.init_server(target, ("sekre", "Sekretariat", PASSWORD))
        print(f"server init: {time.perf_counter() - start:.1f} s")
        sekre_db = open_database(login("sekre"))
        judge = "J01"
        people.add_person(Workspace(sekre_db, people.server_principal(sekre_db)), PersonInput(
            "juri", "Juri Satu", "", (Role.JUDGE,), ((demo.code, judge),)), PASSWORD)
        judge_db = open_database(login("juri"))
        who = people.server_principal(judge_db)
        mine = [r.code for r in judge_mode.judge_entries(judge_db, demo.code, demo.round_code,
                                                         judge)]

        engine = create_engine(target, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:  # as autovacuum would have, before anyone measures
            conn.execute(text("VACUUM ANALYZE"))
            rls_tables = list(conn.execute(text(
                "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE n.nspname = 'judging' AND c.relrowsecurity")).scalars())

        def policies(on: bool) -> None:
            with engine.connect() as conn:
                for table in rls_tables:
                    conn.execute(text(f"ALTER TABLE judging.{table} "
                                      f"{'ENABLE' if on else 'DISABLE'} ROW LEVEL SECURITY"))

        opened = mine[:20]
        # What judge mode asks (home page, then 20 entries opened, each with its sheet),
        # call by call, and the results as the secretariat; x = how often it is asked.
        calls = [
            ("judging choices", 1, lambda: judge_mode.judging_choices(judge_db, who.judge_ids)),
            ("judge's round", 1, lambda: judge_mode.judge_round(judge_db, demo.code,
                                                                demo.round_code, judge)),
            ("judge's entries", 1, lambda: judge_mode.judge_entries(judge_db, demo.code,
                                                                    demo.round_code, judge)),
            ("one entry", len(opened), lambda: judge_mode.entry_for_judge(
                judge_db, demo.code, demo.round_code, judge, opened[7])),
            ("one sheet", len(opened), lambda: sheets.get_sheet(
                judge_db, demo.code, demo.round_code, judge, opened[7])),
            ("results", 1, lambda: results.compute(sekre_db, demo.code)),
        ]
        for _, _, call in calls:
            call()  # warm the caches
        # On and off alternate, round after round, so that a busy machine slows both alike;
        # each call's fastest round is kept (the closest to the queries' own cost).
        best: dict[tuple[str, bool], float] = {}
        for _ in range(repeat):
            for on in (True, False):
                policies(on)  # a change of the table: every plan is made again once
                for label, _, call in calls:
                    call()
                    ms = timed_ms(call, 2)[0]
                    best[(label, on)] = min(best.get((label, on), ms), ms)
        policies(True)
        engine.dispose()
        for label, times, _ in calls:
            on, off = best[(label, True)], best[(label, False)]
            print(f"  {label:<16} x{times:<3} {on:8.1f} ms with row-level security, "
                  f"{off:8.1f} ms without ({(on / off - 1) * 100:+.0f} %)")
        judge_on = sum(best[(lbl, True)] * n for lbl, n, _ in calls[:-1])
        judge_off = sum(best[(lbl, False)] * n for lbl, n, _ in calls[:-1])
        print(f"judge mode's queries as the judge's login ({len(mine)} entries, "
              f"{len(opened)} opened): {judge_on:.0f} ms with row-level security, "
              f"{judge_off:.0f} ms without ({(judge_on / judge_off - 1) * 100:+.0f} %, "
              "budget 20 %)")
        on, off = best[("results", True)], best[("results", False)]
        print(f"results of {entries} entries as the secretariat's login: {on:.0f} ms with "
              f"row-level security, {off:.0f} ms without ({(on / off - 1) * 100:+.0f} %, "
              "budget 20 %)")
        judge_db.close()
        sekre_db.close()
    finally:
        _drop(admin, name)


def _drop(admin, name: str) -> None:
    """The database, then its roles. DROP … WITH (FORCE) cannot end an autovacuum worker
    (a process our role may not signal): wait for it and try again."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from judging_app.store import server_sql

    for attempt in range(30):
        try:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            break
        except DBAPIError:
            if attempt == 29:
                raise
            time.sleep(1)
    with admin.connect() as conn:
        for role in server_sql.roles_of_database(conn, name):
            conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
    admin.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", default=os.environ.get("JUDGING_APP_TEST_PG_URL", ""))
    parser.add_argument("--entries", type=int, default=30000)
    parser.add_argument("--judges", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--skip-gui", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as keys:
        os.environ.setdefault("JUDGING_APP_KEYS", keys)  # the benchmark's own key store
        if not args.skip_gui:
            sign_in_cost(args.repeat)
        if args.pg:
            rls_cost(args.pg, args.entries, args.judges, args.repeat)
        else:
            print("no --pg URL: row-level security not measured")
    return 0


if __name__ == "__main__":
    sys.exit(main())
