"""Reporting status: per cycle, how many States submitted and how complete, overall and by regional group."""
from __future__ import annotations

from . import charts, paths
from .labels import label
from .render_html import a, block, cite, esc, front_matter, h, percent, prose, table, text, ul
from .render_parties import REGIONS
from .siteview import View


def page(view: View) -> str:
    here = paths.REPORTING
    out = [front_matter(label("reporting", "title")), block(h(1, esc(label("reporting", "title"))), f'<p>{esc(label("reporting", "intro"))}</p>')]
    for cycle in view.registers.cycles.values():
        out.append(block(_cycle(view, here, cycle)))
    return "".join(out)


def _figure(ident: str, title: str, rows: list[tuple[str, float, str]], maximum: float, head: list[str], table_rows: list[list[str]]) -> str:
    svg = charts.bars(ident, title, rows, maximum)
    return (
        f'<div class="sa-chart"><figure aria-labelledby="{ident}-caption">{svg}'
        f'<figcaption id="{ident}-caption">{esc(title)}</figcaption></figure>'
        f'{table([esc(x) for x in head], table_rows, caption=esc(label("reporting", "data_for").format(chart=title)), cls="sa-table")}</div>'
    )


def _cycle(view: View, here: str, cycle) -> str:
    cid = cycle.id
    data = cycle.data
    published = [p for p in view.parties if view.consent(p) == "full"]
    taking_part = [(p, c) for p in published if (c := view.completeness(p, cycle)) is not None]
    started = [pc for pc in taking_part if pc[1].assessed]
    complete = [pc for pc in taking_part if pc[1].expected and len(pc[1].assessed) == len(pc[1].expected)]
    deadlines = [f'{esc(d.get("date"))}: {text(d.get("title"))}' for d in data.get("deadlines") or [] if isinstance(d, dict)]
    parts = [
        h(2, esc(data.get("title", cid)), f"cycle-{cid}"),
        f'<p>{esc(data.get("opens"))} – {esc(data.get("closes"))}</p>',
        prose(data.get("description")),
        h(3, esc(label("reporting", "deadlines"))) + ul(deadlines) if deadlines else "",
        f'<p>{esc(label("reporting", "scope"))}: {", ".join(cite(view, here, aid) for aid in cycle.articles)}</p>',
    ]
    progress = [
        (label("reporting", "not_started"), len(taking_part) - len(started)),
        (label("reporting", "in_progress"), len(started) - len(complete)),
        (label("reporting", "complete"), len(complete)),
    ]
    parts.append(h(3, esc(label("reporting", "overall")), f"overall-{cid}"))
    parts.append(f'<p>{esc(label("reporting", "summary").format(states=len(taking_part), submitted=len(started), complete=len(complete)))}</p>')
    parts.append(_figure(
        f"progress-{cid}", label("reporting", "progress_chart"),
        [(name, n, str(n)) for name, n in progress], max([n for _, n in progress] + [1]),
        [label("reporting", "stage"), label("reporting", "states")], [[esc(name), str(n)] for name, n in progress],
    ))
    region_rows, chart_rows = [], []
    for region in REGIONS:
        members = [(p, c) for p, c in taking_part if view.region(p) == region]
        if not members:
            continue
        average = sum(c.share for _, c in members) / len(members)
        name = label("regional_group", region)
        chart_rows.append((name, average, percent(average)))
        region_rows.append([esc(name), str(len(members)), str(sum(1 for _, c in members if c.assessed)), str(sum(1 for _, c in members if c.expected and len(c.assessed) == len(c.expected))), percent(average)])
    parts.append(h(3, esc(label("reporting", "by_region")), f"regions-{cid}"))
    if region_rows:
        parts.append(_figure(
            f"regions-{cid}", label("reporting", "region_chart"), chart_rows, 1.0,
            [label("reporting", x) for x in ("region", "states", "submitted", "complete", "average")], region_rows,
        ))
    article_rows, article_chart = [], []
    for aid in cycle.articles:
        expected = [c for _, c in taking_part if aid in c.expected]
        done = sum(1 for c in expected if aid in c.assessed)
        share = done / len(expected) if expected else 0.0
        article_chart.append((view.catalogue.cite(aid), share, f"{done}/{len(expected)}"))
        article_rows.append([cite(view, here, aid), esc(view.catalogue.title(aid)), str(len(expected)), str(done), percent(share)])
    parts.append(h(3, esc(label("reporting", "by_article")), f"articles-{cid}"))
    parts.append(_figure(
        f"articles-{cid}", label("reporting", "article_chart"), article_chart, 1.0,
        [label("reporting", x) for x in ("article", "article_title", "expected", "assessed", "share")], article_rows,
    ))
    return "\n".join(p for p in parts if p)
