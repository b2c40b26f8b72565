"""`judging-app competition …`: competitions in the database, new ones from templates or
files, their setup shown, replaced or exported, their documents' letterhead, and their life
(status moves, a rubric reopened): services/competitions.py, services/templates.py, as the
competition list, the Setup view and its status buttons."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from judging_app.cli import parsing
from judging_app.cli.access import (
    UsageError,
    open_db,
    out_file,
    read,
    workspace,
)
from judging_app.cli.parsing import add_competition
from judging_app.cli.say import say
from judging_app.cli.tables import print_json
from judging_app.core.enums import CompetitionStatus
from judging_app.core.messages import Message


def add_parsers(sub, common) -> None:
    comp = sub.add_parser("competition", help="competitions: list, create, show, status, "
                          "import, export, documents, update")
    comp.set_defaults(module="competition_cli")
    csub = comp.add_subparsers(dest="action", metavar="ACTION", required=True)
    parsing.add_json(csub.add_parser("list", parents=[common], help="competitions in the database"))
    parsing.add_json(csub.add_parser("templates", parents=[common],
                                     help="templates shipped with the app"))
    p = csub.add_parser("create", parents=[common], help="create from a template or a file")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--template", metavar="NAME",
                     help="a template shipped with the app (see: competition templates)")
    src.add_argument("--file", metavar="FILE.json",
                     help="a competition file (docs/competition-file.md)")
    p.add_argument("--name", help="override the competition's name")
    p.add_argument("--year", type=int, help="override the year")
    p.add_argument("--code", help="short code (default: from name and year)")
    p = csub.add_parser("export", parents=[common], help="write a competition's setup file")
    add_competition(p)
    p.add_argument("--out", required=True, metavar="FILE.json", help="where to write it")
    p = csub.add_parser("documents", parents=[common],
                        help="show or set the letterhead, head of region, place, numbers and "
                             "time zone of the competition's documents")
    add_competition(p)
    for name, what in (("government", "first line of the letterhead (PEMERINTAH KOTA …)"),
                       ("office", "second line (the office)"), ("address", "address line"),
                       ("head-title", "WALI KOTA, BUPATI, GUBERNUR or another title"),
                       ("region", "the region's name after the title"),
                       ("head-name", "who signs the decree"), ("head-nip", "their NIP"),
                       ("place", "where documents are issued"),
                       ("minutes-number", "Nomor of the minutes"),
                       ("decree-number", "NOMOR of the decree (winners list)"),
                       ("time-zone", "Asia/Jakarta (WIB), Asia/Makassar (WITA), "
                                     "Asia/Jayapura (WIT)")):
        p.add_argument(f"--{name}", dest=name.replace("-", "_"), metavar="TEXT", help=what)
    logo = p.add_mutually_exclusive_group()
    logo.add_argument("--logo", metavar="FILE.png", help="the logo (PNG or JPEG, at most 512 KB)")
    logo.add_argument("--no-logo", action="store_true", help="remove the logo")
    p = csub.add_parser("import", parents=[common], help="create a competition from a setup file")
    p.add_argument("file", metavar="FILE.json", help="a competition file "
                   "(docs/competition-file.md)")
    p.add_argument("--code", help="short code (default: from name and year)")
    add_actions(csub, common)
    from judging_app.cli.programme_commands import add_forward_parser

    add_forward_parser(csub, common)


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

    if args.action == "forward":
        from judging_app.cli.programme_commands import cmd_forward

        return cmd_forward(args)

    if args.action in ("list", "templates", "create", "import", "export", "documents"):
        return _files(args)
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


def _templates(args, infos) -> int:
    """The templates shipped with the app: key and name (in --lang), or --json with both
    languages' names and descriptions."""
    from judging_app.cli.say import language

    if args.json:
        print_json({"templates": [dataclasses.asdict(info) for info in infos]})
        return 0
    english = language() == "en"
    for info in infos:
        print(f"{info.key}\t{info.name_en if english and info.name_en else info.name}")
    return 0


def _files(args) -> int:
    from judging_app.exchange import competition_file
    from judging_app.services import competitions, templates

    if args.action == "templates":
        return _templates(args, templates.list_templates())
    if args.action == "list":
        db = read(args)
        rows = competitions.list_competitions(db)
        if args.json:
            print_json({"competitions": [
                {"code": c.code, "name": c.name, "year": c.year, "status": c.status,
                 "organiser": c.organiser, "entries": c.entries, "judges": c.judges}
                for c in rows]})
            return 0
        if not rows:
            say(Message("cli.no_competitions", where=db.display_name()))
        for c in rows:
            say(Message("cli.competition_row", code=c.code, year=c.year,
                        status=_status_label(c.status), entries=c.entries, judges=c.judges,
                        name=c.name))
        return 0
    if args.action == "export":
        from judging_app.services.document_settings import get_document_settings

        db = read(args)
        setup = competitions.get_setup(db, args.competition)
        competition_file.write_competition_file(out_file(args, "competition.json"), setup,
                                                get_document_settings(db, args.competition))
        say(Message("cli.wrote", path=args.out))
        return 0
    if args.action == "documents":
        return _competition_documents(args)
    # create / import
    name, year = getattr(args, "name", None), getattr(args, "year", None)
    template = getattr(args, "template", None)
    if template and template not in [t.key for t in templates.list_templates()]:
        keys = [t.key for t in templates.list_templates()]
        raise UsageError(Message("competitions.no_template", name=template, choices=keys))
    ws = workspace(args)
    if template:
        summary = templates.create_from_template(ws, template, name=name, year=year, code=args.code)
    else:
        summary = templates.create_from_file(ws, Path(args.file), name=name, year=year, code=args.code)
    say(Message("cli.competition_created", code=summary.code, name=summary.name,
                year=summary.year))
    return 0


DOCUMENT_OPTIONS = ("government", "office", "address", "head_title", "region", "head_name",
                    "head_nip", "place", "minutes_number", "decree_number", "time_zone")


def _competition_documents(args) -> int:
    """Show, or change, how the competition's documents are headed and signed."""
    from judging_app.services import document_settings

    db = open_db(args)
    current = document_settings.get_document_settings(db, args.competition)
    changes = {k: getattr(args, k) for k in DOCUMENT_OPTIONS if getattr(args, k) is not None}
    if args.logo is not None:
        try:
            changes["logo"] = Path(args.logo).read_bytes()
        except OSError as exc:  # in words, not the system's English (exc.strerror)
            from judging_app.core.messages import Message, os_error_message
            from judging_app.services.errors import ValidationError

            raise ValidationError(Message("documents.logo_unreadable",
                                          problem=os_error_message(exc, args.logo))) from None
    if args.no_logo:
        changes["logo"] = b""
    if changes:
        current = dataclasses.replace(current, **changes)
        document_settings.set_document_settings(workspace(args), args.competition, current)
    for name in DOCUMENT_OPTIONS:
        print(f"{name}\t{getattr(current, name)}")
    say(Message("cli.documents.logo", size=len(current.logo)) if current.logo else "logo\t")
    return 0


def _status_label(value: str) -> CompetitionStatus | str:
    """A stored status by its label (an unknown one as it is)."""
    try:
        return CompetitionStatus(value)
    except ValueError:
        return value

