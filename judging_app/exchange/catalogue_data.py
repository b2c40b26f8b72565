"""What the public catalogue shows of one innovation (plain data, filled by
services/catalogue.py, written by catalogue_site.py and catalogue_workbook.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class CatalogueEntry:
    year: int
    competition: str  # the competition's name
    level: str  # city, regional, national
    entry: str  # the entry's code there
    status: str
    award: str | None


@dataclass(frozen=True)
class CatalogueItem:
    code: str
    title: str
    unit_code: str  # the unit that runs it now (a merged unit's successor)
    unit_name: str
    first_year: int
    years: tuple[int, ...]  # years it was registered, entered or found running
    categories: tuple[str, ...]
    awards: tuple[str, ...]  # "Juara I — Kompetisi Inovasi Kota 2024"
    stage: str  # the latest entry's (codes: implementation, …); '' without an entry
    innovation_type: str
    summary: str
    links: tuple[str, ...]
    state: str | None  # the latest monitoring finding (continued / stopped)
    state_year: int | None
    replicated_by: tuple[str, ...]  # unit names, every year
    history: tuple[CatalogueEntry, ...]
    innovators: str = ""  # left empty unless the secretariat includes contacts
    contact: str = ""


@dataclass(frozen=True)
class Catalogue:
    items: tuple[CatalogueItem, ...]
    year: int | None  # the year chosen, or None for every year
    include_contacts: bool
    made_on: date
    workbook: str = ""  # the Excel copy's file name beside the index, if any
