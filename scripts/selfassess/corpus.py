"""The whole content tree, loaded and checked: the pipeline stopped after `link`.

    catalogue -> registers -> parties (in parallel when there are many) -> rules

`serve` passes the previous load and the files changed since: States whose
folder did not change are then kept as they were, with their problems.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import catalogue as catalogue_stage
from . import codeowners, links
from . import parties as party_stage
from . import registers as register_stage
from . import rules
from .catalogue import Catalogue
from .parties import Party
from .problems import ERROR, WARNING, Problem
from .registers import Registers
from .sources import LINK, first_link

PARALLEL_FROM = 24  # States; below this, starting workers costs more than it saves


@dataclass
class Corpus:
    root: Path
    catalogue: Catalogue
    registers: Registers
    parties: dict[str, Party] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    published: bool = False  # True for publish.public()'s view
    kept_data: bool = True  # False when loaded for problems only
    by_party: dict[str, tuple[list[Problem], int]] = field(default_factory=dict, repr=False)  # code -> (its problems, its files)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]


def load(root: Path, jobs: int | None = None, keep_data: bool = True, reuse: Corpus | None = None, changed: set[str] | None = None) -> Corpus:
    """Load and check everything. keep_data=False (for `check`) keeps only problems,
    which spares sending every document back from the worker processes.
    `reuse`, a previous load of the same tree, and `changed`, the paths (relative to root)
    changed since: States whose folder holds none of them are taken from `reuse`."""
    root = root.resolve()
    catalogue, problems = catalogue_stage.load(root)
    registers, found = register_stage.load(root, catalogue)
    corpus = Corpus(root, catalogue, registers, problems=problems + found, kept_data=keep_data)
    folders = _party_folders(root, corpus.problems)
    kept = _unchanged(reuse, changed, root) if keep_data else {}
    loaded = {party.code: (party, found, files) for party, found, files in
              _load_parties(root, [f for f in folders if f.name not in kept], catalogue, registers, jobs, keep_data)}
    for folder in folders:
        party, found, files = kept.get(folder.name) or loaded[folder.name]
        corpus.parties[party.code] = party
        corpus.by_party[party.code] = (found, files)
        corpus.problems += found
        corpus.files += files
    corpus.problems += _cycle_participants(corpus)
    corpus.problems += codeowners.problems(root, corpus.parties)
    corpus.problems += links.problems(root)
    corpus.files += len(catalogue.instruments) + sum(1 for a in catalogue.articles() if a.checklist) + 2
    corpus.problems = sorted(set(corpus.problems))  # a link is found by its loader and by the walk
    return corpus


def _unchanged(reuse: Corpus | None, changed: set[str] | None, root: Path) -> dict[str, tuple[Party, list[Problem], int]]:
    """States of `reuse` that can be kept: none when anything outside State folders changed."""
    if reuse is None or changed is None or reuse.root != root or reuse.published or not reuse.kept_data:
        return {}
    touched = set()
    for path in changed:
        parts = path.split("/")
        if parts[:2] != ["content", "parties"] or len(parts) < 4:
            return {}  # provisions, registers, schemas... every State is checked again
        touched.add(parts[2])
    return {code: (party, *reuse.by_party[code]) for code, party in reuse.parties.items() if code not in touched and code in reuse.by_party}


def _party_folders(root: Path, problems: list[Problem]) -> list[Path]:
    base = root / "content" / "parties"
    if first_link(root, "content/parties") or not base.is_dir():
        return []  # a link is reported by links.problems, and never followed
    folders = []
    for path in sorted(base.iterdir()):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            problems.append(Problem(rel, 1, 1, ERROR, "", LINK))
        elif path.is_dir():
            folders.append(path)
        else:
            problems.append(Problem(rel, 1, 1, WARNING, "", "is not a State folder and is not read; State files go in content/parties/<code>/"))
    return folders


# Set before workers fork, so they share the catalogue instead of receiving a copy per task.
_shared: tuple[Path, Catalogue, Registers, bool] | None = None


def _load_one(folder: Path) -> tuple[Party, list[Problem], int]:
    root, catalogue, registers, keep_data = _shared
    party, problems = party_stage.load(root, folder)
    problems += rules.check_party(party, catalogue, registers)
    files = 0
    for doc in _documents(party):
        doc.forget()
        files += 1
    if not keep_data:
        party = Party(party.code, party.folder)  # problems only
    return party, problems, files


def _load_parties(root: Path, folders: list[Path], catalogue: Catalogue, registers: Registers, jobs: int | None, keep_data: bool):
    global _shared
    _shared = (root, catalogue, registers, keep_data)
    jobs = jobs or os.cpu_count() or 1
    if jobs < 2 or len(folders) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return [_load_one(f) for f in folders]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        return list(pool.map(_load_one, folders, chunksize=max(1, len(folders) // (jobs * 4))))


def _documents(party: Party):
    if party.profile:
        yield party.profile
    yield from party.assessments.values()
    if party.action_plan:
        yield party.action_plan


def _cycle_participants(corpus: Corpus) -> list[Problem]:
    out = []
    for cycle in corpus.registers.cycles.values():
        for code in sorted(cycle.participants or ()):
            if code not in corpus.parties:
                out.append(Problem("content/cycles.yaml", 1, 1, WARNING, f"cycles.{cycle.id}.participants", f"'{code}' has no folder in content/parties/"))
    return out
