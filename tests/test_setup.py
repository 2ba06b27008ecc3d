"""The README's commands work from a clean clone: `make check` and `make serve` set everything up."""
import os
import shutil
import signal
import subprocess
import time
import urllib.request

from conftest import REPO


def _clone(tmp_path):
    dest = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(dest)], check=True)
    return dest


def test_readme_commands_from_a_clean_clone(tmp_path):
    clone = _clone(tmp_path)
    readme = (clone / "README.md").read_text(encoding="utf-8")
    assert "make serve" in readme and "make test" in readme
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHONPATH"))}
    check = subprocess.run(["make", "check"], cwd=clone, env=env, capture_output=True, text=True, timeout=900)
    assert check.returncode == 0, check.stdout[-3000:] + check.stderr[-3000:]
    assert "check passed: 0 errors" in check.stdout
    assert (clone / ".venv" / "bin" / "selfassess").exists()

    port = "8765"
    serve = subprocess.Popen(["make", "serve", f"PORT={port}"], cwd=clone, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        body = _wait_for(f"http://127.0.0.1:{port}/", serve, timeout=600)
        assert "<html" in body.lower()
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        serve.wait(timeout=30)
    shutil.rmtree(clone / ".venv", ignore_errors=True)


def _wait_for(url, process, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"make serve stopped early:\n{process.stdout.read().decode()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8", "replace")
        except OSError:
            time.sleep(1)
    raise AssertionError(f"{url} did not answer within {timeout} s")
