"""A synthetic corpus for benchmarks and scale tests: fictional States, deterministic.

Every State gets a profile, an assessment of every article of the four
instruments (narratives of 150-300 words, measures, laws, challenges, assistance
needs) and an action plan of 15-30 actions. Codes run XAA, XAB, ... (ISO's
user-assigned range), so nothing is ever attributed to a real State.
"""
from __future__ import annotations

import random
import shutil
from pathlib import Path

from . import catalogue as catalogue_stage

WORDS = (
    "the ministry national authority law amended code article offence penalty court prosecution "
    "investigation cooperation request assistance training officials data statistics cases year "
    "reform committee implementation measures agency police border victims protection proceeds "
    "confiscation extradition mutual legal framework strategy plan progress review capacity "
    "coordination judicial provisions guidelines procedure practice evidence unit specialized"
).split()
GROUPS = ["african", "asia_pacific", "eastern_european", "latin_american_caribbean", "western_european_other"]
STATUSES = ["full", "partial", "none", "not_applicable"]
KINDS = ["legislative", "regulatory", "institutional", "policy", "judicial", "operational"]
CHALLENGES = ["legislative", "institutional", "capacity", "resources", "coordination", "data"]
TYPES = ["legislative_drafting", "training", "institution_building", "equipment", "information_technology", "data_and_research"]


def codes(count: int) -> list[str]:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return [f"X{a}{b}" for a in letters for b in letters][:count]


def _prose(rng: random.Random, words: int) -> str:
    sentences, count = [], 0
    while count < words:
        n = rng.randint(8, 20)
        sentence = " ".join(rng.choice(WORDS) for _ in range(n))
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
        count += n
    text = " ".join(sentences)
    return "\n".join(text[i : i + 76] for i in range(0, len(text), 76)) if False else _wrap(text)


def _wrap(text: str, width: int = 76) -> str:
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join(lines + [line])


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


def _assessment(article, rng: random.Random) -> str:
    status = rng.choice(STATUSES)
    lines = ["---", f"provision: {article.id}", f"status: {status}", "measures:"]
    for _ in range(rng.randint(1, 3)):
        lines += [
            f"  - kind: {rng.choice(KINDS)}",
            f"    description: {_prose(rng, 12).replace(chr(10), ' ')}",
            "    laws:",
            f"      - title: Synthetic Law No. {rng.randint(1, 99)}",
            f"        articles: art. {rng.randint(1, 300)}",
            f"        year: {rng.randint(1990, 2025)}",
            "        status: in_force",
        ]
    if status in ("partial", "none"):
        lines += ["challenges:", f"  - kind: {rng.choice(CHALLENGES)}", f"    description: {_prose(rng, 10).replace(chr(10), ' ')}"]
        lines += ["assistance:", f"  - type: {rng.choice(TYPES)}", f"    description: {_prose(rng, 10).replace(chr(10), ' ')}", "    status: needed"]
    lines += ["---", "", _prose(rng, rng.randint(150, 300)), ""]
    return "\n".join(lines)


def _action_plan(code: str, articles: list, rng: random.Random) -> str:
    lines = [f"party: {code}", "actions:"]
    for n in range(1, rng.randint(15, 30) + 1):
        start_year = rng.randint(2023, 2026)
        resources = rng.choice(["own", "assistance", "mixed"])
        status = rng.choice(["planned", "in_progress", "completed", "delayed"])
        lines += [
            f"  - id: A-{n:02d}",
            f"    title: {_prose(rng, 6).replace(chr(10), ' ')}",
            f"    description: {_prose(rng, 30).replace(chr(10), ' ')}",
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
        lines += ["    updates:", f"      - date: {start_year}-09-01", f"        text: {_prose(rng, 15).replace(chr(10), ' ')}"]
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
    for name in ("mkdocs.yml",):
        if (source / name).exists():
            shutil.copy(source / name, dest / name)
    if (source / "overrides").is_dir():
        shutil.copytree(source / "overrides", dest / "overrides")
    catalogue, _ = catalogue_stage.load(dest)
    articles = [a for a in catalogue.articles() if a.expects_assessment]
    for code in codes(states):
        rng = random.Random(f"{seed}-{code}")
        folder = content / "parties" / code
        (folder / "assessment").mkdir(parents=True)
        (folder / "profile.yaml").write_text(_profile(code, rng), encoding="utf-8")
        for article in catalogue.articles():
            name = f"{article.instrument}-{article.number:02d}.md"
            (folder / "assessment" / name).write_text(_assessment(article, rng), encoding="utf-8")
        (folder / "action-plan.yaml").write_text(_action_plan(code, articles, rng), encoding="utf-8")
    return dest
