"""Contributed Markdown -> document blocks, through the site's own sanitizer.

A narrative is rendered by `narrative.to_html` (Python-Markdown, raw HTML kept
as text, then nh3), and that safe HTML is read here into the document model.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from .. import narrative
from .model import BulletList, Code, CodeBlock, Emph, Heading, LineBreak, Link, OrderedList, Para, Quote, Rule, Strong, Table

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
