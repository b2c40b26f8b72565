"""The CLI's commands: thin wrappers over the use cases. Errors go to stderr in one line
with a non-zero exit (1: refused or failed, 2: wrong usage, 3: unexpected, with a crash log;
see cli/failures.py) and say what is wrong and where."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from judging_app.cli.say import language, say, text, use_language
from judging_app.core.enums import AdvancementKind, CompetitionStatus
from judging_app.core.messages import Message, MessageError, Text


class UsageError(MessageError):
    """The command was used wrongly (exit status 2)."""


def _open(args, *, create: bool = True):
    """The database --db names (the default file without it). A read-only command
    (`create=False`) never creates a file or a folder for a mistyped --db path; no command
    creates a missing folder for one. On a server URL without a user name, `--user`
    signs in as that person's login (cli/security_commands.server_url)."""
    from judging_app.cli.security_commands import server_url
    from judging_app.core.messages import Message
    from judging_app.store.database import DatabaseOpenError, open_database

    if args.db is not None and "://" not in args.db:
        folder = Path(args.db).expanduser().resolve().parent
        if not folder.is_dir():
            raise DatabaseOpenError(Message("failure.no_folder", path=str(folder)))
    return open_database(server_url(args, args.db), create=create or args.db is None)


def _read(args):
    """The database for a command that only reads."""
    return _open(args, create=False)


def _out_file(args, example: str) -> Path:
    """--out as a file path: a folder given there is refused before anything is written."""
    from judging_app.core.messages import Message
    from judging_app.services.errors import ServiceError

    out = Path(args.out)
    if out.is_dir():
        raise ServiceError(Message("failure.folder_given", path=str(out),
                                   example=str(out / example)))
    return out


def _workspace(args):
    """Who is working, signed in (cli/security_commands.py): nothing is remembered."""
    from judging_app.cli.security_commands import workspace

    return workspace(args, _open(args))


def cmd_demo(args) -> int:
    from judging_app.demo.generator import build_demo, check_size

    check_size(args.entries, args.judges, args.judges_per_entry)
    ws = _workspace(args)
    summary = build_demo(ws, entries=args.entries, judges=args.judges, seed=args.seed,
                         scored=args.scored, judges_per_entry=args.judges_per_entry)
    say(Message("cli.demo.made", code=summary.code, where=ws.db.display_name()))
    for line in demo_lines(summary):
        say(line)
    return 0


def demo_lines(summary) -> list[Message]:
    """The demo's summary in words, one line per figure (none for what it does not have)."""
    s = summary
    lines = [Message("cli.demo.number", value=s.competition_id),
             Message("cli.demo.round", value=s.round_code),
             Message("cli.demo.seed", value=s.seed),
             Message("cli.demo.units", value=s.units),
             Message("cli.demo.entries", value=s.entries),
             Message("cli.demo.eligible", value=s.eligible),
             Message("cli.demo.judges", value=s.judges),
             Message("cli.demo.conflicts", value=s.conflicts),
             Message("cli.demo.assignments", value=s.assignments)]
    if s.sheets:
        lines += [Message("cli.demo.sheets", value=s.sheets),
                  Message("cli.demo.draft_sheets", value=s.draft_sheets),
                  Message("cli.demo.scores", value=s.scores)]
    if s.declared_conflict:
        judge, entry = s.declared_conflict
        lines.append(Message("cli.demo.declared_conflict", judge=judge, entry=entry))
    if s.lenient_judges:
        lines.append(Message("cli.demo.lenient_judges", codes=list(s.lenient_judges)))
    if s.severe_judges:
        lines.append(Message("cli.demo.severe_judges", codes=list(s.severe_judges)))
    if s.tie_pairs:
        lines.append(Message("cli.demo.tie_pairs", pairs=[f"{a} = {b}" for a, b in s.tie_pairs]))
    return lines


