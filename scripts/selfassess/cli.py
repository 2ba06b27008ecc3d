"""Command line: selfassess check | build | serve."""
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

    return build.main(_root(args), site_dir=args.site_dir)


def cmd_serve(args) -> int:
    from . import serve

    return serve.main(_root(args), host=args.host, port=args.port)


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
    build.set_defaults(run=cmd_build)

    serve = sub.add_parser("serve", help="check, build and serve the site on localhost, rebuilding on changes")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=cmd_serve)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
