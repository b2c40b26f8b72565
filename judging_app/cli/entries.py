"""`judging-app entries list|show|add|edit|screen|import|template`: the entries of a
competition (services/entries.py, services/entry_import.py), as the Entries view."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from judging_app.cli import parsing
from judging_app.cli.access import (
    date_option,
    open_db,
    out_file,
    read,
    workspace,
)
from judging_app.cli.say import language, say, text
from judging_app.core.messages import Message

STAGES = ("initiative", "trial", "implementation")
TYPES = ("digital", "non_digital")
STATUSES = ("registered", "eligible", "disqualified", "withdrawn")


def add_parsers(sub, common) -> None:
    actions = parsing.area(sub, "entries", "the entries: list, show, add, edit, screen, import "
                           "from Excel/CSV, the import template, attach documents, entries "
                           "without a proposal", "entries")
    p = actions.add_parser("list", parents=[common], help="the entries with unit, category "
                           "and screening status")
    parsing.add_competition(p)
    p.add_argument("--status", choices=STATUSES, help="only entries with this status")
    p.add_argument("--category", metavar="CODE", help="only this category")
    p.add_argument("--unit", metavar="CODE", help="only this government unit")
    parsing.add_json(p)

    p = actions.add_parser("show", parents=[common], help="one entry with every detail")
    parsing.add_competition(p)
    p.add_argument("--code", required=True, help="the entry's code")
    parsing.add_json(p)

    p = actions.add_parser("add", parents=[common], help="register one entry")
    parsing.add_competition(p)
    p.add_argument("--code", required=True, help="the entry's code, e.g. INV-012")
    p.add_argument("--title", required=True, help="the innovation's title")
    p.add_argument("--unit", required=True, metavar="CODE", help="the government unit's code "
                   "(see: judging-app units list)")
    p.add_argument("--category", required=True, metavar="CODE", help="the category's code")
    _details(p, adding=True)

    p = actions.add_parser("edit", parents=[common],
                           help="change an entry's details (only the options given change)")
    parsing.add_competition(p)
    p.add_argument("--code", required=True, help="the entry to change")
    p.add_argument("--new-code", metavar="CODE", help="a new code for the entry")
    p.add_argument("--title", help="the innovation's title")
    p.add_argument("--unit", metavar="CODE", help="the government unit's code")
    p.add_argument("--category", metavar="CODE", help="the category's code")
    _details(p, adding=False)

    p = actions.add_parser("screen", parents=[common],
                           help="administrative screening: mark entries eligible, "
                                "disqualified (with a reason) or withdrawn")
    parsing.add_competition(p)
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--eligible", metavar="E1,E2", type=parsing.codes,
                      help="entries that meet the requirements")
    what.add_argument("--remaining-eligible", action="store_true",
                      help="every entry not screened yet (still registered) meets them")
    what.add_argument("--disqualify", metavar="E1,E2", type=parsing.codes,
                      help="entries disqualified (needs --reason; recorded as a decision)")
    what.add_argument("--withdraw", metavar="E1,E2", type=parsing.codes,
                      help="entries withdrawn by their unit (needs --reason)")
    p.add_argument("--reason", default="", help="why (for --disqualify and --withdraw)")

    p = actions.add_parser("import", parents=[common],
                           help="import entries from .xlsx, .xls, .ods or .csv (all or nothing)")
    p.add_argument("file", metavar="FILE", help="the filled entry template, or any list with "
                   "its columns (docs/entry-import.md)")
    parsing.add_competition(p)
    p.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: the first)")
    p.add_argument("--create-units", action="store_true",
                   help="create the government units the file names that do not exist yet")
    p.add_argument("--dry-run", action="store_true",
                   help="check the file and show what would be imported; write nothing")
    p = actions.add_parser("template", parents=[common], help="write the entry import template")
    parsing.add_competition(p)
    p.add_argument("--out", required=True, metavar="FILE.xlsx", help="where to write it")
    from judging_app.cli.documents_cli import add_document_parsers

    add_document_parsers(actions, common)


def _details(p, adding: bool) -> None:
    p.add_argument("--innovators", help="the innovators' names")
    p.add_argument("--contact", help="contact person, telephone or e-mail")
    p.add_argument("--stage", choices=STAGES, default="implementation" if adding else None,
                   help="stage of the innovation (inisiatif, uji coba, penerapan)")
    p.add_argument("--type", dest="innovation_type", choices=TYPES,
                   default="digital" if adding else None, help="digital or non-digital")
    p.add_argument("--started", metavar="YYYY-MM-DD", help="when the innovation started")
    p.add_argument("--summary", help="a short description")
    p.add_argument("--links", help="links to evidence documents (bukti dukung), one per line")


def run(args) -> int:
    if args.action in ("import", "template", "attach", "missing-documents"):
        return _files(args)
    return {"list": list_entries, "show": show, "add": add, "edit": edit,
            "screen": screen}[args.action](args)


def entry_json(e) -> dict:
    return {"code": e.code, "title": e.title, "unit": e.unit_code, "unit_name": e.unit_name,
            "category": e.category_code, "category_name": e.category_name,
            "innovators": e.innovators, "contact": e.contact, "stage": e.stage,
            "type": e.innovation_type,
            "started_on": e.started_on.isoformat() if e.started_on else None,
            "summary": e.summary, "links": e.links.splitlines() if e.links else [],
            "status": e.status, "status_reason": e.status_reason}


def list_entries(args) -> int:
    from judging_app.cli.access import read
    from judging_app.cli.tables import print_json, table
    from judging_app.core.enums import EntryStatus
    from judging_app.services.entry_queries import list_entry_records

    rows = [e for e in list_entry_records(read(args), args.competition)
            if (args.status is None or e.status == args.status)
            and (args.category is None or e.category_code == args.category)
            and (args.unit is None or e.unit_code == args.unit)]
    if args.json:
        print_json({"competition": args.competition, "entries": [entry_json(e) for e in rows]})
        return 0
    if not rows:
        say(Message("cli_entries.none", competition=args.competition,
                    command="judging-app entries import / entries add"))
        return 0
    table(Message("cli_entries.header"),
          [[e.code, e.unit_code, e.category_code, EntryStatus(e.status), e.title,
            e.status_reason] for e in rows])
    say(Message("cli_entries.count", count=len(rows)))
    return 0


def _status(status, reason: str) -> object:
    return Message("cli_entries.status_reason", status=status, reason=reason) if reason else status


def show(args) -> int:
    from judging_app.cli.access import read
    from judging_app.cli.tables import print_json, table
    from judging_app.core.enums import EntryStatus, InnovationStage, InnovationType
    from judging_app.services.entries import get_entry

    e = get_entry(read(args), args.competition, args.code)
    if args.json:
        print_json(entry_json(e))
        return 0
    values = [e.code, e.title, f"{e.unit_code} — {e.unit_name}",
              f"{e.category_code} — {e.category_name}",
              _status(EntryStatus(e.status), e.status_reason), e.innovators, e.contact,
              InnovationStage(e.stage), InnovationType(e.innovation_type), e.started_on,
              e.summary, e.links]
    labels = text(Message("cli_entries.labels")).split("|")
    table(None, [[label, value] for label, value in zip(labels, values, strict=True)])
    return 0


def _date(value: str | None):
    if value is None:
        return None
    return date_option(value)


def add(args) -> int:
    from judging_app.cli.access import workspace
    from judging_app.services import entries

    data = entries.EntryInput(args.code, args.title, args.unit, args.category,
                              args.innovators or "", args.contact or "", args.stage,
                              args.innovation_type, _date(args.started), args.summary or "",
                              args.links or "")
    added = entries.add_entry(workspace(args), args.competition, data)
    say(Message("cli_entries.added", code=added.code, title=added.title))
    return 0


def edit(args) -> int:

    from judging_app.cli.access import workspace
    from judging_app.services import entries

    ws = workspace(args)
    e = entries.get_entry(ws.db, args.competition, args.code)
    data = entries.EntryInput(e.code, e.title, e.unit_code, e.category_code, e.innovators,
                              e.contact, e.stage, e.innovation_type, e.started_on, e.summary,
                              e.links)
    given = {"code": args.new_code, "title": args.title, "unit": args.unit,
             "category": args.category, "innovators": args.innovators,
             "contact": args.contact, "stage": args.stage,
             "innovation_type": args.innovation_type, "started_on": _date(args.started),
             "summary": args.summary, "links": args.links}
    data = dataclasses.replace(data, **{k: v for k, v in given.items() if v is not None})
    changed = entries.edit_entry(ws, args.competition, args.code, data)
    say(Message("cli_entries.changed", code=changed.code))
    return 0


def screen(args) -> int:
    from judging_app.cli.access import workspace
    from judging_app.core.enums import EntryStatus
    from judging_app.services import entries

    ws = workspace(args)
    if args.remaining_eligible:
        from judging_app.services.entry_queries import list_entry_records

        codes = [e.code for e in list_entry_records(ws.db, args.competition)
                 if e.status == EntryStatus.REGISTERED]
        status = EntryStatus.ELIGIBLE
    else:
        status, codes = next((s, getattr(args, name)) for name, s in (
            ("eligible", EntryStatus.ELIGIBLE), ("disqualify", EntryStatus.DISQUALIFIED),
            ("withdraw", EntryStatus.WITHDRAWN)) if getattr(args, name) is not None)
    changed = entries.set_entry_status(ws, args.competition, codes, status, args.reason)
    say(Message("cli_entries.screened", count=changed, status=status)
        if changed == len(codes) else
        Message("cli_entries.screened_some", count=changed, status=status, total=len(codes)))
    return 0


def _files(args) -> int:
    if args.action in ("attach", "missing-documents"):
        from judging_app.cli.documents_cli import run_documents

        return run_documents(args, lambda: workspace(args), lambda: open_db(args),
                             language())
    if args.action == "template":
        from judging_app.exchange.entry_template import write_entry_template
        from judging_app.services import competitions, entries

        db = read(args)
        setup = competitions.get_setup(db, args.competition)
        out = write_entry_template(out_file(args, "entries.xlsx"), setup, entries.list_units(db, args.competition),
                                   lang=args.lang or "id")
        say(Message("cli.wrote", path=str(out)))
        return 0
    from judging_app.services.entry_import import import_entries, preview_entry_import

    if args.dry_run:
        preview = preview_entry_import(read(args), args.competition, Path(args.file), args.sheet)
        if preview.columns:
            found = dict(source=preview.source, row=preview.header_row, count=len(preview.rows))
            say(Message("cli.entries.preview_sheet", sheet=preview.sheet, **found)
                if preview.sheet else Message("cli.entries.preview", **found))
        for code, n in sorted(preview.by_category.items()):
            say(Message("cli.entries.category", code=code, count=n))
        for u in preview.new_units:
            unit = dict(code=u.code, name=u.name, rows=u.rows, first=u.first_row)
            say(Message("cli.entries.new_unit_similar", similar=u.similar, **unit)
                if u.similar else Message("cli.entries.new_unit", **unit))
        for note in preview.notes:
            say(Message("cli.note", note=note))
        for line in preview.problem_messages():
            say(Message("cli.problem", problem=line), err=True)
        return 0 if preview.ok else 1
    report = import_entries(workspace(args), args.competition, Path(args.file),
                            sheet=args.sheet, create_units=args.create_units)
    done = dict(count=report.entries, source=report.source)
    say(Message("cli.entries.imported_sheet", sheet=report.sheet, **done)
        if report.sheet else Message("cli.entries.imported", **done))
    for u in report.units_created:
        say(Message("cli.entries.unit_created", code=u.code, name=u.name))
    for note in report.notes:
        say(Message("cli.note", note=note))
    return 0

