"""Read loaded data defensively: cross-file rules also run on files with schema errors."""
from __future__ import annotations


def entries(value) -> list[tuple[int, dict]]:
    """(index, entry) for each mapping in a list; nothing when `value` is not a list."""
    if not isinstance(value, list):
        return []
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)]


def strings(value) -> list[tuple[int, str]]:
    if not isinstance(value, list):
        return []
    return [(i, v) for i, v in enumerate(value) if isinstance(v, str)]


def mapping(value) -> dict:
    return value if isinstance(value, dict) else {}
