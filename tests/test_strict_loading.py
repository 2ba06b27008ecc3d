"""Nothing a State wrote is changed: YAML 1.1 coercions do not happen."""
from selfassess import corpus, yamlstrict


def test_values_stay_as_written():
    data, problems = yamlstrict.load("a: no\nb: on\nc: 1.10\nd: 2024-01-05\ne: 007\nf: 0x1F\ng: True\nh: 12\ni: true\n", "x.yaml")
    assert problems == []
    assert data == {"a": "no", "b": "on", "c": "1.10", "d": "2024-01-05", "e": "007", "f": "0x1F", "g": "True", "h": 12, "i": True}


def test_numbers_in_text_fields_keep_their_text(tree):
    root = tree({
        "content/parties/XAB/assessment/untoc-05.md": (
            "---\nprovision: untoc.5\nstatus: partial\nmeasures:\n  - kind: legislative\n    description: on\n"
            "    laws:\n      - title: 2019\n        articles: 1.10\n        year: 2001\n---\n\nText.\n"
        )
    })
    loaded = corpus.load(root)
    assert [str(p) for p in loaded.errors] == []
    law = loaded.parties["XAB"].assessments["untoc-05.md"].data["measures"][0]
    assert law["description"] == "on"
    assert law["laws"][0] == {"title": "2019", "articles": "1.10", "year": 2001}


def test_crlf_and_bom_do_not_change_the_narrative(tree):
    root = tree(raw={"content/parties/XAB/assessment/untoc-05.md": "\ufeff---\r\nprovision: untoc.5\r\nstatus: full\r\n---\r\n\r\nLine one.\r\nLine two.\r\n".encode()})
    doc = corpus.load(root).parties["XAB"].assessments["untoc-05.md"]
    assert doc.body == "\nLine one.\nLine two.\n"
    assert doc.body_line == 5
