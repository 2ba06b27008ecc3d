"""Strict YAML: every value stays what its author wrote.

PyYAML's safe loader follows YAML 1.1, where `no` and `on` become booleans,
`1.10` becomes the float 1.1, `2024-01-05` becomes a date and a repeated key
silently replaces the first. Here the C parser does the parsing, and only
these plain scalars are not strings: `true`/`false`, `null`/`~`/empty and
integers in canonical form (`0`, `12`, `-3`). Each of those prints back to its
exact source text, so a value can be turned back into text without loss.
Duplicate keys, aliases and tags outside that core are errors.

Most files take the fast path (yamlfast, rapidyaml); the rest, and every file
with a problem to locate, are parsed here with libyaml's C parser and marks.
"""
from __future__ import annotations

import re

import yaml
from yaml.cyaml import CParser
from yaml.events import MappingEndEvent, MappingStartEvent, SequenceEndEvent, SequenceStartEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from . import yamlfast
from .problems import ERROR, Problem, field_path

STR = "tag:yaml.org,2002:str"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
NULL = "tag:yaml.org,2002:null"
BOOL = "tag:yaml.org,2002:bool"
INT = "tag:yaml.org,2002:int"

_INT = re.compile(r"^(?:0|-?[1-9][0-9]*)$").match


class StrictLoader(CParser, BaseResolver):
    """libyaml's C parser and composer; scalars resolved only to the core types above."""

    def __init__(self, stream):
        CParser.__init__(self, stream)
        BaseResolver.__init__(self)

    def resolve(self, kind, value, implicit):
        if kind is ScalarNode:
            if implicit[0]:
                if value == "true" or value == "false":
                    return BOOL
                if value == "" or value == "~" or value == "null":
                    return NULL
                if _INT(value):
                    return INT
            return STR
        return SEQ if kind is SequenceNode else MAP

    def descend_resolver(self, current_node, current_index):  # no path resolvers
        pass

    def ascend_resolver(self):
        pass


class StrictYAMLError(yaml.YAMLError):
    def __init__(self, mark, message: str):
        super().__init__(message)
        self.mark = mark
        self.message = message


def _scalar(node: ScalarNode):
    tag, value = node.tag, node.value
    if tag == STR:
        return value
    if tag == INT and _INT(value):
        return int(value)
    if tag == BOOL and value in ("true", "false"):
        return value == "true"
    if tag == NULL and value in ("", "~", "null"):
        return None
    if tag in (INT, BOOL, NULL):
        raise StrictYAMLError(node.start_mark, f"'{value}' does not fit the tag '{tag}'; remove the tag and write a plain value")
    raise StrictYAMLError(node.start_mark, f"the tag '{tag}' is not allowed; remove it and write a plain value")


def build(root) -> tuple[object, list]:
    """Plain data from a node tree, and the (mark, key) of each repeated key."""
    seen: set[int] = set()
    duplicates: list = []

    def value(node):
        if id(node) in seen:
            raise StrictYAMLError(
                node.start_mark,
                "a value marked with an anchor (&name) is reused by an alias (*name); aliases are not allowed, write the value out in full",
            )
        seen.add(id(node))
        if node.__class__ is ScalarNode:
            return _scalar(node)
        if node.tag not in (MAP, SEQ):
            raise StrictYAMLError(node.start_mark, f"the tag '{node.tag}' is not allowed; remove it")
        if node.__class__ is SequenceNode:
            return [value(child) for child in node.value]
        data = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode or key_node.tag == NULL:
                raise StrictYAMLError(key_node.start_mark, "a field name must be a plain word followed by ':'")
            key = key_node.value
            if key in data:
                duplicates.append((key_node.start_mark, key))
                continue
            data[key] = value(value_node)
        return data

    return value(root), duplicates