def cmd_competition(args) -> int:
    from judging_app.exchange import competition_file
    from judging_app.services import competitions, templates

    if args.action == "templates":
        for info in templates.list_templates():
            print(f"{info.key}\t{info.name}")
        return 0
    if args.action == "list":
        db = _read(args)
        rows = competitions.list_competitions(db)
        if not rows:
            say(Message("cli.no_competitions", where=db.display_name()))
        for c in rows:
            say(Message("cli.competition_row", code=c.code, year=c.year,
                        status=_status(c.status), entries=c.entries, judges=c.judges,
                        name=c.name))
        return 0
    if args.action == "export":
        from judging_app.services.document_settings import get_document_settings

        db = _read(args)
        setup = competitions.get_setup(db, args.competition)
        competition_file.write_competition_file(_out_file(args, "competition.json"), setup,
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
    ws = _workspace(args)
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

    db = _open(args)
    current = document_settings.get_document_settings(db, args.competition)
    changes = {k: getattr(args, k) for k in DOCUMENT_OPTIONS if getattr(args, k) is not None}
    if args.logo is not None:
        try:
            changes["logo"] = Path(args.logo).read_bytes()
        except OSError as exc:
            from judging_app.core.messages import Message
            from judging_app.services.errors import ValidationError

            raise ValidationError(Message("documents.logo_unreadable", path=args.logo,
                                          reason=exc.strerror or str(exc))) from None
    if args.no_logo:
        changes["logo"] = b""
    if changes:
        current = dataclasses.replace(current, **changes)
        document_settings.set_document_settings(_workspace(args), args.competition, current)
    for name in DOCUMENT_OPTIONS:
        print(f"{name}\t{getattr(current, name)}")
    say(Message("cli.documents.logo", size=len(current.logo)) if current.logo else "logo\t")
    return 0


def cmd_scores(args) -> int:
    from judging_app.services.score_import import import_paper_scores

    ws = _workspace(args)
    report = import_paper_scores(ws, args.competition, Path(args.file), submit=not args.draft)
    say(Message("cli.scores_imported", scores=report.scores, sheets=report.sheets,
                submitted=report.submitted, created=report.created, updated=report.updated,
                unchanged=report.unchanged))
    return 0


def cmd_db(args) -> int:
    from judging_app.services import maintenance
    from judging_app.store.schema_version import SCHEMA_HEAD

    writes = args.action == "upgrade" or getattr(args, "repair", False)
    db = _open(args) if writes else _read(args)
    if args.action == "upgrade":
        say(Message("cli.db.at_schema", where=db.display_name(), head=SCHEMA_HEAD))
        if db.backup_path:
            say(Message("cli.db.previous_copied", path=str(db.backup_path)))
        return 0
    if args.action == "backup":
        out = maintenance.backup_database(db, Path(args.out))
        say(Message("cli.db.backup_written", path=str(out)))
        return 0
    from judging_app.cli import security_commands as sc

    if args.action == "verify-totals":
        wrong = maintenance.verify_entry_totals(db, repair=args.repair)
        if not wrong:
            say(Message("cli.db.totals_ok"))
            return 0
        say(Message("cli.error", problem=Message("cli.db.totals_differ")), err=True)
        for line in wrong:
            say(f"  {text(line)}", err=True)
        if args.repair:
            say(Message("cli.db.totals_repaired"), err=True)
        return 1
    if args.action == "protect":
        return sc.cmd_protect(args, db)
    return sc.cmd_audit(args, db)


def _read_only_sqlite(args):
    """A read-only sqlite3 reader when --db names (or defaults to) a SQLite file already at
    this version's schema: no SQLAlchemy to start, no whole-file check. None otherwise."""
    from judging_app.store.paths import default_database_path
    from judging_app.store.rows import open_sqlite_reader

    if args.db is None:
        path = default_database_path()
    elif "://" in args.db:
        return None
    else:
        path = Path(args.db).expanduser()
    return open_sqlite_reader(path)


def _damaged(args, exc: Exception) -> Exception:
    from judging_app.store.database import DamagedDatabaseError

    return DamagedDatabaseError(Message("database.unreadable_check", where=_db_name(args),
                                        detail=str(exc)))


def _db_name(args) -> Text:
    return args.db or Message("database.default_name")


def _read_rows(args, on_reader, on_database):
    """on_reader(RowReader) through the read-only sqlite3 path when the file allows it (see
    _read_only_sqlite), else on_database(Database) opened the full way for reading."""
    reader = _read_only_sqlite(args)
    if reader is None:
        return on_database(_read(args))
    import sqlite3

    try:
        return on_reader(reader)
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc):
            raise _damaged(args, exc) from exc
        from judging_app.store.database import DatabaseOpenError

        raise DatabaseOpenError(Message("database.busy", where=_db_name(args))) from exc
    except sqlite3.DatabaseError as exc:
        raise _damaged(args, exc) from exc
    finally:
        reader.close()


def cmd_results(args) -> int:
    import json

    from judging_app.core.enums import AggregationMethod
    from judging_app.core.gc_pause import paused_gc
    from judging_app.services.results_view import compute_with, results_json

    method = AggregationMethod(args.method) if args.method else None

    def on_database(db):
        from judging_app.services import results

        return results.compute(db, args.competition, args.round, method)

    with paused_gc():  # hundreds of thousands of acyclic records: see core/gc_pause
        view = _read_rows(args, lambda reader: compute_with(reader, args.competition,
                                                            args.round, method), on_database)
        if args.json:
            print(json.dumps(results_json(view), ensure_ascii=False))  # compact: C encoder
        else:
            from judging_app.cli.results_text import results_text

            print(results_text(view))
    return 0


