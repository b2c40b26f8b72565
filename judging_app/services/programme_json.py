"""The documented JSON of `programme compliance --json` and `programme history --json`
(docs/programme.md): codes and numbers, names as they were in each year, dates as ISO."""

from __future__ import annotations

from dataclasses import asdict

from judging_app.core.compliance import ComplianceRow
from judging_app.core.programme_records import RegistryUnitRecord
from judging_app.services.compliance import ComplianceReport
from judging_app.services.unit_history import UnitHistory


def _row(row: ComplianceRow, titles: dict[int, tuple[str, str]]) -> dict:
    return {
        "code": row.code, "name": row.name, "kind": row.kind, "compliant": row.compliant,
        "registered": row.registered, "entered": row.entered, "eligible": row.eligible,
        "awarded": row.awarded, "awards": list(row.awards),
        "innovations": [{"code": titles[i][0], "title": titles[i][1]}
                        for i in row.innovations if i in titles],
        "merged_in": list(row.absorbed),
    }


def compliance_json(report: ComplianceReport) -> dict:
    c = report.compliance
    return {
        "year": c.year,
        "competitions": [{"code": x.code, "name": x.name, "finalized": x.finalized}
                         for x in report.competitions],
        "totals": asdict(c.totals),
        "entries_outside_register": c.entries_outside,
        "units": [_row(r, report.innovation_titles) for r in c.rows],
    }


def unit_json(unit: RegistryUnitRecord) -> dict:
    return {
        "code": unit.code, "name": unit.name, "kind": unit.kind,
        "established_on": unit.established_on.isoformat() if unit.established_on else None,
        "ended_on": unit.ended_on.isoformat() if unit.ended_on else None,
        "merged_into": unit.successor_code,
        "names": [{"name": name, "from": since.isoformat() if since else None}
                  for since, name in unit.names],
    }


def history_json(history: UnitHistory) -> dict:
    years = []
    for y in history.years:
        years.append({
            "year": y.year,
            "numbers": None if y.numbers is None else {
                "name": y.numbers.name, "compliant": y.numbers.compliant,
                "registered": y.numbers.registered, "entered": y.numbers.entered,
                "eligible": y.numbers.eligible, "awarded": y.numbers.awarded},
            "entries": [{**asdict(e), "forwarded_to": list(e.forwarded_to)} for e in y.entries],
            "statuses": [_status(s) for s in y.statuses],
            "replicated": [_status(s) for s in y.replicated],
        })
    return {"unit": unit_json(history.unit),
            "merged_in": [unit_json(u) for u in history.absorbed], "years": years}


def _status(s) -> dict:
    return {"innovation": s.innovation, "title": s.title, "owner": s.owner, "state": s.state,
            "replicated_by": [code for code, _ in s.replicated_by], "note": s.note}
