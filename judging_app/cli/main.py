"""`judging-app`: with no subcommand it opens the GUI; with one it runs the CLI.

Start-up stays light: heavy modules (SQLAlchemy, Qt) are imported only by the command that
needs them.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from judging_app import __version__
from judging_app.cli.parsing import Parser, requested_language, speaking

# Commands in their own modules (cli/<name>.py): each adds its parsers and runs its actions.
COMMAND_MODULES = ("demo_cli", "competition_cli", "units", "entries", "judges", "conflicts",
                   "assign", "judging_files", "sheets", "results_cli", "exports", "db_cli",
                   "programme_cli", "security_commands", "manual")

# Which module adds each command's parser (tests/test_cli_parser_map.py checks it against
# the full parser): a command line naming one builds only that module's parsers.
COMMAND_OWNERS = {
    "gui": None, "judge": None, "demo": "demo_cli", "competition": "competition_cli",
    "units": "units", "entries": "entries", "judges": "judges", "conflicts": "conflicts",
    "assign": "assign", "scores": "judging_files", "packages": "judging_files",
    "returns": "judging_files", "excel-sheets": "judging_files", "sheets": "sheets",
    "progress": "sheets", "results": "results_cli", "fairness": "results_cli",
    "decide-tie": "results_cli", "advance": "results_cli", "finalize": "results_cli",
    "export": "exports", "db": "db_cli", "programme": "programme_cli",
    "people": "security_commands", "keys": "security_commands",
    "verify": "security_commands", "reopen": "security_commands",
    "server": "security_commands", "manual": "manual",
}
# The options taken before the command, and whether each takes a value.
_TOP_OPTIONS = {"--db": True, "--user": True, "--as": True, "--lang": True}


def command_named(argv: list[str]) -> str | None:
    """The command a command line runs, when that is plain: known options (exactly spelt,
    `--opt value` or `--opt=value`) then a known command. None for anything else (no
    command, help, --version, an abbreviated or unknown option, an unknown command), which
    the full parser handles as it always has."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        name, equals, _value = arg.partition("=")
        if name in _TOP_OPTIONS:
            i += 1 if equals else 2
            continue
        return arg if arg in COMMAND_OWNERS else None
    return None


def parser_for(argv: list[str]) -> argparse.ArgumentParser:
    """The parser of this command line: only the parsers of the command it names (building
    all of them takes longer than some commands' work), else the full one."""
    command = command_named(argv)
    if command is None:
        return build_parser()
    owner = COMMAND_OWNERS[command]
    return build_parser(() if owner is None else (owner,))


def build_parser(modules: tuple[str, ...] = COMMAND_MODULES) -> argparse.ArgumentParser:
    """The command line's parser; with `modules`, only those modules' commands (besides
    gui and judge)."""
    parser = Parser(
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
    common = Parser(add_help=False)
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

    for name in modules:
        importlib.import_module(f"judging_app.cli.{name}").add_parsers(sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = parser_for(argv)
    with speaking(requested_language(argv)):  # help, usage and its errors in the language
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
        from judging_app.language import default_language

        return report(exc, args.lang or default_language(), " ".join(sys.argv))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
