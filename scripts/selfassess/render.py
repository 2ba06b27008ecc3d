"""Render the checked corpus as Markdown pages in the docs folder."""
from __future__ import annotations

from pathlib import Path

from .corpus import Corpus


def pages(corpus: Corpus) -> dict[str, str]:
    """Site path -> Markdown."""
    out = {"index.md": "# Implementation profiles\n\nSelf-assessments and action plans of States parties.\n"}
    for code, party in sorted(corpus.parties.items()):
        lines = [f"# {party.name}", ""]
        for name, doc in sorted(party.assessments.items()):
            provision = doc.data.get("provision", "")
            lines.append(f"- {corpus.catalogue.cite(provision)}: {doc.data.get('status')}")
        out[f"parties/{code}.md"] = "\n".join(lines) + "\n"
    return out


def write(corpus: Corpus, docs: Path) -> None:
    """Write pages, rewriting only files whose text changed."""
    wanted = pages(corpus)
    for rel, text in wanted.items():
        path = docs / rel
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if docs.exists():
        for path in docs.rglob("*.md"):
            if path.relative_to(docs).as_posix() not in wanted:
                path.unlink()
