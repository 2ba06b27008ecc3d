"""What inert HTML is: only the sanitizer's tags and attributes, links only to web
or mail addresses or to a heading on the page, no comment or declaration."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from selfassess import narrative

LINK = re.compile(r"^(?:https?://|mailto:|#)", re.I)


class _Audit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in narrative.TAGS:
            self.found.append(f"tag <{tag}>")
        allowed = narrative.ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set())
        for name, value in attrs:
            if name not in allowed:
                self.found.append(f"attribute {name} on <{tag}>")
            elif name == "href" and not LINK.match(value or ""):
                self.found.append(f"link to {value!r}")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data):
        self.found.append(f"comment {data!r}")

    def handle_decl(self, decl):
        self.found.append(f"declaration {decl!r}")

    def handle_pi(self, data):
        self.found.append(f"processing instruction {data!r}")

    def unknown_decl(self, data):
        self.found.append(f"declaration {data!r}")


def not_inert(html: str) -> list[str]:
    """What in `html` could run, fetch, style or point anywhere but a web or mail address."""
    audit = _Audit()
    audit.feed(html)
    audit.close()
    return audit.found
