"""The Word self-assessment form: `export <code> --questionnaire [--cycle ID]`.

One section per article in the cycle's scope: the checklist (questions,
guidance, what a complete answer contains) as locked text, then the answer
boxes, prefilled with what the State's files already say. The form is made
from the State's full files, not the public view, and says so: it is for the
State's own use and is never published. Answers go in content controls
(controls.py), which form_reader.py reads back.
"""
from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path

from .. import dates
from ..catalogue import Article
from ..corpus import Corpus
from ..labels import label, table
from ..parties import Party
from ..registers import Cycle
from ..shapes import entries, strings
from . import controls, word
from . import model as m
from . import narrative_blocks
from .commands import Refused
from .form_layout import FIELDS, FORMAT, PROPERTY, TABLES, form, tag
from .model import cell, para


def cycle_of(corpus: Corpus, cycle_id: str | None) -> Cycle:
    cycles = corpus.registers.cycles
    chosen = cycle_id or corpus.registers.current
    if chosen not in cycles:
        known = ", ".join(sorted(cycles)) or "none"
        what = f"cycle '{chosen}'" if chosen else "no current cycle"
        raise Refused(f"{what} is not in content/cycles.yaml (cycles: {known}); name one with --cycle")
    return cycles[chosen]


def file_name(article: Article) -> str:
    return f"{article.instrument}-{article.number:02d}.md"


def values(group: str, registers) -> list[tuple[str, str]]:
    """(shown, stored) pairs a column or field accepts."""
    if group == "yesno":
        return [(form("choice_yes"), "true"), (form("choice_no"), "false")]
    if group == "assistance_types":
        return [(str(t.get("name", k)), k) for k, t in registers.assistance_types.items()]
    return [(label(group, key), key) for key in table()[group] if not (group == "status" and key == "missing")]


