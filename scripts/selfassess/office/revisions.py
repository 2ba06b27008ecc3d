"""Which revision of each State's folder a document is made from: one `git log` pass."""
from __future__ import annotations

import subprocess
from pathlib import Path

from .. import dates
from .profile import Source

PARTIES = "content/parties"


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def sources(root: Path, folders: dict[str, str]) -> dict[str, Source]:
    """Code -> Source for the given State folders (code -> relative folder)."""
    today = dates.today()
    if _git(root, "rev-parse", "--is-inside-work-tree") is None:
        return {code: Source(folder, None, today, versioned=False) for code, folder in folders.items()}
    last: dict[str, tuple[str, str]] = {}
    log = _git(root, "log", "--format=%x1e%h %cs", "--name-only", "--", PARTIES) or ""
    for record in log.split("\x1e")[1:]:
        lines = record.strip().split("\n")
        revision, _, date = lines[0].partition(" ")
        for path in lines[1:]:
            parts = path.split("/")
            if len(parts) > 2 and parts[2] not in last:
                last[parts[2]] = (revision, date)
    changed = set()
    status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", PARTIES) or ""
    for line in status.splitlines():
        parts = line[3:].strip('"').split(" -> ")[-1].split("/")
        if len(parts) > 2:
            changed.add(parts[2])
    out = {}
    for code, folder in folders.items():
        if code in changed or code not in last:
            out[code] = Source(folder, None, today)
        else:
            out[code] = Source(folder, *last[code])
    return out
