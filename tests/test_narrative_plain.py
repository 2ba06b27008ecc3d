"""The fast paths (plain one-line text; paragraphs of plain lines between the blocks Markdown
reads) give exactly what the full conversion gives."""
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


def _slow(text: str) -> str:
    return narrative.convert(text).strip()


@pytest.mark.parametrize("text", ["a\x00b", "a\x02b", "a\x03b", "a\x1bb", "a\x7fb"])
def test_control_characters_take_the_full_conversion(text):
    assert not narrative._plain(text)
    assert narrative.to_html(text) == _slow(text)


PARAGRAPHS = [
    "First paragraph of plain prose,\nwrapped on two lines.\n\nSecond paragraph.\n",
    "\nThe Ministry of Justice (2019) said \"yes\"; it's done: 50% / 2026-04-02.\n",
    "One.\n\nTwo.\n\n\nThree, with données and بيانات.",
    "1998 law\nx = y + z\n\nthe end",
]


@pytest.mark.parametrize("text", PARAGRAPHS)
def test_plain_paragraphs_take_the_fast_path_with_the_same_result(text):
    assert all(plain for plain, _ in narrative._blocks(text))
    assert narrative.to_html(text) == _slow(text)


@pytest.mark.parametrize("text, plain", [
    ("Plain prose.\n\n- Law No. 1\n- Law No. 2\n\nMore prose.", [True, False, True]),
    ("A **bold** start.\n\nThen plain.", [False, True]),
    ("- a\n\n- b\n\n\n    code\n\nplain", [False, True]),
    ("plain\n- not plain, so converted with the line before", [False]),
])
def test_only_the_blocks_markdown_reads_are_converted(text, plain):
    assert [p for p, _ in narrative._blocks(text)] == plain
    assert narrative.to_html(text) == _slow(text)


@pytest.mark.parametrize("text", [
    "a\n \nb", "a\n\t\nb", "see [x]\n\n[x]: https://example.org", "see [x]\n\n[x] : https://example.org", "[x]:\n\nsee [x]", "a\r\n\r\nb",
    "a\n\xa0\nb", "```\ncode\n\nstill code", "~~~\n\nplain looking\n~~~\n\nafter", "- ```\n\n  in the fence",
])
def test_texts_a_block_at_a_time_could_misread_are_converted_whole(text):
    assert narrative._blocks(text) is None
    assert narrative.to_html(text) == _slow(text)


LINES = [
    "Plain words here.", "More plain text, with (parentheses) and 2026.", 'The Ministry said "yes"; it\'s done: 50% / 2026-04-02.',
    "- item", "* item", "+ item", "1. first", "2) second", "3. third", "    indented code", "        deeper", "  two spaces", "   three",
    "> quoted", "# Heading", "### Deep", "Title", "=====", "---", "***", "a *emphasis* b", "**bold** text", "a [link](https://example.org) b",
    "[ref]: https://example.org", " [ref]:https://example.org", "see [ref] and [ref][]", "| a | b |", "|---|---|", "`code`", "text  ", "\tTabbed", "&amp;", "<b>x</b>",
    "é à ü", "x_y_z", "12.", "- - -", "1986. A year", "    - nested", "    1. nested", "  - two", "> - quoted list", "Plain again",
    "```", "~~~", "```text", "  ```", "> ```", "- ```", "[ref]", "&#33;", "1.", "- ", "* * *", "Setext", "--",
]


def test_random_texts_give_the_same_html_either_way():
    """Texts of blocks Markdown reads (lists, code, quotes, headings, tables, links, emphasis)
    among plain lines, joined by blank lines or not: the HTML is always the full conversion's."""
    import random

    rng = random.Random(7)
    fast = mixed = 0
    for _ in range(4000):
        blocks = ["\n".join(rng.choice(LINES[:3] * 6 + LINES) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 6))]
        text = blocks[0]
        for block in blocks[1:]:
            text += rng.choice(["\n\n"] * 6 + ["\n\n\n", "\n \n", "\n", "\n\n\n\n"]) + block
        fast += narrative._plain(text)
        runs = narrative._blocks(text)
        mixed += bool(runs) and len({plain for plain, _ in runs}) == 2
        assert narrative.to_html(text) == _slow(text), repr(text)
    assert fast > 30  # the one-line shortcut was exercised too
    assert mixed > 200  # and plain paragraphs skipped the conversion beside converted blocks
