"""Serve the site on localhost; when a content file changes, re-render what changed and reload.

A watcher polls content/, schema/ and CONTRIBUTING.md. On a change it loads and
checks the content again (States whose folder did not change are kept from the
last load); with errors it prints them and keeps the last good pages; otherwise
it re-renders (State pages that did not change come from the renderer's cache)
and writes only the files whose text changed. MkDocs serve sees those files
change, rebuilds them and reloads the browser. The search index follows in the
background: the pages are built apart and Pagefind indexes them (seconds on
the sample, about 20 on 192 States), then the new index replaces the old.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from . import build
from . import corpus as corpus_stage
from .render import Renderer

POLL = 1.0  # seconds between looks at the content folder
SETTLE = 2.0  # seconds the search index waits after a change, so that a burst of saves is indexed once
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


def index_search(root: Path, strict: bool = False) -> None:
    """Build the pages as they are now into a preview folder, index them with Pagefind and put
    the index in the docs folder (mkdocs.yml lists pagefind/ under draft_docs: served, never
    built into site/). MkDocs runs in a process of its own: serve's MkDocs runs in this one."""
    generated = root / ".generated"
    preview, fresh, old = generated / "preview", generated / "pagefind-next", generated / "pagefind-old"
    for folder in (preview, fresh, old):
        shutil.rmtree(folder, ignore_errors=True)
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(preview)]
        command += ["--strict"] if strict else []
        result = subprocess.run(command, cwd=root, capture_output=True, text=True)
        if result.returncode != 0:
            raise build.BuildFailed(f"mkdocs: {result.stderr.strip()[-2000:]}")
        build.search_index(preview, fresh)
        target = root / build.DOCS_DIR / build.SEARCH_DIR
        if target.exists():
            target.rename(old)
        fresh.rename(target)
    finally:
        for folder in (preview, fresh, old):
            shutil.rmtree(folder, ignore_errors=True)


class SearchIndexer:
    """Indexes the site for search again after content changes, one round at a time; changes
    that arrive during a round are indexed by the next."""

    def __init__(self, root: Path):
        self.root = root
        self.wanted = threading.Event()
        self.stop = threading.Event()

    def request(self) -> None:
        self.wanted.set()

    def run(self) -> None:
        while not self.stop.is_set():
            if not self.wanted.wait(POLL):
                continue
            time.sleep(SETTLE)
            self.wanted.clear()
            try:
                index_search(self.root)
                print("search index updated", file=sys.stderr)
            except (build.BuildFailed, OSError) as exc:
                print(f"could not update the search index: {exc}", file=sys.stderr)


class Watcher:
    def __init__(self, root: Path, renderer: Renderer, loaded=None, seen: dict | None = None, on_change=None):
        """`loaded`, when given, is a load of the files as `seen` (their snapshot, taken before loading);
        `on_change` is called after each re-render that rewrote files."""
        self.on_change = on_change
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
        if changed and self.on_change:
            self.on_change()
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
    try:
        index_search(root, strict=True)
    except build.BuildFailed as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    indexer = SearchIndexer(root)
    watcher = Watcher(root, renderer, loaded, seen, on_change=indexer.request)
    for worker, name in ((watcher.run, "content-watcher"), (indexer.run, "search-indexer")):
        threading.Thread(target=worker, name=name, daemon=True).start()
    try:
        serve(str(root / "mkdocs.yml"), livereload=True, build_type="dirty", dev_addr=f"{host}:{port}")
    finally:
        watcher.stop.set()
        indexer.stop.set()
    return 0
