"""The Word questionnaire: export, fill programmatically, import, check, and every answer in the files."""
import shutil

from docx.oxml.ns import qn

from conftest import REPO, run_cli
from form_filling import Form
from office_helpers import docx_text
from selfassess import corpus


def with_checklists(root):
    """The real checklists of the articles the fixture's cycle covers."""
    for rel in ("untoc/art-05.md", "tip/art-05.md"):
        target = root / "content" / "provisions" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "content" / "provisions" / rel, target)
    return root


def export_form(root, tmp_path, code="XAB"):
    out = tmp_path / f"{code}-form.docx"
    result = run_cli("--root", str(root), "export", code, "--questionnaire", "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_form_holds_the_checklist_and_the_prefilled_answers(tree, tmp_path):
    root = with_checklists(tree())
    form = export_form(root, tmp_path)
    text = docx_text(form)
    assert "Self-assessment form: Testland (XAB)" in text
    assert "including what the State marked as not for publication" in text
    assert "UNTOC art. 5: Criminalization of participation in an organized criminal group" in text
    assert "TIP Protocol art. 5: Criminalization" in text
    assert "q1. Does your law make it an offence, separate from any attempted or completed crime" in text
    assert "What a complete answer contains" in text and "Common gaps" in text
    assert "The offence exists but covers only some serious crimes." in text  # the narrative, prefilled
    filled = Form(form)
    assert filled.table("sa:measures:untoc.5").rows[1].cells[2].text == "Participation offence."
    assert filled.table("sa:laws:untoc.5").rows[1].cells[2].text == "art. 1.10"  # text stays as written
    status = filled.control("sa:choice:untoc.5:status")
    items = [i.get(qn("w:displayText")) for i in status.iter(qn("w:listItem"))]
    assert items == ["Fully compliant", "Partially compliant", "Not compliant", "Not applicable", "Not yet assessed"]
    assert "".join(t.text for t in status.iter(qn("w:t"))) == "Partially compliant"
    assert "".join(t.text for t in filled.control("sa:choice:tip.5:status").iter(qn("w:t"))) == "Not yet assessed"
    locks = {s.find(f"{qn('w:sdtPr')}/{qn('w:lock')}").get(qn("w:val")) for s in filled.body if s.tag == qn("w:sdt")}
    assert locks == {"sdtLocked", "sdtContentLocked"}  # guidance locked; answer boxes cannot be deleted
    assert all(child.tag in (qn("w:sdt"), qn("w:sectPr")) for child in filled.body)


def test_unchanged_form_changes_nothing(tree, tmp_path):
    root = with_checklists(tree())
    form = export_form(root, tmp_path)
    result = run_cli("--root", str(root), "import", "XAB", str(form), "--write")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "The form matches the State's files: nothing to change." in result.stdout


def fill(form_path):
    form = Form(form_path)
    form.choose("sa:choice:untoc.5:status", "Fully compliant")
    form.write_cell("sa:fields:untoc.5", 2, 1, "2026-10-31")
    form.add_row("sa:measures:untoc.5", "2", "Legislation", "Organized Crime Act 2026 covers every serious crime.", "")
    form.add_row("sa:laws:untoc.5", "2", "Organized Crime Act", "ss. 3-9", "2026", "In force", "https://laws.testland.example/oca")
    form.add_row("sa:challenges:untoc.5", "Capacity", "Too few specialized prosecutors outside the capital.", "Yes")
    form.write_cell("sa:assistance:untoc.5", 1, 2, "Requested")
    form.write_cell("sa:assistance:untoc.5", 1, 3, "UNODC")
    form.add_row("sa:paragraphs:untoc.5", "5(3)", "Not applicable", "Our conspiracy offence needs no overt act.")
    form.write_narrative("sa:narrative:untoc.5", [
        [("The Organized Crime Act 2026 ", ""), ("closes the gap", "b"), (" left by the Penal Code.", "")],
        [("Courts applied it in ", ""), ("three", "i"), (" cases in its first year.", "")],
    ])
    form.choose("sa:choice:tip.5:status", "Partially compliant")
    form.add_row("sa:challenges:tip.5", "Data", "No statistics on victims identified by labour inspectors.", "")
    form.add_row("sa:assistance:tip.5", "Training", "Training for labour inspectors on indicators.", "Needed", "", "")
    form.write_narrative("sa:narrative:tip.5", ["Trafficking is a separate offence since 2019 (Penal Code, art. 300)."])
    return form.save()


def test_round_trip_every_answer_reaches_the_files(tree, tmp_path):
    root = with_checklists(tree())
    before = (root / "content/parties/XAB/assessment/untoc-05.md").read_bytes()
    form = fill(export_form(root, tmp_path))

    preview = run_cli("--root", str(root), "import", "XAB", str(form))
    assert preview.returncode == 0, preview.stdout + preview.stderr
    out = preview.stdout
    assert "UNTOC art. 5: content/parties/XAB/assessment/untoc-05.md" in out
    assert "compliance: Partially compliant -> Fully compliant" in out
    assert "measures: + Legislation: Organized Crime Act 2026 covers every serious crime. [laws: Organized Crime Act]" in out
    assert "challenges: + Capacity: Too few specialized prosecutors outside the capital. (not for publication)" in out
    assert "TIP Protocol art. 5: content/parties/XAB/assessment/tip-05.md (new file)" in out
    assert "narrative: changed (" in out and "narrative: written (" in out
    assert "2 files would change. Nothing written: run again with --write to write them." in out
    assert (root / "content/parties/XAB/assessment/untoc-05.md").read_bytes() == before
    assert not (root / "content/parties/XAB/assessment/tip-05.md").exists()

    written = run_cli("--root", str(root), "import", "XAB", str(form), "--write")
    assert written.returncode == 0, written.stdout + written.stderr
    assert "Wrote 2 files." in written.stdout
    check = run_cli("--root", str(root), "check")
    assert check.returncode == 0, check.stdout

    loaded = corpus.load(root)
    untoc = loaded.parties["XAB"].assessments["untoc-05.md"]
    assert untoc.data["status"] == "full" and untoc.data["as_of"] == "2026-10-31"
    assert untoc.data["measures"][0] == {
        "kind": "legislative", "description": "Participation offence.",
        "laws": [{"title": "Penal Code", "articles": "art. 1.10", "year": 2001}],
    }
    assert untoc.data["measures"][1] == {
        "kind": "legislative", "description": "Organized Crime Act 2026 covers every serious crime.",
        "laws": [{"title": "Organized Crime Act", "articles": "ss. 3-9", "year": 2026, "status": "in_force", "url": "https://laws.testland.example/oca"}],
    }
    assert untoc.data["challenges"] == [{"kind": "capacity", "description": "Too few specialized prosecutors outside the capital.", "confidential": True}]
    assert untoc.data["assistance"] == [{"type": "training", "description": "Training for prosecutors.", "status": "requested", "provider": "UNODC"}]
    assert untoc.data["paragraphs"] == [{"provision": "untoc.5.3", "status": "not_applicable", "note": "Our conspiracy offence needs no overt act."}]
    assert untoc.body.strip() == (
        "The Organized Crime Act 2026 **closes the gap** left by the Penal Code.\n\n"
        "Courts applied it in *three* cases in its first year."
    )
    tip = loaded.parties["XAB"].assessments["tip-05.md"]
    assert tip.data == {
        "provision": "tip.5", "status": "partial",
        "challenges": [{"kind": "data", "description": "No statistics on victims identified by labour inspectors."}],
        "assistance": [{"type": "training", "description": "Training for labour inspectors on indicators.", "status": "needed"}],
    }
    assert tip.body.strip() == "Trafficking is a separate offence since 2019 (Penal Code, art. 300)."

    again = run_cli("--root", str(root), "import", "XAB", str(form))
    assert "The form matches the State's files: nothing to change." in again.stdout
