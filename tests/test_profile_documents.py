"""Profile documents: `export <code> --format docx|pdf`, opened and read back."""
import docx
from docx.oxml.ns import qn

from conftest import REPO, run_cli
from office_helpers import docx_text, language_tree, pdf_fonts, pdf_text

ARABIC_WORDS = ["مثاليا", "المشاركة", "جماعة", "إجرامية", "منظمة", "العقوبات"]
CHINESE = "示例国《刑法》第二百四十条将贩运人口规定为独立的犯罪"


def test_docx_profile_of_the_sample_state(tmp_path):
    out = tmp_path / "XAA.docx"
    result = run_cli("--root", str(REPO), "export", "XAA", "--format", "docx", "-o", str(out))
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == ["Profile", "Status under the Convention and its Protocols", "Reservations and declarations"]
    assert "UNTOC art. 5: Criminalization of participation in an organized criminal group" in headings
    assert "TIP Protocol art. 5: Criminalization" in headings
    assert {"Action plan", "Technical assistance needs", "A-01: Align the definition of a criminal organization with the Convention"} <= set(headings)
    text = docx_text(out)
    assert "Partially compliant" in text and "Penal Code of Examplia, arts. 210-212, 1998, In force" in text
    assert "Examplia criminalizes both conspiracy to commit a serious crime" in text
    assert "Source: content/parties/XAA at revision " in text
    # the action plan is a table with a row per published action
    plan = next(t for t in document.tables if t.rows[0].cells[0].text == "Action")
    assert [r.cells[0].text.split("\n")[0] for r in plan.rows[1:]] == ["A-01", "A-02", "A-03"]
    assert plan.rows[1].cells[-1].text in ("In progress", "In progress, overdue")
    # what XAA marked confidential is nowhere: action A-04 and its focal point
    assert "A-04" not in text and "Internal guidelines" not in text
    assert "Ana Example" not in text and "ana.example@" not in text


def test_docx_is_styled_by_the_reference_document(tmp_path):
    out = tmp_path / "XAA.docx"
    assert run_cli("--root", str(REPO), "export", "XAA", "-o", str(out)).returncode == 0
    document = docx.Document(str(out))
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    footer = section.footer._element
    assert any("PAGE" in f.get(qn("w:instr"), "") for f in footer.iter(qn("w:fldSimple"))), "page numbers in the footer"
    heading = document.styles["Heading 1"]
    assert heading.font.bold and heading.font.name == "Times New Roman"
    table = document.tables[0]
    assert table.style.name == "Table"
    assert table.rows[0].cells[0].text == "Field" and table.rows[1].cells[1].text == "Examplia"


