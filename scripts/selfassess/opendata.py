"""Open data: JSON and CSV of parties, assessments, actions and assistance needs,
a Frictionless datapackage.json describing them, and the JSON Schemas.

Everything is made from the public view (siteview), never scraped from pages.
Outputs are deterministic: records in site order, LF newlines, UTF-8.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from . import paths, sources
from .dates import is_overdue
from .labels import label, table
from .shapes import entries, mapping, strings
from .siteview import View, actions_of

# Tables whose full records are published as JSON only inside each State's file (data/parties/<code>.json):
# a combined copy would be a third copy of every narrative (45 MB of a 192-State site).
PER_STATE_JSON = {"assessments"}

# resource name -> [(field, type)]; titles and descriptions are in the strings table (open_data)
TABLES = {
    "parties": [("code", "string"), ("name", "string"), ("official_name", "string"), ("regional_group", "string"), ("untoc", "string"), ("tip", "string"), ("som", "string"), ("firearms", "string"), ("consent", "string")],
    "assessments": [("party", "string"), ("provision", "string"), ("citation", "string"), ("status", "string"), ("as_of", "date"), ("measures", "string"), ("laws", "string"), ("challenges", "string"), ("narrative", "string")],
    "actions": [("party", "string"), ("id", "string"), ("title", "string"), ("description", "string"), ("provisions", "string"), ("responsible", "string"), ("partners", "string"), ("start", "date"), ("due", "date"), ("completed", "date"), ("priority", "string"), ("resources", "string"), ("status", "string"), ("overdue", "boolean")],
    "assistance-needs": [("party", "string"), ("source", "string"), ("action", "string"), ("provisions", "string"), ("type", "string"), ("description", "string"), ("status", "string"), ("provider", "string")],
}


def _joined(values) -> str:
    return " | ".join(str(v) for v in values if v not in (None, ""))


@dataclass
class Share:
    """One State's part of the open data, made on its own (and kept by `serve` while the State
    does not change): its rows of each table, as CSV lines and JSON records, and its own file."""

    csv: dict[str, str]  # table -> CSV lines, no header
    json: dict[str, list[str]]  # table -> one JSON record per row
    file: str  # data/parties/<code>.json


def records(view: View, party) -> dict[str, list[dict]]:
    """The State's full records for the JSON files, keyed by table name."""
    assessments, actions, needs = [], [], []
    for article_id, doc in sorted(view.assessments.get(party.code, {}).items(), key=lambda kv: view.order.get(kv[0], 0)):
        assessments.append({"party": party.code, **doc.data, "citation": view.catalogue.cite(article_id), "narrative": doc.body.strip()})
    for act in actions_of(party):
        actions.append({"party": party.code, **act, "overdue": is_overdue(act, view.today)})
    for n in view.needs_by_party.get(party.code, []):
        needs.append({"party": n.party, "source": "action" if n.action else "assessment", "action": n.action, "provisions": list(n.provisions),
                      "type": n.type, "description": n.description, "status": n.status, "provider": n.provider})
    return {"parties": [dict(party.profile.data)], "assessments": assessments, "actions": actions, "assistance-needs": needs}


def share(view: View, party) -> Share:
    data = records(view, party)
    rows = {name: _csv([c[0] for c in columns], _rows(view, name, data[name]), header=False) for name, columns in TABLES.items()}
    lines = {name: [json.dumps(item, ensure_ascii=False) for item in items] for name, items in data.items()}
    # The State's own file is json.dumps({"profile": ..., "assessments": [...], "actions": [...]}), from the records written above.
    own = f'{{"profile": {lines["parties"][0]}, "assessments": [{", ".join(lines["assessments"])}], "actions": [{", ".join(lines["actions"])}]}}\n'
    return Share(rows, lines, own)


