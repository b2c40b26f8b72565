"""The competition file format (judging_app/exchange/competition_file.py) and the shipped
templates in resources/templates."""

from __future__ import annotations

import dataclasses
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from judging_app.core.enums import (
    AdvancementKind,
    AggregationMethod,
    AwardKind,
    RankingScope,
    RoundCombination,
    RoundKind,
)
from judging_app.core.setup import (
    AdvancementRule,
    AwardTierSpec,
    CategorySpec,
    CompetitionSetup,
    CriterionSpec,
    LevelDescriptor,
    ResultRules,
    RoundSpec,
    validate_setup,
)
from judging_app.exchange.competition_file import (
    FORMAT_VERSION,
    CompetitionFileError,
    read_competition_file,
    setup_from_json,
    setup_to_json,
    write_competition_file,
)
from judging_app.exchange.setup_json import key_order
from judging_app.resources_access import read_resource_text, template_names

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ("city_competition", "iga_presentation", "national_kipp")
D = Decimal


def crit(code: str, weight: str, **kw: object) -> CriterionSpec:
    return CriterionSpec(code, code.title(), D(weight), D(1), D(5), D(1), **kw)  # type: ignore[arg-type]


def sample_setup() -> CompetitionSetup:
    """Every field away from its default somewhere."""
    return CompetitionSetup(
        name="Kompetisi Inovasi Kota Contoh",
        name_en="Example City Innovation Competition",
        year=2026,
        organiser="Bagian Organisasi",
        description="Uji “kutip” — ünïcode",
        rules=ResultRules(
            ranking_scope=RankingScope.OVERALL,
            aggregation=AggregationMethod.TRIMMED_MEAN,
            trimmed_min_sheets=4,
            allow_incomplete=True,
            round_combination=RoundCombination.WEIGHTED,
            tie_breaks=("criterion:manfaat", "later_round", "chair_decision"),
        ),
        categories=(
            CategorySpec("opd", "Perangkat Daerah", "Agencies"),
            CategorySpec("kec", "Kecamatan"),
        ),
        rounds=(
            RoundSpec(
                "adm", "Seleksi Administrasi", kind=RoundKind.SCREENING, instructions="Periksa"
            ),
            RoundSpec(
                "proposal",
                "Penilaian Proposal",
                weight=D("37.5"),
                blind=True,
                advancement=AdvancementRule(AdvancementKind.THRESHOLD, threshold=D("72.25")),
                criteria=(
                    crit("kebaruan", "12.5", levels=(LevelDescriptor(D(1), "kurang", "poor"),)),
                    crit("manfaat", "87.5", group="Dampak", description="d", description_en="e"),
                ),
            ),
            RoundSpec(
                "presentasi",
                "Presentasi dan Wawancara",
                weight=D("62.5"),
                advancement=AdvancementRule(AdvancementKind.TOP_N, top_n=6),
                criteria=(
                    CriterionSpec(
                        "paparan",
                        "Paparan",
                        D(100),
                        D(0),
                        D(10),
                        D("0.5"),
                        levels=(LevelDescriptor(D("7.5"), "baik"),),
                    ),
                ),
            ),
        ),
        award_tiers=(
            AwardTierSpec("j1", "Juara I", AwardKind.RANK, rank_from=1, rank_to=1, category="opd"),
            AwardTierSpec("si", "Sangat Inovatif", AwardKind.BAND, min_score=D(60)),
            AwardTierSpec("i", "Inovatif", AwardKind.BAND, min_score=D("35.5"), max_score=D(60)),
        ),
    )


def refusal(text: str, source: str = "kota.json") -> CompetitionFileError:
    with pytest.raises(CompetitionFileError) as info:
        setup_from_json(text, source)
    assert str(info.value).startswith(f"{source}: ")
    return info.value


def sample_doc() -> dict:
    return json.loads(setup_to_json(sample_setup()))


def with_change(change) -> str:  # type: ignore[no-untyped-def]
    doc = sample_doc()
    change(doc)
    return json.dumps(doc, ensure_ascii=False, indent=2)


