"""Office documents: DOCX and PDF profiles, and the Word questionnaire that round-trips.

    commands.py         the export and import commands
    profile.py          a State's published files -> document model (model.py)
    narrative_blocks.py contributed Markdown -> model, through narrative.to_html
    word.py / pdf.py    model -> DOCX (pandoc, reference.docx) / PDF (Typst, fonts.py)
    export.py           one State, or every published State with a content-hash cache
    revisions.py        the git revision each State's documents come from
    questionnaire.py    the Word form for a cycle; controls.py adds its content controls
    form_layout.py      the tags and answer tables both sides of the form agree on
    form_reader.py      a filled form -> answers (markdown_out.py writes narratives)
    form_answers.py     answers -> assessment fields, problems placed in the form
    form_import.py      what changes, and writing it (yaml_edit.py keeps the rest)
    reference.py        makes reference.docx
"""
