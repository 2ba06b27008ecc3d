"""Command line: selfassess check | build | serve | new | diff | scope | owners | export | import."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import report


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` holding content/ (the repository)."""
    for folder in (start, *start.parents):
        if (folder / "content").is_dir():
            return folder
    return start


def _root(args) -> Path:
    return Path(args.root).resolve() if args.root else find_root(Path.cwd())


def cmd_check(args) -> int:
    from . import corpus

    loaded = corpus.load(_root(args), jobs=args.jobs, keep_data=False)
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    report.FORMATS[fmt](loaded.problems, loaded.files, sys.stdout)
    return 1 if loaded.errors else 0


def cmd_build(args) -> int:
    from . import build

    return build.main(_root(args), site_dir=args.site_dir, timings=args.timings, with_documents=not args.no_documents)


def cmd_serve(args) -> int:
    from . import serve

    return serve.main(_root(args), host=args.host, port=args.port)


def cmd_new(args) -> int:
    from . import scaffold

    return scaffold.main(_root(args), args.code, args.name, args.regional_group, args.language, args.team)


def cmd_diff(args) -> int:
    from . import review

    return review.main(_root(args), args.base, args.head, args.format, on=args.on)


def cmd_scope(args) -> int:
    from . import scope_guard

    labels = [label.strip() for label in (args.labels or "").split(",") if label.strip()]
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    return scope_guard.main(_root(args), args.base, args.head, labels, fmt)


def cmd_owners(args) -> int:
    from . import codeowners

    return codeowners.main(_root(args), args.write)
def cmd_export(args) -> int:
    from .office import commands

    return _office(commands.export, _root(args), args.code, args.format, args.output, args.questionnaire, args.cycle)


def cmd_import(args) -> int:
    from .office import commands

    return _office(commands.import_form, _root(args), args.code, args.form, args.write, args.force)


def _office(command, *args) -> int:
    """Run an export or import command; expected failures end with a message, not a traceback."""
    from .office import commands, fonts, pdf, word

    try:
        return command(*args)
    except (commands.Refused, fonts.FontsMissing, pdf.TypstFailed, word.PandocError) as exc:
        print(f"selfassess: {exc}", file=sys.stderr)
        return 1


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="selfassess",
        description="Check and publish States' self-assessments and action plans under UNTOC and its Protocols.",
    )
    top.add_argument("--root", help="repository folder holding content/ (default: found from the current folder)")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser("check", help="validate every content file and report each problem at file:line:col")
    check.add_argument("--format", choices=sorted(report.FORMATS), help="output format (default: text; github under GitHub Actions)")
    check.add_argument("--jobs", type=int, default=None, help="worker processes (default: one per core)")
    check.set_defaults(run=cmd_check)

    build = sub.add_parser("build", help="check, then build the static site")
    build.add_argument("--site-dir", default=None, help="where to write the site (default: site/)")
    build.add_argument("--timings", action="store_true", help="print the wall and CPU seconds of each stage")
    build.add_argument("--no-documents", action="store_true", help="leave out the DOCX and PDF profiles (make bench measures them apart)")
    build.set_defaults(run=cmd_build)

    serve = sub.add_parser("serve", help="check, build and serve the site on localhost, rebuilding on changes")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=cmd_serve)

    new = sub.add_parser("new", help="create a State's folder: profile, one assessment per article in the current cycle, action plan")
    new.add_argument("code", help="the State's three-letter code, e.g. XAC")
    new.add_argument("--name", required=True, help="the State's short name")
    new.add_argument("--regional-group", default=None, help="its United Nations regional group (default: none, to be filled in)")
    new.add_argument("--language", action="append", default=None, help="language of its narratives, ISO 639-1 (repeat for more; default: en)")
    new.add_argument("--team", default=None, help="GitHub team that owns the folder (default: @<organization>/party-<code>)")
    new.set_defaults(run=cmd_new)

    diff = sub.add_parser("diff", help="what changed in substance between two git revisions, per State")
    diff.add_argument("base", metavar="BASE", help="the revision changes are compared with, e.g. origin/main")
    diff.add_argument("head", metavar="HEAD", nargs="?", default="HEAD", help="the revision with the changes (default: HEAD)")
    diff.add_argument("--format", choices=("markdown", "json"), default="markdown", help="Markdown for a pull-request comment (default) or JSON")
    diff.add_argument("--on", default=None, help="judge overdue actions at HEAD on this date, YYYY-MM-DD (default: today)")
    diff.set_defaults(run=cmd_diff)

    scope = sub.add_parser("scope", help="fail when a change touches several States, or a State and shared files")
    scope.add_argument("base", metavar="BASE")
    scope.add_argument("head", metavar="HEAD", nargs="?", default="HEAD")
    scope.add_argument("--labels", default="", help="the pull request's labels, comma-separated")
    scope.add_argument("--format", choices=("text", "json", "github"), default=None, help="output format (default: text; github under GitHub Actions)")
    scope.set_defaults(run=cmd_scope)

    owners = sub.add_parser("owners", help="check that .github/CODEOWNERS gives every State folder an owner")
    owners.add_argument("--write", action="store_true", help="add missing State folders (and drop lines for folders that are gone)")
    owners.set_defaults(run=cmd_owners)
    export = sub.add_parser("export", help="write a State's profile as DOCX or PDF, or its self-assessment form (--questionnaire)")
    export.add_argument("code", help="the State's code, e.g. XAA")
    export.add_argument("--format", choices=("docx", "pdf"), help="profile document format (default: docx)")
    export.add_argument("--questionnaire", action="store_true", help="write the Word self-assessment form for a cycle instead, prefilled with the State's files")
    export.add_argument("--cycle", help="the cycle whose articles the form covers (default: the current cycle)")
    export.add_argument("-o", "--output", help="file to write (default: <code>-profile.<format> or <code>-<cycle>-questionnaire.docx)")
    export.set_defaults(run=cmd_export)

    form = sub.add_parser("import", help="read a filled self-assessment form back into the State's files")
    form.add_argument("code", help="the State's code, e.g. XAA")
    form.add_argument("form", help="the filled .docx form")
    form.add_argument("--write", action="store_true", help="write the changes (without it, only show what would change)")
    form.add_argument("--force", action="store_true", help="apply the form even where a file changed after the form was exported")
    form.set_defaults(run=cmd_import)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
