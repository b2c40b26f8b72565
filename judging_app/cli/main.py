"""`judging-app`: with no subcommand it opens the GUI; with one it runs the CLI.

Start-up stays light: heavy modules (SQLAlchemy, Qt) are imported only by the command that
needs them.
"""

from __future__ import annotations

import argparse
import sys

from judging_app import __version__
from judging_app.cli.programme_commands import add_forward_parser, add_programme_parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="judging-app",
        description="Judge public-service innovation competitions. Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"judging-app {__version__}")
    db_help = ("SQLite file path or SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db "
               "(default: the app's own file in your user data folder)")
    user_help = ("who is working: your login (the password is asked, or read from "
                 "JUDGING_APP_PASSWORD); on an unprotected database any name (recorded as "
                 "not verified). Nothing is remembered between commands")
    # Accepted before or after the command; SUPPRESS keeps a value given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS, help=db_help)
    common.add_argument("--user", "--as", dest="actor", metavar="LOGIN", default=argparse.SUPPRESS,
                        help=user_help)
    parser.add_argument("--db", metavar="PATH_OR_URL", default=None, help=db_help)
    parser.add_argument("--user", "--as", dest="actor", metavar="LOGIN", default=None,
                        help=user_help)
    lang_help = ("language of messages, of the app window and of the documents a command "
                 "writes (default: JUDGING_APP_LANG, else the system's language; documents "
                 "default to id)")
    common.add_argument("--lang", choices=["id", "en"], default=argparse.SUPPRESS, help=lang_help)
    parser.add_argument("--lang", choices=["id", "en"], default=None, help=lang_help)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("gui", parents=[common], help="open the app window")
    p.add_argument("--smoke-test", action="store_true",
                   help="check this installation: open the window, answer Cancel to any "
                        "question, close as soon as the window has shown (exit status 0 "
                        "when it did)")

    p = sub.add_parser("judge", parents=[common],
                       help="judge mode: score your entries on this database or from a package")
    p.add_argument("--package", metavar="FILE.jpkg", help="a judge package (offline laptop)")

    p = sub.add_parser("demo", parents=[common], help="build a realistic demo competition")
    p.add_argument("--entries", type=int, default=140)
    p.add_argument("--judges", type=int, default=5)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--judges-per-entry", type=int, default=3)
    p.add_argument("--scored", action="store_true", help="also fill in judges' score sheets")
    p.add_argument("--programme", action="store_true",
                   help="instead: three years of a city's programme (programme demo)")

    comp = sub.add_parser("competition", help="list, create, export, import competitions")
    csub = comp.add_subparsers(dest="action", metavar="ACTION", required=True)
    csub.add_parser("list", parents=[common], help="competitions in the database")
    csub.add_parser("templates", parents=[common], help="templates shipped with the app")
    p = csub.add_parser("create", parents=[common], help="create from a template or a file")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--template", metavar="NAME")
    src.add_argument("--file", metavar="FILE.json")
    p.add_argument("--name", help="override the competition's name")
    p.add_argument("--year", type=int, help="override the year")
    p.add_argument("--code", help="short code (default: from name and year)")
    p = csub.add_parser("export", parents=[common], help="write a competition's setup file")
    p.add_argument("--competition", required=True, metavar="CODE")
    p.add_argument("--out", required=True, metavar="FILE.json")
    p = csub.add_parser("documents", parents=[common],
                        help="show or set the letterhead, head of region, place, numbers and "
                             "time zone of the competition's documents")
    p.add_argument("--competition", required=True, metavar="CODE")
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
    p.add_argument("file", metavar="FILE.json")
    p.add_argument("--code")
    add_forward_parser(csub, common)

    scores = sub.add_parser("scores", help="score sheets")
    ssub = scores.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = ssub.add_parser("import", parents=[common],
                        help="import typed-up paper sheets (CSV: round, judge, entry, "
                             "criterion, score, comment)")
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument("--competition", required=True, metavar="CODE")
    p.add_argument("--draft", action="store_true", help="keep the sheets as drafts")

    pk = sub.add_parser("packages", help="judge packages: one file per judge per round")
    pksub = pk.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = pksub.add_parser("export", parents=[common],
                         help="write one package per judge with entries assigned in the round")
    p.add_argument("--competition", required=True, metavar="CODE")
    p.add_argument("--round", required=True, metavar="CODE")
    p.add_argument("--out", required=True, metavar="FOLDER")
    p.add_argument("--judge", metavar="CODE", help="only this judge's package (e.g. to re-issue it)")
    p.add_argument("--dry-run", action="store_true",
                   help="show each package's size (with the documents it carries); write nothing")

    rt = sub.add_parser("returns", help="judges' return files")
    rtsub = rt.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = rtsub.add_parser("import", parents=[common],
                         help="import judges' return files, each whole or not at all")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--competition", required=True, metavar="CODE")

    methods = ["mean", "median", "trimmed_mean", "standardized"]
    p = sub.add_parser("results", parents=[common], help="rankings and awards per category")
    p.add_argument("--competition", required=True, metavar="CODE")
    p.add_argument("--round", metavar="CODE", help="rank one round alone")
    p.add_argument("--method", choices=methods, help="aggregation across judges "
                   "(default: the competition's own)")
    p.add_argument("--json", action="store_true", help="machine-readable (docs/results-json.md)")

    p = sub.add_parser("fairness", parents=[common],
                       help="agreement, judges' severity, outliers, rank stability")
    p.add_argument("--competition", required=True, metavar="CODE")
    p.add_argument("--round", metavar="CODE")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("decide-tie", parents=[common],
                       help="record the chair's order for tied entries, with a reason")
    p.add_argument("--competition", required=True, metavar="CODE")
    p.add_argument("--order", required=True, metavar="E1,E2,...", help="entry codes, best first")
    p.add_argument("--reason", required=True)

    p = sub.add_parser("advance", parents=[common],
                       help="take entries on to the next round by the round's rule (top N, threshold)")
    p.add_argument("--competition", required=True, metavar="CODE")
    p.add_argument("--round", required=True, metavar="CODE")
    p.add_argument("--dry-run", action="store_true", help="show who would go on; write nothing")
    p.add_argument("--add", metavar="E1,E2", help="entries taken on by hand (needs --reason)")
    p.add_argument("--reason", default="")

    p = sub.add_parser("finalize", parents=[common],
                       help="freeze the results (refused while ties or gaps block them)")
    p.add_argument("--competition", required=True, metavar="CODE")

    add_entries_parser(sub, common)
    add_programme_parser(sub, common)
    add_excel_sheets_parser(sub, common)
    add_export_parser(sub, common)
    from judging_app.cli.security_commands import add_parsers

    add_parsers(sub, common)

    dbp = sub.add_parser("db", help="database maintenance")
    dsub = dbp.add_subparsers(dest="action", metavar="ACTION", required=True)
    dsub.add_parser("upgrade", parents=[common], help="migrate to this version's schema")
    p = dsub.add_parser("backup", parents=[common], help="write a consistent copy (SQLite file)")
    p.add_argument("out", metavar="OUT")
    dsub.add_parser("verify-audit", parents=[common],
                    help="check the audit trail (keyed chain, anchors) and the data against it")
    dsub.add_parser("protect", parents=[common],
                    help="from now on every change needs a signed-in person (--user, a secretariat)")
    p = dsub.add_parser("verify-totals", parents=[common],
                        help="check the per-entry totals that results read against the scores")
    p.add_argument("--repair", action="store_true", help="recompute them when they differ")
    return parser


