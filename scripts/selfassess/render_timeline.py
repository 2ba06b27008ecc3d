"""The action plan as a timeline in HTML and CSS: one bar per action, dates written out."""
from __future__ import annotations

import datetime

from . import paths
from .dates import is_overdue
from .labels import label
from .render_html import a, esc, status, text


def _day(value) -> int | None:
    try:
        return datetime.date.fromisoformat(value).toordinal() if isinstance(value, str) else None
    except ValueError:
        return None


def timeline(view, party, here: str, actions: list[dict]) -> str:
    spans = []
    for act in actions:
        end = _day(act.get("completed")) or _day(act.get("due"))
        start = _day(act.get("start")) or end
        if start is not None and end is not None:
            spans.append((act, min(start, end), max(start, end)))
    if not spans:
        return ""
    today = _day(view.today)
    first = datetime.date.fromordinal(min(s for _, s, _ in spans)).replace(month=1, day=1).toordinal()
    last = datetime.date.fromordinal(max(e for _, _, e in spans)).replace(month=12, day=31).toordinal()
    width = max(1, last - first)

    def pos(day: int) -> float:
        return round((day - first) * 100 / width, 2)

    years = range(datetime.date.fromordinal(first).year, datetime.date.fromordinal(last).year + 1)
    ticks = "".join(f'<span class="sa-tl-year" style="left:{pos(datetime.date(y, 1, 1).toordinal())}%">{y}</span>' for y in years)
    now = f'<span class="sa-tl-today" style="left:{pos(today)}%"></span>' if today and first <= today <= last else ""
    rows = []
    for act, start, end in spans:
        overdue = is_overdue(act, view.today)
        state = "overdue" if overdue else str(act.get("status"))
        bar = f'<span class="sa-tl-bar sa-tl-{esc(state)}" style="left:{pos(start)}%;width:{max(pos(end) - pos(start), 0.8)}%"></span>'
        when = f'{esc(act.get("start") or "")} – {esc(act.get("completed") or act.get("due") or "")}'
        flag = " " + status("overdue", "action_status") if overdue else ""
        name = a("#" + paths.action_anchor(party.code, str(act.get("id"))), f'{esc(act.get("id"))}: {text(act.get("title"), view.lang(party))}')
        rows.append(
            f'<li class="sa-tl-row"><span class="sa-tl-label">{name}<br><span class="sa-tl-when">{when}</span> '
            f'{status(str(act.get("status")), "action_status")}{flag}</span>'
            f'<span class="sa-tl-track" aria-hidden="true">{now}{bar}</span></li>'
        )
    axis = f'<div class="sa-tl-axis" aria-hidden="true"><span class="sa-tl-label"></span><span class="sa-tl-track">{ticks}</span></div>'
    caption = f'<p class="sa-tl-caption">{esc(label("party", "timeline_help").format(today=view.today))}</p>'
    return f'<div class="sa-timeline" data-pagefind-ignore>{caption}{axis}<ol class="sa-tl-rows">{"".join(rows)}</ol></div>'
