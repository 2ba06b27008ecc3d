"""Defence in depth: if check were bypassed, hostile text still renders inert.

A State whose every field carries hostile text (tests/hostile_site.py) is
rendered by calling the render stage directly, then built with MkDocs and
Pagefind. Every page is audited as HTML, then loaded in Debian's chromium:
no dialog, no console or script error, no request to another host.
"""
import re
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import pytest
from hostile_site import hostile_tree, render_bypassing_check
from playwright.sync_api import expect
from sitetools import launched_browser, served, watch

from selfassess import build

BAD_URL = re.compile(r"^\s*(?:javascript|vbscript|data|file):", re.I)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data"}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = hostile_tree(tmp_path_factory.mktemp("hostile") / "repo")
    loaded = render_bypassing_check(root)
    assert any(p.path.startswith("content/parties/XHH/") for p in loaded.errors), "check would have refused this State"
    build.site(root, root / "site")
    return root / "site"


class _Audit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.script = [], None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in URL_ATTRIBUTES and value and BAD_URL.match(value):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and value and tag in ("script", "link", "img", "iframe") and urlsplit(value).netloc:
                self.found.append(f"<{tag}> from another host: {value}")
        if tag in ("iframe", "object", "embed", "base", "style", "frame"):
            self.found.append(f"<{tag}>")
        if tag == "meta" and any(n == "http-equiv" and (v or "").lower() == "refresh" for n, v in attrs):
            self.found.append("<meta http-equiv=refresh>")
        self.script = "" if tag == "script" else None

    def handle_data(self, data):
        if self.script is not None:
            self.script += data

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None and "alert(" in self.script:
            self.found.append(f"<script>{self.script[:60]}")
        self.script = None


def pages(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "pagefind" not in p.parts)


def test_every_page_is_inert_html(hostile_site):
    assert "parties/XHH.html" in pages(hostile_site)
    found = {}
    for rel in pages(hostile_site):
        audit = _Audit()
        audit.feed((hostile_site / rel).read_text(encoding="utf-8"))
        if audit.found:
            found[rel] = audit.found
    assert found == {}
    party = (hostile_site / "parties" / "XHH.html").read_text(encoding="utf-8")
    assert "&lt;/title&gt;&lt;script&gt;alert" in party  # the hostile name is there, as text


@pytest.fixture(scope="module")
def browser():
    with launched_browser() as browser:
        yield browser


def watched_page(browser, base):
    return watch(browser.new_context().new_page(), base, 15000)


def test_every_page_loads_without_dialog_error_or_other_host(hostile_site, browser):
    with served(hostile_site) as base:
        page = watched_page(browser, base)
        problems = []
        for rel in pages(hostile_site):
            page.goto(base + rel, wait_until="load")
            problems += [f"{rel}: {p}" for p in page.problems]
            page.problems.clear()
        page.context.close()
    assert problems == []


def test_searching_the_hostile_text_stays_inert(hostile_site, browser):
    with served(hostile_site) as base:
        page = watched_page(browser, base)
        page.goto(base + "search.html")
        page.locator(".pagefind-ui__search-input").fill("Hostilia script alert")
        expect(page.locator(".pagefind-ui__result-link").first).to_be_visible(timeout=15000)
        expect(page.locator(".pagefind-ui__result-excerpt").first).to_be_visible()
        assert page.locator(".pagefind-ui__results script, .pagefind-ui__results img, .pagefind-ui__results iframe").count() == 0
        problems = list(page.problems)
        page.context.close()
    assert problems == []


def test_no_broken_internal_link_from_hostile_text(hostile_site):
    """Real href/src attributes only (the text shows escaped tags such as <a href="x">)."""
    class Links(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.targets = []

        def handle_starttag(self, tag, attrs):
            self.targets += [v for n, v in attrs if n in ("href", "src") and v]

    broken = []
    for rel in pages(hostile_site):
        links = Links()
        links.feed((hostile_site / rel).read_text(encoding="utf-8"))
        for target in links.targets:
            parts = urlsplit(target)
            if parts.scheme or target.startswith(("#", "//")) or not parts.path:
                continue
            base = hostile_site if parts.path.startswith("/") else (hostile_site / rel).parent
            if not (base / unquote(parts.path).lstrip("/")).resolve().is_file():
                broken.append(f"{rel} -> {target}")
    assert broken == []
