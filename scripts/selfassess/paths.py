"""The one place that maps content to site paths, links and edit URLs.

Pages are Markdown files in the generated docs folder; MkDocs turns
`parties/XAA.md` into `parties/XAA.html` (use_directory_urls is off, so the
built site also works from a folder on disk). Links inside generated HTML are
not rewritten by MkDocs, so they are made relative here, from page to page.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import sources

HOME = "index.md"
PARTIES = "parties/index.md"
PROVISIONS = "provisions/index.md"
ASSISTANCE = "assistance.md"
REPORTING = "reporting-status.md"
OPEN_DATA = "data/index.md"
DATA_REFERENCE = "data/reference.md"
CONTRIBUTING = "contributing.md"
SEARCH = "search.md"
DATA = "data"  # open data files
DOWNLOADS = "downloads"  # per-State documents written by other tools: downloads/<code>/...
CHARTS = "charts"


def party(code: str) -> str:
    return f"parties/{code}.md"


def instrument(iid: str) -> str:
    return f"provisions/{iid}/index.md"


def article(article_id: str) -> str:
    """Page of an article: 'untoc.5' -> provisions/untoc/5.md."""
    iid, number = article_id.split(".")[:2]
    return f"provisions/{iid}/{number}.md"


def anchor(provision: str) -> str:
    """HTML id for a provision on a page: 'untoc.5.1.a' -> 'untoc-5-1-a'."""
    return provision.replace(".", "-")


def action_anchor(code: str, action_id: str) -> str:
    return f"action-{code}-{action_id}".lower().replace(".", "-")


def assistance_type(type_id: str) -> str:
    return f"assistance/{type_id}.md"


def party_data(code: str) -> str:
    return f"{DATA}/parties/{code}.json"


def url(page: str) -> str:
    """Site URL of a docs file: pages end in .html, other files keep their name."""
    return page[:-3] + ".html" if page.endswith(".md") else page


def link(from_page: str, to: str, fragment: str = "") -> str:
    """Relative href from one docs file to another (either a page or a file):
    up to the site root, then down to the target ('../provisions/untoc/5.html')."""
    if to == from_page:
        href = posixpath.basename(url(to))
    else:
        href = "../" * from_page.count("/") + url(to)
    return f"{href}#{fragment}" if fragment else href


@dataclass(frozen=True)
class Repository:
    """Where contributors edit the sources: mkdocs.yml extra.repository, edit_path, view_path."""

    url: str = ""
    edit_path: str = "edit/main/"
    view_path: str = "blob/main/"

    def edit_url(self, rel: str) -> str | None:
        """Web address to edit a content file (path relative to the repository root)."""
        if not self.url:
            return None
        return f"{self.url.rstrip('/')}/{self.edit_path.strip('/')}/{rel}"

    def view_url(self, rel: str) -> str | None:
        """Web address to read a file of the repository."""
        if not self.url:
            return None
        return f"{self.url.rstrip('/')}/{self.view_path.strip('/')}/{posixpath.normpath(rel).lstrip('/')}"


def repository(root: Path) -> Repository:
    """Read the repository address from mkdocs.yml (plain YAML, no tags)."""
    text = sources.repository_text(root, "mkdocs.yml")
    config = yaml.safe_load(text) if text else {}
    extra = (config or {}).get("extra") or {}
    return Repository(
        str(extra.get("repository") or ""),
        str(extra.get("edit_path") or Repository.edit_path),
        str(extra.get("view_path") or Repository.view_path),
    )
