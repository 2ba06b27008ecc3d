"""What changed in substance between two loaded corpora, State by State.

A pure comparison of two Corpus values; the result is plain data (dicts and
lists, ready for JSON) that diff_report turns into Markdown. Entries are
matched by what identifies them: assessments by file, actions by id, measures
and challenges by their description, laws by title and articles, assistance
needs by type and description. An entry whose identifying text changed shows
as removed and added.
"""
from __future__ import annotations

from . import wordiff
from .dates import is_overdue
from .parties import Party
from .shapes import entries

ASSESSMENT_FIELDS = ("as_of", "draft", "confidential")
ACTION_FIELDS = ("title", "description", "provisions", "responsible", "partners", "start", "priority", "resources", "confidential")


def _norm(text) -> str:
    return " ".join(str(text or "").split()).casefold()


def _keyed(old: list[dict], new: list[dict], key) -> tuple[list[dict], list[dict], list[tuple[dict, dict]]]:
    """(added, removed, kept pairs) of two lists of mappings matched by key(entry)."""
    before = {key(e): e for e in old}
    after = {key(e): e for e in new}
    added = [e for k, e in after.items() if k not in before]
    removed = [e for k, e in before.items() if k not in after]
    kept = [(before[k], e) for k, e in after.items() if k in before]
    return added, removed, kept


def _fields(old: dict, new: dict, names) -> list[dict]:
    out = []
    for name in names:
        if old.get(name) != new.get(name):
            out.append({"field": name, "old": old.get(name), "new": new.get(name)})
    return out


def _items(value) -> list[dict]:
    return [e for _, e in entries(value)]


def _measure(entry: dict) -> dict:
    return {"kind": entry.get("kind"), "description": entry.get("description"), "confidential": entry.get("confidential") is True}


def _law(entry: dict) -> dict:
    return {k: entry.get(k) for k in ("title", "articles", "year", "status")}


def _need(entry: dict) -> dict:
    return {"type": entry.get("type"), "description": entry.get("description"), "status": entry.get("status"), "confidential": entry.get("confidential") is True}


def assistance(old_value, new_value) -> dict:
    """Needs added, removed, met, or otherwise changed in status."""
    key = lambda e: (e.get("type"), _norm(e.get("description")))  # noqa: E731
    added, removed, kept = _keyed(_items(old_value), _items(new_value), key)
    met, changed = [], []
    for old, new in kept:
        if old.get("status") == new.get("status"):
            continue
        (met if new.get("status") == "met" else changed).append(dict(_need(new), old_status=old.get("status")))
    out = {"added": [_need(e) for e in added], "removed": [_need(e) for e in removed], "met": met, "changed": changed}
    return {k: v for k, v in out.items() if v}


def _laws(data: dict) -> list[dict]:
    return [law for measure in _items(data.get("measures")) for law in _items(measure.get("laws"))]


def assessment(old, new) -> dict:
    """Changes of one assessment; `old` or `new` is None when the file was added or removed."""
    a, b = (old.data if old else {}), (new.data if new else {})
    out: dict = {}
    if a.get("status") != b.get("status"):
        out["status"] = {"old": a.get("status"), "new": b.get("status")}
    para = lambda e: e.get("provision")  # noqa: E731
    added, removed, kept = _keyed(_items(a.get("paragraphs")), _items(b.get("paragraphs")), para)
    paragraphs = [{"provision": e.get("provision"), "old": None, "new": e.get("status")} for e in added]
    paragraphs += [{"provision": o.get("provision"), "old": o.get("status"), "new": n.get("status")} for o, n in kept if o.get("status") != n.get("status")]
    paragraphs += [{"provision": e.get("provision"), "old": e.get("status"), "new": None} for e in removed]
    if paragraphs:
        out["paragraphs"] = paragraphs
    added, removed, kept = _keyed(_items(a.get("measures")), _items(b.get("measures")), lambda e: _norm(e.get("description")))
    measures = {"added": [_measure(e) for e in added], "removed": [_measure(e) for e in removed]}
    measures["changed"] = [dict(_measure(n), fields=f) for o, n in kept if (f := _fields(o, n, ("kind", "confidential")))]
    if any(measures.values()):
        out["measures"] = {k: v for k, v in measures.items() if v}
    law_key = lambda e: (_norm(e.get("title")), _norm(e.get("articles")))  # noqa: E731
    added, removed, kept = _keyed(_laws(a), _laws(b), law_key)
    laws = {"added": [_law(e) for e in added], "removed": [_law(e) for e in removed]}
    laws["changed"] = [dict(_law(n), fields=f) for o, n in kept if (f := _fields(o, n, ("status", "year", "url")))]
    if any(laws.values()):
        out["laws"] = {k: v for k, v in laws.items() if v}
    added, removed, _ = _keyed(_items(a.get("challenges")), _items(b.get("challenges")), lambda e: _norm(e.get("description")))
    if added or removed:
        challenges = {"added": [_measure(e) for e in added], "removed": [_measure(e) for e in removed]}
        out["challenges"] = {k: v for k, v in challenges.items() if v}
    if needs := assistance(a.get("assistance"), b.get("assistance")):
        out["assistance"] = needs
    if narrative := wordiff.compare(old.body if old else "", new.body if new else ""):
        out["narrative"] = narrative
    if fields := _fields(a, b, ASSESSMENT_FIELDS):
        out["fields"] = fields
    return out


