"""Text a State writes carries its language on the page (WCAG 2.1 AA, 3.1.2 Language of Parts),
and Arabic reads right to left; the generator's own labels stay in the page's language."""
from conftest import make_tree
from selfassess import build, corpus

NARRATIVE = "تجرّم المادة 212 من قانون العقوبات المشاركة في جمعية أشرار."


def test_arabic_state_text_is_marked_right_to_left(tmp_path):
    root = make_tree(tmp_path / "repo")
    profile = root / "content/parties/XAB/profile.yaml"
    profile.write_text(profile.read_text().replace("languages: [en]", "languages: [ar]"))
    assessment = root / "content/parties/XAB/assessment/untoc-05.md"
    text = assessment.read_text().replace("The offence exists but covers only some serious crimes.", NARRATIVE)
    assessment.write_text(text.replace("description: Participation offence.", "description: جريمة المشاركة."))
    build.render(root, corpus.load(root), history={})
    page = (root / ".generated/docs/parties/XAB.md").read_text(encoding="utf-8")
    assert f'<div class="sa-narrative" lang="ar" dir="rtl">\n<p>{NARRATIVE}</p>' in page
    assert '<span lang="ar" dir="rtl">جريمة المشاركة.</span>' in page
    assert 'lang="ar"' not in page.split("sa-facts")[1].split("</dt>")[0]  # labels are not marked


def test_text_in_the_page_language_is_not_marked(tmp_path):
    root = make_tree(tmp_path / "repo")
    build.render(root, corpus.load(root), history={})
    page = (root / ".generated/docs/parties/XAB.md").read_text(encoding="utf-8")
    assert "The offence exists" in page and ' lang="' not in page