# ------------------------------------------------------------------------ round trip


def test_round_trip_equals_and_is_stable() -> None:
    setup = sample_setup()
    assert validate_setup(setup) == []
    text = setup_to_json(setup)
    back = setup_from_json(text)
    assert back == setup
    assert setup_to_json(back) == text
    assert text.endswith("}\n") and "“kutip” — ünïcode" in text  # ensure_ascii=False


def test_numbers_are_written_as_integers_or_decimal_strings() -> None:
    doc = sample_doc()
    proposal = doc["competition"]["rounds"][1]
    assert proposal["weight"] == "37.5"
    assert proposal["criteria"][0]["weight"] == "12.5"
    assert proposal["criteria"][0]["scale_max"] == 5
    assert proposal["advancement"] == {"kind": "threshold", "top_n": None, "threshold": "72.25"}
    assert doc["competition"]["award_tiers"][1]["max_score"] is None


def test_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "kompetisi.json"
    write_competition_file(path, sample_setup())
    assert read_competition_file(path) == sample_setup()
    assert path.read_bytes() == setup_to_json(sample_setup()).encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["kompetisi.json"]  # no temporary left


def test_byte_order_mark_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + setup_to_json(sample_setup()).encode("utf-8"))
    assert read_competition_file(path) == sample_setup()


def test_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    text = setup_to_json(sample_setup()).encode("utf-8")
    path.write_bytes(text.replace(b"Uji", "Üji".encode("latin-1")))
    with pytest.raises(CompetitionFileError, match="latin1.json: not UTF-8"):
        read_competition_file(path)


def test_write_refuses_an_invalid_setup(tmp_path: Path) -> None:
    bad = dataclasses.replace(sample_setup(), categories=())
    with pytest.raises(CompetitionFileError, match=r"competition\.categories: .*at least one"):
        write_competition_file(tmp_path / "x.json", bad)
    assert not list(tmp_path.iterdir())


@given(st.decimals(min_value=0, max_value=100, places=3, allow_nan=False, allow_infinity=False))
def test_any_three_decimal_weight_round_trips_exactly(value: Decimal) -> None:
    setup = dataclasses.replace(
        sample_setup(),
        rounds=(
            RoundSpec("r", "R", criteria=(crit("a", str(value)), crit("b", str(100 - value)))),
        ),
        rules=ResultRules(),
        award_tiers=(),
    )
    assert setup_from_json(setup_to_json(setup)) == setup


def test_example_in_the_documentation_reads_and_takes_defaults() -> None:
    doc = (ROOT / "docs" / "competition-file.md").read_text(encoding="utf-8")
    section = doc.split("## A complete small example", 1)[1]
    example = re.search(r"```json\n(.*?)```", section, re.S).group(1)  # type: ignore[union-attr]
    setup = setup_from_json(example, "example")
    assert setup.rounds[0].criteria[1].weight == D("37.5")
    assert setup.rules == ResultRules()
    assert setup.rounds[0].kind == RoundKind.SCORED
    assert setup.rounds[0].advancement == AdvancementRule()


PINNED_KEYS = {
    CompetitionSetup: "name name_en year organiser description description_en rules categories rounds award_tiers",
    ResultRules: "ranking_scope aggregation trimmed_min_sheets allow_incomplete round_combination"
    " tie_breaks",
    CategorySpec: "code name name_en",
    RoundSpec: "code name name_en kind weight blind advancement instructions instructions_en"
    " criteria",
    AdvancementRule: "kind top_n threshold",
    CriterionSpec: "code name name_en weight scale_min scale_max scale_step description"
    " description_en group levels",
    LevelDescriptor: "score text text_en",
    AwardTierSpec: "code label label_en kind rank_from rank_to min_score max_score min_inclusive max_inclusive"
    " category",
}


