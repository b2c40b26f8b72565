"""`judging-app judges list|add|edit|disable|enable|import`: the panel of judges
(services/judges.py, services/judge_import.py), as the Judges view of the window."""

from __future__ import annotations

from judging_app.cli import parsing
from judging_app.cli.say import say
from judging_app.core.messages import Message

ROLES = ("judge", "chair")

ACTIVE, INACTIVE = Message("cli_judges.active"), Message("cli_judges.inactive")


def add_parsers(sub, common) -> None:
    actions = parsing.area(sub, "judges", "the panel of judges: list, add, edit, disable, "
                           "enable, import from a spreadsheet", "judges")
    p = actions.add_parser("list", parents=[common], help="the judges with their unit, role "
                           "and conflicts of interest")
    parsing.add_competition(p)
    parsing.add_json(p)

    p = actions.add_parser("add", parents=[common], help="enrol a judge")
    parsing.add_competition(p)
    p.add_argument("--code", required=True, help="the judge's short code, e.g. J06")
    p.add_argument("--name", required=True, help="full name with titles, as on the decree")
    _details(p, adding=True)

    p = actions.add_parser("edit", parents=[common],
                           help="change a judge's details (only the options given change)")
    parsing.add_competition(p)
    p.add_argument("--code", required=True, help="the judge to change")
    p.add_argument("--new-code", metavar="CODE", help="a new code for the judge")
    p.add_argument("--name", help="full name with titles")
    _details(p, adding=False)

    for action, what in (("disable", "make a judge inactive: no new assignments; the "
                          "assignments not started yet are removed, sheets started are kept"),
                         ("enable", "make an inactive judge active again")):
        p = actions.add_parser(action, parents=[common], help=what)
        parsing.add_competition(p)
        p.add_argument("--code", required=True, help="the judge's code")

    p = actions.add_parser("import", parents=[common],
                           help="add the judges listed in a spreadsheet or CSV file, all or "
                                "nothing (columns kode, nama, instansi, perangkat daerah, "
                                "surel, telepon, peran; see docs/cli.md)")
    p.add_argument("file", metavar="FILE", help=".xlsx, .xls, .ods or .csv")
    parsing.add_competition(p)
    p.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: the first)")
    p.add_argument("--dry-run", action="store_true",
                   help="check the file and list who would be added; write nothing")


def _details(p, adding: bool) -> None:
    p.add_argument("--affiliation", help="university, office or organisation")
    units = p.add_mutually_exclusive_group()
    units.add_argument("--unit", metavar="CODE",
                       help="the government unit the judge belongs to (conflicts of interest "
                            "with its entries are then recorded automatically)")
    if not adding:
        units.add_argument("--no-unit", action="store_true", help="the judge belongs to no unit")
    p.add_argument("--email", help="e-mail address")
    p.add_argument("--phone", help="telephone number")
    p.add_argument("--role", choices=ROLES, default="judge" if adding else None,
                   help="judge, or chair of the panel (decides ties)")


def run(args) -> int:
    return {"list": list_judges, "add": add, "edit": edit, "disable": set_active,
            "enable": set_active, "import": import_file}[args.action](args)


def list_judges(args) -> int:
    from judging_app.cli.access import read
    from judging_app.cli.tables import print_json, table
    from judging_app.core.enums import JudgeRole
    from judging_app.services.assignment_queries import judge_overview

    rows = judge_overview(read(args), args.competition)
    if args.json:
        print_json({"competition": args.competition, "judges": [{
            "code": j.code, "name": j.name, "affiliation": j.affiliation, "unit": j.unit_code,
            "unit_name": j.unit_name or None, "email": j.email, "phone": j.phone,
            "role": j.role, "active": j.active, "conflicts": j.conflicts} for j in rows]})
        return 0
    if not rows:
        say(Message("cli_judges.none", competition=args.competition,
                    command="judging-app judges add / judges import"))
        return 0
    table(Message("cli_judges.header"),
          [[j.code, j.name, j.affiliation, j.unit_code, JudgeRole(j.role),
            ACTIVE if j.active else INACTIVE, j.conflicts]
           for j in rows])
    return 0


def _conflict_note(args, code: str) -> None:
    from judging_app.cli.access import read
    from judging_app.services.assignment_queries import conflicts_of_judge

    found = conflicts_of_judge(read(args), args.competition, code)
    if found:
        say(Message("cli_judges.conflicts", judge=code, count=len(found)))


def add(args) -> int:
    from judging_app.cli.access import workspace
    from judging_app.core.enums import JudgeRole
    from judging_app.services import judges

    data = judges.JudgeInput(args.code, args.name, args.affiliation or "", args.unit,
                             args.email or "", args.phone or "", JudgeRole(args.role))
    added = judges.add_judge(workspace(args), args.competition, data)
    say(Message("cli_judges.added", code=added.code, name=added.name))
    if added.unit_code:
        _conflict_note(args, added.code)
    return 0


def _current(ws, args):
    """The judge --code names, and their details as an input to change."""
    from judging_app.core.enums import JudgeRole
    from judging_app.services import judges

    j = judges.get_judge(ws.db, args.competition, args.code)
    return j, judges.JudgeInput(j.code, j.name, j.affiliation, j.unit_code, j.email, j.phone,
                                JudgeRole(j.role), j.active)


def edit(args) -> int:
    import dataclasses

    from judging_app.cli.access import workspace
    from judging_app.core.enums import JudgeRole
    from judging_app.services import judges

    ws = workspace(args)
    j, data = _current(ws, args)
    given = {"code": args.new_code, "name": args.name, "affiliation": args.affiliation,
             "unit": args.unit, "email": args.email, "phone": args.phone,
             "role": JudgeRole(args.role) if args.role else None}
    data = dataclasses.replace(data, **{k: v for k, v in given.items() if v is not None})
    if args.no_unit:
        data = dataclasses.replace(data, unit=None)
    judges.edit_judge(ws, args.competition, args.code, data)
    say(Message("cli_judges.changed", code=data.code))
    if data.unit != j.unit_code and data.unit:
        _conflict_note(args, data.code)
    return 0


def set_active(args) -> int:
    import dataclasses

    from judging_app.cli.access import workspace
    from judging_app.services import judges

    ws = workspace(args)
    j, data = _current(ws, args)
    active = args.action == "enable"
    dropped = judges.edit_judge(ws, args.competition, j.code,
                                dataclasses.replace(data, active=active))
    say(Message("cli_judges.enabled", code=j.code) if active else
        Message("cli_judges.disabled", code=j.code))
    if dropped:
        say(Message("cli_judges.assignments_removed", count=len(dropped), keys=dropped))
    return 0


def import_file(args) -> int:
    from pathlib import Path

    from judging_app.cli.tables import table
    from judging_app.core.enums import JudgeRole
    from judging_app.services import judge_import

    if args.dry_run:
        from judging_app.cli.access import read

        preview = judge_import.preview_judge_import(read(args), args.competition,
                                                    Path(args.file), args.sheet)
        rows = [(j.code, j.name, j.unit, j.role) for j in preview.judges]
        say(Message("cli_judges.would_import", source=preview.source, count=len(rows)))
    else:
        from judging_app.cli.access import workspace

        added = judge_import.import_judges(workspace(args), args.competition, Path(args.file),
                                           args.sheet)
        rows = [(j.code, j.name, j.unit_code, j.role) for j in added]
        say(Message("cli_judges.imported", source=Path(args.file).name, count=len(rows)))
    table(Message("cli_judges.header_import"),
          [[code, name, unit, JudgeRole(role)] for code, name, unit, role in rows])
    return 0
