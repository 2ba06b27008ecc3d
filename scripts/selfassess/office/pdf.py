"""The document model -> Typst markup -> PDF, with the `typst` package (no install by hand).

Every text goes into the markup escaped, so nothing a State wrote is read as
Typst code; the compiler's root is an empty folder, so no file can be read.
"""
from __future__ import annotations

import os
import re
import string
import tempfile
from functools import cache
from pathlib import Path

from . import fonts
from . import model as m

_ESCAPE = str.maketrans({c: "\\" + c for c in string.punctuation} | {"\n": " "})
_LANG = re.compile(r"^([a-z]{2,3})(?:-([A-Z]{2}))?\b")


class TypstFailed(RuntimeError):
    pass


def text(value: str) -> str:
    """Literal text in markup: every ASCII punctuation mark escaped, one line."""
    return value.translate(_ESCAPE)


def literal(value: str) -> str:
    """A Typst string literal."""
    body = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{body}"'


def inlines(items: list) -> str:
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(text(item))
        elif isinstance(item, m.Strong):
            out.append(f"#strong[{inlines(item.children)}]")
        elif isinstance(item, m.Emph):
            out.append(f"#emph[{inlines(item.children)}]")
        elif isinstance(item, m.Code):
            out.append(f"#raw({literal(item.text)})")
        elif isinstance(item, m.Link):
            out.append(f"#link({literal(item.url)})[{inlines(item.children)}]")
        elif isinstance(item, m.LineBreak):
            out.append("#linebreak()")
        elif isinstance(item, m.Span):
            out.append(inlines(item.children))
    return "".join(out)


def blocks(items: list) -> str:
    return "\n\n".join(filter(None, (_block(item) for item in items)))


def _content(items: list) -> str:
    return "[" + blocks(items) + "]"


def _block(item) -> str:
    if isinstance(item, m.Para):
        body = inlines(item.children)
        return f"#text(fill: luma(70), style: \"italic\")[{body}]" if item.style == "Guidance" else body
    if isinstance(item, m.Heading):
        return f"#heading(level: {item.level})[{inlines(item.children)}]"
    if isinstance(item, m.BulletList):
        return "#list(" + ", ".join(_content(i) for i in item.items) + ")"
    if isinstance(item, m.OrderedList):
        return f"#enum(start: {item.start}, " + ", ".join(_content(i) for i in item.items) + ")"
    if isinstance(item, m.Quote):
        return f"#quote(block: true){_content(item.blocks)}"
    if isinstance(item, m.CodeBlock):
        return f"#raw({literal(item.text)}, block: true)"
    if isinstance(item, m.Rule):
        return "#line(length: 100%, stroke: 0.5pt + luma(150))"
    if isinstance(item, m.Table):
        return _table(item)
    if isinstance(item, m.Div):
        return _div(item)
    raise TypeError(f"not a block: {item!r}")


def _table(table: m.Table) -> str:
    count = len(table.header or (table.rows[0] if table.rows else []))
    if not count:
        return ""
    widths = table.widths or [1 / count] * count
    columns = ", ".join(f"{max(1, round(w * 100))}fr" for w in widths)
    parts = [f"columns: ({columns},)"]
    if table.header:
        parts.append("table.header(" + ", ".join(_content(c) for c in table.header) + ")")
    parts += [_content(c) for row in table.rows for c in row]
    return "#table(" + ", ".join(parts) + ")"


def _div(div: m.Div) -> str:
    body = blocks(div.blocks)
    match = _LANG.match(div.lang or "")
    if not match:
        return body
    settings = [f'lang: "{match[1]}"']
    if match[2]:
        settings.append(f'region: "{match[2]}"')
    settings.append("dir: rtl" if div.rtl else "dir: ltr")
    return f"#block(width: 100%)[\n#set text({', '.join(settings)})\n{body}\n]"


PREAMBLE = """\
#set document(title: {title})
#set page(paper: "a4", margin: (x: 2.3cm, top: 2.6cm, bottom: 2.4cm),
  header: context {{ if counter(page).get().first() > 1 {{ set text(size: 8pt, fill: luma(90)); align(right, {running}) }} }},
  footer: context {{ set text(size: 8.5pt); align(center, counter(page).display("1")) }})
#set text(font: ({fonts}), size: 10pt, lang: "{lang}", hyphenate: false)
#set par(justify: false, spacing: 0.9em)
#show heading: set text(weight: "bold")
#show heading: set block(above: 1.3em, below: 0.7em)
#show heading.where(level: 1): set text(size: 14pt)
#show heading.where(level: 2): set text(size: 12pt)
#show heading.where(level: 3): set text(size: 10.5pt)
#show table: set text(size: 9pt)
#show table: set par(justify: false)
#show table: set text(hyphenate: true)
#set table(stroke: 0.5pt + luma(150), inset: 4.5pt)
#show table.cell.where(y: 0): set text(weight: "bold")
#show link: set text(fill: rgb("#1f4e8c"))
#show raw: set text(font: "{mono}", size: 8.5pt)
#align(center)[#text(size: 17pt, weight: "bold")[{title_markup}]{subtitle}]
#v(0.6em)

"""


def source(document: m.Document) -> str:
    """The whole Typst source of `document`."""
    subtitle = f" \\\n#text(size: 11pt)[{text(document.subtitle)}]" if document.subtitle else ""
    preamble = PREAMBLE.format(
        title=literal(document.title),
        running=literal(document.title),
        fonts=", ".join(literal(f) for f in fonts.FAMILIES),
        mono=fonts.MONO,
        lang=_LANG.match(document.lang)[1] if _LANG.match(document.lang or "") else "en",
        title_markup=text(document.title),
        subtitle=subtitle,
    )
    return preamble + blocks(document.blocks) + "\n"


@cache
def _compiler():
    import typst

    root = tempfile.mkdtemp(prefix="selfassess-typst-")  # empty: documents read no file
    found = typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=[str(fonts.font_folder())])
    return typst.Compiler(root=root, font_paths=found, ignore_system_fonts=True)


def _timestamp() -> int | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(epoch) if epoch.isdigit() else None


def _pack(pdf: bytes) -> bytes:
    """The same PDF with its objects in compressed object streams.

    Typst writes the structure tree that makes the PDF accessible (tagged) as
    plain objects, two thirds of the file; packed, a State's PDF is a third of
    the size. qpdf (through pikepdf) does it without touching the content.
    """
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        out = io.BytesIO()
        # Typst's streams are compressed already: passed through as they are (same bytes, less work).
        document.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate, stream_decode_level=pikepdf.StreamDecodeLevel.none, deterministic_id=True)
    return out.getvalue()


def write(document: m.Document, output: Path) -> None:
    """Write `document` as PDF to `output`."""
    import typst

    try:
        pdf = _compiler().compile(input=source(document).encode("utf-8"), format="pdf", timestamp=_timestamp())
    except typst.TypstError as exc:
        raise TypstFailed(f"Typst could not lay out {output.name}: {exc.message}") from None
    output.write_bytes(_pack(pdf))
