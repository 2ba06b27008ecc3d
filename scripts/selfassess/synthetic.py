"""A synthetic corpus for benchmarks and scale tests: fictional States, deterministic.

Every State gets a profile, an assessment of every article of the four
instruments (narratives of 150-300 words, measures, laws, challenges, assistance
needs) and an action plan of 15-30 actions. Codes run XAA, XAB, ... (ISO's
user-assigned range), so nothing is ever attributed to a real State.

Prose comes from a word-pair chain over the project's own checklists and
guidance, so words are as varied and as unevenly frequent as in real answers
(what a search index and its downloads depend on). About a third of the
narratives use Markdown as focal points do: a list of laws, bold, a link.
"""
from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

from . import catalogue as catalogue_stage
from .shapes import entries, mapping

GROUPS = ["african", "asia_pacific", "eastern_european", "latin_american_caribbean", "western_european_other"]
STATUSES = ["full", "partial", "none", "not_applicable"]
KINDS = ["legislative", "regulatory", "institutional", "policy", "judicial", "operational"]
CHALLENGES = ["legislative", "institutional", "capacity", "resources", "coordination", "data"]
TYPES = ["legislative_drafting", "training", "institution_building", "equipment", "information_technology", "data_and_research"]
SITE_FILES = ("mkdocs.yml", "overrides", "schema", "CONTRIBUTING.md")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9'-]*|[.?!;]")
_PROVISION_ID = re.compile(r"\b[a-z]+\.\d[\w.]*")  # untoc.5.1: an id, not prose


def codes(count: int) -> list[str]:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return [f"X{a}{b}" for a in letters for b in letters][:count]


class Prose:
    """Sentences from a word-pair chain learnt from the given texts."""

    def __init__(self, texts: list[str]):
        self.follows: dict[str, list[str]] = {}
        self.starts: list[str] = []
        previous = "."
        for text in texts:
            for token in _TOKEN.findall(_PROVISION_ID.sub(" ", text)):
                token = "." if token in "?!;" else token
                if token != "." and previous == ".":
                    self.starts.append(token)
                self.follows.setdefault(previous, []).append(token)
                previous = token
        if not self.starts:
            raise ValueError("no text to learn prose from: the checklists are empty")

    def words(self, rng: random.Random, count: int) -> str:
        """Sentences of exactly `count` words in all, on one line."""
        sentences, total = [], 0
        while total < count:
            word, sentence = rng.choice(self.starts), []
            while word != "." and len(sentence) < min(30, count - total):
                sentence.append(word)
                word = rng.choice(self.follows.get(word) or ["."])
            sentence[0] = sentence[0][:1].upper() + sentence[0][1:]
            sentences.append(" ".join(sentence) + ".")
            total += len(sentence)
        return " ".join(sentences)

    def narrative(self, rng: random.Random, count: int, code: str, article) -> str:
        """`count` words in one to three paragraphs, wrapped; some with a list of laws, bold or a link."""
        cuts = sorted(rng.sample(range(40, count - 40), rng.randint(0, 2)))
        spans = zip([0, *cuts], [*cuts, count])
        paragraphs = [_wrap(self.words(rng, end - start)) for start, end in spans]
        roll = rng.random()
        if roll < 0.15:  # the laws, as a list
            laws = [f"- Synthetic Law No. {rng.randint(1, 99)} of {rng.randint(1990, 2025)}, art. {rng.randint(1, 300)}" for _ in range(rng.randint(2, 4))]
            paragraphs.insert(1, "\n".join(laws))
        elif roll < 0.25:  # a phrase in bold
            words = paragraphs[0].split(" ")
            at = rng.randrange(len(words) - 1)
            if "\n" not in words[at] + words[at + 1]:
                words[at], words[at + 1] = f"**{words[at]}", f"{words[at + 1]}**"
            paragraphs[0] = " ".join(words)
        elif roll < 0.33:  # a link to a report
            paragraphs.append(f"See the [report on {article.id}](https://example.org/{code.lower()}/reports/{article.id}.html).")
        return "\n\n".join(paragraphs)


def _wrap(text: str, width: int = 76) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join(lines + [line])


def _checklist_texts(catalogue) -> list[str]:
    """Every summary, question and guidance text of the checklists."""
    texts = []
    for article in catalogue.articles():
        if article.checklist is None:
            continue
        data = article.checklist.data
        texts += [str(data.get("summary", "")), article.checklist.body]
        for _, part in entries(data.get("parts")):
            texts.append(str(mapping(part).get("summary", "")))
            texts += [str(mapping(q).get("text", "")) for _, q in entries(mapping(part).get("questions"))]
    return texts


