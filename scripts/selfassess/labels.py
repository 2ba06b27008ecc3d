"""Labels from the strings table (scripts/selfassess/strings/<language>.yaml)."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

STRINGS = Path(__file__).resolve().parent / "strings"


@cache
def table(language: str = "en") -> dict:
    path = STRINGS / f"{language}.yaml"
    if not path.exists():
        path = STRINGS / "en.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def label(group: str, key: str, language: str = "en") -> str:
    """label('status', 'partial') -> 'Partially compliant'; the key itself when missing."""
    value = table(language).get(group, {}).get(key)
    if value is None and language != "en":
        value = table("en").get(group, {}).get(key)
    return str(value) if value is not None else key
