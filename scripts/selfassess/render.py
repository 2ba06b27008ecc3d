"""Render the public view as Markdown pages and data files in the generated docs folder.

    view -> {docs path: text} -> write only what changed, remove what is gone

State pages are the bulk of the work: they are rendered in parallel on a cold
build, and kept between runs of `serve` by a fingerprint of what they show, so
a change to one State re-renders one State page.
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

PARALLEL_FROM = 24  # State pages; below this, starting workers costs more than it saves
KEEP = (paths.DOWNLOADS + "/", "pagefind/")  # written by other tools, never removed here


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
    """Keeps rendered State pages between runs, keyed by a fingerprint of their inputs."""

    def __init__(self, root: Path, jobs: int | None = None):
        self.root = root
        self.jobs = jobs or os.cpu_count() or 1
        self.party_pages: dict[str, tuple[str, str]] = {}  # code -> (fingerprint, text)

    def pages(self, view: View, docs: Path) -> dict[str, str]:
        """Docs path -> text of every generated file."""
        extra = downloads(docs)
        out = {
            paths.HOME: render_home.home(view),
            paths.SEARCH: render_home.search(view),
            paths.CONTRIBUTING: render_home.contributing(view, self.root),
            paths.PARTIES: render_parties.page(view),
            paths.PROVISIONS: render_provisions.index(view),
            paths.ASSISTANCE: render_assistance.overview(view),
            paths.REPORTING: render_status.page(view),
            paths.OPEN_DATA: render_data.page(view, self.root),
            paths.DATA_REFERENCE: render_data.reference(self.root),
        }
        for iid in view.catalogue.instruments:
            out[paths.instrument(iid)] = render_provisions.instrument(view, iid)
        for article in view.catalogue.articles():
            out[paths.article(article.id)] = render_provisions.article(view, article)
        for tid in view.registers.assistance_types:
            out[paths.assistance_type(tid)] = render_assistance.type_page(view, tid)
        out.update(self._party_pages(view, extra))
        out.update(opendata.files(view, self.root))
        return dict(sorted(out.items()))

    def _party_pages(self, view: View, extra: dict) -> dict[str, str]:
        stamp = _stamp(view)
        wanted = {p.code: _fingerprint(stamp, view, p, extra.get(p.code, [])) for p in view.parties}
        todo = [code for code, key in wanted.items() if self.party_pages.get(code, ("",))[0] != key]
        for code, text in _render_parties(view, todo, extra, self.jobs):
            self.party_pages[code] = (wanted[code], text)
        self.party_pages = {code: self.party_pages[code] for code in wanted}
        return {paths.party(code): text for code, (_, text) in self.party_pages.items()}


def _stamp(view: View) -> str:
    """What every State page depends on besides the State's own files."""
    articles = [(a.id, a.title, a.expects_assessment) for a in view.catalogue.articles()]
    instruments = [(i.id, i.data.get("short_name")) for i in view.catalogue.instruments.values()]
    return repr((articles, instruments, view.registers.assistance_types, view.today, view.repository))


def _fingerprint(stamp: str, view: View, party, extra: list) -> str:
    docs = [party.profile, party.action_plan, *party.assessments.values()]
    parts = [stamp, repr(extra), repr(view.last_changed(party))]
    parts += [repr((d.rel, d.data, d.body)) for d in docs if d is not None]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


_shared: tuple[View, dict] | None = None  # set before workers fork


def _render_one(code: str) -> tuple[str, str]:
    view, extra = _shared
    return code, render_party.page(view, view.party(code), extra.get(code, []))


def _render_parties(view: View, codes: list[str], extra: dict, jobs: int):
    global _shared
    _shared = (view, extra)
    if jobs < 2 or len(codes) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return [_render_one(c) for c in codes]
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(_render_one, codes, chunksize=max(1, len(codes) // (jobs * 4))))


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
