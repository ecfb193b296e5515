"""The LanguageTool client of the ``languagetool`` kind (``lint.kinds.languagetool``):
the blocks sent as annotated text, the requests to the server, LanguageTool's
matches mapped back to findings, and the results kept for the life of the
process. Imported by the first document checked with a backend configured.
"""

from __future__ import annotations

import _thread
import re
import time
from collections import OrderedDict
from typing import Any

from lint.cache import regexcache
from lint.model.diagnostics import BackendRule, Severity
from lint.model.errors import BackendUnavailable

CATEGORY_MAP = {
    "TYPOS": "grammar",
    "GRAMMAR": "grammar",
    "CASING": "grammar",
    "COMPOUNDING": "grammar",
    "CONFUSED_WORDS": "grammar",
    "SEMANTICS": "grammar",
    "MISC": "grammar",
    "PUNCTUATION": "typography",
    "TYPOGRAPHY": "typography",
    "STYLE": "style",
    "REDUNDANCY": "style",
    "COLLOQUIALISMS": "style",
    "REGIONALISMS": "style",
    "EMPFOHLENE_RECHTSCHREIBUNG": "style",
    "GENDER_NEUTRALITY": "style",
    "WIKIPEDIA": "style",
}
ISSUE_MAP = {"typographical": "typography", "whitespace": "typography", "style": "style", "register": "style"}
#: A selector the kind understands beyond the rule's own code/name: an upper-case
_WORDLIKE = regexcache.compile(r"^(?:`.*`|<?(?:https?://|ftp://|www\.)[^\s\[\]()]*>?)$", re.S)
MAX_BATCH = 20_000  # code points per request (the public API accepts 20 KB)
RETRY_AFTER = 300.0  # seconds before a failed backend is tried again (long-running editors)
CACHE_SIZE = 20_000  # blocks
LOCAL_START_BUDGET = 60.0  # seconds a managed local server may take to start
DEADLINE_SLACK = 5.0  # seconds over the configured timeout for a whole document's requests
MATCH_SHOWN = 60  # characters of the matched text quoted in a message
MESSAGE_SHOWN = 400  # characters of LanguageTool's message kept

_cache: OrderedDict[tuple, list[dict]] = OrderedDict()
_failed: dict[str, float] = {}  # backend -> time of failure
_local: dict[str, str] = {}  # language -> endpoint of the managed local server
_local_tools: list = []  # keep language-tool-python's server objects alive
_lock = _thread.allocate_lock()  # threading.Lock; threading, json and shutil are imported only when LanguageTool runs


# ----- what is sent ----------------------------------------------------------
class _Piece:
    __slots__ = ("markup", "sent_start", "sent_end", "prose_start", "prose_end", "text", "interpret")

    def __init__(self, markup, prose_start, prose_end, text, interpret=None):
        self.markup, self.prose_start, self.prose_end = markup, prose_start, prose_end
        self.text, self.interpret = text, interpret
        self.sent_start = self.sent_end = 0


def _pieces(doc, start: int, end: int) -> list[_Piece]:
    """A block as annotated text: kept prose is text, blanked characters are markup
    (carrying the source's markup so that offsets count like LanguageTool's)."""
    prose, source, to_source = doc.prose, doc.source, doc.to_source
    out: list[_Piece] = []
    i = start
    while i < end:
        markup = _blanked(prose, source, to_source, i)
        j = i + 1
        while j < end and _blanked(prose, source, to_source, j) == markup:
            j += 1
        if markup:
            out.append(_Piece(True, i, j, source[to_source(i) : to_source(j)]))
        else:
            out.append(_Piece(False, i, j, prose[i:j]))
        i = j
    return [_word_like(p) for p in _merge_open(out)]


def _open(markup: str) -> bool:
    """Whether a markup run is a construct still open (a code span, a tag, a link target
    with a title): the blanks after it belong to it."""
    if markup.startswith("`"):
        ticks = len(markup) - len(markup.lstrip("`"))
        return len(markup) < 2 * ticks or not markup.endswith("`" * ticks)
    if markup.startswith("<"):
        return ">" not in markup
    if markup.startswith("]("):
        return ")" not in markup
    return False


def _merge_open(pieces: list[_Piece]) -> list[_Piece]:
    out: list[_Piece] = []
    i = 0
    while i < len(pieces):
        p = pieces[i]
        while (
            p.markup and _open(p.text) and i + 2 < len(pieces)
            and not pieces[i + 1].text.strip() and pieces[i + 2].markup
        ):
            gap, nxt = pieces[i + 1], pieces[i + 2]
            p = _Piece(True, p.prose_start, nxt.prose_end, p.text + gap.text + nxt.text)
            i += 2
        out.append(p)
        i += 1
    return out


