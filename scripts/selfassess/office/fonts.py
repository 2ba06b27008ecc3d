"""The fonts PDFs are set in: Noto, covering Latin, Cyrillic, Arabic and Chinese.

No Python package carries the Chinese fonts, so they come from Debian's
fonts-noto-core and fonts-noto-cjk, which scripts/install-system-packages.sh
installs (make and .ci/run run it). SELFASSESS_FONTS may name other folders
holding the same files (for example on a Mac).
"""
from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import tempfile
from functools import cache
from pathlib import Path

FAMILIES = ("Noto Serif", "Noto Naskh Arabic", "Noto Serif CJK SC")
MONO = "DejaVu Sans Mono"  # embedded in Typst
FILES = (
    "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf", "NotoSerif-BoldItalic.ttf",
    "NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf",
    "NotoSerifCJK-Regular.ttc", "NotoSerifCJK-Bold.ttc",
)
SEARCH = (
    "/usr/share/fonts/truetype/noto",
    "/usr/share/fonts/opentype/noto",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
)
PACKAGES = "fonts-noto-core fonts-noto-cjk"


class FontsMissing(RuntimeError):
    pass


def _folders() -> list[Path]:
    extra = [p for p in os.environ.get("SELFASSESS_FONTS", "").split(os.pathsep) if p]
    return [Path(p).expanduser() for p in (*extra, *SEARCH)]


@cache
def files() -> dict[str, Path]:
    """File name -> path of every font the PDFs use, or FontsMissing."""
    found: dict[str, Path] = {}
    for folder in _folders():
        if not folder.is_dir():
            continue
        for name in FILES:
            if name not in found:
                hits = [folder / name] if (folder / name).is_file() else sorted(folder.rglob(name))
                if hits:
                    found[name] = hits[0]
    missing = [name for name in FILES if name not in found]
    if missing:
        raise FontsMissing(
            f"PDF export needs the Noto fonts, and {', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not installed. "
            f"Run scripts/install-system-packages.sh (it installs the Debian packages {PACKAGES}), "
            "or set SELFASSESS_FONTS to the folders that hold these files."
        )
    return found


@cache
def font_folder() -> Path:
    """A private folder holding links to exactly these fonts, for Typst to scan."""
    place = Path(tempfile.mkdtemp(prefix="selfassess-fonts-"))
    atexit.register(shutil.rmtree, place, True)
    for name, path in files().items():
        os.symlink(path, place / name)
    return place


def fingerprint() -> str:
    """Changes when a font file changes: part of the export cache key."""
    digest = hashlib.sha256()
    for name, path in sorted(files().items()):
        stat = path.stat()
        digest.update(f"{name}:{stat.st_size}:{int(stat.st_mtime)}\n".encode())
    return digest.hexdigest()[:16]
