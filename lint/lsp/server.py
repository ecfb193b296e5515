"""The newslint language server (pygls 2.x) over stdio.

- Diagnostics for the unsaved buffer on open (at once) and on change
  (debounced), cleared on close. Positions in the negotiated encoding.
- Code actions: a rule's fix, and "disable this rule for this line".
- Hover over a diagnostic: the rule's German documentation.
- Configuration found from the file's folder upwards, as in the CLI, and
  reloaded when it changes (watched files or mtime).

Linting runs on one worker thread (the engine is not shared between
threads), so reading messages, hover and code actions never wait for a
lint of another buffer to finish the event loop.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types as T
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol

from lint import __version__
from lint.cache import regexcache
from lint.model.diagnostics import Diagnostic, Severity
from lint.engine.core import Selection
from lint.lsp.linting import CONFIG_NAMES, DATA_FILES, Linter
from lint.model.errors import Cancelled
from lint.lsp.isolated import LARGE, IsolatedLinter
from lint.lsp.positions import UTF16, LineIndex

log = logging.getLogger("newslint.lsp")

DEBOUNCE = 0.075  # seconds between the last keystroke and the lint
WORKERS = 4  # lint threads: a large buffer holds up a small one by a share of the CPU, not by its whole run
SOURCE = "newslint"
SEVERITIES = {
    Severity.ERROR: T.DiagnosticSeverity.Error,
    Severity.WARNING: T.DiagnosticSeverity.Warning,
    Severity.INFO: T.DiagnosticSeverity.Information,
}
DIRECTIVE = "newslint-disable-next-line"
_PREVIOUS_DIRECTIVE = regexcache.compile(r"^(?P<head>[ \t]*(?:<!--[ \t]*)?newslint-disable-next-line)(?P<codes>[^\r\n]*?)(?P<tail>[ \t]*-->)?[ \t]*$")


@dataclass
class Snapshot:
    """The diagnostics of one version of one buffer."""

    uri: str
    version: int | None
    text: str
    index: LineIndex
    path: Path
    diagnostics: list[Diagnostic] = field(default_factory=list)
    display: str = ""  # the path the engine reads the buffer as
    lsp: list[T.Diagnostic] = field(default_factory=list)
    rules: dict = field(default_factory=dict)
    messages: list = field(default_factory=list)  # (text, MessageType) to log on the event loop
    failed: bool = False


def uri_to_path(uri: str, root: str | None = None) -> Path:
    """A file system path for a document URI; other schemes (``untitled:``)
    get a name in the workspace root so the configuration is still found."""
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        path = unquote(parsed.path)
        if re.match(r"^/[A-Za-z]:", path):
            path = path[1:]
        return Path(path)
    name = Path(unquote(parsed.path or "untitled")).name or "untitled"
    return Path(root or os.getcwd()) / name


class NewslintProtocol(LanguageServerProtocol):
    """pygls' protocol, except that a request with invalid params gets an
    error response (pygls only logs it, and the client would wait forever)."""

    def structure_message(self, data):
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if isinstance(data, dict) and "id" in data and "method" in data:
                self._send_response(data["id"], error=exc.to_response_error())
            raise


class NewslintServer(LanguageServer):
    def __init__(self, debounce: float = DEBOUNCE, config: Path | None = None, selection: Selection | None = None):
        super().__init__(
            "newslint",
            __version__,
            text_document_sync_kind=T.TextDocumentSyncKind.Incremental,
            protocol_cls=NewslintProtocol,
        )
        self.debounce = debounce
        self.linter = Linter(config, selection)
        self.isolated = IsolatedLinter(config, selection)  # large buffers, in a process of their own
        # Several workers, so a small buffer is never stuck behind a large one; a
        # run whose buffer has a newer version stops at the next rule (``latest``).
        self.pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="newslint-lint")
        self.latest: dict[str, int | None] = {}  # uri -> the newest version the client sent
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.snapshots: dict[str, Snapshot] = {}
        self.reported: set[str] = set()  # errors already shown to the user

    # ----- errors never stop the server ---------------------------------
    def report_server_error(self, error: Exception, source) -> None:
        # A malformed message or a failing handler: log it, carry on.
        self.log(f"error: {type(error).__name__}: {error}", T.MessageType.Error)

    def log(self, message: str, kind: T.MessageType = T.MessageType.Log) -> None:
        log.warning("%s", message)
        try:
            self.window_log_message(T.LogMessageParams(type=kind, message=f"newslint: {message}"))
        except Exception:  # no client connected (yet)
            pass

    def show_once(self, message: str) -> None:
        if message in self.reported:
            return
        self.reported.add(message)
        self.log(message, T.MessageType.Error)
        try:
            self.window_show_message(T.ShowMessageParams(type=T.MessageType.Error, message=f"newslint: {message}"))
        except Exception:
            pass

    # ----- documents ----------------------------------------------------
    @property
    def encoding(self) -> str:
        try:
            value = self.workspace.position_encoding
        except RuntimeError:
            return UTF16
        return str(getattr(value, "value", value) or UTF16)

    def document(self, uri: str):
        """The open buffer of ``uri`` or ``None`` (never the file on disk)."""
        try:
            return self.workspace.text_documents.get(uri) or self.workspace.text_documents.get(unquote(uri))
        except RuntimeError:
            return None

    def root(self) -> str | None:
        try:
            return self.workspace.root_path
        except RuntimeError:
            return None

    def schedule(self, uri: str, delay: float) -> None:
        """Lint ``uri`` after ``delay`` seconds unless another change comes first."""
        doc = self.document(uri)
        self.latest[uri] = doc.version if doc is not None else None
        old = self.timers.pop(uri, None)
        if old is not None:
            old.cancel()
        loop = asyncio.get_running_loop()
        self.timers[uri] = loop.call_later(delay, lambda: asyncio.ensure_future(self.lint_and_publish(uri)))

    async def lint_and_publish(self, uri: str) -> None:
        self.timers.pop(uri, None)
        doc = self.document(uri)
        if doc is None:
            return
        snap = await self.snapshot(uri)
        if snap is None:
            return
        current = self.document(uri)
        if current is None or current.version != snap.version:
            return  # changed meanwhile: a newer lint is already scheduled
        self.text_document_publish_diagnostics(
            T.PublishDiagnosticsParams(uri=uri, diagnostics=snap.lsp, version=snap.version)
        )

    async def snapshot(self, uri: str) -> Snapshot | None:
        """Diagnostics for the buffer's current version (linted now if needed)."""
        doc = self.document(uri)
        if doc is None:
            return None
        known = self.snapshots.get(uri)
        if known is not None and known.version == doc.version and known.text is doc.source:
            return known
        text, version, language = doc.source, doc.version, doc.language_id
        loop = asyncio.get_running_loop()
        try:
            snap = await loop.run_in_executor(self.pool, self._compute, uri, text, version, language, self.encoding)
        except Cancelled:
            return None  # a newer version came in; its own lint is scheduled
        for message, kind in snap.messages:
            if kind == T.MessageType.Error:
                self.show_once(message)
            else:
                self.log(message, kind)
        snap.messages = []
        if snap.failed:
            return None
        if self.document(uri) is not None:
            self.snapshots[uri] = snap
        return snap

    def _compute(self, uri: str, text: str, version, language: str | None, encoding: str) -> Snapshot:
        """Runs on the worker thread (so it sends nothing to the client itself)."""
        snap = Snapshot(uri, version, text, LineIndex(text, encoding), Path("."))
        try:
            snap.path = path = uri_to_path(uri, self.root())
            display = self.linter.lint_path(path, language)
            if display is None:
                return snap  # not a kind of file newslint reads
            snap.display = display
            stale = lambda: self.latest.get(uri, version) != version  # noqa: E731
            if len(text) >= LARGE:
                result = self.isolated.lint(path.absolute(), display, text, stale)
            else:
                result = self.linter.lint(path.absolute(), display, text, stale)
            snap.messages += [(m, T.MessageType.Warning) for m in result.errors]
            if result.config_error:
                snap.messages.append((result.config_error, T.MessageType.Error))
                snap.lsp = [config_diagnostic(result.config_error)]
                return snap
            snap.diagnostics = result.diagnostics
            snap.rules = result.rules
            snap.lsp = [to_lsp(d, snap) for d in result.diagnostics]
            return snap
        except Cancelled:
            raise
        except Exception as exc:  # never let one buffer take the server down
            log.exception("linting %s failed", uri)
            snap.messages.append((f"linting {uri} failed: {type(exc).__name__}: {exc}", T.MessageType.Error))
            snap.failed = True
            return snap

    def close(self, uri: str) -> None:
        self.latest.pop(uri, None)
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        self.snapshots.pop(uri, None)
        self.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    async def config_changed(self, paths: list[Path]) -> None:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self.pool, lambda: [self.linter.config_changed(p) for p in paths])
        self.reported.clear()
        for uri in list(self.workspace.text_documents):
            self.snapshots.pop(uri, None)
            self.schedule(uri, 0)


