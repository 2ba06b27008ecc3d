"""What the pages show, worked out once from the public view of the corpus.

Everything here comes from `publish.public(corpus)`: the renderers never see
the loaded corpus itself. Lookups are dictionaries built in one pass, so a page
costs the same whatever the number of States.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from . import dates, publish
from .paths import Repository
from .catalogue import Article
from .corpus import Corpus
from .documents import Document
from .parties import Party
from .registers import Cycle
from .shapes import entries, mapping, strings

ASSESSED = ("full", "partial", "none", "not_applicable")
STATUSES = ("full", "partial", "none", "not_applicable", "not_assessed")


@dataclass(frozen=True)
class Need:
    """One technical assistance need, from an assessment or an action."""

    party: str
    provisions: tuple[str, ...]  # article ids
    type: str
    description: str
    status: str
    provider: str
    action: str  # action id, or "" for a need stated in an assessment


@dataclass
class Completeness:
    expected: list[str]  # article ids the State is to assess in the cycle
    assessed: list[str]

    @property
    def share(self) -> float:
        return len(self.assessed) / len(self.expected) if self.expected else 0.0


@dataclass
class View:
    corpus: Corpus  # the public view
    today: str
    history: dict[str, str] = field(default_factory=dict)  # content file -> date it last changed
    statuses: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # assessment file -> [(date, status)]
    repository: Repository = field(default_factory=Repository)
    parties: list[Party] = field(default_factory=list)  # by name
    assessments: dict[str, dict[str, Document]] = field(default_factory=dict)  # code -> article id -> doc
    actions: dict[str, list[tuple[Party, dict]]] = field(default_factory=dict)  # article id -> actions
    needs: list[Need] = field(default_factory=list)

    @property
    def catalogue(self):
        return self.corpus.catalogue

    @property
    def registers(self):
        return self.corpus.registers

    @cached_property
    def needs_by_party(self) -> dict[str, list[Need]]:
        out: dict[str, list[Need]] = defaultdict(list)
        for need in self.needs:
            out[need.party].append(need)
        return dict(out)

    @cached_property
    def needs_by_article(self) -> dict[str, list[Need]]:
        out: dict[str, list[Need]] = defaultdict(list)
        for need in self.needs:
            for article_id in need.provisions:
                out[article_id].append(need)
        return dict(out)

    @cached_property
    def actions_by_party(self) -> dict[str, dict[str, list[dict]]]:
        """code -> article id -> the State's actions on it, in plan order."""
        out: dict[str, dict[str, list[dict]]] = defaultdict(dict)
        for article_id, found in self.actions.items():
            for party, action in found:
                out[party.code].setdefault(article_id, []).append(action)
        return dict(out)

    @cached_property
    def statements(self) -> dict[str, list[tuple[Party, str, dict]]]:
        """provision id -> (State, 'reservations' or 'declarations', statement) made on it under its instrument."""
        out: dict[str, list] = defaultdict(list)
        for party in self.parties:
            for iid, entry in mapping(party.profile.data.get("instruments")).items():
                for kind in ("reservations", "declarations"):
                    for _, statement in entries(mapping(entry).get(kind)):
                        pid = statement.get("provision")
                        if isinstance(pid, str) and pid.split(".")[0] == iid:
                            out[pid].append((party, kind, statement))
        return dict(out)

    @cached_property
    def order(self) -> dict[str, int]:
        """Catalogue order of every provision id, for sorting."""
        return {pid: n for n, pid in enumerate(self.catalogue.provisions)}

    def party(self, code: str) -> Party:
        return self.corpus.parties[code]

    def assessment(self, code: str, article_id: str) -> Document | None:
        return self.assessments.get(code, {}).get(article_id)

    def status(self, code: str, article_id: str) -> str:
        doc = self.assessment(code, article_id)
        return str(doc.data.get("status")) if doc else "missing"

    def participation(self, party: Party, iid: str) -> str:
        return str(mapping(mapping(party.profile.data.get("instruments")).get(iid)).get("status") or "not_party")

    def lang(self, party: Party | str) -> str:
        """The language a State writes in: the first of its profile's languages."""
        party = self.party(party) if isinstance(party, str) else party
        languages = party.profile.data.get("languages") if party else None
        return languages[0] if isinstance(languages, list) and languages and isinstance(languages[0], str) else ""

    def region(self, party: Party) -> str:
        return str(party.profile.data.get("regional_group") or "none")

    def consent(self, party: Party) -> str:
        return publish.consent(party)

    def scope(self, party: Party) -> list[Article]:
        """Articles the State assesses: those of the instruments it is party to."""
        out = []
        for iid, instrument in self.catalogue.instruments.items():
            if self.participation(party, iid) == "party":
                out += [a for a in instrument.articles.values() if a.expects_assessment]
        return out

    def completeness(self, party: Party, cycle: Cycle) -> Completeness | None:
        """None when the State does not take part in the cycle."""
        if cycle.participants is not None and party.code not in cycle.participants:
            return None
        expected = [a for a in cycle.articles if self.participation(party, a.split(".")[0]) == "party"]
        assessed = [a for a in expected if self.status(party.code, a) in ASSESSED]
        return Completeness(expected, assessed)

    def files(self, party: Party) -> list[Document]:
        """The State's published files (never a draft, confidential or unconsented one)."""
        return [d for d in (party.profile, party.action_plan, *party.assessments.values()) if d is not None]

    def last_changed(self, party: Party) -> str | None:
        """Date the State's published files last changed, from the repository history when given."""
        found = [self.history[d.rel] for d in self.files(party) if d.rel in self.history]
        return max(found) if found else None

    def latest_date(self, party: Party) -> str | None:
        """The latest date the State's own files give (information as of, updates, consent)."""
        found = [d for d, *_ in events(self, party)]
        consent = mapping(party.profile.data.get("publication")).get("date")
        if isinstance(consent, str):
            found.append(consent)
        return max(found) if found else None


