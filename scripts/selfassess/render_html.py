"""Small HTML pieces shared by the page renderers.

Generated tables and lists are written as HTML (cheaper for MkDocs than
Markdown tables); every contributed text goes through `narrative`, and every
other value through `esc`. Blocks are surrounded by blank lines so MkDocs
passes them through untouched.
"""
from __future__ import annotations

import html
import json
import re

from . import narrative, paths
from .labels import label

SYMBOL = {  # shapes, so status never depends on colour alone
    "full": "●", "partial": "◐", "none": "○", "not_applicable": "–", "not_assessed": "?", "missing": "·",
}


def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


SITE_LANGUAGE = "en"  # the language of the labels (strings/en.yaml) and of the pages' <html lang>
RIGHT_TO_LEFT = {"ar", "fa", "he", "ur"}


def language(lang: str | None) -> str:
    """lang and dir attributes for text in another language than the page's (WCAG 3.1.2)."""
    if not lang or lang.split("-")[0] == SITE_LANGUAGE:
        return ""
    direction = ' dir="rtl"' if lang.split("-")[0] in RIGHT_TO_LEFT else ""
    return f' lang="{esc(lang)}"{direction}'


def text(value, lang: str | None = None) -> str:
    """A contributed one-line field as safe inline HTML; `lang` is its writer's language."""
    if value in (None, ""):
        return ""
    inner = narrative.inline(str(value))
    marked = language(lang)
    return f"<span{marked}>{inner}</span>" if marked else inner


def prose(value, cls: str = "sa-narrative", lang: str | None = None) -> str:
    """A contributed Markdown text as a safe HTML block; `lang` is its writer's language."""
    return f'<div class="{cls}"{language(lang)}>\n{narrative.to_html(str(value))}\n</div>' if value else ""


def block(*parts: str) -> str:
    """Raw HTML for the page, kept away from MkDocs' Markdown processing
    (and passed through unparsed by the selfassess-blocks plugin)."""
    body = "\n".join(p for p in parts if p)
    return f"\n<!--sa-html-->\n<div class=\"sa-block\">\n{body}\n</div>\n<!--/sa-html-->\n\n" if body else ""


def front_matter(title: str, **meta) -> str:
    """Page front matter; the title is escaped because themes print it as is."""
    lines = [f"title: {json.dumps(esc(title), ensure_ascii=False)}"]
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def heading(level: int, label_text: str, anchor: str) -> str:
    """A Markdown heading with a fixed id, for labels from the strings table only."""
    return f"{'#' * level} {label_text} {{#{anchor}}}\n\n"


def h(level: int, inner_html: str, anchor: str = "", cls: str = "") -> str:
    ident = f' id="{esc(anchor)}"' if anchor else ""
    klass = f' class="{cls}"' if cls else ""
    return f"<h{level}{ident}{klass}>{inner_html}</h{level}>"


def a(href: str, inner_html: str, **attrs) -> str:
    extra = "".join(f' {k.rstrip("_").replace("_", "-")}="{esc(v)}"' for k, v in attrs.items() if v)
    return f'<a href="{esc(href)}"{extra}>{inner_html}</a>'


_WEB = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)


def web_link(url: str, inner_html: str) -> str:
    """A link to a contributed web address; anything but http(s) stays text (the schema
    refuses it, and this keeps it inert if check was bypassed)."""
    return a(url, inner_html) if _WEB.match(url) else inner_html


UNSEARCHED = " data-pagefind-ignore"  # left out of the search index (see `search` below)


def table(head: list[str], rows: list[list[str]], caption: str = "", cls: str = "", ident: str = "", search: bool = True) -> str:
    """An HTML table; cells are HTML already. The first column is a row header.
    search=False keeps it out of the search index: for what repeats text indexed on its own page,
    so each contributed text is found once, on the State's page (and the index stays small)."""
    klass = f' class="{cls}"' if cls else ""
    ident = f' id="{ident}"' if ident else ""
    out = [f"<table{ident}{klass}{'' if search else UNSEARCHED}>"]
    if caption:
        out.append(f"<caption>{caption}</caption>")
    out.append("<thead><tr>" + "".join(f'<th scope="col">{c}</th>' for c in head) + "</tr></thead>")
    out.append("<tbody>")
    for row in rows:
        first, rest = (row[0], row[1:]) if row else ("", [])
        out.append(f'<tr><th scope="row">{first}</th>' + "".join(f"<td>{c}</td>" for c in rest) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def dl(pairs: list[tuple[str, str]], cls: str = "sa-facts", search: bool = True) -> str:
    items = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in pairs if v)
    return f'<dl class="{cls}"{"" if search else UNSEARCHED}>{items}</dl>' if items else ""


def ul(items: list[str], cls: str = "", search: bool = True) -> str:
    klass = f' class="{cls}"' if cls else ""
    return f"<ul{klass}{'' if search else UNSEARCHED}>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>" if items else ""


def status(value: str, group: str = "status") -> str:
    """A status with its shape and its words: never colour alone."""
    symbol = SYMBOL.get(value, "")
    mark = f'<span class="sa-symbol" aria-hidden="true">{symbol}</span> ' if symbol and group == "status" else ""
    return f'<span class="sa-status sa-{group}-{esc(value)}">{mark}{esc(label(group, value))}</span>'


def cite(view, page: str, provision: str) -> str:
    """A provision as people cite it, linked to its article's page."""
    article = view.catalogue.article(provision)
    words = esc(view.catalogue.cite(provision))
    if article is None:
        return words
    fragment = "" if provision == article.id else paths.anchor(provision)
    return a(paths.link(page, paths.article(article.id), fragment), words, class_="sa-cite")


def party_link(page: str, party, fragment: str = "") -> str:
    return a(paths.link(page, paths.party(party.code), fragment), esc(party.name))


def percent(share: float) -> str:
    return f"{round(share * 100)}%"


def meter(share: float, words: str) -> str:
    """A completeness bar with its figure written out."""
    width = round(share * 100)
    return f'<span class="sa-meter"><span class="sa-meter-bar" style="width:{width}%"></span></span> {words}'
