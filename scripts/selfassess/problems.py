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
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {where}{self.message}"

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
