"""Render the public view as Markdown pages and data files in the generated docs folder.

    view -> {docs path: text} -> write only what changed, remove what is gone

Every page and the open data are independent tasks, run on every core when
the corpus is large. State pages are the bulk of the work and are kept between
runs of `serve` by a fingerprint of what they show, so a change to one State
re-renders one State page.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import opendata, paths, render_assistance, render_data, render_home, render_parties, render_party, render_provisions, render_status
from .labels import label
from .siteview import View

PARALLEL_FROM = 24  # States; below this, starting workers costs more than it saves
KEEP = (paths.DOWNLOADS + "/", "pagefind/")  # written by other tools, never removed here

# Pages that exist once, by docs path: what renders them from the view and the repository folder.
SINGLE = {
    paths.HOME: lambda view, root: render_home.home(view),
    paths.SEARCH: lambda view, root: render_home.search(view),
    paths.CONTRIBUTING: lambda view, root: render_home.contributing(view, root),
    paths.PARTIES: lambda view, root: render_parties.page(view),
    paths.PROVISIONS: lambda view, root: render_provisions.index(view),
    paths.ASSISTANCE: lambda view, root: render_assistance.overview(view),
    paths.REPORTING: lambda view, root: render_status.page(view),
    paths.OPEN_DATA: lambda view, root: render_data.page(view, root),
    paths.DATA_REFERENCE: lambda view, root: render_data.reference(root),
}


def downloads(docs: Path) -> dict[str, list[tuple[str, str]]]:
    """Files other tools wrote for each State (docs/downloads/<code>/...), as (label, docs path)."""
    base = docs / paths.DOWNLOADS
    out: dict[str, list[tuple[str, str]]] = {}
    if base.is_dir():
        for folder in sorted(p for p in base.iterdir() if p.is_dir()):
            files = sorted(p for p in folder.iterdir() if p.is_file())
            out[folder.name] = [(label("downloads", f.suffix.lstrip(".").lower()) + f" ({f.name})", f.relative_to(docs).as_posix()) for f in files]
    return out


class Renderer:
    """Keeps each State's page and open data share between runs, keyed by a fingerprint of their inputs."""

    def __init__(self, root: Path, jobs: int | None = None):
        self.root = root
        self.jobs = jobs or os.cpu_count() or 1
        self.party_parts: dict[str, tuple[str, str, opendata.Share]] = {}  # code -> (fingerprint, page, open data share)

    def pages(self, view: View, docs: Path) -> dict[str, str]:
        """Docs path -> text of every generated file."""
        extra = downloads(docs)
        stamp = _stamp(view)
        # With nothing kept (a cold build), every State is rendered and its files' digest is made with it.
        wanted = {p.code: _fingerprint(stamp, view, p, extra.get(p.code, [])) for p in view.parties} if self.party_parts else {}
        todo = [p.code for p in view.parties if self.party_parts.get(p.code, ("",))[0] != wanted.get(p.code)]
        # State pages first: the longest tasks, so that no core waits for one at the end.
        tasks = [*(("party", code) for code in todo), *(("page", rel) for rel in SINGLE)]
        tasks += [("instrument", iid) for iid in view.catalogue.instruments]
        tasks += [("article", article.id) for article in view.catalogue.articles()]
        tasks += [("assistance_type", tid) for tid in view.registers.assistance_types]
        parallel = self.jobs > 1 and len(view.parties) >= PARALLEL_FROM
        out: dict[str, str] = {}
        for (kind, key), result in zip(tasks, _run(view, extra, self.root, tasks, self.jobs if parallel else 1)):
            if kind == "party":
                digest, *made = result
                party = view.party(key)
                party.memo("digest", lambda: digest)
                self.party_parts[key] = (wanted.get(key) or _fingerprint(stamp, view, party, extra.get(key, [])), *made)
            else:
                out.update(result)
        self.party_parts = {p.code: self.party_parts[p.code] for p in view.parties}
        out.update({paths.party(code): page for code, (_, page, _) in self.party_parts.items()})
        out.update(opendata.files(view, self.root, {code: share for code, (_, _, share) in self.party_parts.items()}))
        return dict(sorted(out.items()))


def _stamp(view: View) -> str:
    """What every State page depends on besides the State's own files."""
    articles = [(a.id, a.title, a.expects_assessment) for a in view.catalogue.articles()]
    instruments = [(i.id, i.data.get("short_name")) for i in view.catalogue.instruments.values()]
    return repr((articles, instruments, view.registers.assistance_types, view.today, view.repository))


def _fingerprint(stamp: str, view: View, party, extra: list) -> str:
    parts = [stamp, repr(extra), repr(view.last_changed(party)), party.memo("digest", lambda: _digest(party))]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _digest(party) -> str:
    """Digest of the State's published files."""
    docs = [party.profile, party.action_plan, *party.assessments.values()]
    return hashlib.sha256("\n".join(repr((d.rel, d.data, d.body)) for d in docs if d is not None).encode("utf-8")).hexdigest()


_shared: tuple[View, dict, Path] | None = None  # set before workers fork


def _task(task: tuple[str, str]):
    """What one task renders: a State's (page, open data share), or {docs path: text}."""
    view, extra, root = _shared
    kind, key = task
    if kind == "party":
        party = view.party(key)
        return party.memo("digest", lambda: _digest(party)), render_party.page(view, party, extra.get(key, [])), opendata.share(view, party)
    if kind == "page":
        return {key: SINGLE[key](view, root)}
    if kind == "instrument":
        return {paths.instrument(key): render_provisions.instrument(view, key)}
    if kind == "article":
        return {paths.article(key): render_provisions.article(view, view.catalogue.article(key))}
    return {paths.assistance_type(key): render_assistance.type_page(view, key)}


def _run(view: View, extra: dict, root: Path, tasks: list, jobs: int) -> list:
    global _shared
    _shared = (view, extra, root)
    try:
        if jobs < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return [_task(t) for t in tasks]
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_task, tasks, chunksize=4))
    finally:
        _shared = None


def write(files: dict[str, str], docs: Path) -> list[str]:
    """Write files whose text changed, remove generated files no longer wanted; return what changed."""
    changed = []
    for rel, text in files.items():
        path = docs / rel
        data = text.encode("utf-8")
        if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        changed.append(rel)
    if docs.exists():
        for path in sorted(docs.rglob("*")):
            rel = path.relative_to(docs).as_posix()
            if path.is_file() and rel not in files and not rel.startswith(KEEP):
                path.unlink()
                changed.append(rel)
    return changed
