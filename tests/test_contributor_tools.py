"""What focal points use: VS Code schema associations and check task, the pre-commit hook, the templates."""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, run_cli
from selfassess import schemas, yamlstrict

VSCODE = REPO / ".vscode"


def _schema_name(path: str) -> str:
    return Path(path).name.removesuffix(".schema.json")


def test_every_yaml_file_is_associated_with_the_schema_that_checks_it():
    settings = json.loads((VSCODE / "settings.json").read_text(encoding="utf-8"))
    associations = settings["yaml.schemas"]
    covered = {}
    for schema_path, globs in associations.items():
        assert (REPO / schema_path).is_file(), schema_path
        for pattern in globs:
            matched = sorted(REPO.glob(pattern))
            assert matched, f"{pattern} matches no file"
            for path in matched:
                covered[path.relative_to(REPO).as_posix()] = _schema_name(schema_path)
    every = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "content").rglob("*.yaml"))
    assert sorted(covered) == every  # every YAML content file gets completion and validation
    for rel, name in covered.items():
        data, problems = yamlstrict.load((REPO / rel).read_text(encoding="utf-8"), rel)
        assert problems == []
        assert [f.message for f in schemas.validate(name, data)] == [], f"{rel} does not validate against {name}"


def test_schema_references_resolve_beside_the_schema():
    """The editor resolves '$ref: common.schema.json#...' relative to the schema file."""
    for path in sorted((REPO / "schema").glob("*.schema.json")):
        for ref in re.findall(r'"\$ref":\s*"([^"#]+)#', path.read_text(encoding="utf-8")):
            assert (path.parent / ref).is_file(), f"{path.name} refers to {ref}"


def test_check_task_problem_matcher_reads_check_output(tree):
    task = json.loads((VSCODE / "tasks.json").read_text(encoding="utf-8"))["tasks"][0]
    assert task["command"] == "${workspaceFolder}/.venv/bin/selfassess"
    assert "VENV := .venv" in (REPO / "Makefile").read_text(encoding="utf-8")  # where make puts it
    assert task["args"][0] == "check"
    pattern = task["problemMatcher"]["pattern"]
    root = tree({
        "content/parties/XAB/assessment/untoc-05.md": "---\nprovision: untoc.5\nstatus: parial\n---\n\nText.\n",
        "content/parties/XAB/assessment/untoc-06.md": "---\nprovision: untoc.6\nstatus: not_assessed\n---\n",
    })
    output = run_cli("--root", str(root), *task["args"]).stdout.splitlines()
    found = []
    for line in output:
        if match := re.match(pattern["regexp"], line):
            found.append(tuple(match.group(pattern[k]) for k in ("file", "line", "column", "severity")))
    assert found == [
        ("content/parties/XAB/assessment/untoc-05.md", "3", "9", "error"),
        ("content/parties/XAB/assessment/untoc-06.md", "3", "9", "warning"),
    ]
    assert all((root / f).is_file() for f, *_ in found)  # relative to the workspace folder


def _pre_commit(repo: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    bin_dir = Path(sys.executable).parent
    assert (bin_dir / "pre-commit").exists(), "pre-commit is missing: install the test tools with pip install -e '.[test]'"
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"))
    return subprocess.run([str(bin_dir / "pre-commit"), "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True, timeout=300)


def test_pre_commit_hook_runs_check(tree, tmp_path):
    root = tree()
    shutil.copy(REPO / ".pre-commit-config.yaml", root / ".pre-commit-config.yaml")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    passed = _pre_commit(root, tmp_path)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"selfassess check \(content and schemas\)\.+Passed", passed.stdout)
    bad = root / "content/parties/XAB/assessment/untoc-05.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("status: partial", "status: parial"), encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    failed = _pre_commit(root, tmp_path)
    assert failed.returncode == 1
    assert "content/parties/XAB/assessment/untoc-05.md:3:9: error: status: 'parial' is not allowed" in failed.stdout


def test_pull_request_template_and_contributing_guide():
    template = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "content/parties/" in template and "CONTRIBUTING.md" in template
    for label in ("allow-several-states", "allow-shared-files"):
        assert label in guide  # the scope guard's labels are explained where it sends people
    for topic in ("front matter", "pre-commit", "selfassess check", "Propose changes", ".vscode"):
        assert topic in guide, topic
