"""Profile documents: one State on demand, or every published State for the site.

`export_all` is what the site build calls. A document's cache key is the hash
of everything that goes into it (its content as both writers receive it, the
reference document, the fonts, the generator's own code), so a State whose
documents would come out the same is not exported again. Both cores are used.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
from importlib import metadata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .. import publish
from ..corpus import Corpus
from . import fonts, pdf, profile, revisions, word
from . import model as m

FORMATS = ("docx", "pdf")
PACKAGE = Path(__file__).resolve().parent


def file_name(code: str, fmt: str) -> str:
    """The name of a State's profile document: XAA-profile.pdf."""
    return f"{code}-profile.{fmt}"


@cache
def generator() -> str:
    """Fingerprint of the code, styles and fonts that make documents."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.glob("*.py")) + [word.REFERENCE, PACKAGE.parent / "strings" / "en.yaml"]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(fonts.fingerprint().encode())
    digest.update(metadata.version("typst").encode())
    digest.update(word.pandoc().encode())
    return digest.hexdigest()


def document_of(corpus: Corpus, code: str, source: profile.Source | None = None) -> m.Document | None:
    """The profile document of a published State, or None when it is not published."""
    public = publish.public(corpus)
    party = public.parties.get(code)
    if party is None:
        return None
    if source is None:
        source = revisions.sources(corpus.root, {code: party.folder})[code]
    return profile.build(party, corpus.catalogue, corpus.registers, source)


def write(document: m.Document, fmt: str, output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    (word.write if fmt == "docx" else pdf.write)(document, output)


def cache_key(document: m.Document) -> str:
    digest = hashlib.sha256(generator().encode())
    digest.update(json.dumps(word.ast(document), ensure_ascii=False, sort_keys=True).encode())
    digest.update(pdf.source(document).encode())
    return digest.hexdigest()[:32]


@dataclass
class Exported:
    code: str
    key: str
    reused: bool  # True when the cache already held both documents


# Set before workers fork, so they share the public corpus instead of receiving a copy per task.
_shared: tuple | None = None


def _export_one(code: str) -> Exported:
    public, sources, dest, cache_dir = _shared
    party = public.parties[code]
    document = profile.build(party, public.catalogue, public.registers, sources[code])
    key = cache_key(document)
    reused = True
    for fmt in FORMATS:
        cached = cache_dir / f"{code}-{key}.{fmt}"
        if not cached.exists():
            reused = False
            partial = cached.with_name(cached.name + f".{os.getpid()}.part")
            write(document, fmt, partial)
            partial.replace(cached)
        target = dest / file_name(code, fmt)
        shutil.copyfile(cached, target)
    return Exported(code, key, reused)


def export_all(corpus: Corpus, dest: Path, cache_dir: Path, jobs: int | None = None) -> list[Exported]:
    """Write DOCX and PDF profiles of every published State into `dest`.

    Unchanged States are copied from `cache_dir`; cached documents no State uses
    any more are removed from it.
    """
    global _shared
    public = publish.public(corpus)
    codes = sorted(public.parties)
    dest.mkdir(parents=True, exist_ok=True)
    cache_dir.mkdir(parents=True, exist_ok=True)
    fonts.files()  # fail early, with the install hint, before any work
    generator()
    folders = {code: public.parties[code].folder for code in codes}
    _shared = (public, revisions.sources(corpus.root, folders), dest, cache_dir)
    jobs = jobs or os.cpu_count() or 1
    if jobs < 2 or len(codes) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        done = [_export_one(code) for code in codes]
    else:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=min(jobs, len(codes)), mp_context=context) as pool:
            done = list(pool.map(_export_one, codes))
    _prune(cache_dir, {f"{d.code}-{d.key}.{fmt}" for d in done for fmt in FORMATS})
    return done


def _prune(cache_dir: Path, keep: set[str]) -> None:
    for path in cache_dir.iterdir():
        ours = path.suffix in (".docx", ".pdf") or path.name.endswith(".part")
        if ours and path.is_file() and path.name not in keep:
            path.unlink(missing_ok=True)
