"""Rules across files: everything a schema cannot see on its own.

Each rule takes a State's loaded documents and the catalogue and returns
problems; rules read data defensively, since they also run on files that
failed schema validation.
"""
from __future__ import annotations

import datetime

from . import untrusted
from .catalogue import Catalogue
from .documents import Document
from .parties import ASSESSMENT_NAME, Party
from .problems import ERROR, WARNING, Problem
from .registers import Registers
from .shapes import entries, mapping, strings
from .suggest import did_you_mean

NOT_PARTY = {"signatory": "has only signed", "not_party": "is not a party"}


def check_party(party: Party, catalogue: Catalogue, registers: Registers) -> list:
    problems: list = []
    status = None  # unknown until the profile is read
    if party.profile:
        problems += _profile(party, catalogue)
        status = {k: mapping(v).get("status") for k, v in mapping(party.profile.data.get("instruments")).items()}
    for name, doc in party.assessments.items():
        problems += _assessment(name, doc, party, catalogue, registers, status)
    if party.action_plan:
        problems += _action_plan(party, catalogue, registers, status)
    if status is not None:
        problems += _missing_in_scope(party, catalogue, registers, status)
    for doc in (party.profile, *party.assessments.values(), party.action_plan):
        if doc is not None:
            problems += untrusted.problems(doc)
    return problems


def _missing_in_scope(party: Party, catalogue: Catalogue, registers: Registers, status: dict) -> list:
    """Warn about articles of the current cycle the State has no file for yet."""
    cycle = registers.current_cycle
    if cycle is None or (cycle.participants is not None and party.code not in cycle.participants):
        return []
    declared = {doc.data.get("provision") for doc in party.assessments.values()}
    closes = cycle.data.get("closes")
    due = f" (closes {closes})" if isinstance(closes, str) else ""
    out = []
    for article_id in cycle.articles:
        if article_id in declared or status.get(article_id.split(".")[0]) != "party":
            continue
        article = catalogue.article(article_id)
        name = f"{article.instrument}-{article.number:02d}.md"
        if name in party.assessment_files:
            continue  # the file exists but could not be read: its own error says why
        rel = f"{party.folder}/assessment/{name}"
        out.append(Problem(rel, 1, 1, WARNING, "", f"not written yet: {catalogue.cite(article_id)} is in the scope of cycle {cycle.id}{due}; create this file"))
    return out


def _profile(party: Party, catalogue: Catalogue) -> list:
    doc = party.profile
    out = []
    code = doc.data.get("code")
    if isinstance(code, str) and code != party.code:
        out.append(doc.problem(("code",), f"is '{code}' but the folder is {party.folder}; the code and the folder name must agree"))
    for iid, entry in mapping(doc.data.get("instruments")).items():
        instrument = catalogue.instruments.get(iid)
        entry = mapping(entry)
        if instrument is None or not entry:
            continue
        out += _participation(doc, iid, entry, instrument.data, catalogue)
    for i, authority in entries(doc.data.get("competent_authorities")):
        for j, pid in strings(authority.get("provisions")):
            out += _known_provision(doc, ("competent_authorities", i, "provisions", j), pid, catalogue)
    return out


def _participation(doc: Document, iid: str, entry: dict, facts: dict, catalogue: Catalogue) -> list:
    out = []
    base = ("instruments", iid)
    signed = entry.get("signature")
    ratification = mapping(entry.get("ratification"))
    deposited = ratification.get("date")
    status = entry.get("status")
    name = facts.get("short_name", iid)
    if status == "party" and not ratification:
        out.append(doc.problem(base + ("status",), "is 'party' but no ratification (kind and date of deposit) is given"))
    if status == "signatory" and not signed:
        out.append(doc.problem(base + ("status",), "is 'signatory' but no date of signature is given"))
    if status in ("signatory", "not_party") and ratification:
        out.append(doc.problem(base + ("status",), f"is '{status}' but a ratification is given; set status to 'party' or remove the ratification"))
    first = facts.get("opened_for_signature") or facts.get("adopted")
    if _ordered(first, signed) is False:
        out.append(doc.problem(base + ("signature",), f"{signed} is before the {name} was open for signature ({first}); dates are out of order"))
    if _ordered(facts.get("adopted"), deposited) is False:
        out.append(doc.problem(base + ("ratification", "date"), f"{deposited} is before the {name} was adopted ({facts.get('adopted')}); dates are out of order"))
    if _ordered(signed, deposited) is False and ratification.get("kind") != "accession":
        out.append(doc.problem(base + ("ratification", "date"), f"{deposited} is before the signature ({signed}); dates are out of order"))
    for kind in ("reservations", "declarations"):
        for i, statement in entries(entry.get(kind)):
            pid = statement.get("provision")
            if isinstance(pid, str):
                where = base + (kind, i, "provision")
                found = _known_provision(doc, where, pid, catalogue)
                if not found and not pid.startswith(iid + "."):
                    found = [doc.problem(where, f"'{pid}' is not a provision of the {name}")]
                out += found
    return out


def _ordered(earlier, later) -> bool | None:
    """False when both are ISO dates and `later` comes first."""
    if _is_date(earlier) and _is_date(later):
        return earlier <= later
    return None


def _is_date(value) -> bool:
    try:
        return isinstance(value, str) and len(value) == 10 and bool(datetime.date.fromisoformat(value))
    except ValueError:
        return False


