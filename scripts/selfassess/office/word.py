"""The document model -> pandoc's JSON AST -> DOCX, styled by reference.docx.

pandoc comes from pypandoc-binary. It runs with --sandbox, reading nothing but
its input and the reference document. The AST is built here, so no text a
State wrote is ever parsed by pandoc as Markdown or raw markup.
"""
from __future__ import annotations

import json
import re
import subprocess
from functools import cache
from pathlib import Path

from . import model as m

REFERENCE = Path(__file__).resolve().parent / "reference.docx"
API_VERSION = [1, 23, 1, 1]
_NEWLINES = re.compile(r"\s*\n\s*")


class PandocError(RuntimeError):
    pass


@cache
def pandoc() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def _attr(ident: str = "", kvs: list | None = None) -> list:
    return [ident, [], kvs or []]


def _str(text: str) -> list:
    """One Str per run of text: Word breaks lines itself, and fewer nodes make pandoc faster."""
    text = _NEWLINES.sub(" ", text)
    return [{"t": "Str", "c": text}] if text else []


def inlines(items: list) -> list:
    out: list = []
    for item in items:
        if isinstance(item, str):
            out += _str(item)
        elif isinstance(item, m.Strong):
            out.append({"t": "Strong", "c": inlines(item.children)})
        elif isinstance(item, m.Emph):
            out.append({"t": "Emph", "c": inlines(item.children)})
        elif isinstance(item, m.Code):
            out.append({"t": "Code", "c": [_attr(), item.text]})
        elif isinstance(item, m.Link):
            out.append({"t": "Link", "c": [_attr(), inlines(item.children), [item.url, ""]]})
        elif isinstance(item, m.LineBreak):
            out.append({"t": "LineBreak"})
        elif isinstance(item, m.Span):
            out.append({"t": "Span", "c": [_attr(item.id), inlines(item.children)]})
    return out


def blocks(items: list) -> list:
    out: list = []
    for item in items:
        out += _block(item)
    return out


def _block(item) -> list:
    if isinstance(item, m.Para):
        para = {"t": "Para", "c": inlines(item.children)}
        if item.style:
            return [{"t": "Div", "c": [_attr("", [["custom-style", item.style]]), [para]]}]
        return [para]
    if isinstance(item, m.Heading):
        return [{"t": "Header", "c": [item.level, _attr(), inlines(item.children)]}]
    if isinstance(item, m.BulletList):
        return [{"t": "BulletList", "c": [blocks(i) for i in item.items]}]
    if isinstance(item, m.OrderedList):
        style = [item.start, {"t": "Decimal"}, {"t": "Period"}]
        return [{"t": "OrderedList", "c": [style, [blocks(i) for i in item.items]]}]
    if isinstance(item, m.Quote):
        return [{"t": "BlockQuote", "c": blocks(item.blocks)}]
    if isinstance(item, m.CodeBlock):
        return [{"t": "CodeBlock", "c": [_attr(), item.text]}]
    if isinstance(item, m.Rule):
        return [{"t": "HorizontalRule"}]
    if isinstance(item, m.Table):
        return [_table(item)]
    if isinstance(item, m.Div):
        kvs = []
        if item.lang:
            kvs.append(["lang", item.lang])
            if item.rtl:
                kvs.append(["dir", "rtl"])
        return [{"t": "Div", "c": [_attr(item.id, kvs), blocks(item.blocks)]}]
    raise TypeError(f"not a block: {item!r}")


def _cell(content: list) -> list:
    """Paragraphs in cells are written as Plain, which pandoc sets in the compact style."""
    return [_attr(), {"t": "AlignDefault"}, 1, 1, _plain(blocks(content))]


def _plain(items: list) -> list:
    out = []
    for b in items:
        if b["t"] == "Para":
            b = {"t": "Plain", "c": b["c"]}
        elif b["t"] == "Div":
            b = {"t": "Div", "c": [b["c"][0], _plain(b["c"][1])]}
        out.append(b)
    return out


def _row(cells: list) -> list:
    return [_attr(), [_cell(c) for c in cells]]


def _table(table: m.Table) -> dict:
    columns = len(table.header or (table.rows[0] if table.rows else []))
    widths = table.widths or [None] * columns
    specs = [[{"t": "AlignDefault"}, {"t": "ColWidth", "c": w} if w else {"t": "ColWidthDefault"}] for w in widths]
    head = [_attr(), [_row(table.header)] if table.header else []]
    body = [[_attr(), 0, [], [_row(r) for r in table.rows]]]
    return {"t": "Table", "c": [_attr(), [None, []], specs, head, body, [_attr(), []]]}


def _meta_text(text: str) -> dict:
    return {"t": "MetaInlines", "c": _str(text)}


def ast(document: m.Document) -> dict:
    meta = {"title": _meta_text(document.title), "lang": {"t": "MetaString", "c": document.lang}}
    if document.subtitle:
        meta["subtitle"] = _meta_text(document.subtitle)
    for key, value in sorted(document.properties.items()):
        meta[key] = {"t": "MetaString", "c": value}
    return {"pandoc-api-version": API_VERSION, "meta": meta, "blocks": blocks(document.blocks)}


class Running:
    """pandoc writing a DOCX in its own process; `wait()` for it to finish."""

    def __init__(self, document: m.Document, output: Path, reference: Path = REFERENCE):
        self.output = output
        self.source = output.with_name(output.name + ".json.part")  # pandoc's input, removed when it is done
        self.source.write_bytes(json.dumps(ast(document), ensure_ascii=False).encode("utf-8"))
        args = [pandoc(), "--sandbox", "-f", "json", "-t", "docx", f"--reference-doc={reference}", "-o", str(output), str(self.source)]
        try:
            self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        except OSError as exc:
            self.source.unlink(missing_ok=True)
            raise PandocError(f"pandoc could not start: {exc}") from None

    def wait(self) -> None:
        _, err = self.process.communicate()
        self.source.unlink(missing_ok=True)
        if self.process.returncode != 0:
            raise PandocError(f"pandoc could not write {self.output.name}: {err.decode('utf-8', 'replace').strip()}")


def start(document: m.Document, output: Path, reference: Path = REFERENCE) -> Running:
    """Start writing `document` as DOCX to `output`, so that other work can run meanwhile."""
    return Running(document, output, reference)


def write(document: m.Document, output: Path, reference: Path = REFERENCE) -> None:
    """Write `document` as DOCX to `output`."""
    start(document, output, reference).wait()
