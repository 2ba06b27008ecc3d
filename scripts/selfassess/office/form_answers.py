"""A filled form's answers for one article -> the assessment fields they stand for.

Values are read the way the form shows them (labels such as 'Partially
compliant') or as stored ('partial'); anything else is a problem placed at its
row and column. Entries the form leaves as they were keep their exact data.
"""
from __future__ import annotations

import datetime
import re

from ..catalogue import Article, Catalogue
from ..registers import Registers
from ..shapes import entries
from ..suggest import did_you_mean
from .form_layout import FIELDS, TABLES, Column, form
from .form_reader import Answers, Problem
from .questionnaire import values

_CITED = re.compile(r"^(?:[A-Za-z ]+\s)?(?:art\.?\s*)?(\d+)((?:\s*\([0-9a-z]+\))*)$", re.I)


class Reader:
    def __init__(self, answers: Answers, article: Article, catalogue: Catalogue, registers: Registers, old: dict):
        self.answers = answers
        self.article = article
        self.catalogue = catalogue
        self.registers = registers
        self.old = old
        self.problems: list[Problem] = []
        self.seen: set[str] = set()  # fields whose row the form still has

    def problem(self, place: str, message: str) -> None:
        self.problems.append(Problem(place, message))

    def choice(self, group: str, text: str, place: str, what: str):
        """The stored value for `text` in a list of values, or None after a problem."""
        options = values(group, self.registers)
        wanted = " ".join(text.split()).casefold()
        for shown, stored in options:
            if wanted in (shown.casefold(), stored.casefold()):
                return stored
        shown = [s for s, _ in options]
        self.problem(place, f"'{text}' is not {what}{did_you_mean(text, shown)}; use one of: {', '.join(shown)}")
        return None

    def yes(self, text: str, place: str) -> bool | None:
        if not text.strip():
            return False
        stored = self.choice("yesno", text, place, f"'{form('choice_yes')}' or '{form('choice_no')}'")
        return None if stored is None else stored == "true"

    # fields ------------------------------------------------------------------
    def fields(self) -> dict:
        out: dict = {}
        place = self.answers.alias.get("fields", self.article.id)
        by_label = {form(heading): (field, group) for field, heading, group in FIELDS}
        for name, text in self.answers.fields.items():
            if name not in by_label:
                self.problem(f"{place}, row '{name}'", "this row is not one the form asks for; leave the rows of this table as they are")
                continue
            field, group = by_label[name]
            self.seen.add(field)
            where = f"{place}, {name}"
            if field == "status":
                if not text.strip():
                    self.problem(where, "choose a compliance status")
                else:
                    out["status"] = self.choice("status", text, where, "a compliance status")
            elif field == "as_of":
                if text.strip():
                    out["as_of"] = self.date(text.strip(), where)
            else:
                flag = self.yes(text, where)
                if flag or (flag is False and self.old.get(field) is False):
                    out[field] = flag
        return out

    def date(self, text: str, place: str):
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                datetime.date.fromisoformat(text)
                return text
        except ValueError:
            pass
        self.problem(place, f"'{text}' is not a date written YYYY-MM-DD, for example 2026-09-30")
        return None

    # tables ------------------------------------------------------------------
    def rows(self, kind: str) -> list[tuple[str, dict]]:
        """(place, {column key: text}) for each row of an answer table."""
        if kind not in self.answers.tables:
            return []
        headings, rows = self.answers.tables[kind]
        place = self.answers.alias.get(kind, kind)
        columns = {form(c.heading).casefold(): c for c in TABLES[kind]}
        for heading in headings:
            if heading.strip() and heading.strip().casefold() not in columns:
                self.problem(f"{place}, column '{heading}'", f"this column is not one the form knows; the columns are: {', '.join(form(c.heading) for c in TABLES[kind])}")
        out = []
        for row in rows:
            cells = {}
            for heading, text in row.cells.items():
                column = columns.get(heading.strip().casefold())
                if column:
                    cells[column.key] = text.strip()
            out.append((f"{place}, row {row.number}", cells))
        return out

    def value(self, column: Column, text: str, place: str):
        where = f"{place}, {form(column.heading)}"
        if not text:
            return None
        if column.values == "yesno":
            return self.yes(text, where) or None
        if column.values:
            what = {"status": "a compliance status", "measure_kind": "a kind of measure", "challenge_kind": "a kind of challenge",
                    "law_status": "a status of a law", "assistance_status": "a status of assistance", "assistance_types": "a type of assistance"}[column.values]
            return self.choice(column.values, text, where, what)
        if column.key == "year":
            if re.fullmatch(r"\d{4}", text) and 1800 <= int(text) <= 2100:
                return int(text)
            self.problem(where, f"'{text}' is not a year; write four digits, for example 2019")
            return None
        if column.key == "url" and not re.fullmatch(r"https?://\S+", text):
            self.problem(where, f"'{text}' is not a web address; write it in full, starting with https://")
            return None
        if column.key == "provision":
            return self.provision(text, where)
        return text

    def provision(self, text: str, place: str):
        if text in self.article.provisions:
            return text
        match = _CITED.match(text.strip())
        if match and int(match[1]) == self.article.number:
            parts = re.findall(r"\(([0-9a-z]+)\)", match[2] or "")
            pid = ".".join([self.article.id] + parts)
            if pid in self.article.provisions:
                return pid
        shown = ", ".join(self.catalogue.cite(p) for p in self.article.provisions[1:])
        self.problem(place, f"'{text}' is not a paragraph of {self.catalogue.cite(self.article.id)}; use one of: {shown}")
        return None

    def entries(self, kind: str, required: tuple) -> list[tuple[str, dict]]:
        """(place, entry) for each row; required fields missing are problems."""
        out = []
        for place, cells in self.rows(kind):
            entry = {}
            for column in TABLES[kind]:
                value = self.value(column, cells.get(column.key, ""), place)
                if value not in (None, ""):
                    entry[column.key] = value
            for key in required:
                if key not in entry and not cells.get(key):
                    heading = next(form(c.heading) for c in TABLES[kind] if c.key == key)
                    self.problem(f"{place}, {heading}", "is empty; fill it in, or empty the whole row to leave it out")
            out.append((place, entry))
        return out

    def listed(self, kind: str, required: tuple) -> list:
        return [entry for _, entry in self.entries(kind, required)]

    def measures(self) -> list:
        measures: dict[str, dict] = {}
        order = []
        for place, entry in self.entries("measures", ("kind", "description")):
            number = entry.pop("number", None)
            if number is not None and number in measures:
                self.problem(f"{place}, {form('number')}", f"measure number {number} is used twice; give each measure its own number")
                continue
            key = number if number is not None else f"row:{place}"
            measures[key] = entry
            order.append(key)
        for place, law in self.entries("laws", ("title",)):
            number = law.pop("measure", None)
            if number is None or number not in measures:
                self.problem(f"{place}, {form('measure_number')}", f"'{number or ''}' is not the number of a measure in the table above; write the number of the measure this law belongs to")
                continue
            measures[number].setdefault("laws", []).append(law)
        return [measures[k] for k in order]


PARTS = ("fields", "paragraphs", "narrative", "measures", "laws", "challenges", "assistance")


def assessment(reader: Reader) -> dict:
    """The fields the form gives for one article; a part missing from the form gives nothing."""
    answers = reader.answers
    missing = [part for part in PARTS if part not in answers.alias]
    if missing:
        reader.problem(reader.catalogue.cite(reader.article.id), f"the form has lost answer boxes ({', '.join(missing)}), so this article cannot be read in full; export a new form and copy the answers into it")
        return {}
    out = reader.fields()
    out["paragraphs"] = reader.listed("paragraphs", ("provision", "status"))
    out["measures"] = reader.measures()
    out["challenges"] = reader.listed("challenges", ("kind", "description"))
    out["assistance"] = reader.listed("assistance", ("type", "description"))
    for key in ("paragraphs", "measures", "challenges", "assistance"):
        out[key] = _keep_unchanged(out[key], reader.old.get(key))
    return out


def _keep_unchanged(new: list, old) -> list:
    """Entries equal to ones already in the file are the file's own (their order of fields kept)."""
    old_entries = [e for _, e in entries(old)]
    return [next((o for o in old_entries if o == e), e) for e in new]