def _word_like(p: _Piece) -> _Piece:
    # Code spans and bare URLs stood for a word: let LanguageTool read a placeholder.
    if p.markup and _WORDLIKE.match(p.text.strip()):
        p.interpret = "X"
    return p


def _blanked(prose: str, source: str, to_source, i: int) -> bool:
    c = prose[i]
    if c != " " and c != "\n":
        return False
    s = to_source(i)
    return s >= len(source) or source[s] != c


def _utf16_to_code_points(text: str):
    """A function mapping a UTF-16 offset into ``text`` to a code-point offset."""
    if not any(ord(c) > 0xFFFF for c in text):
        return lambda u: min(u, len(text))
    table: list[int] = []
    for i, c in enumerate(text):
        table.append(i)
        if ord(c) > 0xFFFF:
            table.append(i + 1)  # an offset between the surrogates counts as after the character
    table.append(len(text))
    return lambda u: table[min(max(u, 0), len(table) - 1)]


# ----- the backend -------------------------------------------------------------
def _endpoint(url: str) -> str:
    url = url.rstrip("/")
    if url.endswith("/v2/check"):
        return url
    if url.endswith("/v2"):
        return url + "/check"
    return url + "/v2/check"


def _local_endpoint(language: str, budget: float) -> str:
    if language in _local:
        return _local[language]
    import shutil

    if shutil.which("java") is None:
        raise BackendUnavailable(
            'languagetool = "local" needs Java 17 or newer, and no `java` was found on PATH; grammar and '
            "spelling checks (LT) were skipped. Install Java 17+ (e.g. `apt install openjdk-17-jre-headless`), "
            'or point languagetool at a running server ("http://localhost:8081"), or set languagetool = "off".'
        )
    try:
        import language_tool_python  # heavy (requests); only when a local server is wanted
    except ImportError:
        raise BackendUnavailable(
            'languagetool = "local" needs the package language-tool-python: `pip install language-tool-python`; '
            "grammar and spelling checks (LT) were skipped."
        ) from None
    result: dict[str, Any] = {}

    def start():
        try:
            tool = language_tool_python.LanguageTool(language)
            result["url"] = tool.url
            _local_tools.append(tool)
        except Exception as exc:  # no Java, download impossible, server did not start
            result["error"] = f"{type(exc).__name__}: {exc}"

    import threading

    worker = threading.Thread(target=start, daemon=True)
    worker.start()
    worker.join(budget)
    if "url" not in result:
        reason = result.get("error", f"it did not start within {budget:.0f} s")
        raise BackendUnavailable(
            'languagetool = "local": language-tool-python could not start a local LanguageTool server '
            f"({_short(reason)}); grammar and spelling checks (LT) were skipped. On first use it downloads "
            "LanguageTool (about 250 MB) and needs Java 17+ and about 1.5 GB of memory. Allow the download, "
            'or run a server yourself and set languagetool = "http://localhost:8081", or set languagetool = "off".'
        )
    _local[language] = _endpoint(result["url"])
    return _local[language]


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _post(endpoint: str, params: dict[str, str], timeout: float) -> dict:
    import json
    import socket  # the HTTP client loads only when LanguageTool is asked
    import urllib.error
    import urllib.parse
    import urllib.request

    body = urllib.parse.urlencode(params).encode("utf-8")
    request = urllib.request.Request(
        endpoint,
        data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8", "Accept": "application/json"},
    )
    where = f"the LanguageTool server at {endpoint}"
    fix = 'Start it (e.g. `docker run -p 8081:8010 erikvl87/languagetool`), correct the URL, or set languagetool = "off".'
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        detail = exc.read(300).decode("utf-8", "replace") if exc.fp else ""
        raise BackendUnavailable(
            f"languagetool: {where} answered HTTP {exc.code} ({_short(detail or exc.reason)}); grammar and "
            "spelling checks (LT) were skipped. Check the languagetool-* settings (language, rule ids) and the server log."
        ) from None
    except (TimeoutError, socket.timeout):
        raise BackendUnavailable(
            f"languagetool: {where} did not answer within {timeout:.0f} s; grammar and spelling checks (LT) were "
            "skipped for the rest of this run. Check the server, or raise languagetool-timeout."
        ) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise BackendUnavailable(
                f"languagetool: {where} did not answer within {timeout:.0f} s; grammar and spelling checks (LT) "
                "were skipped for the rest of this run. Check the server, or raise languagetool-timeout."
            ) from None
        raise BackendUnavailable(
            f"languagetool: cannot reach {where} ({_short(getattr(reason, 'strerror', None) or reason)}); "
            f"grammar and spelling checks (LT) were skipped. {fix}"
        ) from None
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise BackendUnavailable(
            f"languagetool: {where} gave no usable answer ({_short(exc)}); grammar and spelling checks (LT) "
            f"were skipped. Is it a LanguageTool server? {fix}"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("matches"), list):
        raise BackendUnavailable(
            f"languagetool: {where} answered without a list of matches; grammar and spelling checks (LT) were "
            f"skipped. Is it a LanguageTool server? {fix}"
        )
    return data


