"""`selfassess diff`: golden Markdown and JSON over a real git history, and bad input.

Each case in tests/diff_cases/<name>.yaml lists commits (branch, date, message,
files written) and the diff arguments; <name>.md and <name>.json hold the exact
expected output, with commit ids written as <base> and <head>. Refresh with:
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_review_diff.py
then read the diff.
"""
import json
import os
from pathlib import Path

import pytest
import yaml

from conftest import run_cli
from gitrepo import Repo
from selfassess import diff_report, wordiff

CASES = Path(__file__).parent / "diff_cases"


def build(tmp_path: Path, spec: dict) -> Repo:
    repo = Repo(tmp_path / "repo")
    repo.commit("Content tree", date="2026-01-01T09:00:00Z")
    for commit in spec["commits"]:
        branches = repo.git("branch", "--list", "--format=%(refname:short)").split()
        if commit["branch"] in branches:
            repo.git("checkout", "-q", commit["branch"])
        else:
            repo.git("checkout", "-q", "-b", commit["branch"])
        repo.commit(commit["message"], commit.get("files"), date=commit["date"])
    return repo


def placeholders(repo: Repo, text: str, base: str, head: str) -> str:
    """Commit ids (full or 12 characters) replaced by <base> and <head>."""
    for name, rev in (("merge-base", repo.git("merge-base", base, head)), ("base", repo.git("rev-parse", base)), ("head", repo.git("rev-parse", head))):
        text = text.replace(rev, f"<{name}>").replace(rev[:12], f"<{name}>")
    return text


NAMES = sorted(p.stem for p in CASES.glob("*.yaml"))


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("fmt,suffix", [("markdown", ".md"), ("json", ".json")])
def test_golden(tmp_path, name, fmt, suffix):
    spec = yaml.safe_load((CASES / f"{name}.yaml").read_text(encoding="utf-8"))
    repo = build(tmp_path, spec)
    base, head = spec["diff"][:2]
    result = run_cli("--root", str(repo.root), "diff", *spec["diff"], "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    found = placeholders(repo, result.stdout, base, head)
    expected = CASES / f"{name}{suffix}"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(found, encoding="utf-8")
    assert found == expected.read_text(encoding="utf-8")


def test_json_facts(tmp_path):
    """The facts the golden files must carry, asserted one by one."""
    spec = yaml.safe_load((CASES / "pull-request.yaml").read_text(encoding="utf-8"))
    repo = build(tmp_path, spec)
    data = json.loads(run_cli("--root", str(repo.root), "diff", *spec["diff"], "--format", "json").stdout)
    assert [p["code"] for p in data["parties"]] == ["XAB"]
    [xab] = data["parties"]
    [untoc5] = xab["assessments"]
    assert untoc5["status"] == {"old": "partial", "new": "full"}
    assert untoc5["paragraphs"] == [{"provision": "untoc.5.1.a.ii", "old": "partial", "new": "full"}]
    assert untoc5["laws"]["changed"][0]["fields"] == [
        {"field": "status", "old": "draft", "new": "in_force"},
        {"field": "year", "old": None, "new": 2026},
    ]
    assert [m["kind"] for m in untoc5["measures"]["added"]] == ["institutional"]
    assert untoc5["challenges"]["removed"][0]["description"].startswith("The definition")
    assert [n["type"] for n in untoc5["assistance"]["met"]] == ["legislative_drafting"]
    assert [n["type"] for n in untoc5["assistance"]["added"]] == ["training"]
    assert untoc5["narrative"]["words_added"] > 0 and untoc5["narrative"]["excerpts"]
    actions = {a["id"]: a for a in xab["actions"]}
    assert actions["A-1"]["completed"] == "2026-02-27"
    assert actions["A-2"]["rescheduled"] == {"old": "2026-06-30", "new": "2026-12-31"}
    assert actions["A-2"]["assistance"]["changed"][0]["old_status"] == "needed"
    assert actions["A-3"]["change"] == "unchanged" and actions["A-3"]["overdue"] is True
    assert actions["A-4"]["change"] == "added"
    outside = [f for f in data["files"] if f["area"] != "party"]
    assert outside == [{"path": ".github/workflows/notify.yml", "change": "added", "area": "workflows", "party": None}]
    assert "content/cycles.yaml" not in {f["path"] for f in data["files"]}  # changed on main only


def test_head_with_errors_reports_check_errors(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "broken")
    repo.commit("typo", repo.edit("content/parties/XAB/assessment/untoc-05.md", "status: partial", "status: parial"))
    result = run_cli("--root", str(repo.root), "diff", "main", "broken")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "does not pass `selfassess check`" in result.stdout
    assert "- `content/parties/XAB/assessment/untoc-05.md:3:9`: status: 'parial' is not allowed" in result.stdout
    data = json.loads(run_cli("--root", str(repo.root), "diff", "main", "broken", "--format", "json").stdout)
    assert data["ok"] is False and data["errors"][0]["line"] == 3


def test_missing_revision(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.commit("base")
    result = run_cli("--root", str(repo.root), "diff", "origin/main")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: 'origin/main' is not a commit in this repository; check the name, "
        "or fetch it first (git fetch origin origin/main)\n"
    )


def test_unrelated_revisions(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.commit("base")
    repo.git("checkout", "-q", "--orphan", "elsewhere")
    repo.commit("unrelated history")
    result = run_cli("--root", str(repo.root), "diff", "main", "elsewhere")
    assert result.returncode == 2
    assert "have no common history" in result.stderr and "Traceback" not in result.stderr


def test_not_a_repository(tree):
    result = run_cli("--root", str(tree()), "diff", "main")
    assert result.returncode == 2
    assert "is not in a git repository" in result.stderr


def test_comment_only_change_is_no_change_in_substance(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "tidy")
    repo.commit("comment", repo.edit("content/parties/XAB/action-plan.yaml", "party: XAB\n", "party: XAB  # Testland\n"))
    result = run_cli("--root", str(repo.root), "diff", "main", "tidy")
    assert result.returncode == 0, result.stderr
    assert "No change in substance (comments or layout only)." in result.stdout


def test_word_excerpt():
    found = wordiff.compare(
        "The definition still requires five members, while the Convention speaks of three.",
        "The definition now requires three members, as the Convention does.",
    )
    assert found["words_removed"] == 6 and found["words_added"] == 4
    assert found["excerpts"] == [[
        {"kind": "same", "text": "The definition"},
        {"kind": "removed", "text": "still"},
        {"kind": "added", "text": "now"},
        {"kind": "same", "text": "requires"},
        {"kind": "removed", "text": "five"},
        {"kind": "added", "text": "three"},
        {"kind": "same", "text": "members,"},
        {"kind": "removed", "text": "while"},
        {"kind": "added", "text": "as"},
        {"kind": "same", "text": "the Convention"},
        {"kind": "removed", "text": "speaks of three."},
        {"kind": "added", "text": "does."},
    ]]
    assert wordiff.compare("a  b\nc", "a b c") is None  # layout only


def test_contributed_text_is_inert_markdown():
    assert diff_report.md("@someone <b>x</b> [a](javascript:y) *z*") == (
        "@\u200bsomeone \\<b\\>x\\</b\\> \\[a\\](javascript:y) \\*z\\*"
    )
    assert diff_report.md("- item") == "\\- item"
    assert diff_report.md("x" * 500).endswith("…") and len(diff_report.md("x" * 500)) == 160

