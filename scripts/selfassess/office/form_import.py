"""`import <code> form.docx [--write]`: a filled form back into the State's files.

Shows what would change, in the domain's words, and writes only with --write.
Every problem in the form is listed at its place and nothing is written while
one stands. A file changed since the form was exported is not overwritten
unless --force says so. Fields are changed in place (yaml_edit.py), so
comments and untouched fields keep their exact text.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .. import corpus as corpus_stage
from .. import narrative, report, schemas, yamlstrict
from ..corpus import Corpus
from ..labels import label
from ..shapes import entries
from ..sources import SourceError, split_front_matter
from . import form_reader, yaml_edit
from .commands import Refused
from .form_answers import Reader, assessment
from .questionnaire import file_name

# list field -> (name, the field that identifies an entry across versions, how an entry reads)
LISTS = {
    "paragraphs": ("by paragraph", "provision", lambda e, c: f"{c.catalogue.cite(e.get('provision', ''))}: {label('status', str(e.get('status')))}"),
    "measures": ("measures", "description", lambda e, c: f"{label('measure_kind', str(e.get('kind')))}: {e.get('description', '')}"),
    "challenges": ("challenges", "description", lambda e, c: f"{label('challenge_kind', str(e.get('kind')))}: {e.get('description', '')}"),
    "assistance": ("assistance needed", "description", lambda e, c: f"{c.registers.assistance_types.get(e.get('type'), {}).get('name', e.get('type'))}: {e.get('description', '')}"),
}


@dataclass
class Change:
    article: str
    path: Path  # absolute
    rel: str
    text: str  # the file's new text
    lines: list = field(default_factory=list)  # what changes, for people
    new_file: bool = False


def _same_narrative(a: str, b: str) -> bool:
    squash = lambda text: re.sub(r"\s+", " ", narrative.to_html(text)).replace("> <", "><").strip()
    return squash(a) == squash(b)


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe(old: dict, new: dict, old_body: str, new_body: str, loaded: Corpus) -> list[str]:
    lines = []
    if old.get("status") != new.get("status"):
        before = label("status", old["status"]) if old.get("status") else "none"
        lines.append(f"compliance: {before} -> {label('status', str(new.get('status')))}")
    if old.get("as_of") != new.get("as_of"):
        lines.append(f"information as of: {old.get('as_of') or 'none'} -> {new.get('as_of') or 'none'}")
    for flag, name in (("draft", "draft"), ("confidential", "not for publication")):
        if bool(old.get(flag)) != bool(new.get(flag)):
            lines.append(f"{name}: {'yes' if new.get(flag) else 'no'} (was {'yes' if old.get(flag) else 'no'})")
    for key, (title, identity, show) in LISTS.items():
        lines += _list_changes(title, identity, show, [e for _, e in entries(old.get(key))], [e for _, e in entries(new.get(key))], loaded)
    if not _same_narrative(old_body, new_body):
        if not old_body.strip():
            lines.append(f"narrative: written ({_words(new_body)} words)")
        elif not new_body.strip():
            lines.append(f"narrative: removed (it had {_words(old_body)} words)")
        else:
            lines.append(f"narrative: changed ({_words(old_body)} -> {_words(new_body)} words)")
    return lines


def _list_changes(title: str, identity: str, show, before: list, after: list, loaded: Corpus) -> list[str]:
    """'+' added, '-' removed, '~' changed (same identifying field, other fields differ)."""
    removed = [e for e in before if e not in after]
    added = [e for e in after if e not in before]
    lines = []
    for entry in list(added):
        twin = next((r for r in removed if r.get(identity) == entry.get(identity)), None)
        if twin is not None:
            removed.remove(twin)
            added.remove(entry)
            fields = [f"{k}: {_short(_plain(twin.get(k)), 30)} -> {_short(_plain(entry.get(k)), 30)}"
                      for k in dict.fromkeys([*twin, *entry]) if twin.get(k) != entry.get(k)]
            lines.append(f"{title}: ~ {_short(show(entry, loaded))} ({'; '.join(fields)})")
    lines += [f"{title}: - {_short(show(e, loaded))}" for e in removed]
    for entry in added:
        laws = ", ".join(law.get("title", "") for law in entry.get("laws", []))
        secret = " (not for publication)" if entry.get("confidential") else ""
        lines.append(f"{title}: + {_short(show(entry, loaded))}{secret}" + (f" [laws: {_short(laws, 50)}]" if laws else ""))
    if not lines and before != after:
        lines.append(f"{title}: order changed")
    return lines


def _plain(value) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return f"{len(value)} entr{'y' if len(value) == 1 else 'ies'}"
    return str(value)


def _merge(old: dict, answers: dict, seen: set) -> dict:
    """The file's fields with the form's answers; empty lists the file did not have stay out.

    A field left empty in the form is removed; one whose row was deleted from the form is kept.
    """
    new = dict(old)
    for key, value in answers.items():
        if isinstance(value, list) and not value and not old.get(key):
            if key in old:
                new[key] = old[key]
            continue
        new[key] = value
    for key in ("as_of", "draft", "confidential"):
        if key in seen and key not in answers:
            new.pop(key, None)
    for key in ("paragraphs", "measures", "challenges", "assistance"):
        if key in new and not new[key] and old.get(key):
            del new[key]
    return new


def _raw(path: Path) -> tuple[str, bool, bool]:
    """A file's text with LF endings, and whether it had a byte-order mark and CRLF endings."""
    data = path.read_bytes()
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8") if bom else data.decode("utf-8")
    return text.replace("\r\n", "\n"), bom, "\r\n" in text


