"""Content-wide registers: review cycles and types of technical assistance."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import documents, untrusted
from .catalogue import Catalogue
from .documents import Document
from .problems import ERROR, Problem
from .shapes import entries, strings


@dataclass
class Cycle:
    id: str
    data: dict
    articles: list[str]  # article ids in scope, in catalogue order
    participants: set[str] | None  # None: every State party


@dataclass
class Registers:
    cycles: dict[str, Cycle] = field(default_factory=dict)
    current: str | None = None
    assistance_types: dict[str, dict] = field(default_factory=dict)

    @property
    def current_cycle(self) -> Cycle | None:
        return self.cycles.get(self.current or "")


def load(root: Path, catalogue: Catalogue) -> tuple[Registers, list[Problem]]:
    registers = Registers()
    problems: list[Problem] = []
    problems += _load_assistance_types(root, registers)
    problems += _load_cycles(root, catalogue, registers)
    return registers, problems


def _missing(root: Path, path: Path) -> Problem:
    rel = path.relative_to(root).as_posix()
    return Problem(rel, 1, 1, ERROR, "", "is missing; it is part of every content tree")


def _load_assistance_types(root: Path, registers: Registers) -> list[Problem]:
    path = root / "content" / "assistance-types.yaml"
    if not path.exists():
        return [_missing(root, path)]
    doc, problems = documents.load(root, path, "assistance-types")
    if doc is None:
        return problems
    for i, entry in entries(doc.data.get("types")):
        tid = entry.get("id")
        if tid in registers.assistance_types:
            problems.append(doc.problem(("types", i, "id"), f"type '{tid}' is listed twice"))
        elif isinstance(tid, str):
            registers.assistance_types[tid] = entry
    problems += untrusted.problems(doc)
    doc.forget()
    return problems


def _load_cycles(root: Path, catalogue: Catalogue, registers: Registers) -> list[Problem]:
    path = root / "content" / "cycles.yaml"
    if not path.exists():
        return [_missing(root, path)]
    doc, problems = documents.load(root, path, "cycles")
    if doc is None:
        return problems
    for i, entry in entries(doc.data.get("cycles")):
        cid = entry.get("id")
        if cid in registers.cycles:
            problems.append(doc.problem(("cycles", i, "id"), f"cycle '{cid}' is defined twice"))
            continue
        articles = _scope(doc, i, entry, catalogue, problems)
        participants = entry.get("participants")
        chosen = {code for _, code in strings(participants)} if participants is not None else None
        registers.cycles[str(cid)] = Cycle(str(cid), entry, articles, chosen)
        problems += _cycle_dates(doc, i, entry)
    current = doc.data.get("current")
    if isinstance(current, str) and current not in registers.cycles:
        problems.append(doc.problem(("current",), f"names cycle '{current}', which is not defined below"))
    registers.current = current if isinstance(current, str) else None
    problems += untrusted.problems(doc)
    doc.forget()
    return problems


def _scope(doc: Document, i: int, entry: dict, catalogue: Catalogue, problems: list[Problem]) -> list[str]:
    chosen: list[str] = []
    for j, ref in strings(entry.get("scope")):
        instrument = catalogue.instruments.get(ref)
        if instrument:
            chosen += [a.id for a in instrument.articles.values() if a.expects_assessment]
            continue
        article = catalogue.article(ref)
        if article is None or article.id != ref:
            problems.append(doc.problem(("cycles", i, "scope", j), f"'{ref}' is not an article or instrument{catalogue.suggest(ref)}"))
        else:
            chosen.append(ref)
    order = {pid: n for n, pid in enumerate(catalogue.provisions)}
    return sorted(set(chosen), key=order.__getitem__)


def _cycle_dates(doc: Document, i: int, entry: dict) -> list[Problem]:
    opens, closes = entry.get("opens"), entry.get("closes")
    out = []
    if isinstance(opens, str) and isinstance(closes, str) and closes < opens:
        out.append(doc.problem(("cycles", i, "closes"), f"{closes} is before the cycle opens ({opens})"))
    for j, deadline in entries(entry.get("deadlines")):
        date = deadline.get("date")
        if isinstance(date, str) and isinstance(opens, str) and isinstance(closes, str) and not opens <= date <= closes:
            out.append(doc.warning(("cycles", i, "deadlines", j, "date"), f"{date} falls outside the cycle ({opens} to {closes})"))
    return out
