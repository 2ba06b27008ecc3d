"""make bench: speed, size and memory on a synthetic corpus of 192 States x 107 articles.

Prints a table, then as its last line the same figures as one JSON object.
Every step runs in a fresh process of its own, so "cold" means cold: no
rendered page, no cache, no warm interpreter. Each step is one function
taking the Bench and returning its table rows; add a step by writing one and
listing it in STEPS. Wall seconds are what the targets are about; CPU seconds
(all processes) and the machine's load average are printed beside them,
since other work on the machine slows the wall clock, not the CPU time.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import synthetic
from .cli import find_root

STATES = 192
CHANGED_STATE = "XAB"
QUERIES = ["extradition", "witness protection", "Synthetic State XAB"]
MB = 1024 * 1024


@dataclass
class Run:
    seconds: float
    cpu_s: float
    peak_mb: int  # proportional set size of the process and its children, at its highest
    stdout: str
    stderr: str


@dataclass
class Bench:
    root: Path  # the synthetic repository
    work: Path  # scratch space beside it
    figures: dict = field(default_factory=dict)
    rows: list = field(default_factory=list)  # (step, value, target, note)

    def row(self, step: str, value: str, target: str = "", note: str = "") -> None:
        self.rows.append((step, value, target, note))


def _tree_pss_kb(top: int) -> int:
    """Proportional set size of a process and all its descendants (shared pages counted once)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    ppid = int(handle.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [top]
    while todo:
        pid = todo.pop()
        todo += parents.get(pid, [])
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
                for line in handle:
                    if line.startswith(b"Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            continue
    return total


def run(args: list[str], cwd: Path, env: dict | None = None) -> Run:
    """Run a command; its wall time, CPU time and peak memory (sampled every 50 ms)."""
    before = os.times()
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]

    def watch():
        while process.poll() is None:
            peak[0] = max(peak[0], _tree_pss_kb(process.pid))
            time.sleep(0.05)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - start
    watcher.join()
    after = os.times()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({process.returncode}):\n{stderr[-3000:]}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return Run(round(seconds, 2), round(cpu, 2), round(peak[0] / 1024), stdout, stderr)


def selfassess(bench: Bench, *args: str) -> Run:
    return run([sys.executable, "-m", "selfassess", "--root", str(bench.root), *args], bench.root)


def _record(bench: Bench, key: str, result: Run) -> None:
    bench.figures[f"{key}_s"] = result.seconds
    bench.figures[f"{key}_cpu_s"] = result.cpu_s
    bench.figures[f"{key}_peak_mb"] = result.peak_mb


def _note(result: Run) -> str:
    return f"cpu {result.cpu_s:.1f} s, peak {result.peak_mb} MB"


def step_check(bench: Bench) -> None:
    result = selfassess(bench, "check")
    _record(bench, "check", result)
    bench.row("check, cold", f"{result.seconds:.2f} s", "<= 3 s", _note(result))


def step_build(bench: Bench) -> None:
    for leftover in (".generated", ".cache", "site"):
        shutil.rmtree(bench.root / leftover, ignore_errors=True)
    result = selfassess(bench, "build", "--timings", "--no-documents")
    _record(bench, "build", result)
    bench.row("site build, cold (documents below)", f"{result.seconds:.2f} s", "<= 60 s", _note(result))
    bench.figures["build_stages"] = {}
    for stage, wall, cpu in re.findall(r"^timing: (.+): ([\d.]+) s wall, ([\d.]+) s cpu$", result.stderr, re.M):
        bench.figures["build_stages"][stage] = {"s": float(wall), "cpu_s": float(cpu)}
        bench.row(f"  {stage}", f"{float(wall):.2f} s", "", f"cpu {float(cpu):.1f} s")


def _bare_config(bench: Bench, plugins: bool) -> Path:
    """The project's mkdocs.yml, as is or without the selfassess-blocks plugin (plugins: [])."""
    source = bench.root / "mkdocs.yml"
    if plugins:
        return source
    lines = source.read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("plugins:"))
    end = next(n for n in range(start + 1, len(lines)) if not lines[n].startswith((" ", "\t")))
    target = bench.root / "mkdocs-without-plugin.yml"
    target.write_text("\n".join(lines[:start] + ["plugins: []"] + lines[end:]) + "\n", encoding="utf-8")
    return target


