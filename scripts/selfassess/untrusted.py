"""What check refuses in contributed text (narratives and every text field of a State).

Contributed text is untrusted: it is published under the UN's name. Each
class below is an error at the file:line:col where it stands. Whatever slips
past is still rendered inert by narrative.to_html (no raw HTML, no attribute
lists, no includes, sanitized links); this check tells the author early and
plainly instead of publishing something other than what they see.
"""
from __future__ import annotations

import bisect
import re

from . import narrative
from .documents import Document
from .problems import ERROR, Problem

# A link target may be a web or mail address, or a heading on the same page.
_LINK_OK = r"(?!(?i:https?://|mailto:)|#)"
_LINK = "a link must start with https://, http:// or mailto: (or # for a heading on the page)"
# Where a line may hold a reference definition: after block quote marks and list markers.
_BLOCK_START = r"^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*"
# Every pattern reads a bounded stretch from each start, so check takes time in
# proportion to the text, whatever the text (labels: CommonMark's 999 characters).
RULES = (
    (re.compile(r"<(?:[!?]|/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|\Z))"),
     "raw HTML is not allowed; use Markdown instead (**bold**, *italic*, lists, tables)"),
    (re.compile(r"<" + _LINK_OK + r"[A-Za-z][A-Za-z0-9+.-]{0,31}:[^\s<>]*>"), _LINK),
    (re.compile(r"\]\(\s*<?" + _LINK_OK + r"(?=\S)(?!\))"), _LINK),
    (re.compile(_BLOCK_START + r"\[[^\]]{1,999}\]:\s*<?" + _LINK_OK + r"\S", re.MULTILINE), _LINK),
    (re.compile(r"!\[[^\]]{0,999}\]"),
     "images are not published; link to the document instead"),
    (re.compile(r"\{:|\{\s*[#.][A-Za-z_-]|\{\s*[A-Za-z_:][-\w:.]*\s*=|\{[^{}\n]{0,999}?\bon[a-z]+\s*="),
     "attribute lists such as {: ...} are not allowed"),
    (re.compile(r"--8<--|\{%|\{\{|\{#|\{!"),
     "include and template syntax (--8<--, {% %}, {{ }}, {# #}, {! !}) is not allowed"),
)
_DEEP = "block quotes or lists are nested too deeply to be published; flatten them"
_NEWLINE = re.compile("\n")
_TRIGGERS = ("<", "{", "](", "]:", "![")


def _suspect(text: str) -> bool:
    return any(t in text for t in _TRIGGERS)


def findings(text: str) -> list[tuple[int, int, str]]:
    """(line offset, 1-based column, message) for each refused construct."""
    out = set()
    if _suspect(text):
        starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]  # offset of each line
        for pattern, message in RULES:
            for match in pattern.finditer(text):
                line = bisect.bisect_right(starts, match.start()) - 1
                out.add((line, match.start() - starts[line] + 1, message))
    deep = narrative.too_deep(text)
    if deep is not None:
        out.add((deep, 1, _DEEP))
    return sorted(out)


def _strings(value, path: tuple = ()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, path + (i,))


def _maybe(text: str) -> bool:
    """False when no rule can find anything in the fields of a file with this source text
    (in the source, a field's value does not start its line: any run long enough to nest deep)."""
    return _suspect(text) or narrative.nesting_run(text)


def problems(doc: Document) -> list[Problem]:
    """Refused constructs in a document (a State's, a checklist, a register): its fields and its narrative."""
    out: list[Problem] = []
    if doc.text is None or _maybe(doc.text):  # the fields' source text: nothing there, nothing in them
        for path, text in _strings(doc.data):
            for _, _, message in findings(text):
                out.append(doc.problem(path, message))
    for line, col, message in findings(doc.body):
        out.append(Problem(doc.rel, doc.body_line + line, col, ERROR, "narrative", message))
    return sorted(set(out))

