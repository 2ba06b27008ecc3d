"""Profile documents: one State on demand, or every published State for the site.

`export_all` is what the site build calls. A State's cache key hashes what its
documents are made from (its published files, the revision they come from,
which actions are overdue today, the catalogue and registers, and the
generator itself: this package's code, the labels, reference.docx, the fonts,
pandoc and Typst), so a State whose documents would come out the same is
copied from the cache instead of being made again. States to make are shared
out to one worker process per core.

    export_all(corpus, site_dir / "documents", root / ".cache" / "documents")
    # -> documents/XAA-profile.docx, documents/XAA-profile.pdf, ... (file_name())
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from .. import dates, publish
from ..catalogue import Catalogue
from ..corpus import Corpus
from ..parties import Party
from ..registers import Registers
from ..shapes import entries
from . import fonts, pdf, profile, revisions, word
from . import model as m

FORMATS = ("docx", "pdf")
# A worker is replaced after this many States: Typst's layout cache grows to about 1 GB
# a worker otherwise. Measured on 24 synthetic States, 2 workers: 1.9 GB and 21.4 s
# without replacing; 0.9 GB and 22.7 s replacing every 4.
WORKER_TASKS = 4
PACKAGE = Path(__file__).resolve().parent


def file_name(code: str, fmt: str) -> str:
    """The name of a State's profile document: XAA-profile.pdf."""
    return f"{code}-profile.{fmt}"


