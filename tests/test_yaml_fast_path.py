"""The fast YAML path (rapidyaml) gives exactly what the strict loader gives, or declines."""
from pathlib import Path

import pytest

from conftest import REPO
from selfassess import sources, yamlfast, yamlstrict

TRICKY = [
    "a: 1.10", "a: 007", "a: 0x1F", "a: .inf", "a: -.INF", "a: -0", "a: +5", "a: 1e3", "a: True", "a: TRUE",
    "a: yes", "a: no", "a: on", "a: off", "a: ~", "a:", "a: null", "a: Null", 'a: "12"', "a: '12'", 'a: "true"',
    "a: true", 'a: "null"', "a: 12", "a: -3", "~: 1", "1: x", "true: x", "a: [1, b, '2']", "a: |\n  x\n  y\n",
    "a: >-\n  x\n  y\n", "a: b\n  c\n", 'a: "x\\ny"', "a: 'it''s'", "a: &x 1\nb: *x", "a: !!str 1", "a: !x 1",
    "a: 1\na: 2", "a: .NaN", "a: 1_000", "a: 0o7", "a: 2024-01-05", "a: 2024-01-05T10:00:00Z", "a: 12:30",
    'a: "\\u00e9"', "a: é", "a: - x", "? a\n: 1", "a: 00", "a: 0.", "a: 12 # c", "", "# only\n", "- a\n- b\n",
    "just text", "a: 1\n---\nb: 2\n", "a: {b: 1, c: [x]}", "a: 'unclosed", "a:\n  - b: 1\n    c: 2\n", "a: b: c",
    "x: [a, b", "a: 1\n a: 2", "<<: {a: 1}", "%YAML 1.1\n---\na: 1", "a: @x", "a: `x`", "a:\n\t- b", "a: 'x'\n...\n",
    "a: \"multi\n  line\"", "a: x # not: a key", "a: 'don''t: split'", "'a b': 1", "a: [ ]", "a: { }", "a: -1",
    "a: 9999999999999999999999", "a: 1.0e+3", "a: 0b101", "a: 0.5", "a: '0.5'", "a: Yes", "a: y", "a: n",
]


@pytest.mark.parametrize("text", TRICKY)
def test_fast_path_matches_strict_loader(text):
    fast = yamlfast.load(text)
    strict, problems = _strict(text)
    if fast is not None:
        assert problems == [] and fast == strict


def _strict(text):
    """The strict loader alone (no fast path)."""
    try:
        root = yamlstrict.compose(text)
        data, duplicates = yamlstrict.build(root) if root is not None else (None, [])
        return data, duplicates
    except Exception as exc:  # a syntax error: the fast path must have declined
        return exc, ["error"]


def test_fast_path_matches_on_all_real_content():
    files = sorted((REPO / "content").rglob("*.yaml")) + sorted((REPO / "content").rglob("*.md"))
    taken = 0
    for path in files:
        text = sources.read_text(path, str(path))
        if path.suffix == ".md":
            text = sources.split_front_matter(text, str(path)).yaml
        fast = yamlfast.load(text)
        if fast is not None:
            taken += 1
            assert fast == _strict(text)[0], path
    assert taken > len(files) // 2  # the fast path is the common path
