"""`judging-app programme …`: the yearly programme (parsers in cli/programme_commands.py,
actions in cli/programme_actions.py; `competition forward` and `demo --programme` live with
their commands)."""

from __future__ import annotations


def add_parsers(sub, common) -> None:
    from judging_app.cli.programme_commands import add_programme_parser

    add_programme_parser(sub, common)


def run(args) -> int:
    from judging_app.cli.programme_actions import run as run_programme

    return run_programme(args)
