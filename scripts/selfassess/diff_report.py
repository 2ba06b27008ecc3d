"""The summary of changes as Markdown for a pull-request comment, or as JSON.

Text a State wrote is escaped so that it shows as written: no formatting,
links, HTML or @mentions come through from contributed text.
"""
from __future__ import annotations

import json
import re

from .labels import label

LIMIT = 60_000  # GitHub refuses comments over 65,536 characters
SHORT = 160  # characters of a contributed value shown
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def md(value, limit: int = SHORT) -> str:
    """Contributed text as inert Markdown on one line."""
    text = " ".join(str(value).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    text = _SPECIAL.sub(r"\\\1", text)
    text = text.replace("@", "@\u200b")  # no mention, no notification
    return re.sub(r"^([-=]|\d+\.)", r"\\\1", text)


def t(key: str, **values) -> str:
    return label("review", key).format(**values)


def _label(group: str, value) -> str:
    """The label of a value; an unknown value (possible at BASE, never checked) as inert text."""
    found = label(group, str(value))
    return md(found) if found == str(value) else found


def _status(group: str, value) -> str:
    return _label(group, value) if value is not None else t("none")


def _value(field: str, value) -> str:
    if value is None:
        return t("none")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return md(", ".join(str(v) for v in value))
    groups = {"priority": "priority", "resources": "resources", "kind": "measure_kind", "status": "law_status"}
    return _label(groups[field], value) if field in groups else md(value)


def _fields(changes: list[dict]) -> str:
    return "; ".join(f"{label('review_field', c['field'])}: {_value(c['field'], c['old'])} → {_value(c['field'], c['new'])}" for c in changes)


def _flag(entry: dict) -> str:
    return f" ({t('confidential')})" if entry.get("confidential") else ""


class Markdown:
    def __init__(self, catalogue, assistance_types: dict[str, str]):
        self.catalogue = catalogue
        self.types = assistance_types

    def cite(self, provision) -> str:
        return md(self.catalogue.cite(str(provision)))

    def need(self, need: dict, what: str) -> str:
        kind = self.types.get(need.get("type"), need.get("type"))
        return f"{what} ({md(kind)}): {md(need.get('description'))}{_flag(need)}"

    def needs(self, found: dict | None, indent: str) -> list[str]:
        found = found or {}
        lines = [f"{indent}- {self.need(n, t('need_added'))}" for n in found.get("added", [])]
        lines += [f"{indent}- {self.need(n, t('need_met'))}" for n in found.get("met", [])]
        for n in found.get("changed", []):
            change = f"{_status('assistance_status', n['old_status'])} → {_status('assistance_status', n['status'])}"
            lines.append(f"{indent}- {self.need(n, t('need_changed') + ' ' + change)}")
        lines += [f"{indent}- {self.need(n, t('need_removed'))}" for n in found.get("removed", [])]
        return lines

    def assessment(self, entry: dict) -> list[str]:
        head = f"- **{self.cite(entry['provision'])}** {md(self.catalogue.title(str(entry['provision'])))}"
        notes = [t("assessment_added")] if entry["change"] == "added" else [t("assessment_removed")] if entry["change"] == "removed" else []
        notes += [t("draft")] * entry.get("draft", False) + [t("confidential")] * entry.get("confidential", False)
        lines = [head + (f" ({', '.join(notes)})" if notes else "")]
        sub = "  "
        if not entry["substance"]:
            return lines + [f"{sub}- {t('no_substance')}"]
        if status := entry.get("status"):
            lines.append(f"{sub}- {t('compliance')}: {_status('status', status['old'])} → **{_status('status', status['new'])}**")
        for p in entry.get("paragraphs", []):
            lines.append(f"{sub}- {self.cite(p['provision'])}: {_status('status', p['old'])} → {_status('status', p['new'])}")
        measures = entry.get("measures", {})
        for key, name in (("added", "measure_added"), ("removed", "measure_removed")):
            lines += [f"{sub}- {t(name)} ({_label('measure_kind', m['kind'])}): {md(m['description'])}{_flag(m)}" for m in measures.get(key, [])]
        lines += [f"{sub}- {t('measure_changed')}: {md(m['description'])}: {_fields(m['fields'])}" for m in measures.get("changed", [])]
        laws = entry.get("laws", {})
        for key, name in (("added", "law_added"), ("removed", "law_removed")):
            lines += [f"{sub}- {t(name)}: {self.law(law)}" for law in laws.get(key, [])]
        lines += [f"{sub}- {t('law_changed')}: {md(law['title'])}: {_fields(law['fields'])}" for law in laws.get("changed", [])]
        challenges = entry.get("challenges", {})
        for key, name in (("added", "challenge_added"), ("removed", "challenge_removed")):
            lines += [f"{sub}- {t(name)} ({_label('challenge_kind', c['kind'])}): {md(c['description'])}{_flag(c)}" for c in challenges.get(key, [])]
        lines += self.needs(entry.get("assistance"), sub)
        if narrative := entry.get("narrative"):
            lines.append(f"{sub}- {t('narrative', added=narrative['words_added'], removed=narrative['words_removed'])}")
            lines += [f"{sub}  > {self.excerpt(e)}" for e in narrative["excerpts"]]
            if narrative["more"]:
                lines.append(f"{sub}  > {t('more_changes', count=narrative['more'])}")
        if fields := entry.get("fields"):
            lines.append(f"{sub}- {_fields(fields)}")
        return lines

    @staticmethod
    def law(law: dict) -> str:
        details = [str(law["year"])] if law.get("year") else []
        details += [_label("law_status", law["status"])] if law.get("status") else []
        where = f", {md(law['articles'])}" if law.get("articles") else ""
        return f"{md(law['title'])}{where}" + (f" ({', '.join(details)})" if details else "")

    @staticmethod
    def excerpt(segments: list[dict]) -> str:
        marks = {"same": "{}", "removed": "~~{}~~", "added": "**{}**"}
        return " ".join(marks[s["kind"]].format(md(s["text"], 1000)) for s in segments)

    def action(self, a: dict) -> list[str]:
        name = f"- **{md(a.get('id'))}** {md(a.get('title'))}{_flag(a)}"
        due = f"{t('due')} {md(a.get('due'))}"
        if a["change"] == "added":
            where = ", ".join(self.cite(p) for p in a.get("provisions") or [])
            facts = [
                t("action_added"),
                due,
                t("priority", value=_status("priority", a.get("priority"))),
                _status("resources", a.get("resources")),
                _status("action_status", a.get("status")),
            ] + ([t("action_overdue")] if a.get("overdue") else [])
            lines = [f"{name}: {', '.join(facts)}; {where}"]
            return lines + self.needs(a.get("assistance"), "  ")
        if a["change"] == "removed":
            return [f"{name}: {t('action_removed')}"]
        events = []
        if "completed" in a:
            events.append(t("action_completed_on", date=md(a["completed"])) if a["completed"] else t("action_completed"))
        elif status := a.get("status_change"):
            events.append(f"{_status('action_status', status['old'])} → {_status('action_status', status['new'])}")
        if r := a.get("rescheduled"):
            events.append(f"{t('action_rescheduled')}, {t('due')} {md(r['old'])} → {md(r['new'])}")
        if a.get("overdue"):
            events.append(f"{t('action_overdue')} ({due}, {_status('action_status', a.get('status'))})")
        lines = [f"{name}: {'; '.join(events) or t('action_changed')}"]
        if fields := a.get("fields"):
            lines.append(f"  - {_fields(fields)}")
        lines += [f"  - {t('update_added')} {md(u['date'])}: {md(u['text'])}{_flag(u)}" for u in a.get("updates_added", [])]
        return lines + self.needs(a.get("assistance"), "  ")

    def party(self, p: dict, files: list[dict]) -> list[str]:
        lines = [f"### {md(p['name'])} ({p['code']})", ""]
        if p["change"] in ("added", "removed"):
            lines += [t("state_added" if p["change"] == "added" else "state_removed"), ""]
        if p["assessments"]:
            lines += [f"**{t('assessments')}**", ""]
            for entry in p["assessments"]:
                lines += self.assessment(entry)
            lines.append("")
        if p["actions"]:
            lines += [f"**{t('action_plan')}**", ""]
            for a in p["actions"]:
                lines += self.action(a)
            lines.append("")
        if p["profile"]:
            lines += [f"**{t('profile')}**", ""]
            lines += [f"- `{c['field']}`: {_value('', c['old'])} → {_value('', c['new'])}" for c in p["profile"]]
            lines.append("")
        if not (p["assessments"] or p["actions"] or p["profile"]):
            lines += [t("no_substance"), ""]
        mine = [f for f in files if f.get("party") == p["code"]]
        if mine:
            lines += [f"<details><summary>{t('files_heading')} ({len(mine)})</summary>", ""]
            lines += [f"- {label('review_change', f['change'])} {_path(f['path'])}" for f in mine]
            lines += ["", "</details>", ""]
        return lines

    def render(self, result: dict) -> str:
        base, head = result["base"], result["head"]
        lines = [f"## {t('title')}", ""]
        lines.append(t("compared", base=base["merge_base"][:12], base_rev=md(base["rev"]), head=head["commit"][:12], head_rev=md(head["rev"])))
        names = ", ".join(f"{md(p['name'])} ({p['code']})" for p in result["parties"])
        lines.append(t("states", names=names) if names else t("no_states"))
        outside = [f for f in result["files"] if f["area"] != "party"]
        lines.append(t("files", count=len(result["files"]), outside=len(outside)))
        if result["parties"]:
            lines.append(t("overdue_on", date=head["date"]))
        lines.append("")
        if result.get("base_errors"):
            lines += [t("base_errors", base=base["merge_base"][:12], count=result["base_errors"]), ""]
        for p in result["parties"]:
            lines += self.party(p, result["files"])
        if outside:
            warning = t("outside_warning") + (" " + t("outside_with_state") if result["parties"] else "")
            lines += [f"### {t('outside_heading')}", "", "> [!WARNING]", f"> {warning}", ""]
            lines += [f"- {label('review_change', f['change'])} {_path(f['path'])} ({label('review_area', f['area'])})" for f in outside]
            lines.append("")
        return _fit("\n".join(lines).rstrip("\n") + "\n")


def head_errors(result: dict, shown: int = 30) -> str:
    """Markdown listing HEAD's check errors."""
    errors = result["errors"]
    lines = [f"## {t('title')}", "", t("head_errors", head=result["head"]["commit"][:12]), ""]
    for p in errors[:shown]:
        where = f"{p['path']}:{p['line']}:{p['col']}"
        field = f"{p['field']}: " if p["field"] else ""
        lines.append(f"- `{where}`: {md(field + p['message'], 400)}")
    if len(errors) > shown:
        lines.append(f"- {t('more_errors', count=len(errors) - shown)}")
    return _fit("\n".join(lines) + "\n")


def _path(path: str) -> str:
    return "`" + path.replace("`", "'") + "`"


def _fit(text: str) -> str:
    if len(text) <= LIMIT:
        return text
    cut = text.rfind("\n", 0, LIMIT - 400)
    return text[:cut] + "\n\n" + t("truncated") + "\n"


def as_json(result: dict) -> str:
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"
