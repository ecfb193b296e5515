"""``newslint serve``: a local web app for editors (needs ``pip install 'newslint[web]'``).

Paste a draft or drop a .md/.html/.txt file into the text area: the findings
appear as you type, marked in the text, with the rule's documentation, fix
buttons and the readability panel. The app binds to 127.0.0.1 by default,
reads no file but the ones you drop into it, and limits the size of a draft.

Exit codes: 0 stopped; 2 usage error or the web extra is missing.
"""

from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path

from lint.model.errors import UserError

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def add_parser(sub, name: str, help_text: str) -> None:
    from lint.web.drafts import DEFAULT_MAX_BYTES

    p = sub.add_parser(name, help=help_text, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8765, help="port (default: 8765; 0 picks a free one)")
    p.add_argument("--config", type=Path, help="configuration file (default: found from the current folder upwards)")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help=f"largest draft in bytes (default: {DEFAULT_MAX_BYTES})")


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn  # noqa: F401

        from lint.web.app import create_app
    except ImportError as exc:
        raise UserError(f"newslint serve needs the web extra: pip install 'newslint[web]' ({exc.name} is missing)") from None
    from lint.lsp.linting import Linter

    if args.config is not None and not args.config.is_file():
        raise UserError(f"configuration file not found: {args.config}")
    if args.max_bytes < 1:
        raise UserError("--max-bytes must be positive")
    if args.host not in LOOPBACK:
        print(f"newslint: note: serving on {args.host}: anyone who can reach this address can use the app", file=sys.stderr)
    app = create_app(Linter(args.config), max_bytes=args.max_bytes)
    try:
        sock = socket.create_server((args.host, args.port), family=socket.AF_INET6 if ":" in args.host else socket.AF_INET)
    except OSError as exc:
        raise UserError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from None
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    print(f"newslint serve: http://{shown}:{port}/ (Ctrl+C stops)", file=sys.stderr, flush=True)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    server.run(sockets=[sock])
    return 0
