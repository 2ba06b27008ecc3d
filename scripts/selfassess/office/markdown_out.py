"""pandoc's AST of what an official typed in Word -> Markdown as the site reads it.

The site renders narratives with Python-Markdown (tables, sane lists, no raw
HTML), so this writes that dialect: tight lists nested by four spaces, pipe
tables, indented code, hard breaks as two trailing spaces, and backslash
escapes only for the characters Python-Markdown treats as markup. Pictures
cannot be carried into a narrative: `problems` names each one found.
"""
from __future__ import annotations

import re

_ESCAPE = re.compile(r"([\\`*_\[\]])")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])(?=\s|$)")


class Writer:
    def __init__(self):
        self.problems: list[str] = []

    # inlines -----------------------------------------------------------------
    def inlines(self, items: list) -> str:
        return "".join(self.inline(i) for i in items)

    def inline(self, item: dict) -> str:
        kind, content = item["t"], item.get("c")
        if kind == "Str":
            return _ESCAPE.sub(r"\\\1", content)
        if kind in ("Space", "SoftBreak"):
            return " "
        if kind == "LineBreak":
            return "  \n"
        if kind == "Strong":
            return self._wrap("**", content)
        if kind == "Emph":
            return self._wrap("*", content)
        if kind == "Code":
            text = content[1]
            fence = "``" if "`" in text else "`"
            return f"{fence}{' ' if fence == '``' else ''}{text}{' ' if fence == '``' else ''}{fence}"
        if kind == "Link":
            text, (url, _) = self.inlines(content[1]), content[2]
            url = url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
            return f"[{text}]({url})" if text else url
        if kind == "Image":
            self.problems.append("a picture cannot be carried into the narrative; describe it in words or remove it")
            return ""
        if kind == "Note":
            return " (" + " ".join(self.blocks(content).split()) + ")"
        if kind == "Quoted":
            marks = ("'", "'") if content[0]["t"] == "SingleQuote" else ('"', '"')
            return marks[0] + self.inlines(content[1]) + marks[1]
        if kind == "Math":
            return _ESCAPE.sub(r"\\\1", content[1])
        if kind in ("RawInline",):
            return _ESCAPE.sub(r"\\\1", content[1])
        if kind == "Cite":
            return self.inlines(content[1])
        if kind == "Span":
            return self.inlines(content[1])
        if isinstance(content, list) and content and isinstance(content[-1], list):
            return self.inlines(content[-1])  # Underline, Strikeout, SmallCaps, Superscript, Subscript: the text
        return ""

    def _wrap(self, mark: str, content: list) -> str:
        text = self.inlines(content)
        stripped = text.strip()
        if not stripped:
            return text
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        return f"{lead}{mark}{stripped}{mark}{trail}"

    # blocks ------------------------------------------------------------------
    def blocks(self, items: list) -> str:
        return "\n\n".join(filter(None, (self.block(b) for b in items)))

    def block(self, item: dict) -> str:
        kind, content = item["t"], item.get("c")
        if kind in ("Para", "Plain"):
            return _guard(self.inlines(content).strip())
        if kind == "Header":
            level = 3 if content[0] <= 3 else min(6, content[0] - 1)
            return "#" * level + " " + self.inlines(content[2]).strip()
        if kind == "BulletList":
            return self._list(["- "] * len(content), content)
        if kind == "OrderedList":
            start = content[0][0]
            return self._list([f"{start + n}. " for n in range(len(content[1]))], content[1])
        if kind == "BlockQuote":
            return "\n".join(("> " + line).rstrip() for line in self.blocks(content).split("\n"))
        if kind == "CodeBlock":
            return "\n".join("    " + line for line in content[1].split("\n"))
        if kind == "HorizontalRule":
            return "* * *"
        if kind == "Table":
            return self._table(content)
        if kind == "Div":
            return self.blocks(content[1])
        if kind == "LineBlock":
            return "  \n".join(self.inlines(line) for line in content)
        if kind == "Figure":
            return self.blocks(content[2])
        if kind == "DefinitionList":
            return self.blocks([{"t": "Para", "c": term} for term, _ in content] + [b for _, defs in content for d in defs for b in d])
        if kind == "RawBlock":
            return _guard(_ESCAPE.sub(r"\\\1", content[1]))
        return ""

    def _list(self, markers: list, items: list) -> str:
        out = []
        for marker, item in zip(markers, items):
            text = self._item(item)
            lines = text.split("\n")
            indented = [lines[0]] + [("    " + line) if line else "" for line in lines[1:]]
            out.append(marker + "\n".join(indented))
        return "\n".join(out)

    def _item(self, blocks: list) -> str:
        """A list item; a list right after its first line stays tight."""
        out = ""
        for n, block in enumerate(blocks):
            text = self.block(block)
            if not text:
                continue
            tight = n > 0 and block["t"] in ("BulletList", "OrderedList") and blocks[n - 1]["t"] in ("Para", "Plain")
            out += ("\n" if tight else "\n\n") + text if out else text
        return out

    def _table(self, content: list) -> str:
        _, _, specs, head, bodies, foot = content
        rows = [r for r in head[1]] + [r for body in bodies for r in body[2] + body[3]] + list(foot[1])
        cells = [[self._cell(c) for c in row[1]] for row in rows]
        if not cells:
            return ""
        width = max(len(r) for r in cells)
        cells = [r + [""] * (width - len(r)) for r in cells]
        if not head[1]:
            cells.insert(0, [""] * width)
        lines = ["| " + " | ".join(cells[0]) + " |", "|" + "|".join(["---"] * width) + "|"]
        lines += ["| " + " | ".join(r) + " |" for r in cells[1:]]
        return "\n".join(lines)

    def _cell(self, cell: list) -> str:
        text = " ".join(self.blocks(cell[4]).split())
        return text.replace("|", "\\|")


def _guard(text: str) -> str:
    """Escape what would start a heading, quote or list at the start of a line."""
    return "\n".join(_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2) if not m.group(2)[0].isdigit() else m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], line) for line in text.split("\n"))


def markdown(blocks: list) -> tuple[str, list[str]]:
    """Markdown for pandoc AST blocks, and what could not be carried over."""
    writer = Writer()
    text = writer.blocks(blocks).strip()
    return (text + "\n" if text else ""), writer.problems
