"""What every command's parser shares: the help that shows each option's default, in the
user's language, and the options many commands take (--competition, --round, --json, lists
of codes).

Help texts are written once, in English, where the option is added; their Indonesian is in
judging_app/texts/cli_help*.py, looked up by the English text when the help is shown (the
parsers themselves are built in English). argparse's own words ("usage:", its section titles
and error formats) go through its gettext hook (`argparse._`), which `speaking("id")`
points at the same table while the command line is parsed.

Light on purpose (argparse only): `judging-app --help` and `--version` import nothing else.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

JSON_HELP = "print machine-readable JSON (stable English keys; see docs/cli.md)"


_speaking = "en"


def translated(text: str) -> str:
    """`text` (a help text, a section title, a placeholder such as FILE, one of argparse's
    own strings) in the language being spoken; unchanged in English or when unknown."""
    if _speaking != "id" or not text:
        return text
    from judging_app.texts.cli_help import INDONESIAN

    return INDONESIAN.get(text, text)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return translated(singular if n == 1 else plural)


def _action_name(argument: argparse.Action | None) -> str | None:
    name = _argparse_action_name(argument)
    return translated(name) if name else name


_argparse_action_name = argparse._get_action_name


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Help, usage and argparse's errors in `language` ('id' or 'en') inside the block."""
    global _speaking
    saved = _speaking, argparse._, argparse.ngettext, argparse._get_action_name
    _speaking = language
    if language == "id":
        argparse._, argparse.ngettext = translated, _ngettext
        argparse._get_action_name = _action_name
    try:
        yield
    finally:
        _speaking, argparse._, argparse.ngettext, argparse._get_action_name = saved


def requested_language(argv: Sequence[str]) -> str:
    """The language asked for on the command line (the last valid --lang, before or after
    the command), else JUDGING_APP_LANG, else the system's: known before the parser runs,
    so that its help and errors speak it."""
    chosen = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        name, equals, value = arg.partition("=")
        if len(name) < 4 or not "--lang".startswith(name):
            continue
        value = value if equals else (argv[i + 1] if i + 1 < len(argv) else "")
        if value in ("id", "en"):
            chosen = value
    if chosen is None:
        from judging_app.language import default_language

        chosen = default_language()
    return chosen


class HelpFormatter(argparse.HelpFormatter):
    """Argparse's help in the language spoken, with '(default: X)' after every option that
    has a default worth saying (not for flags, empty values, or a help text that already
    names its default)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        if width is None:  # argparse's default, without importing shutil on every start
            width = terminal_columns() - 2  # (argparse makes a formatter per option added)
        super().__init__(prog, indent_increment, max_help_position, width)

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        default = action.default
        unsaid = default is None or isinstance(default, bool) or default in ("", [])
        if "default" in text or unsaid or default == argparse.SUPPRESS or not action.option_strings:
            return translated(text)
        return translated(text) + translated(" (default: %(default)s)")

    def start_section(self, heading: str | None) -> None:
        super().start_section(translated(heading) if heading else heading)

    def add_text(self, text: str | None) -> None:
        super().add_text(translated(text) if text and text != argparse.SUPPRESS else text)

    def _metavar_formatter(self, action: argparse.Action, default_metavar: str):
        english = super()._metavar_formatter(action, default_metavar)
        return lambda size: tuple(translated(m) for m in english(size))


def terminal_columns() -> int:
    """`shutil.get_terminal_size().columns`: $COLUMNS, else the terminal's width, else 80."""
    import os
    import sys

    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or 80
    return columns


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
