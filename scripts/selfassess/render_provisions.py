"""Instrument and provision pages: what each article asks and where every State stands on it."""
from __future__ import annotations

from collections import Counter

from . import paths
from .dates import is_overdue
from .labels import label
from .render_html import a, block, cite, dl, esc, front_matter, h, heading, party_link, prose, status, table, text, ul
from .render_party import need_line
from .shapes import entries, mapping, strings
from .siteview import STATUSES, View

COUNTED = STATUSES + ("missing",)


def index(view: View) -> str:
    here = paths.PROVISIONS
    rows = []
    for iid, instrument in view.catalogue.instruments.items():
        counts = _counts(view, instrument.articles.values())
        rows.append([a(paths.link(here, paths.instrument(iid)), esc(instrument.data.get("short_name", iid))), esc(instrument.data.get("official_name")), str(len(instrument.articles))] + [str(counts[s]) for s in COUNTED])
    head = [label("provisions", "instrument"), label("provisions", "official_name"), label("provisions", "articles")] + [label("status", s) for s in COUNTED]
    return front_matter(label("provisions", "title")) + block(
        h(1, esc(label("provisions", "title"))),
        f'<p>{esc(label("provisions", "intro"))}</p>',
        table([esc(x) for x in head], rows, caption=esc(label("provisions", "counts_caption")), cls="sa-table"),
    )


def _counts(view: View, articles) -> Counter:
    counts: Counter = Counter()
    for article in articles:
        for party in view.parties:
            if view.consent(party) == "full" and view.participation(party, article.instrument) == "party" and article.expects_assessment:
                counts[view.status(party.code, article.id)] += 1
    return counts


def instrument(view: View, iid: str) -> str:
    here = paths.instrument(iid)
    inst = view.catalogue.instruments[iid]
    data = inst.data
    facts = dl([
        (esc(label("provisions", "official_name")), esc(data.get("official_name"))),
        (esc(label("provisions", "adopted")), esc(f'{data.get("adopted")}' + (f' ({data["adopted_by"]})' if data.get("adopted_by") else ""))),
        (esc(label("provisions", "in_force")), esc(data.get("entry_into_force"))),
        (esc(label("provisions", "official_text")), a(data["official_text"], esc(label("provisions", "official_text_link")))),
    ])
    rows = []
    for article in inst.articles.values():
        counts = _counts(view, [article])
        checklist = article.checklist.data if article.checklist else {}
        obligation = esc(label("obligation", str(checklist.get("obligation")))) if checklist else ""
        rows.append([
            a(paths.link(here, paths.article(article.id)), esc(view.catalogue.cite(article.id))),
            esc(article.title), obligation,
        ] + [str(counts[s]) for s in COUNTED] + [str(len(view.actions.get(article.id, [])))])
    head = [label("provisions", "article"), label("provisions", "article_title"), label("provisions", "obligation")] + [label("status", s) for s in COUNTED] + [label("provisions", "actions")]
    return front_matter(data.get("short_name", iid)) + block(
        f'<p class="sa-back">{a(paths.link(here, paths.PROVISIONS), esc(label("provisions", "all_instruments")))}</p>',
        h(1, esc(data.get("short_name", iid))),
        facts,
        table([esc(x) for x in head], rows, caption=esc(label("provisions", "articles_caption")), cls="sa-table sa-sortable"),
    )


def article(view: View, article) -> str:
    here = paths.article(article.id)
    inst = view.catalogue.instruments[article.instrument]
    citation = view.catalogue.cite(article.id)
    checklist = article.checklist.data if article.checklist else {}
    out = [front_matter(f"{citation}: {article.title}", provision=article.id)]
    facts = dl([
        (esc(label("provisions", "citation")), f"<code>{esc(citation)}</code> (<code>{esc(article.id)}</code>)"),
        (esc(label("provisions", "instrument")), a(paths.link(here, paths.instrument(inst.id)), esc(inst.data.get("short_name")))),
        (esc(label("provisions", "obligation")), esc(label("obligation", str(checklist.get("obligation")))) if checklist else ""),
        (esc(label("provisions", "cluster")), esc(label("cluster", article.cluster)) if article.cluster else ""),
        (esc(label("provisions", "official_text")), a(inst.data["official_text"], esc(label("provisions", "official_text_link")))),
    ])
    aliases = f'<p class="sa-sr" aria-hidden="true" data-pagefind-weight="5">{esc(_aliases(view, article))}</p>'
    out.append(block(
        f'<p class="sa-back">{a(paths.link(here, paths.instrument(inst.id)), esc(label("provisions", "back_to").format(instrument=inst.data.get("short_name"))))}</p>',
        h(1, f"{esc(citation)}: {esc(article.title)}"), aliases, facts, prose(checklist.get("summary"), "sa-summary"),
    ))
    if article.checklist:
        out.append(heading(2, label("provisions", "checklist"), "checklist"))
        out.append(block(_checklist(view, here, article)))
    out.append(heading(2, label("provisions", "states"), "states"))
    out.append(block(_states(view, here, article)))
    out.append(heading(2, label("provisions", "paragraphs"), "paragraphs"))
    out.append(block(_paragraphs(view, here, article)))
    out.append(heading(2, label("provisions", "actions"), "actions"))
    out.append(block(_actions(view, here, article)))
    out.append(heading(2, label("provisions", "assistance"), "assistance"))
    out.append(block(_assistance(view, here, article)))
    return "".join(out)