@pytest.mark.parametrize("cls", PINNED_KEYS, ids=lambda cls: cls.__name__)
def test_written_keys_are_pinned(cls: type) -> None:
    """A field added to the setup dataclasses changes the format: update the docs and this."""
    assert key_order(cls) == tuple(PINNED_KEYS[cls].split())


# ------------------------------------------------------------------------ refusals


def test_syntax_error_names_line_and_column() -> None:
    text = setup_to_json(sample_setup()).replace('"year": 2026,', '"year": 2026', 1)
    error = refusal(text)  # the missing comma is noticed at the next key, line 8
    assert (error.line, error.column) == (8, 5)
    assert str(error) == "kota.json: line 8, column 5: not valid JSON: Expecting ',' delimiter"


def test_unknown_key_is_refused_with_its_path_and_a_hint() -> None:
    error = refusal(
        with_change(lambda d: d["competition"]["rounds"][1]["criteria"][0].update(wieght=1))
    )
    assert 'competition.rounds[1].criteria[0].wieght: unknown key (did you mean "weight"?)' in str(
        error
    )


def test_missing_key_is_refused_with_its_path() -> None:
    error = refusal(
        with_change(lambda d: d["competition"]["rounds"][2]["criteria"][0].pop("scale_step"))
    )
    assert (
        str(error) == "kota.json: competition.rounds[2].criteria[0].scale_step: missing (required)"
    )


def test_bad_enum_lists_the_allowed_values() -> None:
    error = refusal(with_change(lambda d: d["competition"]["rules"].update(aggregation="average")))
    assert "competition.rules.aggregation" in str(error)
    assert '"average" is not allowed; use one of: mean, median, trimmed_mean, standardized' in str(
        error
    )


def test_bad_tie_break_lists_the_allowed_values() -> None:
    error = refusal(with_change(lambda d: d["competition"]["rules"]["tie_breaks"].append("coin")))
    assert "competition.rules.tie_breaks[3]" in str(error)
    assert (
        "criteria_by_weight, later_round, first_places, chair_decision, criterion:<criterion code>"
        in str(error)
    )


def test_weight_with_four_decimals_is_refused() -> None:
    text = with_change(
        lambda d: d["competition"]["rounds"][1]["criteria"][0].update(weight="12.5001")
    )
    error = refusal(text)
    assert "competition.rounds[1].criteria[0].weight: '12.5001' has more than 3 decimals" in str(
        error
    )
    error = refusal(text.replace('"12.5001"', "12.5001"))  # as a JSON number: no quotes
    assert "competition.rounds[1].criteria[0].weight: 12.5001 has more than 3 decimals" in str(
        error
    )


def test_weights_summing_to_99_5_are_refused() -> None:
    error = refusal(
        with_change(lambda d: d["competition"]["rounds"][1]["criteria"][1].update(weight=87))
    )
    assert (
        "competition.rounds[1].criteria: The criterion weights add up to 99.5; they must add up "
        "to exactly 100."
        in str(error)
    )


def test_newer_version_is_refused() -> None:
    error = refusal(with_change(lambda d: d.update(version=FORMAT_VERSION + 1)))
    assert "version: this file was made by a newer version of the app" in str(error)
    assert "Update judging_app" in str(error)


@pytest.mark.parametrize("version", [0, "1", True, None])
def test_bad_version_is_refused(version: object) -> None:
    assert "version: expected a whole number" in str(
        refusal(with_change(lambda d: d.update(version=version)))
    )


def test_wrong_or_missing_format_is_refused() -> None:
    error = refusal(with_change(lambda d: d.update(format="judging-app/judge-package")))
    assert 'format: not a competition file: format is "judging-app/judge-package"' in str(error)
    assert "not a competition file" in str(refusal(with_change(lambda d: d.pop("format"))))
    assert "not a competition file" in str(refusal("[1, 2]"))