def add_entries_parser(sub, common) -> None:
    ent = sub.add_parser("entries", help="import entries from Excel/CSV; the import template; "
                         "attach documents; entries without a proposal")
    esub = ent.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = esub.add_parser("import", parents=[common],
                        help="import entries from .xlsx, .xls, .ods or .csv (all or nothing)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--competition", required=True, metavar="CODE")
    p.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: the first)")
    p.add_argument("--create-units", action="store_true",
                   help="create the government units the file names that do not exist yet")
    p.add_argument("--dry-run", action="store_true",
                   help="check the file and show what would be imported; write nothing")
    p = esub.add_parser("template", parents=[common], help="write the entry import template")
    p.add_argument("--competition", required=True, metavar="CODE")
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    from judging_app.cli.documents_cli import add_document_parsers

    add_document_parsers(esub, common)


def add_excel_sheets_parser(sub, common) -> None:
    sc = sub.add_parser("excel-sheets",
                        help="Excel score sheets for judges without the app: one per judge per round")
    scsub = sc.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = scsub.add_parser("export", parents=[common],
                         help="write one Excel score sheet per judge with entries assigned in the round")
    p.add_argument("--competition", required=True, metavar="CODE")
    p.add_argument("--round", required=True, metavar="CODE")
    p.add_argument("--out", required=True, metavar="FOLDER")
    p.add_argument("--judge", metavar="CODE", help="only this judge's workbook (e.g. to re-issue it)")
    p = scsub.add_parser("import", parents=[common],
                         help="import filled Excel score sheets, each whole or not at all")
    p.add_argument("files", nargs="+", metavar="FILE.xlsx")
    p.add_argument("--competition", required=True, metavar="CODE")
    p.add_argument("--round", metavar="CODE", help="refuse workbooks for another round")
    p.add_argument("--draft", action="store_true",
                   help="keep every sheet a draft (default: complete rows are submitted)")


