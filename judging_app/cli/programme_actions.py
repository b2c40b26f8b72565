"""The actions of `judging-app programme` (parsed in cli/programme_commands.py)."""

from __future__ import annotations

from judging_app.cli import programme_text as text
from judging_app.cli.access import open_db as _open
from judging_app.cli.access import workspace as _workspace
from judging_app.cli.commands import output_language
from judging_app.cli.programme_commands import (
    codes,
    dump,
    parse_day,
    read_path,
    say,
    write_json_or_text,
)
from judging_app.core.messages import Message


def document_language(args) -> str:
    """Documents are Indonesian unless --lang says otherwise (like `export`)."""
    return getattr(args, "lang", None) or "id"


def run(args) -> int:
    return ACTIONS[args.action](args)


def units(args) -> int:
    from judging_app.services import registry
    from judging_app.services.programme_json import unit_json

    found = registry.list_registry_units(_open(args))
    write_json_or_text(args, {"units": [unit_json(u) for u in found]},
                       text.units_text(found, output_language(args)))
    return 0


def import_units(args) -> int:
    from judging_app.services import registry_import

    path, on = read_path(args.file), parse_day(args.effective, "--effective")
    if args.dry_run:
        plan = registry_import.preview_unit_import(_open(args), path, args.sheet)
    else:
        plan = registry_import.import_unit_list(_workspace(args), path, args.sheet, on)
    lang = output_language(args)
    print(text.import_text(plan, lang, dry_run=args.dry_run))
    return 0 if plan.ok else 1


def unit(args) -> int:
    from judging_app.services import registry

    ws = _workspace(args)
    action = args.unit_action
    if action == "add":
        registry.add_registry_unit(ws, args.code, args.name, args.kind,
                                   parse_day(args.established, "--established"))
        say(args, Message("programme.cli_unit_added", unit=args.code.strip()))
    elif action == "rename":
        changed = registry.rename_registry_unit(ws, args.unit, args.name,
                                                parse_day(args.on, "--from"), args.kind)
        say(args, Message("programme.cli_unit_renamed", unit=args.unit) if changed
            else Message("programme.cli_nothing_changed"))
    elif action == "merge":
        registry.merge_registry_unit(ws, args.unit, args.into, parse_day(args.on, "--on"))
        say(args, Message("programme.cli_unit_merged", unit=args.unit, into=args.into))
    else:
        registry.end_registry_unit(ws, args.unit, parse_day(args.on, "--on"))
        say(args, Message("programme.cli_unit_ended", unit=args.unit))
    return 0


def link(args) -> int:
    from judging_app.services import programme_matches

    ws = _workspace(args)
    if args.add_units:
        added = programme_matches.add_register_units(ws, args.competition)
        say(args, Message("programme.cli_units_added", count=added, competition=args.competition))
    report = programme_matches.link(ws, args.competition)
    print(text.link_text(report, output_language(args)))
    return 0


def matches(args) -> int:
    from dataclasses import asdict

    from judging_app.services import programme_matches

    found = programme_matches.pending(_open(args), args.competition)
    write_json_or_text(args, {"units": [asdict(u) for u in found.units],
                              "entries": [asdict(e) for e in found.entries]},
                       text.matches_text(found, output_language(args)))
    return 0


def confirm(args) -> int:
    from judging_app.cli.programme_commands import usage_error
    from judging_app.core.programme import InnovationRelation
    from judging_app.services import programme_matches as m

    ws, comp = _workspace(args), args.competition
    if args.unit:
        if args.new or args.develops:
            raise usage_error(Message("programme.cli_unit_options"))
        if args.reject:
            m.reject_unit(ws, comp, args.unit)
            say(args, Message("programme.cli_unit_rejected", unit=args.unit))
            return 0
        report = (m.register_unit(ws, comp, args.unit, args.code) if args.register
                  else m.confirm_unit(ws, comp, args.unit, args.to))
        say(args, Message("programme.cli_unit_linked", unit=args.unit,
                          entries=report.entries_linked, proposed=report.entries_proposed))
        return 0
    if args.reject or args.register:
        raise usage_error(Message("programme.cli_entry_options"))
    if args.new:
        code = m.new_innovation_for_entry(ws, comp, args.entry)
    else:
        relation = InnovationRelation.DEVELOPS if args.develops else None
        m.confirm_entry(ws, comp, args.entry, args.to, relation)
        code = args.to or "-"
    say(args, Message("programme.cli_entry_linked", entry=args.entry, innovation=code))
    return 0


