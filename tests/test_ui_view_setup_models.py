"""The Setup view's table models and texts, without a window."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

import pytest
from PySide6.QtCore import QLocale, Qt

from judging_app.core.enums import AwardKind
from judging_app.core.messages import Message
from judging_app.core.setup import (
    AwardTierSpec,
    LevelDescriptor,
    Problem,
    validate_setup,
)
from judging_app.core.setup_places import located, problem_area
from judging_app.texts import render
from judging_app.ui.views.setup_tables import (
    AwardTiersModel,
    CategoriesModel,
    CriteriaModel,
    LevelsModel,
)
from judging_app.ui.views.setup_texts import (
    decimal_text,
    parse_decimal_text,
    problem_message,
    problem_place,
    tie_break_label,
    weight_total,
)

from factories import tiny_setup

ROLE = Qt.ItemDataRole
EDITABLE = Qt.ItemFlag.ItemIsEditable


@pytest.fixture
def indonesian_numbers():
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    yield
    QLocale.setDefault(QLocale.system())


def criteria_model() -> CriteriaModel:
    model = CriteriaModel()
    model.set_rows(tiny_setup().rounds[1].criteria, prefix="rounds[1].criteria")
    return model


def test_criteria_model_shows_and_takes_decimals_with_a_comma(qapp, indonesian_numbers):
    model = criteria_model()
    edits = []
    model.edited.connect(lambda: edits.append(1))
    weight = model.index(0, CriteriaModel.WEIGHT)
    assert model.data(weight) == "40"
    assert model.data(model.index(1, CriteriaModel.STEP)) == "0,5"
    assert model.setData(weight, "37,5")
    assert model.items()[0].weight == D("37.5")
    assert model.data(weight) == "37,5"
    assert model.setData(weight, "12.25")
    assert model.items()[0].weight == D("12.25")
    assert edits == [1, 1]
    assert not model.setData(weight, "banyak")
    assert not model.setData(weight, "1,2345")  # more than three decimals
    assert not model.setData(weight, "")  # a weight is required
    assert model.items()[0].weight == D("12.25")
    assert weight_total(model.items()) == D("72.25")
    assert model.headerData(CriteriaModel.WEIGHT, Qt.Orientation.Horizontal) == "Weight (%)"


def test_read_only_rows_cannot_be_edited(qapp):
    model = CriteriaModel()
    model.set_rows(tiny_setup().rounds[1].criteria, read_only=True)
    index = model.index(0, CriteriaModel.NAME)
    assert not model.flags(index) & EDITABLE
    assert not model.setData(index, "Kebaruan Baru")
    assert model.items()[0].name == "Kebaruan"


def test_cells_with_a_problem_are_tinted_and_explain_it(qapp):
    model = criteria_model()
    model.setData(model.index(1, CriteriaModel.STEP), "3")
    setup = tiny_setup()
    rounds = (setup.rounds[0], replace(setup.rounds[1], criteria=model.items()))
    problems = validate_setup(replace(setup, rounds=rounds))
    model.set_problems(problems)
    step = model.index(1, CriteriaModel.STEP)
    assert model.data(step, ROLE.BackgroundRole) is not None
    assert model.data(step, ROLE.ToolTipRole) == "The step 3 does not divide the range 1–5 evenly."
    assert model.data(model.index(0, CriteriaModel.STEP), ROLE.BackgroundRole) is None


def test_rows_are_added_moved_and_removed(qapp):
    model = criteria_model()
    row = model.insert_item(model.new_item())
    assert row == 2 and model.items()[2].code == "k3"
    assert model.move_item(2, -1) == 1
    assert [c.code for c in model.items()] == ["A", "k3", "B"]
    model.remove_item(1)
    assert [c.code for c in model.items()] == ["A", "B"]


def test_levels_model_suggests_the_next_free_score(qapp):
    criterion = tiny_setup().rounds[1].criteria[0]
    model = LevelsModel()
    model.set_rows(criterion.levels)
    assert model.new_item(criterion) == LevelDescriptor(D(2), "")
    assert model.data(model.index(1, LevelsModel.TEXT_ID)) == "sangat baik"


def test_category_code_is_fixed_while_it_has_entries(qapp):
    model = CategoriesModel()
    model.entries = {"umum": 3}
    model.set_rows(tiny_setup().categories)
    assert not model.flags(model.index(0, CategoriesModel.CODE)) & EDITABLE
    assert "3" in model.data(model.index(0, CategoriesModel.CODE), ROLE.ToolTipRole)
    assert model.flags(model.index(0, CategoriesModel.NAME)) & EDITABLE
    assert model.flags(model.index(1, CategoriesModel.CODE)) & EDITABLE


def test_award_tier_kind_decides_which_cells_apply(qapp):
    model = AwardTiersModel()
    model.set_categories(tiny_setup().categories)
    model.set_rows(tiny_setup().award_tiers)
    assert not model.flags(model.index(0, AwardTiersModel.MIN)) & EDITABLE
    assert model.data(model.index(0, AwardTiersModel.MIN_INCL), ROLE.CheckStateRole) is None
    assert model.data(model.index(0, AwardTiersModel.KIND)) == "By rank"
    assert model.setData(model.index(0, AwardTiersModel.KIND), "band")
    tier = model.items()[0]
    assert tier.kind is AwardKind.BAND and tier.min_score == D(0) and tier.rank_from is None
    assert model.setData(model.index(0, AwardTiersModel.MAX_INCL), Qt.CheckState.Checked.value,
                         ROLE.CheckStateRole)
    assert model.items()[0].max_inclusive
    assert model.setData(model.index(0, AwardTiersModel.MAX), "")  # no upper limit
    assert model.items()[0].max_score is None


def test_award_tier_category_choices(qapp):
    model = AwardTiersModel()
    model.set_categories(tiny_setup().categories)
    model.set_rows(tiny_setup().award_tiers)
    category = model.index(1, AwardTiersModel.CATEGORY)
    assert model.data(category) == "All categories"
    assert [label for _code, label in model.choices("category")] == [
        "All categories", "Umum", "Perangkat Daerah"]
    assert model.setData(category, "pd")
    assert model.items()[1].category == "pd"
    assert model.data(category) == "Perangkat Daerah"
    assert model.setData(category, "")
    assert model.items()[1].category is None
    assert not model.setData(category, "no-such-category")


def test_new_award_tier_follows_the_last_rank(qapp):
    model = AwardTiersModel()
    model.set_rows(tiny_setup().award_tiers)
    tier = model.new_item()
    assert (tier.kind, tier.rank_from, tier.rank_to) == (AwardKind.RANK, 3, 3)


def test_problem_texts_name_the_place_and_translate_the_message(qapp, indonesian_numbers):
    setup = tiny_setup()
    assert problem_place("rounds[1].criteria[0].weight", setup) == (
        "Round “Penilaian proposal”, criterion “Kebaruan”")
    assert problem_place("rounds[1].criteria", setup) == "Round “Penilaian proposal”"
    assert problem_place("categories[1].code", setup) == "Category pd"
    assert problem_place("rules.tie_breaks[2]", setup) == "Tie-break chain, step 3"
    assert problem_place("year", setup) == "Competition and rules"
    problem = Problem("rounds[1].criteria", Message("setup.criteria_weights_sum", total=D("92.5")))
    assert problem_message(problem) == (
        "The criterion weights add up to 92.5; they must add up to exactly 100.")
    assert render(located(problem, setup), "id") == (
        "Tahap “Penilaian proposal”: Jumlah bobot kriteria 92,5; jumlahnya harus tepat 100.")
    assert [problem_area(w) for w in ("name", "rules.tie_breaks[0]", "award_tiers", "rounds[0].code")] == [
        "competition", "tiebreaks", "tiers", "rounds"]


def test_award_tier_codes_must_be_present_and_unique():
    setup = tiny_setup()
    tiers = (*setup.award_tiers, AwardTierSpec("j1", "Juara III", AwardKind.RANK, rank_from=3, rank_to=3),
             AwardTierSpec(" ", "Harapan", AwardKind.RANK, rank_from=4, rank_to=4))
    problems = validate_setup(replace(setup, award_tiers=tiers))
    assert [(p.where, p.message.code) for p in problems if p.where.endswith(".code")] == [
        ("award_tiers[2].code", "setup.tier_code_twice"), ("award_tiers[3].code", "setup.tier_no_code")]


def test_decimals_shown_and_parsed(qapp, indonesian_numbers):
    assert decimal_text(D("12.500")) == "12,5"
    assert decimal_text(D("100")) == "100"
    assert decimal_text(D("1E+2")) == "100"
    assert decimal_text(None) == ""
    assert parse_decimal_text("3,5") == D("3.5")
    assert parse_decimal_text("  ") is None


def test_tie_break_labels(qapp):
    assert tie_break_label("criterion:A", {"A": "Kebaruan"}) == "Higher score on the criterion Kebaruan (A)"
    assert tie_break_label("later_round") == "Higher score in the later round"
    assert tie_break_label("mystery") == "mystery"
