"""Scope guard: a pull request changes one State's folder, and nothing shared with it.

A State's team reviews its own folder (see .github/CODEOWNERS). A pull request
that touches two States, or a State's folder together with files every State
depends on (schemas, provisions, build code, workflows), escapes that review,
so it fails unless a maintainer labels it as intended.
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field

PARTIES = "content/parties/"
SEVERAL_STATES = "allow-several-states"
SHARED_FILES = "allow-shared-files"
_CODE = re.compile(r"^[A-Z]{3}$")

# (path prefix or exact path, area); the first match wins.
AREAS = (
    ("content/provisions/", "provisions"),
    ("content/cycles.yaml", "registers"),
    ("content/assistance-types.yaml", "registers"),
    ("content/", "content"),
    ("schema/", "schemas"),
    (".github/workflows/", "workflows"),
    (".github/", "repository"),
    (".ci/", "build"),
    ("scripts/", "build"),
    ("overrides/", "build"),
    ("mkdocs.yml", "build"),
    ("pyproject.toml", "build"),
    ("Makefile", "build"),
    ("tests/", "tests"),
)


def classify(path: str) -> tuple[str, str | None]:
    """(area, State code) of a repository path; area is 'party' for a State's own files."""
    if path.startswith(PARTIES):
        code, slash, _ = path[len(PARTIES):].partition("/")
        if slash and _CODE.match(code):
            return "party", code
    for prefix, area in AREAS:
        if path == prefix or (prefix.endswith("/") and path.startswith(prefix)):
            return area, None
    return "other", None


@dataclass
class Verdict:
    parties: list[str]  # State codes whose folders change
    outside: list[tuple[str, str]]  # (path, area) of changed files outside State folders
    labels: list[str]
    failures: list[str] = field(default_factory=list)
    allowed: list[str] = field(default_factory=list)  # what a label let through

    @property
    def ok(self) -> bool:
        return not self.failures

    def as_dict(self) -> dict:
        return {
            "ok": self.ok,
            "parties": self.parties,
            "outside": [{"path": p, "area": a} for p, a in self.outside],
            "labels": self.labels,
            "failures": self.failures,
            "allowed": self.allowed,
        }


def judge(paths: list[str], labels: list[str]) -> Verdict:
    """Apply the two rules to the changed paths."""
    parties: set[str] = set()
    outside: list[tuple[str, str]] = []
    for path in sorted(set(paths)):
        area, code = classify(path)
        if code:
            parties.add(code)
        else:
            outside.append((path, area))
    verdict = Verdict(sorted(parties), outside, sorted(set(labels)))
    if len(parties) > 1:
        message = (
            f"This pull request changes the folders of {len(parties)} States ({', '.join(sorted(parties))}). "
            "Each State's team reviews its own folder, so each State's changes go in a pull request of their own: "
            f"split it, or a maintainer can add the label '{SEVERAL_STATES}' if this is intended."
        )
        (verdict.allowed if SEVERAL_STATES in labels else verdict.failures).append(message)
    if parties and outside:
        shown = ", ".join(f"{p} ({a})" for p, a in outside[:5]) + (f" and {len(outside) - 5} more" if len(outside) > 5 else "")
        message = (
            f"This pull request changes a State's folder ({', '.join(sorted(parties))}) together with files shared by "
            f"every State: {shown}. Changes to shared files need their own pull request and a maintainer's review: "
            f"move them out, or a maintainer can add the label '{SHARED_FILES}' if this is intended."
        )
        (verdict.allowed if SHARED_FILES in labels else verdict.failures).append(message)
    return verdict


def report(verdict: Verdict, fmt: str, out=sys.stdout) -> None:
    if fmt == "json":
        json.dump(verdict.as_dict(), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    states = ", ".join(verdict.parties) or "none"
    print(f"States changed: {states}; files outside State folders: {len(verdict.outside)}", file=out)
    for message in verdict.allowed:
        print(f"allowed by label: {message}", file=out)
    for message in verdict.failures:
        print(f"error: {message}", file=out)
        if fmt == "github":
            print(f"::error title=Scope of the pull request::{message}", file=out)
    print("scope passed" if verdict.ok else "scope failed", file=out)


def main(root, base: str, head: str, labels: list[str], fmt: str) -> int:
    from . import revisions

    try:
        repo, prefix = revisions.toplevel(root)
        base_sha, head_sha = revisions.commit(repo, base), revisions.commit(repo, head)
        since = revisions.merge_base(repo, base_sha, head_sha)
        changed = revisions.changed_files(repo, since, head_sha, prefix)
    except revisions.GitError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    verdict = judge([path for _, path in changed], labels)
    report(verdict, fmt)
    return 0 if verdict.ok else 1