def test_float_looking_number_is_read_exactly() -> None:
    text = with_change(lambda d: d["competition"]["rounds"][1]["criteria"][0].update(weight="@"))
    setup = setup_from_json(text.replace('"@"', "12.5"))
    weight = setup.rounds[1].criteria[0].weight
    assert isinstance(weight, Decimal) and weight == Decimal("12.5")
    assert setup_from_json(text.replace('"@"', '"12,5"')).rounds[1].criteria[0].weight == D("12.5")
    # 0.1 + 0.2 style residue cannot appear: 33.333 stays 33.333
    doc = sample_doc()
    doc["competition"]["rounds"][1]["criteria"][0]["weight"] = "@1"
    doc["competition"]["rounds"][1]["criteria"][1]["weight"] = "@2"
    text = json.dumps(doc).replace('"@1"', "33.333").replace('"@2"', "66.667")
    assert [c.weight for c in setup_from_json(text).rounds[1].criteria] == [
        D("33.333"),
        D("66.667"),
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("true", "expected a number"),
        ('"abc"', "'abc' is not a number"),
        ("NaN", "expected a number"),
        ("null", "must not be null"),
        ('"2e7"', "written with an exponent"),
        ("2e7", "2E+7 is too large"),
        ('"٤"', "digits other than 0–9"),
        ('"3_7.5"', "a separator inside the number"),
        ('"37.5000000000000000000000000001"', "more than 3 decimals"),
        ("37.5000000000000000000000000001", "more than 3 decimals"),
        ("1e309", "is too large"),
    ],
)
def test_bad_numbers_are_refused(value: str, message: str) -> None:
    text = with_change(lambda d: d["competition"]["rounds"][1]["criteria"][0].update(scale_max="@"))
    error = refusal(text.replace('"@"', value))
    assert "competition.rounds[1].criteria[0].scale_max: " in str(error)
    assert message in str(error)


@pytest.mark.parametrize(
    ("change", "where", "message"),
    [
        (
            lambda d: d["competition"].update(year="2026"),
            "competition.year",
            "expected a whole number",
        ),
        (
            lambda d: d["competition"].update(year=2026.0),
            "competition.year",
            "expected a whole number",
        ),
        (lambda d: d["competition"].update(name=None), "competition.name", "must not be null"),
        (
            lambda d: d["competition"]["rounds"][1].update(blind="ya"),
            "competition.rounds[1].blind",
            "true or false",
        ),
        (lambda d: d["competition"].update(rounds={}), "competition.rounds", "expected a list"),
        (
            lambda d: d["competition"]["categories"].append("x"),
            "competition.categories[2]",
            "expected an object",
        ),
        (lambda d: d.update(extra=1), "extra", "unknown key"),
    ],
)
def test_wrong_types_are_refused(change, where: str, message: str) -> None:  # type: ignore[no-untyped-def]
    error = refusal(with_change(change))
    assert f"{where}: " in str(error) and message in str(error)


def test_duplicate_key_is_refused() -> None:
    text = setup_to_json(sample_setup()).replace('"year": 2026,', '"year": 2026, "year": 2027,', 1)
    assert "competition.year: given twice" in str(refusal(text))


def test_every_structural_problem_is_reported_at_once() -> None:
    def change(d: dict) -> None:
        d["competition"].pop("year")
        d["competition"]["rules"]["ranking_scope"] = "global"
        d["competition"]["rounds"][2]["criteria"][0]["weight"] = "1.0001"

    error = refusal(with_change(change))
    assert str(error).startswith("kota.json: 3 problems in the competition file:\n")
    assert [where for where, _ in error.problems] == [
        "competition.year",
        "competition.rules.ranking_scope",
        "competition.rounds[2].criteria[0].weight",
    ]


def test_validation_problems_carry_their_path() -> None:
    def change(d: dict) -> None:
        d["competition"]["rules"]["tie_breaks"] = ["criterion:nope"]
        d["competition"]["award_tiers"][0]["category"] = "zzz"

    error = refusal(with_change(change))
    assert "competition.rules.tie_breaks[0]: No criterion has the code 'nope'." in str(error)
    assert "competition.award_tiers[0].category: No category has the code 'zzz'." in str(error)


# ------------------------------------------------------------------------ templates