def action(old: dict | None, new: dict | None, base_on: str, head_on: str) -> dict:
    """Changes of one action; empty when nothing worth telling changed."""
    a, b = old or {}, new or {}
    out: dict = {}
    if a.get("due") != b.get("due") and old and new:
        out["rescheduled"] = {"old": a.get("due"), "new": b.get("due")}
    if a.get("status") != b.get("status") and old and new:
        out["status_change"] = {"old": a.get("status"), "new": b.get("status")}
        if b.get("status") == "completed":
            out["completed"] = b.get("completed")
    if new and is_overdue(b, head_on) and not (old and is_overdue(a, base_on)):
        out["overdue"] = True
    if old and new:
        key = lambda e: (e.get("date"), _norm(e.get("text")))  # noqa: E731
        added, _, _ = _keyed(_items(a.get("updates")), _items(b.get("updates")), key)
        if added:
            out["updates_added"] = [{"date": e.get("date"), "text": e.get("text"), "confidential": e.get("confidential") is True} for e in added]
        if fields := _fields(a, b, ACTION_FIELDS):
            out["fields"] = fields
    if needs := assistance(a.get("assistance"), b.get("assistance")):
        out["assistance"] = needs
    return out


def _action_summary(entry: dict) -> dict:
    keys = ("id", "title", "provisions", "due", "priority", "resources", "status")
    out = {k: entry.get(k) for k in keys}
    out["confidential"] = entry.get("confidential") is True
    return out


def _plan(party: Party | None) -> list[dict]:
    return _items(party.action_plan.data.get("actions")) if party and party.action_plan else []


def actions(old: Party | None, new: Party | None, base_on: str, head_on: str) -> list[dict]:
    before = {e.get("id"): e for e in _plan(old)}
    after = {e.get("id"): e for e in _plan(new)}
    out = []
    for aid in list(after) + [k for k in before if k not in after]:
        o, n = before.get(aid), after.get(aid)
        change = "added" if o is None else "removed" if n is None else "modified" if o != n else "unchanged"
        found = action(o, n, base_on, head_on)
        if change == "unchanged" and not found:
            continue
        out.append(dict(_action_summary(n or o), change=change, **found))
    return out


def _flatten(value, prefix: str = "") -> dict:
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            out.update(_flatten(item, f"{prefix}.{key}" if prefix else str(key)))
        return out
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        out = {}
        for i, item in enumerate(value):
            out.update(_flatten(item, f"{prefix}[{i}]"))
        return out
    return {prefix: value}


def profile(old: Party | None, new: Party | None) -> list[dict]:
    a = _flatten(old.profile.data) if old and old.profile else {}
    b = _flatten(new.profile.data) if new and new.profile else {}
    return [{"field": k, "old": a.get(k), "new": b.get(k)} for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]


def party(code: str, old: Party | None, new: Party | None, order: dict[str, int], base_on: str, head_on: str,
          changed: frozenset[str] = frozenset()) -> dict:
    """Every change of one State between two revisions; `changed` holds the paths git saw change."""
    current = new or old
    out = {
        "code": code,
        "name": current.name if current else code,
        "change": "added" if old is None else "removed" if new is None else "modified",
        "profile": profile(old, new) if old and new else [],
        "assessments": [],
        "actions": actions(old, new, base_on, head_on),
    }
    before = old.assessments if old else {}
    after = new.assessments if new else {}
    for name in sorted(set(before) | set(after), key=lambda n: (order.get(_provision(before, after, n), len(order)), n)):
        o, n = before.get(name), after.get(name)
        if o is not None and n is not None and o.data == n.data and o.body == n.body and n.rel not in changed:
            continue
        found = assessment(o, n)
        doc = n or o
        out["assessments"].append({
            "provision": _provision(before, after, name),
            "file": doc.rel,
            "change": "added" if o is None else "removed" if n is None else "modified",
            "draft": bool(n and n.data.get("draft") is True),
            "confidential": bool(n and n.data.get("confidential") is True),
            "substance": bool(found),
            **found,
        })
    return out


def _provision(before: dict, after: dict, name: str) -> str:
    doc = after.get(name) or before.get(name)
    value = doc.data.get("provision") if doc else None
    return value if isinstance(value, str) else name


def compare(base, head, codes, base_on: str, head_on: str, changed=()) -> list[dict]:
    """Per State in `codes`, what changed from corpus `base` to corpus `head`."""
    order = {pid: n for n, pid in enumerate(head.catalogue.provisions)}
    changed = frozenset(changed)
    return [party(code, base.parties.get(code), head.parties.get(code), order, base_on, head_on, changed) for code in sorted(codes)]

