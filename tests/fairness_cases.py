"""Small competitions whose `judging-app fairness --json` output is pinned byte for byte
(tests/fixtures/fairness/*.json, written by the straightforward implementation before the
fast one replaced it; `python tests/fairness_cases.py` writes them again).

* `ties`: two categories, 1–5 scales, few distinct scores: many exact ties under every
  method, a tie decided by the chair;
* `gaps`: missing and draft sheets, a reopened sheet, a declared conflict, a disqualified
  entry, entries with one sheet, a judge with a single sheet;
* `rounds`: two scored rounds combined by weight, ranked overall, 4–5 judges per entry (so
  the trimmed mean trims), a judge who gives every entry the same total (standardized:
  zero spread), score bands next to rank tiers.
"""

from __future__ import annotations

import random
import sys
from decimal import Decimal as D
from pathlib import Path

from judging_app.core.enums import (
    AwardKind,
    CompetitionStatus,
    ConflictReason,
    EntryStatus,
    RankingScope,
    RoundCombination,
)
from judging_app.core.setup import (
    AwardTierSpec,
    CategorySpec,
    CompetitionSetup,
    CriterionSpec,
    ResultRules,
    RoundSpec,
)
from judging_app.services import assignments, competitions, conflicts, entries, judges, sheets
from judging_app.services.entries import EntryInput
from judging_app.services.judges import JudgeInput
from judging_app.services.sheets import SheetInput
from judging_app.services.workspace import Workspace

FIXTURES = Path(__file__).parent / "fixtures" / "fairness"
ACTOR = "Sekretariat Uji"


def _competition(db, setup: CompetitionSetup, n_entries: int, n_judges: int,
                 categories: tuple[str, ...]) -> tuple[Workspace, str]:
    ws = Workspace(db, ACTOR)
    comp = competitions.create_competition(ws, setup)
    for i in range(1, 4):
        entries.add_unit(ws, comp.code, f"U{i}", f"Dinas Contoh {i}", "dinas")
    codes = [f"E{i}" for i in range(1, n_entries + 1)]
    for i, code in enumerate(codes, start=1):
        entries.add_entry(ws, comp.code, EntryInput(
            code=code, title=f"Inovasi {i}", unit=f"U{(i - 1) % 3 + 1}",
            category=categories[i % len(categories)]))
    entries.set_entry_status(ws, comp.code, codes, EntryStatus.ELIGIBLE)
    for i in range(1, n_judges + 1):
        judges.add_judge(ws, comp.code, JudgeInput(code=f"J{i}", name=f"Juri {i}"))
    competitions.set_status(ws, comp.code, CompetitionStatus.REGISTRATION)
    competitions.set_status(ws, comp.code, CompetitionStatus.JUDGING)
    return ws, comp.code


def _criterion(code: str, weight: int, top: int, step: str = "1") -> CriterionSpec:
    return CriterionSpec(code, f"Kriteria {code}", D(weight), D(1), D(top), D(step))


RANK_TIERS = (
    AwardTierSpec("j1", "Juara I", AwardKind.RANK, rank_from=1, rank_to=1),
    AwardTierSpec("j2", "Juara II", AwardKind.RANK, rank_from=2, rank_to=2),
    AwardTierSpec("j3", "Juara III", AwardKind.RANK, rank_from=3, rank_to=3),
)


def _score_all(ws, code: str, round_code: str, pairs, values, rng: random.Random,
               fates: bool = False, fixed: dict[str, dict] | None = None) -> None:
    """Submit a sheet for every (judge, entry); with `fates` some are skipped, left as
    drafts, or submitted then reopened."""
    for judge, entry in pairs:
        scores = (fixed or {}).get(judge) or {c: rng.choice(v) for c, v in values.items()}
        fate = rng.random() if fates else 1.0
        if fate < 0.06:
            continue
        sheets.save_sheet(ws, code, round_code, judge, entry, SheetInput(scores))
        if fate < 0.12:
            continue
        sheets.submit_sheet(ws, code, round_code, judge, entry)
        if fate < 0.16:
            sheets.reopen_sheet(ws, code, round_code, judge, entry, "periksa ulang")


def _pairs(db, code: str, round_code: str) -> list[tuple[str, str]]:
    return sorted(assignments.list_assignments(db, code, round_code))


def ties_case(db) -> str:
    setup = CompetitionSetup(
        name="Lomba Seri", year=2026,
        rules=ResultRules(tie_breaks=("criteria_by_weight", "first_places", "chair_decision")),
        categories=(CategorySpec("umum", "Umum"), CategorySpec("pd", "Perangkat Daerah")),
        rounds=(RoundSpec("prop", "Proposal", criteria=(
            _criterion("A", 50, 5), _criterion("B", 50, 5))),),
        award_tiers=RANK_TIERS)
    ws, code = _competition(db, setup, 14, 5, ("umum", "pd"))
    assignments.auto_assign(ws, code, "prop", 3)
    rng = random.Random(11)
    _score_all(ws, code, "prop", _pairs(db, code, "prop"), {"A": [D(3), D(4)], "B": [D(3), D(4)]},
               rng)
    _decide_first_blocking_tie(ws, code)
    return code


def _decide_first_blocking_tie(ws, code: str) -> None:
    from judging_app.services import results

    view = results.compute(ws.db, code)
    if view.results.blocking_ties:
        tie = view.results.blocking_ties[0]
        order = [view.entries[e].code for e in reversed(tie.entry_ids)]
        results.record_tie_decision(ws, code, order, "keputusan ketua")


