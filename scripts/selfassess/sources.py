"""Read a repository file as text, refusing what is not a small UTF-8 text file.

Nothing outside the repository is read: a file is opened one folder at a time
from the repository root, never through a symbolic link, so a link anywhere on
the way (the file, its State folder, content/ itself) is refused, not followed.
Windows files (byte-order mark, CRLF line endings) are normal input: the mark
is dropped and line endings become LF before parsing, so line numbers still
match what the author sees in an editor.
"""
from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .problems import ERROR, Problem

MAX_BYTES = 512 * 1024


class SourceError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def _fail(rel: str, message: str, line: int = 1, col: int = 1) -> SourceError:
    return SourceError(Problem(rel, line, col, ERROR, "", message))


LINK = "is a symbolic link; replace it with the file or folder itself (the build reads only the repository's own files)"
# Invisible control characters (not tab or line ends): they corrupt documents and terminals.
_CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def first_link(root: Path, rel: str) -> str | None:
    """The first part of `rel` (from the root down) that is a symbolic link, or None."""
    path = root
    for part in rel.split("/"):
        path = path / part
        if path.is_symlink():
            return path.relative_to(root).as_posix()
    return None


def _open(root: Path, rel: str, directory: bool = False) -> int:
    """A descriptor for root/rel, opened folder by folder without following any link."""
    parts = rel.split("/")
    if not rel or any(part in ("", ".", "..") for part in parts):
        raise _fail(rel, "is outside the repository's content; only files inside the repository are read")
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            flags = os.O_RDONLY | os.O_NOFOLLOW | (getattr(os, "O_NONBLOCK", 0) if last and not directory else os.O_DIRECTORY)
            try:
                opened = os.open(part, flags, dir_fd=fd)
            except OSError as exc:
                where = "/".join(parts[: i + 1])
                if exc.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK) and os.path.islink(root / where):
                    raise _fail(where, LINK) from None
                raise _fail(rel, f"cannot be read: {exc.strerror}") from None
            os.close(fd)
            fd = opened
        return fd
    except BaseException:
        os.close(fd)
        raise


@contextmanager
def folder(root: Path, rel: str) -> Iterator[int]:
    """A descriptor for the folder root/rel (no part of it a link), to read many files in it."""
    fd = _open(root, rel, directory=True)
    try:
        yield fd
    finally:
        os.close(fd)


def read_text(path: Path, rel: str, root: Path | None = None, dir_fd: int | None = None) -> str:
    """The file's text with LF line endings, or SourceError.

    With `root`, the file is root/rel and no part of rel may be a link; with
    `dir_fd` (from `folder`), the file is path.name in that folder."""
    if dir_fd is not None:
        try:
            fd = os.open(path.name, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0), dir_fd=dir_fd)
        except OSError as exc:
            if exc.errno in (errno.ELOOP, errno.EMLINK):
                raise _fail(rel, LINK) from None
            raise _fail(rel, f"cannot be read: {exc.strerror}") from None
    elif root is not None:
        fd = _open(root, rel)
    else:
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise _fail(rel, LINK) from None
            raise _fail(rel, f"cannot be read: {exc.strerror}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _fail(rel, "is not a regular file; replace it with a text file")
        if info.st_size > MAX_BYTES:
            raise _fail(rel, f"file is {info.st_size // 1024} KB, more than the {MAX_BYTES // 1024} KB allowed; split it or shorten it")
        data = os.read(fd, info.st_size + 1)
    except OSError as exc:
        raise _fail(rel, f"cannot be read: {exc.strerror}") from None
    finally:
        os.close(fd)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise _fail(rel, "is a binary file (it contains NUL bytes); save it as plain UTF-8 text", line)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise _fail(
            rel,
            f"is not valid UTF-8 (byte 0x{data[exc.start]:02x}); save it with UTF-8 encoding",
            line,
            col,
        ) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.replace("\n", "").replace("\t", "").isprintable() and (control := _CONTROL.search(text)):
        before = text[: control.start()]
        line, col = before.count("\n") + 1, control.start() - (before.rfind("\n") + 1) + 1
        raise _fail(rel, f"contains the invisible control character U+{ord(control.group()):04X}; delete it (retype the text around it)", line, col)
    if not text.strip():
        raise _fail(rel, "file is empty; fill it in or delete it")
    return text


def repository_text(root: Path, rel: str) -> str | None:
    """A repository file's text (mkdocs.yml, CONTRIBUTING.md, a schema, ...), read as
    content files are, or None when there is no such file; SourceError otherwise."""
    if not (root / rel).exists() and not (root / rel).is_symlink():
        return None
    return read_text(root / rel, rel, root)


@dataclass(frozen=True)
class FrontMatter:
    yaml: str  # the YAML between the fences
    yaml_line: int  # file line of the first YAML line
    body: str  # the Markdown after the closing fence
    body_line: int  # file line of the first body line


_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)  # a line closing the front matter


def split_front_matter(text: str, rel: str) -> FrontMatter:
    """Split '---\\n<yaml>\\n---\\n<markdown>', or SourceError."""
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    if first.rstrip() != "---":
        raise _fail(rel, "must start with a line '---' opening the front matter (the fields), then a line '---' closing it")
    close = _FENCE.search(text, first_end + 1) if first_end >= 0 else None
    if close is None:
        raise _fail(rel, "front matter opened on line 1 is never closed; add a line '---' after the last field")
    yaml_text = text[first_end + 1 : close.start()]
    yaml_text = yaml_text if yaml_text.endswith("\n") else yaml_text + "\n"
    if not yaml_text.strip():
        raise _fail(rel, "front matter is empty; add the fields between the '---' lines", 1)
    body_start = text.find("\n", close.end())
    body = "" if body_start < 0 else text[body_start + 1 :]
    closing_line = text.count("\n", 0, close.start()) + 1
    return FrontMatter(yaml_text, 2, body, closing_line + 1)
