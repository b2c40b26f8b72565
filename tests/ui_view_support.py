"""Helpers for testing workspace views (no tests here): a ViewContext on a real database with
a synchronous runner, settings in a temporary file and scripted dialogs."""

from __future__ import annotations

from pathlib import Path

from judging_app.ui.background import Runner
from judging_app.ui.views.base import ViewContext

from test_ui_support import ScriptedDialogs, make_settings


def make_ctx(db, competition: str, tmp_path: Path, *, language: str = "en",
             dialogs: ScriptedDialogs | None = None, actor: str = "Sekretariat Uji") -> ViewContext:
    settings = make_settings(tmp_path)
    settings.actor_name = actor
    return ViewContext(
        db=db,
        competition=competition,
        settings=settings,
        dialogs=dialogs or ScriptedDialogs(),
        runner=Runner(synchronous=True),
        language=lambda: language,
        actor=lambda parent: actor,
    )
