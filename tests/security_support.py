"""A protected competition with one person per role, and a finalized one, for the security
tests (tests/test_security_*.py)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal as D

from judging_app.core.people import Role
from judging_app.services import assignments, people, results, sheets
from judging_app.services.people import PersonInput
from judging_app.services.sheets import SheetInput
from judging_app.services.workspace import Workspace

from factories import seeded_competition

PASSWORD = "rahasia-uji-123"
# entry -> judge -> (A, B); E1 74, E2 80, E3 220/3, E4 80 (E4 wins the tie on B)
SCORES = {
    "E1": {"J1": (4, "3.5"), "J2": (5, 4), "J3": (3, 3)},
    "E3": {"J1": (5, 5), "J2": (4, 3), "J3": (2, 3)},
    "E2": {"J1": (4, 4), "J2": (4, 4), "J3": (4, 4)},
    "E4": {"J1": (2, 5), "J2": (5, 4), "J3": (2, 5)},
}


@dataclass
class Panel:
    db: object
    code: str
    typed: Workspace  # the name typed before the database was protected

    def ws(self, login: str) -> Workspace:
        return Workspace(self.db, people.sign_in(self.db, login, PASSWORD))


def register_panel(db, *, protect: bool = True) -> Panel:
    """Secretariat 'sekre', chair 'ketua', judges 'juri1'..'juri3' (J1..J3), observer
    'pengamat'; assignments made; the database protected."""
    s = seeded_competition(db)
    assignments.auto_assign(s.ws, s.code, "prop", 3)
    for login, name, roles, judges in (
        ("sekre", "Sekretariat Satu", (Role.SECRETARIAT,), ()),
        ("sekre2", "Sekretariat Dua", (Role.SECRETARIAT,), ()),
        ("ketua", "Ketua Dewan Juri", (Role.CHAIR,), ()),
        ("juri1", "Juri 1", (Role.JUDGE,), ((s.code, "J1"),)),
        ("juri2", "Juri 2", (Role.JUDGE,), ((s.code, "J2"),)),
        ("juri3", "Juri 3", (Role.JUDGE,), ((s.code, "J3"),)),
        ("pengamat", "Pengamat", (Role.OBSERVER,), ()),
    ):
        people.add_person(s.ws, PersonInput(login, name, "", roles, judges), PASSWORD)
    panel = Panel(db, s.code, s.ws)
    if protect:
        people.protect(panel.ws("sekre"))
    return panel


def score_all(panel: Panel, scores=SCORES) -> None:
    """Each judge scores and submits their own sheets, signed in."""
    for entry, by_judge in scores.items():
        for judge, (a, b) in by_judge.items():
            ws = panel.ws(f"juri{judge[1:]}")
            sheets.save_sheet(ws, panel.code, "prop", judge, entry,
                              SheetInput({"A": D(a), "B": D(b)}))
            sheets.submit_sheet(ws, panel.code, "prop", judge, entry)


def finalized_panel(db) -> tuple[Panel, str]:
    panel = register_panel(db)
    score_all(panel)
    return panel, results.finalize(panel.ws("sekre"), panel.code)
