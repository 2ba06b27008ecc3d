"""What check refuses in contributed text (narratives and every text field of a State).

Contributed text is untrusted: it is published under the UN's name. Each
class below is an error at the file:line:col where it stands. Whatever slips
past is still rendered inert by narrative.to_html (no raw HTML, no attribute
lists, no includes, sanitized links); this check tells the author early and
plainly instead of publishing something other than what they see.
"""
from __future__ import annotations

import re

from .documents import Document
from .problems import ERROR, Problem

_LINK_OK = r"(?!https?://|mailto:|#)"
RULES = (
    (re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>])|!--)"),
     "raw HTML is not allowed; use Markdown instead (**bold**, *italic*, lists, tables)"),
    (re.compile(r"<" + _LINK_OK + r"[A-Za-z][A-Za-z0-9+.-]*:[^\s>]*>"),
     "a link must start with https://, http:// or mailto: (or # for a heading on the page)"),
    (re.compile(r"\]\(\s*<?" + _LINK_OK + r"(?=\S)(?!\))"),
     "a link must start with https://, http:// or mailto: (or # for a heading on the page)"),
    (re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?" + _LINK_OK + r"\S", re.MULTILINE),
     "a link must start with https://, http:// or mailto: (or # for a heading on the page)"),
    (re.compile(r"!\[[^\]\n]*\]\s*[\[(]"),
     "images are not published; link to the document instead"),
    (re.compile(r"\{:|\{\s*[#.][A-Za-z_-]|\{[^}\n]*\bon[a-z]+\s*="),
     "attribute lists such as {: ...} are not allowed"),
    (re.compile(r"--8<--|\{%|\{\{"),
     "include and template syntax (--8<--, {% %}, {{ }}) is not allowed"),
)
_TRIGGERS = ("<", "{", "](", "]:", "![")


def _suspect(text: str) -> bool:
    return any(t in text for t in _TRIGGERS)


def findings(text: str) -> list[tuple[int, int, str]]:
    """(line offset, 1-based column, message) for each refused construct."""
    if not _suspect(text):
        return []
    out = []
    for pattern, message in RULES:
        for match in pattern.finditer(text):
            start = match.start()
            line = text.count("\n", 0, start)
            col = start - (text.rfind("\n", 0, start) + 1) + 1
            out.append((line, col, message))
    return sorted(set(out))


def _strings(value, path: tuple = ()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, path + (i,))


def problems(doc: Document) -> list[Problem]:
    """Refused constructs in a State's document: its fields and its narrative."""
    out: list[Problem] = []
    if doc.text is None or _suspect(doc.text):
        for path, text in _strings(doc.data):
            for _, _, message in findings(text):
                out.append(doc.problem(path, message))
    for line, col, message in findings(doc.body):
        out.append(Problem(doc.rel, doc.body_line + line, col, ERROR, "narrative", message))
    return sorted(set(out))

