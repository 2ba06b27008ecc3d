"""`serve` keeps the search index up to date: text a State adds is found without a restart.

Runs the real server (MkDocs serve) and the real Pagefind on the site fixture.
"""
import gzip
import socket
import subprocess
import sys
import time
import urllib.request

from sitetools import site_tree

WORD = "Quokkafication"  # in no fixture file


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _indexed(root, word: str) -> bool:
    """Whether a page fragment of the served search index holds `word` (fragments are gzipped)."""
    folder = root / ".generated" / "docs" / "pagefind" / "fragment"
    for path in folder.glob("*.pf_fragment") if folder.is_dir() else []:
        try:
            if word.encode() in gzip.decompress(path.read_bytes()):
                return True
        except (OSError, EOFError):  # being replaced
            continue
    return False


def _wait(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def test_serve_indexes_new_text_for_search(tmp_path):
    root = site_tree(tmp_path / "repo")
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "selfassess", "--root", str(root), "serve", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    try:
        assert _wait(lambda: _answers(f"http://127.0.0.1:{port}/pagefind/pagefind.js") or server.poll() is not None, 180), "serve did not start"
        assert server.poll() is None, (tmp_path / "serve.log").read_text()
        assert _indexed(root, "Testland") and not _indexed(root, WORD)

        narrative = root / "content" / "parties" / "XAB" / "assessment" / "tip-05.md"
        narrative.write_text(narrative.read_text(encoding="utf-8") + f"\n{WORD} of the border police began in 2026.\n", encoding="utf-8")
        assert _wait(lambda: _indexed(root, WORD), 180), (tmp_path / "serve.log").read_text()
        assert _answers(f"http://127.0.0.1:{port}/pagefind/pagefind.js")
        assert "search index updated" in (tmp_path / "serve.log").read_text()
    finally:
        server.terminate()
        server.wait(30)
        log.close()
