"""`judging-app units list|add|rename`: the government units (perangkat daerah) entries and
judges belong to (services/entries.py), as the Units dialog of the Entries view."""

from __future__ import annotations

from judging_app.cli import parsing
from judging_app.cli.say import say
from judging_app.core.messages import Message


def add_parsers(sub, common) -> None:
    actions = parsing.area(sub, "units", "the government units (perangkat daerah): list, add, "
                           "rename", "units")
    p = actions.add_parser("list", parents=[common], help="the units of a competition")
    parsing.add_competition(p)
    parsing.add_json(p)
    for action, what in (("add", "add a unit"), ("rename", "give a unit another name")):
        p = actions.add_parser(action, parents=[common], help=what)
        parsing.add_competition(p)
        p.add_argument("--code", required=True, help="the unit's short code, e.g. DINKES")
        p.add_argument("--name", required=True, help="the unit's full name, e.g. Dinas Kesehatan")
        p.add_argument("--kind", default="" if action == "add" else None,
                       help="what kind of unit (dinas, badan, kecamatan, puskesmas, …)")


def run(args) -> int:
    from judging_app.services import entries

    if args.action == "list":
        from judging_app.cli.access import read
        from judging_app.cli.tables import print_json, table

        units = entries.list_units(read(args), args.competition)
        if args.json:
            print_json({"competition": args.competition, "units": [
                {"code": u.code, "name": u.name, "kind": u.kind} for u in units]})
        elif not units:
            say(Message("cli_units.none", competition=args.competition))
        else:
            table(Message("cli_units.header"),
                  [[u.code, u.kind, u.name] for u in units])
        return 0
    from judging_app.cli.access import workspace

    if args.action == "add":
        unit = entries.add_unit(workspace(args), args.competition, args.code, args.name,
                                args.kind)
        say(Message("cli_units.added", code=unit.code, name=unit.name))
    else:
        entries.rename_unit(workspace(args), args.competition, args.code, args.name, args.kind)
        say(Message("cli_units.renamed", code=args.code, name=args.name))
    return 0