def step_bare_mkdocs(bench: Bench) -> None:
    """`mkdocs build` of the docs folder the build generated, with the project's own mkdocs.yml."""
    for key, plugins in (("bare_mkdocs", True), ("bare_mkdocs_without_plugin", False)):
        site = bench.work / f"site-{key}"
        result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(_bare_config(bench, plugins)), "-d", str(site)], bench.root)
        shutil.rmtree(site, ignore_errors=True)
        _record(bench, key, result)
        if plugins:
            ratio = bench.figures["build_s"] / result.seconds
            bench.figures["build_to_bare_mkdocs"] = round(ratio, 2)
            bench.row("bare mkdocs build (mkdocs.yml)", f"{result.seconds:.2f} s", "", _note(result))
            bench.row("  cold build / bare mkdocs", f"{ratio:.2f} x", "<= 1.3 x")
        else:
            bench.row("  mkdocs without the plugin", f"{result.seconds:.2f} s", "", "for context: " + _note(result))
    (bench.root / "mkdocs-without-plugin.yml").unlink(missing_ok=True)


def step_documents(bench: Bench) -> None:
    """DOCX and PDF of every State with an empty cache, then after one State changes."""
    shutil.rmtree(bench.root / ".cache" / "documents", ignore_errors=True)
    result = run([sys.executable, "-m", "selfassess.benchprobe", "documents", str(bench.root), CHANGED_STATE], bench.root)
    found = json.loads(result.stdout.strip().splitlines()[-1])
    bench.figures.update({"documents_s": found["cold_s"], "documents_again_s": found["again_s"], "documents_remade": found["remade"], "documents_mb": found["megabytes"]})
    bench.figures["documents_peak_mb"] = result.peak_mb
    published, _, _ = _disk(bench.root / ".generated" / "docs" / "downloads")  # as the site publishes them
    bench.figures["site_documents_mb"] = round(published / MB, 1)
    bench.row("documents (DOCX + PDF), cold", f"{found['cold_s']:.2f} s", "<= 120 s", f"{found['states']} States, {found['megabytes']:.0f} MB; " + _note(result))
    bench.row(f"  again after {CHANGED_STATE} changes", f"{found['again_s']:.2f} s", "", f"made again: {', '.join(found['remade']) or 'none'}")


def step_rebuild(bench: Bench) -> None:
    """As `serve` does it after one State's assessment changes (set-up not timed)."""
    work = bench.work / "rebuild"
    shutil.copytree(bench.root, work, ignore=shutil.ignore_patterns("site"), symlinks=True)  # with the documents cache
    result = run([sys.executable, "-m", "selfassess.benchprobe", "rebuild", str(work), str(bench.work / "site-serve"), CHANGED_STATE], work)
    found = json.loads(result.stdout.strip().splitlines()[-1])
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(bench.work / "site-serve", ignore_errors=True)
    bench.figures["rebuild_s"] = found["seconds"]
    bench.figures["rebuild_peak_mb"] = result.peak_mb
    note = f"re-render {found['render_s']:.2f} s + mkdocs {found['mkdocs_s']:.2f} s, {found['files_rewritten']} files rewritten"
    bench.row(f"rebuild after {CHANGED_STATE} changes", f"{found['seconds']:.2f} s", "<= 10 s", note)


