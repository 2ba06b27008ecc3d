"""The document model both writers (DOCX through pandoc, PDF through Typst) take.

A small tree: blocks (Heading, Para, BulletList, OrderedList, Quote, CodeBlock,
Rule, Table, Div) holding inlines (str, Strong, Emph, Code, Link, LineBreak,
Span). Contributed Markdown enters it only as the safe HTML `narrative.to_html`
makes, so documents show exactly what the site shows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .. import narrative

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


# Narrative HTML -> blocks ---------------------------------------------------------

_BLOCK = {"p", "ul", "ol", "li", "blockquote", "pre", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "hr"}
_SPACE = re.compile(r"\s+")


class _Tree(HTMLParser):
    """The sanitized HTML as nested (tag, attrs, children) tuples."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = ("root", {}, [])
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = (tag, dict(attrs), [])
        self.stack[-1][2].append(node)
        if tag not in ("br", "hr"):
            self.stack.append(node)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1][2].append(data)


def from_markdown(markdown: str) -> list:
    """Blocks for a contributed Markdown text, through the site's sanitizer."""
    return from_html(narrative.to_html(markdown))


def from_html(html: str) -> list:
    parser = _Tree()
    parser.feed(html)
    parser.close()
    return _blocks(parser.root[2])


def _blocks(nodes: list) -> list:
    out: list = []
    loose: list = []  # inline content between blocks (tight list items)

    def flush():
        inlines = _trim(loose)
        if inlines:
            out.append(Para(inlines))
        loose.clear()

    for node in nodes:
        if isinstance(node, tuple) and node[0] in _BLOCK:
            flush()
            out += _block(node)
        else:
            loose.append(node)
    flush()
    return out


def _block(node) -> list:
    tag, attrs, children = node
    if tag == "p":
        inlines = _trim(children)
        return [Para(inlines)] if inlines else []
    if tag in ("h3", "h4", "h5", "h6"):
        return [Heading(min(6, int(tag[1]) + 1), _trim(children))]
    if tag == "ul":
        return [BulletList([_blocks(li[2]) for li in children if isinstance(li, tuple) and li[0] == "li"])]
    if tag == "ol":
        start = int(attrs["start"]) if str(attrs.get("start", "")).isdigit() else 1
        return [OrderedList([_blocks(li[2]) for li in children if isinstance(li, tuple) and li[0] == "li"], start)]
    if tag == "blockquote":
        return [Quote(_blocks(children))]
    if tag == "pre":
        return [CodeBlock(_raw_text(children).rstrip("\n"))]
    if tag == "hr":
        return [Rule()]
    if tag == "table":
        return [_table(node)]
    return _blocks(children)


def _table(node) -> Table:
    rows = []
    header = []

    def walk(n):
        nonlocal header
        for child in n[2]:
            if not isinstance(child, tuple):
                continue
            if child[0] == "tr":
                cells = [[Para(_trim(c[2]))] for c in child[2] if isinstance(c, tuple) and c[0] in ("th", "td")]
                is_head = all(isinstance(c, tuple) and c[0] == "th" for c in child[2] if isinstance(c, tuple))
                if is_head and not header and not rows:
                    header = cells
                else:
                    rows.append(cells)
            else:
                walk(child)

    walk(node)
    width = max([len(header)] + [len(r) for r in rows] + [1])
    pad = lambda cells: cells + [[] for _ in range(width - len(cells))]
    return Table(pad(header) if header else [], [pad(r) for r in rows])


def _raw_text(nodes) -> str:
    return "".join(n if isinstance(n, str) else _raw_text(n[2]) for n in nodes)


def _inlines(nodes) -> list:
    out: list = []
    for node in nodes:
        if isinstance(node, str):
            out.append(_SPACE.sub(" ", node))
            continue
        tag, attrs, children = node
        if tag in ("strong", "b"):
            out.append(Strong(_inlines(children)))
        elif tag in ("em", "i"):
            out.append(Emph(_inlines(children)))
        elif tag == "code":
            out.append(Code(_raw_text(children)))
        elif tag == "a" and attrs.get("href"):
            out.append(Link(attrs["href"], _inlines(children)))
        elif tag == "br":
            out.append(LineBreak())
        else:
            out += _inlines(children)
    return _merge(out)


def _merge(inlines: list) -> list:
    """Adjacent strings joined, runs of spaces collapsed."""
    out: list = []
    for item in inlines:
        if isinstance(item, str) and out and isinstance(out[-1], str):
            out[-1] = _SPACE.sub(" ", out[-1] + item)
        elif item != "":
            out.append(item)
    return out


def _trim(nodes) -> list:
    """Inlines with the whitespace at both ends (and around line breaks) removed."""
    inlines = _inlines(nodes)
    if inlines and isinstance(inlines[0], str):
        inlines[0] = inlines[0].lstrip()
    if inlines and isinstance(inlines[-1], str):
        inlines[-1] = inlines[-1].rstrip()
    for i, item in enumerate(inlines):
        if isinstance(item, LineBreak):
            if i > 0 and isinstance(inlines[i - 1], str):
                inlines[i - 1] = inlines[i - 1].rstrip()
            if i + 1 < len(inlines) and isinstance(inlines[i + 1], str):
                inlines[i + 1] = inlines[i + 1].lstrip()
    return [i for i in inlines if i != ""]
