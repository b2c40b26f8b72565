"""`judging-app export results|minutes|winners|scoresheets`: the results workbook and the
PDF documents (berita acara, daftar pemenang, blank score sheets), as the Reports view."""

from __future__ import annotations

from judging_app.cli.access import (
    date_option,
    out_file,
    read,
)
from judging_app.cli.parsing import add_competition
from judging_app.cli.say import say
from judging_app.core.messages import Message


def add_parsers(sub, common) -> None:
    exp = sub.add_parser("export", help="results workbook; PDF minutes, winners list, score sheets")
    exp.set_defaults(module="exports")
    esub = exp.add_subparsers(dest="document", metavar="DOCUMENT", required=True)
    p = esub.add_parser("results", parents=[common], help="the results workbook (Excel)")
    add_competition(p)
    p.add_argument("--out", required=True, metavar="FILE.xlsx", help="where to write it")
    p.add_argument("--round", metavar="CODE", help="one round alone")
    p.add_argument("--method", choices=["mean", "median", "trimmed_mean", "standardized"],
                   help="aggregation across judges (default: the competition's own)")
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help="the date on the winners sheet (default: today in the competition's zone)")
    for name, what in (("minutes", "minutes of evaluation (berita acara penilaian)"),
                       ("winners", "winners list (daftar pemenang) to attach to the decree"),
                       ("scoresheets", "blank score sheets for paper judging")):
        p = esub.add_parser(name, parents=[common], help=what)
        add_competition(p)
        p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write it")
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


def run(args) -> int:
    example = "results.xlsx" if args.document == "results" else f"{args.document}.pdf"
    out = out_file(args, example)
    db = read(args)
    lang = getattr(args, "lang", None) or "id"
    on = date_option(args.date)
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
