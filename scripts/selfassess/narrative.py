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


def _plain_paragraphs(text: str) -> list[str] | None:
    """The paragraphs of a text made only of plain lines, separated by one blank line; else None.
    Most narratives are such prose, and their HTML is then one <p> per paragraph."""
    paragraphs = text.strip("\n").split("\n\n")
    for paragraph in paragraphs:
        for line in paragraph.split("\n"):
            if not line or not _plain(line):
                return None
    return paragraphs


def to_html(text: str) -> str:
    """Safe HTML for a contributed Markdown text."""
    paragraphs = _plain_paragraphs(text) if text else None
    if paragraphs:
        return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    _md.reset()
    converted = _md.convert(text or "")
    return nh3.clean(converted, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES, link_rel="noopener noreferrer nofollow")


def inline(text: str) -> str:
    """Safe HTML for a one-line field, without the surrounding paragraph."""
    if text and _plain(text):
        return html.escape(text, quote=False)
    out = to_html(text)
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        return out[3:-4]
    return out
