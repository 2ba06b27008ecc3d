"""Home, search and contributing pages."""
from __future__ import annotations

import re
from pathlib import Path

from . import paths, sources
from .labels import label, table
from .render_html import a, block, esc, front_matter, h, status, ul
from .siteview import View, events

LATEST = 12  # changes listed on the home page


def home(view: View) -> str:
    here = paths.HOME
    published = [p for p in view.parties if view.consent(p) == "full"]
    facts = label("home", "counts").format(states=len(view.parties), full=len(published), articles=sum(1 for _ in view.catalogue.articles()))
    links = ul([
        a(paths.link(here, paths.PARTIES), esc(label("parties", "title"))),
        a(paths.link(here, paths.PROVISIONS), esc(label("provisions", "title"))),
        a(paths.link(here, paths.ASSISTANCE), esc(label("assistance", "title"))),
        a(paths.link(here, paths.REPORTING), esc(label("reporting", "title"))),
        a(paths.link(here, paths.OPEN_DATA), esc(label("data", "title"))),
        a(paths.link(here, paths.CONTRIBUTING), esc(label("contributing", "title"))),
    ])
    reading = ul([esc(x) for x in label_list("home", "how_to_read")])
    legend = ul([status(s) for s in ("full", "partial", "none", "not_applicable", "not_assessed", "missing")], "sa-legend")
    return front_matter(label("home", "short_title")) + block(
        h(1, esc(label("home", "title"))),
        *[f"<p>{esc(p)}</p>" for p in label_list("home", "intro")],
        f"<p>{esc(facts)}</p>",
        search_form(here),
        links,
        h(2, esc(label("home", "how_to_read_title")), "how-to-read"),
        reading, legend,
        h(2, esc(label("home", "latest")), "latest"),
        _latest(view, here),
    )


def label_list(group: str, key: str) -> list[str]:
    """A label that is a list of paragraphs."""
    value = table("en").get(group, {}).get(key)
    return [str(v) for v in value] if isinstance(value, list) else [label(group, key)]


def search_form(here: str) -> str:
    return (
        f'<form class="sa-search-form" role="search" action="{esc(paths.link(here, paths.SEARCH))}" method="get">'
        f'<label for="sa-q">{esc(label("search", "label"))}</label> '
        f'<input id="sa-q" type="search" name="q"> <button type="submit">{esc(label("search", "button"))}</button></form>'
    )


def _changes(view: View) -> list[tuple]:
    """(date, party, kind, reference, status): from the repository history when given,
    else from the dates the States' files state (information as of, progress updates)."""
    found = []
    for party in view.parties:
        if not view.history:
            found += [(date, party, kind, ref, state) for date, kind, ref, state in events(view, party)]
            continue
        for doc in view.files(party):
            date = view.history.get(doc.rel)
            if date is None:
                continue
            if doc is party.profile:
                found.append((date, party, "profile", "", ""))
            elif doc is party.action_plan:
                found.append((date, party, "plan", "", ""))
            else:
                found.append((date, party, "assessment", str(doc.data.get("provision")), str(doc.data.get("status"))))
    return found


def _latest(view: View, here: str) -> str:
    found = _changes(view)
    found.sort(key=lambda e: (e[0], e[1].code, e[2], e[3]), reverse=True)
    items = []
    for date, party, kind, ref, state in found[:LATEST]:
        if kind in ("profile", "plan"):
            anchor = "ratification" if kind == "profile" else "action-plan"
            what, words = a(paths.link(here, paths.party(party.code), anchor), esc(label("home", f"{kind}_changed"))), ""
        elif kind == "assessment":
            what = a(paths.link(here, paths.party(party.code), paths.anchor(ref)), esc(label("home", "assessment_of").format(citation=view.catalogue.cite(ref))))
            words = status(state)
        else:
            what = a(paths.link(here, paths.party(party.code), paths.action_anchor(party.code, ref)), esc(label("home", "action_update").format(action=ref)))
            words = status(state, "action_status")
        items.append(f"{esc(date)}: <strong>{esc(party.name)}</strong>, {what} {words}")
    return ul(items) if items else f'<p>{esc(label("home", "no_changes"))}</p>'


def search(view: View) -> str:
    """The search page: Pagefind's interface, loaded from the site itself."""
    return front_matter(label("search", "title"), search_page=True) + block(
        h(1, esc(label("search", "title"))),
        f'<p>{esc(label("search", "intro"))}</p>',
        f'<div id="search" class="sa-search" data-placeholder="{esc(label("search", "placeholder"))}"></div>',
        f'<noscript><p>{esc(label("search", "noscript"))}</p></noscript>',
    )


_LINK = re.compile(r"(\]\()(?!https?:|mailto:|#)([^)\s]+)(\))")


def contributing(view: View, root: Path) -> str:
    """The root CONTRIBUTING.md as a page; links to repository files point at the repository."""
    text = sources.repository_text(root, "CONTRIBUTING.md")
    if text is None:
        return front_matter(label("contributing", "title")) + block(h(1, esc(label("contributing", "title"))), f'<p>{esc(label("contributing", "missing"))}</p>')

    def repoint(match: re.Match) -> str:
        url = view.repository.view_url(match.group(2))
        return f"{match.group(1)}{url or '#'}{match.group(3)}"

    return front_matter(label("contributing", "title")) + _LINK.sub(repoint, text)
