"""Nothing marked not for publication reaches any output.

A unique marker stands in every non-public place of a fixture (each kind of
mark, each field of a marked entry), the repository gets a history, and the
whole site is built: pages, search index, open data, datapackage, sitemap,
history, DOCX and PDF profiles. Every output byte is searched, inside gzip
files too (Pagefind's index and fragments, sitemap.xml.gz), inside DOCX files
(every member of the archive) and in the text of PDF files; a public marker
proves the search reaches into them.
"""
import gzip
import io
import os
import re
import zipfile
from pathlib import Path

import pypdf

import pytest
from conftest import run_cli
from gitrepo import Repo
from sitetools import EPOCH, with_site_files

from selfassess import corpus, publish

PUBLIC = "PUBLICMARKERvisible"
FILES = {
    # a State with consent to publish everything: each kind of mark on each kind of entry
    "content/parties/XAB/profile.yaml": """code: XAB
name: Testland
regional_group: african
languages: [en]
instruments:
  untoc:
    status: party
    ratification:
      kind: ratification
      date: 2004-03-01
  tip:
    status: party
    ratification:
      kind: accession
      date: 2005-06-01
competent_authorities:
  - name: Testland Central Authority
    role: Mutual legal assistance
    contact:
      name: SECRETMARKERcontactname
      position: SECRETMARKERcontactposition
      institution: SECRETMARKERcontactinstitution
      email: secretmarkercontactemail@testland.example
      phone: SECRETMARKERcontactphone
      confidential: true
  - name: SECRETMARKERauthorityname
    role: SECRETMARKERauthorityrole
    provisions: [untoc.18.13]
    website: https://secretmarkerauthoritywebsite.example/
    confidential: true
focal_points:
  - name: SECRETMARKERfocalname
    position: SECRETMARKERfocalposition
    institution: SECRETMARKERfocalinstitution
    email: secretmarkerfocalemail@testland.example
    phone: SECRETMARKERfocalphone
    confidential: true
publication:
  consent: full
""",
    "content/parties/XAB/assessment/untoc-05.md": """---
provision: untoc.5
status: partial
measures:
  - kind: legislative
    description: PUBLICMARKERvisible participation offence.
  - kind: policy
    description: SECRETMARKERmeasuredescription
    laws:
      - title: SECRETMARKERlawtitle
        articles: SECRETMARKERlawarticles
        year: 2001
        url: https://secretmarkerlawurl.example/
    confidential: true
challenges:
  - kind: data
    description: SECRETMARKERchallenge
    confidential: true
assistance:
  - type: training
    description: SECRETMARKERassistancedescription
    provider: SECRETMARKERassistanceprovider
    confidential: true
---

The offence exists; PUBLICMARKERvisible.
""",
    "content/parties/XAB/assessment/untoc-06.md": """---
provision: untoc.6
status: none
draft: true
measures:
  - kind: legislative
    description: SECRETMARKERdraftmeasure
---

SECRETMARKERdraftnarrative
""",
    "content/parties/XAB/assessment/tip-05.md": """---
provision: tip.5
status: full
confidential: true
challenges:
  - kind: data
    description: SECRETMARKERconfidentialassessmentchallenge
---

SECRETMARKERconfidentialassessmentnarrative
""",
    "content/parties/XAB/action-plan.yaml": """party: XAB
actions:
  - id: A-1
    title: Amend the Penal Code
    provisions: [untoc.5.1]
    responsible: Ministry of Justice
    due: 2026-12-31
    priority: high
    resources: mixed
    assistance:
      - type: training
        description: SECRETMARKERactionassistance
        provider: SECRETMARKERactionprovider
        confidential: true
      - type: training
        description: Courses.
    status: in_progress
    updates:
      - date: 2026-05-02
        text: Bill drafted.
      - date: 2026-06-01
        text: SECRETMARKERupdate
        confidential: true
  - id: A-3
    title: SECRETMARKERactiontitle
    description: SECRETMARKERactiondescription
    provisions: [untoc.5]
    responsible: SECRETMARKERactionresponsible
    partners: [SECRETMARKERactionpartner]
    due: 2027-01-31
    priority: low
    resources: assistance
    assistance:
      - type: training
        description: SECRETMARKERconfidentialactionassistance
    status: planned
    updates:
      - date: 2026-06-01
        text: SECRETMARKERconfidentialactionupdate
    confidential: true
""",
    # profile only: the profile is published, its assessments and plan are not
    "content/parties/XAC/profile.yaml": """code: XAC
name: Sampleland
regional_group: asia_pacific
languages: [fr, en]
instruments:
  untoc:
    status: party
    ratification:
      kind: accession
      date: 2010-01-05
publication:
  consent: profile_only
""",
    "content/parties/XAC/assessment/untoc-05.md": """---
provision: untoc.5
status: full
measures:
  - kind: legislative
    description: SECRETMARKERprofileonlymeasure
---

SECRETMARKERprofileonlynarrative
""",
    "content/parties/XAC/action-plan.yaml": """party: XAC
actions:
  - id: P-1
    title: SECRETMARKERprofileonlyaction
    description: SECRETMARKERprofileonlyactiondescription
    provisions: [untoc.5]
    responsible: Ministry
    due: 2026-01-01
    priority: low
    resources: own
    status: planned
""",
    # no consent: nothing at all
    "content/parties/XAD/profile.yaml": """code: XAD
name: SECRETMARKERunconsentedname
official_name: SECRETMARKERunconsentedofficialname
regional_group: eastern_european
languages: [en]
instruments:
  untoc:
    status: party
    ratification:
      kind: ratification
      date: 2004-03-01
focal_points:
  - name: SECRETMARKERunconsentedfocal
publication:
  consent: none
""",
    "content/parties/XAD/assessment/untoc-05.md": """---
provision: untoc.5
status: none
---

SECRETMARKERunconsentednarrative
""",
    "content/parties/XAD/action-plan.yaml": """party: XAD
actions:
  - id: X-1
    title: SECRETMARKERunconsentedaction
    provisions: [untoc.5]
    responsible: Ministry
    due: 2026-01-01
    priority: low
    resources: own
    status: planned
""",
}
MARKED = sorted(set(re.findall(r"SECRETMARKER\w+|secretmarker\w+", "".join(FILES.values()))))


