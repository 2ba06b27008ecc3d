"""The layout both sides of the questionnaire agree on: content-control tags and answer tables.

A tag names what a control holds: `sa:<part>:<article>` (for example
`sa:measures:untoc.5`), `sa:choice:<article>:<field>` for a list to choose
from, and `sa:static` for guidance that cannot be edited. Each answer table's
columns are read back by their heading, so a column moved in Word still reads.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..labels import label

PROPERTY = "selfassess-form"  # custom document property holding the form's facts (JSON)
FORMAT = 1
STATIC = "sa:static"


@dataclass(frozen=True)
class Column:
    key: str  # field name in the assessment, or "number"/"measure" for the links between tables
    heading: str  # key in the 'form' labels
    values: str | None = None  # labels group of allowed values; "yesno"; "assistance_types"; None: free text
    width: float = 0.2


TABLES: dict[str, tuple[Column, ...]] = {
    "paragraphs": (
        Column("provision", "provision", None, 0.24),
        Column("status", "status", "status", 0.22),
        Column("note", "note", None, 0.54),
    ),
    "measures": (
        Column("number", "number", None, 0.08),
        Column("kind", "kind", "measure_kind", 0.17),
        Column("description", "description", None, 0.57),
        Column("confidential", "not_public", "yesno", 0.18),
    ),
    "laws": (
        Column("measure", "measure_number", None, 0.1),
        Column("title", "title_column", None, 0.3),
        Column("articles", "articles", None, 0.14),
        Column("year", "year", None, 0.08),
        Column("status", "status", "law_status", 0.14),
        Column("url", "link", None, 0.24),
    ),
    "challenges": (
        Column("kind", "kind", "challenge_kind", 0.2),
        Column("description", "description", None, 0.62),
        Column("confidential", "not_public", "yesno", 0.18),
    ),
    "assistance": (
        Column("type", "type", "assistance_types", 0.18),
        Column("description", "what", None, 0.38),
        Column("status", "status", "assistance_status", 0.14),
        Column("provider", "provider", None, 0.15),
        Column("confidential", "not_public", "yesno", 0.15),
    ),
}

# Rows of the fields table: (field, label key, values)
FIELDS = (
    ("status", "compliance", "status"),
    ("as_of", "as_of", None),
    ("draft", "draft", "yesno"),
    ("confidential", "confidential", "yesno"),
)


def form(key: str) -> str:
    return label("form", key)


def tag(part: str, article: str, field: str | None = None) -> str:
    return f"sa:{part}:{article}" + (f":{field}" if field else "")


def parse_tag(value: str) -> tuple[str, str, str | None] | None:
    """'sa:measures:untoc.5' -> ('measures', 'untoc.5', None); None when not one of ours."""
    parts = value.split(":")
    if len(parts) < 3 or parts[0] != "sa":
        return None
    return parts[1], parts[2], parts[3] if len(parts) > 3 else None
