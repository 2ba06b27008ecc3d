"""The check command: exit codes and its three output formats."""
import json
import os

from conftest import REPO, run_cli

BAD = {"content/parties/XAB/assessment/untoc-05.md": "---\nprovision: untoc.5\nstatus: parial\n---\n\nText.\n"}


def test_real_content_passes(tmp_path):
    result = run_cli("check", cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].startswith("check passed: 0 errors")


def test_exit_code_one_and_text_format(tree):
    root = tree(BAD)
    result = run_cli("--root", str(root), "check", "--format", "text")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("content/parties/XAB/assessment/untoc-05.md:3:9: error: status: 'parial' is not allowed")
    assert lines[-1].startswith("check failed: 1 error, 0 warnings in ")
    assert result.stderr == ""


def test_exit_code_zero_on_valid_fixture(tree):
    result = run_cli("--root", str(tree()), "check")
    assert result.returncode == 0, result.stdout
    assert "0 errors" in result.stdout


def test_json_format(tree):
    result = run_cli("--root", str(tree(BAD)), "check", "--format", "json")
    payload = json.loads(result.stdout)
    assert payload["ok"] is False and payload["errors"] == 1
    assert payload["problems"][0] == {
        "path": "content/parties/XAB/assessment/untoc-05.md",
        "line": 3,
        "col": 9,
        "severity": "error",
        "field": "status",
        "message": "'parial' is not allowed (did you mean 'partial'?); use one of: full, partial, none, not_applicable, not_assessed",
    }


def test_github_annotations_under_actions(tree):
    env = dict(os.environ, GITHUB_ACTIONS="true")
    result = run_cli("--root", str(tree(BAD)), "check", env=env)
    assert result.returncode == 1
    annotation = [l for l in result.stdout.splitlines() if l.startswith("::")]
    assert annotation == [
        "::error file=content/parties/XAB/assessment/untoc-05.md,line=3,col=9,title=status::"
        "status: 'parial' is not allowed (did you mean 'partial'?); use one of: full, partial, none, not_applicable, not_assessed"
    ]


def test_reports_every_problem_in_every_file(tree):
    files = dict(BAD)
    files["content/parties/XAB/action-plan.yaml"] = "party: XAB\nactions:\n  - id: A-1\n    priority: urgent\n"
    files["content/parties/XAB/profile.yaml"] = "code: XAB\nname: [\n"
    result = run_cli("--root", str(tree(files)), "check", "--format", "json")
    paths = {p["path"] for p in json.loads(result.stdout)["problems"]}
    assert paths == {
        "content/parties/XAB/assessment/untoc-05.md",
        "content/parties/XAB/action-plan.yaml",
        "content/parties/XAB/profile.yaml",
    }


def test_no_traceback_on_unreadable_tree(tmp_path):
    (tmp_path / "content" / "parties").mkdir(parents=True)
    result = run_cli("--root", str(tmp_path), "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "content/cycles.yaml:1:1: error: is missing" in result.stdout
