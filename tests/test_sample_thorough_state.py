"""The thorough sample State, Testovia (XBB): complete, coherent and varied.

It is the State every visitor and later test sees as the full example: every
UNTOC and Trafficking Protocol article that expects a self-assessment is
assessed at a ministry's length, and its action plan mixes completed, overdue
and assisted actions.
"""
import re

import pytest

from conftest import REPO
from selfassess import corpus, dates, publish

CODE = "XBB"
TODAY = "2026-11-29"  # the reference date of the sample content


@pytest.fixture(scope="module")
def loaded():
    return corpus.load(REPO)


@pytest.fixture(scope="module")
def party(loaded):
    return loaded.parties[CODE]


def _actions(party):
    return party.action_plan.data["actions"]


def test_no_error_or_warning_in_its_files(loaded):
    mine = [str(p) for p in loaded.problems if p.path.startswith(f"content/parties/{CODE}/")]
    assert mine == []


def test_every_expected_untoc_and_tip_article_is_assessed(loaded, party):
    expected = {a.id for a in loaded.catalogue.articles() if a.instrument in ("untoc", "tip") and a.expects_assessment}
    assessed = {doc.data["provision"] for doc in party.assessments.values()}
    assert len(expected) >= 38
    assert expected - assessed == set()
    for name, doc in party.assessments.items():
        assert doc.data["status"] != "not_assessed", name
        assert not doc.data.get("draft"), name


def test_narratives_are_a_ministry_answer_not_a_line(party):
    for name, doc in party.assessments.items():
        words = len(doc.body.split())
        assert 120 <= words <= 300, f"{name}: {words} words"
        assert doc.data.get("measures"), f"{name}: no measures"
        if doc.data["status"] in ("partial", "none"):
            assert doc.data.get("challenges"), f"{name}: {doc.data['status']} without a challenge"


def test_compliance_varies_within_and_across_articles(party):
    statuses = {doc.data["status"] for doc in party.assessments.values()}
    assert {"full", "partial", "not_applicable"} <= statuses
    by_paragraph = {p["status"] for doc in party.assessments.values() for p in doc.data.get("paragraphs", [])}
    assert {"full", "partial", "none", "not_applicable"} <= by_paragraph


def test_action_plan_mixes_completed_overdue_and_assisted_actions(party):
    actions = _actions(party)
    assert 15 <= len(actions) <= 20
    completed = [a for a in actions if a["status"] == "completed"]
    overdue = [a for a in actions if dates.is_overdue(a, TODAY)]
    assisted = [a for a in actions if a["resources"] in ("assistance", "mixed")]
    kinds = {need["type"] for a in assisted for need in a["assistance"]}
    assert len(completed) >= 3 and all(a["completed"] <= TODAY for a in completed)
    assert len(overdue) >= 3
    assert len(assisted) >= 5 and len(kinds) >= 6
    assert {need["status"] for a in assisted for need in a["assistance"]} == {"needed", "requested", "in_progress", "met"}


def test_actions_target_assessed_articles(loaded, party):
    assessed = {doc.data["provision"] for doc in party.assessments.values()}
    for action in _actions(party):
        articles = {loaded.catalogue.article(pid).id for pid in action["provisions"]}
        assert articles <= assessed, action["id"]


def test_narratives_cite_only_actions_in_the_plan(party):
    ids = {a["id"] for a in _actions(party)}
    cited = set()
    for doc in party.assessments.values():
        cited |= set(re.findall(r"\baction\s+([A-Z]+-\d+)", doc.body))
    assert cited and cited <= ids


def test_confidential_entries_stay_out_of_the_public_view(loaded, party):
    shown = publish.public(loaded).parties[CODE]
    assert "SEC-1" in {a["id"] for a in _actions(party)}
    assert "SEC-1" not in {a["id"] for a in _actions(shown)}
    names = [c.get("name") for c in shown.profile.data["focal_points"]]
    assert "Ivana Samplova" not in names and names
    def updates(p):
        return [u["text"] for a in _actions(p) for u in a.get("updates", [])]
    assert any("resigned after pressure" in text for text in updates(party))
    assert not any("resigned after pressure" in text for text in updates(shown))
    assert len(shown.assessments) == len(party.assessments)
