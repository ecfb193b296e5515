"""One self-contained HTML page: styles and scripts inline, no network.

The Content-Security-Policy forbids every request the page could make (the web
app allows its own origin for ``connect``): a report opened from disk never
loads anything, and inline text can never run as script because everything
rendered into the body is escaped.
"""

from __future__ import annotations

from html import escape
from importlib.resources import files

ASSETS = files("lint.web") / "assets"


def asset(name: str) -> str:
    """An inline asset (CSS or JS) from ``lint/web/assets``; ``</`` cannot close its element."""
    return ASSETS.joinpath(name).read_text(encoding="utf-8").replace("</", "<\\/")


def page(title: str, body: str, *, scripts: tuple[str, ...] = ("report.js",), connect_self: bool = False,
         head: str = "") -> str:
    connect = "'self'" if connect_self else "'none'"
    csp = (f"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
           f"connect-src {connect}; form-action 'none'; base-uri 'none'")
    js = "".join(f"<script>{asset(s)}</script>" for s in scripts)
    return (
        '<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{escape(title)}</title><style>{asset("report.css")}</style>{head}</head>'
        f'<body><main id="main">{body}</main>{js}</body></html>\n'
    )
