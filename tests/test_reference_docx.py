"""reference.docx is what its script makes; regenerate with: .venv/bin/python -m selfassess.office.reference"""
import io
import zipfile

from selfassess.office import reference, word


def _parts(data: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist() if name.startswith("word/") and name.endswith(".xml")}


def test_committed_reference_docx_matches_its_script():
    committed = _parts(word.REFERENCE.read_bytes())
    made = _parts(reference.build())
    assert committed.keys() == made.keys()
    for name in ("word/styles.xml", "word/document.xml", "word/footer1.xml"):
        assert committed[name] == made[name], f"{name} differs: run python -m selfassess.office.reference"


def test_reference_has_the_guidance_style_and_a4_pages():
    styles = _parts(word.REFERENCE.read_bytes())["word/styles.xml"].decode()
    assert 'w:styleId="Guidance"' in styles
    assert 'w:ascii="Times New Roman"' in styles and 'w:eastAsia="SimSun"' in styles
    document = _parts(word.REFERENCE.read_bytes())["word/document.xml"].decode()
    assert 'w:w="11906"' in document and 'w:h="16838"' in document
