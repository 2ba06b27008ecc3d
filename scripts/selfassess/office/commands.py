"""The export and import commands: load, refuse on errors that matter, then run."""
from __future__ import annotations

import sys
from pathlib import Path

from .. import corpus as corpus_stage
from .. import publish, report
from ..corpus import Corpus


class Refused(Exception):
    """The command cannot go on; the message says why and what to do."""


def load(root: Path, code: str) -> Corpus:
    """The corpus, when the shared files and this State's files have no error."""
    loaded = corpus_stage.load(root)
    if code not in loaded.parties:
        known = ", ".join(sorted(loaded.parties)) or "none"
        raise Refused(f"there is no State folder content/parties/{code}/ (States found: {known})")
    folder = loaded.parties[code].folder + "/"
    blocking = [p for p in loaded.errors if not p.path.startswith("content/parties/") or p.path.startswith(folder)]
    if blocking:
        report.text(blocking, loaded.files, sys.stderr)
        raise Refused("fix the errors above first (run 'selfassess check' to see them again)")
    return loaded


def export(root: Path, code: str, fmt: str | None, output: str | None, questionnaire: bool, cycle: str | None) -> int:
    code = code.upper()
    if questionnaire and fmt == "pdf":
        raise Refused("the questionnaire is a Word form, so it is written as DOCX only; leave out --format pdf")
    if cycle and not questionnaire:
        raise Refused("--cycle chooses the articles of a questionnaire; add --questionnaire, or leave out --cycle")
    loaded = load(root, code)
    if questionnaire:
        from . import questionnaire as form

        target = Path(output) if output else Path(f"{code}-{form.cycle_of(loaded, cycle).id}-questionnaire.docx")
        form.write(loaded, code, cycle, target)
        print(f"wrote {target}: the self-assessment form of {loaded.parties[code].name}; fill it in Word, then run 'selfassess import {code} {target}'")
        return 0
    from . import export as documents

    fmt = fmt or "docx"
    document = documents.document_of(loaded, code)
    if document is None:
        consent = publish.consent(loaded.parties[code])
        raise Refused(
            f"{code} has not consented to publication (publication.consent is '{consent}' in content/parties/{code}/profile.yaml), "
            f"so no profile document is made; 'selfassess export {code} --questionnaire' makes a form for the State's own use"
        )
    target = Path(output) if output else Path(documents.file_name(code, fmt))
    documents.write(document, fmt, target)
    print(f"wrote {target}")
    return 0


def import_form(root: Path, code: str, form: str, write: bool, force: bool) -> int:
    from . import form_import

    code = code.upper()
    loaded = load(root, code)
    return form_import.run(loaded, code, Path(form), write=write, force=force, out=sys.stdout)