def actions_of(party: Party) -> list[dict]:
    return [a for _, a in entries(party.action_plan.data.get("actions"))] if party.action_plan else []


def events(view: View, party: Party) -> list[tuple[str, str, str, str]]:
    """Dated events a State reports: (date, kind, reference, status): assessments and action updates."""
    out = []
    for article_id, doc in view.assessments.get(party.code, {}).items():
        if isinstance(doc.data.get("as_of"), str):
            out.append((doc.data["as_of"], "assessment", article_id, str(doc.data.get("status"))))
    for action in actions_of(party):
        for _, update in entries(action.get("updates")):
            if isinstance(update.get("date"), str):
                out.append((update["date"], "action", str(action.get("id")), str(action.get("status"))))
    return out


def build(
    corpus: Corpus,
    repository: Repository | None = None,
    history: dict[str, str] | None = None,
    today: str | None = None,
    statuses: dict[str, list[tuple[str, str]]] | None = None,
) -> View:
    public = publish.public(corpus)
    view = View(public, today or dates.today(), dict(history or {}), dict(statuses or {}), repository or Repository())
    view.parties = sorted(public.parties.values(), key=lambda p: (p.name.casefold(), p.code))
    actions: dict[str, list] = defaultdict(list)
    for party in view.parties:
        by_article = {}
        for doc in party.assessments.values():
            if isinstance(doc.data.get("provision"), str):
                by_article[doc.data["provision"]] = doc
                view.needs += _needs(party.code, (doc.data["provision"],), doc.data.get("assistance"), "")
        view.assessments[party.code] = by_article
        for action in actions_of(party):
            articles = _articles(public, action.get("provisions"))
            for article_id in articles:
                actions[article_id].append((party, action))
            view.needs += _needs(party.code, articles, action.get("assistance"), str(action.get("id")))
    view.actions = dict(actions)
    return view


def _articles(corpus: Corpus, provisions) -> tuple[str, ...]:
    """Distinct article ids of a list of provisions, in the order given."""
    out: list[str] = []
    for _, pid in strings(provisions):
        article = corpus.catalogue.article(pid)
        if article and article.id not in out:
            out.append(article.id)
    return tuple(out)


def _needs(code: str, articles: tuple[str, ...], needs, action: str) -> list[Need]:
    return [
        Need(code, articles, str(n.get("type")), str(n.get("description")), str(n.get("status") or ""), str(n.get("provider") or ""), action)
        for _, n in entries(needs)
    ]
