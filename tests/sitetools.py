"""Helpers for the site tests: fixture trees, built sites, a local web server, the browser."""
from __future__ import annotations

import contextlib
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from conftest import FIXTURES, REPO, make_tree

from selfassess.localsite import CHROMIUM, CHROMIUM_ARGS, served  # noqa: F401 (served: for the tests)

TODAY = "2026-11-29"  # the reference date of the golden pages
EPOCH = "1795910400"  # 2026-11-29T00:00:00Z, the same date for SOURCE_DATE_EPOCH
REPOSITORY = "https://example.org/untoc-profiles"
SITE_FILES = ("mkdocs.yml", "overrides", "schema")


def with_site_files(dest: Path) -> Path:
    """Copy what a build needs besides content/: mkdocs.yml, overrides/, schema/."""
    for name in SITE_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, dest / name, dirs_exist_ok=True)
        else:
            shutil.copy(source, dest / name)
    return dest


def site_tree(dest: Path) -> Path:
    """The site fixture: the base tree with tests/fixtures/site on top, ready to build."""
    make_tree(dest)
    shutil.copytree(FIXTURES / "site", dest, dirs_exist_ok=True)
    return with_site_files(dest)


def sample_tree(dest: Path) -> Path:
    """A copy of the repository's own content (the sample site), ready to build."""
    shutil.copytree(REPO / "content", dest / "content")
    if (REPO / "CONTRIBUTING.md").exists():
        shutil.copy(REPO / "CONTRIBUTING.md", dest / "CONTRIBUTING.md")
    return with_site_files(dest)


def tree_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@contextlib.contextmanager
def launched_browser():
    """Debian's chromium, driven by Playwright, for the length of the block."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is needed: apt-get install -y chromium (scripts/install-system-packages.sh)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def watch(page, base: str, timeout_ms: int):
    """Make `page` record in page.problems console errors, script errors, dialogs (dismissed) and
    requests to any host but `base`'s."""
    page.set_default_timeout(timeout_ms)
    page.problems = []
    host = urlsplit(base).netloc
    page.on("console", lambda m: m.type == "error" and page.problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: page.problems.append(f"script error: {e}"))
    page.on("dialog", lambda d: page.problems.append(f"dialog: {d.message}") or d.dismiss())
    page.on("request", lambda r: urlsplit(r.url).netloc not in (host, "") and not r.url.startswith("data:") and page.problems.append(f"request to another host: {r.url}"))
    return page
