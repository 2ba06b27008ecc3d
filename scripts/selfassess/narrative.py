"""Contributed Markdown to safe HTML.

Narratives and descriptions come from many governments and are untrusted.
They are rendered here, not by MkDocs, in two steps:
- markdown-it-py (CommonMark, the dialect GitHub previews) with raw HTML shown
  as text, no images and no extension that reads files or adds attributes. Its
  parser takes time in proportion to the text, whatever the text: Python-Markdown
  took minutes on a few kilobytes of crafted brackets or code spans;
- the ammonia sanitizer (nh3) keeps only plain formatting tags, and links to
  http(s) or mailto addresses or to a heading on the same page.
The result is embedded in generated pages as an HTML block, so MkDocs' own
extensions never see contributed text. untrusted.py makes `check` refuse
these constructs at their line; this module keeps them inert if it did not.
"""
from __future__ import annotations

import html
import re

import nh3
from markdown_it import MarkdownIt

TAGS = {
    "p", "br", "strong", "em", "b", "i", "code", "pre", "blockquote", "ul", "ol", "li",
    "a", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "hr",
}
ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}, "ol": {"start"}}
SCHEMES = {"http", "https", "mailto"}


def _relative(url: str) -> str | None:
    """Of relative addresses, only a heading on the same page (#...) is kept."""
    return url if url.startswith("#") else None


MAX_NESTING = 20  # block quotes and lists inside one another; deeper content is not rendered
_md = MarkdownIt("commonmark", {"html": False, "xhtmlOut": False, "maxNesting": MAX_NESTING}).enable("table").disable("image")
_clean = nh3.Cleaner(tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES, url_relative=_relative,
                     link_rel="noopener noreferrer nofollow")


_ALIGN = re.compile(r' style="text-align:(left|center|right)"')  # only table alignment makes these


def convert(text: str) -> str:
    """The full conversion: Markdown, then the sanitizer."""
    return _clean.clean(_ALIGN.sub(r' align="\1"', _md.render(text or "")))


# Nesting that deep starts on a line with at least this many quote marks, list markers or
# indents: each level of a quote adds one, of a list two (list and item), and every level
# needs at least one character before the line's content (">>>" nests three quotes).
# Those characters become NUL, then str.find looks for a run (far faster than a regex).
_NESTING = str.maketrans({c: "\x00" for c in " \t>*+-0123456789.)"})
_RUN = "\x00" * (MAX_NESTING - 4)


def nesting_run(text: str) -> bool:
    """Whether `text` holds, anywhere, a run of characters long enough to nest that deep."""
    return _RUN in text.translate(_NESTING)


def deep_line(text: str) -> bool:
    """Whether a line of `text` could start nesting deep enough for too_deep (cheap)."""
    mapped = text.translate(_NESTING)
    return mapped.startswith(_RUN) or ("\n" + _RUN) in mapped


def too_deep(text: str) -> int | None:
    """The line offset where nesting reaches the limit past which nothing is rendered, or None."""
    if not deep_line(text):
        return None
    for token in _md.parse(text):
        if token.level >= MAX_NESTING - 1:
            return token.map[0] if token.map else 0
    return None


# One line with nothing Markdown or HTML would read (and no control character, which the
# conversion replaces): its HTML is the text, escaped.
# Most short fields (names, descriptions, notes) take this path, which is
# ~100 times cheaper than a full conversion and gives the same result.
_PLAIN = re.compile(r"(?![-+*#>=\s]|\d+[.)](?:\s|\Z))[^\\`*_\[\]<>&!#|~\x00-\x1f\x7f]*\Z", re.S)


def _plain(text: str) -> bool:
    return bool(_PLAIN.match(text)) and not text.endswith(" ")


# What may be a link definition (it serves links in any block) or a code fence (it spans blank
# lines, and runs to the end when not closed): a text holding one is converted whole.
_WHOLE = re.compile(r"^\s*\[[^\n]*\]\s*:|```|~~~", re.M)


def _blocks(text: str) -> list[tuple[bool, str]] | None:
    """The text as runs of (plain, text): a plain run is one paragraph of plain lines; the others
    hold the blocks between them, as written. None when it must be converted whole (a line
    of spaces only, a link definition, a fence). A plain paragraph after a blank line ends any
    list, quote or indented code before it and starts none, so each run converts alone to
    what it is in the whole."""
    lines = text.strip("\n").split("\n")
    if any(line and not line.strip() for line in lines) or _WHOLE.search(text):
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


def to_html(text: str) -> str:
    """Safe HTML for a contributed Markdown text. Paragraphs of plain lines (most of the prose)
    skip the conversion, which gives them nothing but <p>; the rest is converted."""
    if not text:
        return convert(text).strip()
    if _plain(text):
        return f"<p>{html.escape(text, quote=False)}</p>"
    runs = _blocks(text)
    if runs is None:
        return convert(text).strip()
    parts = [f"<p>{html.escape(run, quote=False)}</p>" if plain else convert(run).strip() for plain, run in runs]
    return "\n".join(part for part in parts if part)


def inline(text: str) -> str:
    """Safe HTML for a one-line field, without the surrounding paragraph."""
    if text and _plain(text):
        return html.escape(text, quote=False)
    out = to_html(text)
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        return out[3:-4]
    return out
