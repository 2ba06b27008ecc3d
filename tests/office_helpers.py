"""Reading DOCX and PDF outputs in tests: python-docx and pypdf, the real readers."""
import shutil
from pathlib import Path

import docx
from docx.oxml.ns import qn
from pypdf import PdfReader

from conftest import FIXTURES, make_tree


def language_tree(dest: Path, files: dict | None = None) -> Path:
    """The base fixture plus States writing in Arabic (XAR) and Chinese (XZH)."""
    make_tree(dest)
    shutil.copytree(FIXTURES / "languages", dest, dirs_exist_ok=True)
    return make_tree(dest, files)


def docx_text(path: Path) -> str:
    """Every text of the document body in order, paragraphs on their own lines."""
    body = docx.Document(str(path)).element.body
    lines = []
    for paragraph in body.iter(qn("w:p")):
        lines.append("".join(t.text or "" for t in paragraph.iter(qn("w:t"))))
    return "\n".join(lines)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def pdf_fonts(path: Path) -> set[str]:
    """Base names of the fonts embedded in a PDF, without the subset prefix."""
    names = set()
    for page in PdfReader(str(path)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names
