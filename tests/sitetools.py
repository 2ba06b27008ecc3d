"""Helpers for the site tests: fixture trees, built sites, a local web server."""
from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from pathlib import Path

from conftest import FIXTURES, REPO, make_tree

TODAY = "2026-11-29"  # the reference date of the golden pages
EPOCH = "1795910400"  # 2026-11-29T00:00:00Z, the same date for SOURCE_DATE_EPOCH
REPOSITORY = "https://example.org/untoc-profiles"
SITE_FILES = ("mkdocs.yml", "overrides", "schema")


def with_site_files(dest: Path) -> Path:
    """Copy what a build needs besides content/: mkdocs.yml, overrides/, schema/."""
    for name in SITE_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, dest / name, dirs_exist_ok=True)
        else:
            shutil.copy(source, dest / name)
    return dest


def site_tree(dest: Path) -> Path:
    """The site fixture: the base tree with tests/fixtures/site on top, ready to build."""
    make_tree(dest)
    shutil.copytree(FIXTURES / "site", dest, dirs_exist_ok=True)
    return with_site_files(dest)


def sample_tree(dest: Path) -> Path:
    """A copy of the repository's own content (the sample site), ready to build."""
    shutil.copytree(REPO / "content", dest / "content")
    if (REPO / "CONTRIBUTING.md").exists():
        shutil.copy(REPO / "CONTRIBUTING.md", dest / "CONTRIBUTING.md")
    return with_site_files(dest)


def tree_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@contextlib.contextmanager
def served(folder: Path):
    """Serve a folder on 127.0.0.1 for the length of the block; yields the base URL."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
