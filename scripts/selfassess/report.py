"""Print problems: compiler-style text, JSON, or GitHub Actions annotations."""
from __future__ import annotations

import json
from typing import TextIO

from .problems import ERROR, Problem


def summary(problems: list[Problem], files: int) -> str:
    errors = sum(1 for p in problems if p.severity == ERROR)
    warnings = len(problems) - errors
    verdict = "failed" if errors else "passed"
    return f"check {verdict}: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} in {files} files"


def text(problems: list[Problem], files: int, out: TextIO) -> None:
    for problem in problems:
        print(problem, file=out)
    print(summary(problems, files), file=out)


def as_json(problems: list[Problem], files: int, out: TextIO) -> None:
    errors = sum(1 for p in problems if p.severity == ERROR)
    payload = {
        "ok": errors == 0,
        "files": files,
        "errors": errors,
        "warnings": len(problems) - errors,
        "problems": [p.as_dict() for p in problems],
    }
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _escape(value: str, property_: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def github(problems: list[Problem], files: int, out: TextIO) -> None:
    """Plain lines for the log, then one annotation per problem for the pull request."""
    text(problems, files, out)
    for p in problems:
        title = _escape(p.field or p.path, True)
        message = _escape(f"{p.field}: {p.message}" if p.field else p.message)
        print(f"::{p.severity} file={_escape(p.path, True)},line={p.line},col={p.col},title={title}::{message}", file=out)


FORMATS = {"text": text, "json": as_json, "github": github}