def outputs(folder: Path):
    """(path, bytes) of every file under `folder`, gzip members decompressed (recursively)."""
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            while data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            if path.suffix == ".docx":
                with zipfile.ZipFile(io.BytesIO(data)) as archive:
                    data += b"".join(archive.read(name) for name in archive.namelist())
            if path.suffix == ".pdf":
                pages = pypdf.PdfReader(io.BytesIO(data)).pages
                data += "\n".join(page.extract_text() for page in pages).encode("utf-8")
            yield path.relative_to(folder).as_posix(), data


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The fixture as a repository with history, built with the command line."""
    repo = Repo(tmp_path_factory.mktemp("confidential") / "repo")
    with_site_files(repo.root)
    repo.commit("first version", date="2026-01-10T12:00:00Z")
    repo.commit("marked entries", FILES, date="2026-02-10T12:00:00Z")
    result = run_cli("--root", str(repo.root), "build", env=dict(os.environ, SOURCE_DATE_EPOCH=EPOCH))
    assert result.returncode == 0, result.stdout + result.stderr
    return repo.root


def test_every_mark_is_planted_where_check_accepts_it(built):
    loaded = corpus.load(built)
    assert loaded.errors == []
    text = "".join(FILES.values())
    assert len(MARKED) == text.count("SECRETMARKER") + text.count("secretmarker")  # each marker once
    public = repr([(p.profile, p.assessments, p.action_plan) for p in publish.public(loaded).parties.values()])
    assert [m for m in MARKED if m in public] == []


def test_no_marked_text_reaches_any_output(built):
    searched = {}
    for folder in ("site", ".generated/docs"):
        searched.update({f"{folder}/{rel}": data for rel, data in outputs(built / folder)})
    assert any(rel.startswith("site/pagefind/") and rel.endswith(".pf_fragment") for rel in searched)
    assert "site/sitemap.xml.gz" in searched and "site/data/datapackage.json" in searched
    leaks = [f"{rel}: {m}" for rel, data in searched.items() for m in MARKED if m.encode() in data]
    assert leaks == []
    # the search reaches everywhere a published text goes: pages, open data, the search index
    found = {rel for rel, data in searched.items() if PUBLIC.encode() in data}
    assert "site/parties/XAB.html" in found and "site/data/assessments.csv" in found
    assert any(rel.startswith("site/pagefind/fragment/") for rel in found), "the gzipped search fragments were not searched"
    assert {"site/downloads/XAB/XAB-profile.docx", "site/downloads/XAB/XAB-profile.pdf"} <= found, "the documents were not searched"


def test_history_shows_published_versions_only(built):
    page = (built / "site" / "parties" / "XAB.html").read_text(encoding="utf-8")
    assert "2026-02-10" in page  # the history is there: the last change of the published files
    for path in ("site/parties/XAD.html", ".generated/docs/parties/XAD.md"):
        assert not (built / path).exists()

