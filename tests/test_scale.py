"""The synthetic corpus `make bench` measures, small: it passes check and builds; and what keeps
large builds and serve's rebuilds fast gives the same results as doing everything again.
Timings live in `make bench` only."""
import json
import os
import re

import pytest
from conftest import REPO, run_cli

from selfassess import corpus, paths, publish, siteview, synthetic
from selfassess.render import Renderer

STATES = 5


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    return synthetic.generate(REPO, tmp_path_factory.mktemp("synthetic") / "repo", STATES)


def test_small_synthetic_corpus_passes_check(small):
    result = run_cli("--root", str(small), "check")
    assert result.returncode == 0, result.stdout
    assert "check passed: 0 errors, 0 warnings" in result.stdout


def test_small_synthetic_corpus_builds(small, tmp_path):
    site = tmp_path / "site"
    result = run_cli("--root", str(small), "build", "--site-dir", str(site), "--timings", env=dict(os.environ, SOURCE_DATE_EPOCH="1795910400"))
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    stages = re.findall(r"^timing: (.+): [\d.]+ s wall, [\d.]+ s cpu$", result.stderr, re.M)
    assert stages == ["load and check", "documents", "render", "mkdocs", "search index", "swap into place"]
    for code in synthetic.codes(STATES):
        page = (site / "parties" / f"{code}.html").read_text(encoding="utf-8")
        assert f"Synthetic State {code}" in page
        assert f"downloads/{code}/{code}-profile.pdf" in page and (site / "downloads" / code / f"{code}-profile.pdf").is_file()
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    articles = sum(1 for _ in (small / "content" / "provisions").glob("*/art-*.md"))
    rows = sum(len(json.loads((site / "data" / "parties" / f"{code}.json").read_text(encoding="utf-8"))["assessments"]) for code in synthetic.codes(STATES))
    assert rows == STATES * articles == STATES * 107
    assert not (site / "data" / "assessments.json").exists()  # full records only per State: no third copy of every narrative


def test_synthetic_corpus_has_the_shape_the_issue_asks_for(small):
    assert synthetic.codes(3) == ["XAA", "XAB", "XAC"] and synthetic.codes(192)[-1] == "XHJ"
    lists = links = 0
    for code in synthetic.codes(STATES):
        folder = small / "content" / "parties" / code
        assessments = sorted((folder / "assessment").glob("*.md"))
        assert len(assessments) == 107
        for path in assessments:
            body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
            prose = "\n".join(line for line in body.splitlines() if not line.startswith("- ") and not line.startswith("See the ["))
            assert 150 <= len(prose.split()) <= 300, path
            lists += "\n- Synthetic Law" in body
            links += "](https://example.org/" in body
        actions = re.findall(r"^  - id: A-\d+$", (folder / "action-plan.yaml").read_text(encoding="utf-8"), re.M)
        assert 15 <= len(actions) <= 30
    assert lists and links  # some narratives use Markdown, as focal points do


def test_synthetic_corpus_is_the_same_every_time(small, tmp_path):
    again = synthetic.generate(REPO, tmp_path / "again", STATES)
    for path in sorted((small / "content" / "parties").rglob("*.md"))[:50]:
        assert (again / path.relative_to(small)).read_bytes() == path.read_bytes()


def test_pages_and_open_data_rendered_on_both_cores_are_the_same(small, monkeypatch):
    import selfassess.render as render

    view = siteview.build(corpus.load(small), paths.Repository("https://example.org/repo"), today="2026-11-29")
    one = Renderer(small, jobs=1).pages(view, small / ".generated" / "docs")
    monkeypatch.setattr(render, "PARALLEL_FROM", 1)
    assert Renderer(small, jobs=2).pages(view, small / ".generated" / "docs") == one


def _problems(loaded):
    return [(p.path, p.line, p.severity, p.message) for p in loaded.problems]


def test_a_reload_keeps_the_states_that_did_not_change(small, tmp_path):
    import shutil

    root = shutil.copytree(small, tmp_path / "repo")
    first = corpus.load(root)
    changed = root / "content" / "parties" / "XAB" / "assessment" / "untoc-05.md"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA new sentence.\n", encoding="utf-8")
    rel = changed.relative_to(root).as_posix()
    second = corpus.load(root, reuse=first, changed={rel})
    assert second.parties["XAA"] is first.parties["XAA"]
    assert second.parties["XAB"] is not first.parties["XAB"]
    assert "A new sentence." in second.parties["XAB"].assessments["untoc-05.md"].body
    assert _problems(second) == _problems(corpus.load(root)) and second.files == first.files

    # A State with an error keeps it while other States change.
    changed.write_text("---\nprovision: untoc.5\nstatus: mostly\n---\n", encoding="utf-8")
    third = corpus.load(root, reuse=second, changed={rel})
    other = root / "content" / "parties" / "XAC" / "profile.yaml"
    other.write_text(other.read_text(encoding="utf-8").replace("name: Synthetic State XAC", "name: Synthetic State XAC, renamed"), encoding="utf-8")
    fourth = corpus.load(root, reuse=third, changed={other.relative_to(root).as_posix()})
    assert [p.path for p in fourth.errors] == [rel]
    assert fourth.parties["XAC"].name == "Synthetic State XAC, renamed"
    assert _problems(fourth) == _problems(corpus.load(root))

    # Anything outside the State folders: every State is read again.
    cycles = root / "content" / "cycles.yaml"
    cycles.write_text(cycles.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    fifth = corpus.load(root, reuse=fourth, changed={"content/cycles.yaml"})
    assert all(fifth.parties[code] is not fourth.parties[code] for code in fourth.parties)


def test_public_view_without_confidential_entries_shares_the_data(small):
    loaded = corpus.load(small)
    party = loaded.parties["XAA"]
    doc = party.assessments["untoc-05.md"]
    shown = publish.public(loaded).parties["XAA"].assessments["untoc-05.md"]
    assert shown.data is doc.data  # nothing to drop: no copy
    assert publish.public(loaded).parties["XAA"] is publish.public(loaded).parties["XAA"]  # worked out once per State


@pytest.mark.parametrize("data, marked", [
    ({"a": 1}, False),
    ({"a": {"b": [{"c": 1, "confidential": True}]}}, True),
    ({"note": "confidential: true, in words only"}, False),
    ({"note": 'the key "confidential": in words'}, False),
    ({"confidential": False}, True),
    ({1: "int key", "x": [1, 2]}, False),
])
def test_confidential_marks_are_found_wherever_they_are(data, marked):
    assert publish._marks_confidential(data) == marked
    if not marked:
        assert publish.redact(data) == data


def test_serve_reloads_a_file_changed_while_it_was_loading(small, tmp_path):
    import shutil

    from selfassess import build
    from selfassess.serve import Watcher, snapshot

    root = shutil.copytree(small, tmp_path / "repo")
    seen = snapshot(root)  # as serve does: the snapshot first, then the load
    loaded = corpus.load(root)
    changed = root / "content" / "parties" / "XAC" / "assessment" / "tip-05.md"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nWritten while serve was starting.\n", encoding="utf-8")
    renderer = Renderer(root, jobs=1)
    build.render(root, loaded, renderer)
    watcher = Watcher(root, renderer, loaded, seen)
    assert "parties/XAC.md" in watcher.once()
    assert "Written while serve was starting." in (root / ".generated" / "docs" / "parties" / "XAC.md").read_text(encoding="utf-8")
    assert watcher.loaded.parties["XAA"] is loaded.parties["XAA"]
