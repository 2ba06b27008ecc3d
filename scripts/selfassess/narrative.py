"""Contributed Markdown to safe HTML.

Narratives and descriptions come from many governments and are untrusted.
They are rendered here, not by MkDocs: Python-Markdown with raw HTML turned
into visible text and no extension that reads files or adds attributes, then
the ammonia sanitizer (nh3) keeps only plain formatting tags and http(s) or
mailto links. The result is embedded in generated pages as an HTML block, so
MkDocs' own extensions never see contributed text.
"""
from __future__ import annotations

import html
import re

import markdown
import nh3

TAGS = {
    "p", "br", "strong", "em", "b", "i", "code", "pre", "blockquote", "ul", "ol", "li",
    "a", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "hr",
}
ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
SCHEMES = {"http", "https", "mailto"}


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")  # raw HTML blocks stay text
    md.inlinePatterns.deregister("html")  # inline tags stay text
    md.inlinePatterns.deregister("entity")  # &...; stays as typed
    return md


_md = _markdown()


# One line with nothing Markdown or HTML would read: its HTML is the text, escaped.
# Most short fields (names, descriptions, notes) take this path, which is
# ~100 times cheaper than a full conversion and gives the same result.
# Control characters go the full way: Python-Markdown and the sanitizer drop some.
_PLAIN = re.compile(r"(?![-+*#>=\s]|\d+[.)]\s)[^\\`*_\[\]<>&!#|~\x00-\x1f\x7f]*\Z", re.S)


def _plain(text: str) -> bool:
    return bool(_PLAIN.match(text)) and not text.endswith(" ")


_REFERENCE = re.compile(r"^\s*\[[^\n]*\]\s*:", re.M)  # what may be a link definition, which serves links in any block


def _blocks(text: str) -> list[tuple[bool, str]] | None:
    """The text as runs of (plain, text): a plain run is one paragraph of plain lines; the others
    hold the blocks between them, as written. None when it must be converted whole: a
    line of spaces only, or a link definition. A plain paragraph ends any list, quote or
    code before it and starts none, so each run converts alone to what it is in the whole."""
    lines = text.strip("\n").split("\n")
    if any(line and not line.strip() for line in lines) or _REFERENCE.search(text):
        return None
    runs: list[tuple[bool, list[str]]] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line:
            block.append(line)
            continue
        if block:
            plain = all(_plain(x) for x in block)
            if not plain and runs and not runs[-1][0]:
                runs[-1][1].extend(["", *block])  # the blank line kept, as written
            else:
                runs.append((plain, block))
            block = []
        elif runs and not runs[-1][0]:
            runs[-1][1].append("")  # more blank lines inside a run, as written
    return [(plain, "\n".join(run).strip("\n")) for plain, run in runs]


def _convert(text: str) -> str:
    _md.reset()
    converted = _md.convert(text)
    return nh3.clean(converted, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES, link_rel="noopener noreferrer nofollow")


def to_html(text: str) -> str:
    """Safe HTML for a contributed Markdown text. Paragraphs of plain lines (most of the prose)
    skip the conversion, which gives them nothing but <p>; the rest is converted."""
    runs = _blocks(text) if text else None
    if runs is None:
        return _convert(text or "")
    parts = [f"<p>{html.escape(run, quote=False)}</p>" if plain else _convert(run) for plain, run in runs]
    return "\n".join(part for part in parts if part)


def inline(text: str) -> str:
    """Safe HTML for a one-line field, without the surrounding paragraph."""
    if text and _plain(text):
        return html.escape(text, quote=False)
    out = to_html(text)
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        return out[3:-4]
    return out