def cmd_fairness(args) -> int:
    from judging_app.core.gc_pause import paused_gc
    from judging_app.services.fairness_json import fairness_json_text
    from judging_app.services.fairness_view import fairness_with

    def on_database(db):
        from judging_app.services import results

        return results.fairness(db, args.competition, args.round)

    with paused_gc():
        view = _read_rows(args, lambda reader: fairness_with(reader, args.competition,
                                                             args.round), on_database)
        if args.json:
            print(fairness_json_text(view))
        else:
            from judging_app.cli.results_text import fairness_text

            print(fairness_text(view))
    return 0


def cmd_decide_tie(args) -> int:
    from judging_app.services import results

    order = [c.strip() for c in args.order.split(",") if c.strip()]
    results.record_tie_decision(_workspace(args), args.competition, order, args.reason)
    say(Message("cli.tie_recorded", order=" > ".join(order)))
    return 0


def cmd_advance(args) -> int:
    from judging_app.services import advancement

    if args.dry_run:
        plan = advancement.preview_advancement(_read(args), args.competition, args.round)
    else:
        manual = [c.strip() for c in (args.add or "").split(",") if c.strip()]
        plan = advancement.advance(_workspace(args), args.competition, args.round, manual,
                                   args.reason)
    say(Message("cli.advance.summary", round=plan.round_code, rule=AdvancementKind(plan.rule),
                count=len(plan.advancing), codes=list(plan.advancing)))
    if plan.tied_at_cutoff:
        say(Message("cli.advance.tied", codes=list(plan.tied_at_cutoff)))
    if plan.not_ranked:
        say(Message("cli.advance.not_ranked", codes=list(plan.not_ranked)))
    return 0


def cmd_finalize(args) -> int:
    from judging_app.services import results

    digest = results.finalize(_workspace(args), args.competition)
    say(Message("cli.finalized", digest=digest))
    return 0


def cmd_packages(args) -> int:
    from judging_app.cli.documents_cli import show_package_sizes
    from judging_app.services import judge_packages

    if show_package_sizes(args, _open(args), output_language(args)):
        return 0  # --dry-run
    ws = _workspace(args)
    folder = Path(args.out)
    if args.judge:
        folder.mkdir(parents=True, exist_ok=True)
        paths = [judge_packages.export_package(ws, args.competition, args.round, args.judge, folder)]
    else:
        def progress(done: int, total: int) -> None:
            if sys.stderr.isatty():
                say("\r" + text(Message("cli.progress.packages", done=done, total=total)),
                    err=True, end="" if done < total else "\n")

        paths = judge_packages.export_packages(ws, args.competition, args.round, folder, progress)
    for path in paths:
        say(Message("cli.wrote", path=str(path)))
    say(Message("cli.packages_written", count=len(paths)))
    return 0


def cmd_returns(args) -> int:
    from judging_app.services.errors import ServiceError
    from judging_app.services.judge_packages import import_return

    ws = _workspace(args)
    refused = 0
    for name in args.files:  # each file is its own transaction: one refusal stops no other
        try:
            report = import_return(ws, args.competition, Path(name))
        except ServiceError as exc:
            say(Message("cli.error", problem=exc), err=True)
            refused += 1
            continue
        _report(report)
    return _refusals(refused, len(args.files))


def _report(report) -> None:
    """An import's summary and its warnings."""
    say(report.summary())
    for warning in report.warnings:
        say(Message("cli.warning", warning=warning))


def _refusals(refused: int, total: int) -> int:
    if refused:
        say(Message("cli.files_refused", refused=refused, total=total), err=True)
    return 1 if refused else 0


def cmd_entries(args) -> int:
    if args.action in ("attach", "missing-documents"):
        from judging_app.cli.documents_cli import run_documents

        return run_documents(args, lambda: _workspace(args), lambda: _open(args),
                             output_language(args))
    if args.action == "template":
        from judging_app.exchange.entry_template import write_entry_template
        from judging_app.services import competitions, entries

        db = _read(args)
        setup = competitions.get_setup(db, args.competition)
        out = write_entry_template(_out_file(args, "entries.xlsx"), setup, entries.list_units(db, args.competition),
                                   lang=args.lang or "id")
        say(Message("cli.wrote", path=str(out)))
        return 0
    from judging_app.services.entry_import import import_entries, preview_entry_import

    if args.dry_run:
        preview = preview_entry_import(_read(args), args.competition, Path(args.file), args.sheet)
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
    report = import_entries(_workspace(args), args.competition, Path(args.file),
                            sheet=args.sheet, create_units=args.create_units)
    done = dict(count=report.entries, source=report.source)
    say(Message("cli.entries.imported_sheet", sheet=report.sheet, **done)
        if report.sheet else Message("cli.entries.imported", **done))
    for u in report.units_created:
        say(Message("cli.entries.unit_created", code=u.code, name=u.name))
    for note in report.notes:
        say(Message("cli.note", note=note))
    return 0


