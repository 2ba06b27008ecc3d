"""Scope guard: one State's folder per pull request, and nothing shared with it."""
import json

import pytest

from conftest import run_cli
from gitrepo import Repo
from selfassess.scope_guard import SEVERAL_STATES, SHARED_FILES, classify, judge

XAB = "content/parties/XAB/assessment/untoc-05.md"
XAC = "content/parties/XAC/profile.yaml"


@pytest.mark.parametrize("path,expected", [
    ("content/parties/XAB/profile.yaml", ("party", "XAB")),
    ("content/parties/XAB/assessment/untoc-05.md", ("party", "XAB")),
    ("content/parties/README.md", ("content", None)),
    ("content/parties/xab/profile.yaml", ("content", None)),
    ("content/provisions/untoc/art-05.md", ("provisions", None)),
    ("content/cycles.yaml", ("registers", None)),
    ("schema/assessment.schema.json", ("schemas", None)),
    (".github/workflows/pull-request.yml", ("workflows", None)),
    (".github/CODEOWNERS", ("repository", None)),
    ("scripts/selfassess/build.py", ("build", None)),
    ("mkdocs.yml", ("build", None)),
    ("README.md", ("other", None)),
    ("../elsewhere/file", ("other", None)),
])
def test_classify(path, expected):
    assert classify(path) == expected


@pytest.mark.parametrize("paths,labels,ok,failures", [
    ([XAB], [], True, 0),
    ([XAB, "content/parties/XAB/action-plan.yaml"], [], True, 0),
    (["schema/assessment.schema.json", "scripts/selfassess/rules.py"], [], True, 0),  # maintainers' change
    ([XAB, XAC], [], False, 1),
    ([XAB, XAC], [SEVERAL_STATES], True, 0),
    ([XAB, "schema/assessment.schema.json"], [], False, 1),
    ([XAB, ".github/workflows/publish.yml"], [], False, 1),
    ([XAB, "content/provisions/untoc/art-05.md"], [], False, 1),
    ([XAB, "README.md"], [], False, 1),
    ([XAB, "schema/x.json"], [SHARED_FILES], True, 0),
    ([XAB, XAC, "mkdocs.yml"], [], False, 2),
    ([XAB, XAC, "mkdocs.yml"], [SEVERAL_STATES], False, 1),
    ([XAB, XAC, "mkdocs.yml"], [SEVERAL_STATES, SHARED_FILES], True, 0),
])
def test_rules(paths, labels, ok, failures):
    verdict = judge(paths, labels)
    assert verdict.ok is ok
    assert len(verdict.failures) == failures


def test_messages_say_what_to_do():
    verdict = judge([XAB, XAC, "schema/assessment.schema.json"], [])
    assert verdict.failures == [
        "This pull request changes the folders of 2 States (XAB, XAC). Each State's team reviews its own folder, "
        "so each State's changes go in a pull request of their own: split it, or a maintainer can add the label "
        "'allow-several-states' if this is intended.",
        "This pull request changes a State's folder (XAB, XAC) together with files shared by every State: "
        "schema/assessment.schema.json (schemas). Changes to shared files need their own pull request and a "
        "maintainer's review: move them out, or a maintainer can add the label 'allow-shared-files' if this is intended.",
    ]


@pytest.fixture
def repo(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.commit("base")
    repo.git("checkout", "-q", "-b", "change")
    return repo


def test_command_passes_for_one_state(repo):
    repo.commit("XAB", repo.edit(XAB, "status: partial", "status: full"))
    result = run_cli("--root", str(repo.root), "scope", "main", "change", "--format", "text")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "States changed: XAB; files outside State folders: 0\nscope passed\n"


def test_command_fails_with_annotation_and_label_lets_it_through(repo):
    repo.commit("XAB and schema", {**repo.edit(XAB, "status: partial", "status: full"), "schema/extra.schema.json": "{}\n"})
    result = run_cli("--root", str(repo.root), "scope", "main", "change", "--format", "github")
    assert result.returncode == 1
    assert "::error title=Scope of the pull request::This pull request changes a State's folder (XAB)" in result.stdout
    assert result.stdout.endswith("scope failed\n")
    allowed = run_cli("--root", str(repo.root), "scope", "main", "change", "--labels", f"documentation, {SHARED_FILES}", "--format", "json")
    assert allowed.returncode == 0
    data = json.loads(allowed.stdout)
    assert data["ok"] is True and data["labels"] == [SHARED_FILES, "documentation"] and len(data["allowed"]) == 1


def test_command_compares_with_the_merge_base(repo):
    """Changes made on main since the branch started are not the pull request's."""
    repo.commit("XAB", repo.edit(XAB, "status: partial", "status: full"))
    repo.git("checkout", "-q", "main")
    repo.commit("main moves on", {"schema/later.schema.json": "{}\n"})
    result = run_cli("--root", str(repo.root), "scope", "main", "change")
    assert result.returncode == 0, result.stdout


def test_command_bad_revision(repo):
    result = run_cli("--root", str(repo.root), "scope", "main", "no-such-branch")
    assert result.returncode == 2
    assert result.stderr.startswith("error: 'no-such-branch' is not a commit in this repository")
