"""Plain-text rendering of the programme for the terminal: tab-separated columns (they paste
into a spreadsheet), headings and notes rendered from message codes in the chosen language."""

from __future__ import annotations

from judging_app.core.messages import Message


def units_text(units, lang: str) -> str:
    if not units:
        return Message("programme.cli_no_units").render(lang)
    lines = [Message("programme.cli_units_head").render(lang)]
    for u in units:
        end = ""
        if u.ended_on:
            end = (Message("programme.cli_merged_into", into=u.successor_code, on=u.ended_on)
                   if u.successor_code else Message("programme.cli_ended_on", on=u.ended_on)
                   ).render(lang)
        lines.append(f"{u.code}\t{u.name}\t{u.kind}\t{end}")
    return "\n".join(lines)


def import_text(plan, lang: str, dry_run: bool) -> str:
    counts = {"source": plan.source, "added": len(plan.added), "renamed": len(plan.renamed),
              "unchanged": plan.unchanged}
    head = (Message("programme.cli_import_plan", **counts) if dry_run
            else Message("programme.cli_imported", **counts))
    lines = [head.render(lang)]
    lines += [f"  + {r.code}\t{r.name}" for r in plan.added]
    lines += [f"  ~ {r.code}\t{r.old_name} → {r.new_name}" for r in plan.renamed]
    lines += ["  ! " + (p.render(lang) if isinstance(p, Message) else str(p))
              for p in plan.problems]
    if not dry_run and plan.links.changed:
        lines.append(link_text(plan.links, lang))
    return "\n".join(lines)


def link_text(report, lang: str) -> str:
    return Message("programme.cli_link", units=report.units_linked,
                   proposed=report.units_proposed, unmatched=report.units_unmatched,
                   entries=report.entries_linked, entries_proposed=report.entries_proposed,
                   created=report.innovations_created).render(lang)


def matches_text(found, lang: str) -> str:
    if not found.units and not found.entries:
        return Message("programme.cli_no_matches").render(lang)
    lines = []
    for u in found.units:
        if u.registry_code:
            message = Message("programme.cli_unit_match", competition=u.competition,
                              unit=u.unit_code, name=u.unit_name, register=u.registry_code,
                              register_name=u.registry_name)
        else:
            message = Message("programme.cli_unit_outside", competition=u.competition,
                              unit=u.unit_code, name=u.unit_name)
        lines.append(message.render(lang))
    for e in found.entries:
        lines.append(Message("programme.cli_entry_match", competition=e.competition,
                             entry=e.entry_code, title=e.title, innovation=e.innovation_code,
                             innovation_title=e.innovation_title, year=e.first_year
                             ).render(lang))
    return "\n".join(lines)


def innovations_text(found, lang: str) -> str:
    if not found:
        return Message("programme.cli_no_innovations").render(lang)
    lines = [Message("programme.cli_innovations_head").render(lang)]
    for i in found:
        state = f"{i.latest_state} ({i.latest_state_year})" if i.latest_state else ""
        lines.append(f"{i.code}\t{i.first_year}\t{i.unit_code}\t"
                     f"{','.join(map(str, i.years))}\t{state}\t{i.title}")
    return "\n".join(lines)


def compliance_text(report, lang: str) -> str:
    c = report.compliance
    t = c.totals
    lines = [Message("programme.cli_compliance", year=c.year, units=t.units,
                     compliant=t.compliant, missing=t.units - t.compliant).render(lang)]
    if report.competitions:
        lines.append(Message("programme.cli_counted", competitions=[
            x.code + ("" if x.finalized else "*") for x in report.competitions]).render(lang))
    if any(not x.finalized for x in report.competitions):
        lines.append(Message("programme.cli_not_final").render(lang))
    if c.entries_outside:
        lines.append(Message("programme.cli_outside", count=c.entries_outside).render(lang))
    lines += ["", Message("programme.cli_compliance_head").render(lang)]
    none = Message("programme.cli_none_mark").render(lang)
    for r in c.rows:
        mark = "" if r.compliant else none
        lines.append(f"{r.code}\t{r.registered}\t{r.entered}\t{r.eligible}\t{r.awarded}\t"
                     f"{mark}\t{r.name}")
    return "\n".join(lines)


def history_text(history, lang: str) -> str:
    u = history.unit
    lines = [f"{u.code}\t{u.name}\t{u.kind}"]
    lines += [Message("programme.cli_named", name=name, since=since).render(lang)
              for since, name in u.names if since]
    if history.absorbed:
        lines.append(Message("programme.cli_merged_in", units=[
            f"{a.code} ({a.ended_on})" for a in history.absorbed]).render(lang))
    for y in history.years:
        n = y.numbers
        head = (Message("programme.cli_year", year=y.year, registered=n.registered,
                        entered=n.entered, awarded=n.awarded) if n
                else Message("programme.cli_year_unlisted", year=y.year))
        lines += ["", head.render(lang)]
        for e in y.entries:
            extra = f"\t→ {', '.join(e.forwarded_to)}" if e.forwarded_to else ""
            via = f" [{e.unit}]" if e.unit != u.code else ""
            lines.append(f"  {e.competition}\t{e.entry}{via}\t{e.status}\t{e.award or '-'}\t"
                         f"{e.innovation or '-'} ({e.relation or '-'})\t{e.title}{extra}")
        for s in (*y.statuses, *y.replicated):
            by = ", ".join(code for code, _ in s.replicated_by)
            lines.append(f"  {s.innovation}\t{s.state}\t{by}\t{s.title}")
    return "\n".join(lines)


def demo_text(summary, lang: str) -> str:
    return Message("programme.cli_demo", units=summary.units, years=list(summary.years),
                   competitions=list(summary.competitions), innovations=summary.innovations,
                   forwarded=summary.forwarded, national=summary.national).render(lang)
