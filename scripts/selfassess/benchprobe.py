"""Measurements `make bench` runs in a process of their own (python -m selfassess.benchprobe ...).

    rebuild ROOT SITE CODE    serve's rebuild after one State's assessment changes
    documents ROOT CODE       DOCX and PDF of every State, cold; then again after CODE changes
    search SITE QUERY...      what a browser downloads to answer each query, gzipped

Each prints one JSON object.
"""
from __future__ import annotations

import gzip
import json
import re
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from .localsite import CHROMIUM, CHROMIUM_ARGS, served

PRECOMPRESSED = (".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter", ".pagefind")  # Pagefind writes these gzipped
CHANGED = "untoc-05.md"  # the assessment the rebuild edits


def rebuild(root: Path, site_dir: Path, code: str) -> dict:
    """Set up as `serve` does (not timed), edit one assessment of `code`, then time what serve
    does next: the watcher checks and re-renders, MkDocs rebuilds the changed pages (dirty)."""
    from . import build
    from .render import Renderer
    from .serve import Watcher, snapshot

    renderer = Renderer(root)
    seen = snapshot(root)
    loaded = build.check(root)
    build.documents(root, loaded)  # from the cache the documents step left
    build.render(root, loaded, renderer)
    build.mkdocs_build(root, site_dir)
    watcher = Watcher(root, renderer, loaded, seen)
    path = root / "content" / "parties" / code / "assessment" / CHANGED
    text = path.read_text(encoding="utf-8")
    status = re.search(r"^status: (\w+)$", text, re.M).group(1)
    edited = re.sub(r"^status: \w+$", f"status: {'partial' if status == 'full' else 'full'}", text, count=1, flags=re.M)
    path.write_text(edited + "\nA sentence the benchmark added to the narrative.\n", encoding="utf-8")
    start = time.perf_counter()
    changed = watcher.once()
    rendered = time.perf_counter()
    if changed is None:
        raise SystemExit(f"the watcher did not pick up the change to {path}")
    build.mkdocs_build(root, site_dir, dirty=True)
    done = time.perf_counter()
    return {"seconds": round(done - start, 2), "render_s": round(rendered - start, 2), "mkdocs_s": round(done - rendered, 2), "files_rewritten": len(changed)}


def documents(root: Path, code: str) -> dict:
    """Every State's documents with an empty cache (timed), then again after one of `code`'s
    assessments changes in memory (timed): only that State should be made again."""
    from . import corpus
    from .office import export

    loaded = corpus.load(root)
    dest, cache = root / ".generated" / "docs" / "downloads", root / ".cache" / "documents"
    start = time.perf_counter()
    cold = export.export_all(loaded, dest, cache, per_state=True)
    middle = time.perf_counter()
    doc = loaded.parties[code].assessments[CHANGED]
    doc.data["status"] = "partial" if doc.data.get("status") == "full" else "full"
    doc.body += "\nA sentence the benchmark added to the narrative.\n"
    again = export.export_all(loaded, dest, cache, per_state=True)
    done = time.perf_counter()
    return {
        "states": len(cold), "cold_s": round(middle - start, 2), "again_s": round(done - middle, 2),
        "remade": sorted(e.code for e in again if not e.reused), "megabytes": round(sum(p.stat().st_size for p in dest.rglob("*") if p.is_file()) / 1024 / 1024, 1),
    }


def _gzipped(url: str, body: bytes) -> int:
    """Bytes on the wire from a server that gzips what is not compressed already."""
    return len(body) if urlsplit(url).path.endswith(PRECOMPRESSED) else len(gzip.compress(body, 6))


def search(site: Path, queries: list[str]) -> dict:
    """Open search.html in a fresh browser, type each query as a reader does, wait for the results
    and for the network to settle; count every response: the page, its assets, Pagefind's files."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is needed to measure search downloads: apt-get install -y chromium")
    out = {}
    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for query in queries:
            context = browser.new_context()  # empty cache: a first visit
            page = context.new_page()
            finished = []
            page.on("requestfinished", lambda request: finished.append(request))
            page.goto(base + "search.html")
            page.locator(".pagefind-ui__search-input").press_sequentially(query, delay=120)
            page.locator(".pagefind-ui__result-link").first.wait_for(timeout=30000)
            count = -1
            while count != len(finished):  # until a second passes without a new request
                count = len(finished)
                page.wait_for_timeout(1000)
            total = search_only = 0
            for request in finished:
                size = _gzipped(request.url, request.response().body())
                total += size
                search_only += size if "/pagefind/" in request.url else 0
            results = page.locator(".pagefind-ui__result-link").count()
            out[query] = {"bytes": total, "pagefind_bytes": search_only, "requests": len(finished), "results_shown": results}
            context.close()
        browser.close()
    return out


def main(argv: list[str]) -> int:
    if argv[:1] == ["rebuild"] and len(argv) == 4:
        print(json.dumps(rebuild(Path(argv[1]), Path(argv[2]), argv[3])))
    elif argv[:1] == ["documents"] and len(argv) == 3:
        print(json.dumps(documents(Path(argv[1]), argv[2])))
    elif argv[:1] == ["search"] and len(argv) >= 3:
        print(json.dumps(search(Path(argv[1]), argv[2:])))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
