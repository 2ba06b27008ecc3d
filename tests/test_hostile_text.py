"""One fixture per class of hostile contributed text, in tests/hostile_cases/.

Each case puts its text in an assessment's narrative and in one of its fields,
and records what `check` says (`expected`) and what the renderer makes of the
same text when check is bypassed (`rendered`). A class decided `refused` must
draw an error at each construct; one decided `inert` must draw none. Either way
the rendering must be inert. CONTRIBUTING.md ("Text that is refused") explains
the decisions to contributors. Refresh after an intended change with
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_hostile_text.py
then read the diff.
"""
import json
import os
from pathlib import Path

import pytest
import yaml
from conftest import make_tree
from inert import not_inert
from test_check_cases import _Dumper

from selfassess import corpus, narrative

CASES = sorted((Path(__file__).parent / "hostile_cases").glob("*.yaml"))
ASSESSMENT = "content/parties/XAB/assessment/untoc-05.md"


def texts(spec: dict) -> dict[str, str]:
    """The case's narrative and field text (pieces repeated when the case generates them)."""
    if "generate" in spec:
        return {key: "".join(piece * n for piece, n in pieces) for key, pieces in spec["generate"].items()}
    return {key: spec[key] for key in ("narrative", "field") if spec.get(key)}


def assessment(narrative_text: str, field: str | None) -> str:
    head = "---\nprovision: untoc.5\nstatus: partial\n"
    if field:  # a JSON string is a YAML double-quoted scalar: the text exactly
        head += "challenges:\n  - kind: data\n    description: " + json.dumps(field, ensure_ascii=False) + "\n"
    return head + "---\n\n" + narrative_text


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_hostile_class(case, tmp_path):
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    text = texts(spec)
    root = make_tree(tmp_path / "repo", {ASSESSMENT: assessment(text["narrative"], text.get("field"))})
    found = [str(p) for p in corpus.load(root).problems]
    rendered = {key: narrative.to_html(value) for key, value in text.items()}
    if os.environ.get("UPDATE_GOLDEN"):
        spec["expected"], spec["rendered"] = found, rendered
        case.write_text(yaml.dump(spec, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")
    assert found == spec["expected"]
    assert rendered == spec["rendered"]
    for key, html in rendered.items():
        assert not_inert(html) == [], key
    errors = [line for line in found if ": error: " in line]
    if spec["decision"] == "refused":
        assert errors and text.get("field") and any(": challenges[0].description: " in line for line in errors)
    else:
        assert spec["decision"] == "inert" and errors == []


CRAFTED = {  # each took Python-Markdown from minutes to hours at this size
    "brackets": "[" * 65536,
    "nested brackets": "[" * 32768 + "]" * 32768,
    "link openings": "[a](<" * 13000,
    "code spans": "``a`" * 16384,
    "headings": "# a\n" * 16384,
    "rules": "- - -\n" * 10000,
    "images": "![" * 32768,
    "emphasis": "**a*" * 16384,
}


def test_crafted_markdown_renders_inert_without_stalling_the_build():
    """A hang guard, not a speed test: check and render take seconds here; Python-Markdown took hours."""
    import subprocess
    import sys

    script = (
        "import json, sys\nfrom selfassess import narrative, untrusted\n"
        "texts = json.load(sys.stdin)\n"
        "for v in texts.values(): untrusted.findings(v)  # check's rules must not stall either\n"
        "print(json.dumps({k: narrative.to_html(v) for k, v in texts.items()}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], input=json.dumps(CRAFTED), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    rendered = json.loads(done.stdout)
    assert sorted(rendered) == sorted(CRAFTED)
    for name, html in rendered.items():
        assert html and not_inert(html) == [], name
