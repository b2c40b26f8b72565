"""`judging-app competition status|start-registration|start-judging|set-status|
reopen-rubric|update`: a competition's life (services/competitions.py, services/templates.py),
as the Setup view's status buttons and its Save. The other `competition` actions (list,
templates, create, import, export, documents) are in cli/commands.py."""

from __future__ import annotations

from judging_app.cli import parsing
from judging_app.cli.say import say
from judging_app.core.messages import Message


def add_actions(actions, common) -> None:
    def action(name: str, help_text: str):
        p = actions.add_parser(name, parents=[common], help=help_text)
        p.set_defaults(module="competition_cli")
        parsing.add_competition(p)
        return p

    p = action("show", "the setup: categories, rounds with their criteria, weights and "
                       "scales, award tiers (--json: the competition file, docs/competition-file.md)")
    parsing.add_json(p)
    p = action("status", "where the competition stands: status, entries, judges, each "
                         "round's sheets")
    parsing.add_json(p)
    action("start-registration", "open registration (draft → registration): entries can be "
                                 "registered and screened, judges enrolled and assigned")
    action("start-judging", "open judging (registration → judging): judges can score the "
                            "entries assigned to them")
    p = action("set-status", "move the competition one step back (judging → registration, "
                             "registration → draft) or forward")
    p.add_argument("status", choices=("draft", "registration", "judging"),
                   help="the status to move to (finalizing is: judging-app finalize)")
    p = action("reopen-rubric", "unlock a round's rubric to change it: its submitted sheets "
                                "go back to draft (recorded as a decision)")
    parsing.add_round(p, required=True)
    p.add_argument("--reason", required=True, help="why the rubric must change")
    p = action("update", "replace the setup (categories, rounds, criteria, awards, rules) "
                         "with a competition file's, e.g. one written by competition export "
                         "and edited")
    p.add_argument("--file", required=True, metavar="FILE.json", help="the competition file")


def run(args) -> int:
    from judging_app.core.enums import CompetitionStatus

    if args.action == "status":
        return _status(args)
    if args.action == "show":
        from judging_app.cli.competition_show import show

        return show(args)
    from judging_app.cli.access import workspace
    from judging_app.services import competitions

    ws = workspace(args)
    if args.action == "reopen-rubric":
        n = competitions.reopen_rubric(ws, args.competition, args.round, args.reason)
        say(Message("cli_competition.rubric_reopened", round=args.round, count=n))
        return 0
    if args.action == "update":
        from pathlib import Path

        from judging_app.services.templates import update_from_file

        update_from_file(ws, args.competition, Path(args.file))
        say(Message("cli_competition.updated", competition=args.competition))
        return 0
    target = CompetitionStatus({"start-registration": "registration",
                                "start-judging": "judging"}.get(args.action)
                               or args.status)
    competitions.set_status(ws, args.competition, target)
    say(Message("cli_competition.status_now", competition=args.competition, status=target))
    if target == CompetitionStatus.JUDGING:
        say(Message("cli_competition.judging_open"))
    return 0


def _status(args) -> int:
    from collections import Counter

    from judging_app.cli.access import read
    from judging_app.cli.tables import print_json, table
    from judging_app.core.enums import CompetitionStatus, EntryStatus
    from judging_app.services import competitions, progress
    from judging_app.services.entry_queries import list_entry_records
    from judging_app.services.judges import list_judges

    db = read(args)
    summary = competitions.get_summary(db, args.competition)
    by_status = Counter(e.status for e in list_entry_records(db, args.competition))
    judges = [j for j in list_judges(db, args.competition) if j.active]
    rounds = [progress.round_progress(db, args.competition, r.code)
              for r in progress.scored_rounds(db, args.competition)]
    if args.json:
        print_json({"competition": summary.code, "name": summary.name, "year": summary.year,
                    "status": summary.status,
                    "entries": {s.value: by_status.get(s.value, 0) for s in EntryStatus},
                    "active_judges": len(judges),
                    "rounds": [{"round": r.round_code, "expected": r.expected,
                                "submitted": r.submitted, "draft": r.draft,
                                "not_started": r.not_started} for r in rounds]})
        return 0
    say(Message("cli_competition.title", code=summary.code, name=summary.name,
                year=summary.year, status=CompetitionStatus(summary.status)))
    counts = [Message("cli_competition.count_of", count=by_status[s.value], status=s)
              for s in EntryStatus if by_status.get(s.value)]
    say(Message("cli_competition.entries", count=sum(by_status.values()), counts=counts)
        if counts else Message("cli_competition.no_entries"))
    say(Message("cli_competition.judges", count=len(judges)))
    table(None, [[Message("cli_competition.round", round=r.round_code),
                  Message("cli_competition.round_sheets", expected=r.expected,
                          submitted=r.submitted, draft=r.draft, missing=r.not_started)]
                 for r in rounds])
    return 0
