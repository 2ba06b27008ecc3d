"""Read a filled questionnaire: what each answer box holds, and what stands outside them.

Text is read as Word shows it with tracked changes accepted: insertions count,
deletions do not. Narratives go through pandoc's DOCX reader and come back as
Markdown (markdown_out.py). A problem is located by where it stands in the
form: 'UNTOC art. 5, Measures, row 2, Kind'.
"""
from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from . import markdown_out, word
from .form_layout import PROPERTY, STATIC, parse_tag

CUSTOM_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
SKIP = {qn("w:del"), qn("w:moveFrom"), qn("w:delText"), qn("w:instrText"), qn("w:rPr"), qn("w:pPr"), qn("w:sdtPr")}


@dataclass
class Problem:
    place: str  # where it stands in the form
    message: str

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


@dataclass
class Row:
    number: int  # 1-based, counting the heading row out
    cells: dict  # column heading (as written) -> text


@dataclass
class Answers:
    """What the form holds for one article."""
    article: str
    alias: dict = field(default_factory=dict)  # part -> the control's title, for messages
    fields: dict = field(default_factory=dict)  # field label -> text
    tables: dict = field(default_factory=dict)  # part -> (headings, rows)
    narrative: str | None = None  # Markdown; None when the box is missing


@dataclass
class Filled:
    facts: dict
    articles: dict = field(default_factory=dict)  # article id -> Answers
    problems: list = field(default_factory=list)


class NotAForm(Exception):
    pass


def text_of(element) -> str:
    """Text as Word shows it: tracked insertions in, deletions out, paragraphs on lines."""
    out: list[str] = []

    def walk(node):
        if node.tag in SKIP:
            return
        if node.tag == qn("w:sdt") and node.find(f"{qn('w:sdtPr')}/{qn('w:showingPlcHdr')}") is not None:
            return  # a control still showing its placeholder holds nothing
        if node.tag == qn("w:t"):
            out.append(node.text or "")
        elif node.tag == qn("w:tab"):
            out.append("\t")
        elif node.tag in (qn("w:br"), qn("w:cr")):
            out.append("\n")
        for child in node:
            walk(child)
        if node.tag == qn("w:p"):
            out.append("\n")

    walk(element)
    return "".join(out).strip()


def _facts(document) -> dict:
    for rel in document.part.package.rels.values():
        if rel.reltype == CUSTOM_PROPERTIES:
            from lxml import etree

            safe = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
            root = etree.fromstring(rel.target_part.blob, safe)
            for prop in root:
                if prop.get("name") == PROPERTY and len(prop):
                    try:
                        return json.loads(prop[0].text or "")
                    except ValueError:
                        break
    raise NotAForm("it is not a self-assessment form made by 'selfassess export --questionnaire' (its form details are missing); export a new form and copy the answers into it")


def _tag(sdt) -> str:
    node = sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
    return node.get(qn("w:val"), "") if node is not None else ""


def _alias(sdt) -> str:
    node = sdt.find(f"{qn('w:sdtPr')}/{qn('w:alias')}")
    return node.get(qn("w:val"), "") if node is not None else ""


def _last_heading(node) -> str | None:
    """The last heading in a stretch of guidance, as "the heading 'Measures'"."""
    found = None
    for paragraph in node.iter(qn("w:p")):
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is not None and style.get(qn("w:val"), "").startswith("Heading"):
            found = text_of(paragraph)
    return f"the heading '{found}'" if found else None


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def read(path: Path) -> Filled:
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise NotAForm(f"it cannot be opened as a Word document ({exc}); save it from Word as .docx") from None
    filled = Filled(_facts(document))
    narratives: list[tuple[str, object]] = []
    last = "the beginning of the form"
    for node in document.element.body:
        if node.tag == qn("w:sectPr"):
            continue
        tag = _tag(node) if node.tag == qn("w:sdt") else ""
        parsed = parse_tag(tag) if tag else None
        if node.tag == qn("w:sdt") and tag == STATIC:
            last = _last_heading(node) or last
            continue
        if parsed is None:
            text = text_of(node)
            if text:
                what = "a table" if node.tag == qn("w:tbl") else "text"
                filled.problems.append(Problem(f"after {last}", f"{what} outside the answer boxes is not read: {_quote(text)}; move it into an answer box, or delete it"))
            continue
        part, article, _ = parsed
        answers = filled.articles.setdefault(article, Answers(article))
        answers.alias[part] = _alias(node)
        last = f"the box '{_alias(node) or tag}'"
        content = node.find(qn("w:sdtContent"))
        if part == "narrative":
            narratives.append((article, content))
        elif part == "fields":
            answers.fields = _fields(content, answers.alias[part], filled.problems)
        else:
            answers.tables[part] = _table(content, answers.alias[part], filled.problems)
    for article, markdown, problems in _narratives(path, narratives):
        filled.articles[article].narrative = markdown
        place = filled.articles[article].alias.get("narrative", article)
        filled.problems += [Problem(place, p) for p in problems]
    return filled