def _known_provision(doc: Document, path: tuple, pid: str, catalogue: Catalogue) -> list:
    if catalogue.article(pid) is None:
        return [doc.problem(path, f"unknown provision '{pid}'{catalogue.suggest(pid)}")]
    return []


def _not_party_warning(doc: Document, path: tuple, pid: str, catalogue: Catalogue, status: dict | None) -> list:
    if status is None:
        return []
    iid = pid.split(".")[0]
    state = status.get(iid, "not_party")
    if iid in catalogue.instruments and state in NOT_PARTY:
        name = catalogue.instruments[iid].data.get("short_name", iid)
        return [doc.warning(path, f"the State {NOT_PARTY[state]} to the {name} (see profile.yaml); is this intended?")]
    return []


def _assessment(name: str, doc: Document, party: Party, catalogue: Catalogue, registers: Registers, status: dict) -> list:
    out = []
    provision = doc.data.get("provision")
    match = ASSESSMENT_NAME.match(name)
    expected = f"{match['instrument']}.{int(match['number'])}" if match else None
    if match is None:
        out.append(Problem(doc.rel, 1, 1, ERROR, "", f"file name '{name}' must be <instrument>-<NN>.md for the article it assesses, for example untoc-05.md"))
    if not isinstance(provision, str):
        return out + _assistance(doc, ("assistance",), doc.data.get("assistance"), registers)
    article = catalogue.article(provision)
    if article is None:
        out.append(doc.problem(("provision",), f"unknown article '{provision}'{catalogue.suggest(provision)}"))
    elif article.id != provision:
        out.append(doc.problem(("provision",), f"'{provision}' is a paragraph; name the article ({article.id}) here and list paragraphs under 'paragraphs'"))
    elif expected and expected != provision:
        right = f"{article.instrument}-{article.number:02d}.md"
        out.append(doc.problem(("provision",), f"is '{provision}' but the file is named {name}; rename the file to {right} or correct the provision"))
    if article is not None:
        out += _not_party_warning(doc, ("provision",), provision, catalogue, status)
        for i, paragraph in entries(doc.data.get("paragraphs")):
            pid = paragraph.get("provision")
            if isinstance(pid, str) and catalogue.article(pid) is not article:
                out.append(doc.problem(("paragraphs", i, "provision"), f"'{pid}' is not part of {catalogue.cite(article.id)}{did_you_mean(pid, article.provisions)}"))
    out += _assistance(doc, ("assistance",), doc.data.get("assistance"), registers)
    state = doc.data.get("status")
    if state == "not_assessed" and not doc.data.get("draft"):
        out.append(doc.warning(("status",), "not yet assessed; set the status and write the narrative below the front matter"))
    elif state in ("full", "partial", "none") and not doc.body.strip():
        out.append(doc.warning(("status",), "the narrative is empty; explain the assessment below the front matter"))
    return out


def _assistance(doc: Document, path: tuple, needs, registers: Registers) -> list:
    out = []
    for i, need in entries(needs):
        kind = need.get("type")
        if isinstance(kind, str) and kind not in registers.assistance_types:
            out.append(doc.problem(path + (i, "type"), f"unknown type of assistance '{kind}'{did_you_mean(kind, registers.assistance_types)}; the types are listed in content/assistance-types.yaml"))
    return out


def _action_plan(party: Party, catalogue: Catalogue, registers: Registers, status: dict) -> list:
    doc = party.action_plan
    out = []
    code = doc.data.get("party")
    if isinstance(code, str) and code != party.code:
        out.append(doc.problem(("party",), f"is '{code}' but the folder is {party.folder}; they must agree"))
    seen: dict[str, int] = {}
    for i, action in entries(doc.data.get("actions")):
        aid = action.get("id")
        if isinstance(aid, str):
            if aid in seen:
                line, _ = doc.where(("actions", seen[aid], "id"))
                out.append(doc.problem(("actions", i, "id"), f"action id '{aid}' is already used by actions[{seen[aid]}] on line {line}; give each action its own id"))
            else:
                seen[aid] = i
        for j, pid in strings(action.get("provisions")):
            where = ("actions", i, "provisions", j)
            found = _known_provision(doc, where, pid, catalogue)
            out += found or _not_party_warning(doc, where, pid, catalogue, status)
        out += _action_dates(doc, i, action)
        out += _assistance(doc, ("actions", i, "assistance"), action.get("assistance"), registers)
    return out


def _action_dates(doc: Document, i: int, action: dict) -> list:
    out = []
    start, due, done = action.get("start"), action.get("due"), action.get("completed")
    if _ordered(start, due) is False:
        out.append(doc.problem(("actions", i, "due"), f"{due} is before the start ({start}); dates are out of order"))
    if _ordered(start, done) is False:
        out.append(doc.problem(("actions", i, "completed"), f"{done} is before the start ({start}); dates are out of order"))
    if done and action.get("status") not in ("completed", None):
        out.append(doc.problem(("actions", i, "completed"), f"a completion date is given but status is '{action.get('status')}'; set status to completed or remove the date"))
    previous = None
    for j, update in entries(action.get("updates")):
        date = update.get("date")
        if _ordered(previous, date) is False:
            out.append(doc.warning(("actions", i, "updates", j, "date"), f"{date} is earlier than the update before it ({previous}); list updates oldest first"))
        previous = date if isinstance(date, str) else previous
    return out
