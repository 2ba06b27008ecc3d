"""Serve the site on localhost; when a content file changes, re-render what changed and reload.

A watcher polls content/, schema/ and CONTRIBUTING.md. On a change it loads and
checks the content again (States whose folder did not change are kept from the
last load); with errors it prints them and keeps the last good pages; otherwise
it re-renders (State pages that did not change come from the renderer's cache)
and writes only the files whose text changed. MkDocs serve sees those files
change, rebuilds them and reloads the browser.
"""
from __future__ import annotations

import shutil
import sys
import threading
from pathlib import Path

from . import build
from . import corpus as corpus_stage
from .render import Renderer

POLL = 1.0  # seconds between looks at the content folder
WATCHED = ("content", "schema", "CONTRIBUTING.md")


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """(mtime, size) of every watched file."""
    out = {}
    for name in WATCHED:
        base = root / name
        for path in [base] if base.is_file() else sorted(base.rglob("*")) if base.is_dir() else []:
            if path.is_file():
                stat = path.stat()
                out[path.relative_to(root).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return out


class Watcher:
    def __init__(self, root: Path, renderer: Renderer, loaded=None, seen: dict | None = None):
        """`loaded`, when given, is a load of the files as `seen` (their snapshot, taken before loading)."""
        self.root = root
        self.renderer = renderer
        self.loaded = loaded if seen is not None else None  # the last load, errors or not: what the next one may keep
        self.seen = seen if seen is not None else snapshot(root)
        self.stop = threading.Event()

    def once(self) -> list[str] | None:
        """Re-render if something changed; the docs files written, or None when nothing changed or errors stand."""
        now = snapshot(self.root)
        if now == self.seen:
            return None
        touched = {path for path in now.keys() | self.seen.keys() if now.get(path) != self.seen.get(path)}
        self.seen = now
        self.loaded = corpus_stage.load(self.root, reuse=self.loaded, changed=touched)
        if not build.passes(self.loaded):
            return None
        build.documents(self.root, self.loaded)
        changed = build.render(self.root, self.loaded, self.renderer)
        print(f"content changed: {len(changed)} generated file(s) rewritten", file=sys.stderr)
        return changed

    def run(self) -> None:
        while not self.stop.wait(POLL):
            try:
                self.once()
            except Exception as exc:  # keep serving; say what went wrong
                print(f"could not re-render: {exc}", file=sys.stderr)


def main(root: Path, host: str = "127.0.0.1", port: int = 8000) -> int:
    from mkdocs.commands.serve import serve

    seen = snapshot(root)  # before loading: a file changed meanwhile is loaded again on the first look
    loaded = build.check(root)
    if loaded is None:
        return 1
    renderer = Renderer(root)
    build.documents(root, loaded)
    build.render(root, loaded, renderer)
    # The search index of the pages as they are now, served from the docs folder
    # (mkdocs.yml lists pagefind/ under draft_docs: served, never built into site/).
    preview = root / ".generated" / "preview"
    try:
        build.mkdocs_build(root, preview)
        build.search_index(preview, root / build.DOCS_DIR / build.SEARCH_DIR)
    except build.BuildFailed as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(preview, ignore_errors=True)
    watcher = Watcher(root, renderer, loaded, seen)
    thread = threading.Thread(target=watcher.run, name="content-watcher", daemon=True)
    thread.start()
    try:
        serve(str(root / "mkdocs.yml"), livereload=True, build_type="dirty", dev_addr=f"{host}:{port}")
    finally:
        watcher.stop.set()
    return 0
