"""Load one content file (YAML, or Markdown with front matter) and validate it.

A Document keeps its source text only until its problems are located; the
line-numbered parse happens only when a problem must be placed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import schemas, yamlstrict
from .problems import ERROR, WARNING, Problem, field_path
from .sources import SourceError, read_text, split_front_matter


@dataclass
class Document:
    rel: str  # path relative to the content root, e.g. content/parties/XAA/profile.yaml
    data: dict
    body: str = ""  # Markdown below the front matter
    body_line: int = 0  # file line where the body starts
    yaml_line: int = 1  # file line where the YAML starts
    text: str | None = field(default=None, repr=False)  # YAML text, dropped by forget()
    _nodes: object = field(default=None, repr=False)

    def where(self, path: tuple = (), key: bool = False) -> tuple[int, int]:
        """1-based (line, col) of a field; needs the text (before forget())."""
        if self.text is None:
            return self.yaml_line, 1
        if self._nodes is None:
            try:
                self._nodes = yamlstrict.compose(self.text)
            except Exception:  # unparseable here means it never loaded; point at the top
                return self.yaml_line, 1
        line, col = yamlstrict.locate(self._nodes, path, key)
        return line + self.yaml_line, col + 1

    def problem(self, path: tuple, message: str, severity: str = ERROR, key: bool = False) -> Problem:
        line, col = self.where(path, key)
        return Problem(self.rel, line, col, severity, field_path(path), message)

    def warning(self, path: tuple, message: str, key: bool = False) -> Problem:
        return self.problem(path, message, WARNING, key)

    def forget(self) -> None:
        """Drop the source text once problems are located (saves memory)."""
        self.text = None
        self._nodes = None


def load(
    root: Path, path: Path, schema: str, front_matter: bool = False, rel: str | None = None, dir_fd: int | None = None
) -> tuple[Document | None, list[Problem]]:
    """Read, parse and validate one file. (None, problems) when unreadable."""
    rel = rel or path.relative_to(root).as_posix()
    try:
        text = read_text(path, rel, root, dir_fd)
        if front_matter:
            fm = split_front_matter(text, rel)
            yaml_text, yaml_line, body, body_line = fm.yaml, fm.yaml_line, fm.body, fm.body_line
        else:
            yaml_text, yaml_line, body, body_line = text, 1, "", 0
    except SourceError as exc:
        return None, [exc.problem]
    data, problems = yamlstrict.load(yaml_text, rel, yaml_line - 1)
    if data is None and problems:
        return None, problems
    if not isinstance(data, dict):
        what = "a list" if isinstance(data, list) else "a single value"
        line = yaml_line
        return None, [Problem(rel, line, 1, ERROR, "", f"must hold fields written 'name: value', not {what}")]
    doc = Document(rel, data, body, body_line, yaml_line, yaml_text)
    for finding in schemas.validate(schema, data):
        problems.append(doc.problem(finding.path, finding.message, key=finding.at_key))
    return doc, problems
