"""history: last change per State and per assessment, and status changes, from a real git history."""
import subprocess

import pytest

from gitrepo import Repo
from selfassess import corpus, history, publish, revisions

U5 = "content/parties/XAB/assessment/untoc-05.md"
T5 = "content/parties/XAB/assessment/tip-05.md"
PLAN = "content/parties/XAB/action-plan.yaml"
PROFILE = "content/parties/XAB/profile.yaml"


def tip5(status: str, draft: bool = False) -> str:
    return f"---\nprovision: tip.5\nstatus: {status}\n" + ("draft: true\n" if draft else "") + "---\n\nText.\n"


@pytest.fixture
def repo(tmp_path):
    repo = Repo(tmp_path / "repo")
    commits = {"base": repo.commit("base", date="2026-01-01T10:00:00Z")}
    commits["tip added"] = repo.commit("tip added", {T5: tip5("partial")}, date="2026-01-05T10:00:00Z")
    commits["full"] = repo.commit("full", repo.edit(U5, "status: partial", "status: full"), date="2026-02-01T10:00:00Z")
    commits["narrative"] = repo.commit("narrative", repo.edit(U5, "covers only some", "still covers only some"), date="2026-02-15T10:00:00Z")
    commits["tip deleted"] = repo.commit("tip deleted", {T5: None}, date="2026-02-20T10:00:00Z")
    commits["draft"] = repo.commit("draft", repo.edit(U5, "status: full\n", "status: none\ndraft: true\n"), date="2026-03-01T10:00:00Z")
    commits["tip again"] = repo.commit("tip again", {T5: tip5("full")}, date="2026-03-15T10:00:00Z")
    commits["published"] = repo.commit("published", repo.edit(U5, "draft: true\n", ""), date="2026-03-18T10:00:00Z")
    repo.git("checkout", "-q", "-b", "plan")
    repo.commit("plan on a branch", repo.edit(PLAN, "status: in_progress", "status: delayed"), date="2026-03-20T10:00:00Z")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge plan", "plan", date="2026-04-01T10:00:00Z")
    commits["merge"] = repo.git("rev-parse", "HEAD")
    commits["outside"] = repo.commit("outside", {"content/cycles.yaml": (repo.root / "content/cycles.yaml").read_text() + "# note\n"}, date="2026-04-05T10:00:00Z")
    repo.commits = commits
    return repo


def test_history(repo):
    found = history.load(repo.root, cache=False)
    c = repo.commits
    assert found.head == c["outside"] and found.complete is True
    assert list(found.parties) == ["XAB"]
    xab = found.parties["XAB"]
    assert xab.last_change.commit == c["merge"] and xab.last_change.date == "2026-04-01"  # merged, not authored
    assert xab.files[PLAN].last_change.commit == c["merge"]
    assert xab.files[PROFILE].last_change.commit == c["base"]
    u5 = xab.assessment("untoc-05.md")
    assert u5.last_change.commit == c["published"]
    # partial -> full; the narrative edit is no status change; the draft 'none' is not public until published.
    assert [(s.date, s.status) for s in u5.statuses] == [("2026-01-01", "partial"), ("2026-02-01", "full"), ("2026-03-18", "none")]
    assert [s.commit for s in u5.statuses] == [c["base"], c["full"], c["published"]]
    # Deleted then written again: only the current file's history counts.
    t5 = xab.assessment("tip-05.md")
    assert [(s.date, s.status) for s in t5.statuses] == [("2026-03-15", "full")]
    assert found.as_dict()["parties"]["XAB"]["files"][U5]["statuses"][1] == {"commit": c["full"], "date": "2026-02-01", "status": "full"}


def _calls(monkeypatch):
    calls = []
    real = revisions.git

    def spy(repo, *args, **kwargs):
        calls.append((args[0], kwargs.get("stdin")))
        return real(repo, *args, **kwargs)

    monkeypatch.setattr(revisions, "git", spy)
    return calls


def test_one_log_pass_and_cache(repo, monkeypatch):
    calls = _calls(monkeypatch)
    first = history.load(repo.root)
    assert [name for name, _ in calls].count("log") == 1
    assert [name for name, _ in calls].count("cat-file") == 1
    assert (repo.root / ".cache" / "history" / "blobs.json").exists()
    calls.clear()
    again = history.load(repo.root)
    assert again == first
    assert "log" not in [name for name, _ in calls] and "cat-file" not in [name for name, _ in calls]
    # A new commit: one more log pass; only the new version of the file is read.
    repo.commit("later", repo.edit(U5, "status: none", "status: partial"), date="2026-05-01T10:00:00Z")
    calls.clear()
    later = history.load(repo.root)
    [(_, stdin)] = [call for call in calls if call[0] == "cat-file"]
    assert stdin.decode().split() == [repo.git("rev-parse", f"HEAD:{U5}")]
    assert later.parties["XAB"].assessment("untoc-05.md").statuses[-1].status == "partial"


def test_shallow_clone_is_incomplete(repo, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)], check=True)
    found = history.load(clone, cache=False)
    assert found.complete is False
    assert found.parties["XAB"].last_change.date == "2026-04-05"  # the only commit there
    assert history.load(repo.root, cache=False).complete is True


def test_no_repository_gives_empty_history(tree):
    assert history.load(tree()) == history.History()


def test_public_history_follows_the_public_view(repo):
    repo.commit("draft tip", {T5: tip5("full", draft=True)}, date="2026-05-01T10:00:00Z")
    found = history.load(repo.root, cache=False)
    view = publish.public(corpus.load(repo.root))
    public = history.for_public(found, view)
    files = set(public.parties["XAB"].files)
    assert T5 not in files and U5 in files and PLAN in files
    assert public.parties["XAB"].last_change.date == "2026-04-01"  # the draft's commit does not count
    repo.commit("withdraw consent", repo.edit(PROFILE, "consent: full", "consent: none"), date="2026-05-02T10:00:00Z")
    view = publish.public(corpus.load(repo.root))
    assert history.for_public(history.load(repo.root, cache=False), view).parties == {}
