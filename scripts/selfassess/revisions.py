"""Git revisions of the repository: resolve them, list what changed, export content.

Everything here runs the real `git` binary. Failures become GitError with a
message a reviewer can act on, never a traceback.
"""
from __future__ import annotations

import datetime
import io
import subprocess
import tarfile
from pathlib import Path

# What `diff` needs of a revision to load and check it.
EXPORTED = ("content", ".github/CODEOWNERS")


class GitError(Exception):
    """A git problem explained in plain words."""


def git(repo: Path, *args: str, stdin: bytes | None = None, ok: tuple[int, ...] = (0,)) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], input=stdin, capture_output=True)
    except FileNotFoundError:
        raise GitError("git is not installed; install it (apt-get install git) and try again") from None
    if done.returncode not in ok:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {args[0]} failed: {detail[0] if detail else 'exit code ' + str(done.returncode)}")
    return done.stdout


def toplevel(root: Path) -> tuple[Path, str]:
    """The repository's top folder and the prefix of `root` within it ('' or 'sub/')."""
    try:
        top = git(root, "rev-parse", "--show-toplevel").decode().strip()
    except GitError:
        raise GitError(f"{root} is not in a git repository; run this inside a clone of the repository") from None
    prefix = git(root, "rev-parse", "--show-prefix").decode().strip()
    return Path(top), prefix


def commit(repo: Path, rev: str) -> str:
    """The full commit id `rev` names, or GitError."""
    if rev.startswith("-"):
        raise GitError(f"'{rev}' is not a revision name")
    out = git(repo, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}", ok=(0, 1))
    if not out.strip():
        raise GitError(
            f"'{rev}' is not a commit in this repository; check the name, "
            f"or fetch it first (git fetch origin {rev})"
        )
    return out.decode().strip()


def merge_base(repo: Path, base: str, head: str) -> str:
    """The commit the two revisions share, or GitError when they share none."""
    out = git(repo, "merge-base", base, head, ok=(0, 1))
    if not out.strip():
        raise GitError(
            f"{base[:12]} and {head[:12]} have no common history: they come from unrelated "
            "repositories or branches. Compare two revisions of the same repository "
            "(with a shallow clone, fetch the full history first: git fetch --unshallow)"
        )
    return out.decode().strip()


def changed_files(repo: Path, base: str, head: str, prefix: str = "") -> list[tuple[str, str]]:
    """(change, path) for each file that differs; change is added, modified or deleted.

    Paths are relative to the folder `prefix` names; those outside it start with '../'.
    """
    out = git(repo, "diff", "--name-status", "--no-renames", "-z", base, head, "--")
    fields = out.decode("utf-8", "surrogateescape").split("\0")
    kinds = {"A": "added", "D": "deleted"}
    pairs = []
    for status, path in zip(fields[0::2], fields[1::2]):
        if status:
            path = path[len(prefix):] if path.startswith(prefix) else "../" + path
            pairs.append((kinds.get(status[0], "modified"), path))
    return sorted(pairs, key=lambda pair: pair[1])


def commit_date(repo: Path, sha: str) -> str:
    """The commit's committer date, YYYY-MM-DD in UTC."""
    seconds = int(git(repo, "show", "-s", "--format=%ct", sha).decode().strip())
    return utc_date(seconds)


def utc_date(seconds: int) -> str:
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).date().isoformat()


def export(repo: Path, sha: str, prefix: str, dest: Path) -> Path:
    """Write the content of commit `sha` into `dest`; returns the folder holding content/."""
    wanted = [prefix + path for path in EXPORTED]
    present = git(repo, "ls-tree", "-r", "--name-only", "-z", sha, "--", *wanted).decode("utf-8", "surrogateescape")
    if not any(name.startswith(prefix + "content/") for name in present.split("\0")):
        raise GitError(f"commit {sha[:12]} has no {prefix}content/ folder; is it a revision of this repository?")
    paths = [p for p in wanted if any(n == p or n.startswith(p + "/") for n in present.split("\0"))]
    data = git(repo, "archive", "--format=tar", sha, "--", *paths)
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        try:
            archive.extractall(dest, filter="data")
        except tarfile.FilterError as exc:
            raise GitError(f"commit {sha[:12]}: {exc.tarinfo.name} is a link leading outside the repository; links are not allowed in content/") from None
    return dest / prefix if prefix else dest
