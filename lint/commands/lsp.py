"""``newslint lsp``: run the language server over stdio (for editors).

The editor starts this command and talks the Language Server Protocol over
standard input and output. Diagnostics come from the unsaved buffer, with the
same rules, configuration and suppressions as ``newslint check`` for that file.
Logs go to standard error (most editors show them in a log buffer).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path


def add_parser(sub, name: str, help_text: str) -> None:
    p = sub.add_parser(name, help=help_text, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--stdio", action="store_true", help="talk over standard input/output (the default and only transport)")
    p.add_argument("--config", type=Path, help="configuration file for every buffer (default: found from each file's folder upwards)")
    p.add_argument("--select", help="comma-separated codes, prefixes, names, packs or categories to run")
    p.add_argument("--ignore", help="comma-separated codes, prefixes, names, packs or categories to skip")
    p.add_argument("--debounce", type=int, default=75, metavar="MS", help="wait this long after the last change before linting (default: 75)")
    p.add_argument("--log-file", type=Path, help="also write the server log to this file")
    p.add_argument("-v", "--verbose", action="store_true", help="log pygls' messages too (debug level)")


def run(args: argparse.Namespace) -> int:
    from lint.engine.core import Selection
    from lint.model.errors import UserError
    from lint.lsp.server import serve

    if args.config is not None and not args.config.is_file():
        raise UserError(f"configuration file not found: {args.config}")
    if args.debounce < 0:
        raise UserError("--debounce must be 0 or more milliseconds")
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if args.log_file is not None:
        try:
            handlers.append(logging.FileHandler(args.log_file, encoding="utf-8"))
        except OSError as exc:
            raise UserError(f"cannot write the log file {args.log_file}: {exc.strerror or exc}") from None
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
        handlers=handlers,
    )
    selection = Selection.from_options(args.select, args.ignore)
    return serve(args.debounce / 1000, args.config, selection)
