"""`judging-app manual --out FILE.pdf [--lang id|en]`: the user manual to print
(exchange/manual_pdf.py; the same pages as Help → User guide)."""

from __future__ import annotations

from judging_app.cli.say import say
from judging_app.core.messages import Message


def add_parsers(sub, common) -> None:
    p = sub.add_parser("manual", parents=[common],
                       help="write the user manual as a PDF (the language: --lang)")
    p.set_defaults(module="manual")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write it")


def run(args) -> int:
    from judging_app.cli.access import out_file
    from judging_app.cli.say import language
    from judging_app.exchange.manual_pdf import write_manual_pdf

    out = out_file(args, "manual.pdf")
    pages = write_manual_pdf(out, getattr(args, "lang", None) or language())
    say(Message("cli_manual.written", path=str(out), pages=pages))
    return 0