# ----- conversion -------------------------------------------------------
def rule_href(rule) -> str | None:
    """``codeDescription.href``: the ``file://`` URI of the rule's TOML file,
    the one record that holds its documentation (offline, always current)."""
    try:
        return Path(rule.file).resolve().as_uri()
    except (ValueError, OSError, AttributeError):
        return None


def lsp_range(index: LineIndex, start: int, end: int) -> T.Range:
    (sl, sc), (el, ec) = index.position(start), index.position(max(start, end))
    return T.Range(start=T.Position(line=sl, character=sc), end=T.Position(line=el, character=ec))


def to_lsp(d: Diagnostic, snap: Snapshot) -> T.Diagnostic:
    rule = snap.rules.get(d.code)
    href = rule_href(rule) if rule is not None else None
    message = d.message + (f"\n{d.help}" if d.help else "")
    return T.Diagnostic(
        range=lsp_range(snap.index, d.start, d.end),
        message=message,
        severity=SEVERITIES.get(d.severity, T.DiagnosticSeverity.Warning),
        code=d.code,
        code_description=T.CodeDescription(href=href) if href else None,
        source=SOURCE,
        tags=[T.DiagnosticTag.Unnecessary] if d.rule == "unused-suppression" else None,
        data={"rule": d.rule, "fixable": d.fix is not None},
    )