class _Form:
    def __init__(self, corpus: Corpus, party: Party, cycle: Cycle):
        self.corpus = corpus
        self.catalogue = corpus.catalogue
        self.registers = corpus.registers
        self.party = party
        self.cycle = cycle
        languages = party.profile.data.get("languages") if party.profile else None
        self.lang = languages[0] if isinstance(languages, list) and languages and isinstance(languages[0], str) else "en"
        self.regions = controls.Regions()

    def shown(self, group: str, key) -> str:
        if key in (None, ""):
            return ""
        if group == "yesno":
            return form("choice_yes") if key is True else ""
        return next((shown for shown, stored in values(group, self.registers) if stored == key), str(key))

    def said(self, text) -> list:
        return m.in_language(cell(text), self.lang) if text not in (None, "") else []

    def intro(self) -> list:
        how = [[para(line.format(code=self.party.code))] for line in table()["form"]["how"]]
        return [
            para(form("cycle").format(title=self.cycle.data.get("title", self.cycle.id), cycle=self.cycle.id, count=len(self.cycle.articles))),
            para(form("exported").format(date=dates.today(), folder=self.party.folder)),
            m.Para([m.Strong([form("own_use")])]),
            m.Heading(2, [form("how_title")]),
            m.BulletList(how),
        ]

    def article(self, article: Article) -> list:
        assessment = self.party.assessments.get(file_name(article))
        data = assessment.data if assessment else {}
        out = [m.Heading(1, [f"{self.catalogue.cite(article.id)}: {article.title}"])]
        out += self.checklist(article)
        out += [m.Heading(2, [form("answer")]), self.fields(article.id, data)]
        provisions = ", ".join(self.catalogue.cite(p) for p in article.provisions[1:]) or "-"
        out += self.part(article.id, "paragraphs", "by_paragraph", form("by_paragraph_help").format(provisions=provisions, values=self.listed("status")),
                         [[self.catalogue.cite(p.get("provision", "")), self.shown("status", p.get("status")), p.get("note")] for _, p in entries(data.get("paragraphs"))])
        out += [m.Heading(3, [form("narrative")]), m.Para([form("narrative_help")], "Guidance")]
        out.append(self.regions.block(tag("narrative", article.id), f"{form('narrative')}: {self.catalogue.cite(article.id)}", self.narrative(assessment)))
        measures = [x for _, x in entries(data.get("measures"))]
        out += self.part(article.id, "measures", "measures", form("measures_help").format(values=self.listed("measure_kind")),
                         [[str(n), self.shown("measure_kind", x.get("kind")), x.get("description"), self.shown("yesno", x.get("confidential"))] for n, x in enumerate(measures, 1)])
        laws = [[str(n), law.get("title"), law.get("articles"), str(law["year"]) if "year" in law else "", self.shown("law_status", law.get("status")), law.get("url")]
                for n, x in enumerate(measures, 1) for _, law in entries(x.get("laws"))]
        out += self.part(article.id, "laws", "laws", form("laws_help").format(values=self.listed("law_status")), laws)
        out += self.part(article.id, "challenges", "challenges", form("challenges_help").format(values=self.listed("challenge_kind")),
                         [[self.shown("challenge_kind", x.get("kind")), x.get("description"), self.shown("yesno", x.get("confidential"))] for _, x in entries(data.get("challenges"))])
        out += self.part(article.id, "assistance", "assistance", form("assistance_help").format(values=self.listed("assistance_types"), values2=self.listed("assistance_status")),
                         [[self.shown("assistance_types", x.get("type")), x.get("description"), self.shown("assistance_status", x.get("status")), x.get("provider"), self.shown("yesno", x.get("confidential"))]
                          for _, x in entries(data.get("assistance"))])
        return out

    def listed(self, group: str) -> str:
        return ", ".join(shown for shown, _ in values(group, self.registers))

    def checklist(self, article: Article) -> list:
        checklist = article.checklist
        if checklist is None:
            return []
        data = checklist.data
        out = []
        if data.get("summary"):
            out += [m.Heading(2, [form("what_it_asks")]), para(data["summary"])]
        if data.get("obligation"):
            out.append(para(m.Strong([form("obligation") + ": "]), label("obligation", data["obligation"])))
        parts = [p for _, p in entries(data.get("parts"))]
        if parts:
            out.append(m.Heading(2, [form("questions")]))
        for part in parts:
            cited = ", ".join(self.catalogue.cite(p) for _, p in strings(part.get("provisions")))
            out.append(para(m.Strong([form("paragraph_part").format(provisions=cited, obligation=label("obligation", str(part.get("obligation"))))])))
            if part.get("summary"):
                out.append(m.Para([part["summary"]], "Guidance"))
            questions = [[para(m.Strong([f"{q.get('id', '')}."]), " ", str(q.get("text", "")))] for _, q in entries(part.get("questions"))]
            if questions:
                out.append(m.BulletList(questions))
        for key, heading in (("complete_answer", "complete_answer"), ("evidence", "evidence"), ("common_gaps", "common_gaps")):
            items = [[para(text)] for _, text in strings(data.get(key))]
            if items:
                out += [m.Heading(3, [form(heading)]), m.BulletList(items)]
        if checklist.body.strip():
            out += [m.Heading(3, [form("guidance")])] + narrative_blocks.from_markdown(checklist.body)
        return out

    def fields(self, pid: str, data: dict) -> m.Div:
        rows = []
        for field, heading, group in FIELDS:
            value = data.get(field)
            if group == "yesno":
                shown = form("choice_yes") if value is True else form("choice_no")
            elif group:
                shown = self.shown(group, value or "not_assessed")
            else:
                shown = str(value) if value not in (None, "") else ""
            content = [self.regions.choice(tag("choice", pid, field), form(heading), shown, values(group, self.registers))] if group else [shown]
            rows.append([cell(form(heading)), [m.Para(content)]])
        answers = m.Table([cell(form("answer_field")), cell(form("answer_value"))], rows, [0.45, 0.55])
        return self.regions.block(tag("fields", pid), f"{form('answer')}: {self.catalogue.cite(pid)}", [answers], shade=1)

    def part(self, pid: str, kind: str, heading: str, help_text: str, rows: list) -> list:
        columns = TABLES[kind]
        header = [cell(form(c.heading)) for c in columns]
        body = [[self.said(v) if c.values is None and c.key not in ("number", "measure", "year") else cell(v) for c, v in zip(columns, row)] for row in rows]
        body.append([[] for _ in columns])  # an empty row to write in
        answers = m.Table(header, body, [c.width for c in columns])
        return [
            m.Heading(3, [form(heading)]),
            m.Para([help_text], "Guidance"),
            self.regions.block(tag(kind, pid), f"{form(heading)}: {self.catalogue.cite(pid)}", [answers], shade=0),
        ]

    def narrative(self, assessment) -> list:
        blocks = narrative_blocks.from_markdown(assessment.body) if assessment and assessment.body.strip() else []
        return m.in_language(blocks, self.lang) if blocks else [m.Para([])]


def facts(corpus: Corpus, party: Party, cycle: Cycle) -> dict:
    """What the form records about itself: whose it is, and the files it was prefilled from."""
    files = {}
    for pid in cycle.articles:
        article = corpus.catalogue.article(pid)
        path = corpus.root / party.folder / "assessment" / file_name(article)
        files[pid] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    return {"format": FORMAT, "party": party.code, "cycle": cycle.id, "exported": dates.today(), "files": files}


def build(corpus: Corpus, code: str, cycle_id: str | None) -> tuple[m.Document, controls.Regions]:
    party = corpus.parties[code]
    cycle = cycle_of(corpus, cycle_id)
    writer = _Form(corpus, party, cycle)
    blocks = writer.intro()
    for pid in cycle.articles:
        blocks += writer.article(corpus.catalogue.article(pid))
    properties = {PROPERTY: json.dumps(facts(corpus, party, cycle), sort_keys=True)}
    title = form("title").format(name=party.name, code=code)
    return m.Document(title, "", "en", blocks, properties), writer.regions


def write(corpus: Corpus, code: str, cycle_id: str | None, target: Path) -> None:
    document, regions = build(corpus, code, cycle_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="selfassess-form-") as tmp:
        plain = Path(tmp) / "form.docx"
        word.write(document, plain)
        controls.apply(plain, regions, target)