def _aliases(view: View, article) -> str:
    """Words people search a provision by: 'UNTOC 5', 'article 5', '5(1)(a)'."""
    words = {f"{article.instrument} {article.number}", f"article {article.number}", f"art. {article.number}"}
    for pid in article.provisions:
        words.add(view.catalogue.cite(pid).split(" art. ", 1)[-1])
    return " ".join(sorted(words))


def _checklist(view: View, here: str, article) -> str:
    data = article.checklist.data
    parts = []
    for _, part in entries(data.get("parts")):
        cited = ", ".join(cite(view, here, p) for _, p in strings(part.get("provisions")))
        obligation = f' <span class="sa-kind">{esc(label("obligation", str(part["obligation"])))}</span>' if part.get("obligation") else ""
        questions = [f'<strong>{esc(q.get("id"))}</strong> {text(q.get("text"))}' for _, q in entries(part.get("questions"))]
        parts.append(f'<section class="sa-part">{h(3, cited + obligation)}{prose(part.get("summary"))}{ul(questions, "sa-questions")}</section>')
    for key in ("complete_answer", "evidence", "common_gaps"):
        items = [text(x) for _, x in strings(data.get(key))]
        if items:
            parts.append(h(3, esc(label("provisions", key))) + ul(items))
    if article.checklist.body.strip():
        parts.append(h(3, esc(label("provisions", "guidance"))) + prose(article.checklist.body))
    return "".join(parts)


def _states(view: View, here: str, article) -> str:
    rows = []
    for party in view.parties:
        state = view.participation(party, article.instrument)
        if view.consent(party) != "full" or state != "party":
            continue
        doc = view.assessment(party.code, article.id)
        words = status(view.status(party.code, article.id))
        back = a(paths.link(here, paths.party(party.code), paths.anchor(article.id)), esc(label("provisions", "read_assessment"))) if doc else ""
        rows.append([party_link(here, party), words, esc(doc.data.get("as_of") if doc else ""), back])
    if not rows:
        return f'<p>{esc(label("provisions", "no_states"))}</p>'
    head = [esc(label("provisions", x)) for x in ("state", "status", "as_of", "assessment")]
    return table(head, rows, cls="sa-table sa-sortable", search=False)  # States are found on their own pages


def _paragraphs(view: View, here: str, article) -> str:
    found: dict[str, list[str]] = {pid: [] for pid in article.provisions[1:]}
    for party in view.parties:
        doc = view.assessment(party.code, article.id)
        for _, p in entries(doc.data.get("paragraphs") if doc else None):
            if isinstance(p.get("provision"), str) and p["provision"] in found:
                found[p["provision"]].append(f'{party_link(here, party, paths.anchor(article.id))}: {status(str(p.get("status")))}' + (f" {text(p.get('note'), view.lang(party))}" if p.get("note") else ""))
    items = []
    for pid, lines in found.items():
        statements = [f'{party_link(here, party, "ratification")}: {esc(label("party", kind[:-1]))}: {text(s.get("text"), view.lang(party))}' for party, kind, s in view.statements.get(pid, [])]
        items.append(f'<li id="{paths.anchor(pid)}"><strong>{esc(view.catalogue.cite(pid))}</strong>{ul(lines + statements)}</li>')
    return f'<p>{esc(label("provisions", "paragraphs_help"))}</p><ul class="sa-paragraphs">{"".join(items)}</ul>' if items else ""


def _actions(view: View, here: str, article) -> str:
    rows = []
    for party, act in view.actions.get(article.id, []):
        overdue = is_overdue(act, view.today)
        state = status(str(act.get("status")), "action_status") + (" " + status("overdue", "action_status") if overdue else "")
        name = a(paths.link(here, paths.party(party.code), paths.action_anchor(party.code, str(act.get("id")))), f'{esc(act.get("id"))}: {text(act.get("title"), view.lang(party))}')
        rows.append([party_link(here, party), name, esc(act.get("due")), state, esc(label("resources", str(act.get("resources"))))])
    if not rows:
        return f'<p>{esc(label("provisions", "no_actions"))}</p>'
    head = [esc(label("provisions", x)) for x in ("state", "action", "due", "status", "resources")]
    return table(head, rows, cls="sa-table sa-sortable", search=False)  # actions are found on their State's page


def _assistance(view: View, here: str, article) -> str:
    items = [f"{party_link(here, view.party(n.party))}: {need_line(view, n)}" for n in view.needs_by_article.get(article.id, [])]
    return ul(items, search=False) if items else f'<p>{esc(label("provisions", "no_needs"))}</p>'
