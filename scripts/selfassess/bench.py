"""make bench: speed and memory on a synthetic corpus of 192 States x 107 articles.

Prints a table, then as its last line the same figures as one JSON object.
Each step runs in a fresh process, so "cold" means cold.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import synthetic
from .cli import find_root

STATES = 192


def _run(args: list[str], cwd: Path) -> tuple[float, int]:
    """Seconds of wall time and the peak memory (KB) of a child process."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "selfassess", *args], cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"selfassess {' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main(states: int = STATES) -> int:
    source = find_root(Path.cwd())
    rows: list[tuple[str, str, str]] = []
    figures: dict[str, float | int] = {"states": states}
    with tempfile.TemporaryDirectory(prefix="selfassess-bench-") as tmp:
        corpus = synthetic.generate(source, Path(tmp) / "corpus", states)
        figures["files"] = sum(1 for _ in (corpus / "content" / "parties").rglob("*") if _.is_file())
        seconds, peak = _run(["--root", str(corpus), "check"], corpus)
        figures["check_s"] = round(seconds, 2)
        rows.append(("check, cold", f"{seconds:.2f} s", "<= 3 s"))
        figures["peak_memory_mb"] = round(peak / 1024)
    rows.append(("peak memory", f"{figures['peak_memory_mb']} MB", "<= 1536 MB"))
    print(f"Synthetic corpus: {states} States, {figures['files']} files")
    width = max(len(r[0]) for r in rows)
    for name, value, target in rows:
        print(f"  {name:<{width}}  {value:>10}   target {target}")
    print(json.dumps(figures, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
