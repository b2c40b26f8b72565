"""`judging-app sheets show|submit|reopen` and `judging-app progress`: score sheets one by
one (services/sheets.py) and how far judging is (services/progress.py), as the Progress
view."""

from __future__ import annotations

from judging_app.cli import parsing
from judging_app.cli.say import say
from judging_app.core.messages import Message

ROUND_HELP = ("the scored round (default: the last round with assignments, else the first "
              "scored round)")


def add_parsers(sub, common) -> None:
    actions = parsing.area(sub, "sheets", "score sheets one by one: show, submit, reopen",
                           "sheets")
    for name, what in (("show", "one judge's sheet for one entry: state, scores, comments"),
                       ("submit", "submit a complete draft sheet (it is then locked)"),
                       ("reopen", "unlock a submitted sheet so that it can be corrected "
                                  "(recorded as a decision, with the reason)")):
        p = actions.add_parser(name, parents=[common], help=what)
        parsing.add_competition(p)
        parsing.add_round(p, required=True)
        p.add_argument("--judge", required=True, metavar="CODE", help="the judge")
        p.add_argument("--entry", required=True, metavar="CODE", help="the entry")
        if name == "reopen":
            p.add_argument("--reason", required=True, help="why the sheet must change")
        if name == "show":
            parsing.add_json(p)
    p = sub.add_parser("progress", parents=[common],
                       help="how far judging is: sheets per judge, entries still missing some")
    p.set_defaults(module="sheets", action="progress")
    parsing.add_competition(p)
    p.add_argument("--round", metavar="CODE", help=ROUND_HELP)
    parsing.add_json(p)


def run(args) -> int:
    return {"show": _show, "submit": _change, "reopen": _change,
            "progress": _progress}[args.action](args)


def _sheet_json(sheet) -> dict:
    return {"round": sheet.round_code, "judge": sheet.judge_code, "entry": sheet.entry_code,
            "state": sheet.state, "version": sheet.version, "source": sheet.source,
            "scores": {c: str(v) for c, v in sheet.scores.items()},
            "comments": sheet.comments, "overall_comment": sheet.overall_comment,
            "reopened_reason": sheet.reopened_reason or None}


def _show(args) -> int:
    from judging_app.cli.access import read
    from judging_app.cli.tables import print_json, table
    from judging_app.core.enums import SheetState
    from judging_app.services.sheets import get_sheet

    sheet = get_sheet(read(args), args.competition, args.round, args.judge, args.entry)
    if args.json:
        print_json(_sheet_json(sheet) if sheet else None)
        return 0
    if sheet is None:
        say(Message("cli_sheets.none", judge=args.judge, entry=args.entry, round=args.round))
        return 0
    say(Message("cli_sheets.sheet", judge=sheet.judge_code, entry=sheet.entry_code,
                round=sheet.round_code, state=SheetState(sheet.state), version=sheet.version))
    if sheet.reopened_reason:
        say(Message("cli_sheets.reopened_because", reason=sheet.reopened_reason))
    codes = list(dict.fromkeys([*sheet.scores, *sheet.comments]))  # the rubric's order
    table(Message("cli_sheets.header_sheet"),
          [[c, sheet.scores.get(c), sheet.comments.get(c, "")] for c in codes])
    if sheet.overall_comment:
        say(Message("cli_sheets.overall", comment=sheet.overall_comment))
    return 0


def _change(args) -> int:
    from judging_app.cli.access import workspace
    from judging_app.services import sheets

    ws = workspace(args)
    if args.action == "submit":
        sheets.submit_sheet(ws, args.competition, args.round, args.judge, args.entry)
        say(Message("cli_sheets.submitted", judge=args.judge, entry=args.entry))
    else:
        sheets.reopen_sheet(ws, args.competition, args.round, args.judge, args.entry,
                            args.reason)
        say(Message("cli_sheets.reopened", judge=args.judge, entry=args.entry))
    return 0


def _progress(args) -> int:
    from judging_app.cli.access import read
    from judging_app.cli.tables import print_json, table
    from judging_app.services.progress import round_progress

    data = round_progress(read(args), args.competition, args.round)
    missing = [e for e in data.entries if e.assigned and e.submitted < e.expected]
    if args.json:
        print_json({
            "competition": data.competition_code, "round": data.round_code,
            "expected": data.expected, "submitted": data.submitted, "draft": data.draft,
            "not_started": data.not_started, "percent_submitted": data.percent_submitted,
            "judges": [{"judge": j.code, "name": j.name, "active": j.active,
                        "assigned": j.assigned, "submitted": j.submitted, "draft": j.draft,
                        "not_started": j.not_started} for j in data.judges],
            "entries_missing_sheets": [{"entry": e.code, "expected": e.expected,
                                        "submitted": e.submitted, "draft": e.draft,
                                        "blocking": e.blocking} for e in missing]})
        return 0
    say(Message("cli_sheets.progress", round=data.round_code, submitted=data.submitted,
                expected=data.expected, percent=data.percent_submitted, draft=data.draft,
                missing=data.not_started))
    table(Message("cli_sheets.header_judges"),
          [[j.code, j.assigned, j.submitted, j.draft, j.not_started, f"{j.percent_submitted}%",
            j.name] for j in data.judges])
    if missing:
        say("")
        say(Message("cli_sheets.entries_missing", count=len(missing)))
        table(Message("cli_sheets.header_entries"),
              [[e.code, e.expected, e.submitted, e.draft] for e in missing])
    if data.unassigned_entries:
        say(Message("cli_sheets.unassigned", count=len(data.unassigned_entries)))
    return 0
