"""Serve the site on localhost, rebuilding when content changes."""
from __future__ import annotations

from pathlib import Path

from . import build


def main(root: Path, host: str = "127.0.0.1", port: int = 8000) -> int:
    from mkdocs.commands.serve import serve

    if build.main(root) != 0:
        return 1
    serve(str(root / "mkdocs.yml"), dev_addr=f"{host}:{port}", livereload=True)
    return 0
