"""``newslint serve``: the local web app (Starlette; run by uvicorn).

Routes:
- ``GET /``: the page (text area, genre, filters, fix buttons; all inline).
- ``POST /api/check`` ``{text, name?, genre?}``: the article as the report
  renders it (``html``), the rule documentation of its findings (``docs``)
  and the diagnostics in the JSON format's contract (``diagnostics``).
- ``POST /api/fix`` ``{text, name?, genre?, key? | safe: true}``: the draft
  with one finding's fix (``key``, see ``lint.web.drafts.fix_key``) or every
  safe fix applied (``text``, ``applied``).

Requests are JSON with a size limit (``max_bytes`` of text; 413 above it).
Linting runs on the event loop's thread: the language server's ``Linter`` is
used from one thread only, and a draft lints in milliseconds.
"""

from __future__ import annotations

import json

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route

from lint.model.errors import UserError
from lint.web.drafts import DEFAULT_MAX_BYTES, Draft, DraftError, check_draft, fix_one, fix_safe

GENRES = (
    ("", "kein Genre angegeben"), ("meldung", "Meldung"), ("nachricht", "Nachricht"), ("bericht", "Bericht"),
    ("reportage", "Reportage"), ("feature", "Feature"), ("interview", "Interview"), ("kommentar", "Kommentar"),
)


class TooLarge(Exception):
    pass


async def _read_json(request: Request, limit: int) -> dict:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise TooLarge
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise TooLarge
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise DraftError("Die Anfrage ist kein gültiges JSON.") from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise DraftError("Die Anfrage braucht ein Feld „text“.")
    return data


def _draft(data: dict) -> Draft:
    name, genre = data.get("name") or "entwurf.md", data.get("genre") or ""
    if not isinstance(name, str) or not isinstance(genre, str):
        raise DraftError("„name“ und „genre“ müssen Zeichenketten sein.")
    return Draft(data["text"].replace("\r\n", "\n"), name[:200], genre)


def create_app(linter=None, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Starlette:
    """The app; ``linter`` defaults to a language-server ``Linter`` for the current folder."""
    if linter is None:
        from lint.lsp.linting import Linter

        linter = Linter()
    limit = max_bytes + 16_384  # room for the JSON around the text

    def guarded(handler):
        async def endpoint(request: Request):
            try:
                data = await _read_json(request, limit)
                if len(data["text"].encode("utf-8")) > max_bytes:
                    raise TooLarge
                return JSONResponse(handler(_draft(data), data))
            except TooLarge:
                return JSONResponse({"error": f"Der Text ist zu lang (höchstens {max_bytes:,} Bytes).".replace(",", ".")},
                                    status_code=413)
            except (DraftError, UserError) as exc:
                return JSONResponse({"error": str(exc)}, status_code=400)
        return endpoint

    def check(draft: Draft, data: dict) -> dict:
        from lint.web.article import build_article
        from lint.web.render import render_article, render_rule_docs

        checked = check_draft(linter, draft)
        view = build_article("a0", checked.doc, checked.diagnostics, checked.rules)
        view.genre = draft.genre or view.genre
        used = sorted({d.code for d in checked.diagnostics})
        return {
            "html": render_article(view, standalone=True),
            "docs": render_rule_docs([checked.rules[c] for c in used if c in checked.rules]),
            "diagnostics": [d.as_dict() for d in checked.diagnostics],
            "safe_fixes": sum(1 for d in checked.diagnostics if d.fix and d.fix.applicability == "safe"),
            "errors": checked.errors,
        }

    def fix(draft: Draft, data: dict) -> dict:
        checked = check_draft(linter, draft)
        if data.get("safe") is True:
            text, applied = fix_safe(checked)
        elif isinstance(data.get("key"), str):
            text, applied = fix_one(checked, data["key"]), 1
        else:
            raise DraftError("Welcher Vorschlag? „key“ oder „safe“ fehlt.")
        return {"text": text, "applied": applied}

    async def home(request: Request):
        return HTMLResponse(home_page(max_bytes))

    return Starlette(routes=[
        Route("/", home),
        Route("/api/check", guarded(check), methods=["POST"]),
        Route("/api/fix", guarded(fix), methods=["POST"]),
    ])


def home_page(max_bytes: int) -> str:
    from html import escape

    from lint.web.page import page

    options = "".join(f'<option value="{escape(v)}">{escape(label)}</option>' for v, label in GENRES)
    body = (
        '<header class="app-head"><h1>newslint</h1><p>Entwurf einfügen oder eine Datei (.md, .html, .txt) '
        'in das Textfeld ziehen: die Befunde erscheinen beim Tippen.</p></header>'
        f'<div class="app" data-max-bytes="{max_bytes}"><div class="toolbar">'
        f'<label>Genre <select id="genre">{options}</select></label>'
        '<label>Datei öffnen <input type="file" id="file" accept=".md,.markdown,.html,.htm,.txt"></label>'
        '<button type="button" id="fix-all" disabled>Alle sicheren Vorschläge übernehmen</button>'
        '<button type="button" id="copy">Korrigierten Text kopieren</button>'
        '<span class="status" id="status" role="status" aria-live="polite"></span></div>'
        '<div class="editor"><div><label for="draft"><strong>Entwurf</strong></label>'
        '<textarea id="draft" spellcheck="false" data-name="entwurf.md"></textarea></div>'
        '<div id="preview"></div></div><div id="rule-docs" hidden></div></div>'
    )
    return page("newslint – Entwurf prüfen", body, scripts=("report.js", "serve.js"), connect_self=True)
