"""The document model both writers (DOCX through pandoc, PDF through Typst) take.

A small tree: blocks (Heading, Para, BulletList, OrderedList, Quote, CodeBlock,
Rule, Table, Div) holding inlines (str, Strong, Emph, Code, Link, LineBreak,
Span). Contributed Markdown enters it only through narrative_blocks.py, from
the safe HTML `narrative.to_html` makes, so documents show what the site shows.
"""
from __future__ import annotations

from dataclasses import dataclass, field

RTL_LANGUAGES = {"ar", "fa", "he", "ur", "ps", "sd", "ug", "yi", "dv"}


@dataclass
class Strong:
    children: list


@dataclass
class Emph:
    children: list


@dataclass
class Code:
    text: str


@dataclass
class Link:
    url: str
    children: list


@dataclass
class LineBreak:
    pass


@dataclass
class Span:
    """Inline content marked with an id (a place the questionnaire turns into a control)."""
    id: str
    children: list


@dataclass
class Heading:
    level: int
    children: list


@dataclass
class Para:
    children: list
    style: str | None = None  # a paragraph style of reference.docx, e.g. "Guidance"


@dataclass
class BulletList:
    items: list  # each item: a list of blocks


@dataclass
class OrderedList:
    items: list
    start: int = 1


@dataclass
class Quote:
    blocks: list


@dataclass
class CodeBlock:
    text: str


@dataclass
class Rule:
    pass


@dataclass
class Table:
    header: list  # cells; each cell a list of blocks
    rows: list  # rows of cells
    widths: list | None = None  # relative column widths summing to 1


@dataclass
class Div:
    blocks: list
    lang: str | None = None
    id: str = ""

    @property
    def rtl(self) -> bool:
        return bool(self.lang) and self.lang.split("-")[0].lower() in RTL_LANGUAGES


@dataclass
class Document:
    title: str
    subtitle: str = ""
    lang: str = "en"
    blocks: list = field(default_factory=list)
    properties: dict = field(default_factory=dict)  # custom document properties (DOCX)


def para(*children, style: str | None = None) -> Para:
    return Para([c for c in children if c not in ("", None)], style)


def cell(text) -> list:
    """A table cell holding one line of text (or nothing)."""
    return [Para([str(text)])] if text not in (None, "") else []


def in_language(blocks: list, lang: str | None) -> list:
    """Blocks written by a State, marked with its language (English needs no mark)."""
    if not lang or lang.split("-")[0] == "en":
        return blocks
    return [Div(blocks, lang)]


def text_of(node) -> str:
    """Plain text of an inline or block tree."""
    if isinstance(node, str):
        return node
    if isinstance(node, list):
        return "".join(text_of(n) for n in node)
    if isinstance(node, (Code, CodeBlock)):
        return node.text
    if isinstance(node, LineBreak):
        return "\n"
    for name in ("children", "blocks"):
        if hasattr(node, name):
            return text_of(getattr(node, name))
    return ""