def test_the_shipped_templates_are_the_expected_ones() -> None:
    assert tuple(template_names()) == TEMPLATES


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_loads_validates_and_round_trips_byte_for_byte(name: str, tmp_path: Path) -> None:
    path = ROOT / "resources" / "templates" / f"{name}.json"
    text = read_resource_text(f"templates/{name}.json")
    assert path.read_text(encoding="utf-8") == text
    setup = read_competition_file(path)
    assert validate_setup(setup) == []
    assert setup_to_json(setup) == text
    write_competition_file(tmp_path / "copy.json", setup)
    assert (tmp_path / "copy.json").read_bytes() == path.read_bytes()


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_is_bilingual(name: str) -> None:
    setup = setup_from_json(read_resource_text(f"templates/{name}.json"), name)
    assert setup.name_en and setup.description
    assert all(c.name_en for c in setup.categories)
    assert all(t.label_en for t in setup.award_tiers)
    for r in setup.rounds:
        assert r.name_en and r.instructions and r.instructions_en
        for c in r.criteria:
            assert c.name_en and c.description and c.description_en
            assert len(c.levels) >= 3
            assert all(level.text and level.text_en for level in c.levels)


def load(name: str) -> CompetitionSetup:
    return setup_from_json(read_resource_text(f"templates/{name}.json"), name)


def test_kipp_template_carries_the_2023_weights_and_passing_grade() -> None:
    setup = load("national_kipp")
    assert [r.kind for r in setup.rounds] == [RoundKind.SCREENING] + [RoundKind.SCORED] * 3
    proposal = setup.rounds[1]
    assert [(c.name, c.weight) for c in proposal.criteria] == [
        ("Ringkasan", 0),
        ("Latar Belakang dan Tujuan", 10),
        ("Kebaruan/Nilai Tambah", 15),
        ("Implementasi Inovasi", 5),
        ("Signifikansi", 30),
        ("Adaptabilitas", 20),
        ("Sumber Daya", 5),
        ("Strategi Keberlanjutan", 15),
    ]
    assert all((c.scale_min, c.scale_max, c.scale_step) == (0, 100, 1) for c in proposal.criteria)
    assert proposal.advancement == AdvancementRule(AdvancementKind.THRESHOLD, threshold=D(85))
    assert [c.code for c in setup.categories] == ["umum", "replikasi", "khusus"]
    assert setup.rules.round_combination == RoundCombination.WEIGHTED


def test_iga_template_weights_and_bands() -> None:
    setup = load("iga_presentation")
    (scored,) = [r for r in setup.rounds if r.kind == RoundKind.SCORED]
    assert [c.weight for c in scored.criteria] == [30, 25, 15, 20, 10]
    bands = {t.label: (t.min_score, t.max_score) for t in setup.award_tiers}
    assert bands == {
        "Sangat Inovatif": (60, None),
        "Inovatif": (35, 60),
        "Kurang Inovatif": (0, 35),
    }
    assert all(t.kind == AwardKind.BAND for t in setup.award_tiers)


def test_city_template_rounds_tiers_and_tie_breaks() -> None:
    setup = load("city_competition")
    assert [r.weight for r in setup.rounds] == [0, 30, 40, 30]
    assert [c.code for c in setup.rounds[1].criteria] == [
        "kebaruan",
        "efektif",
        "bermanfaat",
        "mudah_direplikasi",
        "berkelanjutan",
    ]
    assert all(len(c.levels) == 5 and c.scale_max == 5 for c in setup.rounds[1].criteria)
    assert [(t.label, t.rank_from, t.rank_to) for t in setup.award_tiers] == [
        ("Juara I", 1, 1),
        ("Juara II", 2, 2),
        ("Juara III", 3, 3),
        ("Juara Harapan I", 4, 4),
        ("Juara Harapan II", 5, 5),
        ("Juara Harapan III", 6, 6),
    ]
    assert setup.rules.tie_breaks == (
        "criteria_by_weight",
        "later_round",
        "first_places",
        "chair_decision",
    )
