"""Indonesian all the way: every message code reads as Indonesian with sample parameters; the
command line in `--lang id` prints no English on the paths its tests take; refusals are
never raised as plain English text outside the readers still being converted; the window
never shows an exception's English str().

(Every Message any test renders is also checked in Indonesian: tests/conftest.py.)"""

from __future__ import annotations

import ast
import string
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from judging_app.cli.main import main
from judging_app.core.messages import Message
from judging_app.texts import catalogue, render

from english_check import english_words, sweep_problems

ROOT = Path(__file__).resolve().parents[1] / "judging_app"

# Modules whose user-visible refusals are still plain English (none: the readers of issue 15
# were the last).
READERS: set[str] = set()


def sample(name: str, spec: str) -> object:
    """A parameter value for a placeholder: numbers, dates and codes (never English)."""
    if spec in ("count", "number", "number2") or spec.startswith("plural:"):
        return Decimal("2.5") if spec.startswith("number") else 2
    if spec == "date":
        return date(2026, 12, 7)
    if spec == "datetime":
        return datetime(2026, 12, 7, 9, 30, tzinfo=UTC)
    return "X1"


def rendered_with_samples(code: str, language: str) -> str:
    english, indonesian = catalogue()[code]
    params = {name: sample(name, spec or "") for template in (english, indonesian)
              for _, name, spec, _ in string.Formatter().parse(template) if name}
    return render(Message(code, **params), language)


def test_the_checker_tells_english_from_indonesian():
    flagged = [code for code in catalogue() if english_words(rendered_with_samples(code, "en"))]
    assert len(flagged) >= 0.9 * len(catalogue())  # the English side is caught
    assert english_words("Juri J1 sudah mengirim lembar penilaian untuk E2.") == []
    assert english_words("kesalahan: Nothing was imported.") == ["Nothing", "was", "imported"]
    assert english_words("/tmp/test_of_it/a.csv: berkas tidak ada.",
                         ignore=("/tmp/test_of_it/a.csv",)) == []


def test_every_message_reads_as_indonesian():
    problems = [f"{code}: {text!r} has {words}" for code in catalogue()
                for text in [rendered_with_samples(code, "id")]
                for words in [english_words(text)] if words]
    assert problems == []


def test_the_sweep_of_rendered_messages_catches_english(monkeypatch):
    import judging_app.texts as texts

    with monkeypatch.context() as patched:  # undone before conftest's own sweep runs
        patched.setitem(texts.catalogue(), "sheets.locked", (
            "{where}: the sheet is submitted and locked.", "{where}: the sheet is locked."))
        found = sweep_problems([Message("sheets.locked", where=Message(
            "sheets.where", judge="J1", entry="E1"))])
    assert found and "sheets.locked" in found[0] and "the" in found[0]
    assert sweep_problems([Message("sheets.where", judge="the judge", entry="E1")]) == []


# ---- no English refusal in the source --------------------------------------------------------

REFUSALS = {
    "ServiceError", "NotFoundError", "ValidationError", "LockedError", "ImportFileError",
    "EntryImportError", "MessageError", "NumberError", "DatabaseOpenError",
    "NotADatabaseError", "DamagedDatabaseError", "NewerDatabaseError", "DraftError",
    "SessionError", "SaveFailed", "UsageError", "PackageError", "EntryProblem", "problem",
}
# The readers' helpers whose second argument is what people read: refuse(file, text).
REFUSALS_AFTER_THE_FILE = {"refuse", "_refuse", "ScoreWorkbookError", "EntryFileError",
                           "CompetitionFileError", "ScoresCsvError", "CsvFileError"}
# Lists of problems and notes that reach people.
SAID_LISTS = {"problems", "notes", "bad", "items"}


def _is_text(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_text(node.left) or _is_text(node.right)
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("format", "join") and _is_text(node.func.value))


def _sources():
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel not in READERS and not rel.startswith("texts/"):
            yield rel, ast.parse(path.read_text(encoding="utf-8"))


