"""The party page: profile, ratifications, assessment grid, assessments, action plan, needs, downloads."""
from __future__ import annotations

from . import paths
from .dates import is_overdue
from .labels import label
from .render_html import SYMBOL, a, block, cite, dl, esc, front_matter, h, heading, prose, status, table, text, ul, web_link
from .render_timeline import timeline
from .shapes import entries, mapping, strings
from .siteview import View, actions_of


def page(view: View, party, downloads: list[tuple[str, str]]) -> str:
    """Markdown of one State's page. `downloads`: (label, docs path) of extra files to offer."""
    here = paths.party(party.code)
    out = [front_matter(f"{party.name} ({party.code})", party=party.code)]
    out.append(block(
        f'<p class="sa-back">{a(paths.link(here, paths.PARTIES), esc(label("site", "all_parties")))}</p>',
        h(1, f'{esc(party.name)} <span class="sa-code">({esc(party.code)})</span>'),
        _summary(view, party, here),
    ))
    out.append(heading(2, label("party", "ratification"), "ratification"))
    out.append(block(_instruments(view, party, here), _authorities(view, party, here)))
    if view.consent(party) != "full":
        out.append(block(f'<p class="sa-note">{esc(label("party", "profile_only"))}</p>'))
    else:
        out.append(heading(2, label("party", "grid"), "grid"))
        out.append(block(_grid(view, party, here)))
        out.append(heading(2, label("party", "assessments"), "assessments"))
        own = _Own(view, party)
        out += [_assessment(view, party, here, doc, own) for _, doc in sorted(view.assessments[party.code].items(), key=lambda i: _order(view, i[0]))]
        out.append(heading(2, label("party", "action_plan"), "action-plan"))
        out.append(block(_plan(view, party, here)))
        out.append(heading(2, label("party", "needs"), "needs"))
        out.append(block(_needs(view, party, here)))
    out.append(heading(2, label("party", "downloads"), "downloads"))
    out.append(block(_downloads(view, party, here, downloads)))
    return "".join(out)


def _order(view: View, article_id: str) -> int:
    return view.order.get(article_id, len(view.order))


def _summary(view: View, party, here: str) -> str:
    profile = party.profile.data
    changed = view.last_changed(party)
    edit = view_edit(view, party.profile.rel)
    return dl([
        (esc(label("party", "official_name")), text(profile.get("official_name"), view.lang(party))),
        (esc(label("party", "regional_group")), esc(label("regional_group", view.region(party)))),
        (esc(label("party", "languages")), esc(", ".join(label("language", s) for _, s in strings(profile.get("languages"))))),
        (esc(label("party", "consent")), esc(label("consent", view.consent(party)))),
        (esc(label("party", "last_changed")), esc(changed or label("party", "not_recorded"))),
        (esc(label("party", "source")), edit),
    ])


def view_edit(view: View, rel: str) -> str:
    """'Edit this file' link to a content file in the repository."""
    url = view.repository.edit_url(rel)
    if not url:
        return f"<code>{esc(rel)}</code>"
    return a(url, f'{esc(label("site", "edit_file"))} <code>{esc(rel)}</code>', class_="sa-edit")


def _instruments(view: View, party, here: str) -> str:
    rows = []
    for iid, instrument in view.catalogue.instruments.items():
        entry = mapping(mapping(party.profile.data.get("instruments")).get(iid))
        state = view.participation(party, iid)
        ratification = mapping(entry.get("ratification"))
        deposited = f'{esc(label("ratification_kind", ratification.get("kind", "")))}, {esc(ratification.get("date"))}' if ratification else ""
        statements = [
            f'{esc(label("party", kind[:-1]))}{" (" + cite(view, here, s["provision"]) + ")" if isinstance(s.get("provision"), str) else ""}: {text(s.get("text"), view.lang(party))}'
            for kind in ("reservations", "declarations") for _, s in entries(entry.get(kind))
        ]
        name = a(paths.link(here, paths.instrument(iid)), esc(instrument.data.get("short_name", iid)))
        rows.append([name, status(state, "participation"), esc(entry.get("signature")), deposited, ul(statements)])
    head = [label("party", h_) for h_ in ("instrument", "status", "signature", "bound", "statements")]
    return table([esc(x) for x in head], rows, cls="sa-table")


def _authorities(view: View, party, here: str) -> str:
    items = []
    for _, auth in entries(party.profile.data.get("competent_authorities")):
        cited = ", ".join(cite(view, here, p) for _, p in strings(auth.get("provisions")))
        web = web_link(auth["website"], esc(auth["website"])) if isinstance(auth.get("website"), str) else ""
        contact = mapping(auth.get("contact"))
        reach = ", ".join(x for x in (text(contact.get("institution"), view.lang(party)), esc(contact.get("email") or ""), esc(contact.get("phone") or "")) if x)
        items.append(f'<strong>{text(auth.get("name"), view.lang(party))}</strong>: {text(auth.get("role"), view.lang(party))}' + "".join(f"<br>{x}" for x in (cited, web, reach) if x))
    if not items:
        return ""
    return h(3, esc(label("party", "authorities")), "authorities") + ul(items, "sa-authorities")


