"""The fast path for plain one-line text gives exactly what the full conversion gives."""
import pytest

from selfassess import narrative

SAMPLES = [
    "Ministry of Justice", "Penal Code of Examplia, arts. 210-212", "212 inspectors trained in eight sessions.",
    "UNTOC art. 5(1)(a)(ii)", "Requests accepted in English and French.", 'He said "yes" and it\'s done.',
    "Cost: 50% of $10 {approx.} ^ = @ ; : / ?", "Données, статистика, 数据, بيانات", "e.g. A. B. Example",
    "1998 law", "2026-04-02", "x = y + z", "a - b", "(parenthesis) first", "«quotes»",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_plain_text_takes_the_fast_path_with_the_same_result(text):
    assert narrative._plain(text)
    slow = narrative.convert(text).strip()
    assert narrative.to_html(text) == slow
    assert narrative.inline(text) == slow[3:-4]


@pytest.mark.parametrize("text", [
    "- a list", "1. first", "2) second", "# heading", "> quote", "    code", "a *b*", "a_b_c", "[link](http://x)",
    "<b>x</b>", "a & b", "`code`", "line\nbreak", "trailing  ", "===", "!image", "a|b", "~~x~~", "\\escaped", "tab\tinside",
])
def test_anything_markdown_reads_takes_the_full_conversion(text):
    assert not narrative._plain(text)
