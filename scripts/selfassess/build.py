"""Build the site: check, render Markdown into the docs folder, run MkDocs."""
from __future__ import annotations

import sys
from pathlib import Path

from . import corpus as corpus_stage
from . import render, report

DOCS_DIR = Path(".generated") / "docs"


def check(root: Path):
    """The loaded corpus, or None after printing the errors that block a build."""
    loaded = corpus_stage.load(root)
    if loaded.errors:
        report.text(loaded.problems, loaded.files, sys.stderr)
        print("build stopped: fix the errors above first (run 'selfassess check' to see them again)", file=sys.stderr)
        return None
    return loaded


def mkdocs_build(root: Path, site_dir: Path | None = None, strict: bool = False) -> None:
    from mkdocs.commands.build import build as mkdocs
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"), strict=strict, **({"site_dir": str(site_dir)} if site_dir else {}))
    mkdocs(config)


def main(root: Path, site_dir: str | None = None, strict: bool = False) -> int:
    from mkdocs.exceptions import Abort

    loaded = check(root)
    if loaded is None:
        return 1
    render.write(loaded, root / DOCS_DIR)
    try:
        mkdocs_build(root, Path(site_dir).resolve() if site_dir else None, strict)
    except Abort as exc:
        print(f"build stopped: {exc} (the warnings above say what to fix)", file=sys.stderr)
        return 1
    return 0