def _tables_in(content, alias: str, problems: list) -> list:
    tables = [c for c in content if c.tag == qn("w:tbl")]
    for child in content:
        if child.tag != qn("w:tbl") and text_of(child):
            problems.append(Problem(alias, f"text outside the table is not read: {_quote(text_of(child))}; write it in a row of the table"))
    if not tables:
        problems.append(Problem(alias, "the table is missing; export a new form"))
    return tables


def _rows(table) -> list[list[str]]:
    return [[text_of(cell) for cell in row.findall(qn("w:tc"))] for row in table.findall(qn("w:tr"))]


def _fields(content, alias: str, problems: list) -> dict:
    out = {}
    for table in _tables_in(content, alias, problems)[:1]:
        for cells in _rows(table)[1:]:
            if cells:
                out[cells[0]] = cells[1] if len(cells) > 1 else ""
    return out


def _table(content, alias: str, problems: list) -> tuple[list, list]:
    tables = _tables_in(content, alias, problems)
    if not tables:
        return [], []
    rows = [r for t in tables for r in _rows(t)]
    headings = rows[0]
    body = [Row(n, dict(zip(headings, cells))) for n, cells in enumerate(rows[1:], 1) if any(c.strip() for c in cells)]
    return headings, body


def _narratives(path: Path, found: list) -> list:
    """(article, Markdown, problems) for each narrative box, through one pandoc run."""
    if not found:
        return []
    document = docx.Document(str(path))  # a copy to cut down to the narratives
    body = document.element.body
    boxes = [n for n in body if n.tag == qn("w:sdt") and parse_tag(_tag(n) or "x") and parse_tag(_tag(n))[0] == "narrative"]
    for node in list(body):
        if node.tag != qn("w:sectPr"):
            body.remove(node)
    section = body.find(qn("w:sectPr"))
    for n, box in enumerate(boxes):
        section.addprevious(_marker(n))
        for child in list(box.find(qn("w:sdtContent"))):
            section.addprevious(child)
    section.addprevious(_marker(len(boxes)))
    with tempfile.TemporaryDirectory(prefix="selfassess-import-") as tmp:
        cut = Path(tmp) / "narratives.docx"
        document.save(str(cut))
        result = subprocess.run([word.pandoc(), "--sandbox", "-f", "docx", "-t", "json", "--track-changes=accept", str(cut)], capture_output=True)
    if result.returncode != 0:
        raise word.PandocError(f"pandoc could not read the narratives: {result.stderr.decode('utf-8', 'replace').strip()}")
    blocks = _flatten(json.loads(result.stdout)["blocks"])
    pieces: list[list] = []
    for block in blocks:
        if _is_marker(block):
            pieces.append([])
        elif pieces:
            pieces[-1].append(block)
    out = []
    for (article, _), blocks in zip(found, pieces):
        text, problems = markdown_out.markdown(blocks)
        out.append((article, text, problems))
    return out


MARKER = "SELFASSESSNARRATIVEBOUNDARY"


def _marker(n: int):
    paragraph = OxmlElement("w:p")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = f"{MARKER}{n:04d}"
    run.append(text)
    paragraph.append(run)
    return paragraph


def _is_marker(block: dict) -> bool:
    content = block.get("c") if block["t"] in ("Para", "Plain") else None
    return bool(content) and len(content) == 1 and content[0]["t"] == "Str" and content[0]["c"].startswith(MARKER)


def _flatten(blocks: list) -> list:
    """Top-level blocks with pandoc's Divs (direction, styles) opened up."""
    out = []
    for block in blocks:
        if block["t"] == "Div":
            out += _flatten(block["c"][1])
        else:
            out.append(block)
    return out