def innovations(args) -> int:
    from dataclasses import asdict

    from judging_app.services import innovations as inno

    found = inno.list_innovations(_open(args), args.unit)
    if args.year is not None:
        found = [i for i in found if args.year in i.years or i.first_year == args.year]
    write_json_or_text(args, {"innovations": [asdict(i) for i in found]},
                       text.innovations_text(found, output_language(args)))
    return 0


def innovation(args) -> int:
    from judging_app.services import innovations as inno

    code = inno.add_innovation(_workspace(args), args.unit, args.title, args.year, args.summary)
    say(args, Message("programme.cli_innovation_added", innovation=code))
    return 0


def status(args) -> int:
    from judging_app.core.programme import InnovationState
    from judging_app.services import innovations as inno

    ws = _workspace(args)
    if args.remove:
        inno.remove_status(ws, args.innovation, args.year)
    else:
        state = InnovationState.CONTINUED if args.continued else InnovationState.STOPPED
        inno.record_status(ws, args.innovation, args.year, state, codes(args.replicated_by),
                           args.note)
    say(args, Message("programme.cli_status_recorded", innovation=args.innovation,
                      year=args.year))
    return 0


def level(args) -> int:
    from judging_app.core.programme import CompetitionLevel
    from judging_app.services import innovations as inno

    if args.set:
        inno.set_competition_level(_workspace(args), args.competition, CompetitionLevel(args.set))
    found = inno.competition_level(_open(args), args.competition)
    say(args, Message("programme.cli_level", competition=args.competition, level=found))
    return 0


def compliance(args) -> int:
    from judging_app.services import compliance as comp
    from judging_app.services.programme_json import compliance_json

    db = _open(args)
    report = comp.compliance(db, args.year)
    lang = output_language(args)
    if args.out:
        from judging_app.services.programme_documents import export_compliance

        export_compliance(db, args.year, read_path(args.out), document_language(args), report)
    if args.json:
        dump(compliance_json(report))
    else:
        print(text.compliance_text(report, lang))
    if args.out and not args.json:
        say(args, Message("programme.cli_wrote", file=args.out))
    return 0


def history(args) -> int:
    from judging_app.services.programme_json import history_json
    from judging_app.services.unit_history import unit_history

    found = unit_history(_open(args), args.unit)
    write_json_or_text(args, history_json(found), text.history_text(found, output_language(args)))
    return 0


def catalogue(args) -> int:
    from judging_app.services.catalogue import write_catalogue

    report = write_catalogue(_open(args), read_path(args.out), args.year,
                             args.include_contacts, document_language(args))
    say(args, Message("programme.cli_catalogue", count=report.innovations,
                      index=str(report.index), workbook=str(report.workbook)))
    return 0


def demo(args) -> int:
    from judging_app.demo.programme import build_programme_demo

    summary = build_programme_demo(_workspace(args), seed=args.seed,
                                   first_year=getattr(args, "first_year", 2024),
                                   units=getattr(args, "units", 48))
    print(text.demo_text(summary, output_language(args)))
    return 0


ACTIONS = {
    "units": units, "import-units": import_units, "unit": unit, "link": link,
    "matches": matches, "confirm": confirm, "innovations": innovations,
    "innovation": innovation, "status": status, "level": level, "compliance": compliance,
    "history": history, "catalogue": catalogue, "demo": demo,
}
