"""export_all: what the site build calls to publish DOCX and PDF for every published State."""
from pathlib import Path

from office_helpers import language_tree, pdf_text
from selfassess import corpus
from selfassess.office import export


def _run(root: Path, dest: Path, cache: Path, worker_tasks=None):
    return {d.code: d.reused for d in export.export_all(corpus.load(root), dest, cache, jobs=2, worker_tasks=worker_tasks)}


def test_every_published_state_once_then_only_what_changed(tmp_path):
    root = language_tree(tmp_path / "repo", {"content/parties/XZZ/profile.yaml": (
        "code: XZZ\nname: Hiddenland\nregional_group: african\nlanguages: [en]\n"
        "instruments:\n  untoc:\n    status: not_party\npublication:\n  consent: none\n")})
    dest, cache = tmp_path / "site" / "documents", tmp_path / "cache"
    assert _run(root, dest, cache, worker_tasks=1) == {"XAB": False, "XAR": False, "XZH": False}
    names = sorted(p.name for p in dest.iterdir())
    assert names == [f"{c}-profile.{f}" for c in ("XAB", "XAR", "XZH") for f in ("docx", "pdf")]
    assert "Testland" in pdf_text(dest / "XAB-profile.pdf")
    assert len(list(cache.iterdir())) == 6

    fresh = tmp_path / "site2"
    assert _run(root, fresh, cache) == {"XAB": True, "XAR": True, "XZH": True}
    assert (fresh / "XAR-profile.pdf").read_bytes() == (dest / "XAR-profile.pdf").read_bytes()

    narrative = root / "content/parties/XAR/assessment/untoc-05.md"
    narrative.write_text(narrative.read_text(encoding="utf-8").replace("بثلاثة", "بثلاثة أعضاء فقط"), encoding="utf-8")
    assert _run(root, fresh, cache) == {"XAB": True, "XAR": False, "XZH": True}
    assert "فقط" in pdf_text(fresh / "XAR-profile.pdf")
    assert len(list(cache.iterdir())) == 6, "the superseded XAR documents are pruned from the cache"
