"""``newslint check [PATH ...]``: lint files, folders (recursively) or ``-`` (stdin).

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it;
2 usage, configuration or input error.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import sys
from pathlib import Path
from typing import Callable

from lint.model.diagnostics import Diagnostic, Severity
from lint.engine.core import Selection, Workspace
from lint.model.errors import UserError
from lint.engine.fileio import atomic_write
from lint.formats import Report
from lint.engine.inputs import read_inputs

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}


def add_parser(sub, name: str, help_text: str) -> None:
    p = sub.add_parser(name, help=help_text, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; '-' reads standard input")
    p.add_argument("--format", default="auto", help="output format (full, concise, json, ...; default: auto)")
    p.add_argument("--select", help="comma-separated codes, prefixes, names, packs or categories to run")
    p.add_argument("--ignore", help="comma-separated codes, prefixes, names, packs or categories to skip")
    p.add_argument("--fail-on", choices=("error", "warning", "info", "never"), help="lowest severity that fails (default: error)")
    p.add_argument("--config", type=Path, help="configuration file (default: found from each file's folder upwards)")
    p.add_argument("--stdin-filename", help="name for standard input (format and configuration lookup)")
    add_genre_option(p)
    p.add_argument("--no-color", action="store_true", help="never colour the output")
    p.add_argument("--output-file", type=Path, help="write the report to this file (atomically)")
    p.add_argument("--baseline", type=Path, metavar="FILE", help="report and fail only on findings not recorded in this baseline")
    p.add_argument("--write-baseline", type=Path, metavar="FILE", help="record today's findings in FILE (exit 0 unless an error)")
    p.add_argument("--default-fail-on", choices=("error", "warning", "info", "never"), default="error",
                   help="--fail-on when neither it nor the configuration says (default: error; the pre-commit hook: warning)")


def add_genre_option(parser) -> None:
    from lint.language.genre import GENRES, normalise_genre

    def genre(value: str) -> str:
        name = normalise_genre(value)
        if not name:
            raise argparse.ArgumentTypeError(f"unknown genre {value!r}; allowed: {', '.join(GENRES)}")
        return name

    parser.add_argument(
        "--genre", type=genre, metavar="GENRE",
        help=f"the genre of every file, over front matter and configuration ({', '.join(GENRES)})",
    )


def _excluded(path: Path, config) -> bool:
    if not config.exclude and not config.include:
        return False
    try:
        rel = path.resolve().relative_to(config.root).as_posix()
    except ValueError:
        rel = path.as_posix()
    if any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(path.name, g) for g in config.exclude):
        return True
    return bool(config.include) and not any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(path.name, g) for g in config.include)


def collect(paths: list[str], extensions: set[str], problems: list[str]) -> list[str]:
    """Expand folders (recursively, sorted) into files with a known extension."""
    files: list[str] = []
    for raw in paths:
        if raw == "-":
            files.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            found = []
            for folder, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                found += [os.path.join(folder, n) for n in sorted(names) if Path(n).suffix.lower() in extensions]
            if not found:
                problems.append(f"{raw}: folder holds no file to lint ({', '.join(sorted(extensions))})")
            files += found
        elif path.exists():
            files.append(raw)
        else:
            problems.append(f"{raw}: no such file or folder")
    return files


def choose_format(name: str, registry) -> str:
    if name != "auto":
        return name
    if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in registry.formats:
        return "github"
    return "full" if sys.stdout.isatty() else "concise"


def run(args: argparse.Namespace) -> int:
    selection = Selection.from_options(args.select, args.ignore)
    workspace = Workspace(args.config, selection, genre=args.genre)
    registry = workspace.registry
    fmt_name = choose_format(args.format, registry)
    if fmt_name not in registry.formats:
        raise UserError(f"unknown format {args.format!r}; available: auto, {', '.join(sorted(registry.formats))}")
    if args.config is not None and not args.config.is_file():
        raise UserError(f"configuration file not found: {args.config}")
    if not args.paths:
        raise UserError("no path given; try `newslint check .` or `newslint check -` for standard input")
    if args.paths.count("-") > 1:
        raise UserError("'-' (standard input) can be given only once")
    if args.stdin_filename and "-" not in args.paths:
        raise UserError("--stdin-filename names standard input: give '-' as a path too")
    known_findings = None
    if args.baseline is not None:
        from lint.engine.baseline import Baseline

        known_findings = Baseline.load(args.baseline)

    want_fingerprints = bool(args.baseline or args.write_baseline or registry.formats[fmt_name].fingerprints)
    if want_fingerprints:
        from lint.engine.baseline import fingerprints
    problems: list[str] = []
    notices: list[str] = []
    files = collect(args.paths, registry.extensions, problems)
    diagnostics: list[Diagnostic] = []
    sources: dict[str, str] = {}
    checked: list[str] = []
    fail_on_of: dict[str, str | None] = {}  # each file's configured threshold
    inputs = read_inputs(
        files, args.stdin_filename, problems, notices,
        # excluded files are skipped unread, also when named explicitly (pre-commit passes them)
        skip=lambda name: _excluded(Path(name), workspace.engine_for_file(name).config),
    )
    for item in inputs:
        display, text = item.display, item.text
        engine = workspace.engine_for_file(item.lookup)
        doc = engine.document(display, text)
        found = engine.lint_document(doc)
        if want_fingerprints:  # cheap while the document's sentences are at hand
            fingerprints(found, {display: text}, documents={display: doc})
        sources[display] = text
        checked.append(display)
        fail_on_of[display] = engine.config.fail_on
        diagnostics.extend(found)
        problems.extend(engine.errors)
        engine.errors.clear()
    problems[:0] = registry.errors
    rules = {}
    for engine in workspace.engines:
        notices.extend(n for n in engine.notices if n not in notices)
        rules.update({k.rule.code: k.rule for k in engine.kinds})
    known, written = 0, None
    if args.write_baseline is not None:
        from lint.engine import baseline

        written = (str(args.write_baseline), baseline.write(args.write_baseline, diagnostics, sources))
    if known_findings is not None:
        diagnostics, known = known_findings.filter(diagnostics, sources)
    color = not args.no_color and "NO_COLOR" not in os.environ and sys.stdout.isatty() and args.output_file is None
    report = Report(diagnostics, checked, sources, rules, color, notices)
    output = registry.formats[fmt_name].render(report)
    if args.output_file is not None:
        try:
            atomic_write(args.output_file, output)
        except OSError as exc:
            raise UserError(f"cannot write {args.output_file}: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(output)
        sys.stdout.flush()
    for line in notices:
        print(f"newslint: note: {line}", file=sys.stderr)
    for line in problems:
        print(f"newslint: error: {line}", file=sys.stderr)
    from lint.formats.summary import summarise

    sys.stderr.write(summarise(report, known, args.output_file and str(args.output_file), written))
    if problems:
        return 2
    if written is not None:
        return 0
    return exit_code(diagnostics, lambda path: args.fail_on or fail_on_of.get(path) or args.default_fail_on)


def exit_code(diagnostics: list[Diagnostic], fail_on: Callable[[str], str]) -> int:
    """1 when a diagnostic reaches the threshold of its file (``fail_on(path)``), else 0."""
    for d in diagnostics:
        threshold = fail_on(d.path)
        if threshold != "never" and d.severity >= Severity.parse(threshold):
            return 1
    return 0
