"""A stand-in LanguageTool server for the tests: speaks ``POST /v2/check`` as
LanguageTool 6.x does (form-encoded ``text`` or annotated ``data``; JSON with
``matches[].offset/length`` in UTF-16 code units of the whole sent text, markup
included) and knows a handful of German mistakes, so that the protocol, the
offset mapping and the failure paths are tested without Java or a download.
"""

from __future__ import annotations

import json
import re
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

# pattern -> (rule id, category id, category name, issueType, message, replacements)
PATTERNS = [
    (r"\bdas das\b", "DASS_DAS_TEST", "GRAMMAR", "Grammatik", "grammar",
     "Möglicherweise fehlt ein Komma oder „dass“.", ["dass das"]),
    (r"\bRechtschreibfeler\b", "GERMAN_SPELLER_RULE", "TYPOS", "Mögliche Tippfehler", "misspelling",
     "Möglicher Tippfehler gefunden.", ["Rechtschreibfehler", "Rechtschreibfehlern"]),
    (r"\.\.\.", "ELLIPSIS", "TYPOGRAPHY", "Typografie", "typographical",
     "Typografisch korrekt ist das Auslassungszeichen „…“.", ["…"]),
    (r"(?<=\S)  +(?=\S)", "WHITESPACE_RULE", "TYPOGRAPHY", "Typografie", "whitespace",
     "Möglicherweise zwei Leerzeichen hintereinander.", [" "]),
    (r"\bwohl bemerkt\b", "ZUSAMMENSCHREIBUNG", "EMPFOHLENE_RECHTSCHREIBUNG", "Empfohlene Rechtschreibung", "style",
     "Empfohlen wird die Zusammenschreibung.", ["wohlbemerkt"]),
]
_COMPILED = [(re.compile(p), *rest) for p, *rest in PATTERNS]


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class StandIn:
    def __init__(self):
        self.requests: list[dict[str, str]] = []
        self.delay = 0.0
        self.status = 200
        handler = type("Handler", (_Handler,), {"standin": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def texts(self) -> list[str]:
        """What LanguageTool would have read (markup left out) in each request."""
        out = []
        for form in self.requests:
            if "data" in form:
                out.append("".join(a.get("text", a.get("interpretAs", "")) for a in json.loads(form["data"])["annotation"]))
            else:
                out.append(form.get("text", ""))
        return out

    def reset(self):
        self.requests.clear()
        self.delay = 0.0
        self.status = 200


class _Handler(BaseHTTPRequestHandler):
    standin: StandIn
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode("utf-8")).items()}
        self.standin.requests.append(form)
        if self.standin.delay:
            time.sleep(self.standin.delay)
        if self.path.rstrip("/") != "/v2/check" or self.standin.status != 200:
            status = 404 if self.standin.status == 200 else self.standin.status
            body = b"Error: stand-in refuses"
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if "data" in form:  # annotated text: offsets count markup and text alike
            parts = json.loads(form["data"])["annotation"]
            original = "".join(a.get("text", a.get("markup", "")) for a in parts)
            # LanguageTool checks the text with markup read as its interpretAs (default: nothing).
            checked, where = [], []  # where[i]: offset in original of checked[i]
            pos = 0
            for a in parts:
                if "text" in a:
                    checked.append(a["text"])
                    where.extend(range(pos, pos + len(a["text"])))
                    pos += len(a["text"])
                else:
                    interp = a.get("interpretAs", "")
                    checked.append(interp)
                    where.extend([pos] * len(interp))
                    pos += len(a["markup"])
            checked_text = "".join(checked)
            where.append(pos)
        else:
            original = checked_text = form.get("text", "")
            where = list(range(len(original) + 1))
        disabled = set(form.get("disabledRules", "").split(",")) | set(form.get("disabledCategories", "").split(","))
        matches = []
        for pattern, rule_id, cat_id, cat_name, issue, message, replacements in _COMPILED:
            if rule_id in disabled or cat_id in disabled:
                continue
            for m in pattern.finditer(checked_text):
                start = where[m.start()]
                end = where[m.end() - 1] + 1 if m.end() > m.start() else start
                off = utf16(original[:start])
                matches.append({
                    "message": message, "shortMessage": "",
                    "replacements": [{"value": r} for r in replacements],
                    "offset": off, "length": utf16(original[start:end]),
                    "context": {"text": original[max(0, start - 40): end + 40], "offset": min(start, 40), "length": end - start},
                    "sentence": checked_text[:200],
                    "type": {"typeName": "Other"},
                    "rule": {"id": rule_id, "description": message, "issueType": issue,
                             "category": {"id": cat_id, "name": cat_name}},
                    "ignoreForIncompleteSentence": False, "contextForSureMatch": 0,
                })
        matches.sort(key=lambda x: x["offset"])
        body = json.dumps({
            "software": {"name": "LanguageTool", "version": "6.6", "buildDate": "2025-03-27", "apiVersion": 1,
                         "status": "", "premium": False},
            "warnings": {"incompleteResults": False},
            "language": {"name": "German (Germany)", "code": form.get("language", "de-DE"),
                         "detectedLanguage": {"name": "German (Germany)", "code": "de-DE", "confidence": 0.99}},
            "matches": matches,
            "sentenceRanges": [[0, utf16(original)]],
        }, ensure_ascii=False).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve():
    standin = StandIn()
    standin.thread.start()
    try:
        yield standin
    finally:
        standin.server.shutdown()
        standin.server.server_close()
