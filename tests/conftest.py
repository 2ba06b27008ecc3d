import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_tree(dest: Path, files: dict | None = None, raw: dict | None = None) -> Path:
    """A content tree: the real instrument files, the base fixture, then `files` on top.

    `files` maps paths to text (None deletes); `raw` maps paths to bytes.
    """
    shutil.copytree(FIXTURES / "base", dest, dirs_exist_ok=True)
    provisions = dest / "content" / "provisions"
    provisions.mkdir(parents=True, exist_ok=True)
    for path in (REPO / "content" / "provisions").glob("*.yaml"):
        shutil.copy(path, provisions / path.name)
    for rel, text in (files or {}).items():
        path = dest / rel
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for rel, data in (raw or {}).items():
        path = dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return dest


@pytest.fixture
def tree(tmp_path):
    return lambda files=None, raw=None: make_tree(tmp_path / "repo", files, raw)


def run_cli(*args, cwd=None, env=None):
    return subprocess.run(
        [sys.executable, "-m", "selfassess", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120,
    )