def config_diagnostic(error: str) -> T.Diagnostic:
    return T.Diagnostic(
        range=T.Range(start=T.Position(line=0, character=0), end=T.Position(line=0, character=0)),
        message=f"newslint configuration error: {error}",
        severity=T.DiagnosticSeverity.Error,
        code="config",
        source=SOURCE,
    )


def hover_text(hits: list[Diagnostic], rules: dict) -> str:
    parts, seen = [], set()
    for d in hits:
        part = f"**{d.code}** ({d.rule}): {d.message}"
        if d.help:
            part += f"\n\n{d.help}"
        rule = rules.get(d.code)
        if rule is not None and d.code not in seen:
            seen.add(d.code)
            part += "\n\n" + rule.docs()
        parts.append(part)
    return "\n\n---\n\n".join(parts)


def disable_edit(text: str, d: Diagnostic) -> tuple[int, int, str]:
    """``(start, end, replacement)`` that suppresses ``d`` on its line: a
    ``newslint-disable-next-line CODE`` comment on its own line above (with the
    line's indentation), or the code added to such a directive already there."""
    line_start = text.rfind("\n", 0, d.start) + 1
    if line_start > 0:
        prev_start = text.rfind("\n", 0, line_start - 1) + 1
        prev = text[prev_start : line_start - 1].rstrip("\r")
        m = _PREVIOUS_DIRECTIVE.match(prev)
        if m:
            codes = m.group("codes").split()
            if codes and d.code not in codes:
                at = prev_start + m.end("codes")
                return at, at, f" {d.code}"
    line = text[line_start:]
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    brk = "\r\n" if "\r\n" in text[: max(text.find("\n") + 1, 0)] else "\n"
    return line_start, line_start, f"{indent}<!-- {DIRECTIVE} {d.code} -->{brk}"


def workspace_edit(ls: NewslintServer, snap: Snapshot, edits: list[tuple[int, int, str]]) -> T.WorkspaceEdit:
    text_edits = [T.TextEdit(range=lsp_range(snap.index, s, e), new_text=r) for s, e, r in edits]
    caps = ls.client_capabilities
    versioned = bool(caps and caps.workspace and caps.workspace.workspace_edit and caps.workspace.workspace_edit.document_changes)
    if versioned and snap.version is not None:
        ident = T.OptionalVersionedTextDocumentIdentifier(uri=snap.uri, version=snap.version)
        return T.WorkspaceEdit(document_changes=[T.TextDocumentEdit(text_document=ident, edits=text_edits)])
    return T.WorkspaceEdit(changes={snap.uri: text_edits})


FIX_ALL = "source.fixAll.newslint"
ADD_TO_VOCABULARY = "newslint.addToVocabulary"
#: Findings about a word or name the house may simply accept: names, spellings, English terms.
VOCABULARY_CATEGORIES = ("translation", "grammar")


def wants_fix_all(only) -> bool:
    kinds = [str(getattr(k, "value", k)) for k in only or []]
    return any(k in ("source", "source.fixAll", FIX_ALL) for k in kinds)


