"""Strict YAML: every value stays what its author wrote.

PyYAML's safe loader follows YAML 1.1, where `no` and `on` become booleans,
`1.10` becomes the float 1.1, `2024-01-05` becomes a date and a repeated key
silently replaces the first. Here the C parser does the parsing, and only
these plain scalars are not strings: `true`/`false`, `null`/`~`/empty and
integers in canonical form (`0`, `12`, `-3`). Each of those prints back to its
exact source text, so a value can be turned back into text without loss.
Duplicate keys, aliases and tags outside that core are errors.
"""
from __future__ import annotations

import re

import yaml
from yaml.cyaml import CParser
from yaml.constructor import BaseConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from .problems import ERROR, Problem, field_path

STR = "tag:yaml.org,2002:str"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
NULL = "tag:yaml.org,2002:null"
BOOL = "tag:yaml.org,2002:bool"
INT = "tag:yaml.org,2002:int"

_INT = re.compile(r"^(?:0|-?[1-9][0-9]*)$")


class StrictResolver(BaseResolver):
    pass


StrictResolver.add_implicit_resolver(BOOL, re.compile(r"^(?:true|false)$"), list("tf"))
StrictResolver.add_implicit_resolver(NULL, re.compile(r"^(?:~|null|)$"), ["~", "n", ""])
StrictResolver.add_implicit_resolver(INT, _INT, list("-0123456789"))


class StrictYAMLError(yaml.YAMLError):
    def __init__(self, mark, message: str):
        super().__init__(message)
        self.mark = mark
        self.message = message


class StrictConstructor(BaseConstructor):
    def __init__(self):
        super().__init__()
        self.duplicates: list[tuple[object, str]] = []  # (mark, key)

    def construct_object(self, node, deep=False):
        if node in self.constructed_objects or node in self.recursive_objects:
            raise StrictYAMLError(
                node.start_mark,
                "a value marked with an anchor (&name) is reused by an alias (*name); aliases are not allowed, write the value out in full",
            )
        return super().construct_object(node, deep)

    def construct_str(self, node):
        return node.value

    def construct_null(self, node):
        if node.value not in ("", "~", "null"):
            raise StrictYAMLError(node.start_mark, f"'{node.value}' is not null; remove the !!null tag")
        return None

    def construct_bool(self, node):
        if node.value not in ("true", "false"):
            raise StrictYAMLError(node.start_mark, f"'{node.value}' is not a boolean; write true or false")
        return node.value == "true"

    def construct_int(self, node):
        if not _INT.match(node.value):
            raise StrictYAMLError(node.start_mark, f"'{node.value}' is not a whole number written in digits")
        return int(node.value)

    def construct_seq(self, node):
        data: list = []
        yield data
        data.extend(self.construct_object(child) for child in node.value)

    def construct_map(self, node):
        data: dict = {}
        yield data
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == NULL:
                raise StrictYAMLError(key_node.start_mark, "a field name must be a plain word followed by ':'")
            key = key_node.value
            if key in data:
                self.duplicates.append((key_node.start_mark, key))
                continue
            data[key] = self.construct_object(value_node)

    def construct_undefined(self, node):
        raise StrictYAMLError(
            node.start_mark,
            f"the tag '{node.tag}' is not allowed; remove it and write a plain value",
        )


StrictConstructor.add_constructor(STR, StrictConstructor.construct_str)
StrictConstructor.add_constructor(NULL, StrictConstructor.construct_null)
StrictConstructor.add_constructor(BOOL, StrictConstructor.construct_bool)
StrictConstructor.add_constructor(INT, StrictConstructor.construct_int)
StrictConstructor.add_constructor(SEQ, StrictConstructor.construct_seq)
StrictConstructor.add_constructor(MAP, StrictConstructor.construct_map)
StrictConstructor.add_constructor(None, StrictConstructor.construct_undefined)


class StrictLoader(CParser, StrictConstructor, StrictResolver):
    def __init__(self, stream):
        CParser.__init__(self, stream)
        StrictConstructor.__init__(self)
        StrictResolver.__init__(self)


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
    loader = StrictLoader(text)
    try:
        data = loader.get_single_data()
    except StrictYAMLError as exc:
        mark = exc.mark
        return None, [Problem(rel, mark.line + 1 + line_offset, mark.column + 1, ERROR, "", exc.message)]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, text, rel, line_offset)]
    except yaml.YAMLError as exc:
        return None, [Problem(rel, 1 + line_offset, 1, ERROR, "", f"YAML error: {exc}")]
    except RecursionError:
        return None, [Problem(rel, 1 + line_offset, 1, ERROR, "", "nested too deeply; simplify the structure")]
    finally:
        loader.dispose()
    problems = []
    if loader.duplicates:
        paths = _key_paths(compose(text))
        for mark, key in loader.duplicates:
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


def compose(text: str):
    """The node tree of a document, with line marks (used only to locate problems)."""
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