_HINTS = (
    ("another document", "a file holds one document: remove this '---' line, or merge what follows into the part above"),
    ("mapping values are not allowed", "put text that contains ': ' in quotes, or check the indentation"),
    ("could not find expected ':'", "write each field as 'name: value' and check the indentation"),
    ("undefined alias", "aliases (*name) are not allowed; write the value out in full"),
    ("cannot start any token", "quote text that starts with a special character such as @, `, % or |"),
)


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, rel: str, line_offset: int) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    what = exc.problem or exc.context or "unreadable YAML"
    found = f"{exc.context or ''} {what}"
    hint = next((h for key, h in _HINTS if key in found), "check the indentation and quoting near here")
    if "another document" in found:
        what = "a second YAML document starts here"
    if "quoted scalar" in found and exc.context_mark:
        mark, what, hint = exc.context_mark, "a quoted text opened here is never closed", "add the closing quote"
    if mark and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        hint = "indent with spaces, not tabs"
    line = mark.line + 1 + line_offset if mark else 1 + line_offset
    col = mark.column + 1 if mark else 1
    return Problem(rel, line, col, ERROR, "", f"YAML syntax error: {what}; {hint}")


def load(text: str, rel: str, line_offset: int = 0) -> tuple[object, list[Problem]]:
    """Parse one YAML document strictly. Returns (data or None, problems)."""
    data = yamlfast.load(text)
    if data is not None:
        return data, []
    try:
        root = compose(text)
        data, duplicates = build(root) if root is not None else (None, [])
    except StrictYAMLError as exc:
        mark = exc.mark
        return None, [Problem(rel, mark.line + 1 + line_offset, mark.column + 1, ERROR, "", exc.message)]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, text, rel, line_offset)]
    except yaml.YAMLError as exc:
        return None, [Problem(rel, 1 + line_offset, 1, ERROR, "", f"YAML error: {exc}")]
    except RecursionError:
        return None, [Problem(rel, 1 + line_offset, 1, ERROR, "", "nested too deeply; simplify the structure")]
    problems = []
    if duplicates:
        paths = _key_paths(root)
        for mark, key in duplicates:
            where = field_path(paths.get((mark.line, mark.column), (key,)))
            problems.append(Problem(rel, mark.line + 1 + line_offset, mark.column + 1, ERROR, where, f"field '{key}' is given twice; keep one and delete the other"))
    return data, problems


def _key_paths(root) -> dict[tuple[int, int], tuple]:
    """(line, column) of every mapping key -> its field path."""
    out: dict[tuple[int, int], tuple] = {}
    stack = [(root, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                out[(key_node.start_mark.line, key_node.start_mark.column)] = path + (key_node.value,)
                stack.append((value_node, path + (key_node.value,)))
        elif isinstance(node, SequenceNode):
            stack.extend((child, path + (i,)) for i, child in enumerate(node.value))
    return out


MAX_DEPTH = 32  # content files nest 6 levels; libyaml's composer recurses and would crash on 100,000


def _depth_guard(text: str) -> None:
    """Refuse deep nesting before composing, walking the (iterative) event stream."""
    loader = StrictLoader(text)
    try:
        depth = 0
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise StrictYAMLError(event.start_mark, f"nested more than {MAX_DEPTH} levels deep; simplify the structure")
            elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                depth -= 1
    finally:
        loader.dispose()


def compose(text: str):
    """The node tree of a document, with line marks."""
    _depth_guard(text)
    loader = StrictLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def locate(node, path: tuple, key: bool = False) -> tuple[int, int]:
    """0-based (line, column) of the value at `path`; of its key when `key`.

    Stops at the deepest node that exists, so a missing field points at its parent.
    """
    mark = node.start_mark
    for i, part in enumerate(path):
        last = i == len(path) - 1
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == part:
                    mark = key_node.start_mark if (last and key) else value_node.start_mark
                    node = value_node
                    break
            else:
                return mark.line, mark.column
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            mark = node.start_mark
        else:
            break
    return mark.line, mark.column