# ----- the kind --------------------------------------------------------------------


def _settings(kind) -> dict[str, Any]:
    config = kind.config
    get = (lambda k, d=None: config.setting(k, d)) if config is not None else (lambda k, d=None: d)
    backend = kind._backend()
    return {
        "backend": backend,
        "language": get("languagetool-language", "de-DE"),
        "enabled_rules": tuple(get("languagetool-enabled-rules", []) or ()),
        "disabled_rules": tuple(get("languagetool-disabled-rules", []) or ()),
        "enabled_categories": tuple(get("languagetool-enabled-categories", []) or ()),
        "disabled_categories": tuple(get("languagetool-disabled-categories", []) or ()),
        "picky": bool(get("languagetool-picky", False)),
        "timeout": float(get("languagetool-timeout", 10.0)),
    }


def _params(s: dict[str, Any]) -> dict[str, str]:
    params = {"language": s["language"]}
    for key, name in (("enabled_rules", "enabledRules"), ("disabled_rules", "disabledRules"),
                      ("enabled_categories", "enabledCategories"), ("disabled_categories", "disabledCategories")):
        if s[key]:
            params[name] = ",".join(s[key])
    if s["picky"]:
        params["level"] = "picky"
    return params


# -- selection of LanguageTool's rules
def _severity_for(kind, lt_rule: str, lt_category: str, category: str) -> Severity | None:
    """The severity of one finding, or None when the selection or configuration drops it."""
    keys = {lt_rule, lt_category, category}
    select, ignore = kind.selection.select, kind.selection.ignore
    unprefix = lambda entries: [s[3:] if s.startswith("LT:") else s for s in entries]  # noqa: E731
    select = None if select is None else unprefix(select)
    ignore = unprefix(ignore or [])
    rule = kind.rule
    if select is not None:
        whole = any(s and (rule.code.startswith(s) or s in (rule.name, rule.pack)) for s in select)
        whole = whole or (category == rule.category and rule.category in select)
        if not whole and not keys & set(select):
            return None
    if keys & set(ignore or ()):
        return None
    severity = kind.severity if category == "grammar" else Severity.INFO
    config = kind.config
    for selector, table in (config.rules.items() if config is not None else ()):
        if selector in keys and kind.claims(selector) and "severity" in table:
            if table["severity"] == "off":
                return None
            severity = Severity.parse(table["severity"])
    return severity


def check(kind, doc):
    """The findings of ``kind`` (a ``LanguageTool``) in ``doc``, its backend not off."""
    settings = _settings(kind)
    backend = settings["backend"]
    failed_at = _failed.get(backend)
    if failed_at is not None and time.monotonic() - failed_at < RETRY_AFTER:
        return  # reported once already; no retry during this run
    key_settings = tuple(sorted((k, v) for k, v in settings.items() if k != "timeout"))
    blocks = []
    for block in doc.blocks:
        if not any(c.isalpha() for c in doc.prose[block.start : block.end]):
            continue
        pieces = _pieces(doc, block.start, block.end)
        key = (key_settings, tuple((p.markup, p.text, p.interpret) for p in pieces))
        blocks.append((pieces, key))
    try:
        _fetch(settings, [b for b in blocks if b[1] not in _cache])
    except BackendUnavailable:
        _failed[backend] = time.monotonic()
        raise
    for pieces, key in blocks:
        matches = _cache.get(key)
        if matches is None:
            continue
        _cache.move_to_end(key)
        yield from _diagnostics(kind, doc, pieces, matches)


def _fetch(settings: dict[str, Any], todo: list) -> None:
    """Ask the backend about the uncached blocks, in batches; fill the cache."""
    if not todo:
        return
    deadline = time.monotonic() + settings["timeout"] + DEADLINE_SLACK
    backend = settings["backend"]
    if backend == "local":
        endpoint = _local_endpoint(settings["language"], LOCAL_START_BUDGET)
    else:
        endpoint = _endpoint(backend)
    params = _params(settings)
    batch: list = []
    size = 0
    for item in todo:
        length = sum(len(p.text) for p in item[0])
        if batch and size + length > MAX_BATCH:
            _send(endpoint, params, batch, deadline, settings["timeout"])
            batch, size = [], 0
        batch.append(item)
        size += length + 2
    if batch:
        _send(endpoint, params, batch, deadline, settings["timeout"])


