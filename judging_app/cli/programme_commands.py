"""`judging-app programme …` and `judging-app competition forward`: the yearly programme
from a terminal (docs/programme.md). Thin wrappers over the use cases; what they print is
rendered from message codes in the chosen language."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from judging_app.cli.commands import UsageError
from judging_app.core.messages import Message

LEVELS = ["city", "regional", "national"]


def add_programme_parser(sub, common) -> None:
    prog = sub.add_parser("programme", help="the yearly programme: register of units and "
                          "innovations, compliance, monitoring, history, catalogue")
    prog.set_defaults(module="programme_cli")
    psub = prog.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = psub.add_parser("units", parents=[common], help="the register of government units")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p = psub.add_parser("import-units", parents=[common],
                        help="import the city's list of government units (.xlsx, .xls, .ods, "
                             ".csv; all or nothing)")
    p.add_argument("file", metavar="FILE", help="the list: code, name, kind, established")
    p.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: the first)")
    p.add_argument("--effective", metavar="YYYY-MM-DD", help="renames take effect on this day "
                   "(default: today)")
    p.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    unit = psub.add_parser("unit", help="add, rename, merge or end one unit of the register")
    usub = unit.add_subparsers(dest="unit_action", metavar="ACTION", required=True)
    p = usub.add_parser("add", parents=[common], help="a new unit in the register")
    p.add_argument("--code", required=True, help="the unit's stable code")
    p.add_argument("--name", required=True, help="its name")
    p.add_argument("--kind", default="", help="dinas, badan, kecamatan, …")
    p.add_argument("--established", metavar="YYYY-MM-DD", help="since when it exists")
    p = usub.add_parser("rename", parents=[common], help="a new name from a date on")
    p.add_argument("--unit", required=True, metavar="CODE", help="the unit's code")
    p.add_argument("--name", required=True, help="the new name")
    p.add_argument("--from", dest="on", required=True, metavar="YYYY-MM-DD",
                   help="the day the new name takes effect")
    p.add_argument("--kind", help="a new kind too (dinas, badan, kecamatan, …)")
    p = usub.add_parser("merge", parents=[common], help="merged into another unit on a date")
    p.add_argument("--unit", required=True, metavar="CODE", help="the unit merged away")
    p.add_argument("--into", required=True, metavar="CODE", help="its successor")
    p.add_argument("--on", required=True, metavar="YYYY-MM-DD", help="the day of the merger")
    p = usub.add_parser("end", parents=[common], help="dissolved on a date (no successor)")
    p.add_argument("--unit", required=True, metavar="CODE", help="the unit's code")
    p.add_argument("--on", required=True, metavar="YYYY-MM-DD", help="the day it ended")
    p = psub.add_parser("link", parents=[common],
                        help="match a competition's units and entries to the register")
    p.add_argument("--competition", required=True, metavar="CODE", help="the competition")
    p.add_argument("--add-units", action="store_true",
                   help="first give the competition the register's units it does not have")
    p = psub.add_parser("matches", parents=[common],
                        help="uncertain matches and units not in the register")
    p.add_argument("--competition", metavar="CODE", help="only this competition's")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p = psub.add_parser("confirm", parents=[common], help="decide a match (a unit or an entry)")
    p.add_argument("--competition", required=True, metavar="CODE", help="the competition")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--unit", metavar="CODE", help="the competition's unit to decide")
    what.add_argument("--entry", metavar="CODE", help="the entry to decide")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--to", metavar="CODE", help="a register unit, or an innovation")
    how.add_argument("--reject", action="store_true", help="a unit: drop the proposed match")
    how.add_argument("--register", action="store_true",
                     help="a unit: add it to the register (with --code, another code)")
    how.add_argument("--new", action="store_true", help="an entry: a new innovation of its own")
    p.add_argument("--code", help="with --register: the register code")
    p.add_argument("--develops", action="store_true",
                   help="an entry develops the innovation (default: continues it)")
    p = psub.add_parser("innovations", parents=[common], help="innovations in the register")
    p.add_argument("--unit", metavar="CODE", help="only this unit's")
    p.add_argument("--year", type=int, help="only those of this year")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p = psub.add_parser("innovation", parents=[common],
                        help="register an innovation a unit reported (without an entry)")
    p.add_argument("--unit", required=True, metavar="CODE", help="the register unit")
    p.add_argument("--title", required=True, help="the innovation's title")
    p.add_argument("--year", required=True, type=int, help="the year it was built")
    p.add_argument("--summary", default="", help="a short description (for the catalogue)")
    p = psub.add_parser("status", parents=[common],
                        help="monitoring: an innovation's status in a later year")
    p.add_argument("--innovation", required=True, metavar="CODE", help="the innovation")
    p.add_argument("--year", required=True, type=int, help="the year observed")
    state = p.add_mutually_exclusive_group(required=True)
    state.add_argument("--continued", action="store_true", help="still running that year")
    state.add_argument("--stopped", action="store_true", help="stopped that year")
    state.add_argument("--remove", action="store_true", help="remove that year's finding")
    p.add_argument("--replicated-by", metavar="U1,U2", default="",
                   help="register units that replicated it that year")
    p.add_argument("--note", default="", help="what was observed")
    p = psub.add_parser("level", parents=[common], help="a competition's level (city ones "
                        "count for compliance)")
    p.add_argument("--competition", required=True, metavar="CODE", help="the competition")
    p.add_argument("--set", choices=LEVELS, help="set it (default: show it)")
    p = psub.add_parser("compliance", parents=[common],
                        help="every unit's innovations in a year; those with none first")
    p.add_argument("--year", required=True, type=int, help="the year")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--out", metavar="FILE.xlsx|FILE.pdf", help="also write it as Excel or PDF")
    p = psub.add_parser("history", parents=[common], help="a unit's entries, awards and "
                        "innovations' status over the years")
    p.add_argument("--unit", required=True, metavar="CODE", help="the register unit")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p = psub.add_parser("catalogue", parents=[common],
                        help="the public catalogue: an offline website and an Excel copy")
    p.add_argument("--out", required=True, metavar="FOLDER", help="where the site is written")
    p.add_argument("--year", type=int, help="only this year's innovations (default: all)")
    p.add_argument("--include-contacts", action="store_true",
                   help="include innovators' names and contacts (personal data)")
    p = psub.add_parser("demo", parents=[common],
                        help="build three years of a city's programme (demo data)")
    p.add_argument("--seed", type=int, default=1, help="the same seed makes the same programme")
    p.add_argument("--units", type=int, default=48, help="government units (12–150)")
    p.add_argument("--first-year", type=int, default=2024, help="the first of the three years")


def add_forward_parser(csub, common) -> None:
    p = csub.add_parser("forward", parents=[common],
                        help="take winners or chosen entries into a regional or national "
                             "competition (all or nothing)")
    p.add_argument("--from", dest="source", required=True, metavar="CODE",
                   help="the city competition (finalized for --winners)")
    p.add_argument("--to", dest="target", required=True, metavar="CODE",
                   help="the regional or national competition (new with --template)")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--entries", metavar="E1,E2", help="these entries")
    what.add_argument("--winners", action="store_true",
                      help="the entries with an award in the finalized results")
    p.add_argument("--category", metavar="CODE", help="the target's category for all of them")
    p.add_argument("--level", choices=LEVELS[1:], help="the target's level (default: its own, "
                   "else national)")
    p.add_argument("--template", metavar="KEY",
                   help="make the target (a new code) from this template, e.g. national_kipp")
    p.add_argument("--name", help="with --template: the new competition's name")
    p.add_argument("--year", type=int,
                   help="with --template: the new competition's year (default: the source's + 1)")


class ProgrammeUsageError(UsageError):
    """A wrong use of a programme command (exit status 2), said in the chosen language."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message

    def render(self, language: str) -> str:
        return self.message.render(language)


