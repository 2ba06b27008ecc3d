"""Make reference.docx, the styles every DOCX is written with, in the manner of a UN document.

    .venv/bin/python -m selfassess.office.reference   # rewrites office/reference.docx

Starts from pandoc's own reference document (so every style pandoc uses
exists) and sets: A4 pages with UN-like margins, Times New Roman 10 pt
(SimSun for Chinese, the complex-script font for Arabic), black bold
headings, ruled tables with a shaded header row, page numbers in the footer,
and the paragraph style "Guidance" the questionnaire uses.
"""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm

from .word import REFERENCE, pandoc

W = nsdecls("w")
FONTS = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun" w:cs="Times New Roman"/>'
BLACK = '<w:color w:val="000000"/>'

# style id -> (paragraph properties, run properties); None keeps what pandoc has
STYLES = {
    "BodyText": ('<w:spacing w:before="0" w:after="120"/><w:jc w:val="both"/>', None),
    "FirstParagraph": ('<w:spacing w:before="0" w:after="120"/><w:jc w:val="both"/>', None),
    "Compact": ('<w:spacing w:before="20" w:after="20"/><w:jc w:val="left"/>', None),
    "Title": ('<w:spacing w:before="0" w:after="60"/><w:jc w:val="center"/>', f'{FONTS}<w:b/><w:bCs/>{BLACK}<w:sz w:val="34"/><w:szCs w:val="34"/>'),
    "Subtitle": ('<w:spacing w:before="0" w:after="240"/><w:jc w:val="center"/>', f'{FONTS}<w:b w:val="0"/>{BLACK}<w:sz w:val="22"/><w:szCs w:val="22"/>'),
    "Author": ('<w:spacing w:after="0"/><w:jc w:val="center"/>', None),
    "Date": ('<w:spacing w:after="240"/><w:jc w:val="center"/>', None),
    "Heading1": ('<w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/>', f'{FONTS}<w:b/><w:bCs/>{BLACK}<w:sz w:val="28"/><w:szCs w:val="28"/>'),
    "Heading2": ('<w:keepNext/><w:keepLines/><w:spacing w:before="280" w:after="100"/><w:outlineLvl w:val="1"/>', f'{FONTS}<w:b/><w:bCs/>{BLACK}<w:sz w:val="24"/><w:szCs w:val="24"/>'),
    "Heading3": ('<w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="2"/>', f'{FONTS}<w:b/><w:bCs/>{BLACK}<w:sz w:val="21"/><w:szCs w:val="21"/>'),
    "Heading4": ('<w:keepNext/><w:keepLines/><w:spacing w:before="160" w:after="60"/><w:outlineLvl w:val="3"/>', f'{FONTS}<w:b/><w:bCs/><w:i/><w:iCs/>{BLACK}<w:sz w:val="20"/><w:szCs w:val="20"/>'),
    "Heading5": ('<w:keepNext/><w:spacing w:before="120" w:after="60"/><w:outlineLvl w:val="4"/>', f'{FONTS}<w:i/><w:iCs/>{BLACK}<w:sz w:val="20"/><w:szCs w:val="20"/>'),
    "Heading6": ('<w:keepNext/><w:spacing w:before="120" w:after="60"/><w:outlineLvl w:val="5"/>', f'{FONTS}<w:i/><w:iCs/>{BLACK}<w:sz w:val="20"/><w:szCs w:val="20"/>'),
    "BlockText": ('<w:spacing w:before="60" w:after="120"/><w:ind w:left="567" w:right="567"/>', None),
    "Hyperlink": (None, '<w:color w:val="1F4E8C"/><w:u w:val="single"/>'),
    "VerbatimChar": (None, '<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/><w:sz w:val="18"/>'),
}

TABLE_STYLE = f"""<w:style {W} w:type="table" w:default="1" w:styleId="Table">
  <w:name w:val="Table"/><w:basedOn w:val="TableNormal"/><w:qFormat/>
  <w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
  <w:tblPr>
    <w:tblInd w:w="0" w:type="dxa"/>
    <w:tblBorders>
      <w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/>
      <w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
      <w:insideV w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>
      <w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:bCs/></w:rPr>
    <w:tcPr>
      <w:tcBorders><w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/></w:tcBorders>
      <w:shd w:val="clear" w:color="auto" w:fill="E7ECF2"/>
      <w:vAlign w:val="bottom"/>
    </w:tcPr>
  </w:tblStylePr>
</w:style>"""

GUIDANCE_STYLE = f"""<w:style {W} w:type="paragraph" w:customStyle="1" w:styleId="Guidance">
  <w:name w:val="Guidance"/><w:basedOn w:val="BodyText"/><w:qFormat/>
  <w:pPr><w:spacing w:before="0" w:after="80"/><w:jc w:val="left"/></w:pPr>
  <w:rPr><w:i/><w:iCs/><w:color w:val="404040"/><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>
</w:style>"""

DEFAULTS = f"""<w:docDefaults {W}>
  <w:rPrDefault><w:rPr>{FONTS}<w:sz w:val="20"/><w:szCs w:val="20"/>
    <w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
  <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>"""

PAGE_NUMBER = f"""<w:p {W}>
  <w:pPr><w:jc w:val="center"/></w:pPr>
  <w:fldSimple w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="17"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>
</w:p>"""


def _replace(style, tag: str, xml: str | None) -> None:
    if xml is None:
        return
    old = style.find(qn(tag))
    new = parse_xml(f"<{tag} {W}>{xml}</{tag}>")
    if old is not None:
        old.addprevious(new)
        style.remove(old)
    elif tag == "w:pPr" and style.find(qn("w:rPr")) is not None:
        style.find(qn("w:rPr")).addprevious(new)
    else:
        style.append(new)


def _restyle(document) -> None:
    root = document.styles.element
    old_defaults = root.find(qn("w:docDefaults"))
    old_defaults.addprevious(parse_xml(DEFAULTS))
    root.remove(old_defaults)
    by_id = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
    for sid, (ppr, rpr) in STYLES.items():
        style = by_id[sid]
        _replace(style, "w:pPr", ppr)
        _replace(style, "w:rPr", rpr)
        for stale in style.findall(qn("w:semiHidden")) + style.findall(qn("w:unhideWhenUsed")):
            style.remove(stale)
    table = by_id["Table"]
    table.addprevious(parse_xml(TABLE_STYLE))
    root.remove(table)
    root.append(parse_xml(GUIDANCE_STYLE))


def _page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.3)
    section.top_margin, section.bottom_margin = Cm(2.6), Cm(2.4)
    section.header_distance, section.footer_distance = Cm(1.25), Cm(1.0)
    footer = section.footer
    footer.is_linked_to_previous = False
    for paragraph in list(footer.paragraphs):
        paragraph._element.getparent().remove(paragraph._element)
    footer._element.append(parse_xml(PAGE_NUMBER))


def build() -> bytes:
    """The bytes of reference.docx, made from pandoc's default one."""
    default = subprocess.run([pandoc(), "--print-default-data-file", "reference.docx"], capture_output=True, check=True).stdout
    document = docx.Document(io.BytesIO(default))
    _restyle(document)
    _page(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    target = Path(argv[0]) if argv else REFERENCE
    target.write_bytes(build())
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