def _send(endpoint: str, params: dict[str, str], batch: list, deadline: float, timeout: float) -> None:
    import json

    annotation: list[dict[str, str]] = []
    starts: list[int] = []  # code-point offset of each block in what is sent
    sent = 0
    for n, (pieces, _key) in enumerate(batch):
        if n:
            annotation.append({"text": "\n\n"})
            sent += 2
        starts.append(sent)
        for p in pieces:
            item = {"markup": p.text} if p.markup else {"text": p.text}
            if p.interpret is not None:
                item["interpretAs"] = p.interpret
            annotation.append(item)
            sent += len(p.text)
    whole = "".join(a.get("text", a.get("markup", "")) for a in annotation)
    remaining = deadline - time.monotonic()
    if remaining <= 0.5:
        raise BackendUnavailable(
            f"languagetool: the LanguageTool server at {endpoint} took longer than {timeout:.0f} s for one "
            "document; grammar and spelling checks (LT) were skipped for the rest of this run. "
            "Raise languagetool-timeout or give the server more memory."
        )
    data = _post(endpoint, {**params, "data": json.dumps({"annotation": annotation}, ensure_ascii=False)},
                 min(timeout, remaining))
    to_cp = _utf16_to_code_points(whole)
    per_block: list[list[dict]] = [[] for _ in batch]
    ends = [*starts[1:], len(whole) + 2]
    for m in data["matches"]:
        try:
            start = to_cp(int(m["offset"]))
            end = to_cp(int(m["offset"]) + int(m["length"]))
        except (KeyError, TypeError, ValueError):
            continue
        for n, block_start in enumerate(starts):
            if block_start <= start < ends[n] - 2 or (start == end == block_start):
                if end <= ends[n] - 2:
                    per_block[n].append(_slim(m, start - block_start, end - block_start))
                break
    with _lock:
        for (_pieces_, key), found in zip(batch, per_block):
            _cache[key] = found
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)


def _diagnostics(kind, doc, pieces: list[_Piece], matches: list[dict]):
    offset = 0
    for p in pieces:
        p.sent_start, offset = offset, offset + len(p.text)
        p.sent_end = offset
    for m in matches:
        category = CATEGORY_MAP.get(m["category"]) or ISSUE_MAP.get(m["issue"], "grammar")
        severity = _severity_for(kind, m["rule"], m["category"], category)
        if severity is None:
            continue
        start, start_markup = _to_prose(pieces, m["start"], at_end=False)
        end, end_markup = _to_prose(pieces, m["end"], at_end=True)
        if end < start or (end == start and m["end"] > m["start"]):
            continue  # the match lies entirely in markup
        clean = not start_markup and not end_markup and all(
            not p.markup for p in pieces if p.prose_start < end and start < p.prose_end
        )
        replacements = m["replacements"]
        fix = None
        if replacements and clean:
            fix = kind.replacement(start, end, replacements[0])
        suggestions = ""
        if replacements:
            label = "Vorschlag" if len(replacements) == 1 else "Vorschläge"
            suggestions = f"{label}: " + ", ".join(f"„{r}“" for r in replacements[:3]) + ". "
        match = " ".join(doc.prose[start:end].split()) or doc.prose[start:end].replace(" ", "␣")
        if len(match) > MATCH_SHOWN:
            match = match[: MATCH_SHOWN - 1] + "…"
        d = kind.report(
            doc, start, end, severity=severity, fix=fix, match=match,
            lt_message=m["message"], lt_rule=m["rule"], lt_category=m["category_name"] or m["category"],
            suggestions=suggestions,
        )
        d.rule = m["rule"]
        d.category = category
        d.secondary = True
        d.backend = BackendRule(m["rule"], m["category"])
        yield d


def _to_prose(pieces: list[_Piece], x: int, at_end: bool) -> tuple[int, bool]:
    """Map an offset into a block's sent text to a prose offset (and whether it fell in markup)."""
    for p in pieces:
        if p.sent_start <= x < p.sent_end or (at_end and x == p.sent_end):
            if p.markup:
                return (p.prose_end if at_end else p.prose_start), True
            return p.prose_start + (x - p.sent_start), False
    last = pieces[-1]
    return last.prose_end, last.markup


def _slim(m: dict, start: int, end: int) -> dict:
    """What is kept of a LanguageTool match (offsets in code points into the block)."""
    rule = m.get("rule") or {}
    category = rule.get("category") or {}
    replacements = [r.get("value", "") for r in m.get("replacements") or [] if isinstance(r, dict)]
    return {
        "start": start,
        "end": end,
        "message": _short(m.get("message") or m.get("shortMessage") or "", MESSAGE_SHOWN),
        "replacements": [r for r in replacements if r][:5],
        "rule": str(rule.get("id") or "UNKNOWN_RULE"),
        "category": str(category.get("id") or ""),
        "category_name": str(category.get("name") or ""),
        "issue": str(rule.get("issueType") or ""),
    }


def reset() -> None:
    """Forget cached results and failed backends (tests; an editor's "retry")."""
    with _lock:
        _cache.clear()
        _failed.clear()