def test_no_refusal_is_raised_with_plain_text():
    found = []
    for rel, tree in _sources():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            said = (name in REFUSALS and _is_text(node.args[0])
                    or name in REFUSALS_AFTER_THE_FILE and len(node.args) > 1
                    and _is_text(node.args[1])
                    or name in REFUSALS_AFTER_THE_FILE and isinstance(node.args[-1], ast.List)
                    and any(_is_text(e) for e in node.args[-1].elts)
                    or name == "append" and _is_text(node.args[0])
                    and _list_name(node.func.value) in SAID_LISTS)
            if said:
                found.append(f"{rel}:{node.lineno}: {ast.unparse(node)[:90]}")
    assert found == []


def _list_name(node: ast.AST) -> str:
    return getattr(node, "attr", None) or getattr(node, "id", None) or ""


def test_message_codes_are_literals():
    """So that tests/test_messages.py sees every code and its parameters."""
    found = []
    for rel, tree in _sources():
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Message"
                    and node.args and not isinstance(node.args[0], ast.Constant)
                    and rel != "core/messages.py"):  # its table of errno codes is checked below
                found.append(f"{rel}:{node.lineno}")
    assert found == []


def test_file_problems_in_words():
    import errno

    from judging_app.core.messages import _OS_ERRORS, os_error_message

    for number in _OS_ERRORS:
        text = os_error_message(OSError(number, "English text", "nilai.csv")).render("id")
        assert text.startswith("nilai.csv") and "English" not in text, text
    assert "tidak ada" in os_error_message(FileNotFoundError(errno.ENOENT, "x")).render("id")
    other = os_error_message(OSError(errno.EIO, "Input/output error", "a.xlsx"))
    assert other.render("id") == "a.xlsx: berkas tidak dapat digunakan (Input/output error)."


def test_the_window_shows_refusals_through_message_text():
    """ui/ never puts an exception's str() (English) in front of people: message_text or
    first_line render it in the window's language. A technical 'Type: text' detail line
    for unexpected errors is allowed."""
    found = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "str"
                    and node.args and isinstance(node.args[0], ast.Name)
                    and node.args[0].id in ("exc", "error", "err", "e")):
                found.append(f"{path.name}:{node.lineno}")
            if isinstance(node, ast.JoinedStr):
                parts = [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
                names = [p.id for p in parts if isinstance(p, ast.Name)]
                technical = "__name__" in ast.unparse(node)
                if any(n in ("exc", "error", "err") for n in names) and not technical:
                    found.append(f"{path.name}:{node.lineno}")
    assert found == []


# ---- the command line in Indonesian -------------------------------------------------------


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("JUDGING_APP_AS", raising=False)
    database = tmp_path / "kota.sqlite"

    def run(*argv, actor: bool = True) -> tuple[int, str]:
        args = ["--lang", "id", "--db", str(database), *(["--as", "Ani"] if actor else []),
                *map(str, argv)]
        code = main(args)
        out, err = capsys.readouterr()
        return code, out + err

    run.tmp = tmp_path
    return run


def _indonesian(text: str, tmp: Path) -> list[str]:
    return english_words(text, ignore=(str(tmp),))


def test_the_command_line_speaks_indonesian(cli, monkeypatch):
    tmp, said = cli.tmp, []

    def say(*argv, expect: int = 0, actor: bool = True) -> str:
        code, text = cli(*argv, actor=actor)
        assert code == expect, text
        said.append((argv[:2], text))
        return text

    demo = say("demo", "--entries", "12", "--judges", "4", "--scored")
    assert "Kompetisi demo 'demo-2026'" in demo and "konflik kepentingan yang dinyatakan" in demo
    say("competition", "list")
    say("competition", "templates")
    say("competition", "create", "--template", "nope", expect=2)
    say("competition", "create", "--template", "city_competition", "--code", "kota")
    say("competition", "create", "--template", "city_competition", "--code", "kota", expect=1)
    say("competition", "export", "--competition", "kota", "--out", tmp / "kota.json")
    say("results", "--competition", "demo-2026")
    say("results", "--competition", "nope", expect=1)
    say("fairness", "--competition", "demo-2026")
    say("decide-tie", "--competition", "demo-2026", "--order", "INV-001,INV-002",
        "--reason", "rapat", expect=1)
    say("decide-tie", "--competition", "demo-2026", "--order", "INV-001", "--reason", "",
        expect=1)
    say("finalize", "--competition", "demo-2026", expect=1)
    say("finalize", "--competition", "kota", expect=1)
    say("advance", "--competition", "demo-2026", "--round", "proposal", "--dry-run")
    say("advance", "--competition", "demo-2026", "--round", "proposal", expect=1)
    say("advance", "--competition", "kota", "--round", "seleksi", expect=1)
    say("packages", "export", "--competition", "demo-2026", "--round", "proposal",
        "--out", tmp / "paket")
    say("packages", "export", "--competition", "kota", "--round", "seleksi",
        "--out", tmp / "paket2", expect=1)
    say("excel-sheets", "export", "--competition", "demo-2026", "--round", "proposal",
        "--out", tmp / "excel", "--judge", "J01")
    say("export", "winners", "--competition", "demo-2026", "--out", tmp / "pemenang.pdf")
    say("entries", "template", "--competition", "kota", "--out", tmp / "templat.xlsx")
    say("db", "verify-audit")
    say("db", "verify-totals")
    say("db", "upgrade")
    say("db", "backup", tmp / "cadangan.sqlite")
    say("db", "backup", tmp / "cadangan.sqlite", expect=1)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp / "nobody"))  # no remembered name
    code, text = cli("competition", "create", "--template", "city_competition", actor=False)
    assert code == 2
    said.append(("no actor", text))
    from judging_app.services.templates import list_templates

    data = [v for t in list_templates() for v in (t.key, t.name)]  # names, not sentences
    english = {str(what): found for what, text in said
               if (found := english_words(text, ignore=(str(tmp), *data)))}
    assert english == {}


