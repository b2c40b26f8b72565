"""Running the command line in a test: `cli(*argv)` on one database file, as a user types
it; the exit status, what it printed and, for --json commands, the document."""

from __future__ import annotations

import json
from pathlib import Path

from judging_app.cli.main import main


class Cli:
    def __init__(self, database: Path | str, capsys, lang: str = "en") -> None:
        self.database, self.capsys, self.lang = str(database), capsys, lang

    def run(self, *argv, lang: str | None = None) -> tuple[int, str, str]:
        code = main(["--lang", lang or self.lang, "--db", self.database, "--user", "Ani",
                     *map(str, argv)])
        out, err = self.capsys.readouterr()
        return code, out, err

    def __call__(self, *argv, expect: int = 0, lang: str | None = None) -> str:
        """What the command printed (stdout; stderr when it is expected to fail)."""
        code, out, err = self.run(*argv, lang=lang)
        assert code == expect, f"{argv}: exit {code}\n{out}\n{err}"
        return out if expect == 0 else err

    def json(self, *argv) -> dict:
        return json.loads(self(*argv, "--json"))


def parser_tree(parser, path: tuple[str, ...] = ()):
    """(command path, parser) of a parser and of every subcommand's parser below it."""
    import argparse

    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from parser_tree(sub, (*path, name))