def gaps_case(db) -> str:
    setup = CompetitionSetup(
        name="Lomba Celah", year=2026,
        rules=ResultRules(tie_breaks=("criteria_by_weight", "chair_decision")),
        categories=(CategorySpec("umum", "Umum"), CategorySpec("pd", "Perangkat Daerah")),
        rounds=(RoundSpec("prop", "Proposal", criteria=(
            _criterion("A", 40, 5), _criterion("B", 60, 5, "0.5"))),),
        award_tiers=RANK_TIERS)
    ws, code = _competition(db, setup, 16, 6, ("umum", "pd"))
    conflicts.declare_conflict(ws, code, "J5", "E3", ConflictReason.PERSONAL)
    assignments.auto_assign(ws, code, "prop", 3)
    assignments.assign(ws, code, "prop", "J6", ["E9"])
    rng = random.Random(5)
    pairs = [p for p in _pairs(db, code, "prop") if p[0] != "J6"]
    _score_all(ws, code, "prop", pairs, {"A": [D(2), D(3), D(4), D(5)],
                                         "B": [D(2), D("3.5"), D(4), D(5)]}, rng, fates=True)
    _score_all(ws, code, "prop", [("J6", "E9")], {"A": [D(1)], "B": [D(1)]}, rng)
    entries.set_entry_status(ws, code, ["E7"], EntryStatus.DISQUALIFIED, "plagiat")
    return code


def rounds_case(db) -> str:
    setup = CompetitionSetup(
        name="Lomba Dua Tahap", year=2026,
        rules=ResultRules(ranking_scope=RankingScope.OVERALL, trimmed_min_sheets=4,
                          round_combination=RoundCombination.WEIGHTED,
                          tie_breaks=("later_round", "criteria_by_weight", "chair_decision")),
        categories=(CategorySpec("umum", "Umum"), CategorySpec("pd", "Perangkat Daerah")),
        rounds=(
            RoundSpec("prop", "Proposal", weight=D(40), criteria=(
                _criterion("A", 30, 5), _criterion("B", 70, 10))),
            RoundSpec("pres", "Presentasi", weight=D(60), criteria=(
                _criterion("C", 25, 4), _criterion("D", 75, 7))),
        ),
        award_tiers=RANK_TIERS + (
            AwardTierSpec("baik", "Baik", AwardKind.BAND, min_score=D(60), max_score=D(80)),
            AwardTierSpec("sb", "Sangat Baik", AwardKind.BAND, min_score=D(80),
                          min_inclusive=False)))
    ws, code = _competition(db, setup, 10, 6, ("umum", "pd"))
    rng = random.Random(23)
    assignments.auto_assign(ws, code, "prop", 4)
    _score_all(ws, code, "prop", _pairs(db, code, "prop"),
               {"A": [D(2), D(3), D(4), D(5)], "B": [D(5), D(6), D(7), D(8), D(9), D(10)]}, rng)
    assignments.auto_assign(ws, code, "pres", 5)
    _score_all(ws, code, "pres", _pairs(db, code, "pres"),
               {"C": [D(1), D(2), D(3), D(4)], "D": [D(3), D(4), D(5), D(6), D(7)]}, rng,
               fixed={"J2": {"C": D(3), "D": D(5)}})
    return code


def sparse_case(db) -> str:
    """No two entries share the same judges: agreement cannot be computed."""
    setup = CompetitionSetup(
        name="Lomba Jarang", year=2026, rules=ResultRules(tie_breaks=("chair_decision",)),
        categories=(CategorySpec("umum", "Umum"),),
        rounds=(RoundSpec("prop", "Proposal", criteria=(_criterion("A", 100, 10),)),),
        award_tiers=RANK_TIERS)
    ws, code = _competition(db, setup, 4, 4, ("umum",))
    pairs = [("J1", "E1"), ("J2", "E1"), ("J1", "E2"), ("J3", "E2"), ("J2", "E3"), ("J3", "E3"),
             ("J4", "E4")]
    for judge, entry in pairs:
        assignments.assign(ws, code, "prop", judge, [entry])
    _score_all(ws, code, "prop", pairs, {"A": [D(4), D(6), D(9)]}, random.Random(3))
    return code


CASES = {"ties": ties_case, "gaps": gaps_case, "rounds": rounds_case, "sparse": sparse_case}


def fairness_output(path: Path, code: str, round_code: str | None = None) -> str:
    """What `judging-app fairness --competition CODE --json` prints on the file."""
    import contextlib
    import io

    from judging_app.cli.main import main

    out = io.StringIO()
    args = ["--db", str(path), "fairness", "--competition", code, "--json"]
    if round_code:
        args += ["--round", round_code]
    with contextlib.redirect_stdout(out):
        assert main(args) == 0
    return out.getvalue()


def _write_fixtures() -> None:
    import tempfile

    from judging_app.store.database import open_database

    FIXTURES.mkdir(parents=True, exist_ok=True)
    for name, build in CASES.items():
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{name}.sqlite"
            db = open_database(path)
            code = build(db)
            db.close()
            (FIXTURES / f"{name}.json").write_text(fairness_output(path, code), "utf-8")
            if name == "rounds":
                (FIXTURES / "rounds_prop.json").write_text(
                    fairness_output(path, code, "prop"), "utf-8")


if __name__ == "__main__":
    sys.exit(_write_fixtures())