def fix_all_action(ls: NewslintServer, snap: Snapshot, fixed: str) -> T.CodeAction | None:
    """One edit from the first to the last changed character."""
    if fixed == snap.text:
        return None
    text = snap.text
    start = 0
    limit = min(len(text), len(fixed))
    while start < limit and text[start] == fixed[start]:
        start += 1
    end_old, end_new = len(text), len(fixed)
    while end_old > start and end_new > start and text[end_old - 1] == fixed[end_new - 1]:
        end_old -= 1
        end_new -= 1
    edit = workspace_edit(ls, snap, [(start, end_old, fixed[start:end_new])])
    return T.CodeAction(title="newslint: alle sicheren Korrekturen anwenden", kind=FIX_ALL, edit=edit)


def vocabulary_word(snap: Snapshot, d: Diagnostic) -> str | None:
    """The word or name of a finding the house could accept (a name, a spelling), if it is one."""
    if d.category not in VOCABULARY_CATEGORIES:
        return None
    word = " ".join(snap.text[d.start : d.end].split()).strip(" .,;:!?„“”\"'()")
    if not word or len(word.split()) > 4 or len(word) > 60:
        return None
    return word


def code_actions(ls: NewslintServer, snap: Snapshot, params: T.CodeActionParams) -> list[T.CodeAction]:
    only = params.context.only if params.context else None
    if only and not any(str(getattr(k, "value", k)).startswith("quickfix") or str(getattr(k, "value", k)) == "" for k in only):
        return []
    start = snap.index.offset(params.range.start.line, params.range.start.character)
    end = snap.index.offset(params.range.end.line, params.range.end.character)
    actions: list[T.CodeAction] = []
    disabled = set()
    for d, lsp in zip(snap.diagnostics, snap.lsp):
        if not (d.start <= end and d.end >= start):
            continue
        if d.fix is not None and d.fix.edits:
            title = f"{d.code}: {d.fix.title}" if d.fix.title else f"{d.code}: Korrektur anwenden"
            edits = [(e.start, e.end, e.replacement) for e in d.fix.edits]
            actions.append(
                T.CodeAction(
                    title=title,
                    kind=T.CodeActionKind.QuickFix,
                    diagnostics=[lsp],
                    is_preferred=d.fix.applicability == "safe",
                    edit=workspace_edit(ls, snap, edits),
                )
            )
        word = vocabulary_word(snap, d)
        if word is not None:
            actions.append(
                T.CodeAction(
                    title=f"„{word}“ ins Hausvokabular aufnehmen",
                    kind=T.CodeActionKind.QuickFix,
                    diagnostics=[lsp],
                    command=T.Command(title="Ins Hausvokabular aufnehmen", command=ADD_TO_VOCABULARY, arguments=[snap.uri, word]),
                )
            )
        if d.rule == "unused-suppression":
            continue  # suppressing the suppression check on a directive helps nobody
        line_start = snap.text.rfind("\n", 0, d.start) + 1
        if (d.code, line_start) in disabled:
            continue
        disabled.add((d.code, line_start))
        actions.append(
            T.CodeAction(
                title=f"{d.code} für diese Zeile unterdrücken",
                kind=T.CodeActionKind.QuickFix,
                diagnostics=[lsp],
                edit=workspace_edit(ls, snap, [disable_edit(snap.text, d)]),
            )
        )
    return actions


