"""The checklist of issues: every article has one that meets the bar of issue 3.

- an article that asks something of States (self_assessment: expected) has at
  least three questions, a complete answer, evidence, common gaps and guidance;
- a general or final clause (not_expected) says in its body that no
  self-assessment is expected;
- every article states its obligation type and whether that was read off the
  authentic text (obligation_confirmed true) or is still a judgement (false).
"""
import re

from conftest import REPO, make_tree
from selfassess import catalogue

# Articles the issue names as substantive: criminalization, liability of legal
# persons, sanctions, confiscation, jurisdiction, extradition, mutual legal
# assistance, joint investigations, special investigative techniques, witness
# and victim protection, law enforcement cooperation, training and technical
# assistance, prevention, and the substantive articles of the Protocols.
SUBSTANTIVE = (
    [f"untoc.{n}" for n in (2, *range(5, 32), 34)]
    + [f"tip.{n}" for n in (3, *range(5, 14))]
    + [f"som.{n}" for n in (3, *range(5, 19))]
    + [f"firearms.{n}" for n in (3, *range(5, 16))]
)
# General and final clauses: purpose, relation with the Convention, scope,
# settlement of disputes, signature, entry into force, amendment,
# denunciation, depositary and languages.
FINAL = (
    [f"untoc.{n}" for n in (1, 3, 4, 33, *range(35, 42))]
    + [f"tip.{n}" for n in (1, 2, 4, *range(14, 21))]
    + [f"som.{n}" for n in (1, 2, 4, *range(19, 26))]
    + [f"firearms.{n}" for n in (1, 2, 4, *range(16, 22))]
)
NOT_EXPECTED = re.compile(r"\bno self-assessment is expected\b", re.IGNORECASE)
MIN_QUESTIONS = 3


def gaps(article) -> list[str]:
    """What an article's checklist lacks, one line each; [] when complete."""
    doc = article.checklist
    if doc is None:
        return [f"{article.id}: no checklist file"]
    data, out = doc.data, []
    say = lambda what: out.append(f"{article.id}: {what}")  # noqa: E731
    if "obligation" not in data:
        say("no obligation type")
    parts = data.get("parts") or []
    if data.get("self_assessment") == "expected":
        questions = [q for part in parts for q in part.get("questions") or []]
        if len(questions) < MIN_QUESTIONS:
            say(f"{len(questions)} questions, at least {MIN_QUESTIONS} expected")
        for key in ("complete_answer", "evidence", "common_gaps"):
            if not data.get(key):
                say(f"no {key}")
        if not doc.body.strip():
            say("no guidance below the front matter")
        for i, part in enumerate(parts):
            if not isinstance(part.get("obligation_confirmed"), bool):
                say(f"parts[{i}] does not say whether its obligation is confirmed")
        kinds = {part.get("obligation") for part in parts}
        summed = kinds.pop() if len(kinds) == 1 else "mixed"
        if parts and data.get("obligation") != summed:
            say(f"obligation is '{data.get('obligation')}' but its parts make it '{summed}'")
    else:
        if parts:
            say("not_expected but has questions")
        if not NOT_EXPECTED.search(doc.body):
            say("not_expected but the body does not say that no self-assessment is expected")
        if not isinstance(data.get("obligation_confirmed"), bool):
            say("does not say whether its obligation is confirmed")
    return out


def test_every_article_has_a_complete_checklist():
    loaded, problems = catalogue.load(REPO)
    assert problems == []
    articles = list(loaded.articles())
    assert len(articles) == 107
    assert [gap for article in articles for gap in gaps(article)] == []


def test_substantive_articles_are_assessed_and_final_clauses_are_not():
    loaded, _ = catalogue.load(REPO)
    assert sorted(a.id for a in loaded.articles() if not a.expects_assessment) == sorted(
        FINAL + ["untoc.32"]  # Conference of the Parties: met by taking part in the review
    )
    assert all(loaded.article(pid).expects_assessment for pid in SUBSTANTIVE)
    assert len(SUBSTANTIVE) + len(FINAL) + 1 == 107


def test_use_of_terms_articles_share_one_policy():
    """Definitions bind through the articles that use them: none, confirmed, and said so."""
    loaded, _ = catalogue.load(REPO)
    for pid in ("untoc.2", "tip.3", "som.3", "firearms.3"):
        data = loaded.article(pid).checklist.data
        assert data["self_assessment"] == "expected", pid
        assert data["obligation"] == "none", pid
        assert {(p["obligation"], p["obligation_confirmed"]) for p in data["parts"]} == {("none", True)}, pid
        assert 'Like every "Use of terms" article' in data["summary"], pid


BAD_CHECKLIST = """\
---
provision: untoc.5
self_assessment: expected
obligation: mandatory
summary: Participation offences.
parts:
  - provisions: [untoc.5.1]
    obligation: consider
    questions:
      - id: q1
        text: Is participation an offence?
      - id: q2
        text: Which penalty applies?
complete_answer: [The offence and its penalty.]
evidence: []
---
"""
BAD_FINAL_CLAUSE = """\
---
provision: untoc.41
self_assessment: not_expected
obligation: none
summary: Depositary and languages.
---

The Secretary-General is the depositary.
"""


def test_gaps_are_found(tmp_path):
    root = make_tree(tmp_path / "repo", {
        "content/provisions/untoc/art-05.md": BAD_CHECKLIST,
        "content/provisions/untoc/art-41.md": BAD_FINAL_CLAUSE,
    })
    loaded, problems = catalogue.load(root)
    assert problems == []
    assert gaps(loaded.article("untoc.5")) == [
        "untoc.5: 2 questions, at least 3 expected",
        "untoc.5: no evidence",
        "untoc.5: no common_gaps",
        "untoc.5: no guidance below the front matter",
        "untoc.5: parts[0] does not say whether its obligation is confirmed",
        "untoc.5: obligation is 'mandatory' but its parts make it 'consider'",
    ]
    assert gaps(loaded.article("untoc.41")) == [
        "untoc.41: not_expected but the body does not say that no self-assessment is expected",
        "untoc.41: does not say whether its obligation is confirmed",
    ]
    assert gaps(loaded.article("untoc.6")) == ["untoc.6: no checklist file"]
