"""Open data: JSON and CSV of parties, assessments, actions and assistance needs,
a Frictionless datapackage.json describing them, and the JSON Schemas.

Everything is made from the public view (siteview), never scraped from pages.
Outputs are deterministic: records in site order, LF newlines, UTF-8.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from . import paths, sources
from .dates import is_overdue
from .labels import label, table
from .shapes import entries, mapping, strings
from .siteview import View, actions_of

# resource name -> [(field, type)]; titles and descriptions are in the strings table (open_data)
TABLES = {
    "parties": [("code", "string"), ("name", "string"), ("official_name", "string"), ("regional_group", "string"), ("untoc", "string"), ("tip", "string"), ("som", "string"), ("firearms", "string"), ("consent", "string")],
    "assessments": [("party", "string"), ("provision", "string"), ("citation", "string"), ("status", "string"), ("as_of", "date"), ("measures", "string"), ("laws", "string"), ("challenges", "string"), ("narrative", "string")],
    "actions": [("party", "string"), ("id", "string"), ("title", "string"), ("description", "string"), ("provisions", "string"), ("responsible", "string"), ("partners", "string"), ("start", "date"), ("due", "date"), ("completed", "date"), ("priority", "string"), ("resources", "string"), ("status", "string"), ("overdue", "boolean")],
    "assistance-needs": [("party", "string"), ("source", "string"), ("action", "string"), ("provisions", "string"), ("type", "string"), ("description", "string"), ("status", "string"), ("provider", "string")],
}


def _joined(values) -> str:
    return " | ".join(str(v) for v in values if v not in (None, ""))


def records(view: View) -> dict[str, list[dict]]:
    """Full records for the JSON files, keyed by resource name."""
    parties, assessments, actions, needs = [], [], [], []
    for party in view.parties:
        parties.append(dict(party.profile.data))
        for article_id, doc in sorted(view.assessments.get(party.code, {}).items(), key=lambda kv: view.order.get(kv[0], 0)):
            assessments.append({"party": party.code, **doc.data, "citation": view.catalogue.cite(article_id), "narrative": doc.body.strip()})
        for act in actions_of(party):
            actions.append({"party": party.code, **act, "overdue": is_overdue(act, view.today)})
    for n in view.needs:
        needs.append({"party": n.party, "source": "action" if n.action else "assessment", "action": n.action, "provisions": list(n.provisions),
                      "type": n.type, "description": n.description, "status": n.status, "provider": n.provider})
    return {"parties": parties, "assessments": assessments, "actions": actions, "assistance-needs": needs}


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


def _csv(fields: list[str], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
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


def files(view: View, root: Path) -> dict[str, str]:
    """Docs path -> text of every open data file."""
    data = records(view)
    out: dict[str, str] = {}
    resources = []
    for name, columns in TABLES.items():
        fields = [c[0] for c in columns]
        words = table("en")["open_data"][name]
        title, description = words["title"], words["description"]
        out[f"{paths.DATA}/{name}.csv"] = _csv(fields, _rows(view, name, data[name]))
        out[f"{paths.DATA}/{name}.json"] = _json(data[name])
        resources.append({
            "name": name, "path": f"{name}.csv", "title": title, "description": description, "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "schema": {"fields": [{"name": f, "type": t, "description": words["fields"][f]} for f, t in columns], "missingValues": [""]},
        })
        resources.append({"name": f"{name}-json", "path": f"{name}.json", "title": f"{title} (JSON)", "description": f"{description} {label('open_data', 'json_note')}", "format": "json", "mediatype": "application/json", "encoding": "utf-8"})
    for path in sorted((root / "schema").glob("*.schema.json")):
        out[f"{paths.DATA}/schema/{path.name}"] = sources.repository_text(root, f"schema/{path.name}")
    own = {p.code: {"profile": p.profile.data, "assessments": [], "actions": []} for p in view.parties}
    for key in ("assessments", "actions"):
        for row in data[key]:
            own[row["party"]][key].append(row)
    for code, record in own.items():
        out[paths.party_data(code)] = _json(record)
    out[f"{paths.DATA}/datapackage.json"] = _pretty({
        "name": "untoc-implementation-profiles", "title": label("open_data", "package_title"),
        "description": label("open_data", "package_description"), "created": view.today, "resources": resources,
    })
    return out

