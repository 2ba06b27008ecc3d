"""Load a State's folder: content/parties/<code>/ with its profile, assessments and action plan."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import documents, sources, yamlfast
from .documents import Document
from .problems import ERROR, WARNING, Problem
from .sources import LINK

PROFILE = "profile.yaml"
ACTION_PLAN = "action-plan.yaml"
ASSESSMENTS = "assessment"
CODE = re.compile(r"^[A-Z]{3}$")
ASSESSMENT_NAME = re.compile(r"^(?P<instrument>[a-z]+)-(?P<number>\d{2,3})\.md$")


@dataclass
class Party:
    code: str
    folder: str  # relative path of the folder
    profile: Document | None = None
    assessments: dict[str, Document] = field(default_factory=dict)  # by file name, those that loaded
    assessment_files: set[str] = field(default_factory=set)  # every file name in assessment/
    action_plan: Document | None = None

    @property
    def name(self) -> str:
        return str(self.profile.data.get("name", self.code)) if self.profile else self.code

    def memo(self, key: str, make):
        """make(), worked out once for this State: a loaded State is never modified, and
        `serve` keeps the States whose files did not change from one load to the next."""
        store = self.__dict__.setdefault("_memo", {})
        if key not in store:
            store[key] = make()
        return store[key]


def load(root: Path, folder: Path) -> tuple[Party, list[Problem]]:
    with yamlfast.quiet():
        return _load(root, folder)


def _load(root: Path, folder: Path) -> tuple[Party, list[Problem]]:
    rel = folder.relative_to(root).as_posix()
    party = Party(folder.name, rel)
    problems: list[Problem] = []
    if not CODE.match(folder.name):
        problems.append(Problem(rel, 1, 1, ERROR, "", f"folder name '{folder.name}' must be the State's three-letter code in capitals, e.g. XAA"))
    profile = folder / PROFILE
    if profile.exists() or profile.is_symlink():
        party.profile, found = documents.load(root, profile, "profile")
        problems += found
    else:
        problems.append(Problem(f"{rel}/{PROFILE}", 1, 1, ERROR, "", "is missing; every State folder needs a profile (run 'selfassess new' to create one)"))
    plan = folder / ACTION_PLAN
    if plan.exists() or plan.is_symlink():
        party.action_plan, found = documents.load(root, plan, "action-plan")
        problems += found
    else:
        problems.append(Problem(f"{rel}/{ACTION_PLAN}", 1, 1, WARNING, "", "is missing; add an action plan, even an empty one (actions: [])"))
    for path in sorted(folder.iterdir()):
        if path.name in (PROFILE, ACTION_PLAN):
            continue
        if path.is_symlink():
            problems.append(Problem(path.relative_to(root).as_posix(), 1, 1, ERROR, "", LINK))
        elif path.name == ASSESSMENTS and path.is_dir():
            problems += _load_assessments(root, path, party)
        else:
            problems.append(_not_read(root, path))
    return party, problems


def _load_assessments(root: Path, folder: Path, party: Party) -> list[Problem]:
    problems: list[Problem] = []
    prefix = f"{party.folder}/{ASSESSMENTS}/"
    with sources.folder(root, prefix.rstrip("/")) as fd:  # opened once, no link followed
        for entry in sorted(os.scandir(fd), key=lambda e: e.name):
            name, path = entry.name, folder / entry.name
            party.assessment_files.add(name)
            if not name.endswith(".md") or entry.is_dir(follow_symlinks=False):
                problems.append(_not_read(root, path))
                continue
            doc, found = documents.load(root, path, "assessment", front_matter=True, rel=prefix + name, dir_fd=fd)
            problems += found
            if doc is not None:
                party.assessments[name] = doc
    return problems


def _not_read(root: Path, path: Path) -> Problem:
    rel = path.relative_to(root).as_posix()
    kind = "folder" if path.is_dir() else "file"
    return Problem(
        rel, 1, 1, WARNING, "",
        f"this {kind} is not part of the content model and is not read or published; "
        "move its content into profile.yaml, action-plan.yaml or assessment/<instrument>-<NN>.md",
    )