@cache
def generator() -> str:
    """Fingerprint of the code, labels, styles, fonts and tools that make documents."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.glob("*.py")) + [word.REFERENCE, PACKAGE.parent / "strings" / "en.yaml", PACKAGE.parent / "narrative.py"]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(fonts.fingerprint().encode())
    for tool in ("typst", "pypandoc-binary", "pikepdf"):
        digest.update(metadata.version(tool).encode())
    return digest.hexdigest()


def document_of(corpus: Corpus, code: str, source: profile.Source | None = None) -> m.Document | None:
    """The profile document of a published State, or None when it is not published."""
    party = publish.public(corpus).parties.get(code)
    if party is None:
        return None
    if source is None:
        source = revisions.sources(corpus.root, {code: party.folder})[code]
    return profile.build(party, corpus.catalogue, corpus.registers, source)


def write(document: m.Document, fmt: str, output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    (word.write if fmt == "docx" else pdf.write)(document, output)


def _shared_key(catalogue: Catalogue, registers: Registers) -> str:
    """What every document depends on besides the State's own files."""
    facts = {
        "generator": generator(),
        "articles": [(a.id, a.title) for a in catalogue.articles()],
        "citations": {i.id: i.citation for i in catalogue.instruments.values()},
        "assistance": {k: v.get("name") for k, v in sorted(registers.assistance_types.items())},
    }
    return hashlib.sha256(json.dumps(facts, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def cache_key(party: Party, source: profile.Source, shared: str, today: str) -> str:
    plan = party.action_plan.data if party.action_plan else None
    overdue = sorted(str(a.get("id")) for _, a in entries((plan or {}).get("actions")) if dates.is_overdue(a, today))
    facts = {
        "shared": shared,
        "source": [source.folder, source.revision, source.date, source.versioned],
        "profile": party.profile.data,
        "assessments": {name: [d.data, d.body] for name, d in sorted(party.assessments.items())},
        "plan": plan,
        "overdue": overdue,
    }
    return hashlib.sha256(json.dumps(facts, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()[:32]


@dataclass
class Exported:
    code: str
    key: str
    reused: bool  # True when the cache already held both documents


_worker: tuple | None = None  # (catalogue, registers, cache_dir, today), set in each worker


def _start_worker(catalogue: Catalogue, registers: Registers, cache_dir: Path, today: str) -> None:
    global _worker
    os.environ.setdefault("RAYON_NUM_THREADS", "1")  # one Typst thread per worker: the workers fill the cores
    _worker = (catalogue, registers, cache_dir, today)


def _make(task: tuple, at_once: bool = False) -> None:
    """Write one State's DOCX and PDF into the cache; `at_once`: pandoc runs while Typst sets
    the PDF (when one process makes the documents, as for the State just edited; with a
    worker per core it only makes them compete)."""
    code, key, party, source = task
    catalogue, registers, cache_dir, today = _worker
    document = profile.build(party, catalogue, registers, source, today)
    cached = {fmt: cache_dir / f"{code}-{key}.{fmt}" for fmt in FORMATS}
    partial = {fmt: path.with_name(f"{path.name}.{os.getpid()}.part") for fmt, path in cached.items()}
    if at_once:
        docx = word.start(document, partial["docx"])
        try:
            pdf.write(document, partial["pdf"])
        finally:
            docx.wait()
    else:
        pdf.write(document, partial["pdf"])
        word.write(document, partial["docx"])
    for fmt in FORMATS:
        partial[fmt].replace(cached[fmt])


def export_all(
    corpus: Corpus, dest: Path, cache_dir: Path, jobs: int | None = None, worker_tasks: int | None = WORKER_TASKS, per_state: bool = False
) -> list[Exported]:
    """Write DOCX and PDF profiles of every published State into `dest`
    (into dest/<code>/ with per_state, as the site publishes them).

    Unchanged States are copied from `cache_dir`; cached documents no State uses
    any more are removed from it. A file already in place with the same bytes is
    left untouched, so a server watching `dest` sees only real changes.
    """
    public = publish.public(corpus)
    dest.mkdir(parents=True, exist_ok=True)
    cache_dir.mkdir(parents=True, exist_ok=True)
    fonts.files()  # fail early, with the install hint, before any work
    today = dates.today()
    shared = _shared_key(public.catalogue, public.registers)
    sources = revisions.sources(corpus.root, {code: p.folder for code, p in public.parties.items()})
    done, tasks = [], []
    for code, party in sorted(public.parties.items()):
        key = cache_key(party, sources[code], shared, today)
        reused = all((cache_dir / f"{code}-{key}.{fmt}").exists() for fmt in FORMATS)
        done.append(Exported(code, key, reused))
        if not reused:
            tasks.append((code, key, party, sources[code]))
    _run(tasks, (public.catalogue, public.registers, cache_dir, today), jobs, worker_tasks)
    for item in done:
        folder = dest / item.code if per_state else dest
        folder.mkdir(exist_ok=True)
        for fmt in FORMATS:
            _place(cache_dir / f"{item.code}-{item.key}.{fmt}", folder / file_name(item.code, fmt))
    _prune(cache_dir, {f"{d.code}-{d.key}.{fmt}" for d in done for fmt in FORMATS})
    return done


def _run(tasks: list, context: tuple, jobs: int | None, worker_tasks: int | None) -> None:
    """Make the documents of `tasks`, in worker processes when there is more than one.

    Workers come from a fork server (a process that ran Typst cannot be forked
    safely); like spawn, a fork server imports the main module again, so a
    script calling this must keep its work under `if __name__ == "__main__"`.
    Typst keeps what it laid out for its last ten documents, about 75 MB each,
    so a worker grows to about 1 GB; `worker_tasks` replaces workers after so
    many States, trading time (a new worker starts cold) for memory.
    """
    global _worker
    jobs = min(jobs or os.cpu_count() or 1, len(tasks))
    if jobs < 2:
        _worker = context
        for task in tasks:
            _make(task, at_once=True)
        return
    methods = multiprocessing.get_all_start_methods()
    start = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if start.get_start_method() == "forkserver":
        start.set_forkserver_preload([__name__])
    # multiprocessing.Pool, not ProcessPoolExecutor: the latter can hang when it replaces workers (Python 3.11)
    with start.Pool(jobs, initializer=_start_worker, initargs=context, maxtasksperchild=worker_tasks) as pool:
        for _ in pool.imap_unordered(_make, tasks):
            pass


def _place(source: Path, target: Path) -> None:
    if target.exists() and target.stat().st_size == source.stat().st_size and target.read_bytes() == source.read_bytes():
        return
    shutil.copyfile(source, target)


def _prune(cache_dir: Path, keep: set[str]) -> None:
    for path in cache_dir.iterdir():
        ours = path.suffix in (".docx", ".pdf") or path.name.endswith(".part")
        if ours and path.is_file() and path.name not in keep:
            path.unlink(missing_ok=True)
