"""The built sample site in a real browser: Debian's chromium driven by Playwright.

axe-core (bundled in the axe-playwright-python wheel) runs in each page type;
the navigation a reader follows and the search are exercised as a person would.
Every request must stay on the local server.
"""
import os
from pathlib import Path

import pytest
from conftest import run_cli
from playwright.sync_api import expect
from sitetools import EPOCH, launched_browser, sample_tree, served, watch

PAGE_TYPES = {
    "home": "index.html",
    "parties index": "parties/index.html",
    "party": "parties/XAA.html",
    "provision": "provisions/untoc/5.html",
    "instrument": "provisions/untoc/index.html",
    "assistance": "assistance.html",
    "assistance type": "assistance/legislative_drafting.html",
    "reporting status": "reporting-status.html",
    "open data": "data/index.html",
    "data reference": "data/reference.html",
    "contributing": "contributing.html",
    "search": "search.html",
}


def axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    root = sample_tree(tmp_path_factory.mktemp("sample") / "repo")
    result = run_cli("--root", str(root), "build", env=dict(os.environ, SOURCE_DATE_EPOCH=EPOCH))
    assert result.returncode == 0, result.stderr
    with served(root / "site") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with launched_browser() as browser:
        yield browser


@pytest.fixture
def page(browser, site_url):
    """A page that records console errors, failed requests and requests to other hosts."""
    context = browser.new_context()
    page = watch(context.new_page(), site_url, 10000)
    page.on("requestfailed", lambda r: page.problems.append(f"failed: {r.url}"))
    yield page
    context.close()


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_no_serious_accessibility_violation(page, site_url, kind):
    page.goto(site_url + PAGE_TYPES[kind])
    page.add_script_tag(content=axe_source())
    result = page.evaluate("() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], f"{kind}: {serious}"
    assert result["passes"], "axe ran no check"
    assert page.problems == []


def test_party_to_provision_and_back(page, site_url):
    page.goto(site_url + "parties/XAA.html")
    expect(page.locator("h1")).to_contain_text("Examplia")
    page.locator("#untoc-5").scroll_into_view_if_needed()
    page.locator("section.sa-assessment", has=page.locator("#untoc-5")).get_by_role("link", name="Checklist, guidance and every State's status").click()
    expect(page).to_have_url(site_url + "provisions/untoc/5.html")
    expect(page.locator("h1")).to_contain_text("UNTOC art. 5")
    row = page.locator("#states ~ div table tr", has_text="Examplia")
    row.get_by_role("link", name="Read the assessment").click()
    expect(page).to_have_url(site_url + "parties/XAA.html#untoc-5")
    expect(page.locator("#untoc-5")).to_be_in_viewport()
    assert page.problems == []


def test_cited_provision_links_to_its_page(page, site_url):
    page.goto(site_url + "parties/XAA.html")
    page.get_by_role("link", name="UNTOC art. 5(3)").first.click()
    expect(page).to_have_url(site_url + "provisions/untoc/5.html#untoc-5-3")
    expect(page.locator("#untoc-5-3")).to_contain_text("UNTOC art. 5(3)")


def test_grid_cell_reads_its_status(page, site_url):
    page.goto(site_url + "parties/XAA.html")
    cell = page.locator("ul.sa-grid li.sa-status-partial a").first
    expect(cell).to_have_accessible_name("UNTOC art. 5: Partially compliant")


@pytest.mark.parametrize("query, expected", [
    ("XAA", "parties/XAA.html"),
    ("Examplia", "parties/XAA.html"),
    ("5(1)(a)", "provisions/untoc/5.html"),
    ("UNTOC 6", "provisions/untoc/6.html"),
    ("vehicle-theft", "parties/XAA.html"),
])
def test_search_finds(page, site_url, query, expected):
    page.goto(site_url + "search.html")
    page.locator(".pagefind-ui__search-input").fill(query)
    first = page.locator(".pagefind-ui__result-link").first
    expect(first).to_be_visible(timeout=15000)
    assert first.get_attribute("href").split("#")[0].endswith(expected)
    assert page.problems == []


def test_search_from_the_home_page(page, site_url):
    page.goto(site_url + "index.html")
    page.get_by_label("Search the profiles").fill("XAA")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(site_url + "search.html?q=XAA")
    link = page.locator(".pagefind-ui__result-link", has_text="Examplia")
    expect(link).to_be_visible(timeout=15000)
    link.click()
    expect(page).to_have_url(site_url + "parties/XAA.html")


def test_parties_index_sorts_and_filters(page, site_url):
    page.goto(site_url + "parties/index.html")
    rows = page.locator("#parties-table tbody tr")
    total = rows.count()
    assert total >= 1
    page.get_by_label("Name or code").fill("no such State")
    expect(page.locator("#parties-table tbody tr:visible")).to_have_count(0)
    expect(page.locator("#parties-filter output")).to_have_text(f"0 of {total} States shown")
    page.get_by_label("Name or code").fill("XAA")
    expect(page.locator("#parties-table tbody tr:visible")).to_have_count(1)
    page.get_by_label("Name or code").fill("")
    header = page.get_by_role("button", name="Code")
    header.click()
    expect(page.locator("#parties-table thead th", has=header)).to_have_attribute("aria-sort", "ascending")
    codes = page.locator("#parties-table tbody tr td:nth-child(2)").all_inner_texts()
    assert codes == sorted(codes)
    header.click()
    codes = page.locator("#parties-table tbody tr td:nth-child(2)").all_inner_texts()
    assert codes == sorted(codes, reverse=True)
