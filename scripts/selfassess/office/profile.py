"""A State's published files -> its profile document (the model both DOCX and PDF are made from).

Takes a party from `publish.public(corpus)` only, so nothing marked not for
publication can reach a document.
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import dates
from ..catalogue import Catalogue
from ..labels import label
from ..parties import Party
from ..registers import Registers
from ..shapes import entries, mapping, strings
from . import model as m
from . import narrative_blocks
from .model import cell, para


@dataclass(frozen=True)
class Source:
    """Where the document comes from: the State's folder at a revision, or uncommitted."""
    folder: str
    revision: str | None  # short commit id; None when uncommitted or not in git
    date: str  # YYYY-MM-DD: commit date, or today
    versioned: bool = True  # False outside a git repository

    def line(self) -> str:
        if not self.versioned:
            return doc("source_unversioned").format(folder=self.folder, date=self.date)
        if self.revision:
            return doc("source").format(folder=self.folder, revision=self.revision, date=self.date)
        return doc("source_uncommitted").format(folder=self.folder, date=self.date)


def doc(key: str) -> str:
    return label("document", key)


class _Writer:
    def __init__(self, party: Party, catalogue: Catalogue, registers: Registers, today: str):
        self.party = party
        self.catalogue = catalogue
        self.registers = registers
        self.today = today
        languages = party.profile.data.get("languages") or ["en"]
        self.lang = languages[0] if isinstance(languages[0], str) else "en"

    def said(self, value) -> list:
        """A table cell holding text the State wrote, in its language."""
        return m.in_language(cell(value), self.lang) if value not in (None, "") else []

    def markdown(self, text: str) -> list:
        return m.in_language(narrative_blocks.from_markdown(text), self.lang) if text and text.strip() else []

    # profile -------------------------------------------------------------------
    def profile(self) -> list:
        data = self.party.profile.data
        rows = [
            (doc("name"), data.get("name")),
            (doc("official_name"), data.get("official_name")),
            (doc("code"), self.party.code),
            (doc("regional_group"), label("regional_group", str(data.get("regional_group")))),
            (doc("languages"), ", ".join(label("language", c) for _, c in strings(data.get("languages")))),
        ]
        publication = mapping(data.get("publication"))
        if publication:
            consent = label("consent", str(publication.get("consent")))
            if publication.get("date") and publication.get("given_by"):
                consent = doc("consent_given").format(consent=consent, date=publication["date"], by=publication["given_by"])
            rows.append((doc("publication"), consent))
        out = [m.Heading(1, [doc("profile")]), field_table(rows)]
        out += self.instruments()
        out += self.statements()
        out += self.authorities()
        out += self.focal_points()
        return out

    def instruments(self) -> list:
        rows = []
        for iid, entry in mapping(self.party.profile.data.get("instruments")).items():
            entry = mapping(entry)
            ratification = mapping(entry.get("ratification"))
            bound = f"{label('ratification_kind', str(ratification.get('kind')))}, {ratification.get('date')}" if ratification else ""
            rows.append([cell(label("instrument", iid)), cell(label("participation", str(entry.get("status")))), cell(entry.get("signature")), cell(bound)])
        header = [cell(doc("instrument")), cell(doc("status")), cell(doc("signature")), cell(doc("bound"))]
        return [m.Heading(2, [doc("instruments")]), m.Table(header, rows, [0.34, 0.18, 0.18, 0.30])]

    def statements(self) -> list:
        rows = []
        for iid, entry in mapping(self.party.profile.data.get("instruments")).items():
            for kind in ("reservations", "declarations"):
                for _, statement in entries(mapping(entry).get(kind)):
                    pid = statement.get("provision")
                    rows.append([cell(label("instrument", iid)), cell(doc(kind[:-1])), cell(self.catalogue.cite(pid) if pid else ""), cell(statement.get("date")), self.said(statement.get("text"))])
        if not rows:
            return []
        header = [cell(doc(k)) for k in ("instrument", "kind", "provision", "date", "text")]
        return [m.Heading(2, [doc("statements")]), m.Table(header, rows, [0.18, 0.13, 0.15, 0.12, 0.42])]

    def authorities(self) -> list:
        rows = []
        for _, authority in entries(self.party.profile.data.get("competent_authorities")):
            cited = ", ".join(self.catalogue.cite(p) for _, p in strings(authority.get("provisions")))
            rows.append([self.said(authority.get("name")), self.said(authority.get("role")), cell(cited), self.contact(authority.get("contact"), authority.get("website"))])
        if not rows:
            return []
        header = [cell(doc(k)) for k in ("authority", "role", "provisions", "contact")]
        return [m.Heading(2, [doc("authorities")]), m.Table(header, rows, [0.25, 0.23, 0.14, 0.38])]

    def focal_points(self) -> list:
        rows = []
        for _, person in entries(self.party.profile.data.get("focal_points")):
            rows.append([self.said(person.get("name")), self.said(person.get("position")), self.said(person.get("institution")), self.contact(person)])
        if not rows:
            return []
        header = [cell(doc(k)) for k in ("name", "position", "institution", "contact")]
        return [m.Heading(2, [doc("focal_points")]), m.Table(header, rows, [0.2, 0.2, 0.22, 0.38])]

    def contact(self, contact, website=None) -> list:
        contact = mapping(contact)
        out = []
        if isinstance(contact.get("institution"), str) and contact["institution"] != contact.get("name"):
            out += self.said(contact["institution"])
        if isinstance(contact.get("email"), str):
            out.append(para(m.Link(f"mailto:{contact['email']}", [contact["email"]])))
        if isinstance(contact.get("phone"), str):
            out.append(para(contact["phone"]))
        if isinstance(website, str):
            out.append(para(m.Link(website, [website])))
        return out

    # self-assessment -------------------------------------------------------------
    def assessments(self) -> list:
        out = [m.Heading(1, [doc("self_assessment")])]
        consent = mapping(self.party.profile.data.get("publication")).get("consent")
        if consent == "profile_only":
            return out + [para(doc("profile_only"))]
        docs = self.ordered_assessments()
        if not docs:
            return out + [para(doc("no_assessment"))]
        header = [cell(doc(k)) for k in ("article", "title", "compliance", "as_of")]
        rows = [[cell(self.catalogue.cite(pid)), cell(self.catalogue.title(pid)), cell(label("status", str(a.data.get("status")))), cell(a.data.get("as_of"))] for pid, a in docs]
        out += [m.Heading(2, [doc("overview")]), m.Table(header, rows, [0.2, 0.48, 0.18, 0.14])]
        for pid, assessment in docs:
            out += self.assessment(pid, assessment)
        return out

    def ordered_assessments(self) -> list:
        order = {a.id: n for n, a in enumerate(self.catalogue.articles())}
        found = [(a.data.get("provision"), a) for a in self.party.assessments.values() if isinstance(a.data.get("provision"), str)]
        return sorted(found, key=lambda pair: (order.get(pair[0], len(order)), pair[0]))

    def assessment(self, pid: str, assessment) -> list:
        """One article: tables only where they help, lists elsewhere (a long document stays light)."""
        data = assessment.data
        title = f"{self.catalogue.cite(pid)}: {self.catalogue.title(pid)}"
        facts = [(doc("compliance"), label("status", str(data.get("status")))), (doc("as_of"), data.get("as_of"))]
        out = [m.Heading(2, [title]), facts_line(facts)]
        paragraphs = [self.item(self.catalogue.cite(p.get("provision", "")), label("status", str(p.get("status"))), p.get("note")) for _, p in entries(data.get("paragraphs"))]
        if paragraphs:
            out += [m.Heading(3, [doc("by_paragraph")]), self.listing(paragraphs)]
        body = self.markdown(assessment.body)
        if body:
            out += [m.Heading(3, [doc("narrative")])] + body
        measures = [self.item(label("measure_kind", str(x.get("kind"))), None, x.get("description")) + self.laws(x.get("laws")) for _, x in entries(data.get("measures"))]
        if measures:
            out += [m.Heading(3, [doc("measures")]), self.listing(measures)]
        challenges = [self.item(label("challenge_kind", str(x.get("kind"))), None, x.get("description")) for _, x in entries(data.get("challenges"))]
        if challenges:
            out += [m.Heading(3, [doc("challenges")]), self.listing(challenges)]
        needs = [need for _, need in entries(data.get("assistance"))]
        if needs:
            out += [m.Heading(3, [doc("assistance")]), self.listing([self.need(n) for n in needs])]
        return out

    def item(self, name: str, qualifier: str | None, text) -> list:
        """A list item: 'Name (qualifier): text'."""
        lead = f"{name} ({qualifier})" if qualifier else name
        return [para(m.Strong([lead + (":" if text else "")]), " " if text else "", text if isinstance(text, str) else "")]

    def listing(self, items: list) -> object:
        return m.in_language([m.BulletList(items)], self.lang)[0]

    def laws(self, laws) -> list:
        out = []
        for _, law in entries(laws):
            details = [law.get("articles"), str(law["year"]) if law.get("year") else None, label("law_status", law["status"]) if law.get("status") else None]
            inlines: list = [m.Emph([doc("law") + ": "]), ", ".join([law.get("title", "")] + [d for d in details if d])]
            if law.get("url"):
                inlines += [" ", m.Link(law["url"], [law["url"]])]
            out.append(m.Para(inlines))
        return out

    def need(self, need: dict) -> list:
        kind = mapping(self.registers.assistance_types.get(need.get("type"))).get("name", need.get("type"))
        qualifier = "; ".join(filter(None, [
            label("assistance_status", need["status"]) if need.get("status") else None,
            f"{doc('provider')}: {need['provider']}" if need.get("provider") else None,
        ]))
        return self.item(str(kind), qualifier or None, need.get("description"))

    def needs_table(self, needs: list, sources: list) -> m.Table:
        rows = []
        for need, source in zip(needs, sources):
            kind = mapping(self.registers.assistance_types.get(need.get("type"))).get("name", need.get("type"))
            status = label("assistance_status", need["status"]) if need.get("status") else ""
            rows.append([cell(source), cell(kind), self.said(need.get("description")), cell(status), self.said(need.get("provider"))])
        header = [cell(doc(k)) for k in ("needed_for", "assistance_type", "assistance_what", "status", "provider")]
        return m.Table(header, rows, [0.16, 0.18, 0.36, 0.14, 0.16])

    # action plan -----------------------------------------------------------------
    def actions(self) -> list:
        if self.party.action_plan is None:
            return []
        out = [m.Heading(1, [doc("action_plan")])]
        actions = [a for _, a in entries(self.party.action_plan.data.get("actions"))]
        if not actions:
            return out + [para(doc("no_actions"))]
        header = [cell(doc(k)) for k in ("action", "provisions", "responsible", "due", "priority", "resources", "status")]
        rows = [[
            [para(m.Strong([str(a.get("id", ""))]))] + self.said(a.get("title")),
            cell(", ".join(self.catalogue.cite(p) for _, p in strings(a.get("provisions")))),
            self.said(a.get("responsible")),
            cell(a.get("due")),
            cell(label("priority", str(a.get("priority")))),
            cell(label("resources", str(a.get("resources")))),
            cell(self.action_status(a)),
        ] for a in actions]
        out.append(m.Table(header, rows, [0.27, 0.13, 0.15, 0.12, 0.10, 0.12, 0.11]))
        for action in actions:
            out += self.action(action)
        return out

    def action_status(self, action: dict) -> str:
        status = label("action_status", str(action.get("status")))
        if dates.is_overdue(action, self.today):
            return doc("overdue_status").format(status=status)
        if action.get("status") == "completed" and action.get("completed"):
            return f"{status} ({action['completed']})"
        return status

    def action(self, action: dict) -> list:
        out = [m.Heading(2, [f"{action.get('id', '')}: {action.get('title', '')}"])]
        partners = ", ".join(p for _, p in strings(action.get("partners")))
        out.append(facts_line([(doc("start"), action.get("start")), (doc("due"), action.get("due")), (doc("partners"), partners)]))
        out += self.markdown(action.get("description", ""))
        needs = [n for _, n in entries(action.get("assistance"))]
        if needs:
            out += [m.Heading(3, [doc("assistance")]), self.listing([self.need(n) for n in needs])]
        updates = [self.item(str(u.get("date", "")), None, u.get("text")) for _, u in entries(action.get("updates"))]
        if updates:
            out += [m.Heading(3, [doc("updates")]), self.listing(updates)]
        return out

    # assistance ------------------------------------------------------------------
    def assistance(self) -> list:
        needs, sources = [], []
        consent = mapping(self.party.profile.data.get("publication")).get("consent")
        if consent == "profile_only":
            return []
        for pid, assessment in self.ordered_assessments():
            for _, need in entries(assessment.data.get("assistance")):
                needs.append(need)
                sources.append(self.catalogue.cite(pid))
        if self.party.action_plan is not None:
            for _, action in entries(self.party.action_plan.data.get("actions")):
                for _, need in entries(action.get("assistance")):
                    needs.append(need)
                    sources.append(f"{doc('action')} {action.get('id', '')}")
        out = [m.Heading(1, [doc("assistance_needs")])]
        return out + ([self.needs_table(needs, sources)] if needs else [para(doc("no_assistance"))])


def facts_line(facts: list) -> m.Para:
    """'Compliance: Partially compliant · Information as of: 2026-09-30', for the facts given."""
    inlines: list = []
    for name, value in facts:
        if value in (None, ""):
            continue
        if inlines:
            inlines.append(" · ")
        inlines += [m.Strong([f"{name}:"]), f" {value}"]
    return m.Para(inlines)


def field_table(rows: list) -> m.Table:
    """Two columns, label and value, for the rows whose value is given."""
    body = [[cell(name), cell(value)] for name, value in rows if value not in (None, "")]
    return m.Table([cell(doc("field")), cell(doc("value"))], body, [0.3, 0.7])


def build(party: Party, catalogue: Catalogue, registers: Registers, source: Source, today: str | None = None) -> m.Document:
    """The profile document of one published State (a party from publish.public)."""
    writer = _Writer(party, catalogue, registers, today or dates.today())
    blocks = [para(source.line()), para(m.Emph([doc("public_only")]))]
    blocks += writer.profile() + writer.assessments() + writer.actions() + writer.assistance()
    return m.Document(party.name, doc("subtitle"), "en", blocks)