def test_pdf_profile_of_the_sample_state(tmp_path):
    out = tmp_path / "XAA.pdf"
    result = run_cli("--root", str(REPO), "export", "XAA", "--format", "pdf", "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert text.startswith("Examplia")
    for expected in ("Self-assessment", "UNTOC art. 5: Criminalization of participation", "Partially compliant",
                     "Action plan", "A-03", "Technical assistance needs", "Review of the amendment bill"):
        assert expected in text
    assert "A-04" not in text and "Ana Example" not in text
    assert {"NotoSerif-Regular", "NotoSerif-Bold"} <= pdf_fonts(out)


def test_arabic_narrative_right_to_left_in_docx_and_pdf(tmp_path):
    root = language_tree(tmp_path / "repo")
    docx_out, pdf_out = tmp_path / "XAR.docx", tmp_path / "XAR.pdf"
    assert run_cli("--root", str(root), "export", "XAR", "--format", "docx", "-o", str(docx_out)).returncode == 0
    assert run_cli("--root", str(root), "export", "XAR", "--format", "pdf", "-o", str(pdf_out)).returncode == 0
    body = docx.Document(str(docx_out)).element.body
    narrative = next(p for p in body.iter(qn("w:p")) if "".join(t.text for t in p.iter(qn("w:t"))).startswith("تُجرّم مثاليا"))
    assert narrative.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None, "Arabic paragraphs run right to left"
    assert narrative.find(f".//{qn('w:rtl')}") is not None
    assert "**" not in docx_text(docx_out) and "خمسة أعضاء" in docx_text(docx_out)
    text = pdf_text(pdf_out)
    assert all(word in text for word in ARABIC_WORDS)
    assert "NotoNaskhArabic-Regular" in pdf_fonts(pdf_out) and "NotoNaskhArabic-Bold" in pdf_fonts(pdf_out)


def test_chinese_narrative_in_docx_and_pdf(tmp_path):
    root = language_tree(tmp_path / "repo")
    docx_out, pdf_out = tmp_path / "XZH.docx", tmp_path / "XZH.pdf"
    assert run_cli("--root", str(root), "export", "XZH", "--format", "docx", "-o", str(docx_out)).returncode == 0
    assert run_cli("--root", str(root), "export", "XZH", "--format", "pdf", "-o", str(pdf_out)).returncode == 0
    assert CHINESE in docx_text(docx_out)
    assert CHINESE in pdf_text(pdf_out).replace("\n", "")
    assert any(name.startswith("NotoSerifCJK") for name in pdf_fonts(pdf_out))


def test_unpublished_state_gets_no_profile_document(tree, tmp_path):
    profile = (REPO / "tests/fixtures/base/content/parties/XAB/profile.yaml").read_text().replace("consent: full", "consent: none")
    root = tree({"content/parties/XAB/profile.yaml": profile})
    out = tmp_path / "XAB.pdf"
    result = run_cli("--root", str(root), "export", "XAB", "--format", "pdf", "-o", str(out))
    assert result.returncode == 1 and not out.exists()
    assert "XAB has not consented to publication (publication.consent is 'none'" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_refuses_while_the_state_has_errors(tree, tmp_path):
    root = tree({"content/parties/XAB/assessment/untoc-05.md": "---\nprovision: untoc.5\nstatus: parial\n---\n\nText.\n"})
    result = run_cli("--root", str(root), "export", "XAB", "-o", str(tmp_path / "x.docx"))
    assert result.returncode == 1
    assert "content/parties/XAB/assessment/untoc-05.md:3:9: error: status: 'parial' is not allowed" in result.stderr
    assert "fix the errors above first" in result.stderr


TYPST_AND_PANDOC = """---
provision: untoc.5
status: partial
---

Typst code stays text: #read("/etc/passwd") and $x^2$ and // not a comment and \\ and ] [.

```{=typst}
#read("/etc/hostname")
```
"""

REFUSED_BY_CHECK = """---
provision: untoc.5
status: partial
---

<script>alert("doc")</script> and [a link](javascript:alert(1)) and ![secret](/etc/passwd).
"""


def test_typst_and_pandoc_syntax_is_text_in_both_formats(tree, tmp_path):
    """Text check accepts but Typst or pandoc would read as code stays text."""
    root = tree({"content/parties/XAB/assessment/untoc-05.md": TYPST_AND_PANDOC})
    docx_out, pdf_out = tmp_path / "XAB.docx", tmp_path / "XAB.pdf"
    assert run_cli("--root", str(root), "export", "XAB", "--format", "docx", "-o", str(docx_out)).returncode == 0
    result = run_cli("--root", str(root), "export", "XAB", "--format", "pdf", "-o", str(pdf_out))
    assert result.returncode == 0, result.stderr
    pdf = pdf_text(pdf_out)
    assert 'Typst code stays text: #read("/etc/passwd") and $x^2$ and // not a comment and \\ and ] [.' in pdf
    assert '#read("/etc/hostname")' in pdf  # a code block, as the site shows it
    assert "root:" not in pdf and "root:" not in docx_text(docx_out)


def test_text_check_refuses_is_still_inert_when_check_is_bypassed(tree, tmp_path):
    """Defence in depth: export refuses content with check errors, but the writers alone stay safe."""
    from selfassess import corpus
    from selfassess.office import export

    root = tree({"content/parties/XAB/assessment/untoc-05.md": REFUSED_BY_CHECK})
    assert run_cli("--root", str(root), "export", "XAB", "--format", "docx", "-o", str(tmp_path / "x.docx")).returncode == 1
    document = export.document_of(corpus.load(root), "XAB")
    docx_out, pdf_out = tmp_path / "XAB.docx", tmp_path / "XAB.pdf"
    export.write(document, "docx", docx_out)
    export.write(document, "pdf", pdf_out)
    text = docx_text(docx_out)
    assert '<script>alert("doc")</script> and [a link](javascript:alert(1)) and !secret.' in text
    assert all("javascript" not in rel.target_ref for rel in docx.Document(str(docx_out)).part.rels.values())
    assert "root:" not in text and "root:" not in pdf_text(pdf_out)


def test_same_content_same_bytes_under_source_date_epoch(tmp_path):
    import os

    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    outputs = []
    for n in (1, 2):
        for fmt in ("docx", "pdf"):
            out = tmp_path / f"{n}.{fmt}"
            assert run_cli("--root", str(REPO), "export", "XAA", "--format", fmt, "-o", str(out), env=env).returncode == 0
            outputs.append(out.read_bytes())
    assert outputs[0] == outputs[2] and outputs[1] == outputs[3]