def test_a_missing_file_is_named_in_indonesian(cli):
    code, text = cli("competition", "import", cli.tmp / "tidak-ada.json")
    assert code == 1 and "tidak ada" in text and _indonesian(text, cli.tmp) == []


def test_the_readers_refuse_in_indonesian(cli):
    """Returns, packages, entry lists and score workbooks that cannot be read: every line in
    Indonesian (these readers said it in English until issue 15 converted them)."""
    tmp = cli.tmp
    assert cli("demo", "--entries", "6", "--judges", "3")[0] == 0
    assert cli("packages", "export", "--competition", "demo-2026", "--round", "proposal",
               "--out", tmp / "paket")[0] == 0
    package = next((tmp / "paket").iterdir())
    (tmp / "rusak.jret").write_text("{", encoding="utf-8")
    (tmp / "asing.jret").write_text('{"format": "lain"}', encoding="utf-8")
    (tmp / "dalam.jret").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (tmp / "desimal.jret").write_text('{"a": 1.5}', encoding="utf-8")
    code, text = cli("returns", "import", tmp / "rusak.jret", tmp / "hilang.jret",
                     tmp / "asing.jret", tmp / "dalam.jret", tmp / "desimal.jret", package,
                     "--competition", "demo-2026")
    assert code == 1 and "6 dari 6 berkas ditolak" in text, text
    assert "bukan JSON yang sah" in text and "paket juri" in text
    assert _indonesian(text, tmp) == [], text

    (tmp / "inovasi.csv").write_text(
        "Kode,Judul inovasi,Perangkat daerah,Kategori,Tahapan,Tanggal mulai\n"
        "E1,Satu,Dinas A,tidak-ada,entah,31/02/2024\nE1,Dua,,Umum,,\n", encoding="utf-8")
    (tmp / "bukan.xlsx").write_bytes(b"%PDF-1.4 bukan lembar kerja")
    for argv in (("entries", "import", "--competition", "demo-2026", tmp / "inovasi.csv"),
                 ("entries", "import", "--competition", "demo-2026", "--dry-run",
                  tmp / "inovasi.csv"),
                 ("entries", "import", "--competition", "demo-2026", tmp / "bukan.xlsx"),
                 ("excel-sheets", "import", "--competition", "demo-2026",
                  tmp / "bukan.xlsx")):
        code, text = cli(*argv)
        assert code == 1 and _indonesian(text, tmp) == [], text
    assert "dokumen PDF" in text
