"""The open data page and the data reference generated from the JSON Schemas."""
from __future__ import annotations

import json
from pathlib import Path

from . import paths, sources
from .labels import label
from .labels import table as strings_table
from .opendata import PER_STATE_JSON, TABLES
from .render_html import a, block, esc, front_matter, h, table
from .siteview import View

# Order of the reference: what a State edits first.
SCHEMAS = ("profile", "assessment", "action-plan", "cycles", "assistance-types", "checklist", "instrument", "common")


def page(view: View, root: Path) -> str:
    here = paths.OPEN_DATA
    rows = []
    for name in TABLES:
        meta = _table_words(name)
        links = a(paths.link(here, f"{paths.DATA}/{name}.csv"), "CSV") + " · " + (
            a("#per-state", esc(label("data", "json_per_state"))) if name in PER_STATE_JSON else a(paths.link(here, f"{paths.DATA}/{name}.json"), "JSON"))
        rows.append([esc(meta["title"]), esc(meta["description"]), links])
    schemas = [a(paths.link(here, f"{paths.DATA}/schema/{p.name}"), f"<code>{esc(p.name)}</code>") for p in sorted((root / "schema").glob("*.schema.json"))]
    return front_matter(label("data", "title")) + block(
        h(1, esc(label("data", "title"))),
        f'<p>{esc(label("data", "intro"))}</p>',
        table([esc(label("data", x)) for x in ("dataset", "description", "files")], rows, cls="sa-table"),
        f'<p>{a(paths.link(here, f"{paths.DATA}/datapackage.json"), "<code>datapackage.json</code>")}: {esc(label("data", "datapackage"))}</p>',
        h(2, esc(label("data", "schemas")), "schemas"),
        f'<p>{esc(label("data", "schemas_intro"))} {a(paths.link(here, paths.DATA_REFERENCE), esc(label("data", "reference_title")))}.</p>',
        "<ul>" + "".join(f"<li>{s}</li>" for s in schemas) + "</ul>",
        h(2, esc(label("data", "per_state_title")), "per-state"),
        f'<p>{esc(label("data", "per_state"))}</p>',
        '<ul class="sa-columns">' + "".join(f'<li>{a(paths.link(here, paths.party_data(p.code)), esc(p.name))} <code>{esc(p.code)}</code></li>' for p in view.parties) + "</ul>",
    )


def _table_words(name: str) -> dict:
    return strings_table("en")["open_data"][name]


def reference(root: Path) -> str:
    """One section per schema: every field with its title, type, whether required, and its description."""
    here = paths.DATA_REFERENCE
    loaded = {}
    for name in SCHEMAS:
        text = sources.repository_text(root, f"schema/{name}.schema.json")
        if text is not None:
            loaded[name] = json.loads(text)
    sections = [h(1, esc(label("data", "reference_title"))), f'<p>{esc(label("data", "reference_intro"))}</p>']
    for name, schema in loaded.items():
        rows = [[f"<code>{esc(path)}</code>", esc(node.get("title", "")), esc(_type(node)), esc(label("data", "required_yes") if required else ""), _describe(node)]
                for path, node, required in _fields(schema, loaded, schema, "", 0)]
        link = a(paths.link(here, f"{paths.DATA}/schema/{name}.schema.json"), f"<code>{esc(name)}.schema.json</code>")
        sections.append(h(2, esc(schema.get("title", name)), f"schema-{name}") + f"<p>{esc(schema.get('description', ''))} ({link})</p>")
        if rows:
            sections.append(table([esc(label("data", x)) for x in ("field", "field_title", "type", "required", "description")], rows, cls="sa-table sa-reference"))
    return front_matter(label("data", "reference_title")) + block(*sections)


def _resolve(node: dict, loaded: dict, current: dict) -> tuple[dict, dict]:
    """Follow $ref (local or to another schema file); keep this node's own title and description."""
    seen = 0
    while "$ref" in node and seen < 10:
        ref = node["$ref"]
        target_file, _, pointer = ref.partition("#")
        doc = loaded.get(target_file.removesuffix(".schema.json"), current) if target_file else current
        target = doc
        for part in [p for p in pointer.split("/") if p]:
            target = target.get(part, {})
        merged = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        node, current, seen = merged, doc, seen + 1
    return node, current


def _fields(node: dict, loaded: dict, current: dict, prefix: str, depth: int):
    node, current = _resolve(node, loaded, current)
    if depth > 8:
        return
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        yield from _fields(node["items"], loaded, current, prefix + "[]", depth + 1)
        return
    required = set(node.get("required", []))
    for key, child in (node.get("properties") or {}).items():
        path = f"{prefix}.{key}" if prefix else key
        resolved, where = _resolve(child, loaded, current)
        yield path, resolved, key in required
        yield from _fields(resolved, loaded, where, path, depth + 1)
    if prefix == "" and "$defs" in node and not node.get("properties"):
        for key, child in node["$defs"].items():
            resolved, where = _resolve(child, loaded, current)
            yield f"$defs.{key}", resolved, False
            yield from _fields(resolved, loaded, where, f"$defs.{key}", depth + 1)


def _type(node: dict) -> str:
    kind = node.get("type", "")
    if kind == "array":
        inner = node.get("items", {}).get("type", "") if isinstance(node.get("items"), dict) else ""
        return label("data", "list_of").format(type=inner) if inner else label("data", "list")
    if node.get("format") == "date":
        return "date"
    return str(kind)


def _describe(node: dict) -> str:
    words = esc(node.get("description", ""))
    if "enum" in node:
        notes = node.get("enumDescriptions") or [""] * len(node["enum"])
        items = "".join(f"<li><code>{esc(v)}</code>{': ' + esc(d) if d else ''}</li>" for v, d in zip(node["enum"], notes))
        words += f'<br>{esc(label("data", "allowed"))}<ul>{items}</ul>'
    if "pattern" in node and node.get("format") != "date":
        words += f'<br>{esc(label("data", "pattern"))} <code>{esc(node["pattern"])}</code>'
    return words
