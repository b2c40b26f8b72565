"""Small, hand-checkable competitions for tests."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal as D

from judging_app.core.enums import AwardKind, CompetitionStatus, EntryStatus, RoundKind
from judging_app.core.setup import (
    AwardTierSpec,
    CategorySpec,
    CompetitionSetup,
    CriterionSpec,
    LevelDescriptor,
    ResultRules,
    RoundSpec,
)
from judging_app.services import competitions, entries, judges
from judging_app.services.entries import EntryInput
from judging_app.services.judges import JudgeInput
from judging_app.services.workspace import Workspace


def tiny_setup(name: str = "Lomba Inovasi Kota Contoh", year: int = 2026) -> CompetitionSetup:
    """Two categories; screening then one scored round: A weight 40, B weight 60, scale 1-5."""
    return CompetitionSetup(
        name=name,
        year=year,
        organiser="Bappeda Kota Contoh",
        rules=ResultRules(tie_breaks=("criteria_by_weight", "chair_decision")),
        categories=(CategorySpec("umum", "Umum", "General"), CategorySpec("pd", "Perangkat Daerah")),
        rounds=(
            RoundSpec(code="adm", name="Seleksi administrasi", kind=RoundKind.SCREENING),
            RoundSpec(
                code="prop",
                name="Penilaian proposal",
                criteria=(
                    CriterionSpec("A", "Kebaruan", D(40), D(1), D(5), D(1),
                                  levels=(LevelDescriptor(D(1), "kurang"), LevelDescriptor(D(5), "sangat baik"))),
                    CriterionSpec("B", "Kemanfaatan", D(60), D(1), D(5), D("0.5")),
                ),
            ),
        ),
        award_tiers=(
            AwardTierSpec("j1", "Juara I", AwardKind.RANK, rank_from=1, rank_to=1),
            AwardTierSpec("j2", "Juara II", AwardKind.RANK, rank_from=2, rank_to=2),
        ),
    )


@dataclass
class Seeded:
    ws: Workspace
    code: str


def seeded_competition(db, *, n_entries: int = 4, n_judges: int = 3, judging: bool = True) -> Seeded:
    """tiny_setup with units U1..U3, entries E1..En (eligible), judges J1..Jm (no units)."""
    ws = Workspace(db, "Sekretariat Uji")
    comp = competitions.create_competition(ws, tiny_setup())
    for i in range(1, 4):
        entries.add_unit(ws, comp.code, f"U{i}", f"Dinas Contoh {i}", "dinas")
    codes = []
    for i in range(1, n_entries + 1):
        entries.add_entry(ws, comp.code, EntryInput(
            code=f"E{i}", title=f"Inovasi {i}", unit=f"U{(i - 1) % 3 + 1}",
            category="umum" if i % 2 else "pd",
        ))
        codes.append(f"E{i}")
    entries.set_entry_status(ws, comp.code, codes, EntryStatus.ELIGIBLE)
    for i in range(1, n_judges + 1):
        judges.add_judge(ws, comp.code, JudgeInput(code=f"J{i}", name=f"Juri {i}"))
    if judging:
        competitions.set_status(ws, comp.code, CompetitionStatus.REGISTRATION)
        competitions.set_status(ws, comp.code, CompetitionStatus.JUDGING)
    return Seeded(ws, comp.code)


def judge_signing_key(db, judge: str) -> str:
    """A judge's signing key as the secretariat's app derives it (services/signing)."""
    from sqlalchemy import select

    from judging_app.services import signing
    from judging_app.store.models import Competition, Judge

    with db.read() as s:
        row = s.scalar(select(Judge).where(Judge.code == judge))
        return signing.judge_key(s, s.get(Competition, row.competition_id), row)
