"""Creating competitions from the shipped templates or from a competition file."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from judging_app.core.messages import Message, os_error_message
from judging_app.core.records import CompetitionSummary
from judging_app.core.setup import CompetitionSetup
from judging_app.exchange import competition_file
from judging_app.resources_access import read_resource_text, template_names
from judging_app.services.competitions import create_competition, update_setup
from judging_app.services.errors import ImportFileError, NotFoundError
from judging_app.services.workspace import Workspace


@dataclass(frozen=True)
class TemplateInfo:
    key: str  # file name without .json, e.g. "city_competition"
    name: str
    name_en: str
    description: str
    description_en: str


def load_template(key: str) -> CompetitionSetup:
    if key not in template_names():
        raise NotFoundError(Message("competitions.no_template", name=key,
                                    choices=list(template_names())))
    return competition_file.setup_from_json(
        read_resource_text(f"templates/{key}.json"), f"template {key}"
    )


def list_templates() -> list[TemplateInfo]:
    out = []
    for key in template_names():
        s = load_template(key)
        out.append(TemplateInfo(key, s.name, s.name_en, s.description, s.description_en))
    return out


def template_setup(key: str, name: str | None = None, year: int | None = None) -> CompetitionSetup:
    """A template's setup, with another name and year when given."""
    return _adjust(load_template(key), name, year)


def _adjust(setup: CompetitionSetup, name: str | None, year: int | None) -> CompetitionSetup:
    if name and name.strip():
        setup = dataclasses.replace(setup, name=name.strip())
    if year:
        setup = dataclasses.replace(setup, year=year)
    return setup


def create_from_template(ws: Workspace, key: str, *, name: str | None = None,
                         year: int | None = None, code: str | None = None) -> CompetitionSummary:
    return create_competition(ws, template_setup(key, name, year), code=code)


def _read_file(path: Path):
    """(setup, document settings or None) of a competition file, both checked."""
    try:
        return (competition_file.read_competition_file(Path(path)),
                competition_file.read_competition_documents(Path(path)))
    except competition_file.CompetitionFileError as exc:
        raise ImportFileError(str(path), exc.messages()) from exc
    except OSError as exc:
        raise ImportFileError(str(path), [os_error_message(exc)]) from exc


def create_from_file(ws: Workspace, path: Path, *, name: str | None = None,
                     year: int | None = None, code: str | None = None) -> CompetitionSummary:
    """A competition from a competition file; its "documents" (letterhead, head of region,
    time zone …), when it has them, are stored with it. Both are read and checked first."""
    setup, documents = _read_file(path)
    summary = create_competition(ws, _adjust(setup, name, year), code=code)
    if documents is not None:
        from judging_app.services.document_settings import set_document_settings

        set_document_settings(ws, summary.code, documents)
    return summary


def update_from_file(ws: Workspace, competition: str | int, path: Path) -> None:
    """Replace a competition's setup with a competition file's (as saving the Setup view
    does: a locked rubric, a round with sheets or a category with entries are refused), and
    its document settings when the file has them. Both are read and checked first."""
    setup, documents = _read_file(path)
    update_setup(ws, competition, setup)
    if documents is not None:
        from judging_app.services.document_settings import set_document_settings

        set_document_settings(ws, competition, documents)
