"""A short word-level excerpt of how a narrative changed."""
from __future__ import annotations

import difflib
import re

CONTEXT = 4  # unchanged words shown either side of a change
MAX_WORDS = 24  # words shown of one removed or added run
MAX_EXCERPTS = 3


def _words(text: str) -> list[str]:
    return re.findall(r"\S+", text or "")


def _clip(words: list[str], limit: int) -> str:
    if len(words) <= limit:
        return " ".join(words)
    return " ".join(words[: limit - 2]) + " … " + " ".join(words[-2:])


def _same(words: list[str], cut_before: bool, cut_after: bool) -> str:
    """Unchanged words around changes; '…' marks words left out."""
    if len(words) > 2 * CONTEXT and not (cut_before or cut_after):
        return " ".join(words[:CONTEXT]) + " … " + " ".join(words[-CONTEXT:])
    return ("… " if cut_before else "") + " ".join(words) + (" …" if cut_after else "")


def compare(old: str, new: str) -> dict | None:
    """None when the words are the same; else counts and up to three excerpts.

    An excerpt is a list of segments {kind: same | removed | added, text}:
    nearby changes are shown together with a few unchanged words around them.
    Changes of spacing or line breaks alone are not changes.
    """
    a, b = _words(old), _words(new)
    if a == b:
        return None
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    excerpts = []
    for group in list(matcher.get_grouped_opcodes(CONTEXT))[:MAX_EXCERPTS]:
        segments = []
        for n, (tag, i1, i2, j1, j2) in enumerate(group):
            if tag == "equal":
                first, last = n == 0, n == len(group) - 1
                text = _same(a[i1:i2], first and i1 > 0, last and i2 < len(a))
                if text:
                    segments.append({"kind": "same", "text": text})
                continue
            if i2 > i1:
                segments.append({"kind": "removed", "text": _clip(a[i1:i2], MAX_WORDS)})
            if j2 > j1:
                segments.append({"kind": "added", "text": _clip(b[j1:j2], MAX_WORDS)})
        excerpts.append(segments)
    groups = len(list(matcher.get_grouped_opcodes(CONTEXT)))
    return {
        "words_added": sum(j2 - j1 for _, _, _, j1, j2 in changes),
        "words_removed": sum(i2 - i1 for _, i1, i2, _, _ in changes),
        "excerpts": excerpts,
        "more": max(0, groups - MAX_EXCERPTS),
    }
