"""Files: links, paths outside the content tree, special files, control characters.

Nothing outside the repository is ever read: each case points a link at a file
outside the tree holding a unique marker, and the marker must reach no problem
message and no output, while check names the link at its path.
(Size, nesting, aliases, tags, NUL bytes and encodings are golden cases in
tests/check_cases/.)
"""
import os

import pytest
from conftest import run_cli
from gitrepo import Repo
from sitetools import EPOCH, site_tree

from selfassess import build, corpus, sources
from selfassess.problems import Problem

MARKER = "OUTSIDE-THE-REPOSITORY-7f3a"
LINK = sources.LINK


@pytest.fixture
def outside(tmp_path):
    """A folder outside the repository with files an attacker would like to read."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.md").write_text(f"---\nprovision: untoc.5\nstatus: full\n---\n\n{MARKER}\n", encoding="utf-8")
    (folder / "secret.yaml").write_text(f"code: XAB\nname: {MARKER}\n", encoding="utf-8")
    (folder / "untoc-05.md").write_text((folder / "secret.md").read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def problems_of(root):
    found = corpus.load(root).problems
    assert all(MARKER not in str(p) for p in found)
    return [str(p) for p in found]


def error(rel: str) -> str:
    return str(Problem(rel, 1, 1, "error", "", LINK))


# (link inside the repository, what it points at outside it)
LINKED = {
    "assessment file": ("content/parties/XAB/assessment/untoc-06.md", "secret.md"),
    "profile": ("content/parties/XAB/profile.yaml", "secret.yaml"),
    "action plan": ("content/parties/XAB/action-plan.yaml", "secret.yaml"),
    "register": ("content/cycles.yaml", "secret.yaml"),
    "assessment folder": ("content/parties/XAB/assessment", "."),
    "State folder": ("content/parties/XAC", "."),
    "parties folder": ("content/parties", "."),
    "provisions folder": ("content/provisions", "."),
    "checklists folder": ("content/provisions/untoc", "."),
    "content folder": ("content", "."),
    "schema file": ("schema/profile.schema.json", "secret.yaml"),
    "theme override": ("overrides/assets/extra.css", "secret.md"),
    "mkdocs.yml": ("mkdocs.yml", "secret.yaml"),
    "contributing guide": ("CONTRIBUTING.md", "secret.md"),
    "CODEOWNERS": (".github/CODEOWNERS", "secret.md"),
    "generated download": (".generated/docs/downloads/XAB/XAB.pdf", "secret.md"),
    "generated folder": (".generated", "."),
}


@pytest.mark.parametrize("case", sorted(LINKED))
def test_a_link_is_refused_and_never_followed(case, tmp_path, outside):
    root = site_tree(tmp_path / "repo")
    rel, target = LINKED[case]
    path = root / rel
    if path.is_dir() and not path.is_symlink():
        os.rename(path, tmp_path / "moved")  # the real folder goes; a link takes its place
    elif path.exists():
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(outside / target)
    assert error(rel) in problems_of(root)
    site = tmp_path / "site"
    result = run_cli("--root", str(root), "build", "--site-dir", str(site), env=dict(os.environ, SOURCE_DATE_EPOCH=EPOCH))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and MARKER not in result.stderr + result.stdout
    assert f"{rel}:1:1: error: is a symbolic link" in result.stderr
    assert not site.exists()
    assert not (root / ".generated/docs/index.md").exists()  # stopped before rendering
    assert sorted(p.name for p in outside.iterdir()) == ["secret.md", "secret.yaml", "untoc-05.md"]  # nothing written there


def test_a_link_inside_the_tree_is_refused_too(tree):
    root = tree()
    (root / "content/parties/XAB/assessment/untoc-06.md").symlink_to(root / "content/parties/XAB/assessment/untoc-05.md")
    assert error("content/parties/XAB/assessment/untoc-06.md") in problems_of(root)


def test_dangling_and_looping_links_are_refused_without_a_traceback(tree):
    root = tree()
    (root / "content/parties/XAB/assessment/untoc-06.md").symlink_to(root / "nowhere.md")
    loop = root / "content/parties/XAB/assessment/untoc-07.md"
    loop.symlink_to(loop)
    found = problems_of(root)
    assert error("content/parties/XAB/assessment/untoc-06.md") in found
    assert error("content/parties/XAB/assessment/untoc-07.md") in found


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tree):
    root = tree()
    os.mkfifo(root / "content/parties/XAB/assessment/untoc-06.md")
    assert "content/parties/XAB/assessment/untoc-06.md:1:1: error: is not a regular file; replace it with a text file" in problems_of(root)


@pytest.mark.parametrize("rel", ["../outside/secret.md", "content/../../outside/secret.md", "/etc/passwd", "content//parties"])
def test_paths_leaving_the_tree_are_never_opened(rel, tmp_path, outside):
    root = tmp_path / "repo"
    root.mkdir()
    with pytest.raises(sources.SourceError) as refused:
        sources.read_text(root / rel, rel, root)
    assert "outside the repository's content" in str(refused.value)


@pytest.mark.parametrize("target, says", [
    ("outside", "untoc-06.md is a link leading outside the repository; links are not allowed in content/"),
    ("inside", "untoc-06.md:1:1`: is a symbolic link"),
])
def test_diff_of_a_revision_with_a_link_reads_nothing_outside(target, says, tmp_path, outside):
    repo = Repo(tmp_path / "repo")
    repo.commit("base")
    (repo.root / "content/parties/XAB/assessment/untoc-06.md").symlink_to(outside / "secret.md" if target == "outside" else "untoc-05.md")
    repo.commit("link")
    result = run_cli("--root", str(repo.root), "diff", "HEAD~1", "HEAD")
    assert result.returncode in (1, 2), result.stdout + result.stderr
    assert MARKER not in result.stdout + result.stderr and "Traceback" not in result.stderr
    assert says in result.stdout + result.stderr


def test_history_never_follows_a_committed_link(tmp_path, outside):
    from selfassess import history

    repo = Repo(tmp_path / "repo")
    repo.commit("base", date="2026-01-01T12:00:00Z")
    link = repo.root / "content/parties/XAB/assessment/untoc-05.md"
    link.unlink()
    link.symlink_to(outside / "untoc-05.md")  # its status there is 'full'
    repo.commit("link", date="2026-02-01T12:00:00Z")
    found = history.load(repo.root, cache=False)
    entry = found.parties["XAB"].assessment("untoc-05.md")
    assert [s.status for s in entry.statuses] == ["partial"]  # the link's version has no status


def test_problem_lines_stay_one_line_each():
    """A line break in a file name or a quoted value cannot start a GitHub '::command::'."""
    problem = Problem("content/parties/XAB/a\n::error::forged", 1, 1, "error", "", "value 'x\r\n::stop-commands::t'")
    assert "\n" not in str(problem) and "\r" not in str(problem)
