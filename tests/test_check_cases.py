"""Golden cases for `check`: one YAML file per error class in tests/check_cases/.

Each case gives files laid over the base fixture and the exact problem lines
expected. Refresh after an intended change of wording with:
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_check_cases.py
then read the diff.
"""
import codecs
import os
from pathlib import Path

import pytest
import yaml

from conftest import make_tree
from selfassess import corpus

CASES = sorted((Path(__file__).parent / "check_cases").glob("*.yaml"))


def _block(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(str, _block)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_case(case, tmp_path):
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    raw = {rel: codecs.escape_decode(text.encode("utf-8"))[0] for rel, text in (spec.get("raw") or {}).items()}
    for rel, size in (spec.get("pad_to_bytes") or {}).items():
        raw[rel] = raw[rel] + b"#" * (size - len(raw[rel]))
    root = make_tree(tmp_path / "repo", spec.get("files"), raw)
    found = [str(p) for p in corpus.load(root).problems]
    if os.environ.get("UPDATE_GOLDEN"):
        spec["expected"] = found
        case.write_text(yaml.dump(spec, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")
    assert found == spec["expected"]
