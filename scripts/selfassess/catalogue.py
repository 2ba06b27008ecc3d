"""The provisions catalogue: the Convention, its Protocols, their articles and checklists.

Provision ids are instrument.article[.paragraph[.letter[.item]]]: untoc.5,
untoc.5.1.a.i; an article of one unnumbered paragraph takes its letters
directly (untoc.2.a). They are cited as people cite them: "UNTOC art. 5(1)(a)(i)".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import documents, untrusted
from .documents import Document
from .problems import Problem
from .sources import first_link
from .shapes import entries, strings
from .suggest import did_you_mean

ORDER = ("untoc", "tip", "som", "firearms")


@dataclass
class Article:
    instrument: str
    number: int
    title: str
    chapter: str | None
    provisions: list[str]  # every id in the article, the article's own first
    cluster: str | None
    checklist: Document | None = None

    @cached_property
    def id(self) -> str:
        return f"{self.instrument}.{self.number}"

    @property
    def expects_assessment(self) -> bool:
        """Articles without a checklist yet are assumed to expect one."""
        if self.checklist is None:
            return True
        return self.checklist.data.get("self_assessment") != "not_expected"


@dataclass
class Instrument:
    id: str
    citation: str
    data: dict
    doc: Document
    articles: dict[int, Article] = field(default_factory=dict)


@dataclass
class Catalogue:
    instruments: dict[str, Instrument] = field(default_factory=dict)
    provisions: dict[str, Article] = field(default_factory=dict)  # any provision id -> its article

    def article(self, provision: str) -> Article | None:
        return self.provisions.get(provision)

    def articles(self):
        for instrument in self.instruments.values():
            yield from instrument.articles.values()

    def suggest(self, provision: str) -> str:
        return did_you_mean(provision, self.provisions)

    def cite(self, provision: str) -> str:
        """'untoc.5.1.a' -> 'UNTOC art. 5(1)(a)'."""
        parts = provision.split(".")
        instrument = self.instruments.get(parts[0])
        prefix = instrument.citation if instrument else parts[0]
        if len(parts) < 2:
            return prefix
        return f"{prefix} art. {parts[1]}" + "".join(f"({p})" for p in parts[2:])

    def title(self, provision: str) -> str:
        article = self.article(provision)
        return article.title if article else ""


def provision_ids(instrument: str, article: dict) -> list[str]:
    """Every provision id of an article, from its structure."""
    base = f"{instrument}.{article['number']}"
    subs = article.get("subparagraphs") or {}
    items = article.get("items") or {}
    out = [base]

    def letters(key: str, prefix: str, item_key: str) -> None:
        for letter in subs.get(key, []):
            out.append(f"{prefix}.{letter}")
            for roman in items.get(f"{item_key}({letter})", []):
                out.append(f"{prefix}.{letter}.{roman}")

    if article["paragraphs"] == 0:
        letters("unnumbered", base, "")
    for number in range(1, article["paragraphs"] + 1):
        out.append(f"{base}.{number}")
        letters(str(number), f"{base}.{number}", str(number))
    return out


_CHECKLIST_NAME = re.compile(r"^art-(\d{2,3})\.md$")


def load(root: Path) -> tuple[Catalogue, list[Problem]]:
    """Read content/provisions/: instrument files, then their checklists."""
    folder = root / "content" / "provisions"
    catalogue = Catalogue()
    problems: list[Problem] = []
    if first_link(root, "content/provisions"):
        return catalogue, problems  # reported by links.problems, never followed
    paths = sorted(folder.glob("*.yaml"), key=lambda p: (ORDER.index(p.stem) if p.stem in ORDER else len(ORDER), p.stem))
    for path in paths:
        doc, found = documents.load(root, path, "instrument")
        problems += found
        if doc is None or found:
            continue
        data = doc.data
        if data["id"] != path.stem:
            problems.append(doc.problem(("id",), f"is '{data['id']}' but the file is named {path.name}; they must agree"))
            continue
        instrument = Instrument(data["id"], data["citation"], data, doc)
        for entry in data["articles"]:
            ids = provision_ids(instrument.id, entry)
            article = Article(instrument.id, entry["number"], entry["title"], entry.get("chapter"), ids, entry.get("cluster"))
            instrument.articles[article.number] = article
            for pid in ids:
                catalogue.provisions[pid] = article
        catalogue.instruments[instrument.id] = instrument
        doc.forget()
    for instrument in catalogue.instruments.values():
        problems += _load_checklists(root, folder / instrument.id, catalogue)
    return catalogue, problems


def _load_checklists(root: Path, folder: Path, catalogue: Catalogue) -> list[Problem]:
    problems: list[Problem] = []
    if folder.is_symlink() or not folder.is_dir():
        return problems
    for path in sorted(folder.iterdir()):
        rel = path.relative_to(root).as_posix()
        match = _CHECKLIST_NAME.match(path.name)
        if not match:
            problems.append(Problem(rel, 1, 1, "warning", "", "is not a checklist file (art-NN.md) and is not read; rename or remove it"))
            continue
        doc, found = documents.load(root, path, "checklist", front_matter=True)
        problems += found
        if doc is None:
            continue
        expected = f"{folder.name}.{int(match.group(1))}"
        provision = doc.data.get("provision")
        article = catalogue.article(expected)
        if article is None:
            problems.append(doc.problem((), f"there is no article {catalogue.cite(expected)}; remove or rename the file"))
        elif provision != expected:
            problems.append(doc.problem(("provision",), f"is '{provision}' but the file {path.name} is for '{expected}'; make them agree"))
        else:
            article.checklist = doc
            for i, part in entries(doc.data.get("parts")):
                for j, pid in strings(part.get("provisions")):
                    if catalogue.article(pid) is not article:
                        problems.append(doc.problem(("parts", i, "provisions", j), f"'{pid}' is not a provision of {catalogue.cite(expected)}{catalogue.suggest(pid)}"))
            problems += _question_ids(doc)
        problems += untrusted.problems(doc)  # checklists are published too
        doc.forget()
    return problems


def _question_ids(doc: Document) -> list[Problem]:
    seen: set[str] = set()
    out = []
    for i, part in entries(doc.data.get("parts")):
        for j, question in entries(part.get("questions")):
            qid = question.get("id")
            if qid in seen:
                out.append(doc.problem(("parts", i, "questions", j, "id"), f"question id '{qid}' is used twice in this article"))
            seen.add(qid)
    return out
