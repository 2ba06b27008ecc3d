"""Importing a form: problems placed where they stand, nothing lost, nothing written by surprise."""
import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from conftest import run_cli
from form_filling import Form
from office_helpers import language_tree
from test_questionnaire_round_trip import export_form, with_checklists

ASSESSMENT = "content/parties/XAB/assessment/untoc-05.md"


def test_invalid_and_unrecognised_content_is_reported_at_its_place(tree, tmp_path):
    root = with_checklists(tree())
    before = (root / ASSESSMENT).read_bytes()
    form = Form(export_form(root, tmp_path))
    form.add_row("sa:measures:untoc.5", "2", "Legislaton", "A new law.", "")
    form.add_row("sa:laws:untoc.5", "7", "Some Act", "s. 1", "20xx", "", "laws.example/act")
    form.write_cell("sa:fields:untoc.5", 2, 1, "31/10/2026")
    form.add_row("sa:paragraphs:untoc.5", "9(1)", "Fully compliant", "")
    form.type_outside("sa:challenges:untoc.5", "Our answer on challenges: the courts are slow.")
    form.save()
    result = run_cli("--root", str(root), "import", "XAB", str(form.path), "--write")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    expected = [
        "XAB-form.docx: after the box 'Challenges: UNTOC art. 5': text outside the answer boxes is not read: "
        "'Our answer on challenges: the courts are slow.'; move it into an answer box, or delete it",
        "XAB-form.docx: Your answer: UNTOC art. 5, Information as of (YYYY-MM-DD): '31/10/2026' is not a date written YYYY-MM-DD, for example 2026-09-30",
        "XAB-form.docx: Compliance by paragraph: UNTOC art. 5, row 1, Provision: '9(1)' is not a paragraph of UNTOC art. 5; use one of: "
        "UNTOC art. 5(1), UNTOC art. 5(1)(a), UNTOC art. 5(1)(a)(i), UNTOC art. 5(1)(a)(ii), UNTOC art. 5(1)(b), UNTOC art. 5(2), UNTOC art. 5(3)",
        "XAB-form.docx: Measures: UNTOC art. 5, row 2, Kind: 'Legislaton' is not a kind of measure (did you mean 'Legislation'?); "
        "use one of: Legislation, Regulation, Institution, Policy, Case law, Practice, Other",
        "XAB-form.docx: Laws cited: UNTOC art. 5, row 2, Year: '20xx' is not a year; write four digits, for example 2019",
        "XAB-form.docx: Laws cited: UNTOC art. 5, row 2, Link: 'laws.example/act' is not a web address; write it in full, starting with https://",
        "XAB-form.docx: Laws cited: UNTOC art. 5, row 2, Measure no.: '7' is not the number of a measure in the table above; write the number of the measure this law belongs to",
    ]
    for line in expected:
        assert line in lines, line
    assert "problems in the form; nothing is written until they are fixed:" in result.stdout
    assert (root / ASSESSMENT).read_bytes() == before
    assert "Traceback" not in result.stderr


def test_comments_line_endings_and_untouched_fields_are_kept(tree, tmp_path):
    original = (
        "---\r\n"
        "# Reviewed by the Ministry of Justice, May 2026.\r\n"
        "provision: untoc.5\r\n"
        "status: partial  # to be confirmed\r\n"
        "measures:\r\n"
        "  - kind: legislative\r\n"
        "    description: >-\r\n"
        "      Participation offence,\r\n"
        "      written over two lines.\r\n"
        "    laws:\r\n"
        "      - title: Penal Code\r\n"
        "        articles: art. 1.10\r\n"
        "        year: 2001\r\n"
        "# Challenges still to be written.\r\n"
        "---\r\n"
        "\r\n"
        "The offence exists but covers only some serious crimes.\r\n"
    )
    root = with_checklists(tree({ASSESSMENT: None}))
    (root / ASSESSMENT).write_bytes(b"\xef\xbb\xbf" + original.encode())
    form = Form(export_form(root, tmp_path))
    form.choose("sa:choice:untoc.5:status", "Fully compliant")
    form.save()
    result = run_cli("--root", str(root), "import", "XAB", str(form.path), "--write")
    assert result.returncode == 0, result.stdout
    after = (root / ASSESSMENT).read_bytes()
    assert after == b"\xef\xbb\xbf" + original.replace("status: partial  # to be confirmed", "status: full").encode()


