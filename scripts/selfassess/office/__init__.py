"""Office documents: DOCX and PDF profiles, and the Word questionnaire that round-trips.

    profile.py        a State's public files -> document model
    model.py          the document model (blocks and inlines), and narrative HTML -> model
    docx.py / pdf.py  the model -> DOCX (pandoc) / PDF (Typst)
    export.py         one State, or every published State with a content-hash cache
    questionnaire.py  the Word form for a cycle, with content controls (controls.py)
    form_reader.py    a filled form -> answers and the problems found at their place
    form_import.py    answers -> the State's files, with a summary of what changes
"""
