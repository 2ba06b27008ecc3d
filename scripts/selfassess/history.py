"""When each State's files last changed, and how each assessment's status moved, from git.

    history.load(root)                 -> History of the commit checked out
    history.for_public(history, view)  -> only what the public view shows
    History.parties["XAA"].last_change -> Change(commit, date, seq)
    History.parties["XAA"].assessment("untoc-05.md").statuses
                                       -> [StatusChange(commit, date, status), ...] oldest first

Changes are read along the main line (first parents), so a pull request counts
on the day it was merged. One `git log` reads every change to content/parties/,
one `git cat-file --batch` reads the assessment versions it names; what a
version holds is cached by its blob id, and a result by its commit, under
.cache/history/. A status is recorded only from versions that were public
(not draft, not confidential). Without git, or outside a repository, the
history is empty; in a shallow clone it is marked incomplete.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import revisions, yamlstrict
from .sources import SourceError, split_front_matter

FORMAT = 1  # bump when the cached data changes shape
LIMIT = 10  # status changes kept per assessment (the latest)
_PATH = re.compile(r"^content/parties/(?P<code>[A-Z]{3})/(?P<rest>.+)$")
_ASSESSMENT = re.compile(r"^assessment/[a-z]+-\d{2,3}\.md$")
_NULL = "0" * 40


@dataclass(frozen=True)
class Change:
    commit: str
    date: str  # YYYY-MM-DD, UTC
    seq: int  # position on the main line: larger is later


@dataclass(frozen=True)
class StatusChange:
    commit: str
    date: str
    status: str  # the assessment's status from this commit on


@dataclass
class FileHistory:
    path: str  # relative to the repository root, e.g. content/parties/XAA/profile.yaml
    last_change: Change
    statuses: list[StatusChange] = field(default_factory=list)  # assessments only


@dataclass
class PartyHistory:
    code: str
    last_change: Change
    files: dict[str, FileHistory] = field(default_factory=dict)

    def assessment(self, file_name: str) -> FileHistory | None:
        return self.files.get(f"content/parties/{self.code}/assessment/{file_name}")


@dataclass
class History:
    head: str | None = None  # the commit read; None without git history
    complete: bool = False  # False in a shallow clone: older changes are missing
    parties: dict[str, PartyHistory] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


def load(root: Path, rev: str = "HEAD", cache: bool = True) -> History:
    try:
        repo, prefix = revisions.toplevel(root)
        head = revisions.commit(repo, rev)
        complete = revisions.git(repo, "rev-parse", "--is-shallow-repository").decode().strip() == "false"
    except revisions.GitError:
        return History()
    folder = root / ".cache" / "history"
    key = f"{FORMAT}-{head}-{'full' if complete else 'shallow'}-{prefix.replace('/', '_')}"
    if cache and (found := _cached(folder / f"{key}.json")) is not None:
        return found
    blobs = _read_json(folder / "blobs.json") if cache else {}
    changes = _log(repo, head, prefix)
    history = _build(repo, changes, blobs, head, complete)
    if cache:
        _write_cache(folder, key, history, blobs)
    return history


def _log(repo: Path, head: str, prefix: str) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    """(commit, date, [(status letter, new blob, path)]) newest first, along first parents."""
    out = revisions.git(
        repo, "log", "--first-parent", "--diff-merges=first-parent", "--raw", "--no-renames", "--no-abbrev",
        "-z", "--format=%x1e%H%x1f%ct", head, "--", f"{prefix}content/parties",
    ).decode("utf-8", "surrogateescape")
    commits = []
    for record in out.split("\x1e")[1:]:
        header, _, rest = record.partition("\0")
        sha, _, seconds = header.partition("\x1f")
        fields = rest.lstrip("\n").split("\0")
        files = []
        for meta, path in zip(fields[0::2], fields[1::2]):
            parts = meta.split()
            if len(parts) == 5 and path.startswith(prefix):
                files.append((parts[4][0], parts[3], path[len(prefix):]))
        commits.append((sha, revisions.utc_date(int(seconds)), files))
    return commits


def _build(repo: Path, commits, blobs: dict, head: str, complete: bool) -> History:
    seen: dict[str, list[tuple[Change, str]]] = {}  # path -> [(change, blob)] newest first, since last creation
    ended: set[str] = set()
    total = len(commits)
    for n, (sha, date, files) in enumerate(commits):
        change = Change(sha, date, total - n)
        for letter, blob, path in files:
            if path in ended:
                continue
            if letter == "D":
                ended.add(path)  # deleted here: older changes belong to an earlier file
                continue
            seen.setdefault(path, []).append((change, blob))
            if letter == "A":
                ended.add(path)
    assessments = [p for p, found in seen.items() if _is_assessment(p)]
    _read_blobs(repo, {blob for p in assessments for _, blob in seen[p]} - set(blobs), blobs)
    history = History(head, complete)
    for path in sorted(seen):
        match = _PATH.match(path)
        if not match:
            continue
        found = seen[path]
        entry = FileHistory(path, found[0][0])
        if _is_assessment(path):
            entry.statuses = _statuses(found, blobs)
        party = history.parties.setdefault(match["code"], PartyHistory(match["code"], entry.last_change))
        party.files[path] = entry
        if entry.last_change.seq > party.last_change.seq:
            party.last_change = entry.last_change
    return history


def _is_assessment(path: str) -> bool:
    match = _PATH.match(path)
    return bool(match and _ASSESSMENT.match(match["rest"]))


def _statuses(found: list[tuple[Change, str]], blobs: dict) -> list[StatusChange]:
    out: list[StatusChange] = []
    for change, blob in reversed(found):
        status, public = blobs.get(blob) or (None, False)
        if public and status and (not out or out[-1].status != status):
            out.append(StatusChange(change.commit, change.date, status))
    return out[-LIMIT:]


def _read_blobs(repo: Path, wanted: set[str], blobs: dict) -> None:
    """blobs[id] = [status, public] for each wanted blob, in one git process."""
    wanted = sorted(b for b in wanted if b != _NULL)
    if not wanted:
        return
    out = revisions.git(repo, "cat-file", "--batch", stdin=("\n".join(wanted) + "\n").encode())
    at = 0
    for blob in wanted:
        end = out.index(b"\n", at)
        header = out[at:end].decode().split()
        if len(header) < 3 or header[1] != "blob":
            blobs[blob] = [None, False]
            at = end + 1
            continue
        size = int(header[2])
        blobs[blob] = _facts(out[end + 1:end + 1 + size])
        at = end + 1 + size + 1


def _facts(data: bytes) -> list:
    """[status, public] of one version of an assessment; [None, False] when unreadable."""
    try:
        text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8").replace("\r\n", "\n")
        values, problems = yamlstrict.load(split_front_matter(text, "").yaml, "")
    except (UnicodeDecodeError, SourceError):
        return [None, False]
    if problems or not isinstance(values, dict) or not isinstance(values.get("status"), str):
        return [None, False]
    return [values["status"], values.get("draft") is not True and values.get("confidential") is not True]


def for_public(history: History, public) -> History:
    """Only the States and files the public view (publish.public(corpus)) shows."""
    out = History(history.head, history.complete)
    for code, party in sorted(public.parties.items()):
        past = history.parties.get(code)
        if past is None:
            continue
        shown = {d.rel for d in (party.profile, party.action_plan, *party.assessments.values()) if d is not None}
        files = {p: f for p, f in past.files.items() if p in shown}
        if files:
            last = max((f.last_change for f in files.values()), key=lambda c: c.seq)
            out.parties[code] = PartyHistory(code, last, files)
    return out


def _from_dict(data: dict) -> History:
    parties = {}
    for code, party in data["parties"].items():
        files = {
            path: FileHistory(path, Change(**f["last_change"]), [StatusChange(**s) for s in f["statuses"]])
            for path, f in party["files"].items()
        }
        parties[code] = PartyHistory(code, Change(**party["last_change"]), files)
    return History(data["head"], data["complete"], parties)


def _read_json(path: Path) -> dict:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _cached(path: Path) -> History | None:
    data = _read_json(path)
    try:
        return _from_dict(data) if data else None
    except (KeyError, TypeError):
        return None


def _write_cache(folder: Path, key: str, history: History, blobs: dict) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(f"{FORMAT}-*.json"):
            old.unlink()
        for name, value in ((f"{key}.json", history.as_dict()), ("blobs.json", blobs)):
            temporary = folder / f".{name}.{os.getpid()}"
            temporary.write_text(json.dumps(value, sort_keys=True), encoding="utf-8")
            temporary.replace(folder / name)
    except OSError:
        pass  # a cache that cannot be written only costs time