def _grid(view: View, party, here: str) -> str:
    """Every article the State is to assess, as a grid of shapes and words."""
    groups = []
    for iid, instrument in view.catalogue.instruments.items():
        if view.participation(party, iid) != "party":
            continue
        cells = []
        for article in instrument.articles.values():
            if not article.expects_assessment:
                continue
            state = view.status(party.code, article.id)
            words = f"{view.catalogue.cite(article.id)}: {label('status', state)}"
            inner = f'<span class="sa-num" aria-hidden="true">{article.number}</span><span class="sa-symbol" aria-hidden="true">{SYMBOL.get(state, "")}</span><span class="sa-sr">{esc(words)}</span>'
            if state == "missing":
                cells.append(f'<li class="sa-cell sa-status-missing" title="{esc(words)}">{inner}</li>')
            else:
                cells.append(f'<li class="sa-cell sa-status-{esc(state)}">{a("#" + paths.anchor(article.id), inner, title=words)}</li>')
        groups.append(h(3, esc(instrument.data.get("short_name", iid)), f"grid-{iid}") + f'<ul class="sa-grid" data-pagefind-ignore>{"".join(cells)}</ul>')
    legend = ul([status(s) for s in ("full", "partial", "none", "not_applicable", "not_assessed", "missing")], "sa-legend")
    return f'<p>{esc(label("party", "grid_help"))}</p>' + legend + "".join(groups)


class _Own:
    """The State's needs stated in assessments and its actions, by article, looked up once a page."""

    def __init__(self, view: View, party):
        self.needs: dict[tuple, list] = {}
        for need in view.needs_by_party.get(party.code, []):
            if not need.action:
                self.needs.setdefault(need.provisions, []).append(need)
        self.actions = view.actions_by_party.get(party.code, {})


def _assessment(view: View, party, here: str, doc, own: _Own) -> str:
    data = doc.data
    lang = view.lang(party)
    article = view.catalogue.article(data["provision"])
    title = f'{esc(view.catalogue.cite(article.id))}: {esc(article.title)}'
    parts = [h(3, title, paths.anchor(article.id), "sa-assessment-title")]
    parts.append(dl([
        (esc(label("assessment", "status")), status(str(data.get("status")))),
        (esc(label("assessment", "as_of")), esc(data.get("as_of"))),
        (esc(label("assessment", "last_changed")), esc(view.history.get(doc.rel) or label("party", "not_recorded"))),
        *_status_history(view, doc),
        (esc(label("assessment", "provision_page")), a(paths.link(here, paths.article(article.id)), esc(label("assessment", "checklist_and_states")))),
        (esc(label("party", "source")), view_edit(view, doc.rel)),
    ], search=False))  # the same words in every assessment
    rows = [[cite(view, here, p["provision"]), status(str(p.get("status"))), text(p.get("note"), lang)] for _, p in entries(data.get("paragraphs")) if isinstance(p.get("provision"), str)]
    if rows:
        parts.append(table([esc(label("assessment", x)) for x in ("paragraph", "status", "note")], rows, cls="sa-table"))
    parts.append(prose(doc.body, lang=lang))
    measures = [_measure(m, lang) for _, m in entries(data.get("measures"))]
    if measures:
        parts.append(h(4, esc(label("assessment", "measures"))) + ul(measures, "sa-measures"))
    challenges = [f'<span class="sa-kind">{esc(label("challenge_kind", str(c.get("kind"))))}</span> {text(c.get("description"), lang)}' for _, c in entries(data.get("challenges"))]
    if challenges:
        parts.append(h(4, esc(label("assessment", "challenges"))) + ul(challenges))
    needs = own.needs.get((article.id,), [])
    if needs:
        parts.append(h(4, esc(label("assessment", "assistance"))) + ul([need_line(view, n) for n in needs]))
    actions = own.actions.get(article.id, [])
    if actions:
        parts.append(h(4, esc(label("assessment", "actions"))) + ul([a("#" + paths.action_anchor(party.code, str(act.get("id"))), f'{esc(act.get("id"))}: {text(act.get("title"), lang)}') for act in actions]))
    return block(f'<section class="sa-assessment">{"".join(parts)}</section>')


def _status_history(view: View, doc) -> list[tuple[str, str]]:
    """A row with the assessment's earlier statuses, from the repository history, when it has changed."""
    changes = view.statuses.get(doc.rel, [])
    if len(changes) < 2:
        return []
    steps = [f'{status(state)} <span class="sa-date">{esc(label("assessment", "since"))} {esc(date)}</span>' for date, state in changes]
    return [(esc(label("assessment", "status_history")), " → ".join(steps))]


