"""The command line's help, usage lines and argparse's own errors in Indonesian when the
language is Indonesian (--lang, else JUDGING_APP_LANG, else the system's), English when it
is English: every help text has its Indonesian (judging_app/texts/cli_help*.py), none is
left over, and the Indonesian help of every command reads as Indonesian."""

from __future__ import annotations

import argparse
import re

import pytest

from judging_app.cli.main import build_parser, main
from judging_app.cli.parsing import requested_language
from judging_app.texts import cli_help

from cli_support import parser_tree
from english_check import english_words


def _texts(parser) -> set[str]:
    """The English a parser's help shows: descriptions, section titles, help texts."""
    found = {parser.description, parser.epilog}
    found |= {g.title for g in parser._action_groups} | {g.description for g in parser._action_groups}
    for a in parser._actions:
        found.add(a.help)
        if isinstance(a, argparse._SubParsersAction):
            found |= {c.help for c in a._choices_actions}
    return {t for t in found if t and t != argparse.SUPPRESS}


def _placeholders(parser) -> set[str]:
    """What the usage lines show for values: metavars, else the option's name in capitals."""
    formatter = parser._get_formatter()
    shown = set()
    for a in parser._actions:
        if a.nargs == 0 or (a.choices and not a.metavar):
            continue
        default = (formatter._get_default_metavar_for_optional(a) if a.option_strings
                   else formatter._get_default_metavar_for_positional(a))
        shown.update(argparse.HelpFormatter._metavar_formatter(formatter, a, default)(1))
    return shown


def _window_launchers():
    from judging_app.ui import launch
    from judging_app.ui.judge import launch as judge_launch

    return [(("judging-app-gui",), launch.build_parser()),
            (("judging-app-gui", "judge"), judge_launch.build_parser())]


TREE = list(parser_tree(build_parser()))
WINDOW = _window_launchers()
ENGLISH_USED = set().union(*(_texts(p) for _, p in TREE + WINDOW))
PLACEHOLDERS_USED = set().union(*(_placeholders(p) for _, p in TREE + WINDOW))
ARGPARSE_OWN = set(cli_help.ARGPARSE)


def test_every_help_text_of_every_command_has_its_indonesian():
    missing = sorted(t for t in ENGLISH_USED if t not in cli_help.INDONESIAN)
    assert missing == []
    unnamed = PLACEHOLDERS_USED - set(cli_help.PLACEHOLDERS) - cli_help.SAME_PLACEHOLDERS
    assert sorted(unnamed) == []
    assert len(ENGLISH_USED) > 300


def test_no_indonesian_text_is_left_over():
    tables = {k for k in cli_help.INDONESIAN if k not in ARGPARSE_OWN}
    assert sorted(tables - ENGLISH_USED - PLACEHOLDERS_USED) == []


def test_each_indonesian_text_keeps_the_english_ones_placeholders():
    fields = re.compile(r"%\(\w+\)[sdr]|%[sdr]|%%")
    changed = {en: ind for en, ind in cli_help.INDONESIAN.items()
               if sorted(fields.findall(en)) != sorted(fields.findall(ind))}
    assert changed == {}
    copies = [en for en, ind in cli_help.INDONESIAN.items() if en == ind]
    assert copies == []
    assert [t for t in cli_help.INDONESIAN.values() if "%" in t.replace("%(", "").replace(
        "%s", "").replace("%r", "")] == []  # a bare % would break argparse's formatting


# Values help texts name as the user types them (--place none, --kind other).
TYPED_VALUES = ("none", "other")


def _typed(parser, path) -> tuple[str, ...]:
    """What a user types and the help repeats: command names, the values an option accepts,
    and the commands any help text names (judging-app units list)."""
    typed = {"judging-app", *path, *TYPED_VALUES}
    for a in parser._actions:
        typed.update(str(c) for c in (a.choices or ()))
    return (*typed, *(" ".join(p) for p, _ in TREE if len(p) > 1))


