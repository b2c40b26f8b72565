"""Two threads asking for the same results of the same data at the same time share one
computation (the Overview's count of undecided ties and the Results view, both started when
a competition is opened and Results chosen at once); a write in between makes them two."""

from __future__ import annotations

import threading
import time
from decimal import Decimal as D

from test_services_results import SCORES, _score_all

from judging_app.core.enums import AggregationMethod
from judging_app.services import results, sheets
from judging_app.services.sheets import SheetInput
from judging_app.services.single_flight import SingleFlight

from factories import seeded_competition


def _until(condition, limit: float = 10.0) -> None:
    end = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < end, "the other thread never got there"
        time.sleep(0.001)


def _second_caller_waits(flight: SingleFlight, key, first_work, second_work):
    """Run `first_work` for `key` in one thread, held until a second thread asks for the
    same key; returns (first outcome, second outcome) as ('ok'|'error', value)."""
    entered, release = threading.Event(), threading.Event()
    outcomes: dict[str, tuple] = {}

    def held():
        entered.set()
        release.wait(10)
        return first_work()

    def call(name, work):
        try:
            outcomes[name] = ("ok", flight.share(key, work))
        except Exception as exc:  # noqa: BLE001 (the outcome is what the test compares)
            outcomes[name] = ("error", exc)

    first = threading.Thread(target=call, args=("first", held))
    first.start()
    entered.wait(10)
    second = threading.Thread(target=call, args=("second", second_work))
    second.start()
    _until(lambda: flight.waiting == 1)
    release.set()
    first.join(10)
    second.join(10)
    return outcomes["first"], outcomes["second"]


def test_a_second_request_meanwhile_gets_the_first_ones_result_without_computing():
    flight: SingleFlight[object] = SingleFlight()
    computed = []
    result = object()
    first, second = _second_caller_waits(
        flight, "k", lambda: computed.append(1) or result, lambda: computed.append(2))
    assert first == second == ("ok", result)
    assert computed == [1] and flight.waiting == 0
    # nothing is kept: a later request computes anew
    assert flight.share("k", lambda: "again") == "again"


def test_a_failure_reaches_every_thread_that_waited_for_it():
    flight: SingleFlight[object] = SingleFlight()
    problem = ValueError("no")

    def fail():
        raise problem

    first, second = _second_caller_waits(flight, "k", fail, lambda: "not run")
    assert first == second == ("error", problem)


def test_the_same_results_have_one_key_and_a_write_makes_another(db):
    s = seeded_competition(db)
    _score_all(s, {e: v for e, v in SCORES.items() if e != "E4"})

    def key(method=None, round_code=None):
        with db.read() as session:
            reader = results.RowReader.of_session(session)
            return results._results_key(reader, db, s.code, round_code, method)

    own = key()
    assert key(AggregationMethod.MEAN) == own  # the competition's own method, named
    assert key(AggregationMethod.MEDIAN) != own
    assert key(round_code="prop") != own
    sheets.save_sheet(s.ws, s.code, "prop", "J1", "E4", SheetInput({"A": D(2), "B": D(5)}))
    assert key() != own  # a write (with its audit event) since


def test_concurrent_computes_of_the_same_results_compute_once(sqlite_db, monkeypatch):
    s = seeded_competition(sqlite_db)
    _score_all(s)
    real = results.compute_in
    calls, entered, release = [], threading.Event(), threading.Event()

    def counted(*args, **kwargs):
        calls.append(args[1:])
        entered.set()
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(results, "compute_in", counted)
    found = {}
    overview = threading.Thread(target=lambda: found.setdefault(
        "overview", results.compute(sqlite_db, s.code)))
    overview.start()
    entered.wait(10)
    view = threading.Thread(target=lambda: found.setdefault(
        "view", results.compute(sqlite_db, s.code, None, AggregationMethod.MEAN)))
    view.start()
    _until(lambda: results._computing.waiting == 1)
    release.set()
    overview.join(10)
    view.join(10)
    assert len(calls) == 1 and found["view"] is found["overview"]
