"""Where the app keeps its own database (no SQLAlchemy here: the read-only results command
looks the file up before deciding whether it needs SQLAlchemy at all)."""

from __future__ import annotations

from pathlib import Path


def default_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("judging-app", appauthor=False) / "judging_app.sqlite"
