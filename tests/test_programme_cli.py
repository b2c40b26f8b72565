"""The programme demo (three years of a city's programme) on both backends, and the
`programme` and `competition forward` commands on it."""

from __future__ import annotations

import json

import pytest

from judging_app.cli.main import main
from judging_app.demo.programme import build_programme_demo
from judging_app.services import compliance, innovations, programme_matches, unit_history
from judging_app.services.workspace import Workspace


@pytest.fixture
def demo(db):
    summary = build_programme_demo(Workspace(db, "Demo"), seed=3, units=12)
    return db, summary


def test_the_demo_builds_three_years_with_skips_continuations_a_merger_and_forwarding(demo):
    db, summary = demo
    assert summary.years == (2024, 2025, 2026) and summary.units == 12
    assert summary.competitions == ("kota-2024", "kota-2025", "kota-2026")
    assert all(n >= 1 for n in summary.skipped)
    reports = {y: compliance.compliance(db, y).compliance for y in summary.years}
    for year, report in reports.items():
        assert report.totals.compliant < report.totals.units, year  # some stand out
    merged, into = summary.merged
    assert merged in {r.code for r in reports[2024].rows}
    assert merged not in {r.code for r in reports[2025].rows}  # counted for its successor
    assert merged in {u.code for u in unit_history.unit_history(db, into).absorbed}
    found = innovations.list_innovations(db)
    assert any(len(i.years) > 1 and i.entries > 1 for i in found)  # continued innovations
    assert any(i.latest_state == "stopped" for i in found)
    assert summary.forwarded >= 1 and summary.national == "kipp-2026"
    assert programme_matches.pending(db).units  # the typo'd unit waits for a person


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def built_demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "programme.sqlite"
    assert main(["--db", str(path), "--as", "Demo", "programme", "demo", "--units", "12",
                 "--seed", "2"]) == 0
    return path


@pytest.fixture
def demo_file(built_demo, tmp_path):
    """A copy of the demo built once for this module (the tests write to it)."""
    import shutil

    path = tmp_path / "programme.sqlite"
    for suffix in ("", "-wal", "-shm"):  # the write-ahead log may hold the latest pages
        source = built_demo.with_name(built_demo.name + suffix)
        if source.exists():
            shutil.copy(source, path.with_name(path.name + suffix))
    return str(path)


def test_compliance_history_and_matches_from_the_command_line(demo_file, capsys, tmp_path):
    db = ["--db", demo_file]
    code, out, _ = _run(capsys, *db, "programme", "compliance", "--year", "2025", "--json",
                        "--out", str(tmp_path / "k.pdf"))
    data = json.loads(out)
    assert code == 0 and data["year"] == 2025 and (tmp_path / "k.pdf").is_file()
    assert data["units"][0]["compliant"] is False  # the units with none come first
    assert data["totals"]["units"] == len(data["units"])
    unit = next(u for u in data["units"] if u["awarded"])
    code, out, _ = _run(capsys, *db, "programme", "history", "--unit", unit["code"], "--json")
    history = json.loads(out)
    assert [y["year"] for y in history["years"]][-1] == 2026
    awards = [e["award"] for y in history["years"] for e in y["entries"] if y["year"] == 2025]
    assert unit["awards"][0] in awards
    code, out, _ = _run(capsys, *db, "--lang", "id", "programme", "compliance", "--year", "2024")
    assert code == 0 and out.startswith("Kepatuhan 2024:") and "BELUM ADA" in out
    code, out, _ = _run(capsys, *db, "programme", "matches")
    assert "may be" in out and "confirm or reject it" in out


def test_forwarding_and_monitoring_from_the_command_line(demo_file, capsys):
    db = ["--db", demo_file, "--as", "Sekretariat"]
    code, out, err = _run(capsys, *db, "competition", "forward", "--from", "kota-2024",
                          "--to", "kipp-2026", "--winners", "--category", "umum")
    assert code == 0 and "forwarded from kota-2024 to kipp-2026 (national level)" in out
    code, out, err = _run(capsys, *db, "competition", "forward", "--from", "kota-2024",
                          "--to", "kipp-2026", "--winners", "--category", "umum")
    assert code == 1 and "was already forwarded to kipp-2026" in err and "Traceback" not in err
    code, out, err = _run(capsys, *db, "competition", "forward", "--from", "kota-2024",
                          "--to", "iga-2025", "--winners", "--category", "umum",
                          "--template", "national_kipp", "--name", "IGA 2025")
    assert code == 0 and "iga-2025 created from template national_kipp" in out, err
    code, out, err = _run(capsys, *db, "competition", "list")
    assert "iga-2025" in out and "IGA 2025" in out
    code, out, err = _run(capsys, *db, "--lang", "id", "competition", "forward", "--from",
                          "kota-2024", "--to", "iga-2025", "--winners", "--year", "2025")
    assert code == 2 and "sertakan juga --template" in err
    code, out, _ = _run(capsys, *db, "programme", "innovations", "--year", "2024", "--json")
    first = json.loads(out)["innovations"][0]["code"]
    code, out, err = _run(capsys, *db, "programme", "status", "--innovation", first, "--year",
                          "2027", "--stopped", "--note", "diganti aplikasi kota")
    assert code == 0, err
    code, out, err = _run(capsys, *db, "programme", "unit", "merge", "--unit", "NOPE",
                          "--into", "X", "--on", "2027-13-01")
    assert code == 2 and "--on: 2027-13-01 is not a date" in err
    code, out, err = _run(capsys, *db, "--lang", "id", "programme", "unit", "end", "--unit", "X",
                          "--on", "kemarin")
    assert code == 2 and "--on: kemarin bukan tanggal" in err
    code, out, err = _run(capsys, *db, "programme", "catalogue", "--out", demo_file)
    assert code == 1 and "holds other files" in err
