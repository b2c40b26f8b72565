"""A command line naming a command builds only that command's parsers (cli/main.py's
COMMAND_OWNERS): the map must name every command and its right module, and the parser
built for one command must read and explain that command exactly as the full one does."""

from __future__ import annotations

import argparse

import pytest

from judging_app.cli.main import (
    COMMAND_MODULES,
    COMMAND_OWNERS,
    build_parser,
    command_named,
    parser_for,
)

from cli_support import parser_tree


def _commands(parser) -> dict[str, argparse.ArgumentParser]:
    return dict(parser._subparsers._group_actions[0].choices)


def test_the_map_names_every_command_of_the_full_parser_and_no_other():
    assert sorted(COMMAND_OWNERS) == sorted(_commands(build_parser()))
    assert {m for m in COMMAND_OWNERS.values() if m} == set(COMMAND_MODULES)


@pytest.mark.parametrize("module", COMMAND_MODULES)
def test_each_module_adds_exactly_the_commands_the_map_gives_it(module):
    added = set(_commands(build_parser((module,)))) - {"gui", "judge"}
    assert added == {c for c, m in COMMAND_OWNERS.items() if m == module}


@pytest.mark.parametrize("command", sorted(COMMAND_OWNERS))
def test_the_parser_built_for_one_command_explains_it_as_the_full_one(command):
    full = dict(parser_tree(_commands(build_parser())[command]))
    alone = dict(parser_tree(_commands(parser_for([command]))[command]))
    assert sorted(alone) == sorted(full)
    for path, parser in full.items():
        assert alone[path].format_help() == parser.format_help(), path


@pytest.mark.parametrize(("argv", "command"), [
    (["fairness", "--competition", "C"], "fairness"),
    (["--db", "x.sqlite", "--lang", "id", "results"], "results"),
    (["--db=fairness", "--user=ana", "export", "results"], "export"),
    (["--as", "ana", "judge"], "judge"),
    (["--db", "results", "fairness"], "fairness"),  # a value is not the command
    ([], None), (["--help"], None), (["-h", "results"], None), (["--version"], None),
    (["--d", "x.sqlite", "results"], None),  # abbreviated: argparse decides
    (["nonsense"], None), (["--", "results"], None), (["--db"], None),
])
def test_only_a_plain_command_line_names_its_command(argv, command):
    assert command_named(argv) == command


@pytest.mark.parametrize("argv", [
    ["--db", "a.sqlite", "fairness", "--competition", "C", "--json"],
    ["--lang=id", "results", "--competition", "C", "--method", "median", "--db", "b"],
    ["--user", "ana", "competition", "forward", "--from", "A", "--to", "B", "--winners"],
    ["people", "list", "--json"],
    ["gui", "--smoke-test"],
])
def test_the_command_line_is_read_as_the_full_parser_reads_it(argv):
    assert vars(parser_for(argv).parse_args(argv)) == vars(build_parser().parse_args(argv))


def test_a_wrong_option_is_refused_with_the_same_words(capsys):
    argv = ["fairness", "--competition", "C", "--bogus"]
    said = []
    for parser in (parser_for(argv), build_parser()):
        with pytest.raises(SystemExit):
            parser.parse_args(argv)
        said.append(capsys.readouterr().err)
    assert said[0] == said[1] and "--bogus" in said[0]
