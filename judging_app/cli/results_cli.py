"""`judging-app results`, `fairness`, `decide-tie`, `advance`, `finalize`: the rankings, the
fairness evidence and the decisions that make them final (services/results.py,
services/advancement.py), as the Results view."""

from __future__ import annotations

from pathlib import Path

from judging_app.cli.access import (
    read,
    workspace,
)
from judging_app.cli.parsing import add_competition, add_json, add_round
from judging_app.cli.say import say
from judging_app.core.enums import AdvancementKind
from judging_app.core.messages import Message, Text


def add_parsers(sub, common) -> None:
    methods = ["mean", "median", "trimmed_mean", "standardized"]
    p = sub.add_parser("results", parents=[common], help="rankings and awards per category")
    add_competition(p)
    p.add_argument("--round", metavar="CODE", help="rank one round alone")
    p.add_argument("--method", choices=methods, help="aggregation across judges "
                   "(default: the competition's own)")
    p.add_argument("--json", action="store_true", help="machine-readable (docs/results-json.md)")

    p = sub.add_parser("fairness", parents=[common],
                       help="agreement, judges' severity, outliers, rank stability")
    add_competition(p)
    add_round(p, required=False, what="one round alone (default: every scored round)")
    add_json(p)

    p = sub.add_parser("decide-tie", parents=[common],
                       help="record the chair's order for tied entries, with a reason")
    add_competition(p)
    p.add_argument("--order", required=True, metavar="E1,E2,...", help="entry codes, best first")
    p.add_argument("--reason", required=True, help="the chair's reason, as told at the plenary")

    p = sub.add_parser("advance", parents=[common],
                       help="take entries on to the next round by the round's rule (top N, threshold)")
    add_competition(p)
    add_round(p, required=True, what="the round just ranked")
    p.add_argument("--dry-run", action="store_true", help="show who would go on; write nothing")
    p.add_argument("--add", metavar="E1,E2", help="entries taken on by hand (needs --reason)")
    p.add_argument("--reason", default="", help="why (with --add)")

    p = sub.add_parser("finalize", parents=[common],
                       help="freeze the results (refused while ties or gaps block them)")
    add_competition(p)
    for name in ("results", "fairness", "decide-tie", "advance", "finalize"):
        sub.choices[name].set_defaults(module="results_cli")


def run(args) -> int:
    return {"results": cmd_results, "fairness": cmd_fairness, "decide-tie": cmd_decide_tie,
            "advance": cmd_advance, "finalize": cmd_finalize}[args.command](args)


def read_only_sqlite(args):
    """A read-only sqlite3 reader when --db names (or defaults to) a SQLite file already at
    this version's schema: no SQLAlchemy to start, no whole-file check. None otherwise."""
    from judging_app.store.paths import default_database_path
    from judging_app.store.rows import open_sqlite_reader

    if args.db is None:
        path = default_database_path()
    elif "://" in args.db:
        return None
    else:
        path = Path(args.db).expanduser()
    return open_sqlite_reader(path)


def damaged(args, exc: Exception) -> Exception:
    from judging_app.store.database import DamagedDatabaseError
    from judging_app.store.sqlite_errors import sqlite_problem

    return DamagedDatabaseError(Message("database.unreadable_check", where=db_name(args),
                                        detail=sqlite_problem(exc)))


def db_name(args) -> Text:
    return args.db or Message("database.default_name")


def read_rows(args, on_reader, on_database):
    """on_reader(RowReader) through the read-only sqlite3 path when the file allows it (see
    read_only_sqlite), else on_database(Database) opened the full way for reading."""
    reader = read_only_sqlite(args)
    if reader is None:
        return on_database(read(args))
    import sqlite3

    try:
        return on_reader(reader)
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc):
            raise damaged(args, exc) from exc
        from judging_app.store.database import DatabaseOpenError

        raise DatabaseOpenError(Message("database.busy", where=db_name(args))) from exc
    except sqlite3.DatabaseError as exc:
        raise damaged(args, exc) from exc
    finally:
        reader.close()


def cmd_results(args) -> int:
    import json

    from judging_app.core.enums import AggregationMethod
    from judging_app.core.gc_pause import paused_gc
    from judging_app.services.results_view import compute_with, results_json

    method = AggregationMethod(args.method) if args.method else None

    def on_database(db):
        from judging_app.services import results

        return results.compute(db, args.competition, args.round, method)

    with paused_gc():  # hundreds of thousands of acyclic records: see core/gc_pause
        view = read_rows(args, lambda reader: compute_with(reader, args.competition,
                                                           args.round, method), on_database)
        if args.json:
            print(json.dumps(results_json(view), ensure_ascii=False))  # compact: C encoder
        else:
            from judging_app.cli.results_text import results_text

            print(results_text(view))
        del view  # freed while paused: see cmd_fairness
    return 0


def cmd_fairness(args) -> int:
    from judging_app.core.gc_pause import paused_gc
    from judging_app.services.fairness_json import fairness_json_text
    from judging_app.services.fairness_view import fairness_with

    def on_database(db):
        from judging_app.services import results

        return results.fairness(db, args.competition, args.round)

    with paused_gc():
        view = read_rows(args, lambda reader: fairness_with(  # prints no entry titles
            reader, args.competition, args.round, titles=False), on_database)
        if args.json:
            print(fairness_json_text(view))
        else:
            from judging_app.cli.results_text import fairness_text

            print(fairness_text(view))
        # Freed while the collector is paused: the first collection after the pause walks
        # every object made during it that is still alive (30-50 ms on 30,000 entries).
        del view
    return 0


def cmd_decide_tie(args) -> int:
    from judging_app.services import results

    order = [c.strip() for c in args.order.split(",") if c.strip()]
    results.record_tie_decision(workspace(args), args.competition, order, args.reason)
    say(Message("cli.tie_recorded", order=" > ".join(order)))
    return 0


def cmd_advance(args) -> int:
    from judging_app.services import advancement

    if args.dry_run:
        plan = advancement.preview_advancement(read(args), args.competition, args.round)
    else:
        manual = [c.strip() for c in (args.add or "").split(",") if c.strip()]
        plan = advancement.advance(workspace(args), args.competition, args.round, manual,
                                   args.reason)
    say(Message("cli.advance.summary", round=plan.round_code, rule=AdvancementKind(plan.rule),
                count=len(plan.advancing), codes=list(plan.advancing)))
    if plan.tied_at_cutoff:
        say(Message("cli.advance.tied", codes=list(plan.tied_at_cutoff)))
    if plan.not_ranked:
        say(Message("cli.advance.not_ranked", codes=list(plan.not_ranked)))
    return 0


def cmd_finalize(args) -> int:
    from judging_app.services import results

    digest = results.finalize(workspace(args), args.competition)
    say(Message("cli.finalized", digest=digest))
    return 0
