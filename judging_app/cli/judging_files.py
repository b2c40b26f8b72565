"""`judging-app packages export`, `returns import`, `excel-sheets export|import`, `scores
import`: the files judges score in away from the database (a signed package on a laptop, an
Excel workbook, typed-up paper sheets), as the Reports view and paper entry."""

from __future__ import annotations

import sys
from pathlib import Path

from judging_app.cli.access import (
    open_db,
    refusals,
    report_import,
    workspace,
)
from judging_app.cli.parsing import add_competition, add_round
from judging_app.cli.say import language, say, text
from judging_app.core.messages import Message


def add_parsers(sub, common) -> None:
    scores = sub.add_parser("scores", help="paper score sheets typed into a CSV file: import")
    ssub = scores.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = ssub.add_parser("import", parents=[common],
                        help="import typed-up paper sheets (CSV: round, judge, entry, "
                             "criterion, score, comment)")
    p.add_argument("file", metavar="FILE.csv", help="one line per score (UTF-8; comma, "
                   "semicolon or tab)")
    add_competition(p)
    p.add_argument("--draft", action="store_true", help="keep the sheets as drafts")

    pk = sub.add_parser("packages", help="judge packages: one file per judge per round")
    pksub = pk.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = _export_parser(pksub, common, "package")
    p.add_argument("--dry-run", action="store_true",
                   help="show each package's size (with the documents it carries); write nothing")

    rt = sub.add_parser("returns", help="judges' return files")
    rtsub = rt.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = rtsub.add_parser("import", parents=[common],
                         help="import judges' return files, each whole or not at all")
    p.add_argument("files", nargs="+", metavar="FILE", help="the .jret files the judges sent")
    add_competition(p)

    sc = sub.add_parser("excel-sheets",
                        help="Excel score sheets for judges without the app: one per judge per round")
    scsub = sc.add_subparsers(dest="action", metavar="ACTION", required=True)
    _export_parser(scsub, common, "Excel score sheet")
    p = scsub.add_parser("import", parents=[common],
                         help="import filled Excel score sheets, each whole or not at all")
    p.add_argument("files", nargs="+", metavar="FILE.xlsx", help="the workbooks the judges "
                   "sent back")
    add_competition(p)
    p.add_argument("--round", metavar="CODE", help="refuse workbooks for another round")
    p.add_argument("--draft", action="store_true",
                   help="keep every sheet a draft (default: complete rows are submitted)")
    for name in ("scores", "packages", "returns", "excel-sheets"):
        sub.choices[name].set_defaults(module="judging_files")


def _export_parser(actions, common, what: str):
    p = actions.add_parser("export", parents=[common],
                           help=f"write one {what} per judge with entries assigned in the round")
    add_competition(p)
    add_round(p, required=True)
    p.add_argument("--out", required=True, metavar="FOLDER", help="the folder to write into "
                   "(made when missing)")
    p.add_argument("--judge", metavar="CODE", help=f"only this judge's {what} (e.g. to re-issue "
                   "it)")
    return p


def run(args) -> int:
    return {"scores": cmd_scores, "packages": cmd_packages, "returns": cmd_returns,
            "excel-sheets": cmd_excel_sheets}[args.command](args)


def cmd_scores(args) -> int:
    from judging_app.services.score_import import import_paper_scores

    ws = workspace(args)
    report = import_paper_scores(ws, args.competition, Path(args.file), submit=not args.draft)
    say(Message("cli.scores_imported", scores=report.scores, sheets=report.sheets,
                submitted=report.submitted, created=report.created, updated=report.updated,
                unchanged=report.unchanged))
    return 0


def cmd_packages(args) -> int:
    from judging_app.cli.documents_cli import show_package_sizes
    from judging_app.services import judge_packages

    if show_package_sizes(args, open_db(args), language()):
        return 0  # --dry-run
    ws = workspace(args)
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
    from judging_app.services.judge_packages import import_return

    ws = workspace(args)
    return _import_each(args.files, lambda path: import_return(ws, args.competition, path))


def cmd_excel_sheets(args) -> int:
    from judging_app.services import score_workbooks

    ws = workspace(args)
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
    return _import_each(args.files, lambda path: score_workbooks.import_score_workbook(
        ws, args.competition, path, submit=not args.draft, round_code=args.round))


def _import_each(files: list[str], import_one) -> int:
    """Each file is its own transaction: one refused file stops no other; each refusal on
    stderr, each import's report, and the count of refusals at the end."""
    from judging_app.services.errors import ServiceError

    refused = 0
    for name in files:
        try:
            report = import_one(Path(name))
        except ServiceError as exc:
            say(Message("cli.error", problem=exc), err=True)
            refused += 1
            continue
        report_import(report)
    return refusals(refused, len(files))
