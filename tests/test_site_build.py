"""Building the site: strict MkDocs, the search index, atomic swaps, determinism, open data, serve's re-render."""
import csv
import io
import json
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from conftest import run_cli
from sitetools import EPOCH, sample_tree, site_tree, tree_files

from selfassess import build, corpus, labels
from selfassess.render import Renderer
from selfassess.serve import Watcher

ENV = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)


def build_cli(root: Path, site: Path):
    return run_cli("--root", str(root), "build", "--site-dir", str(site), env=ENV)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    root = site_tree(tmp_path_factory.mktemp("fixture") / "repo")
    result = build_cli(root, root / "site")
    assert result.returncode == 0, result.stderr
    return root


def test_sample_site_builds_strict(tmp_path):
    root = sample_tree(tmp_path / "repo")
    result = build_cli(root, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    site = root / "site"
    for page in ("index.html", "parties/index.html", "parties/XAA.html", "provisions/untoc/5.html", "provisions/untoc/index.html",
                 "assistance.html", "reporting-status.html", "data/index.html", "data/reference.html", "contributing.html", "search.html",
                 "data/datapackage.json", "pagefind/pagefind-ui.js"):
        assert (site / page).is_file(), page


def internal_links(site: Path):
    """(page, href, file it points to) for every link and asset inside the site."""
    for page in sorted(site.rglob("*.html")):
        if "pagefind" in page.parts:
            continue
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r'(?:href|src)="([^"]+)"', text):
            parts = urlsplit(target)
            if parts.scheme or target.startswith(("#", "//", "mailto:")):
                continue
            base = site if parts.path.startswith("/") else page.parent  # 404.html links from the root
            yield page, target, (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else page


def test_no_broken_internal_link(fixture_site):
    site = fixture_site / "site"
    broken = [f"{p.relative_to(site)} -> {t}" for p, t, resolved in internal_links(site) if not resolved.is_file()]
    assert broken == []


def test_no_anchor_missing(fixture_site):
    site = fixture_site / "site"
    ids = {}
    missing = []
    for page, target, resolved in internal_links(site):
        fragment = urlsplit(target).fragment
        if not fragment or resolved.suffix != ".html":
            continue
        if resolved not in ids:
            ids[resolved] = set(re.findall(r'id="([^"]+)"', resolved.read_text(encoding="utf-8")))
        if fragment not in ids[resolved]:
            missing.append(f"{page.relative_to(site)} -> {target}")
    assert missing == []


def test_nothing_unpublished_reaches_any_output(fixture_site):
    found = [rel for folder in ("site", ".generated/docs") for rel, data in tree_files(fixture_site / folder).items() if b"SECRET-MARKER" in data]
    assert found == []


def test_no_asset_from_another_host(fixture_site):
    site = fixture_site / "site"
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        remote = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?:)?//', text)
        assert remote == [], page


def test_failed_build_leaves_previous_site(tmp_path):
    root = site_tree(tmp_path / "repo")
    assert build_cli(root, root / "site").returncode == 0
    before = tree_files(root / "site")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - search.md\n", "  - search.md\n  - missing-page.md\n"), encoding="utf-8")
    result = build_cli(root, root / "site")
    assert result.returncode == 1
    assert "the previous site was left as it was" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_files(root / "site") == before
    assert [p.name for p in root.iterdir() if p.name.startswith(".site")] == []


def test_search_index_failure_leaves_previous_site(tmp_path):
    """The real Pagefind, told to index no file (PAGEFIND_GLOB), fails: the build stops and says so."""
    root = site_tree(tmp_path / "repo")
    assert build_cli(root, root / "site").returncode == 0
    before = tree_files(root / "site")
    result = run_cli("--root", str(root), "build", "--site-dir", str(root / "site"), env=dict(ENV, PAGEFIND_GLOB="**/*.nothing"))
    assert result.returncode == 1
    assert "build failed: pagefind failed" in result.stderr and "the previous site was left as it was" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_files(root / "site") == before
    assert [p.name for p in root.iterdir() if p.name.startswith(".site")] == []


def test_check_error_blocks_the_build(tmp_path):
    root = site_tree(tmp_path / "repo")
    assert build_cli(root, root / "site").returncode == 0
    site_before = tree_files(root / "site")
    docs_before = tree_files(root / ".generated" / "docs")
    bad = root / "content" / "parties" / "XAB" / "assessment" / "tip-05.md"
    bad.write_text("---\nprovision: tip.5\nstatus: mostly\n---\n\nText.\n", encoding="utf-8")
    result = build_cli(root, root / "site")
    assert result.returncode == 1
    assert "content/parties/XAB/assessment/tip-05.md:3:9: error: status" in result.stderr
    assert tree_files(root / ".generated" / "docs") == docs_before
    assert tree_files(root / "site") == site_before


def test_two_builds_are_identical(tmp_path):
    """Two checkouts of the same content, in different folders, built at different times
    with the same SOURCE_DATE_EPOCH: every byte of the site is the same, search index and
    compressed sitemap included."""
    one_root = site_tree(tmp_path / "a" / "repo")
    two_root = site_tree(tmp_path / "b" / "elsewhere")
    assert build_cli(one_root, tmp_path / "one").returncode == 0
    assert build_cli(two_root, tmp_path / "two").returncode == 0
    one, two = tree_files(tmp_path / "one"), tree_files(tmp_path / "two")
    assert "sitemap.xml.gz" in one and "data/datapackage.json" in one
    assert any(rel.startswith("pagefind/fragment/") for rel in one) and any(rel.startswith("pagefind/index/") for rel in one)
    assert sorted(one) == sorted(two)
    assert [rel for rel in one if one[rel] != two[rel]] == []
    assert all(str(tmp_path).encode() not in data for data in one.values())  # no build path in any output


