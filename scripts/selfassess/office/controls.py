"""Content controls for the questionnaire, added to the DOCX pandoc wrote.

pandoc marks each answer region with a bookmark (a Div or Span with an id);
here each becomes a Word content control carrying a tag: block controls for
answer tables and narratives (which cannot be deleted), drop-down lists for
values to choose, and locked controls around everything else, so guidance
cannot be changed and anything typed outside an answer box stands out when the
form is read back.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from . import model as m
from .form_layout import STATIC

ANSWER_SHADE = "DCE6F1"


@dataclass
class Region:
    tag: str
    alias: str
    choices: list | None = None  # (shown, stored) for a drop-down list
    shade: int | None = None  # shade the answer cells of the tables inside, from this column on


@dataclass
class Regions:
    """Answer regions by the bookmark name pandoc gives them."""
    by_id: dict[str, Region] = field(default_factory=dict)

    def _id(self) -> str:
        return f"sa{len(self.by_id) + 1}"

    def block(self, tag: str, alias: str, blocks: list, shade: int | None = None) -> m.Div:
        ident = self._id()
        self.by_id[ident] = Region(tag, alias, shade=shade)
        return m.Div(blocks, id=ident)

    def choice(self, tag: str, alias: str, shown: str, choices: list) -> m.Span:
        ident = self._id()
        self.by_id[ident] = Region(tag, alias, choices)
        return m.Span(ident, [shown])


class _Ids:
    def __init__(self):
        self.next = 1000

    def __call__(self) -> str:
        self.next += 1
        return str(self.next)


def _sdt(region: Region, ids: _Ids, lock: str) -> tuple:
    sdt = OxmlElement("w:sdt")
    props = OxmlElement("w:sdtPr")
    for name, value in (("w:alias", region.alias[:255]), ("w:tag", region.tag), ("w:id", ids()), ("w:lock", lock)):
        child = OxmlElement(name)
        child.set(qn("w:val"), value)
        props.append(child)
    if region.choices:
        listing = OxmlElement("w:dropDownList")
        for shown, stored in region.choices:
            item = OxmlElement("w:listItem")
            item.set(qn("w:displayText"), shown)
            item.set(qn("w:value"), stored)
            listing.append(item)
        props.append(listing)
    content = OxmlElement("w:sdtContent")
    sdt.append(props)
    sdt.append(content)
    return sdt, content


def _shade(table, first: int) -> None:
    """Shade the cells below the heading row, from column `first` on: where answers go."""
    for row in table.findall(qn("w:tr"))[1:]:
        for cell in row.findall(qn("w:tc"))[first:]:
            props = cell.find(qn("w:tcPr"))
            if props is None:
                props = OxmlElement("w:tcPr")
                cell.insert(0, props)
            shading = OxmlElement("w:shd")
            shading.set(qn("w:val"), "clear")
            shading.set(qn("w:color"), "auto")
            shading.set(qn("w:fill"), ANSWER_SHADE)
            props.append(shading)


def _between(start, end) -> list:
    """The siblings after `start` up to `end` (or the last one when `end` is None)."""
    out = []
    node = start.getnext()
    while node is not None and node is not end:
        out.append(node)
        node = node.getnext()
    return out


def _wrap_blocks(body, regions: Regions, ids: _Ids) -> None:
    starts = {s.get(qn("w:id")): s for s in body.findall(qn("w:bookmarkStart")) if s.get(qn("w:name")) in regions.by_id}
    for end in body.findall(qn("w:bookmarkEnd")):
        start = starts.get(end.get(qn("w:id")))
        if start is None:
            continue
        region = regions.by_id[start.get(qn("w:name"))]
        sdt, content = _sdt(region, ids, "sdtLocked")
        inside = _between(start, end)
        start.addprevious(sdt)
        for node in inside:
            content.append(node)
            if region.shade is not None and node.tag == qn("w:tbl"):
                _shade(node, region.shade)
        if not len(content):
            content.append(OxmlElement("w:p"))
        body.remove(start)
        body.remove(end)


def _wrap_choices(body, regions: Regions, ids: _Ids) -> None:
    for start in list(body.iter(qn("w:bookmarkStart"))):
        region = regions.by_id.get(start.get(qn("w:name")))
        paragraph = start.getparent()
        if region is None or paragraph.tag != qn("w:p"):
            continue
        end = next((e for e in paragraph.findall(qn("w:bookmarkEnd")) if e.get(qn("w:id")) == start.get(qn("w:id"))), None)
        sdt, content = _sdt(region, ids, "sdtLocked")
        runs = _between(start, end)
        start.addprevious(sdt)
        for run in runs:
            content.append(run)
        if not len(content):
            content.append(OxmlElement("w:r"))
        paragraph.remove(start)
        if end is not None:
            paragraph.remove(end)


def _lock_the_rest(body, ids: _Ids) -> None:
    """Everything outside an answer region goes into locked controls, one per stretch."""
    stretch: list = []

    def close():
        if stretch:
            sdt, content = _sdt(Region(STATIC, "Guidance"), ids, "sdtContentLocked")
            stretch[0].addprevious(sdt)
            for node in stretch:
                content.append(node)
            stretch.clear()

    for node in list(body):
        if node.tag in (qn("w:sdt"), qn("w:sectPr")):
            close()
        else:
            stretch.append(node)
    close()


def apply(source: Path, regions: Regions, target: Path) -> None:
    """Read the DOCX pandoc wrote at `source`, add the content controls, save at `target`."""
    document = docx.Document(str(source))
    body = document.element.body
    ids = _Ids()
    _wrap_choices(body, regions, ids)
    _wrap_blocks(body, regions, ids)
    _lock_the_rest(body, ids)
    document.save(str(target))
