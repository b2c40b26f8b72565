"""`judging-app db upgrade|backup|verify-audit|restored|verify-totals|protect`: the database's upkeep,
and protecting it with sign-in (cli/security_commands.py)."""

from __future__ import annotations

from pathlib import Path

from judging_app.cli.access import (
    open_db,
    read,
)
from judging_app.cli.say import say, text
from judging_app.core.messages import Message


def add_parsers(sub, common) -> None:
    dbp = sub.add_parser("db", help="database maintenance")
    dsub = dbp.add_subparsers(dest="action", metavar="ACTION", required=True)
    dsub.add_parser("upgrade", parents=[common], help="migrate to this version's schema")
    p = dsub.add_parser("backup", parents=[common], help="write a consistent copy (SQLite file)")
    p.add_argument("out", metavar="OUT", help="the copy to write: a new SQLite file")
    dsub.add_parser("verify-audit", parents=[common],
                    help="check the audit trail (keyed chain, anchors) and the data against it")
    dsub.add_parser("protect", parents=[common],
                    help="from now on every change needs a signed-in person (--user, a secretariat)")
    p = dsub.add_parser("restored", parents=[common],
                        help="record that an older copy (a backup) was restored on purpose "
                             "(a secretariat; verify-audit then checks from it)")
    p.add_argument("--reason", required=True, help="why, for the audit trail")
    p = dsub.add_parser("verify-totals", parents=[common],
                        help="check the per-entry totals that results read against the scores")
    p.add_argument("--repair", action="store_true", help="recompute them when they differ")
    dbp.set_defaults(module="db_cli")


def run(args) -> int:
    from judging_app.services import maintenance
    from judging_app.store.schema_version import SCHEMA_HEAD

    writes = args.action in ("upgrade", "restored") or getattr(args, "repair", False)
    db = open_db(args) if writes else read(args)
    if args.action == "upgrade":
        say(Message("cli.db.at_schema", where=db.display_name(), head=SCHEMA_HEAD))
        if db.backup_path:
            say(Message("cli.db.previous_copied", path=str(db.backup_path)))
        return 0
    if args.action == "backup":
        out = maintenance.backup_database(db, Path(args.out))
        say(Message("cli.db.backup_written", path=str(out)))
        return 0
    if args.action == "verify-totals":
        wrong = maintenance.verify_entry_totals(db, repair=args.repair)
        if not wrong:
            say(Message("cli.db.totals_ok"))
            return 0
        say(Message("cli.error", problem=Message("cli.db.totals_differ")), err=True)
        for line in wrong:
            say(f"  {text(line)}", err=True)
        if args.repair:
            say(Message("cli.db.totals_repaired"), err=True)
        return 1
    from judging_app.cli import security_commands as sc

    if args.action == "restored":
        from judging_app.services.restored_copy import record_restored

        events = record_restored(sc.workspace(args, db), args.reason)
        say(Message("restore.recorded", events=events))
        return 0
    if args.action == "protect":
        return sc.cmd_protect(args, db)
    return sc.cmd_audit(args, db)
