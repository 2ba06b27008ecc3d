"""A State whose every text field carries hostile text, rendered with check bypassed.

The texts come from the hostile classes in tests/hostile_cases/ (narratives
and fields), plus payloads aimed at the places a text lands in a page: the
page title, attribute values, web addresses, e-mail addresses, table cells.
"""
from __future__ import annotations

import json
from pathlib import Path

import yaml
from sitetools import site_tree

from selfassess import build, corpus

CASES = Path(__file__).parent / "hostile_cases"
PAYLOADS = [
    '</title><script>alert("title")</script>',
    '"><svg/onload=alert("attribute")>',
    "'><img src=x onerror=alert('attribute')>",
    "<script>alert('text')</script>",
    "[link](javascript:alert('link'))",
    "{{ config }} {% include 'x' %} --8<-- '/etc/passwd'",
    "<style>*{display:none}</style><link rel=stylesheet href=https://evil.example/x.css>",
    "![pixel](https://evil.example/pixel.png)",
    "<iframe src=https://evil.example></iframe>",
    "sahtmlblock0x <!--/sa-html--> <!--sa-html-->",
]


def _texts() -> tuple[str, list[str]]:
    narratives, fields = [], list(PAYLOADS)
    for case in sorted(CASES.glob("*.yaml")):
        spec = yaml.safe_load(case.read_text(encoding="utf-8"))
        if "narrative" in spec:
            narratives.append(spec["narrative"])
        if "field" in spec:
            fields.append(spec["field"])
    return "\n\n".join(narratives), fields


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a YAML double-quoted scalar


def files() -> dict[str, str]:
    narrative, fields = _texts()
    f = lambda i: _q(fields[i % len(fields)])  # noqa: E731
    profile = f"""code: XHH
name: {_q('Hostilia ' + PAYLOADS[0])}
official_name: {f(1)}
regional_group: african
languages: [en]
instruments:
  untoc:
    status: party
    ratification:
      kind: ratification
      date: 2004-03-01
    declarations:
      - provision: untoc.5.3
        date: 2004-03-01
        text: {f(2)}
competent_authorities:
  - name: {f(3)}
    role: {f(4)}
    provisions: [untoc.18.13]
    website: "javascript:alert('website')"
    contact:
      institution: {f(5)}
      email: {_q('"><svg/onload=alert(1)>@x.example')}
      phone: {f(6)}
publication:
  consent: full
"""
    measures = "".join(f"""  - kind: legislative
    description: {f(i)}
    laws:
      - title: {f(i + 1)}
        articles: {f(i + 2)}
        url: "javascript:alert('law')"
""" for i in range(0, len(fields), 3))
    assessment = f"""---
provision: untoc.5
status: partial
paragraphs:
  - provision: untoc.5.1.a
    status: full
    note: {f(7)}
measures:
{measures}challenges:
  - kind: data
    description: {f(8)}
assistance:
  - type: training
    description: {f(9)}
    provider: {f(10)}
---

{narrative}
"""
    plan = f"""party: XHH
actions:
  - id: H-1
    title: {f(11)}
    description: {f(12)}
    provisions: [untoc.5.1]
    responsible: {f(13)}
    partners: [{f(14)}]
    start: 2026-01-01
    due: 2026-06-30
    priority: high
    resources: assistance
    assistance:
      - type: training
        description: {f(15)}
        provider: {f(16)}
    status: delayed
    updates:
      - date: 2026-05-02
        text: {f(17)}
"""
    return {
        "content/parties/XHH/profile.yaml": profile,
        "content/parties/XHH/assessment/untoc-05.md": assessment,
        "content/parties/XHH/action-plan.yaml": plan,
    }


def hostile_tree(dest: Path) -> Path:
    root = site_tree(dest)
    for rel, text in files().items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def render_bypassing_check(root: Path):
    """The render stage fed directly with the loaded content, errors and all; returns the corpus."""
    loaded = corpus.load(root)
    build.render(root, loaded, history={})
    return loaded
