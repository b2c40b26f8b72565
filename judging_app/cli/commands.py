"""The CLI's commands: thin wrappers over the use cases. Errors go to stderr in one line
with a non-zero exit (1: refused or failed, 2: wrong usage, 3: unexpected, with a crash log;
see cli/failures.py) and say what is wrong and where."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path

from judging_app.core.messages import Message, Text

ACTOR_ENV = "JUDGING_APP_AS"


def _actor_file() -> Path:
    from platformdirs import user_config_path

    return user_config_path("judging-app", appauthor=False) / "cli-actor.txt"


def resolve_actor(given: str | None) -> str:
    """--as NAME (remembered), else $JUDGING_APP_AS, else the remembered name, else ask."""
    if given and given.strip():
        path = _actor_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(given.strip(), encoding="utf-8")
        return given.strip()
    if os.environ.get(ACTOR_ENV, "").strip():
        return os.environ[ACTOR_ENV].strip()
    path = _actor_file()
    if path.is_file() and path.read_text(encoding="utf-8").strip():
        return path.read_text(encoding="utf-8").strip()
    if sys.stdin.isatty():
        name = input("Your name (recorded with every change you make): ").strip()
        if name:
            return resolve_actor(name)
    raise UsageError("say who is working with --as NAME (it is recorded in the audit trail)")


class UsageError(Exception):
    pass


def _open(args, *, create: bool = True):
    """The database --db names (the default file without it). A read-only command
    (`create=False`) never creates a file or a folder for a mistyped --db path; no command
    creates a missing folder for one."""
    from judging_app.core.messages import Message
    from judging_app.store.database import DatabaseOpenError, open_database

    if args.db is not None and "://" not in args.db:
        folder = Path(args.db).expanduser().resolve().parent
        if not folder.is_dir():
            raise DatabaseOpenError(Message("failure.no_folder", path=str(folder)))
    return open_database(args.db, create=create or args.db is None)


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
    from judging_app.services.workspace import Workspace

    return Workspace(_open(args), resolve_actor(getattr(args, "actor", None)))


def cmd_demo(args) -> int:
    from judging_app.demo.generator import build_demo, check_size

    if args.programme:
        from judging_app.cli.programme_actions import demo

        return demo(args)
    check_size(args.entries, args.judges, args.judges_per_entry)
    ws = _workspace(args)
    summary = build_demo(ws, entries=args.entries, judges=args.judges, seed=args.seed,
                         scored=args.scored, judges_per_entry=args.judges_per_entry)
    print(f"Demo competition {summary.code!r} in {ws.db.display_name()}")
    for field in dataclasses.fields(summary):
        if field.name != "code":
            print(f"  {field.name}: {getattr(summary, field.name)}")
    return 0


def cmd_competition(args) -> int:
    from judging_app.exchange import competition_file
    from judging_app.services import competitions, templates

    if args.action == "forward":
        from judging_app.cli.programme_commands import cmd_forward

        return cmd_forward(args)
    if args.action == "templates":
        for info in templates.list_templates():
            print(f"{info.key}\t{info.name}")
        return 0
    if args.action == "list":
        db = _read(args)
        rows = competitions.list_competitions(db)
        if not rows:
            print(f"No competitions in {db.display_name()}. Try: judging-app demo")
        for c in rows:
            print(f"{c.code}\t{c.year}\t{c.status}\t{c.entries} entries\t{c.judges} judges\t{c.name}")
        return 0
    if args.action == "export":
        from judging_app.services.document_settings import get_document_settings

        db = _read(args)
        setup = competitions.get_setup(db, args.competition)
        competition_file.write_competition_file(_out_file(args, "competition.json"), setup,
                                                get_document_settings(db, args.competition))
        print(f"Wrote {args.out}")
        return 0
    if args.action == "documents":
        return _competition_documents(args)
    # create / import
    name, year = getattr(args, "name", None), getattr(args, "year", None)
    template = getattr(args, "template", None)
    if template and template not in [t.key for t in templates.list_templates()]:
        keys = ", ".join(t.key for t in templates.list_templates())
        raise UsageError(f"no template {template!r}; choose one of: {keys}")
    ws = _workspace(args)
    if template:
        summary = templates.create_from_template(ws, template, name=name, year=year, code=args.code)
    else:
        summary = templates.create_from_file(ws, Path(args.file), name=name, year=year, code=args.code)
    print(f"Created competition {summary.code!r}: {summary.name} ({summary.year})")
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
    print(f"logo\t{len(current.logo)} bytes" if current.logo else "logo\t")
    return 0


def cmd_scores(args) -> int:
    from judging_app.services.score_import import import_paper_scores

    ws = _workspace(args)
    report = import_paper_scores(ws, args.competition, Path(args.file), submit=not args.draft)
    print(f"Imported {report.scores} scores on {report.sheets} sheets "
          f"({report.submitted} submitted; {report.created} new, {report.updated} updated, "
          f"{report.unchanged} unchanged).")
    return 0


def cmd_db(args) -> int:
    from judging_app.services import audit, maintenance
    from judging_app.store.schema_version import SCHEMA_HEAD

    writes = args.action == "upgrade" or getattr(args, "repair", False)
    db = _open(args) if writes else _read(args)
    if args.action == "upgrade":
        where = db.display_name()
        print(f"{where} is at schema {SCHEMA_HEAD}.")
        if db.backup_path:
            print(f"The previous version was copied to {db.backup_path}.")
        return 0
    if args.action == "backup":
        out = maintenance.backup_database(db, Path(args.out))
        print(f"Backup written to {out}")
        return 0
    if args.action == "verify-totals":
        wrong = maintenance.verify_entry_totals(db, repair=args.repair)
        if not wrong:
            print("Per-entry totals are in step with the scores.")
            return 0
        print("error: per-entry totals differ from the scores:", *wrong, sep="\n  ", file=sys.stderr)
        if args.repair:
            print("They were recomputed from the scores.", file=sys.stderr)
        return 1
    check = audit.verify_chain(db)
    if check.ok:
        print(f"Audit trail intact: {check.events} events.")
        return 0
    where = f" at event {check.first_bad_id}" if check.first_bad_id else ""
    print(f"error: the audit trail was tampered with{where}: {check.problem}", file=sys.stderr)
    return 1


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


def cmd_results(args) -> int:
    import json

    from judging_app.core.enums import AggregationMethod
    from judging_app.services.results_view import compute_with, results_json

    method = AggregationMethod(args.method) if args.method else None
    reader = _read_only_sqlite(args)
    if reader is None:
        from judging_app.services import results

        view = results.compute(_read(args), args.competition, args.round, method)
    else:
        import sqlite3

        try:
            view = compute_with(reader, args.competition, args.round, method)
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc):
                raise _damaged(args, exc) from exc
            from judging_app.store.database import DatabaseOpenError

            raise DatabaseOpenError(Message("database.busy", where=_db_name(args))) from exc
        except sqlite3.DatabaseError as exc:
            raise _damaged(args, exc) from exc
        finally:
            reader.close()
    if args.json:
        print(json.dumps(results_json(view), ensure_ascii=False))  # compact: C encoder
    else:
        from judging_app.cli.results_text import results_text

        print(results_text(view))
    return 0


def cmd_fairness(args) -> int:
    import json

    from judging_app.services import results
    from judging_app.services.fairness_json import fairness_json

    view = results.fairness(_read(args), args.competition, args.round)
    if args.json:
        print(json.dumps(fairness_json(view), ensure_ascii=False))
    else:
        from judging_app.cli.results_text import fairness_text

        print(fairness_text(view))
    return 0


def cmd_decide_tie(args) -> int:
    from judging_app.services import results

    order = [c.strip() for c in args.order.split(",") if c.strip()]
    results.record_tie_decision(_workspace(args), args.competition, order, args.reason)
    print(f"Recorded the chair's order: {' > '.join(order)}")
    return 0


def cmd_advance(args) -> int:
    from judging_app.services import advancement

    if args.dry_run:
        plan = advancement.preview_advancement(_read(args), args.competition, args.round)
    else:
        manual = [c.strip() for c in (args.add or "").split(",") if c.strip()]
        plan = advancement.advance(_workspace(args), args.competition, args.round, manual,
                                   args.reason)
    print(f"Round {plan.round_code} ({plan.rule}): {len(plan.advancing)} go on: "
          + ", ".join(plan.advancing))
    if plan.tied_at_cutoff:
        print(f"  tied on the cut-off (the chair decides): {', '.join(plan.tied_at_cutoff)}")
    if plan.not_ranked:
        print(f"  not ranked (missing sheets): {', '.join(plan.not_ranked)}")
    return 0


def cmd_finalize(args) -> int:
    from judging_app.services import results

    digest = results.finalize(_workspace(args), args.competition)
    print(f"Results finalized. Snapshot digest (SHA-256): {digest}")
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
                print(f"\r{done}/{total} packages", end="" if done < total else "\n",
                      file=sys.stderr)

        paths = judge_packages.export_packages(ws, args.competition, args.round, folder, progress)
    for path in paths:
        print(f"Wrote {path}")
    print(f"{len(paths)} package(s). Each holds its judge's signing key: send it to that "
          "judge only.")
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
            print(f"error: {exc}", file=sys.stderr)
            refused += 1
            continue
        print(report.summary())
        for warning in report.warnings:
            print(f"  warning: {warning}")
    if refused:
        print(f"{refused} of {len(args.files)} file(s) refused; nothing was imported from them.",
              file=sys.stderr)
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
        print(f"Wrote {out}")
        return 0
    from judging_app.services.entry_import import import_entries, preview_entry_import

    if args.dry_run:
        preview = preview_entry_import(_read(args), args.competition, Path(args.file), args.sheet)
        if preview.columns:
            where = f"sheet {preview.sheet!r}, " if preview.sheet else ""
            print(f"{preview.source}: {where}header on row {preview.header_row}, "
                  f"{len(preview.rows)} entries")
        for code, n in sorted(preview.by_category.items()):
            print(f"  category {code}: {n}")
        for u in preview.new_units:
            similar = f" (looks like {u.similar!r})" if u.similar else ""
            print(f"  new unit {u.code}: {u.name} ({u.rows} rows, first on row {u.first_row})"
                  f"{similar}")
        for note in preview.notes:
            print(f"  note: {note}")
        for line in preview.problem_lines():
            print(f"  problem: {line}", file=sys.stderr)
        return 0 if preview.ok else 1
    report = import_entries(_workspace(args), args.competition, Path(args.file),
                            sheet=args.sheet, create_units=args.create_units)
    print(f"Imported {report.entries} entries from {report.source}"
          + (f" (sheet {report.sheet!r})" if report.sheet else "") + ".")
    for u in report.units_created:
        print(f"  created unit {u.code}: {u.name}")
    for note in report.notes:
        print(f"  note: {note}")
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
        print(f"Wrote {out}")
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
    print(f"Wrote {out}: {pages} page{'s' if pages != 1 else ''}.")
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
                    print(f"\r{done}/{total} workbooks", end="" if done < total else "\n",
                          file=sys.stderr)

            paths = score_workbooks.export_score_workbooks(ws, args.competition, args.round,
                                                           folder, lang, progress)
        for path in paths:
            print(f"Wrote {path}")
        print(f"{len(paths)} score workbook(s). Send each to its judge only.")
        return 0
    refused = 0
    for name in args.files:  # each file is its own transaction: one refusal stops no other
        try:
            report = score_workbooks.import_score_workbook(
                ws, args.competition, Path(name), submit=not args.draft, round_code=args.round)
        except ServiceError as exc:
            print(f"error: {exc}", file=sys.stderr)
            refused += 1
            continue
        print(report.summary())
        for warning in report.warnings:
            print(f"  warning: {warning}")
    if refused:
        print(f"{refused} of {len(args.files)} file(s) refused; nothing was imported from them.",
              file=sys.stderr)
    return 1 if refused else 0


def cmd_programme(args) -> int:
    from judging_app.cli.programme_actions import run as run_programme

    return run_programme(args)


HANDLERS = {
    "demo": cmd_demo, "competition": cmd_competition, "scores": cmd_scores, "db": cmd_db,
    "results": cmd_results, "fairness": cmd_fairness, "decide-tie": cmd_decide_tie,
    "finalize": cmd_finalize, "advance": cmd_advance, "packages": cmd_packages, "returns": cmd_returns,
    "entries": cmd_entries, "export": cmd_export, "excel-sheets": cmd_excel_sheets,
    "programme": cmd_programme,
}


def output_language(args: argparse.Namespace) -> str:
    """The language of what the command prints: --lang, else JUDGING_APP_LANG, else the
    system's."""
    from judging_app.texts import default_language

    return getattr(args, "lang", None) or default_language()


def shown(exc: BaseException, language: str) -> str:
    """An error's text in `language` (errors carrying a Message render it)."""
    renderer = getattr(exc, "render", None)
    return renderer(language) if callable(renderer) else str(exc)


def run(args: argparse.Namespace) -> int:
    """Run the command; a failure is one line on stderr and an exit status (cli/failures)."""
    try:
        return HANDLERS[args.command](args)
    except UsageError as exc:
        print(f"error: {shown(exc, output_language(args))}", file=sys.stderr)
        return 2
    except (Exception, KeyboardInterrupt) as exc:
        from judging_app.cli.failures import report

        return report(exc, output_language(args), " ".join(sys.argv))
