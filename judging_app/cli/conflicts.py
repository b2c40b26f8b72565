"""`judging-app conflicts list|declare|withdraw`: conflicts of interest
(services/conflicts.py), as in the Judges view. Same-unit conflicts are found by the app;
the others are declared, with a reason."""

from __future__ import annotations

from judging_app.cli import parsing
from judging_app.cli.say import say
from judging_app.core.messages import Message

REASONS = ("professional", "personal", "other")


def add_parsers(sub, common) -> None:
    actions = parsing.area(sub, "conflicts", "conflicts of interest: list, declare, withdraw",
                           "conflicts")
    p = actions.add_parser("list", parents=[common],
                           help="every conflict of interest, automatic (same unit) and declared")
    parsing.add_competition(p)
    p.add_argument("--judge", metavar="CODE", help="only this judge's")
    parsing.add_json(p)
    p = actions.add_parser("declare", parents=[common],
                           help="record that a judge must not score an entry (the judge's "
                                "assignment and draft sheet for it are removed)")
    parsing.add_competition(p)
    p.add_argument("--judge", required=True, metavar="CODE", help="the judge")
    p.add_argument("--entry", required=True, metavar="CODE", help="the entry")
    p.add_argument("--reason", required=True, choices=REASONS,
                   help="professional or personal ties, or other (explain with --explanation)")
    p.add_argument("--explanation", default="", help="what the tie is (needed for other)")
    p = actions.add_parser("withdraw", parents=[common],
                           help="withdraw a declared conflict (the judge may be assigned again)")
    parsing.add_competition(p)
    p.add_argument("--judge", required=True, metavar="CODE", help="the judge")
    p.add_argument("--entry", required=True, metavar="CODE", help="the entry")


def run(args) -> int:
    from judging_app.core.enums import ConflictReason
    from judging_app.services import conflicts

    if args.action == "list":
        return _list(args)
    from judging_app.cli.access import workspace

    if args.action == "declare":
        conflicts.declare_conflict(workspace(args), args.competition, args.judge, args.entry,
                                   ConflictReason(args.reason), args.explanation)
        say(Message("cli_conflicts.declared", judge=args.judge, entry=args.entry,
                    reason=ConflictReason(args.reason)))
    else:
        conflicts.withdraw_conflict(workspace(args), args.competition, args.judge, args.entry)
        say(Message("cli_conflicts.withdrawn", judge=args.judge, entry=args.entry))
    return 0


def _list(args) -> int:
    from judging_app.cli.access import read
    from judging_app.cli.tables import print_json, table
    from judging_app.core.enums import ConflictReason, ConflictSource
    from judging_app.services.conflicts import list_conflicts

    rows = [c for c in list_conflicts(read(args), args.competition)
            if args.judge is None or c.judge_code == args.judge]
    if args.json:
        print_json({"competition": args.competition, "conflicts": [
            {"judge": c.judge_code, "entry": c.entry_code, "source": c.source,
             "reason": c.reason, "explanation": c.reason_text} for c in rows]})
        return 0
    if not rows:
        say(Message("cli_conflicts.none"))
        return 0
    table(Message("cli_conflicts.header"),
          [[c.judge_code, c.entry_code, ConflictSource(c.source),
            Message("cli_conflicts.reason_text", reason=ConflictReason(c.reason),
                    text=c.reason_text) if c.reason_text else ConflictReason(c.reason)]
           for c in rows])
    return 0
