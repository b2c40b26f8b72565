"""Writers killed half-way leave nothing that looks like a result: a database backup (the
copy `db upgrade` keeps, `db backup`) killed while copying left a file with a hot journal
that opened as an empty database on 3578f17."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

from judging_app.store.database import open_database

from factories import seeded_competition


def test_a_backup_killed_half_way_leaves_no_backup(tmp_path):
    source = tmp_path / "live.sqlite"
    db = open_database(source)
    seeded_competition(db, n_entries=40, n_judges=3)
    db.close()
    target = tmp_path / "copy.sqlite"
    script = textwrap.dedent(f"""
        import os, sqlite3
        real_connect = sqlite3.connect

        class Killed(sqlite3.Connection):
            def backup(self, target, **kwargs):  # copy a few pages, then die like kill -9
                def progress(status, remaining, total):
                    if total - remaining >= 3:
                        os._exit(9)
                return super().backup(target, pages=1, progress=progress)

        sqlite3.connect = lambda *a, **k: real_connect(*a, factory=Killed, **k)
        from judging_app.store.database import backup_sqlite_file
        from pathlib import Path
        backup_sqlite_file(Path({str(source)!r}), Path({str(target)!r}))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 9, result.stderr
    assert not target.exists()  # nothing under the backup's name...
    assert not (tmp_path / "copy.sqlite-journal").exists()  # ...and no hot journal
    from judging_app.store.database import backup_sqlite_file

    backup_sqlite_file(source, target)  # the next attempt is whole, whatever was left
    assert [p.name for p in tmp_path.iterdir() if "copy" in p.name] == ["copy.sqlite"]
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 40