def _profile(code: str, rng: random.Random) -> str:
    return (
        f"code: {code}\nname: Synthetic State {code}\nregional_group: {rng.choice(GROUPS)}\nlanguages: [en]\n"
        "instruments:\n"
        "  untoc: {status: party, signature: 2001-03-01, ratification: {kind: ratification, date: 2004-06-01}}\n"
        "  tip: {status: party, signature: 2001-03-01, ratification: {kind: ratification, date: 2005-02-01}}\n"
        "  som: {status: party, ratification: {kind: accession, date: 2006-09-01}}\n"
        "  firearms: {status: party, ratification: {kind: accession, date: 2008-01-15}}\n"
        "publication: {consent: full}\n"
    )


def _assessment(code: str, article, prose: Prose, rng: random.Random) -> str:
    status = rng.choice(STATUSES)
    lines = ["---", f"provision: {article.id}", f"status: {status}", "measures:"]
    for _ in range(rng.randint(1, 3)):
        lines += [
            f"  - kind: {rng.choice(KINDS)}",
            f"    description: {prose.words(rng, 12)}",
            "    laws:",
            f"      - title: Synthetic Law No. {rng.randint(1, 99)}",
            f"        articles: art. {rng.randint(1, 300)}",
            f"        year: {rng.randint(1990, 2025)}",
            "        status: in_force",
        ]
    if status in ("partial", "none"):
        lines += ["challenges:", f"  - kind: {rng.choice(CHALLENGES)}", f"    description: {prose.words(rng, 10)}"]
        lines += ["assistance:", f"  - type: {rng.choice(TYPES)}", f"    description: {prose.words(rng, 10)}", "    status: needed"]
    lines += ["---", "", prose.narrative(rng, rng.randint(150, 300), code, article), ""]
    return "\n".join(lines)


def _action_plan(code: str, articles: list, prose: Prose, rng: random.Random) -> str:
    lines = [f"party: {code}", "actions:"]
    for n in range(1, rng.randint(15, 30) + 1):
        start_year = rng.randint(2023, 2026)
        resources = rng.choice(["own", "assistance", "mixed"])
        status = rng.choice(["planned", "in_progress", "completed", "delayed"])
        lines += [
            f"  - id: A-{n:02d}",
            f"    title: {prose.words(rng, 6)}",
            f"    description: {prose.words(rng, 30)}",
            f"    provisions: [{rng.choice(articles).id}]",
            "    responsible: Ministry of Justice",
            f"    start: {start_year}-01-15",
            f"    due: {start_year + 1}-06-30",
            f"    priority: {rng.choice(['high', 'medium', 'low'])}",
            f"    resources: {resources}",
            f"    status: {status}",
        ]
        if status == "completed":
            lines.append(f"    completed: {start_year + 1}-05-30")
        if resources != "own":
            lines += ["    assistance:", f"      - type: {rng.choice(TYPES)}", "        description: Expert support for the action.", "        status: requested"]
        lines += ["    updates:", f"      - date: {start_year}-09-01", f"        text: {prose.words(rng, 15)}"]
    return "\n".join(lines) + "\n"


def generate(source: Path, dest: Path, states: int = 192, seed: int = 2000) -> Path:
    """Write a corpus of `states` synthetic States into dest/, with source's provisions and registers."""
    if dest.exists():
        shutil.rmtree(dest)
    content = dest / "content"
    shutil.copytree(source / "content" / "provisions", content / "provisions")
    for name in ("cycles.yaml", "assistance-types.yaml"):
        shutil.copy(source / "content" / name, content / name)
    (content / "cycles.yaml").write_text((source / "content" / "cycles.yaml").read_text(encoding="utf-8").split("    participants:")[0], encoding="utf-8")
    for name in SITE_FILES:  # what a build reads besides content/
        if (source / name).is_dir():
            shutil.copytree(source / name, dest / name)
        elif (source / name).is_file():
            shutil.copy(source / name, dest / name)
    catalogue, _ = catalogue_stage.load(dest)
    prose = Prose(_checklist_texts(catalogue))
    articles = [a for a in catalogue.articles() if a.expects_assessment]
    for code in codes(states):
        rng = random.Random(f"{seed}-{code}")
        folder = content / "parties" / code
        (folder / "assessment").mkdir(parents=True)
        (folder / "profile.yaml").write_text(_profile(code, rng), encoding="utf-8")
        for article in catalogue.articles():
            name = f"{article.instrument}-{article.number:02d}.md"
            (folder / "assessment" / name).write_text(_assessment(code, article, prose, rng), encoding="utf-8")
        (folder / "action-plan.yaml").write_text(_action_plan(code, articles, prose, rng), encoding="utf-8")
    return dest
