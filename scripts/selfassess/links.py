"""Symbolic links in what the build reads or writes are errors.

Content files are opened without following links (sources.py). This walk
covers the rest of the repository's inputs and outputs as well, which MkDocs
and the renderers open in their own ways: a link committed as schema/x.json,
under overrides/ or .generated/ (a download), or as .generated itself, would
otherwise publish a file of the build machine or write outside the repository.
"""
from __future__ import annotations

import os
from pathlib import Path

from .problems import ERROR, Problem
from .sources import LINK

# Every path the build reads (besides the package itself) or writes into.
WATCHED = ("content", "schema", "overrides", "mkdocs.yml", "CONTRIBUTING.md", ".github", ".generated", ".cache")


def found(root: Path) -> list[str]:
    """Repository-relative paths of every symbolic link among the watched paths, sorted."""
    out = []
    for name in WATCHED:
        top = root / name
        if top.is_symlink():
            out.append(name)
        elif top.is_dir():
            _walk(str(top), name, out)
    return sorted(out)


def _walk(folder: str, rel: str, out: list[str]) -> None:
    """Links below `folder`; never descends into one (scandir knows the entry types without a stat)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_symlink():
                out.append(f"{rel}/{entry.name}")
            elif entry.is_dir(follow_symlinks=False):
                _walk(entry.path, f"{rel}/{entry.name}", out)


def problems(root: Path) -> list[Problem]:
    return [Problem(rel, 1, 1, ERROR, "", LINK) for rel in found(root)]
