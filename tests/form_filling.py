"""Fill a questionnaire the way an official does in Word, through python-docx."""
import copy
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph


class Form:
    def __init__(self, path: Path):
        self.path = path
        self.document = docx.Document(str(path))
        self.body = self.document.element.body

    def control(self, tag: str):
        for sdt in self.body.iter(qn("w:sdt")):
            node = sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
            if node is not None and node.get(qn("w:val")) == tag:
                return sdt
        raise KeyError(tag)

    def table(self, tag: str) -> Table:
        tbl = self.control(tag).find(f"{qn('w:sdtContent')}/{qn('w:tbl')}")
        return Table(tbl, self.document._body)

    def choose(self, tag: str, shown: str) -> None:
        """Pick a value in a drop-down list."""
        texts = list(self.control(tag).iter(qn("w:t")))
        texts[0].text = shown
        for extra in texts[1:]:
            extra.text = ""

    def write_cell(self, tag: str, row: int, column: int, text: str) -> None:
        self.table(tag).cell(row, column).text = text

    def add_row(self, tag: str, *texts: str) -> None:
        """Type into the empty last row, then add a new empty one (Tab in the last cell)."""
        table = self.table(tag)
        last = table.rows[-1]
        for cell, text in zip(last.cells, texts):
            cell.text = text
        table._tbl.append(copy.deepcopy(last._tr))
        for cell in table.rows[-1].cells:
            cell.text = ""

    def delete_row(self, tag: str, row: int) -> None:
        table = self.table(tag)
        table._tbl.remove(table.rows[row]._tr)

    def write_narrative(self, tag: str, paragraphs: list) -> None:
        """Replace the narrative; a paragraph is text, or a list of (text, 'b'|'i'|'') runs."""
        content = self.control(tag).find(qn("w:sdtContent"))
        for child in list(content):
            content.remove(child)
        for runs in paragraphs:
            p = OxmlElement("w:p")
            content.append(p)
            paragraph = Paragraph(p, self.document._body)
            for text, style in ([(runs, "")] if isinstance(runs, str) else runs):
                run = paragraph.add_run(text)
                run.bold = style == "b" or None
                run.italic = style == "i" or None

    def type_outside(self, after_tag: str, text: str) -> None:
        """Type a paragraph between two controls, outside any answer box."""
        p = OxmlElement("w:p")
        Paragraph(p, self.document._body).add_run(text)
        self.control(after_tag).addnext(p)

    def save(self, path: Path | None = None) -> Path:
        self.document.save(str(path or self.path))
        return path or self.path
