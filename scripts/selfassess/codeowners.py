"""The State folders block of .github/CODEOWNERS: each State's team owns its folder.

The block sits between two marker lines and holds one line per State,
'/content/parties/XAA/ @org/team', sorted by code. `new` and `owners --write`
keep it; a team written by hand on a line is kept. A repository without a
CODEOWNERS file does not use code owners, and nothing is checked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import sources
from .problems import ERROR, WARNING, Problem

PATH = ".github/CODEOWNERS"
BEGIN = "# BEGIN State folders"  # marker lines are found by these beginnings
END = "# END State folders"
BEGIN_LINE = BEGIN + ": kept by 'selfassess new' and 'selfassess owners --write'"
_LINE = re.compile(r"^/content/parties/(?P<code>[^/\s]+)/\s+(?P<owners>\S.*)$")
_ORG = re.compile(r"@([A-Za-z0-9-]+)/")


@dataclass
class Owners:
    text: str
    teams: dict[str, str]  # code -> owners as written
    lines: dict[str, int]  # code -> 1-based line number

    def default_team(self, code: str) -> str | None:
        """@<org>/party-<code>, with the organization of the maintainers' '*' line."""
        for line in self.text.splitlines():
            if line.startswith("*") and (match := _ORG.search(line)):
                return f"@{match.group(1)}/party-{code.lower()}"
        return None


def read(root: Path) -> Owners | None:
    try:
        text = sources.repository_text(root, PATH)
    except sources.SourceError:
        return None  # a link or an unreadable file: links.problems or the reader says why
    if text is None:
        return None
    teams, lines = {}, {}
    for number, line in enumerate(text.split("\n"), start=1):
        if match := _LINE.match(line.strip()):
            teams[match["code"]] = match["owners"].strip()
            lines[match["code"]] = number
    return Owners(text, teams, lines)


def problems(root: Path, codes) -> list[Problem]:
    """Errors for State folders without an owner; warnings for lines naming no folder."""
    owners = read(root)
    if owners is None:
        return []
    out = []
    for code in sorted(set(codes) - set(owners.teams)):
        team = owners.default_team(code) or "@<organization>/<team>"
        out.append(Problem(
            PATH, 1, 1, ERROR, "",
            f"content/parties/{code}/ has no owner; run 'selfassess owners --write' to add "
            f"'/content/parties/{code}/ {team}' (then adjust the team if needed)",
        ))
    for code in sorted(set(owners.teams) - set(codes)):
        out.append(Problem(PATH, owners.lines[code], 1, WARNING, "", f"names content/parties/{code}/, which does not exist; run 'selfassess owners --write' to remove the line"))
    return out


def write(root: Path, codes, teams: dict[str, str] | None = None) -> list[str]:
    """Rewrite the block for exactly these State codes; returns the codes added.

    `teams` gives a team for a code; otherwise the line already written is kept,
    or the default team is used.
    """
    owners = read(root)
    if owners is None:
        raise OwnersError(f"{PATH} does not exist; create it with a line '* @<organization>/<maintainers team>' first")
    teams = teams or {}
    added = []
    lines = []
    for code in sorted(set(codes)):
        team = teams.get(code) or owners.teams.get(code) or owners.default_team(code)
        if team is None:
            raise OwnersError(f"{PATH} has no '* @<organization>/<team>' line to take the organization from; give the team with --team")
        if code not in owners.teams:
            added.append(code)
        lines.append(f"/content/parties/{code}/ {team}")
    block = [BEGIN_LINE, *lines, END]
    old = owners.text.rstrip("\n").split("\n")
    starts = [i for i, line in enumerate(old) if line.startswith(BEGIN)]
    ends = [i for i, line in enumerate(old) if line.startswith(END) and starts and i > starts[0]]
    if starts and ends:
        new = old[: starts[0]] + block + old[ends[0] + 1:]
    else:
        new = [line for line in old if not _LINE.match(line.strip())] + [""] + block
    text = "\n".join(new) + "\n"
    (root / PATH).write_text(text, encoding="utf-8", newline="\n")
    return added


class OwnersError(Exception):
    pass


def main(root: Path, write_file: bool) -> int:
    import sys

    codes = [p.name for p in sorted((root / "content" / "parties").iterdir()) if p.is_dir()] if (root / "content" / "parties").is_dir() else []
    if write_file:
        try:
            added = write(root, codes)
        except OwnersError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"{PATH} gives each State folder an owner (State folders: {len(codes)}; added: {', '.join(added) or 'none'})")
        return 0
    if read(root) is None:
        print(f"error: {PATH} does not exist", file=sys.stderr)
        return 1
    found = problems(root, codes)
    for problem in found:
        print(problem)
    errors = sum(1 for p in found if p.severity == ERROR)
    print(f"owners {'failed' if errors else 'passed'}: State folders: {len(codes)}; without an owner: {errors}")
    return 1 if errors else 0
