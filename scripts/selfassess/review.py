"""`diff BASE [HEAD]`: the summary of what a change does to each State's package.

Compares HEAD with the commit where it branched off BASE (as a pull request
does), loading the content of each revision from git into a temporary folder.
When HEAD's content does not pass `check`, its errors are reported instead.
Exit codes: 0 summary written, 1 HEAD has errors, 2 the revisions cannot be compared.
"""
from __future__ import annotations

import datetime
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import corpus as corpus_stage
from . import dates, diff_report, revisions, semantic_diff
from .catalogue import Catalogue
from .scope_guard import classify


@dataclass
class Summary:
    data: dict  # plain data, as printed by --format json
    catalogue: Catalogue = field(default_factory=Catalogue)  # HEAD's, for citations
    assistance_types: dict[str, str] = field(default_factory=dict)  # id -> name at HEAD


def summarize(root: Path, base: str, head: str, on: str | None = None) -> Summary:
    """The summary of changes; raises revisions.GitError."""
    repo, prefix = revisions.toplevel(root)
    base_sha, head_sha = revisions.commit(repo, base), revisions.commit(repo, head)
    since = revisions.merge_base(repo, base_sha, head_sha)
    changed = revisions.changed_files(repo, since, head_sha, prefix)
    files = []
    for change, path in changed:
        area, code = classify(path)
        files.append({"path": path, "change": change, "area": area, "party": code})
    result = {
        "ok": True,
        "base": {"rev": base, "commit": base_sha, "merge_base": since, "date": revisions.commit_date(repo, since)},
        "head": {"rev": head, "commit": head_sha, "date": on or dates.today()},
        "files": files,
        "parties": [],
    }
    with tempfile.TemporaryDirectory(prefix="selfassess-diff-") as tmp:
        head_corpus = corpus_stage.load(revisions.export(repo, head_sha, prefix, Path(tmp) / "head"))
        types = {k: str(v.get("name", k)) for k, v in head_corpus.registers.assistance_types.items()}
        summary = Summary(result, head_corpus.catalogue, types)
        if head_corpus.errors:
            result["ok"] = False
            result["errors"] = [p.as_dict() for p in head_corpus.errors]
            return summary
        codes = sorted({f["party"] for f in files if f["party"]})
        if not codes:
            return summary
        base_corpus = corpus_stage.load(revisions.export(repo, since, prefix, Path(tmp) / "base"))
        if base_corpus.errors:
            result["base_errors"] = len(base_corpus.errors)
        result["parties"] = semantic_diff.compare(
            base_corpus, head_corpus, codes, result["base"]["date"], result["head"]["date"], {f["path"] for f in files}
        )
    return summary


def _is_date(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def main(root: Path, base: str, head: str, fmt: str, on: str | None = None, out=None) -> int:
    out = out or sys.stdout
    if on is not None and not _is_date(on):
        print(f"error: --on '{on}' is not a date written YYYY-MM-DD", file=sys.stderr)
        return 2
    try:
        summary = summarize(root, base, head, on)
    except revisions.GitError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    data = summary.data
    if fmt == "json":
        out.write(diff_report.as_json(data))
    elif not data["ok"]:
        out.write(diff_report.head_errors(data))
    else:
        out.write(diff_report.Markdown(summary.catalogue, summary.assistance_types).render(data))
    return 0 if data["ok"] else 1
