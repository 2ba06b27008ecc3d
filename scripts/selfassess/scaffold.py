"""`new`: open a State's folder with everything it has to fill in.

Writes content/parties/<code>/ with a profile, one assessment per article in
the current cycle's scope (the checklist questions as comments, which are never
published) and an empty action plan, then adds the folder to CODEOWNERS. The
result passes `check`, with a warning for each article not yet assessed.
"""
from __future__ import annotations

import json
import re
import sys
import textwrap
from pathlib import Path
from string import Template

from . import catalogue as catalogue_stage
from . import codeowners, registers, schemas
from .catalogue import Article, Catalogue

TEMPLATES = Path(__file__).resolve().parent / "templates"
CODE = re.compile(r"^[A-Z]{3}$")
LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
WIDTH = 88


class ScaffoldError(Exception):
    pass


def _template(template: str, **values: str) -> str:
    return Template((TEMPLATES / template).read_text(encoding="utf-8")).substitute(values)


def _choices(schema: str, *path: str) -> str:
    """'a, b or c' from an enum in a schema, so comments never drift from it."""
    node = schemas.schema(schema)
    for key in path:
        node = node[key]
    if "$ref" in node:
        ref_file, _, pointer = node["$ref"].partition("#")
        node = schemas.schema(ref_file.removesuffix(".schema.json")) if ref_file else schemas.schema(schema)
        for key in pointer.strip("/").split("/"):
            node = node[key]
    values = node["enum"]
    return ", ".join(values[:-1]) + " or " + values[-1]


def _comment(text: str, first: str, rest: str) -> list[str]:
    return textwrap.wrap(" ".join(text.split()), WIDTH, initial_indent=first, subsequent_indent=rest)


def guidance(article: Article, catalogue: Catalogue) -> str:
    """The article's checklist questions and what a complete answer gives, as YAML comments."""
    data = article.checklist.data if article.checklist else {}
    lines: list[str] = []
    parts = [p for p in data.get("parts") or [] if isinstance(p, dict)]
    if parts:
        lines += ["#", "# Questions to answer in the narrative:"]
    for part in parts:
        where = ", ".join(catalogue.cite(p) for p in part.get("provisions") or [])
        for question in part.get("questions") or []:
            if isinstance(question, dict):
                lines += _comment(f"{question.get('id')} ({where}): {question.get('text')}", "#   ", "#       ")
    complete = data.get("complete_answer") or []
    if complete:
        lines += ["#", "# A complete answer gives:"]
        for item in complete:
            lines += _comment(str(item), "#   - ", "#     ")
    return "".join(line + "\n" for line in lines)


def assessment(article: Article, catalogue: Catalogue) -> str:
    assistance = ("$defs", "assistance_need", "properties", "status")
    return _template(
        "assessment.md",
        citation=catalogue.cite(article.id),
        title=article.title,
        checklist_path=f"content/provisions/{article.instrument}/art-{article.number:02d}.md",
        guidance=guidance(article, catalogue),
        provision=article.id,
        statuses=_choices("assessment", "properties", "status"),
        measure_kinds=_choices("assessment", "properties", "measures", "items", "properties", "kind"),
        law_statuses=_choices("assessment", "properties", "measures", "items", "properties", "laws", "items", "properties", "status"),
        challenge_kinds=_choices("assessment", "properties", "challenges", "items", "properties", "kind"),
        assistance_statuses=_choices("common", *assistance),
    )


def file_name(article: Article) -> str:
    return f"{article.instrument}-{article.number:02d}.md"


def create(root: Path, code: str, name: str, regional_group: str | None = None,
           languages: list[str] | None = None, team: str | None = None) -> tuple[list[str], list[str]]:
    """Write the State's folder; returns the paths written (relative to `root`) and notes."""
    if not CODE.match(code):
        raise ScaffoldError(f"'{code}' is not a State code: use the three capital letters of ISO 3166-1 alpha-3, e.g. XAC")
    if not name.strip():
        raise ScaffoldError("--name is empty; give the State's short name, e.g. --name \"Fictionia\"")
    groups = schemas.schema("profile")["properties"]["regional_group"]["enum"]
    if regional_group is not None and regional_group not in groups:
        raise ScaffoldError(f"--regional-group '{regional_group}' is not one of: {', '.join(groups)}")
    languages = languages or ["en"]
    for language in languages:
        if not LANGUAGE.match(language):
            raise ScaffoldError(f"--language '{language}' is not an ISO 639-1 code such as en, fr or es-MX")
    folder = root / "content" / "parties" / code
    if folder.exists():
        raise ScaffoldError(f"content/parties/{code}/ already exists; edit its files instead")
    catalogue, _ = catalogue_stage.load(root)
    found, _ = registers.load(root, catalogue)
    cycle = found.current_cycle
    if cycle is None:
        raise ScaffoldError("content/cycles.yaml names no current cycle; set 'current:' to the cycle new States join")
    owners = codeowners.read(root)
    if owners is not None and not (team or owners.default_team(code)):
        raise ScaffoldError(f"{codeowners.PATH} has no '* @<organization>/<team>' line to take the organization from; give the team with --team")

    files = {
        "profile.yaml": _template(
            "profile.yaml",
            name=" ".join(name.split()),
            quoted_name=json.dumps(name.strip(), ensure_ascii=False),
            code=code,
            regional_group=regional_group or "none",
            regional_group_note="" if regional_group else "  # " + ", ".join(groups),
            languages=", ".join(languages),
        ),
        "action-plan.yaml": _template("action-plan.yaml", name=" ".join(name.split()), code=code),
    }
    for article_id in cycle.articles:
        article = catalogue.article(article_id)
        files[f"assessment/{file_name(article)}"] = assessment(article, catalogue)
    written = []
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path.relative_to(root).as_posix())
    if owners is not None:
        codes = [p.name for p in (root / "content" / "parties").iterdir() if p.is_dir()]
        codeowners.write(root, codes, {code: team} if team else None)
        written.append(codeowners.PATH)
    notes = []
    if cycle.participants is not None and code not in cycle.participants:
        notes.append(f"cycle '{cycle.id}' lists its participants in content/cycles.yaml and {code} is not among them; add it there if it takes part")
    return written, notes


def main(root: Path, code: str, name: str, regional_group: str | None, languages: list[str] | None, team: str | None) -> int:
    try:
        written, notes = create(root, code, name, regional_group, languages, team)
    except (ScaffoldError, codeowners.OwnersError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    print(
        f"\nNext: fill in content/parties/{code}/profile.yaml (status under each instrument, regional group, "
        "publication consent), then one assessment at a time, then the action plan. "
        "Run 'selfassess check' as you go: each article not yet assessed shows as a warning."
    )
    for note in notes:
        print(f"Note: {note}.")
    return 0