def add_export_parser(sub, common) -> None:
    exp = sub.add_parser("export", help="results workbook; PDF minutes, winners list, score sheets")
    esub = exp.add_subparsers(dest="document", metavar="DOCUMENT", required=True)
    p = esub.add_parser("results", parents=[common], help="the results workbook (Excel)")
    p.add_argument("--competition", required=True, metavar="CODE")
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    p.add_argument("--round", metavar="CODE", help="one round alone")
    p.add_argument("--method", choices=["mean", "median", "trimmed_mean", "standardized"])
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help="the date on the winners sheet (default: today in the competition's zone)")
    for name, text in (("minutes", "minutes of evaluation (berita acara penilaian)"),
                       ("winners", "winners list (daftar pemenang) to attach to the decree"),
                       ("scoresheets", "blank score sheets for paper judging")):
        p = esub.add_parser(name, parents=[common], help=text)
        p.add_argument("--competition", required=True, metavar="CODE")
        p.add_argument("--out", required=True, metavar="FILE.pdf")
        p.add_argument("--round", metavar="CODE", required=name == "scoresheets",
                       help="the round to print" if name == "scoresheets"
                       else "rank one round alone (default: the competition's final ranking)")
        if name == "scoresheets":
            p.add_argument("--judge", metavar="CODE",
                           help="one judge (default: every judge with entries, each on new pages)")
        p.add_argument("--place", metavar="TEXT",
                       help="where the document is issued (default: the competition's document "
                            "settings; none: a dotted line to fill in)")
        p.add_argument("--date", metavar="YYYY-MM-DD",
                       help="the document's date (default: today in the competition's zone"
                            + ("; none on score sheets" if name == "scoresheets" else "") + ")")
        if name != "scoresheets":
            p.add_argument("--number", metavar="TEXT",
                           help="the minutes' Nomor" if name == "minutes" else
                           "the NOMOR of the decree the list is attached to "
                           "(default: the competition's document settings)")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command not in (None, "gui", "judge"):
        from judging_app.cli.commands import run

        return run(args)
    try:  # the windows show their own failures (ui/crash.py); this catches the rest
        if args.command == "judge":
            from judging_app.ui.judge.launch import run_judge_gui

            return run_judge_gui(args.db if args.package is None else None, args.package,
                                 args.lang)
        from judging_app.ui.launch import run_gui

        return run_gui(args.db, args.lang, smoke_test=getattr(args, "smoke_test", False))
    except (Exception, KeyboardInterrupt) as exc:
        from judging_app.cli.failures import report
        from judging_app.texts import default_language

        return report(exc, args.lang or default_language(), " ".join(sys.argv))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