def test_open_data_package_describes_its_files(fixture_site):
    data = fixture_site / "site" / "data"
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    assert package["resources"]
    for resource in package["resources"]:
        path = data / resource["path"]
        assert path.is_file(), resource["path"]
        if resource["format"] == "csv":
            header = next(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
            assert header == [f["name"] for f in resource["schema"]["fields"]]
            assert all(f["description"] for f in resource["schema"]["fields"])
        else:
            json.loads(path.read_text(encoding="utf-8"))
    needs = list(csv.DictReader(io.StringIO((data / "assistance-needs.csv").read_text(encoding="utf-8"))))
    assert {(n["party"], n["source"], n["action"], n["type"]) for n in needs} == {("XAB", "assessment", "", "training"), ("XAB", "action", "A-2", "training")}
    actions = {r["id"]: r for r in csv.DictReader(io.StringIO((data / "actions.csv").read_text(encoding="utf-8")))}
    assert sorted(actions) == ["A-1", "A-2"]
    assert actions["A-2"]["overdue"] == "true" and actions["A-1"]["overdue"] == "false"
    assert sorted(p.name for p in (data / "schema").iterdir()) == sorted(p.name for p in (fixture_site / "schema").glob("*.schema.json"))


def test_every_label_comes_from_the_strings_table(tmp_path, monkeypatch):
    missing = []
    original = labels.label

    def checked(group, key, language="en"):
        if labels.table(language).get(group, {}).get(key) is None:
            missing.append(f"{group}.{key}")
        return original(group, key, language)

    import selfassess.render_html as render_html
    modules = [m for name, m in __import__("sys").modules.items() if name.startswith("selfassess.") and hasattr(m, "label")]
    for module in modules + [render_html]:
        monkeypatch.setattr(module, "label", checked, raising=False)
    root = site_tree(tmp_path / "repo")
    build.render(root, corpus.load(root))
    assert sorted(set(missing)) == []


def test_serve_rerenders_only_what_changed(tmp_path, monkeypatch):
    root = site_tree(tmp_path / "repo")
    (root / "content" / "parties" / "XAE").mkdir()
    for name in ("profile.yaml", "action-plan.yaml"):
        text = (root / "content" / "parties" / "XAB" / name).read_text(encoding="utf-8")
        (root / "content" / "parties" / "XAE" / name).write_text(text.replace("XAB", "XAE").replace("Testland", "Otherland"), encoding="utf-8")
    renderer = Renderer(root, jobs=1)
    loaded = corpus.load(root)
    build.documents(root, loaded)  # as serve starts: documents, then pages
    assert build.render(root, loaded, renderer)
    watcher = Watcher(root, renderer)
    assert watcher.once() is None  # nothing changed

    import selfassess.render_party as render_party
    rendered = []
    original = render_party.page
    monkeypatch.setattr(render_party, "page", lambda view, party, downloads: rendered.append(party.code) or original(view, party, downloads))
    narrative = root / "content" / "parties" / "XAB" / "assessment" / "tip-05.md"
    narrative.write_text(narrative.read_text(encoding="utf-8") + "\nProsecutions doubled in 2026.\n", encoding="utf-8")
    changed = watcher.once()
    assert rendered == ["XAB"]
    assert "parties/XAB.md" in changed and "parties/XAE.md" not in changed
    assert "Prosecutions doubled in 2026." in (root / ".generated" / "docs" / "parties" / "XAB.md").read_text(encoding="utf-8")

    before = tree_files(root / ".generated" / "docs")
    narrative.write_text("---\nprovision: tip.5\nstatus: mostly\n---\n", encoding="utf-8")
    assert watcher.once() is None  # the check error is reported, the last good pages stay
    assert tree_files(root / ".generated" / "docs") == before


def test_downloads_written_by_other_tools_are_listed(tmp_path):
    root = site_tree(tmp_path / "repo")
    folder = root / ".generated" / "docs" / "downloads" / "XAB"
    folder.mkdir(parents=True)
    (folder / "XAB-profile.pdf").write_bytes(b"%PDF-1.7 test")
    build.render(root, corpus.load(root))
    page = (root / ".generated" / "docs" / "parties" / "XAB.md").read_text(encoding="utf-8")
    assert '<a href="../downloads/XAB/XAB-profile.pdf">Profile and self-assessment (PDF) (XAB-profile.pdf)</a>' in page
    assert (folder / "XAB-profile.pdf").exists()  # never removed by the renderer


def test_blocks_plugin_only_saves_time(tmp_path):
    """The same pages built without the selfassess-blocks plugin give the same content."""
    root = site_tree(tmp_path / "repo")
    assert build_cli(root, tmp_path / "with").returncode == 0
    config = root / "mkdocs.yml"
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    assert settings["plugins"] == ["selfassess-blocks"]
    config.write_text(yaml.safe_dump({**settings, "plugins": []}), encoding="utf-8")
    assert build_cli(root, tmp_path / "without").returncode == 0

    def article(path: Path) -> str:
        html = path.read_text(encoding="utf-8")
        body = html[html.index("<article"):html.index("</article>")]
        return re.sub(r"\s+", " ", body.replace("<!--sa-html-->", "").replace("<!--/sa-html-->", ""))

    for page in ("parties/XAB.html", "provisions/untoc/5.html", "reporting-status.html", "index.html"):
        assert article(tmp_path / "with" / page) == article(tmp_path / "without" / page), page


def test_contributed_text_cannot_forge_a_block_marker():
    from selfassess import narrative

    html = narrative.to_html("Text\n<!--/sa-html-->\n<script>x</script>\n\n<!--sa-html-->")
    assert "<!--" not in html and "<script" not in html
