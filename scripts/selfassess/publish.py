"""The public view of the corpus: what may reach any output.

Every output (pages, search index, open data, documents, history) is made from
this view, never from the loaded corpus directly. It leaves out:
- States whose publication consent is 'none';
- assessments and action plans of States whose consent is 'profile_only';
- assessments marked confidential or draft;
- any entry (action, measure, contact, update, ...) marked confidential: true.
"""
from __future__ import annotations

import dataclasses
import json

from .corpus import Corpus
from .documents import Document
from .parties import Party

_DROP = object()


def redact(value):
    """A copy of `value` without any mapping marked confidential: true."""
    if isinstance(value, dict):
        if value.get("confidential") is True:
            return _DROP
        out = {}
        for key, item in value.items():
            if key == "confidential":
                continue
            kept = redact(item)
            if kept is not _DROP:
                out[key] = kept
        return out
    if isinstance(value, list):
        return [kept for kept in map(redact, value) if kept is not _DROP]
    return value


def consent(party: Party) -> str:
    if party.profile is None:
        return "none"
    publication = party.profile.data.get("publication")
    return publication.get("consent", "none") if isinstance(publication, dict) else "none"


def _marks_confidential(data: dict) -> bool:
    """Whether any mapping in `data` has the key 'confidential' (json's C encoder finds out
    faster than a walk; a text that merely contains the word makes the walk run, no more)."""
    try:
        return '"confidential": ' in json.dumps(data, ensure_ascii=False, default=str)
    except (TypeError, ValueError):  # keys json cannot write: walk
        return True


def _public_doc(doc: Document | None) -> Document | None:
    if doc is None:
        return None
    data = redact(doc.data) if _marks_confidential(doc.data) else doc.data
    if data is _DROP or doc.data.get("draft") is True:
        return None
    return dataclasses.replace(doc, data=data, text=None, _nodes=None)


def public_party(party: Party) -> Party | None:
    level = consent(party)
    if level == "none":
        return None
    profile = _public_doc(party.profile)
    if profile is None:
        return None
    if level == "profile_only":
        return Party(party.code, party.folder, profile=profile)
    assessments = {name: kept for name, doc in party.assessments.items() if (kept := _public_doc(doc)) is not None}
    return Party(party.code, party.folder, profile=profile, assessments=assessments, action_plan=_public_doc(party.action_plan))


def public(corpus: Corpus) -> Corpus:
    """The public view; the view itself when given one (so stages can share it)."""
    if corpus.published:
        return corpus
    parties = {code: kept for code, party in corpus.parties.items() if (kept := party.memo("public", lambda: public_party(party))) is not None}
    return dataclasses.replace(corpus, parties=parties, problems=[], published=True)
