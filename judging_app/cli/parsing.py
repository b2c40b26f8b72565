"""What every command's parser shares: the help that shows each option's default, and the
options many commands take (--competition, --round, --json, lists of codes).

Light on purpose (argparse only): `judging-app --help` and `--version` import nothing else.
"""

from __future__ import annotations

import argparse

JSON_HELP = "print machine-readable JSON (stable English keys; see docs/cli.md)"


class HelpFormatter(argparse.HelpFormatter):
    """Argparse's help with '(default: X)' after every option that has a default worth
    saying (not for flags, empty values, or a help text that already names its default)."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        default = action.default
        unsaid = default is None or isinstance(default, bool) or default in ("", [])
        if "default" in text or unsaid or default == argparse.SUPPRESS or not action.option_strings:
            return text
        return f"{text} (default: %(default)s)"


class Parser(argparse.ArgumentParser):
    """An ArgumentParser with HelpFormatter; its subcommands' parsers are Parsers too
    (argparse makes subparsers of the parser's own class)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)


def codes(text: str) -> list[str]:
    """E1,E2, E3 → ['E1', 'E2', 'E3'] (repeats kept once, in order)."""
    return list(dict.fromkeys(c.strip() for c in text.split(",") if c.strip()))


def add_competition(p: argparse.ArgumentParser, required: bool = True) -> None:
    p.add_argument("--competition", required=required, metavar="CODE",
                   help="the competition's code (see: judging-app competition list)")


def add_round(p: argparse.ArgumentParser, required: bool, what: str = "the round") -> None:
    p.add_argument("--round", required=required, metavar="CODE",
                   help=what + " (its code, as in the competition's setup)")


def add_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help=JSON_HELP)


def area(sub, name: str, help_text: str, module: str):
    """A command with actions (`judges add`, `judges list`, …) run by `module`.run(args)."""
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(module=module)
    return parser.add_subparsers(dest="action", metavar="ACTION", required=True)
