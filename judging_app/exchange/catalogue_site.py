"""The public catalogue as an offline static site: `index.html` lists every innovation
(search and filters by year, unit, category and award run in the browser, plain JavaScript,
no network: it works opened from a folder or a USB stick), one page per innovation under
`inovasi/`, and the style and script under `assets/`.

Everything an innovation says is user data: every text goes through html.escape (quotes
too), only http(s) links become links, and the script reads the page's own attributes with
textContent, never innerHTML. The site is written to a temporary folder beside the target
and moved into place at the end, so a failure leaves the previous catalogue as it was.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path

from judging_app.exchange.catalogue_data import Catalogue, CatalogueItem
from judging_app.exchange.pdf_text import date_text
from judging_app.exchange.programme_words import label, w
from judging_app.resources_access import read_resource_text

Progress = Callable[[int, int], None]
PAGES = "inovasi"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def e(value: object) -> str:
    return escape(str(value), quote=True)


def page_name(code: str) -> str:
    """A file name from an innovation code: letters, digits, '.', '_' and '-' only."""
    return (_UNSAFE.sub("_", code).strip("._") or "inovasi") + ".html"


def _page(lang: str, title: str, body: str, root: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{e(lang)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{e(title)}</title>\n"
            f'<link rel="stylesheet" href="{root}assets/catalogue.css">\n</head>\n'
            f"<body>\n{body}\n</body>\n</html>\n")


def _links(links: Sequence[str]) -> str:
    out = []
    for link in links:
        if re.match(r"https?://", link, re.IGNORECASE):
            out.append(f'<li><a href="{e(link)}" rel="noopener noreferrer">{e(link)}</a></li>')
        else:  # not a web link (a path, a javascript: text…): shown, never followed
            out.append(f"<li>{e(link)}</li>")
    return "<ul>" + "".join(out) + "</ul>"


def _options(values: Sequence[tuple[str, str]], everything: str) -> str:
    return f'<option value="">{e(everything)}</option>' + "".join(
        f'<option value="{e(v)}">{e(text)}</option>' for v, text in values)


def index_html(cat: Catalogue, lang: str) -> str:
    items = cat.items
    years = sorted({y for i in items for y in i.years}, reverse=True)
    units = sorted({(i.unit_code, i.unit_name) for i in items}, key=lambda u: u[1].casefold())
    categories = sorted({c for i in items for c in i.categories}, key=str.casefold)
    rows = []
    for i in items:
        search = " ".join((i.code, i.title, i.unit_name, i.summary)).lower()
        rows.append(
            f'<tr data-years="{e(" ".join(map(str, i.years)))}" data-unit="{e(i.unit_code)}" '
            f'data-categories="{e(chr(31).join(i.categories))}" '
            f'data-awarded="{"1" if i.awards else "0"}" data-text="{e(search)}">'
            f'<td><a href="{PAGES}/{e(page_name(i.code))}">{e(i.title)}</a>'
            f'<div class="code">{e(i.code)}</div></td>'
            f"<td>{e(i.unit_name)}</td><td>{e(', '.join(map(str, i.years)))}</td>"
            f"<td>{e(', '.join(i.categories))}</td><td>{e('; '.join(i.awards))}</td></tr>")
    awards = [("1", w(lang, "awarded_only")), ("0", w(lang, "not_awarded"))]
    body = (
        f'<header><h1>{e(w(lang, "catalogue_title"))}</h1>'
        f'<p>{e(w(lang, "catalogue_intro", count=len(items)))}</p></header>\n<main>\n'
        '<form id="filters" class="filters" role="search">'
        f'<input id="q" type="search" placeholder="{e(w(lang, "search"))}" '
        f'aria-label="{e(w(lang, "search"))}">'
        f'<select id="year" aria-label="{e(w(lang, "col_years"))}">'
        f'{_options([(str(y), str(y)) for y in years], w(lang, "all_years"))}</select>'
        f'<select id="unit" aria-label="{e(w(lang, "col_unit"))}">'
        f'{_options(units, w(lang, "all_units"))}</select>'
        f'<select id="category" aria-label="{e(w(lang, "col_category"))}">'
        f'{_options([(c, c) for c in categories], w(lang, "all_categories"))}</select>'
        f'<select id="award" aria-label="{e(w(lang, "col_awards"))}">'
        f'{_options(awards, w(lang, "all_awards"))}</select></form>\n'
        f'<p class="count"><span id="count">{len(items)}</span> {e(w(lang, "shown"))}</p>\n'
        f'<table id="list"><thead><tr><th>{e(w(lang, "col_title"))}</th>'
        f'<th>{e(w(lang, "col_unit"))}</th><th>{e(w(lang, "col_years"))}</th>'
        f'<th>{e(w(lang, "col_category"))}</th><th>{e(w(lang, "col_awards"))}</th></tr></thead>'
        f'<tbody>\n{chr(10).join(rows)}\n</tbody></table>\n'
        f'<p id="none" class="none" hidden>{e(w(lang, "no_match"))}</p>\n</main>\n'
        f'<footer><p>{e(w(lang, "generated", date=date_text(lang, cat.made_on)))}</p>'
        + (f'<p><a href="{e(cat.workbook)}">{e(w(lang, "download"))}</a></p>'
           if cat.workbook else "") + '</footer>\n'
        '<script src="assets/catalogue.js"></script>')
    return _page(lang, w(lang, "catalogue_title"), body, "")


def _facts(i: CatalogueItem, lang: str, contacts: bool) -> str:
    facts = [(w(lang, "col_unit"), i.unit_name), (w(lang, "first_year"), str(i.first_year)),
             (w(lang, "col_years"), ", ".join(map(str, i.years))),
             (w(lang, "col_category"), ", ".join(i.categories)),
             (w(lang, "stage"), label(lang, "stage", i.stage)),
             (w(lang, "type"), label(lang, "type", i.innovation_type)),
             (w(lang, "col_awards"), "; ".join(i.awards))]
    if i.state:
        state = f"{label(lang, 'state', i.state)} ({i.state_year})"
        if i.replicated_by:
            state += "; " + w(lang, "replicated_by", units=", ".join(i.replicated_by))
        facts.append((w(lang, "monitoring"), state))
    if contacts:
        facts += [(w(lang, "innovators"), i.innovators), (w(lang, "contact"), i.contact)]
    return "<dl>" + "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in facts if v) + "</dl>"


def innovation_html(i: CatalogueItem, lang: str, contacts: bool) -> str:
    summary = "".join(f"<p>{e(p)}</p>" for p in i.summary.split("\n") if p.strip()) or \
        f'<p class="none">{e(w(lang, "no_summary"))}</p>'
    history = "".join(
        f"<tr><td>{h.year}</td><td>{e(h.competition)} ({e(label(lang, 'level', h.level))})</td>"
        f"<td>{e(h.entry)}</td><td>{e(label(lang, 'status', h.status))}</td>"
        f"<td>{e(h.award or '')}</td></tr>" for h in i.history)
    body = (
        f'<header><p><a href="../index.html">{e(w(lang, "back"))}</a></p>'
        f'<h1>{e(i.title)}</h1><p class="code">{e(i.code)}</p></header>\n<main>\n'
        f'{_facts(i, lang, contacts)}\n<h2>{e(w(lang, "summary_heading"))}</h2>\n{summary}\n'
        + (f'<h2>{e(w(lang, "links"))}</h2>\n{_links(i.links)}\n' if i.links else "")
        + (f'<h2>{e(w(lang, "history"))}</h2>\n<table><thead><tr>'
           f'<th>{e(w(lang, "col_years"))}</th><th>{e(w(lang, "col_competition"))}</th>'
           f'<th>{e(w(lang, "col_code"))}</th><th>{e(w(lang, "col_status"))}</th>'
           f'<th>{e(w(lang, "col_awards"))}</th></tr></thead><tbody>{history}</tbody></table>\n'
           if history else "")
        + "</main>")
    return _page(lang, f"{i.title} — {w(lang, 'catalogue_title')}", body, "../")


def replaceable(folder: Path) -> bool:
    """True when `folder` may be written: missing, empty, or an earlier catalogue (never
    a folder holding other files, which would be lost)."""
    if not folder.exists():
        return True
    if not folder.is_dir():
        return False
    return not any(folder.iterdir()) or (folder / "assets" / "catalogue.js").is_file()


def write_catalogue_site(folder: Path | str, cat: Catalogue, lang: str = "id",
                         progress: Progress | None = None,
                         extra: Callable[[Path], object] | None = None) -> Path:
    """Write the site into `folder` (replacing an earlier catalogue there, refusing any
    other folder that is not empty); `extra(work)` may add files beside the index before
    the site is moved into place. Returns the index page."""
    folder = Path(folder)
    if not replaceable(folder):
        raise FileExistsError(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = folder.with_name(folder.name + ".part")
    shutil.rmtree(work, ignore_errors=True)
    (work / "assets").mkdir(parents=True)
    (work / PAGES).mkdir()
    try:
        for name in ("catalogue.css", "catalogue.js"):
            (work / "assets" / name).write_text(read_resource_text(f"catalogue/{name}"),
                                                encoding="utf-8")
        used: set[str] = set()
        total = len(cat.items)
        for n, item in enumerate(cat.items, 1):
            name = page_name(item.code)
            if name in used:  # two codes that differ only in unsafe characters
                raise ValueError(f"two innovations would share the page {name}")
            used.add(name)
            (work / PAGES / name).write_text(innovation_html(item, lang, cat.include_contacts),
                                             encoding="utf-8")
            if progress and (n % 200 == 0 or n == total):
                progress(n, total + 1)
        (work / "index.html").write_text(index_html(cat, lang), encoding="utf-8")
        if extra is not None:
            extra(work)
        if folder.exists():
            old = folder.with_name(folder.name + ".old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(folder, old)
            os.replace(work, folder)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(work, folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if progress:
        progress(total + 1, total + 1)
    return folder / "index.html"
