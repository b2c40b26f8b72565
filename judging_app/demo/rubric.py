"""The demo competition's setup: the shipped city template, adapted.

The template (resources/templates/city_competition.json) scores the proposal round on the
five criteria of the 2021 national guideline (kebaruan 25, efektif 20, bermanfaat 25, mudah
direplikasi 15, berkelanjutan 15, scale 1–5). The demo needs exactly ten criteria in its
first scored round, so each criterion is split into two sub-criteria that keep the
parent's scale, description and level descriptors, carry the parent's name as their group,
and share its weight (kebaruan 25 = 15 + 10, …); the ten weights still sum to exactly 100.
Should the template's round hold another number of criteria (at most ten), the heaviest
criteria are split into numbered parts until there are ten, weights divided exactly in
thousandths.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from judging_app.core.enums import RoundCombination, RoundKind
from judging_app.core.setup import CompetitionSetup, CriterionSpec, RoundSpec

TEMPLATE = "templates/city_competition.json"
CRITERIA_IN_FIRST_SCORED_ROUND = 10
CITY = "Contoh"  # the made-up city of the demo ("contoh" = example)

# parent code -> (code, name, English name, weight) of its two parts
SUBCRITERIA = {
    "kebaruan": (
        ("kebaruan_gagasan", "Kebaruan Gagasan dan Metode", "Novelty of idea and method", 15),
        ("nilai_tambah", "Nilai Tambah bagi Pengguna", "Added value for users", 10),
    ),
    "efektif": (
        ("ketercapaian_tujuan", "Ketercapaian Tujuan", "Objectives achieved", 10),
        ("data_capaian", "Data Capaian Sebelum dan Sesudah", "Before-and-after results data", 10),
    ),
    "bermanfaat": (
        ("manfaat_pengguna", "Manfaat bagi Pengguna Layanan", "Benefit to service users", 15),
        ("kelompok_rentan", "Jangkauan Kelompok Rentan", "Reach to vulnerable groups", 10),
    ),
    "mudah_direplikasi": (
        ("kemudahan_replikasi", "Kemudahan Ditiru", "Ease of replication", 10),
        ("panduan_replikasi", "Ketersediaan Panduan dan SOP", "Guides and SOPs available", 5),
    ),
    "berkelanjutan": (
        ("dukungan_kebijakan", "Dukungan Kebijakan dan Anggaran", "Policy and budget support", 10),
        ("kelembagaan_sdm", "Kelembagaan dan Sumber Daya Manusia", "Institutions and staff", 5),
    ),
}


def load_template() -> CompetitionSetup:
    from judging_app.exchange.competition_file import setup_from_json
    from judging_app.resources_access import read_resource_text

    return setup_from_json(read_resource_text(TEMPLATE), source=TEMPLATE)


def demo_setup(seed: int, template: CompetitionSetup | None = None) -> CompetitionSetup:
    """The city template with the made-up city filled in and a ten-criterion proposal round."""
    setup = template if template is not None else load_template()
    rounds = list(setup.rounds)
    first = next(i for i, r in enumerate(rounds) if r.kind == RoundKind.SCORED)
    rounds[first] = ten_criteria(rounds[first])
    return dataclasses.replace(
        setup,
        name=_fill(setup.name, CITY).rstrip() + " (Demo)",
        name_en=_fill(setup.name_en, CITY).rstrip() + " (demo)",
        organiser=_fill(setup.organiser, CITY),
        description=f"Data contoh buatan (demo, seed {seed}); nama orang dan unit kerja fiktif. "
        + setup.description,
        rounds=tuple(rounds),
        # The demo scores the proposal round only (the competition is mid-judging), so its
        # results rank the last round that has been scored rather than a weighted blend.
        rules=dataclasses.replace(setup.rules, round_combination=RoundCombination.LAST_ROUND),
    )


def _fill(text: str, city: str) -> str:
    return text.replace("…", city).replace("...", city)


def ten_criteria(rnd: RoundSpec) -> RoundSpec:
    criteria = rnd.criteria
    n = len(criteria)
    if n == CRITERIA_IN_FIRST_SCORED_ROUND:
        return rnd
    if not 1 <= n < CRITERIA_IN_FIRST_SCORED_ROUND:
        raise ValueError(
            f"round {rnd.code!r} has {n} criteria; the demo can split at most "
            f"{CRITERIA_IN_FIRST_SCORED_ROUND - 1} into {CRITERIA_IN_FIRST_SCORED_ROUND}"
        )
    parts = [1] * n
    for _ in range(CRITERIA_IN_FIRST_SCORED_ROUND - n):  # split the heaviest share again
        i = max(range(n), key=lambda k: (criteria[k].weight / parts[k], -k))
        parts[i] += 1
    out: list[CriterionSpec] = []
    for c, count in zip(criteria, parts, strict=True):
        out.extend(_split(c, count))
    return dataclasses.replace(rnd, criteria=tuple(out))


def _split(c: CriterionSpec, count: int) -> list[CriterionSpec]:
    if count == 1:
        return [c]
    named = SUBCRITERIA.get(c.code)
    if named and len(named) == count and sum(w for *_, w in named) == c.weight:
        specs = [(code, name, name_en, Decimal(w)) for code, name, name_en, w in named]
    else:
        milli = int(c.weight * 1000)
        shares = [milli // count + (1 if i < milli % count else 0) for i in range(count)]
        specs = [
            (f"{c.code}_{i + 1}", f"{c.name} ({i + 1})", f"{c.name_en} ({i + 1})".strip(),
             Decimal(share) / 1000)
            for i, share in enumerate(shares)
        ]
    return [
        dataclasses.replace(c, code=code, name=name, name_en=name_en, weight=weight,
                            group=c.group or c.name)
        for code, name, name_en, weight in specs
    ]