def _encode(text: str, bom: bool, crlf: bool) -> bytes:
    if crlf:
        text = text.replace("\n", "\r\n")
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def plan(loaded: Corpus, code: str, filled: form_reader.Filled, force: bool) -> tuple[list[Change], list]:
    """The changes the form makes, and the problems that stop them."""
    party = loaded.parties[code]
    problems = list(filled.problems)
    changes = []
    known = filled.facts.get("files", {})
    for pid in sorted(set(known) - set(filled.articles)):
        problems.append(form_reader.Problem(loaded.catalogue.cite(pid), "the answer boxes of this article are missing from the form; export a new form and copy the answers into it"))
    for pid, answers in filled.articles.items():
        article = loaded.catalogue.article(pid)
        if article is None or article.id != pid:
            problems.append(form_reader.Problem(pid, "this article is not in the catalogue; export a new form"))
            continue
        path = loaded.root / party.folder / "assessment" / file_name(article)
        existing = party.assessments.get(file_name(article))
        old = dict(existing.data) if existing else {}
        old_body = existing.body if existing else ""
        reader = Reader(answers, article, loaded.catalogue, loaded.registers, old)
        given = assessment(reader)
        problems += reader.problems
        if reader.problems:
            continue
        new = _merge(old, given, reader.seen)
        new.setdefault("provision", pid)
        body = old_body if answers.narrative is None or _same_narrative(old_body, answers.narrative) else answers.narrative
        if existing is None and new.get("status") == "not_assessed" and len(new) <= 2 and not body.strip():
            continue  # an article left blank: no file
        lines = _describe(old, new, old_body, body, loaded)
        if not lines and existing is not None:
            continue
        rel = path.relative_to(loaded.root).as_posix()
        if existing is not None:
            text, bom, crlf = _raw(path)
            if known.get(pid) != hashlib.sha256(path.read_bytes()).hexdigest() and not force:
                problems.append(form_reader.Problem(answers.alias.get("fields", pid),
                    f"{rel} changed after this form was exported on {filled.facts.get('exported', '?')}; "
                    "export a new form and copy the answers into it, or run again with --force to apply this form over the current file"))
                continue
            fm = split_front_matter(text, rel)
            yaml_text = yaml_edit.update(fm.yaml, old, new)
            head = text[: text.index(fm.yaml)] if fm.yaml in text else "---\n"
            closing = text.split("\n")[fm.body_line - 2] + "\n"
            body_text = text.split("\n", fm.body_line - 1)[-1] if body is old_body else ("\n" + body.rstrip("\n") + "\n" if body.strip() else "")
            content = head + yaml_text + closing + body_text
            changes.append(Change(pid, path, rel, _encode(content, bom, crlf), lines))
        else:
            changes.append(Change(pid, path, rel, yaml_edit.new_file(new, body).encode("utf-8"), lines, new_file=True))
    for change in changes:
        problems += _validate(change)
    return changes, problems


def _validate(change: Change) -> list:
    """The new text must read back as a valid assessment (a safety net: the form's checks come first)."""
    text = change.text.decode("utf-8-sig").replace("\r\n", "\n")
    try:
        fm = split_front_matter(text, change.rel)
    except SourceError as exc:
        return [form_reader.Problem(change.rel, str(exc.problem))]
    data, found = yamlstrict.load(fm.yaml, change.rel, fm.yaml_line - 1)
    found = [str(p) for p in found] + [f"{'.'.join(map(str, f.path))}: {f.message}" for f in schemas.validate("assessment", data or {})]
    return [form_reader.Problem(change.rel, f"the form would make this file invalid: {message}") for message in found]


def run(loaded: Corpus, code: str, form: Path, write: bool, force: bool, out: TextIO) -> int:
    try:
        filled = form_reader.read(form)
    except form_reader.NotAForm as exc:
        raise Refused(f"{form} cannot be imported: {exc}") from None
    if filled.facts.get("party") != code:
        raise Refused(f"{form} is the form of {filled.facts.get('party')}, not of {code}; run 'selfassess import {filled.facts.get('party')} {form}'")
    party = loaded.parties[code]
    print(f"{form}: self-assessment form of {party.name} ({code}), cycle {filled.facts.get('cycle')}, exported {filled.facts.get('exported')}", file=out)
    changes, problems = plan(loaded, code, filled, force)
    for change in changes:
        print(f"\n{loaded.catalogue.cite(change.article)}: {change.rel}{' (new file)' if change.new_file else ''}", file=out)
        for line in change.lines:
            print(f"  {line}", file=out)
    if problems:
        print(f"\n{len(problems)} problem{'s' * (len(problems) != 1)} in the form; nothing is written until they are fixed:", file=out)
        for problem in problems:
            print(f"{form.name}: {problem}", file=out)
        return 1
    if not changes:
        print("\nThe form matches the State's files: nothing to change.", file=out)
        return 0
    count = f"{len(changes)} file{'s' * (len(changes) != 1)}"
    if not write:
        print(f"\n{count} would change. Nothing written: run again with --write to write them.", file=out)
        return 0
    for change in changes:
        change.path.parent.mkdir(parents=True, exist_ok=True)
        change.path.write_bytes(change.text)
    print(f"\nWrote {count}.", file=out)
    after = corpus_stage.load(loaded.root)
    mine = [p for p in after.problems if p.path.startswith(party.folder + "/")]
    report.text(mine, after.files, out)
    return 1 if any(p.severity == "error" for p in mine) else 0
