"""The site shows when each State and assessment last changed, and status changes, from git."""
import subprocess

from conftest import make_tree
from selfassess import build, corpus


def _git(root, *args, date=None):
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {}
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                   env={"HOME": str(root), "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1", **env})


def test_party_page_shows_last_change_and_status_history(tmp_path):
    root = make_tree(tmp_path / "repo")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "-c", "user.name=T", "-c", "user.email=t@example.org", "add", "-A")
    _git(root, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "first", date="2026-02-01T10:00:00Z")
    path = root / "content/parties/XAB/assessment/untoc-05.md"
    path.write_text(path.read_text().replace("status: partial", "status: full"))
    _git(root, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qam", "full now", date="2026-05-03T10:00:00Z")

    build.render(root, corpus.load(root))
    page = (root / ".generated/docs/parties/XAB.md").read_text()
    assert "Last changed</dt><dd>2026-05-03" in page
    history = page.split("Status over time</dt><dd>")[1].split("</dd>")[0]
    assert history.index("Partially compliant") < history.index("since 2026-02-01") < history.index("Fully compliant") < history.index("since 2026-05-03")
