"""`judging-app assign`: who scores which entry in a round (services/assignments.py), as
the Assignments view. `assign --auto --per-entry K [--preview]` gives every entry K judges
with loads within one (existing assignments kept, conflicts of interest respected);
`assign add|remove` changes them by hand; `assign list` shows them."""

from __future__ import annotations

import argparse

from judging_app.cli import parsing
from judging_app.cli.say import say
from judging_app.core.messages import Message

ROUND_HELP = ("the scored round (default: the last round with assignments, else the first "
              "scored round)")


def _target(p, in_action: bool) -> None:
    """--competition and --round, given before or after the action (an action's parser
    leaves them alone when they are not given to it)."""
    default = argparse.SUPPRESS if in_action else None
    p.add_argument("--competition", metavar="CODE", default=default,
                   help="the competition's code (see: judging-app competition list)")
    p.add_argument("--round", metavar="CODE", default=default, help=ROUND_HELP)


def add_parsers(sub, common) -> None:
    p = sub.add_parser("assign", parents=[common],
                       help="assign judges to entries: --auto --per-entry K [--preview], or "
                            "add, remove, list",
                       description="Assign judges to the entries of a round. Automatically: "
                                   "judging-app assign --competition C --auto --per-entry 3 "
                                   "[--preview]. By hand: assign add|remove. See: assign list.")
    p.set_defaults(module="assign", action=None)
    _target(p, in_action=False)
    p.add_argument("--auto", action="store_true",
                   help="give every entry of the round --per-entry judges, loads within one "
                        "(existing assignments are kept; conflicts of interest respected)")
    p.add_argument("--per-entry", type=int, default=3, metavar="K",
                   help="judges per entry, with --auto")
    p.add_argument("--preview", action="store_true",
                   help="with --auto: show what would be added and each judge's load; write "
                        "nothing")
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    for action, what in (("add", "assign a judge to entries by hand"),
                         ("remove", "remove a judge's assignments (not once the judge has "
                                    "started the sheet)")):
        a = actions.add_parser(action, parents=[common], help=what)
        _target(a, in_action=True)
        a.add_argument("--judge", required=True, metavar="CODE", help="the judge")
        a.add_argument("--entries", required=True, metavar="E1,E2", type=parsing.codes,
                       help="the entries' codes")
    a = actions.add_parser("list", parents=[common], help="each entry's judges and each "
                           "judge's load in the round")
    _target(a, in_action=True)
    parsing.add_json(a)


def run(args) -> int:
    from judging_app.cli.access import UsageError

    if not args.competition:
        raise UsageError(Message("cli_assign.needs_competition", option="--competition",
                                 command="judging-app competition list"))
    if args.action is None and not args.auto:
        raise UsageError(Message("cli_assign.what", auto="--auto --per-entry K"))
    if args.action is None:
        return _auto(args)
    return {"add": _change, "remove": _change, "list": _list}[args.action](args)


def _round(args, db) -> str:
    if args.round:
        return args.round
    from judging_app.services import progress
    from judging_app.services.errors import NotFoundError

    chosen = progress.default_round(progress.scored_rounds(db, args.competition))
    if chosen is None:
        raise NotFoundError(Message("lookup.no_scored_round", competition=args.competition))
    return chosen


def _auto(args) -> int:
    from judging_app.cli.tables import table

    if args.preview:
        from judging_app.cli.access import read
        from judging_app.services.assignment_queries import preview_with_loads

        db = read(args)
        shown = preview_with_loads(db, args.competition, _round(args, db), args.per_entry)
        preview = shown.preview
        say(Message("cli_assign.would_add", round=preview.round_code,
                    count=len(preview.new_assignments), k=args.per_entry))
        table(Message("cli_assign.header_preview"),
              [[c.code, c.current, c.added, c.after] for c in shown.loads if c.active or c.after])
    else:
        from judging_app.cli.access import workspace
        from judging_app.services.assignments import auto_assign

        ws = workspace(args)
        preview = auto_assign(ws, args.competition, _round(args, ws.db), args.per_entry)
        say(Message("cli_assign.added", round=preview.round_code,
                    count=len(preview.new_assignments), k=args.per_entry))
        table(Message("cli_assign.header_loads"), sorted(preview.loads.items()))
    for warning in preview.warnings():
        say(Message("cli_assign.warning", warning=warning))
    if args.preview:
        say(Message("cli_assign.nothing_written"))
    return 0


def _change(args) -> int:
    from judging_app.cli.access import workspace
    from judging_app.services import assignments

    ws = workspace(args)
    rnd = _round(args, ws.db)
    if args.action == "add":
        n = assignments.assign(ws, args.competition, rnd, args.judge, args.entries)
        say(Message("cli_assign.assigned", judge=args.judge, count=n, round=rnd))
    else:
        n = assignments.unassign(ws, args.competition, rnd, args.judge, args.entries)
        say(Message("cli_assign.removed", judge=args.judge, count=n, round=rnd))
    return 0


def _list(args) -> int:
    from judging_app.cli.access import read
    from judging_app.cli.tables import print_json, table
    from judging_app.services.assignment_queries import round_assignments

    db = read(args)
    data = round_assignments(db, args.competition, _round(args, db))
    if args.json:
        print_json({"competition": args.competition, "round": data.round_code,
                    "entries": [{"entry": e.code, "unit": e.unit_code, "in_round": e.in_round,
                                 "judges": list(e.judges), "started": list(e.started),
                                 "conflicted": list(e.conflicted)} for e in data.entries],
                    "judges": [{"judge": j.code, "active": j.active, "load": j.load,
                                "started": j.started} for j in data.judges]})
        return 0
    table(Message("cli_assign.header_entries"),
          [[e.code, e.unit_code, list(e.judges)] for e in data.entries])
    say("")
    table(Message("cli_assign.header_judges"),
          [[j.code, j.load, j.started] for j in data.judges if j.active or j.load])
    say(Message("cli_assign.summary", round=data.round_code, count=data.assignment_count(),
                entries=len([e for e in data.entries if e.in_round])))
    return 0