def _rows(view: View, name: str, items: list[dict]) -> list[dict]:
    if name == "parties":
        return [{"code": p.get("code"), "name": p.get("name"), "official_name": p.get("official_name", ""), "regional_group": p.get("regional_group"),
                 **{iid: mapping(mapping(p.get("instruments")).get(iid)).get("status", "not_party") for iid in ("untoc", "tip", "som", "firearms")},
                 "consent": mapping(p.get("publication")).get("consent")} for p in items]
    if name == "assessments":
        return [{"party": r["party"], "provision": r.get("provision"), "citation": r["citation"], "status": r.get("status"), "as_of": r.get("as_of", ""),
                 "measures": _joined(m.get("description") for _, m in entries(r.get("measures"))),
                 "laws": _joined(_law(law) for _, m in entries(r.get("measures")) for _, law in entries(m.get("laws"))),
                 "challenges": _joined(c.get("description") for _, c in entries(r.get("challenges"))), "narrative": r["narrative"]} for r in items]
    if name == "actions":
        return [{"party": r["party"], **{k: r.get(k, "") for k in ("id", "title", "description")}, "provisions": " ".join(p for _, p in strings(r.get("provisions"))),
                 "responsible": r.get("responsible", ""), "partners": _joined(p for _, p in strings(r.get("partners"))),
                 **{k: r.get(k, "") for k in ("start", "due", "completed", "priority", "resources", "status")}, "overdue": "true" if r["overdue"] else "false"} for r in items]
    return [{**r, "provisions": " ".join(r["provisions"])} for r in items]


def _law(law: dict) -> str:
    return ", ".join(str(law[k]) for k in ("title", "articles", "year") if law.get(k) not in (None, ""))


def _csv(fields: list[str], rows: list[dict], header: bool = True) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    if header:
        writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row.get(k) is None else row.get(k) for k in fields})
    return out.getvalue()


def _json(value) -> str:
    """Records one a line: readable, diffable, and written by json's fast C encoder."""
    if isinstance(value, list):
        return "[\n" + ",\n".join(json.dumps(item, ensure_ascii=False) for item in value) + "\n]\n"
    return json.dumps(value, ensure_ascii=False) + "\n"


def _pretty(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def files(view: View, root: Path, shares: dict[str, Share] | None = None) -> dict[str, str]:
    """Docs path -> text of every open data file, from each State's share (made here when not given)."""
    shares = shares if shares is not None else {p.code: share(view, p) for p in view.parties}
    parts = [shares[p.code] for p in view.parties]
    out: dict[str, str] = {}
    resources = []
    for name, columns in TABLES.items():
        fields = [c[0] for c in columns]
        words = table("en")["open_data"][name]
        title, description = words["title"], words["description"]
        out[f"{paths.DATA}/{name}.csv"] = _csv(fields, []) + "".join(part.csv[name] for part in parts)
        resources.append({
            "name": name, "path": f"{name}.csv", "title": title, "description": description, "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "schema": {"fields": [{"name": f, "type": t, "description": words["fields"][f]} for f, t in columns], "missingValues": [""]},
        })
        if name in PER_STATE_JSON:
            continue
        out[f"{paths.DATA}/{name}.json"] = "[\n" + ",\n".join(line for part in parts for line in part.json[name]) + "\n]\n"
        resources.append({"name": f"{name}-json", "path": f"{name}.json", "title": f"{title} (JSON)", "description": f"{description} {label('open_data', 'json_note')}", "format": "json", "mediatype": "application/json", "encoding": "utf-8"})
    for path in sorted((root / "schema").glob("*.schema.json")):
        out[f"{paths.DATA}/schema/{path.name}"] = sources.repository_text(root, f"schema/{path.name}")
    for party in view.parties:
        out[paths.party_data(party.code)] = shares[party.code].file
    out[f"{paths.DATA}/datapackage.json"] = _pretty({
        "name": "untoc-implementation-profiles", "title": label("open_data", "package_title"),
        "description": label("open_data", "package_description"), "created": view.today, "resources": resources,
    })
    return out

