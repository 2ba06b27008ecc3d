"""Contributed Markdown to safe HTML.

Narratives and descriptions come from many governments and are untrusted.
They are rendered here, not by MkDocs: Python-Markdown with raw HTML turned
into visible text and no extension that reads files or adds attributes, then
the ammonia sanitizer (nh3) keeps only plain formatting tags and http(s) or
mailto links. The result is embedded in generated pages as an HTML block, so
MkDocs' own extensions never see contributed text.
"""
from __future__ import annotations

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


def to_html(text: str) -> str:
    """Safe HTML for a contributed Markdown text."""
    _md.reset()
    html = _md.convert(text or "")
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES, link_rel="noopener noreferrer nofollow")


def inline(text: str) -> str:
    """Safe HTML for a one-line field, without the surrounding paragraph."""
    html = to_html(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html
