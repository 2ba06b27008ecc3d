"""A throwaway git repository holding a content tree, with commits at fixed dates.

Fixed author, committer and dates make commit ids the same on every run.
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

from conftest import make_tree


class Repo:
    def __init__(self, root: Path, files: dict | None = None):
        self.root = make_tree(root, files)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, date: str = "2026-01-01T12:00:00Z") -> str:
        env = dict(
            os.environ,
            GIT_AUTHOR_NAME="Focal Point", GIT_AUTHOR_EMAIL="focal.point@example.org",
            GIT_COMMITTER_NAME="Focal Point", GIT_COMMITTER_EMAIL="focal.point@example.org",
            GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date,
            GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_SYSTEM=os.devnull,
        )
        done = subprocess.run(["git", "-C", str(self.root), *args], env=env, capture_output=True, text=True, check=True)
        return done.stdout.strip()

    def write(self, files: dict) -> None:
        for rel, text in files.items():
            path = self.root / rel
            if text is None:
                path.unlink()
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")

    def commit(self, message: str, files: dict | None = None, date: str = "2026-01-01T12:00:00Z") -> str:
        self.write(files or {})
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, date=date)
        return self.git("rev-parse", "HEAD")

    def edit(self, rel: str, old: str, new: str) -> dict:
        """{rel: text with `old` replaced by `new`}, failing if `old` is not there."""
        text = (self.root / rel).read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        return {rel: text.replace(old, new, 1)}