def usage_error(message: Message) -> ProgrammeUsageError:
    return ProgrammeUsageError(message)


def parse_day(text: str | None, what: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise usage_error(Message("programme.cli_bad_date", option=what, value=text)) from None


def codes(text: str) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()]


def say(args, message: Message) -> None:
    from judging_app.cli.commands import output_language

    print(message.render(output_language(args)))


def dump(data) -> None:
    print(json.dumps(data, ensure_ascii=False, default=str))


def cmd_forward(args) -> int:
    from judging_app.cli.access import workspace as _workspace
    from judging_app.core.programme import CompetitionLevel
    from judging_app.services.forwarding import NewTarget, forward_entries

    if args.template is None and (args.name is not None or args.year is not None):
        raise usage_error(Message("programme.cli_template_options"))
    report = forward_entries(
        _workspace(args), args.source, args.target,
        entry_codes=codes(args.entries) if args.entries else None, winners=args.winners,
        category=args.category, level=CompetitionLevel(args.level) if args.level else None,
        new_target=NewTarget(args.template, args.name, args.year) if args.template else None)
    say(args, Message("programme.cli_forwarded", count=len(report.entries),
                      source=report.source, target=report.target, level=report.level))
    if report.created:
        say(args, Message("programme.cli_target_created", competition=report.target,
                          template=args.template))
    for e in report.entries:
        say(args, Message("programme.cli_forwarded_entry", entry=e.code, title=e.title,
                          category=e.category, award=e.award or "-"))
    if report.units_created:
        say(args, Message("programme.cli_units_created", units=list(report.units_created)))
    return 0


def write_json_or_text(args, data: dict, text: str) -> None:
    if args.json:
        dump(data)
    else:
        print(text)


def read_path(value: str) -> Path:
    return Path(value).expanduser()
