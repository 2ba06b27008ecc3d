"""Static SVG bar charts, made at build time; each is shown with a table of the same figures."""
from __future__ import annotations

from .render_html import esc

WIDTH = 640
LABEL = 230  # room for the bar names
ROW = 30


def bars(ident: str, title: str, rows: list[tuple[str, float, str]], maximum: float) -> str:
    """Horizontal bars: (name, value, value as written). The written value sits at the bar's end."""
    height = ROW * len(rows) + 10
    room = WIDTH - LABEL - 80
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sa-chart-svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-labelledby="{ident}-title">',
        f'<title id="{ident}-title">{esc(title)}</title>',
    ]
    for n, (name, value, words) in enumerate(rows):
        y = 5 + n * ROW
        length = 0 if maximum <= 0 else round(room * max(0.0, value) / maximum, 1)
        out.append(f'<text x="{LABEL - 8}" y="{y + 19}" text-anchor="end" class="sa-chart-name">{esc(name)}</text>')
        out.append(f'<rect x="{LABEL}" y="{y + 4}" width="{length}" height="{ROW - 10}" class="sa-chart-bar"/>')
        out.append(f'<text x="{LABEL + length + 6}" y="{y + 19}" class="sa-chart-value">{esc(words)}</text>')
    out.append("</svg>")
    return "".join(out)