def _date_option(value: str | None):
    """--date YYYY-MM-DD, or None."""
    if not value:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        from judging_app.core.messages import Message
        from judging_app.services.errors import ValidationError

        raise ValidationError(Message("documents.bad_date", value=value)) from None


def cmd_export(args) -> int:
    example = "results.xlsx" if args.document == "results" else f"{args.document}.pdf"
    out = _out_file(args, example)
    db = _read(args)
    lang = getattr(args, "lang", None) or "id"
    on = _date_option(args.date)
    if args.document == "results":
        from judging_app.services.results_export import export_results_workbook

        export_results_workbook(db, args.competition, out, lang=lang, round_code=args.round,
                                method=args.method, on=on)
        say(Message("cli.wrote", path=str(out)))
        return 0
    from judging_app.services import documents

    place = args.place or ""
    if args.document == "minutes":
        pages = documents.write_minutes(db, args.competition, out, lang=lang,
                                        round_code=args.round, on=on, place=place,
                                        number=args.number or "")
    elif args.document == "winners":
        pages = documents.write_winners_list(db, args.competition, out, lang=lang,
                                             round_code=args.round, on=on, place=place,
                                             number=args.number or "")
    else:
        pages = documents.write_blank_score_sheets(db, args.competition, args.round, out,
                                                   judge_code=args.judge, lang=lang, on=on,
                                                   place=place)
    say(Message("cli.wrote_pages", path=str(out), pages=pages))
    return 0


def cmd_excel_sheets(args) -> int:
    from judging_app.services import score_workbooks
    from judging_app.services.errors import ServiceError

    ws = _workspace(args)
    if args.action == "export":
        lang, folder = getattr(args, "lang", None) or "id", Path(args.out)
        if args.judge:
            folder.mkdir(parents=True, exist_ok=True)
            paths = [score_workbooks.export_score_workbook(ws, args.competition, args.round,
                                                           args.judge, folder, lang)]
        else:
            def progress(done: int, total: int) -> None:
                if sys.stderr.isatty():
                    say("\r" + text(Message("cli.progress.workbooks", done=done, total=total)),
                        err=True, end="" if done < total else "\n")

            paths = score_workbooks.export_score_workbooks(ws, args.competition, args.round,
                                                           folder, lang, progress)
        for path in paths:
            say(Message("cli.wrote", path=str(path)))
        say(Message("cli.workbooks_written", count=len(paths)))
        return 0
    refused = 0
    for name in args.files:  # each file is its own transaction: one refusal stops no other
        try:
            report = score_workbooks.import_score_workbook(
                ws, args.competition, Path(name), submit=not args.draft, round_code=args.round)
        except ServiceError as exc:
            say(Message("cli.error", problem=exc), err=True)
            refused += 1
            continue
        _report(report)
    return _refusals(refused, len(args.files))


HANDLERS = {
    "demo": cmd_demo, "competition": cmd_competition, "scores": cmd_scores, "db": cmd_db,
    "results": cmd_results, "fairness": cmd_fairness, "decide-tie": cmd_decide_tie,
    "finalize": cmd_finalize, "advance": cmd_advance, "packages": cmd_packages, "returns": cmd_returns,
    "entries": cmd_entries, "export": cmd_export, "excel-sheets": cmd_excel_sheets,
}


def output_language(args: argparse.Namespace) -> str:
    """The language of what the command prints: --lang, else JUDGING_APP_LANG, else the
    system's."""
    from judging_app.texts import default_language

    return getattr(args, "lang", None) or default_language()


def _handler(command: str):
    if command in HANDLERS:
        return HANDLERS[command]
    from judging_app.cli.security_commands import HANDLERS as TRUST

    return TRUST[command]


def run(args: argparse.Namespace) -> int:
    """Run the command in the language chosen for it; a failure is one line on stderr and
    an exit status (cli/failures)."""
    use_language(output_language(args))
    try:
        return _handler(args.command)(args)
    except UsageError as exc:
        say(Message("cli.error", problem=exc), err=True)
        return 2
    except (Exception, KeyboardInterrupt) as exc:
        from judging_app.cli.failures import report

        return report(exc, language(), " ".join(sys.argv))


def _status(value: str) -> CompetitionStatus | str:
    """A stored status by its label (an unknown one as it is)."""
    try:
        return CompetitionStatus(value)
    except ValueError:
        return value
