"""Writers on one SQLite file take turns through a lock the operating system hands over
(store/write_turns.py): a waiting writer goes on the moment the holder is done, a nested
write of the same thread does not wait for itself, a turn not had within the timeout lets
the writer go on to SQLite's own lock, and a folder that cannot hold the lock file changes
nothing."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from judging_app.store import write_turns
from judging_app.store.write_turns import WriteTurns

pytestmark = pytest.mark.skipif(write_turns.fcntl is None, reason="no flock here")


def test_a_waiting_writer_goes_on_when_the_holder_is_done(tmp_path):
    turns = WriteTurns(tmp_path / "x.sqlite", timeout=5)
    order: list[str] = []
    holding = threading.Event()

    def first():
        with turns.turn():
            holding.set()
            time.sleep(0.2)
            order.append("first done")

    def second():
        holding.wait()
        began = time.perf_counter()
        with turns.turn():
            order.append(f"second in after {time.perf_counter() - began:.2f}")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert order[0] == "first done"
    waited = float(order[1].split()[-1])
    assert 0.1 <= waited < 2  # it waited for the holder, and not much longer


def test_a_nested_write_of_the_same_thread_does_not_wait_for_itself(tmp_path):
    turns = WriteTurns(tmp_path / "x.sqlite", timeout=5)
    began = time.perf_counter()
    with turns.turn(), turns.turn():
        pass
    assert time.perf_counter() - began < 1


CHILD = """
import sys, time
from pathlib import Path
from judging_app.store.write_turns import WriteTurns
turns = WriteTurns(Path(sys.argv[1]), timeout=30)
with turns.turn():
    with open(sys.argv[2], "a") as out:
        out.write(sys.argv[3] + "\\n")
    time.sleep(float(sys.argv[4]))
"""


def _writer(tmp_path, name: str, hold: float) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CHILD, str(tmp_path / "x.sqlite"),
                             str(tmp_path / "order.txt"), name, str(hold)])


def _turns_taken(tmp_path) -> list[str]:
    path = tmp_path / "order.txt"
    return path.read_text().split() if path.exists() else []


def _until(condition, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline
        time.sleep(0.01)


def test_processes_take_turns(tmp_path):
    first = _writer(tmp_path, "first", 1.0)
    _until(lambda: _turns_taken(tmp_path) == ["first"])
    began = time.perf_counter()
    second = _writer(tmp_path, "second", 0)
    for proc in (first, second):
        assert proc.wait(30) == 0
    assert _turns_taken(tmp_path) == ["first", "second"]
    assert time.perf_counter() - began >= 0.5  # the second waited for the first


def test_no_turn_within_the_timeout_lets_the_writer_go_on(tmp_path):
    holder = _writer(tmp_path, "holder", 2.0)
    try:
        _until(lambda: _turns_taken(tmp_path) == ["holder"])
        turns = WriteTurns(tmp_path / "x.sqlite", timeout=0.3)
        began = time.perf_counter()
        with turns.turn():
            waited = time.perf_counter() - began
        assert 0.25 <= waited < 1.5
    finally:
        assert holder.wait(30) == 0
    began = time.perf_counter()
    with turns.turn():  # the place given up is free again once the holder is done
        assert time.perf_counter() - began < 1


def test_a_folder_without_room_for_the_lock_file_changes_nothing(tmp_path):
    turns = WriteTurns(tmp_path / "missing-folder" / "x.sqlite", timeout=1)
    with turns.turn():
        pass
    assert not (tmp_path / "missing-folder").exists()


def test_database_writes_take_turns_and_keep_working(sqlite_db):
    """The app's write transactions go through the turns (the lock file appears beside the
    database) and two threads writing at once both succeed."""
    from sqlalchemy import text

    db = sqlite_db
    assert db.path is not None
    with db.write() as s:
        s.execute(text("CREATE TABLE IF NOT EXISTS turn_probe (n INTEGER)"))
    assert (db.path.parent / (db.path.name + write_turns.SUFFIX)).exists()

    def write(n):
        for _ in range(5):
            with db.write() as s:
                s.execute(text("INSERT INTO turn_probe VALUES (:n)"), {"n": n})

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM turn_probe")).scalar() == 20
