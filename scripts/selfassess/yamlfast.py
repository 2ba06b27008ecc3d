"""The fast path for strict YAML: rapidyaml (C++) parses, then JSON carries the data.

It answers only for text in a plain subset where its result provably equals
the strict loader's, and returns None otherwise, so the caller falls back to
the strict loader (which also finds line numbers). Declined: anchors, aliases,
tags, `~`, directives, document markers, complex keys, merge keys, tabs,
reserved indicators, floats and special numbers, non-canonical integers,
repeated keys, and anything rapidyaml cannot parse.
"""
from __future__ import annotations

import json
import os
import re
from contextlib import contextmanager

import ryml

_UNSAFE_CHARS = "&*!~\t%@`"
_LINE_START = re.compile(r"^(?:\s*\?|---|\.\.\.)", re.MULTILINE)


def _unsafe(text: str) -> bool:
    """True when the text uses anything outside the subset (plain `in` tests: fast)."""
    if any(c in text for c in _UNSAFE_CHARS) or "<<" in text:
        return True
    if ("?" in text or "---" in text or "..." in text) and _LINE_START.search(text):
        return True
    low = text.lower()
    return ".nan" in low or ".inf" in low
_CANONICAL_INT = re.compile(r"^(?:0|-?[1-9][0-9]*)$").match


class _Decline(Exception):
    pass


def _int(text: str) -> int:
    if not _CANONICAL_INT(text):
        raise _Decline
    return int(text)


def _decline(_text):
    raise _Decline


def _pairs(pairs: list) -> dict:
    data = dict(pairs)
    if len(data) != len(pairs):
        raise _Decline  # a repeated key: the strict loader reports it
    return data


_quiet = 0  # > 0 while stderr is already silenced for a batch


@contextmanager
def quiet():
    """rapidyaml prints parse errors to stderr before raising; the strict loader reports
    them instead. Wrap a batch of loads in this to pay for the redirection once."""
    global _quiet
    if _quiet:
        _quiet += 1
        try:
            yield
        finally:
            _quiet -= 1
        return
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    _quiet = 1
    try:
        yield
    finally:
        _quiet = 0
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def load(text: str):
    """The data, or None when the strict loader must decide."""
    if _unsafe(text):
        return None
    try:
        with quiet():
            tree = ryml.parse_in_arena(text.encode("utf-8"))
            emitted = ryml.emit_json(tree)
        return json.loads(emitted, parse_int=_int, parse_float=_decline, parse_constant=_decline, object_pairs_hook=_pairs)
    except Exception:  # rapidyaml's parse errors and _Decline alike: let the strict loader decide
        return None
