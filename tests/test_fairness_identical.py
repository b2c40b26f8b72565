"""`judging-app fairness --json` prints, byte for byte, what the straightforward
implementation printed on the same small competitions (tests/fairness_cases.py: ties, gaps
in the panels, two weighted rounds ranked overall, a panel without agreement), on both
backends: the fast path (aggregates, shared rankings) changed how, not what."""

from __future__ import annotations

import pytest
from fairness_cases import CASES, FIXTURES, fairness_output


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_fairness_json_is_unchanged(db, case):
    code = CASES[case](db)
    target = db.url.render_as_string(hide_password=False)
    if db.url.get_backend_name() == "sqlite":
        target = db.url.database  # the file: the read-only path of the command
    assert fairness_output(target, code) == (FIXTURES / f"{case}.json").read_text("utf-8")
    if case == "rounds":
        assert fairness_output(target, code, "prop") == (
            FIXTURES / "rounds_prop.json").read_text("utf-8")
