"""The command line explains itself: every option has help that shows its default, the
help starts without loading the database or window libraries, and what the new commands
print in Indonesian holds no English."""

from __future__ import annotations

import argparse
import subprocess
import sys

from openpyxl import Workbook

from judging_app.cli.main import build_parser

from cli_support import Cli
from english_check import english_words


def _parsers(parser, path=("judging-app",)):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, (*path, name))


def _options(parser):
    return [a for a in parser._actions if not isinstance(
        a, argparse._HelpAction | argparse._VersionAction | argparse._SubParsersAction)]


def test_every_option_of_every_command_has_help():
    missing = [f"{' '.join(path)} {a.option_strings or a.dest}"
               for path, parser in _parsers(build_parser()) for a in _options(parser)
               if not (a.help or "").strip()]
    assert missing == []


def test_every_default_worth_knowing_is_shown_in_the_help():
    unshown = []
    for path, parser in _parsers(build_parser()):
        text = " ".join(parser.format_help().split())
        for a in _options(parser):
            if a.option_strings and not isinstance(a.default, bool) and a.default not in (
                    None, "", argparse.SUPPRESS) and f"(default: {a.default})" not in text:
                unshown.append(f"{' '.join(path)} {a.option_strings[0]}={a.default!r}")
    assert unshown == []
    demo = " ".join(build_parser()._subparsers._group_actions[0].choices["demo"]
                    .format_help().split())
    assert "--entries N how many entries (default: 140)" in demo


def test_every_list_takes_json(tmp_path, capsys):
    lists = {" ".join(path[1:]): parser for path, parser in _parsers(build_parser())
             if path[-1] in ("list", "templates", "show", "status", "progress", "results",
                             "fairness") and path[1] != "export"
             and path[1:] != ("programme", "status")}  # a write: an innovation's status
    assert len(lists) >= 12
    lacking = [name for name, parser in lists.items()
               if "--json" not in [o for a in _options(parser) for o in a.option_strings]]
    assert lacking == []
    import json

    from judging_app.cli.main import main
    db = str(tmp_path / "c.sqlite")
    assert main(["--db", db, "--as", "Ani", "competition", "create", "--template",
                 "city_competition", "--code", "kota", "--name", "Lomba Kota", "--year", "2026"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "competition", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["competitions"]
    assert [(c["code"], c["name"], c["year"], c["status"], c["entries"]) for c in listed] == [
        ("kota", "Lomba Kota", 2026, "draft", 0)]
    assert main(["competition", "templates", "--json"]) == 0
    keys = [t["key"] for t in json.loads(capsys.readouterr().out)["templates"]]
    assert keys == ["city_competition", "iga_presentation", "national_kipp"]


def test_help_and_version_start_without_the_heavy_libraries():
    probe = ("import sys\nfrom judging_app.cli.main import main\n"
             "for argv in (['--version'], ['--help'], ['judges', 'import', '--help'],"
             " ['assign', '--help']):\n"
             "    try:\n        main(argv)\n    except SystemExit:\n        pass\n"
             "heavy = [m for m in ('sqlalchemy', 'PySide6', 'openpyxl') if m in sys.modules]\n"
             "print('HEAVY', heavy, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert "HEAVY []" in done.stderr
    assert "--per-entry K" in done.stdout


def test_the_new_commands_speak_indonesian(tmp_path, capsys):
    cli = Cli(tmp_path / "kota.sqlite", capsys, lang="id")
    said: list[tuple[str, str]] = []

    def say(*argv, expect: int = 0) -> str:
        code, out, err = cli.run(*argv)
        assert code == expect, out + err
        said.append((" ".join(map(str, argv[:2])), out + err))
        return out + err

    comp = ("--competition", "kota")
    cli("competition", "create", "--template", "city_competition", "--code", "kota")
    say("competition", "show", *comp)
    say("competition", "status", *comp)
    say("competition", "start-judging", *comp, expect=1)
    say("competition", "start-registration", *comp)
    say("units", "add", *comp, "--code", "DINKES", "--name", "Dinas Kesehatan")
    say("units", "list", *comp)
    say("units", "rename", *comp, "--code", "DINKES", "--name", "Dinas Kesehatan Kota")
    for code in ("E1", "E2", "E3"):
        say("entries", "add", *comp, "--code", code, "--title", f"Inovasi {code}",
            "--unit", "DINKES", "--category", "upt")
    say("entries", "edit", *comp, "--code", "E1", "--stage", "trial")
    say("entries", "show", *comp, "--code", "E1")
    say("entries", "screen", *comp, "--disqualify", "E3", expect=1)
    say("entries", "screen", *comp, "--disqualify", "E3", "--reason", "Tidak lengkap")
    say("entries", "screen", *comp, "--remaining-eligible")
    say("entries", "screen", *comp, "--eligible", "E1,E2")
    say("entries", "list", *comp)
    book = Workbook()
    book.active.append(["Kode", "Nama", "Perangkat daerah", "Peran"])
    book.active.append(["J1", "Prof. Ani", "", "ketua"])
    book.active.append(["J2", "", "DINSOS", "wakil"])
    book.save(tmp_path / "juri.xlsx")
    say("judges", "import", tmp_path / "juri.xlsx", *comp, expect=1)
    say("judges", "list", *comp)
    say("judges", "add", *comp, "--code", "J1", "--name", "Prof. Ani", "--role", "chair")
    say("judges", "add", *comp, "--code", "J2", "--name", "Budi", "--unit", "DINKES")
    say("judges", "add", *comp, "--code", "J3", "--name", "Citra")
    say("judges", "edit", *comp, "--code", "J3", "--affiliation", "UNHAS")
    say("judges", "list", *comp)
    say("conflicts", "declare", *comp, "--judge", "J3", "--entry", "E2", "--reason", "other",
        expect=1)
    say("conflicts", "declare", *comp, "--judge", "J3", "--entry", "E2", "--reason",
        "personal")
    say("conflicts", "list", *comp)
    say("conflicts", "withdraw", *comp, "--judge", "J3", "--entry", "E2")
    say("assign", *comp, expect=2)
    say("assign", *comp, "--auto", "--per-entry", "2", "--preview")
    say("assign", *comp, "--auto", "--per-entry", "2")
    say("assign", "list", *comp)
    say("assign", "remove", *comp, "--judge", "J1", "--entries", "E1")
    say("assign", "add", *comp, "--judge", "J1", "--entries", "E1")
    say("judges", "disable", *comp, "--code", "J3")
    say("competition", "start-judging", *comp)
    say("progress", *comp)
    say("sheets", "show", *comp, "--round", "proposal", "--judge", "J1", "--entry", "E1")
    say("sheets", "reopen", *comp, "--round", "proposal", "--judge", "J1", "--entry", "E1",
        "--reason", "Salah", expect=1)
    say("competition", "status", *comp)
    data = ("Dinas Kesehatan Kota", "Dinas Kesehatan", "Prof. Ani", "Budi", "Citra", "UNHAS",
            "Tidak lengkap", "Kompetisi Inovasi Pelayanan Publik Kota", "juri.xlsx",
            "judging-app judges add / judges import", "judging-app entries import / entries add",
            str(tmp_path), "--per-entry")
    english = {what: found for what, text in said
               if (found := english_words(text, ignore=data))}
    assert english == {}