def _measure(measure: dict, lang: str) -> str:
    laws = []
    for _, law in entries(measure.get("laws")):
        words = text(law.get("title"), lang)
        if law.get("articles"):
            words += f", {text(law['articles'], lang)}"
        if law.get("year"):
            words += f" ({esc(law['year'])})"
        if isinstance(law.get("url"), str):
            words = web_link(law["url"], words)
        if law.get("status"):
            words += f' <span class="sa-kind">{esc(label("law_status", str(law["status"])))}</span>'
        laws.append(words)
    kind = f'<span class="sa-kind">{esc(label("measure_kind", str(measure.get("kind"))))}</span> '
    cited = f'<br>{esc(label("assessment", "laws"))}: ' + "; ".join(laws) if laws else ""
    return kind + text(measure.get("description"), lang) + cited


def need_line(view: View, need) -> str:
    kind = view.registers.assistance_types.get(need.type, {}).get("name", need.type)
    state = f" {status(need.status, 'assistance_status')}" if need.status else ""
    lang = view.lang(need.party)
    provider = f' ({esc(label("assistance", "provider"))}: {text(need.provider, lang)})' if need.provider else ""
    return f'<strong>{esc(kind)}</strong>: {text(need.description, lang)}{state}{provider}'


def _plan(view: View, party, here: str) -> str:
    actions = actions_of(party)
    if not actions:
        return f'<p>{esc(label("party", "no_actions"))}</p>'
    edit = f'<p>{esc(label("party", "source"))}: {view_edit(view, party.action_plan.rel)}</p>'
    return edit + timeline(view, party, here, actions) + "".join(_action(view, party, here, act) for act in actions)


def _action(view: View, party, here: str, act: dict) -> str:
    overdue = is_overdue(act, view.today)
    flag = f' {status("overdue", "action_status")}' if overdue else ""
    lang = view.lang(party)
    title = f'{esc(act.get("id"))}: {text(act.get("title"), lang)}{flag}'
    updates = [f'{esc(u.get("date"))}: {text(u.get("text"), lang)}' for _, u in entries(act.get("updates"))]
    resources = label("resources", str(act.get("resources")))
    needs = [need_line(view, n) for n in view.needs_by_party.get(party.code, []) if n.action == str(act.get("id"))]
    facts = dl([
        (esc(label("action", "status")), status(str(act.get("status")), "action_status")),
        (esc(label("action", "provisions")), ", ".join(cite(view, here, p) for _, p in strings(act.get("provisions")))),
        (esc(label("action", "responsible")), text(act.get("responsible"), lang)),
        (esc(label("action", "partners")), "; ".join(text(p, lang) for _, p in strings(act.get("partners")))),
        (esc(label("action", "start")), esc(act.get("start") or "")),
        (esc(label("action", "due")), esc(act.get("due") or "")),
        (esc(label("action", "completed")), esc(act.get("completed") or "")),
        (esc(label("action", "priority")), esc(label("priority", str(act.get("priority"))))),
        (esc(label("action", "resources")), esc(resources)),
    ])
    parts = [h(3, title, paths.action_anchor(party.code, str(act.get("id"))), "sa-action-title"), prose(act.get("description"), lang=lang), facts]
    if needs:
        parts.append(h(4, esc(label("assessment", "assistance"))) + ul(needs))
    if updates:
        parts.append(h(4, esc(label("action", "updates"))) + ul(updates))
    klass = "sa-action sa-overdue" if overdue else "sa-action"
    return f'<section class="{klass}">{"".join(parts)}</section>'


def _needs(view: View, party, here: str) -> str:
    needs = view.needs_by_party.get(party.code, [])
    if not needs:
        return f'<p>{esc(label("party", "no_needs"))}</p>'
    rows = []
    for n in needs:
        where = a("#" + paths.action_anchor(party.code, n.action), esc(label("assistance", "action") + " " + n.action)) if n.action else esc(label("assistance", "assessment"))
        kind = view.registers.assistance_types.get(n.type, {}).get("name", n.type)
        rows.append([", ".join(cite(view, here, p) for p in n.provisions), a(paths.link(here, paths.assistance_type(n.type)), esc(kind)), text(n.description, view.lang(party)), status(n.status, "assistance_status") if n.status else "", text(n.provider, view.lang(party)), where])
    head = [esc(label("assistance", x)) for x in ("provision", "type", "description", "status", "provider", "source")]
    return table(head, rows, cls="sa-table", search=False)  # each need is indexed with its assessment or action


def _downloads(view: View, party, here: str, downloads: list[tuple[str, str]]) -> str:
    links = [a(paths.link(here, paths.party_data(party.code)), esc(label("party", "data_json")))]
    links += [a(paths.link(here, path), esc(words)) for words, path in downloads]
    return ul(links, "sa-downloads")