def test_file_changed_after_export_needs_force(tree, tmp_path):
    root = with_checklists(tree())
    form = Form(export_form(root, tmp_path))
    form.choose("sa:choice:untoc.5:status", "Not compliant")
    form.save()
    path = root / ASSESSMENT
    path.write_text(path.read_text().replace("The offence exists", "The offence, amended in 2026, exists"))
    refused = run_cli("--root", str(root), "import", "XAB", str(form.path), "--write")
    assert refused.returncode == 1
    assert "content/parties/XAB/assessment/untoc-05.md changed after this form was exported on" in refused.stdout
    assert "status: partial" in path.read_text()
    forced = run_cli("--root", str(root), "import", "XAB", str(form.path), "--write", "--force")
    assert forced.returncode == 0, forced.stdout
    text = path.read_text()
    assert "status: none" in text and "The offence exists but covers only some serious crimes." in text


def test_tracked_changes_count_as_accepted(tree, tmp_path):
    root = with_checklists(tree())
    form = Form(export_form(root, tmp_path))
    cell = form.table("sa:challenges:untoc.5").rows[1].cells
    cell[0].text, cell[1].text = "Data", ""
    paragraph = cell[1].paragraphs[0]._p
    for wrapper, tag, text in (("w:ins", "w:t", "Statistics are kept "), ("w:del", "w:delText", "on paper only"), ("w:ins", "w:t", "by hand.")):
        change = OxmlElement(wrapper)
        change.set(qn("w:id"), "9" + str(len(text)))
        change.set(qn("w:author"), "Reviewer")
        run, node = OxmlElement("w:r"), OxmlElement(tag)
        node.text = text
        run.append(node)
        change.append(run)
        paragraph.append(change)
    form.save()
    result = run_cli("--root", str(root), "import", "XAB", str(form.path), "--write")
    assert result.returncode == 0, result.stdout
    assert "challenges: + Data: Statistics are kept by hand." in result.stdout


def test_arabic_narrative_round_trip(tmp_path):
    root = with_checklists(language_tree(tmp_path / "repo"))
    form = Form(export_form(root, tmp_path, "XAR"))
    unchanged = run_cli("--root", str(root), "import", "XAR", str(form.path))
    assert "The form matches the State's files: nothing to change." in unchanged.stdout, unchanged.stdout
    form.write_narrative("sa:narrative:untoc.5", [[("عدّلت مثاليا ", ""), ("قانون العقوبات", "b"), (" في عام 2026.", "")]])
    form.save()
    result = run_cli("--root", str(root), "import", "XAR", str(form.path), "--write")
    assert result.returncode == 0, result.stdout
    body = (root / "content/parties/XAR/assessment/untoc-05.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    assert body.strip() == "عدّلت مثاليا **قانون العقوبات** في عام 2026."


def test_a_document_that_is_not_a_form_or_of_another_state(tree, tmp_path):
    root = with_checklists(tree())
    plain = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("Dear colleagues,")
    document.save(str(plain))
    result = run_cli("--root", str(root), "import", "XAB", str(plain))
    assert result.returncode == 1
    assert "is not a self-assessment form made by 'selfassess export --questionnaire'" in result.stderr
    junk = tmp_path / "junk.docx"
    junk.write_text("not a zip")
    result = run_cli("--root", str(root), "import", "XAB", str(junk))
    assert result.returncode == 1 and "cannot be opened as a Word document" in result.stderr
    assert "Traceback" not in result.stderr
    other = language_tree(tmp_path / "other")
    result = run_cli("--root", str(other), "import", "XAR", str(export_form(with_checklists(root), tmp_path)))
    assert result.returncode == 1 and "is the form of XAB, not of XAR" in result.stderr


def test_a_lost_answer_box_stops_the_import_instead_of_emptying_the_file(tree, tmp_path):
    root = with_checklists(tree())
    before = (root / ASSESSMENT).read_bytes()
    form = Form(export_form(root, tmp_path))
    box = form.control("sa:measures:untoc.5")
    box.getparent().remove(box)  # as an editor that drops content controls would
    form.choose("sa:choice:untoc.5:status", "Fully compliant")
    form.save()
    result = run_cli("--root", str(root), "import", "XAB", str(form.path), "--write")
    assert result.returncode == 1
    assert "XAB-form.docx: UNTOC art. 5: the form has lost answer boxes (measures)" in result.stdout
    assert (root / ASSESSMENT).read_bytes() == before


def test_form_details_never_read_files_through_xml_entities(tree, tmp_path):
    import zipfile

    root = with_checklists(tree())
    form = export_form(root, tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("MARKER-7731")
    hostile = tmp_path / "hostile.docx"
    with zipfile.ZipFile(form) as source, zipfile.ZipFile(hostile, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/custom.xml":
                text = data.decode()
                text = text.replace("<Properties", f'<!DOCTYPE p [<!ENTITY x SYSTEM "file://{secret}">]><Properties', 1)
                text = text.replace("&quot;cycle&quot;: &quot;pilot&quot;", "&quot;cycle&quot;: &quot;&x;&quot;")
                data = text.encode()
            target.writestr(item, data)
    result = run_cli("--root", str(root), "import", "XAB", str(hostile))
    assert "MARKER-7731" not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
