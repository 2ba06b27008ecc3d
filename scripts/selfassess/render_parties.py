"""The parties index: every State, sortable and filterable in the browser (vendored script)."""
from __future__ import annotations

from . import paths
from .labels import label
from .render_html import a, block, esc, front_matter, h, meter, percent
from .siteview import View

REGIONS = ("african", "asia_pacific", "eastern_european", "latin_american_caribbean", "western_european_other", "none")


def page(view: View) -> str:
    here = paths.PARTIES
    cycles = list(view.registers.cycles.values())
    head = [label("parties", "state"), label("parties", "code"), label("parties", "region"), label("parties", "instruments")]
    head += [label("parties", "completeness").format(cycle=c.data.get("title", c.id)) for c in cycles]
    head.append(label("parties", "last_update"))
    rows = []
    for party in view.parties:
        bound = [iid for iid in view.catalogue.instruments if view.participation(party, iid) == "party"]
        names = ", ".join(esc(view.catalogue.instruments[i].data.get("short_name", i)) for i in bound)
        cells = [
            f'<th scope="row" data-sort="{esc(party.name.casefold())}">{a(paths.link(here, paths.party(party.code)), esc(party.name))}</th>',
            f"<td>{esc(party.code)}</td>",
            f"<td>{esc(label('regional_group', view.region(party)))}</td>",
            f"<td>{names}</td>",
        ]
        for cycle in cycles:
            cells.append(_completeness(view, party, cycle))
        latest = view.last_changed(party) or view.latest_date(party) or ""
        cells.append(f'<td data-sort="{esc(latest)}">{esc(latest)}</td>')
        rows.append(f'<tr data-region="{esc(view.region(party))}" data-instruments="{esc(" ".join(bound))}">{"".join(cells)}</tr>')
    table = (
        f'<table id="parties-table" class="sa-table sa-sortable" data-filter="parties-filter">'
        f'<caption>{esc(label("parties", "caption").format(count=len(view.parties)))}</caption>'
        "<thead><tr>" + "".join(f'<th scope="col">{esc(x)}</th>' for x in head) + "</tr></thead>"
        f'<tbody>{"".join(rows)}</tbody></table>'
    )
    return front_matter(label("parties", "title")) + block(
        h(1, esc(label("parties", "title"))),
        f'<p>{esc(label("parties", "intro"))}</p>',
        _filters(view),
        table,
    )


def _completeness(view: View, party, cycle) -> str:
    if view.consent(party) != "full":
        return f'<td data-sort="-1">{esc(label("parties", "not_published"))}</td>'
    found = view.completeness(party, cycle)
    if found is None:
        return f'<td data-sort="-2">{esc(label("parties", "not_participating"))}</td>'
    words = f"{len(found.assessed)}/{len(found.expected)} ({percent(found.share)})"
    return f'<td data-sort="{found.share:.4f}">{meter(found.share, esc(words))}</td>'


def _filters(view: View) -> str:
    regions = "".join(f'<option value="{r}">{esc(label("regional_group", r))}</option>' for r in REGIONS)
    instruments = "".join(f'<option value="{iid}">{esc(i.data.get("short_name", iid))}</option>' for iid, i in view.catalogue.instruments.items())
    return (
        '<form id="parties-filter" class="sa-filters" hidden>'
        f'<label>{esc(label("parties", "filter_text"))} <input type="search" name="text"></label> '
        f'<label>{esc(label("parties", "region"))} <select name="region"><option value="">{esc(label("parties", "any"))}</option>{regions}</select></label> '
        f'<label>{esc(label("parties", "party_to"))} <select name="instrument"><option value="">{esc(label("parties", "any"))}</option>{instruments}</select></label> '
        f'<output name="count" aria-live="polite" data-template="{esc(label("parties", "shown"))}"></output>'
        "</form>"
    )