def _english(text: str, typed: tuple[str, ...] = ()) -> list[str]:
    """English words in `text`, leaving out option names (--competition), variables
    (JUDGING_APP_LANG), paths of the docs and the whole words or phrases of `typed`."""
    text = re.sub(r"-\n\s+", "-", text)  # argparse wraps --per-entry after its hyphen
    text = re.sub(r"(?<![\w-])--?[\w-]+|\bJUDGING_APP_\w+|\bdocs/[\w./-]+", " ", text)
    for phrase in sorted(typed, key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", " ", text)
    return english_words(text)


@pytest.mark.parametrize("path", [p for p, _ in TREE], ids=lambda p: " ".join(p) or "top")
def test_the_indonesian_help_of_every_command_holds_no_english(path, capsys):
    parser = dict(TREE)[path]
    with pytest.raises(SystemExit) as done:
        main(["--lang", "id", *path, "--help"])
    assert done.value.code == 0
    shown = capsys.readouterr().out
    assert shown.startswith("penggunaan: judging-app") and "opsi:" in shown
    words = _english(shown, _typed(parser, path))
    assert words == [], shown


@pytest.mark.parametrize("path", [p for p, _ in WINDOW], ids=" ".join)
def test_the_window_launchers_help_holds_no_english(path, capsys):
    from judging_app.ui.launch import main as window_main

    parser = dict(WINDOW)[path]
    with pytest.raises(SystemExit) as done:
        window_main([*path[1:], "--lang", "id", "--help"])
    assert done.value.code == 0
    shown = capsys.readouterr().out
    assert shown.startswith("penggunaan: judging-app") and "opsi:" in shown
    assert _english(shown, (*_typed(parser, path), "judging-app-gui judge")) == [], shown
    with pytest.raises(SystemExit) as done:
        window_main([*path[1:], "--lang=id", "--bogus"])
    assert done.value.code == 2
    assert "kesalahan: argumen tidak dikenal: --bogus" in capsys.readouterr().err


def test_the_english_help_stays_english(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "en", "entries", "add", "--help"])
    shown = capsys.readouterr().out
    assert shown.startswith("usage: judging-app entries add") and "options:" in shown
    assert "--code CODE" in shown and "the entry's code, e.g. INV-012" in shown
    assert "(default: implementation)" in shown


@pytest.mark.parametrize("argv, indonesian", [
    (["entries", "add", "--competition", "kota"],
     "argumen berikut wajib diberikan: --code, --title, --unit, --category"),
    (["entries", "list", "--competition", "kota", "--status", "bogus"],
     "argumen --status: pilihan tidak sah: 'bogus'"),
    (["demo", "--bogus"], "argumen tidak dikenal: --bogus"),
    (["frobnicate"], "argumen PERINTAH: pilihan tidak sah: 'frobnicate'"),
    (["entries", "screen", "--competition", "kota"],
     "salah satu argumen --eligible --remaining-eligible --disqualify --withdraw wajib "
     "diberikan"),
    (["demo", "--entries", "many"], "argumen --entries: nilai int tidak sah: 'many'"),
    (["entries", "import", "--competition", "kota"], "argumen berikut wajib diberikan: BERKAS"),
])
def test_argparse_refuses_in_indonesian(argv, indonesian, capsys):
    with pytest.raises(SystemExit) as done:
        main(["--lang", "id", *argv])
    assert done.value.code == 2
    said = capsys.readouterr().err
    assert said.startswith("penggunaan: judging-app")
    assert "judging-app" in said and ": kesalahan: " in said
    assert indonesian in " ".join(said.split()), said
    choices = {str(c) for _, p in TREE for a in p._actions for c in (a.choices or ())}
    words = _english(said, ("bogus", "frobnicate", "many", *choices))
    assert words == [], said


def test_the_language_comes_from_lang_anywhere_else_from_the_system(capsys, monkeypatch):
    argv = ["entries", "add", "--competition", "kota"]
    with pytest.raises(SystemExit):
        main([*argv, "--lang=id"])  # after the command, with =
    assert "argumen berikut wajib diberikan" in capsys.readouterr().err
    monkeypatch.setenv("JUDGING_APP_LANG", "id")
    with pytest.raises(SystemExit):
        main(argv)
    assert "kesalahan: argumen berikut wajib diberikan" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--lang", "en", *argv])
    said = capsys.readouterr().err
    assert said.startswith("usage: ") and "error: the following arguments are required" in said
    monkeypatch.setenv("JUDGING_APP_LANG", "")
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.setenv(name, "id_ID.UTF-8")
    with pytest.raises(SystemExit):
        main(argv)
    assert "argumen berikut wajib diberikan" in capsys.readouterr().err
    # an invalid --lang is refused in the system's language
    with pytest.raises(SystemExit):
        main(["--lang", "fr", *argv])
    assert "argumen --lang: pilihan tidak sah: 'fr'" in capsys.readouterr().err


def test_the_language_is_read_before_the_parser_runs(monkeypatch):
    monkeypatch.setenv("JUDGING_APP_LANG", "en")
    assert requested_language(["--lang", "id", "entries", "list"]) == "id"
    assert requested_language(["entries", "list", "--lang=id"]) == "id"
    assert requested_language(["--lang", "id", "demo", "--lang", "en"]) == "en"  # the last
    assert requested_language(["--lan", "id"]) == "id"  # argparse accepts the abbreviation
    assert requested_language(["--lang", "xx"]) == "en"
    assert requested_language(["entries", "add", "--title", "--lang id"]) == "en"
    assert requested_language(["--", "--lang", "id"]) == "en"
    monkeypatch.setenv("JUDGING_APP_LANG", "id")
    assert requested_language(["demo"]) == "id"


def test_argparse_is_itself_again_after_the_command_line_is_parsed(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "id", "demo", "--bogus"])
    capsys.readouterr()
    with pytest.raises(SystemExit):
        argparse.ArgumentParser(prog="other").parse_args(["--bogus"])
    assert "error: unrecognized arguments: --bogus" in capsys.readouterr().err
