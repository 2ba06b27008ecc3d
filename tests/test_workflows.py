"""The GitHub Actions workflows: actionlint (with shellcheck) passes, and they call real commands."""
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from selfassess import cli

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    """A linter installed with the test extras; missing means the setup is broken, not a skip."""
    path = BIN / name
    assert path.exists(), f"{name} is missing from {BIN}: install the test tools with pip install -e '.[test]'"
    return str(path)


def actionlint(*paths) -> subprocess.CompletedProcess:
    return subprocess.run(
        [tool("actionlint"), "-no-color", "-shellcheck", tool("shellcheck"), "-pyflakes=", *map(str, paths)],
        capture_output=True, text=True, timeout=120, cwd=REPO,
    )


def test_actionlint_passes():
    assert [w.name for w in WORKFLOWS] == ["publish.yml", "pull-request-comment.yml", "pull-request.yml"]
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_actionlint_catches_mistakes(tmp_path):
    """The same run fails on a broken workflow, shell mistakes included: the linters really run."""
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(
        "on: pull_request\n"
        "jobs:\n"
        "  a:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - uses: actions/checkout@v7\n"
        "        with:\n"
        "          fetch-dept: 0\n"
        "      - run: echo ${{ github.event.pull_request.title }} $UNQUOTED\n",
        encoding="utf-8",
    )
    result = actionlint(broken)
    assert result.returncode == 1
    assert 'input "fetch-dept" is not defined' in result.stdout
    assert "potentially untrusted" in result.stdout  # script injection through the title
    assert "SC2086" in result.stdout  # from shellcheck


def _load(name: str) -> dict:
    return yaml.load((REPO / ".github" / "workflows" / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _runs(workflow: dict) -> list[str]:
    return [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]


def _commands(workflow: dict) -> list[list[str]]:
    """Every selfassess command line in the workflow's scripts, variables left as written."""
    found = []
    for script in _runs(workflow):
        for line in script.splitlines():
            if match := re.search(r"\bselfassess\s+([^|>&;]*)", line):
                found.append(shlex.split(match.group(1)))
    return found


@pytest.mark.parametrize("name", ["pull-request.yml", "publish.yml"])
def test_commands_exist(name):
    """Each selfassess command the workflows run parses with the real command line."""
    commands = _commands(_load(name))
    assert commands
    for args in commands:
        parsed = cli.parser().parse_args(args)
        assert parsed.run is not None


def test_pull_request_workflow_does_what_the_issue_asks():
    workflow = _load("pull-request.yml")
    assert workflow["permissions"] == {"contents": "read"}
    lines = [" ".join(c) for c in _commands(workflow)]
    assert 'scope $BASE_SHA $HEAD_SHA --labels $LABELS --format github' in lines
    assert "check --format github" in lines
    assert "build --site-dir site" in lines
    assert "diff $BASE_SHA $HEAD_SHA" in lines and "diff $BASE_SHA $HEAD_SHA --format json" in lines
    uploads = {s["with"]["name"] for job in workflow["jobs"].values() for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")}
    assert uploads == {"site-preview", "semantic-diff"}
    checkouts = [s for job in workflow["jobs"].values() for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@")]
    assert all(s["with"]["fetch-depth"] == "0" for s in checkouts)  # diff and scope need the merge base


def test_comment_workflow_follows_the_pull_request_workflow():
    comment = _load("pull-request-comment.yml")
    assert comment["on"]["workflow_run"]["workflows"] == [_load("pull-request.yml")["name"]]
    assert comment["permissions"] == {"actions": "read", "pull-requests": "write"}
    steps = comment["jobs"]["comment"]["steps"]
    assert not any("actions/checkout" in s.get("uses", "") for s in steps)  # runs no code from the pull request
    script = steps[-1]["with"]["script"]
    assert "selfassess-summary-of-changes" in script and "updateComment" in script and "createComment" in script
    assert "pull.head.sha !== run.head_sha" in script


def test_publish_workflow_deploys_pages_from_main():
    publish = _load("publish.yml")
    assert publish["on"]["push"]["branches"] == ["main"]
    assert "build --site-dir site" in [" ".join(c) for c in _commands(publish)]
    deploy = publish["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")

