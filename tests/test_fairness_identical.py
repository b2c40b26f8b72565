"""`judging-app fairness --json` prints, byte for byte, what the straightforward
implementation printed on the same small competitions (tests/fairness_cases.py: ties, gaps
in the panels, two weighted rounds ranked overall, a panel without agreement), on both
backends: the fast path (aggregates, shared rankings, rows written from a template) changed
how, not what. The JSON data (`fairness_json`, read by other exports) says the same."""

from __future__ import annotations

import json

import pytest
from fairness_cases import CASES, FIXTURES, fairness_output

from judging_app.services import results
from judging_app.services.fairness_json import fairness_json


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_fairness_json_is_unchanged(db, case):
    code = CASES[case](db)
    target = db.url.render_as_string(hide_password=False)
    if db.url.get_backend_name() == "sqlite":
        target = db.url.database  # the file: the read-only path of the command
    expected = (FIXTURES / f"{case}.json").read_text("utf-8")
    assert fairness_output(target, code) == expected
    assert json.dumps(fairness_json(results.fairness(db, code)), ensure_ascii=False) + "\n" \
        == expected
    if case == "rounds":
        assert fairness_output(target, code, "prop") == (
            FIXTURES / "rounds_prop.json").read_text("utf-8")