def _disk(folder: Path) -> tuple[int, int, list[Path]]:
    """(bytes on disk, in blocks as du counts them; file count; HTML pages)."""
    used, count, pages = 0, 0, []
    for path in folder.rglob("*"):
        if path.is_file():
            used += path.stat().st_blocks * 512
            count += 1
            if path.suffix == ".html":
                pages.append(path)
    return used, count, pages


def step_site(bench: Bench) -> None:
    site = bench.root / "site"
    used, count, pages = _disk(site)
    largest = max(pages, key=lambda p: p.stat().st_size)
    data, _, _ = _disk(site / "data")
    search, _, _ = _disk(site / "pagefind")
    whole = used / MB + bench.figures["site_documents_mb"]  # the cold build ran without documents; step_documents made them
    bench.figures.update({
        "pages": len(pages), "site_files": count, "site_mb": round(whole, 1), "site_without_documents_mb": round(used / MB, 1), "open_data_mb": round(data / MB, 1), "search_index_mb": round(search / MB, 1),
        "largest_page": largest.relative_to(site).as_posix(), "largest_page_kb": round(largest.stat().st_size / 1024),
    })
    bench.row("pages", str(len(pages)), "", f"{count} files in all")
    bench.row("site size on disk", f"{whole:.0f} MB", "<= 300 MB", f"documents {bench.figures['site_documents_mb']:.0f} MB; without them {used / MB:.0f} MB: open data {data / MB:.0f} MB, search index {search / MB:.0f} MB")
    bench.row("largest page", f"{largest.stat().st_size / 1024:.0f} KB", "", largest.relative_to(site).as_posix())


def step_search(bench: Bench) -> None:
    result = run([sys.executable, "-m", "selfassess.benchprobe", "search", str(bench.root / "site"), *QUERIES], bench.root)
    found = json.loads(result.stdout.strip().splitlines()[-1])
    worst = max(found, key=lambda q: found[q]["bytes"])
    bench.figures["search_download_kb"] = round(found[worst]["bytes"] / 1024)
    bench.figures["search_queries"] = {q: {"kb": round(f["bytes"] / 1024), "pagefind_kb": round(f["pagefind_bytes"] / 1024), "requests": f["requests"]} for q, f in found.items()}
    for query, f in found.items():
        bench.row(f"search '{query}', gzipped", f"{f['bytes'] / 1024:.0f} KB", "<= 2048 KB", f"Pagefind {f['pagefind_bytes'] / 1024:.0f} KB, {f['requests']} requests")


STEPS = [step_check, step_build, step_bare_mkdocs, step_documents, step_rebuild, step_site, step_search]


def main(states: int = STATES) -> int:
    source = find_root(Path.cwd())
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="selfassess-bench-") as tmp:
        started = time.perf_counter()
        root = synthetic.generate(source, Path(tmp) / "corpus", states)
        bench = Bench(root, Path(tmp))
        bench.figures.update({"states": states, "files": sum(1 for p in (root / "content" / "parties").rglob("*") if p.is_file())})
        bench.row("generate the corpus", f"{time.perf_counter() - started:.1f} s", "", f"{states} States, {bench.figures['files']} files")
        for step in STEPS:
            step(bench)
    peaks = {k: v for k, v in bench.figures.items() if k.endswith("_peak_mb") and not k.startswith("bare_mkdocs_without")}
    bench.figures["peak_memory_mb"] = max(peaks.values())
    bench.row("peak memory", f"{bench.figures['peak_memory_mb']} MB", "<= 1536 MB", f"in {max(peaks, key=peaks.get).removesuffix('_peak_mb')}, process and children")
    bench.figures["load_average"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    print(f"Synthetic corpus: {states} States; {os.cpu_count()} cores; load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after")
    width = max(len(r[0]) for r in bench.rows)
    for step, value, target, note in bench.rows:
        print(f"  {step:<{width}}  {value:>10}  {('target ' + target) if target else '':<18} {note}".rstrip())
    print(json.dumps(bench.figures, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else STATES))
