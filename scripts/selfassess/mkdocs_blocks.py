"""MkDocs plugin `selfassess-blocks`: generated HTML blocks pass through unparsed.

The renderers write tables and sanitized narratives as HTML blocks between
<!--sa-html--> and <!--/sa-html--> lines. Python-Markdown would parse every tag
of them with html.parser only to copy them unchanged (most of the build time
on a large site). This plugin sets each block aside before the Markdown is
converted and puts it back afterwards. The pages are plain Markdown with HTML
and build the same without the plugin, only slower. Contributed text cannot
forge a marker: narrative.py strips comments and escapes "<".
"""
from __future__ import annotations

import re

from mkdocs.plugins import BasePlugin

OPEN, CLOSE = "<!--sa-html-->", "<!--/sa-html-->"
_BLOCK = re.compile(r"^<!--sa-html-->\n(.*?)\n<!--/sa-html-->$", re.S | re.M)
_PLACEHOLDER = re.compile(r"<p>sahtmlblock(\d+)x</p>")


class BlocksPlugin(BasePlugin):
    def __init__(self):
        self.stash: dict[str, list[str]] = {}  # page source path -> its blocks

    def on_page_markdown(self, markdown, page, **kwargs):
        blocks: list[str] = []
        self.stash[page.file.src_uri] = blocks

        def keep(match: re.Match) -> str:
            blocks.append(match.group(1))
            return f"sahtmlblock{len(blocks) - 1}x"

        return _BLOCK.sub(keep, markdown)

    def on_page_content(self, html, page, **kwargs):
        blocks = self.stash.pop(page.file.src_uri, [])
        return _PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], html)
