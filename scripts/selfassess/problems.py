"""A problem found in a content file, located at a line and column."""
from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the content root, with forward slashes
    line: int  # 1-based
    col: int  # 1-based
    severity: str
    field: str  # dotted field path such as actions[3].provisions[0]; "" for the whole file
    message: str

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        line = f"{self.path}:{self.line}:{self.col}: {self.severity}: {where}{self.message}"
        # One problem, one line: a line break in a file name or a quoted value would
        # otherwise start a line of its own (on GitHub, possibly a '::command::').
        return line.replace("\r", "\\r").replace("\n", "\\n") if "\n" in line or "\r" in line else line

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "field": self.field,
            "message": self.message,
        }


def field_path(path: tuple) -> str:
    """('actions', 3, 'provisions', 0) -> 'actions[3].provisions[0]'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def is_error(problem: Problem) -> bool:
    return problem.severity == ERROR
