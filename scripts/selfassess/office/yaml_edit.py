"""Change fields of a YAML front matter in place, keeping everything else as written.

Only the top-level fields whose value changed are rewritten; the others keep
their exact text, and so do comments between them. A comment inside a field
that is rewritten is kept, just above the field. New fields go where the
schema lists them. Values are written so the project's strict loader reads
back exactly the same data (dates stay plain, 'no' and '1.10' are quoted).
"""
from __future__ import annotations

import yaml
from yaml.nodes import MappingNode

from .. import yamlstrict

ORDER = ("provision", "status", "as_of", "paragraphs", "measures", "challenges", "assistance", "confidential", "draft")


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, long text on one line, dates left plain."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


_Dumper.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def _text(dumper, value: str):
    style = "|" if "\n" in value.strip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def dump(fields: dict) -> str:
    """YAML for some top-level fields."""
    if not fields:
        return ""
    return yaml.dump(fields, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)


def _spans(text: str) -> dict[str, tuple[int, int]]:
    """Top-level key -> (first line, line after its value), 0-based."""
    root = yamlstrict.compose(text)
    spans = {}
    if not isinstance(root, MappingNode):
        return spans
    for key, value in root.value:
        end = value.end_mark.line + (1 if value.end_mark.column > 0 else 0)
        spans[key.value] = (key.start_mark.line, max(end, key.start_mark.line + 1))
    return spans


def update(text: str, old: dict, new: dict) -> str:
    """`text` (the YAML of `old`) changed to hold `new`."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    spans = _spans(text)
    replaced: dict[int, list[str]] = {}  # first line -> replacement lines
    dropped: set[int] = set()
    for key, (start, end) in spans.items():
        if key in new and new[key] == old.get(key):
            continue
        block = lines[start:end]
        body = block[1:]
        while body and (not body[-1].strip() or body[-1].lstrip().startswith("#")):
            body.pop()  # trailing comments belong to what follows
        kept = [line for line in body if line.lstrip().startswith("#")]
        fresh = dump({key: new[key]}).rstrip("\n").split("\n") if key in new else []
        replaced[start] = kept + fresh
        dropped.update(range(start + 1, start + 1 + len(body)))
    out: list[str] = []
    for n, line in enumerate(lines):
        if n in replaced:
            out += replaced[n]
        elif n not in dropped:
            out.append(line)
    added = [key for key in new if key not in spans]
    for key in added:
        out = _insert(out, key, dump({key: new[key]}).rstrip("\n").split("\n"), new)
    return "\n".join(out) + "\n"


def _insert(lines: list[str], key: str, block: list[str], new: dict) -> list[str]:
    """Put a new field after the last present field that comes before it in ORDER."""
    rank = ORDER.index(key) if key in ORDER else len(ORDER)
    text = "\n".join(lines) + "\n"
    spans = _spans(text) if lines else {}
    before = [(end, k) for k, (_, end) in spans.items() if (ORDER.index(k) if k in ORDER else len(ORDER)) <= rank]
    at = max(before)[0] if before else 0
    if not before:
        at = min((start for start, _ in spans.values()), default=len(lines))
    return lines[:at] + block + lines[at:]


def new_file(data: dict, body: str) -> str:
    """A whole assessment file: fields in the schema's order, then the narrative."""
    ordered = {k: data[k] for k in ORDER if k in data}
    ordered.update({k: v for k, v in data.items() if k not in ordered})
    text = "---\n" + dump(ordered) + "---\n"
    return text + ("\n" + body.rstrip("\n") + "\n" if body.strip() else "")
