"""What the generated pages say, on the site fixture: history, overdue actions, consent, links back."""
import pytest
from sitetools import REPOSITORY, TODAY, site_tree

from selfassess import corpus, paths, siteview
from selfassess.render import Renderer

HISTORY = {
    "content/parties/XAB/profile.yaml": "2026-03-01",
    "content/parties/XAB/assessment/tip-05.md": "2026-10-20",
    "content/parties/XAB/assessment/untoc-06.md": "2026-11-20",  # a draft: never shown
    "content/parties/XAC/assessment/untoc-05.md": "2026-11-21",  # consent to the profile only
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    root = site_tree(tmp_path_factory.mktemp("pages") / "repo")
    view = siteview.build(corpus.load(root), paths.Repository(REPOSITORY), history=HISTORY, today=TODAY)
    return Renderer(root, jobs=1).pages(view, root / ".generated" / "docs")


def test_last_change_comes_from_published_files_only(pages):
    assert "<dt>Last changed</dt><dd>2026-10-20</dd>" in pages["parties/XAB.md"]
    assert "<dt>Last changed</dt><dd>not recorded</dd>" in pages["parties/XAC.md"]
    home = pages["index.md"]
    assert "2026-10-20: <strong>Testland</strong>" in home and "2026-03-01: <strong>Testland</strong>" in home
    assert "2026-11-20" not in home and "2026-11-21" not in home


def test_overdue_actions_are_flagged_in_words(pages):
    page = pages["parties/XAB.md"]
    a2 = page[page.index('id="action-xab-a-2"'):]
    a1 = page[page.index('id="action-xab-a-1"'):page.index('id="action-xab-a-2"')]
    assert "Overdue" in a2[:400]
    assert "Overdue" not in a1


def test_profile_only_state_shows_no_assessment(pages):
    page = pages["parties/XAC.md"]
    assert "publishes its profile only" in page
    assert "Self-assessment by article" not in page
    assert "Not published" in pages["parties/index.md"]


def test_unconsented_state_is_nowhere(pages):
    assert "parties/XAD.md" not in pages
    assert all("XAD" not in text for text in pages.values())


def test_provision_page_links_back_to_each_assessment(pages):
    page = pages["provisions/untoc/5.md"]
    assert '<a href="../../parties/XAB.html#untoc-5">Read the assessment</a>' in page
    assert 'id="untoc-5-1-a"' in page and 'id="untoc-5-3"' in page
    assert "Testland notified its conspiracy offence." in page  # the declaration on 5(3)


def test_edit_links_point_at_the_repository(pages):
    assert f'href="{REPOSITORY}/edit/main/content/parties/XAB/assessment/untoc-05.md"' in pages["parties/XAB.md"]
    assert f"]({REPOSITORY}/blob/main/content/parties)" in pages["contributing.md"]


def test_state_pages_rendered_in_parallel_are_the_same(tmp_path, monkeypatch):
    import selfassess.render as render

    root = site_tree(tmp_path / "repo")
    view = siteview.build(corpus.load(root), paths.Repository(REPOSITORY), today=TODAY)
    one = Renderer(root, jobs=1).pages(view, root / ".generated" / "docs")
    monkeypatch.setattr(render, "PARALLEL_FROM", 1)
    assert Renderer(root, jobs=2).pages(view, root / ".generated" / "docs") == one
