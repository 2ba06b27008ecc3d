"""Build the site: check, render into the docs folder, MkDocs, search index, swap into place.

    check -> public view -> render (only changed files written) -> mkdocs build --strict
          -> Pagefind index -> replace site/ in one rename

The site is built in a temporary folder next to site/ and swapped in only when
every stage succeeded, so a failed build leaves the previous site intact.
"""
from __future__ import annotations

import ctypes
import gc
import logging
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import corpus as corpus_stage
from . import history as history_stage
from . import paths, publish, report, siteview
from .render import Renderer, write

DOCS_DIR = Path(".generated") / "docs"
SEARCH_DIR = "pagefind"


class BuildFailed(Exception):
    """A stage after rendering failed; the message says which and why."""


def check(root: Path):
    """The loaded corpus, or None after printing the errors that block a build."""
    loaded = corpus_stage.load(root)
    return loaded if passes(loaded) else None


def passes(loaded) -> bool:
    """True when no error blocks a build; otherwise print the errors."""
    if loaded.errors:
        report.text(loaded.problems, loaded.files, sys.stderr)
        print("build stopped: fix the errors above first (run 'selfassess check' to see them again)", file=sys.stderr)
        return False
    return True


def render(root: Path, loaded, renderer: Renderer | None = None, history: dict | None = None) -> list[str]:
    """Write the generated docs; return the docs files that changed.

    `history` (content file -> date) replaces the repository's own history."""
    statuses: dict = {}
    public = publish.public(loaded)  # made once, shared by the history and the view
    if history is None:
        history, statuses = repository_history(root, public)
    view = siteview.build(public, paths.repository(root), history, statuses=statuses)
    docs = root / DOCS_DIR
    renderer = renderer or Renderer(root)
    return write(renderer.pages(view, docs), docs)


def repository_history(root: Path, loaded) -> tuple[dict, dict]:
    """From git, for published files only: (file -> last change date, assessment -> [(date, status)])."""
    found = history_stage.for_public(history_stage.load(root), publish.public(loaded))
    dates, statuses = {}, {}
    for party in found.parties.values():
        for path, entry in party.files.items():
            dates[path] = entry.last_change.date
            if entry.statuses:
                statuses[path] = [(change.date, change.status) for change in entry.statuses]
    return dates, statuses


def _log_mkdocs() -> None:
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_selfassess", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
        handler.setLevel(logging.WARNING)
        # serve rebuilds 'dirty'; MkDocs then warns that navigation may be stale, but ours never changes
        handler.addFilter(lambda record: "'dirty' build" not in record.getMessage())
        handler._selfassess = True
        logger.addHandler(handler)


def mkdocs_build(root: Path, site_dir: Path, dirty: bool = False) -> None:
    """MkDocs, strict; `dirty` rebuilds only pages whose docs file changed, as `serve` does (not strict:
    MkDocs warns that a dirty build may leave navigation stale, and ours never changes)."""
    from mkdocs.commands.build import build as mkdocs
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    _log_mkdocs()
    try:
        config = load_config(str(root / "mkdocs.yml"), strict=not dirty, site_dir=str(site_dir))
        mkdocs(config, dirty=dirty)
    except MkDocsException as exc:
        raise BuildFailed(f"mkdocs: {exc}") from None


def search_index(site_dir: Path, output: Path | None = None) -> None:
    """Index the built pages with Pagefind (the binary ships in the pagefind-bin wheel)."""
    args = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent", "--keep-index-url"]
    args += ["--output-path", str(output)] if output else ["--output-subdir", SEARCH_DIR]
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildFailed(f"pagefind failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")


class Stopwatch:
    """Wall and CPU seconds of each stage; CPU counts this process and those it waited for."""

    def __init__(self):
        self.laps: list[tuple[str, float, float]] = []
        self.mark = self._now()

    @staticmethod
    def _now() -> tuple[float, float]:
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.perf_counter(), own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    def lap(self, stage: str) -> None:
        now = self._now()
        self.laps.append((stage, now[0] - self.mark[0], now[1] - self.mark[1]))
        self.mark = now

    def report(self, out) -> None:
        for stage, wall, cpu in self.laps:
            print(f"timing: {stage}: {wall:.2f} s wall, {cpu:.2f} s cpu", file=out)


def site(root: Path, target: Path, watch: Stopwatch | None = None) -> None:
    """Build MkDocs and the search index into a temporary folder, then swap it for `target`."""
    watch = watch or Stopwatch()
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        mkdocs_build(root, temp)
        release_memory()
        watch.lap("mkdocs")
        search_index(temp)
        watch.lap("search index")
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    temp.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    watch.lap("swap into place")


def documents(root: Path, loaded) -> None:
    """Each published State's profile as DOCX and PDF, in docs/downloads/<code>/; States no
    longer published lose theirs. Unchanged States come from the cache in .cache/documents."""
    from .office import export

    base = root / DOCS_DIR / paths.DOWNLOADS
    exported = export.export_all(loaded, base, root / ".cache" / "documents", per_state=True)
    keep = {item.code for item in exported}
    for folder in base.iterdir():
        if folder.is_dir() and folder.name not in keep:
            shutil.rmtree(folder)


def release_memory() -> None:
    """Give the memory of what is no longer needed back to the system before the search
    indexer (a process of its own, the largest) starts: collect, then trim glibc's heap."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the memory is reused, only not returned
        pass


def main(root: Path, site_dir: str | None = None, timings: bool = False, with_documents: bool = True) -> int:
    watch = Stopwatch()
    loaded = check(root)
    if loaded is None:
        return 1
    watch.lap("load and check")
    if with_documents:
        documents(root, loaded)
        watch.lap("documents")
    render(root, loaded)
    del loaded  # the pages are written; MkDocs and Pagefind read them from disk
    watch.lap("render")
    try:
        site(root, Path(site_dir).resolve() if site_dir else root / "site", watch)
    except BuildFailed as exc:
        print(f"build failed: {exc}; the previous site was left as it was", file=sys.stderr)
        return 1
    if timings:
        watch.report(sys.stderr)
    return 0