# ----- the server -------------------------------------------------------
def build_server(debounce: float = DEBOUNCE, config: Path | None = None, selection: Selection | None = None) -> NewslintServer:
    server = NewslintServer(debounce, config, selection)

    @server.feature(T.INITIALIZED)
    def initialized(ls: NewslintServer, params: T.InitializedParams):
        for message in ls.linter.workspace.registry.errors:
            ls.log(message, T.MessageType.Error)
        caps = ls.client_capabilities
        watch = caps and caps.workspace and caps.workspace.did_change_watched_files
        if watch and watch.dynamic_registration:
            globs = [f"**/{name}" for name in CONFIG_NAMES] + [DATA_FILES]
            watchers = [T.FileSystemWatcher(glob_pattern=glob) for glob in globs]
            options = T.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
            registration = T.Registration(id="newslint-config", method=T.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)
            try:
                ls.client_register_capability(T.RegistrationParams(registrations=[registration]))
            except Exception as exc:
                ls.log(f"cannot watch configuration files: {exc}")
        # Warm the default engine (rules, word lists, patterns) before the first buffer.
        ls.pool.submit(_warm, ls)

    @server.feature(T.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintServer, params: T.DidOpenTextDocumentParams):
        ls.schedule(params.text_document.uri, 0)

    @server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintServer, params: T.DidChangeTextDocumentParams):
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(T.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NewslintServer, params: T.DidSaveTextDocumentParams):
        pass  # the buffer is linted as it changes; saving changes nothing

    @server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintServer, params: T.DidCloseTextDocumentParams):
        ls.close(params.text_document.uri)

    @server.feature(T.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def did_change_watched_files(ls: NewslintServer, params: T.DidChangeWatchedFilesParams):
        paths = [uri_to_path(c.uri) for c in params.changes if urlparse(c.uri).scheme == "file"]
        if paths:
            await ls.config_changed(paths)

    @server.feature(T.TEXT_DOCUMENT_HOVER)
    async def hover(ls: NewslintServer, params: T.HoverParams):
        snap = await ls.snapshot(params.text_document.uri)
        if snap is None:
            return None
        at = snap.index.offset(params.position.line, params.position.character)
        hits = [d for d in snap.diagnostics if d.start <= at <= d.end]
        if not hits:
            return None
        caps = ls.client_capabilities
        formats = (caps.text_document and caps.text_document.hover and caps.text_document.hover.content_format) or []
        kind = T.MarkupKind.Markdown if not formats or T.MarkupKind.Markdown in formats else T.MarkupKind.PlainText
        return T.Hover(
            contents=T.MarkupContent(kind=kind, value=hover_text(hits, snap.rules)),
            range=lsp_range(snap.index, hits[0].start, hits[0].end),
        )

    @server.feature(
        T.TEXT_DOCUMENT_CODE_ACTION,
        T.CodeActionOptions(code_action_kinds=[T.CodeActionKind.QuickFix, FIX_ALL], resolve_provider=False),
    )
    async def code_action(ls: NewslintServer, params: T.CodeActionParams):
        snap = await ls.snapshot(params.text_document.uri)
        if snap is None:
            return []
        only = params.context.only if params.context else None
        if wants_fix_all(only):
            if not snap.display:
                return []
            loop = asyncio.get_running_loop()
            fixed = await loop.run_in_executor(ls.pool, ls.linter.fix_all, snap.path.absolute(), snap.display, snap.text)
            action = fix_all_action(ls, snap, fixed)
            return [action] if action else []
        return code_actions(ls, snap, params)

    @server.command(ADD_TO_VOCABULARY)
    async def add_to_vocabulary(ls: NewslintServer, *args):
        values = list(args[0]) if len(args) == 1 and isinstance(args[0], (list, tuple)) else list(args)
        if len(values) != 2 or not all(isinstance(v, str) for v in values):
            ls.show_once("newslint.addToVocabulary erwartet [uri, Wort]")
            return None
        uri, word = values
        path = uri_to_path(uri, ls.root()).absolute()
        loop = asyncio.get_running_loop()
        try:
            message = await loop.run_in_executor(ls.pool, ls.linter.add_to_vocabulary, path, word)
        except Exception as exc:
            ls.show_once(f"cannot add {word!r} to the house vocabulary: {exc}")
            return None
        ls.window_show_message(T.ShowMessageParams(type=T.MessageType.Info, message=f"newslint: {message}"))
        for open_uri in list(ls.workspace.text_documents):
            ls.snapshots.pop(open_uri, None)
            ls.schedule(open_uri, 0)
        return message

    @server.feature(T.SHUTDOWN)
    def shutdown(ls: NewslintServer, *args):
        for timer in ls.timers.values():
            timer.cancel()
        ls.timers.clear()
        ls.isolated.stop()  # the large-buffer worker process ends with the server

    @server.feature(T.EXIT)
    def exit_(ls: NewslintServer, *args):
        # pygls would wait for its stdin reader thread; end the process now, and
        # the large-buffer worker with it (it would outlive a hard exit).
        code = 0 if ls.protocol._shutdown else 1
        ls.isolated.stop()
        _hard_exit(code)

    return server


def _warm(ls: NewslintServer) -> None:
    try:
        ls.linter.engine_for(Path(ls.root() or os.getcwd()) / "newslint-warmup.md").lint("warmup.md", "Ein Satz.\n")
    except Exception:
        pass  # a configuration error is reported when a buffer is linted


def _hard_exit(code: int) -> None:
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def serve(debounce: float = DEBOUNCE, config: Path | None = None, selection: Selection | None = None) -> int:
    """Run the server over stdio until the client says ``exit`` (or goes away)."""
    server = build_server(debounce, config, selection)
    server.start_io()
    # stdin closed without shutdown/exit: the client went away.
    _hard_exit(0 if server.protocol._shutdown else 1)
    return 1
