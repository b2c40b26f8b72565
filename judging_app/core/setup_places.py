"""Where a setup problem is, in words a secretariat reads: validate_setup locates problems
by a path ('rounds[1].criteria[0].weight'); this names the place by the round's and the
criterion's names ('Round “Penilaian proposal”, criterion “Kebaruan”') as a Message."""

from __future__ import annotations

import re

from judging_app.core.messages import Message
from judging_app.core.setup import CompetitionSetup, Problem

_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


def problem_area(where: str) -> str:
    """Which part of the setup a problem belongs to: competition, categories, rounds,
    tiers or tiebreaks."""
    head = where.split(".")[0].split("[")[0]
    if where.startswith("rules.tie_breaks"):
        return "tiebreaks"
    return {"categories": "categories", "rounds": "rounds", "award_tiers": "tiers"}.get(
        head, "competition")


def problem_place(where: str, setup: CompetitionSetup) -> Message:
    """'rounds[1].criteria[0].weight' -> Round “Penilaian Proposal”, criterion “Kebaruan”."""
    steps = [(m.group(1), m.group(2)) for m in _STEP.finditer(where)]
    area = problem_area(where)
    if area == "competition":
        return Message("setup.place.competition")
    if area == "tiebreaks":
        return Message("setup.place.tie_break", step=int(steps[1][1] or 0) + 1)
    index = steps[0][1]
    if index is None:
        return {"categories": Message("setup.place.categories"),
                "rounds": Message("setup.place.rounds"),
                "tiers": Message("setup.place.tiers")}[area]
    i = int(index)
    if area == "categories":
        code = setup.categories[i].code if i < len(setup.categories) else ""
        return Message("setup.place.category", category=code or i + 1)
    if area == "tiers":
        tier = setup.award_tiers[i] if i < len(setup.award_tiers) else None
        return Message("setup.place.tier", tier=(tier and (tier.label or tier.code)) or i + 1)
    rnd = setup.rounds[i] if i < len(setup.rounds) else None
    round_name = (rnd and (rnd.name or rnd.code)) or i + 1
    if len(steps) > 1 and steps[1][0] == "criteria" and steps[1][1] is not None and rnd:
        j = int(steps[1][1])
        crit = rnd.criteria[j] if j < len(rnd.criteria) else None
        return Message("setup.place.criterion", round=round_name,
                       criterion=(crit and (crit.name or crit.code)) or j + 1)
    return Message("setup.place.round", round=round_name)


def located(problem: Problem, setup: CompetitionSetup) -> Message:
    """The problem with its place: Round “Penilaian proposal”: The criterion weights …"""
    return Message("setup.at", place=problem_place(problem.where, setup),
                   problem=problem.message)
