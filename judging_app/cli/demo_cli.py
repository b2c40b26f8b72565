"""`judging-app demo`: a realistic demo competition to try the app on (demo/generator.py)."""

from __future__ import annotations

from judging_app.cli.access import (
    workspace,
)
from judging_app.cli.say import say
from judging_app.core.messages import Message


def add_parsers(sub, common) -> None:
    p = sub.add_parser("demo", parents=[common], help="build a realistic demo competition")
    p.add_argument("--entries", type=int, default=140, metavar="N", help="how many entries")
    p.add_argument("--judges", type=int, default=5, metavar="M", help="how many judges")
    p.add_argument("--seed", type=int, default=1, metavar="S",
                   help="the same seed makes the same competition")
    p.add_argument("--judges-per-entry", type=int, default=3, metavar="K",
                   help="judges assigned to each entry")
    p.add_argument("--scored", action="store_true", help="also fill in judges' score sheets")
    p.add_argument("--code", metavar="CODE",
                   help="the competition's code (default: demo-YEAR; refused when taken)")
    p.add_argument("--programme", action="store_true",
                   help="instead: three years of a city's programme (programme demo)")
    p.set_defaults(module="demo_cli")


def run(args) -> int:
    if args.programme:
        from judging_app.cli.programme_actions import demo

        return demo(args)
    from judging_app.demo.generator import build_demo, check_size

    check_size(args.entries, args.judges, args.judges_per_entry)
    ws = workspace(args)
    summary = build_demo(ws, entries=args.entries, judges=args.judges, seed=args.seed,
                         scored=args.scored, judges_per_entry=args.judges_per_entry,
                         code=args.code, number_if_taken=False)
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

