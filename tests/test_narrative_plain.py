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
    narrative._md.reset()
    slow = narrative.nh3.clean(narrative._md.convert(text), tags=narrative.TAGS, attributes=narrative.ATTRIBUTES,
                               url_schemes=narrative.SCHEMES, link_rel="noopener noreferrer nofollow")
    assert narrative.to_html(text) == slow
    assert narrative.inline(text) == slow[3:-4]


@pytest.mark.parametrize("text", [
    "- a list", "1. first", "2) second", "# heading", "> quote", "    code", "a *b*", "a_b_c", "[link](http://x)",
    "<b>x</b>", "a & b", "`code`", "line\nbreak", "trailing  ", "===", "!image", "a|b", "~~x~~", "\\escaped", "tab\tinside",
])
def test_anything_markdown_reads_takes_the_full_conversion(text):
    assert not narrative._plain(text)


def _slow(text: str) -> str:
    narrative._md.reset()
    return narrative.nh3.clean(narrative._md.convert(text), tags=narrative.TAGS, attributes=narrative.ATTRIBUTES,
                               url_schemes=narrative.SCHEMES, link_rel="noopener noreferrer nofollow")


@pytest.mark.parametrize("text", ["a\x00b", "a\x02b", "a\x03b", "a\x1bb", "a\x7fb"])
def test_control_characters_take_the_full_conversion(text):
    assert not narrative._plain(text)
    assert narrative.to_html(text) == _slow(text)


PARAGRAPHS = [
    "First paragraph of plain prose,\nwrapped on two lines.\n\nSecond paragraph.\n",
    "\nThe Ministry of Justice (2019) said \"yes\"; it's done: 50% / 2026-04-02.\n",
    "One.\n\nTwo.\n\nThree, with données and بيانات.",
    "1998 law\nx = y + z\n\nthe end",
]


@pytest.mark.parametrize("text", PARAGRAPHS)
def test_plain_paragraphs_take_the_fast_path_with_the_same_result(text):
    assert narrative._plain_paragraphs(text)
    assert narrative.to_html(text) == _slow(text)


@pytest.mark.parametrize("text", [
    "a\n- b", "a\n\n- b", "a\n1. b", "a\n    b", "a\n===", "a\n---", "a  \nb", "a\n\n\nb", "a\n \nb", "a\n\tb",
    "a\n> b", "a\n# b", "a\n\n<div>b</div>", "a\r\nb", "a *b*\n\nc", "a\n\n    code",
])
def test_paragraphs_markdown_reads_take_the_full_conversion(text):
    assert narrative._plain_paragraphs(text) is None


def test_random_texts_give_the_same_html_either_way():
    """Texts built from the pieces Markdown reads at line starts and inside lines:
    whenever the fast path is taken, it gives exactly the full conversion's HTML."""
    import random

    pieces = ["word", "Word", " ", " ", "\n", "\n\n", "\n\n\n", "-", "*", "+", "1.", "2)", "#", ">", "=", "'", '"', ".", ",",
              "é", "(", ")", ":", "/", "\t", "_", "&", "<", "    ", "|", "~", "!", "[x]", "`", "\\", "\n \n", "12", "  \n"]
    common = ["word", "Word", " ", "\n", "\n\n", ".", ",", "'", "12"] * 8  # mostly prose, so the fast path is often taken
    rng = random.Random(7)
    fast = 0
    for _ in range(12000):
        text = "".join(rng.choice(common + pieces) for _ in range(rng.randint(1, 30)))
        if narrative._plain_paragraphs(text):
            fast += 1
            assert narrative.to_html(text) == _slow(text), repr(text)
    assert fast > 1000  # the comparison ran on many texts that took the fast path
