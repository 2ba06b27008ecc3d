"""Golden tests: the generated docs of the site fixture, compared file by file.

Refresh after an intended change with:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_site_golden.py

then read the diff of tests/golden/site/ before committing it.
"""
import fnmatch
import os
from pathlib import Path

import pytest
from sitetools import REPOSITORY, TODAY, site_tree

from selfassess import corpus, paths, siteview
from selfassess.render import Renderer

GOLDEN = Path(__file__).resolve().parent / "golden" / "site"
# Every generated file except pages that only repeat the catalogue or the schemas.
LEFT_OUT = ("provisions/*/*.md", "assistance/*.md", "data/schema/*", "data/reference.md")
KEPT = ("provisions/*/index.md", "provisions/untoc/5.md", "provisions/tip/5.md", "assistance/training.md")


def rendered(tmp_path) -> dict[str, str]:
    root = site_tree(tmp_path / "repo")
    loaded = corpus.load(root)
    assert not loaded.errors, loaded.errors
    view = siteview.build(loaded, paths.Repository(REPOSITORY), today=TODAY)
    return Renderer(root, jobs=1).pages(view, root / ".generated" / "docs")


def golden_set(files: dict[str, str]) -> dict[str, str]:
    def kept(rel: str) -> bool:
        return any(fnmatch.fnmatch(rel, p) for p in KEPT) or not any(fnmatch.fnmatch(rel, p) for p in LEFT_OUT)

    return {rel: text for rel, text in files.items() if kept(rel)}


def test_generated_docs_match_golden(tmp_path):
    files = golden_set(rendered(tmp_path))
    if os.environ.get("UPDATE_GOLDEN"):
        for old in GOLDEN.rglob("*"):
            if old.is_file():
                old.unlink()
        for rel, text in files.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(text, encoding="utf-8", newline="\n")
        pytest.skip("golden files refreshed; review the diff")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in sorted(GOLDEN.rglob("*")) if p.is_file()}
    assert sorted(files) == sorted(expected), "generated files differ from tests/golden/site (UPDATE_GOLDEN=1 to refresh)"
    for rel, text in files.items():
        assert text == expected[rel], f"{rel} differs from its golden copy (UPDATE_GOLDEN=1 to refresh, then review the diff)"


def test_golden_set_covers_every_page_type(tmp_path):
    files = golden_set(rendered(tmp_path))
    for rel in ("index.md", "parties/index.md", "parties/XAB.md", "parties/XAC.md", "provisions/index.md", "provisions/untoc/index.md",
                "provisions/untoc/5.md", "assistance.md", "assistance/training.md", "reporting-status.md", "data/index.md",
                "contributing.md", "search.md", "data/datapackage.json", "data/assessments.csv"):
        assert rel in files
