"""Technical assistance: every need by type, by provision and by regional group, for providers."""
from __future__ import annotations

from collections import defaultdict

from . import paths
from .labels import label
from .render_html import a, block, cite, esc, front_matter, h, party_link, status, table, text
from .render_parties import REGIONS
from .siteview import View


def overview(view: View) -> str:
    here = paths.ASSISTANCE
    by_type = defaultdict(list)
    for need in view.needs:
        by_type[need.type].append(need)
    type_rows = []
    for tid, kind in view.registers.assistance_types.items():
        needs = by_type.get(tid, [])
        states = sorted({n.party for n in needs})
        type_rows.append([
            a(paths.link(here, paths.assistance_type(tid)), esc(kind.get("name", tid))), text(kind.get("description")),
            str(len(needs)), str(len(states)),
        ])
    region_rows = []
    for region in REGIONS:
        members = [p for p in view.parties if view.region(p) == region]
        needs = [n for p in members for n in view.needs_by_party.get(p.code, [])]
        if members:
            region_rows.append([esc(label("regional_group", region)), str(len(members)), str(len({n.party for n in needs})), str(len(needs)), _top_types(view, needs)])
    article_rows = []
    for article_id in sorted(view.needs_by_article, key=lambda i: view.order.get(i, 0)):
        needs = view.needs_by_article[article_id]
        article = view.catalogue.article(article_id)
        link = a(paths.link(here, paths.article(article_id), "assistance"), esc(view.catalogue.cite(article_id)))
        article_rows.append([link, esc(article.title), str(len(needs)), str(len({n.party for n in needs})), _top_types(view, needs)])
    head = lambda *keys: [esc(label("assistance", k)) for k in keys]  # noqa: E731
    return front_matter(label("assistance", "title")) + block(
        h(1, esc(label("assistance", "title"))),
        f'<p>{esc(label("assistance", "intro"))}</p>',
        f'<p>{a(paths.link(here, paths.OPEN_DATA), esc(label("assistance", "download")))}</p>',
        h(2, esc(label("assistance", "by_type")), "by-type"),
        table(head("type", "description", "needs", "states"), type_rows, cls="sa-table sa-sortable"),
        h(2, esc(label("assistance", "by_provision")), "by-provision"),
        table(head("provision", "article_title", "needs", "states", "main_types"), article_rows, cls="sa-table sa-sortable") if article_rows else f'<p>{esc(label("assistance", "none_yet"))}</p>',
        h(2, esc(label("assistance", "by_region")), "by-region"),
        table(head("region", "members", "states", "needs", "main_types"), region_rows, cls="sa-table") if region_rows else "",
    )


def _top_types(view: View, needs) -> str:
    counts = defaultdict(int)
    for n in needs:
        counts[n.type] += 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    return "; ".join(f'{esc(view.registers.assistance_types.get(t, {}).get("name", t))} ({c})' for t, c in top)


def type_page(view: View, tid: str) -> str:
    """Every need of one type of assistance, with the State, provision and status."""
    here = paths.assistance_type(tid)
    kind = view.registers.assistance_types[tid]
    rows = []
    for n in (n for n in view.needs if n.type == tid):
        party = view.party(n.party)
        source = n.action and a(paths.link(here, paths.party(party.code), paths.action_anchor(party.code, n.action)), esc(f'{label("assistance", "action")} {n.action}'))
        source = source or a(paths.link(here, paths.party(party.code), paths.anchor(n.provisions[0]) if n.provisions else "needs"), esc(label("assistance", "assessment")))
        rows.append([
            party_link(here, party), esc(label("regional_group", view.region(party))),
            ", ".join(cite(view, here, p) for p in n.provisions), text(n.description, view.lang(party)),
            status(n.status, "assistance_status") if n.status else "", text(n.provider, view.lang(party)), source,
        ])
    head = [esc(label("assistance", k)) for k in ("state", "region", "provision", "description", "status", "provider", "source")]
    return front_matter(kind.get("name", tid)) + block(
        f'<p class="sa-back">{a(paths.link(here, paths.ASSISTANCE), esc(label("assistance", "back")))}</p>',
        h(1, esc(kind.get("name", tid))),
        f"<p>{text(kind.get('description'))}</p>",
        # each need is found with its assessment or action, on the State's page
        table(head, rows, cls="sa-table sa-sortable", search=False) if rows else f'<p>{esc(label("assistance", "none_of_type"))}</p>',
    )
