"""`selfassess new`: a State's folder that passes check, with warnings for what is left to do."""
import shutil

import yaml

from conftest import REPO, run_cli
from selfassess import corpus, yamlstrict
from selfassess.sources import split_front_matter

OWNERS = "* @example/untoc-maintainers\n\n# BEGIN State folders\n/content/parties/XAB/ @example/party-xab\n# END State folders\n"


def with_checklists(root):
    """The real checklists, so the scaffold has questions to copy."""
    for instrument in ("untoc", "tip"):
        shutil.copytree(REPO / "content" / "provisions" / instrument, root / "content" / "provisions" / instrument)
    return root


def test_new_state_passes_check_with_warnings(tree):
    root = with_checklists(tree({".github/CODEOWNERS": OWNERS}))
    result = run_cli("--root", str(root), "new", "XAC", "--name", "Fictionia", "--regional-group", "african")
    assert result.returncode == 0, result.stderr
    folder = root / "content" / "parties" / "XAC"
    written = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    # One assessment per article of the current cycle's scope (the fixture's pilot: untoc.5, tip.5).
    assert written == ["action-plan.yaml", "assessment/tip-05.md", "assessment/untoc-05.md", "profile.yaml"]
    loaded = corpus.load(root)
    assert loaded.errors == []
    mine = [str(p) for p in loaded.warnings if "/XAC/" in p.path]
    assert "content/parties/XAC/assessment/untoc-05.md:55:9: warning: status: not yet assessed; set the status and write the narrative below the front matter" in mine
    assert any("tip-05.md" in w and "not yet assessed" in w for w in mine)
    assert "XAC" in loaded.parties and loaded.parties["XAC"].name == "Fictionia"


def test_checklist_questions_are_comments_not_data(tree):
    root = with_checklists(tree())
    assert run_cli("--root", str(root), "new", "XAC", "--name", "Fictionia").returncode == 0
    text = (root / "content/parties/XAC/assessment/untoc-05.md").read_text(encoding="utf-8")
    fm = split_front_matter(text, "x")
    data, problems = yamlstrict.load(fm.yaml, "x")
    assert problems == [] and data == {"provision": "untoc.5", "status": "not_assessed"}
    assert fm.body.strip() == ""  # nothing in the narrative that could be published by mistake
    checklist = yaml.safe_load((REPO / "content/provisions/untoc/art-05.md").read_text(encoding="utf-8").split("---")[1])
    first = " ".join(checklist["parts"][0]["questions"][0]["text"].split()[:6])
    assert f"#   q1 (UNTOC art. 5(1)): {first}" in text


def test_profile_publishes_nothing_until_consent(tree):
    root = with_checklists(tree())
    run_cli("--root", str(root), "new", "XAC", "--name", 'Fictionia "the Bold": Ünïcode')
    data, problems = yamlstrict.load((root / "content/parties/XAC/profile.yaml").read_text(encoding="utf-8"), "x")
    assert problems == []
    assert data["name"] == 'Fictionia "the Bold": Ünïcode'
    assert data["publication"] == {"consent": "none"}
    assert data["regional_group"] == "none" and data["languages"] == ["en"]


def test_codeowners_gets_the_new_state(tree):
    root = with_checklists(tree({".github/CODEOWNERS": OWNERS}))
    result = run_cli("--root", str(root), "new", "XAC", "--name", "Fictionia")
    assert "wrote .github/CODEOWNERS" in result.stdout
    assert (root / ".github/CODEOWNERS").read_text(encoding="utf-8") == (
        "* @example/untoc-maintainers\n\n"
        "# BEGIN State folders: kept by 'selfassess new' and 'selfassess owners --write'\n"
        "/content/parties/XAB/ @example/party-xab\n"
        "/content/parties/XAC/ @example/party-xac\n"
        "# END State folders\n"
    )
    run_cli("--root", str(root), "new", "XAD", "--name", "Mocklandia", "--team", "@example/mocklandia-focal-points")
    assert "/content/parties/XAD/ @example/mocklandia-focal-points\n" in (root / ".github/CODEOWNERS").read_text(encoding="utf-8")


def test_refusals(tree):
    root = with_checklists(tree())
    cases = [
        (["new", "xac", "--name", "Fictionia"], "error: 'xac' is not a State code"),
        (["new", "XAB", "--name", "Testland"], "error: content/parties/XAB/ already exists; edit its files instead"),
        (["new", "XAC", "--name", "  "], "error: --name is empty"),
        (["new", "XAC", "--name", "F", "--regional-group", "europe"], "error: --regional-group 'europe' is not one of: african,"),
        (["new", "XAC", "--name", "F", "--language", "English"], "error: --language 'English' is not an ISO 639-1 code"),
    ]
    for args, message in cases:
        result = run_cli("--root", str(root), *args)
        assert result.returncode == 1, args
        assert result.stderr.startswith(message), result.stderr
        assert "Traceback" not in result.stderr
    assert not (root / "content/parties/XAC").exists()


def test_state_missing_from_codeowners_is_an_error(tree):
    root = tree({".github/CODEOWNERS": "* @example/untoc-maintainers\n"})
    found = [str(p) for p in corpus.load(root).problems]
    assert found == [
        ".github/CODEOWNERS:1:1: error: content/parties/XAB/ has no owner; run 'selfassess owners --write' "
        "to add '/content/parties/XAB/ @example/party-xab' (then adjust the team if needed)"
    ]
    result = run_cli("--root", str(root), "owners")
    assert result.returncode == 1
    result = run_cli("--root", str(root), "owners", "--write")
    assert result.returncode == 0 and "(State folders: 1; added: XAB)" in result.stdout
    assert corpus.load(root).problems == []
    assert run_cli("--root", str(root), "owners").returncode == 0


def test_stale_codeowners_line_is_a_warning(tree):
    root = tree({".github/CODEOWNERS": OWNERS.replace("# END", "/content/parties/XZZ/ @example/party-xzz\n# END")})
    found = [str(p) for p in corpus.load(root).problems]
    assert found == [".github/CODEOWNERS:5:1: warning: names content/parties/XZZ/, which does not exist; run 'selfassess owners --write' to remove the line"]


def test_repository_codeowners_covers_every_state():
    """The repository's own CODEOWNERS: every State folder has its team."""
    assert [str(p) for p in corpus.load(REPO).problems if p.path == ".github/CODEOWNERS"] == []
