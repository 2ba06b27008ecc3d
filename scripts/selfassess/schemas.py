"""JSON Schema validation with messages a focal point can act on."""
from __future__ import annotations

import datetime
import json
from functools import cache
from pathlib import Path

import jsonschema
import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from .suggest import did_you_mean

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schema"

_formats = FormatChecker(formats=())


@_formats.checks("date", raises=ValueError)
def _is_date(value) -> bool:
    if isinstance(value, str):
        datetime.date.fromisoformat(value)
    return True


@cache
def _registry() -> Registry:
    resources = [
        (path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8"))))
        for path in sorted(SCHEMA_DIR.glob("*.schema.json"))
    ]
    return Registry().with_resources(resources)


@cache
def schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


@cache
def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name), registry=_registry(), format_checker=_formats)


@cache
def fast_validator(name: str):
    """jsonschema-rs (Rust): answers valid/invalid in microseconds on the common path."""

    def retrieve(uri: str) -> dict:
        return schema(uri.rsplit("/", 1)[-1].removesuffix(".schema.json"))

    return jsonschema_rs.validator_for(
        schema(name), retriever=retrieve, base_uri=f"{_BASE}{name}.schema.json", validate_formats=True
    )


_BASE = "https://schemas.invalid/"  # resolves relative $refs between our files; never fetched


class Finding:
    """One schema problem: where it is and what to say."""

    __slots__ = ("path", "message", "at_key")

    def __init__(self, path: tuple, message: str, at_key: bool = False):
        self.path = path
        self.message = message
        self.at_key = at_key


def validate(name: str, data: object) -> list[Finding]:
    """Validate `data`; integers and booleans where text is expected become text.

    The strict loader only reads canonical integers and lower-case true/false,
    so turning them back into text gives exactly what the author typed.
    """
    if fast_validator(name).is_valid(data):
        return []
    check = validator(name)
    errors = sorted(check.iter_errors(data), key=_telling)
    if not errors:
        return []
    if any(_as_text(data, e) for e in errors):
        errors = sorted(check.iter_errors(data), key=_telling)
    findings = _one_per_field([f for e in errors for f in _describe(e)])
    findings.sort(key=lambda f: (len(f.path) == 0, [str(p) for p in f.path]))
    return findings


def _telling(error) -> int:
    """Type errors explain the most, so they are kept when a field fails twice."""
    return 0 if error.validator == "type" else 1


def _one_per_field(findings: list[Finding]) -> list[Finding]:
    """An empty or wrongly typed value fails several keywords; say it once."""
    seen: set = set()
    out = []
    for finding in findings:
        key = (finding.path, finding.at_key, finding.message.startswith("missing") and finding.message)
        if key in seen:
            continue
        seen.add(key)
        out.append(finding)
    return out


def _as_text(data, error) -> bool:
    if error.validator != "type" or "string" not in _types(error.validator_value):
        return False
    value = error.instance
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, int):
        text = str(value)
    else:
        return False
    parent = data
    path = list(error.absolute_path)
    for part in path[:-1]:
        parent = parent[part]
    if not path:
        return False
    parent[path[-1]] = text
    return True


def _types(value) -> list[str]:
    return value if isinstance(value, list) else [value]


_KIND = {
    "string": "text",
    "object": "a group of fields (name: value lines)",
    "array": "a list (lines starting with '- ')",
    "integer": "a whole number",
    "boolean": "true or false",
    "null": "nothing",
}


def _kind_of(value) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int):
        return f"the number {value}"
    return f"'{_short(value)}'"


def _short(value, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe(error: jsonschema.ValidationError) -> list[Finding]:
    path = tuple(error.absolute_path)
    kw = error.validator
    value = error.instance
    sch = error.schema if isinstance(error.schema, dict) else {}
    if kw == "additionalProperties" and isinstance(value, dict):
        known = list(sch.get("properties", {}))
        extras = [k for k in value if k not in known]
        return [
            Finding(path + (k,), f"unknown field '{k}'{did_you_mean(k, known)}; allowed fields: {', '.join(known)}", at_key=True)
            for k in extras
        ]
    if kw == "required":
        missing = error.message.split("'")[1] if "'" in error.message else str(error.validator_value)
        because = _because(error, missing)
        return [Finding(path, f"missing required field '{missing}'{because}")]
    if kw == "type":
        expected = " or ".join(_KIND.get(t, t) for t in _types(error.validator_value))
        found = _kind_of(value)
        hint = ""
        if "boolean" in _types(error.validator_value) and isinstance(value, str):
            hint = "; only true and false are read as yes/no" + (
                f" ('{value}' is kept as text, never turned into {str(value.lower() in ('yes', 'on', 'y')).lower()})"
                if value.lower() in ("yes", "no", "on", "off", "y", "n", "true", "false")
                else ""
            )
        if value is None:
            if "enum" in sch:
                return [Finding(path, f"is empty; use one of: {', '.join(map(str, sch['enum']))}")]
            return [Finding(path, f"is empty; expected {expected}")]
        return [Finding(path, f"expected {expected}, found {found}{hint}")]
    if kw == "enum":
        allowed = [str(v) for v in error.validator_value]
        return [Finding(path, f"{_kind_of(value)} is not allowed{did_you_mean(str(value), allowed)}; use one of: {', '.join(allowed)}")]
    if kw == "const":
        return [Finding(path, f"must be '{error.validator_value}'")]
    if kw == "format" and error.validator_value == "date":
        return [Finding(path, f"'{value}' is not a real calendar date")]
    if kw == "pattern":
        if isinstance(value, str) and not value.strip():
            return [Finding(path, "is empty; write the text or remove the field")]
        what = sch.get("description") or f"text matching {error.validator_value}"
        return [Finding(path, f"'{_short(value)}' is not in the expected form: {what}")]
    if kw == "minLength":
        return [Finding(path, "is empty; write the text or remove the field")]
    if kw == "minItems":
        n = error.validator_value
        return [Finding(path, f"needs at least {n} {'entry' if n == 1 else 'entries'}")]
    if kw == "maxItems":
        return [Finding(path, f"has more than {error.validator_value} entries")]
    if kw == "uniqueItems":
        return [Finding(path, "lists the same entry twice; remove the repeat")]
    if kw in ("minimum", "maximum"):
        return [Finding(path, f"{value} is out of range ({kw} {error.validator_value})")]
    return [Finding(path, error.message)]


def _because(error: jsonschema.ValidationError, missing: str) -> str:
    """Explain a requirement that depends on another field (if/then)."""
    if "then" not in error.schema_path:
        return ""
    instance = error.instance if isinstance(error.instance, dict) else {}
    if missing == "assistance":
        return f" because resources is '{instance.get('resources')}'; list the assistance needed"
    if missing == "completed":
        return f" because status is '{instance.get('status')}'; give the date it was completed"
    return " (required by the value of another field)"
