"""``newslint check [PATH ...]``: lint files, folders (recursively) or ``-`` (stdin).

Exit codes: 0 no warning or error at or above ``--fail-on`` (default: warning);
1 findings at or above it; 2 usage, configuration or input error. Hints
(severity info) never fail a run; the terminal formats show them with
``--show-hints``, the machine formats (JSON, SARIF, ...) always.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import stat
import sys
from pathlib import Path
from typing import Callable

from lint.model.diagnostics import Diagnostic, Severity
from lint.engine.core import Selection, Workspace
from lint.model.errors import InputError, UserError
from lint.engine.fileio import atomic_write
from lint.formats import Report
from lint.engine.batch import lint_batch, result_cache_for
from lint.engine.inputs import DEFAULT_MAX_FILE_SIZE, read_inputs
from lint.model.config import FAIL_ON

#: ``--fail-on`` when neither the command line nor the configuration says.
DEFAULT_FAIL_ON = "warning"

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}


def add_parser(sub, name: str, help_text: str) -> None:
    p = sub.add_parser(name, help=help_text, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; '-' reads standard input")
    p.add_argument("--format", default="auto", help="output format (full, concise, json, ...; default: auto)")
    p.add_argument("--select", help="comma-separated codes, prefixes, names, packs or categories to run")
    p.add_argument("--ignore", help="comma-separated codes, prefixes, names, packs or categories to skip")
    p.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity that fails the run (default: the configuration's fail-on, else warning; hints never fail)")
    p.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                   help="worker processes (default: the number of CPUs; a small run stays in one process)")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache (.newslint_cache/)")
    p.add_argument("--show-hints", action="store_true", help="also show hints (severity info) in the terminal formats full and concise; the machine formats always carry them")
    p.add_argument("--config", type=Path, help="configuration file (default: found from each file's folder upwards)")
    p.add_argument("--stdin-filename", help="name for standard input (format and configuration lookup)")
    add_genre_option(p)
    p.add_argument("--no-color", action="store_true", help="never colour the output")
    p.add_argument("--max-file-size", type=_megabytes, metavar="MB",
                   help="refuse files larger than MB megabytes (exit 2; default: the configuration's max-file-size, else 25; 0: no limit)")
    p.add_argument("--output-file", type=Path, help="write the report to this file (atomically)")
    p.add_argument("--baseline", type=Path, metavar="FILE", help="report and fail only on findings not recorded in this baseline")
    p.add_argument("--write-baseline", type=Path, metavar="FILE", help="record today's findings in FILE (exit 0 unless an error)")
    p.add_argument("--fix", action="store_true", help="apply every safe fix, then report what is left")
    p.add_argument("--unsafe-fixes", action="store_true", help="with --fix/--diff/--fix-only: apply unsafe fixes too")
    p.add_argument("--diff", action="store_true", help="print a unified diff of what --fix would change; write nothing")
    p.add_argument("--fix-only", action="store_true", help="apply fixes and report nothing else")


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes (1 or more), got {value!r}")
    return jobs


def _megabytes(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not (number >= 0 and number != float("inf")):
        raise argparse.ArgumentTypeError(f"expected a number of megabytes (0 or more; 0: no limit), got {value!r}")
    return number


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


def _excluded(name: str, config) -> bool:
    """Whether the configuration's include/exclude patterns leave the file ``name`` out.
    Without patterns nothing is: no path object is made (a run asked for every file)."""
    if not config.exclude and not config.include:
        return False
    path = Path(name)
    try:
        rel = path.resolve().relative_to(config.root).as_posix()
    except ValueError:
        rel = path.as_posix()
    if any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(path.name, g) for g in config.exclude):
        return True
    return bool(config.include) and not any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(path.name, g) for g in config.include)


def _suffix(name: str) -> str:
    """``Path(name).suffix`` of a name without a separator (an entry of a folder),
    without making a path object for each file of the folder."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def _is_dir(raw: str) -> bool | None:
    """Whether ``Path(raw)`` is a folder (True), another existing file (False), or
    neither (None), in one ``os.stat`` of the name as given. Where that fails (no such
    file, or a name such as ``file.txt/`` that names another file once ``Path`` has
    normalised it), ``Path``'s own ``is_dir`` and ``exists`` answer, errors included.
    A name that ``os.stat`` finds names the same file as ``Path(raw)``: the path only
    drops ``.`` parts, doubled and trailing slashes (which a ``stat`` that succeeds
    resolves alike)."""
    try:
        return stat.S_ISDIR(os.stat(raw).st_mode)
    except (OSError, ValueError):
        path = Path(raw)
        return True if path.is_dir() else False if path.exists() else None


def collect(paths: list[str], extensions: set[str], problems: list[str]) -> list[str]:
    """Expand folders (recursively, sorted) into files with a known extension."""
    files: list[str] = []
    for raw in paths:
        if raw == "-":
            files.append(raw)
            continue
        is_dir = _is_dir(raw)
        if is_dir:
            found = []
            for folder, dirs, names in os.walk(Path(raw)):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                found += [os.path.join(folder, n) for n in sorted(names) if _suffix(n).lower() in extensions]
            if not found:
                problems.append(f"{raw}: folder holds no file to lint ({', '.join(sorted(extensions))})")
            files += found
        elif is_dir is not None:
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
    fixer = None
    if args.fix or args.diff or args.fix_only:
        if args.diff and (args.fix or args.fix_only):
            raise UserError("--diff shows what --fix would change: give one of them")
        from lint.commands.fixing import Fixer

        fixer = Fixer(unsafe=args.unsafe_fixes, diff_only=args.diff)
    elif args.unsafe_fixes:
        raise UserError("--unsafe-fixes goes with --fix, --fix-only or --diff")
    known_findings = None
    if args.baseline is not None:
        from lint.engine.baseline import Baseline

        known_findings = Baseline.load(args.baseline)

    want_fingerprints = bool(args.baseline or args.write_baseline or registry.formats[fmt_name].fingerprints)
    problems: list[str] = []
    notices: list[str] = []
    files = collect(args.paths, registry.extensions, problems)
    named = set(args.paths)

    def skip(name: str) -> bool:
        """Excluded files are skipped unread, also when named explicitly (pre-commit
        passes them) — but a file named on the command line is never skipped silently."""
        if not _excluded(name, workspace.engine_for_file(name).config):
            return False
        if name in named:
            notices.append(f"{name}: excluded by the configuration (include/exclude); not linted")
        return True

    def limit(name: str) -> float:
        if args.max_file_size is not None:
            return args.max_file_size
        return workspace.engine_for_file(name).config.setting("max-file-size", DEFAULT_MAX_FILE_SIZE)

    inputs = list(read_inputs(files, args.stdin_filename, problems, notices, skip=skip, limit=limit))
    if fixer is not None:
        inputs = [item._replace(text=_fixed(fixer, workspace, item, args, problems)) for item in inputs]
        if args.diff or args.fix_only or fixer.stdin_text is not None:
            return _fix_outcome(args, fixer, problems, notices)
    cache = result_cache_for(args.select, args.ignore, args.config, enabled=not args.no_cache)
    results = lint_batch(workspace, inputs, jobs=args.jobs, cache=cache, fingerprints=want_fingerprints, show_progress=True, freeze=True)
    diagnostics: list[Diagnostic] = []
    sources: dict[str, str] = {}
    checked: list[str] = []
    fail_on_of: dict[str, str | None] = {}  # each file's configured threshold
    for item, result in zip(inputs, results):
        engine = workspace.engine_for_file(item.lookup)
        sources[item.display] = item.text
        checked.append(item.display)
        fail_on_of[item.display] = engine.config.fail_on
        diagnostics.extend(result.diagnostics)
        problems.extend(result.errors)
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
    shown, hidden_hints = diagnostics, 0
    if registry.formats[fmt_name].terminal and not args.show_hints:
        shown = [d for d in diagnostics if d.severity > Severity.INFO]
        hidden_hints = len(diagnostics) - len(shown)
    report = Report(shown, checked, sources, rules, color, notices)
    try:
        output = registry.formats[fmt_name].render(report)
    except Exception as exc:  # a broken (third-party) format: one error line, exit 2
        where = getattr(registry.formats[fmt_name].render, "__module__", "?")
        raise UserError(f"format {fmt_name!r} ({where}) failed: {type(exc).__name__}: {exc}") from None
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

    if fixer is not None:
        from lint.commands.fixing import fix_summary

        print(fix_summary(fixer.applied, fixer.files_changed, would=False), file=sys.stderr)

    sys.stderr.write(summarise(report, known, args.output_file and str(args.output_file), written, hidden_hints))
    if problems:
        return 2
    if written is not None:
        return 0
    return exit_code(diagnostics, lambda path: args.fail_on or fail_on_of.get(path) or DEFAULT_FAIL_ON)


def _fixed(fixer, workspace, item, args, problems: list[str]) -> str:
    """The input's text after fixing (written back unless --diff or standard input)."""
    engine = workspace.engine_for_file(item.lookup)
    is_stdin = "-" in args.paths and item.display == (args.stdin_filename or "-")
    try:
        return fixer.fix(engine, item.display, item.text, problems, is_stdin)
    except InputError as exc:
        problems.append(f"{item.display}: {exc}")
        return item.text


def _fix_outcome(args, fixer, problems: list[str], notices: list[str]) -> int:
    """--diff, --fix-only and --fix on standard input: no report of the findings."""
    from lint.commands.fixing import fix_summary

    if args.diff:
        sys.stdout.write("".join(fixer.diffs))
    elif fixer.stdin_text is not None:
        sys.stdout.write(fixer.stdin_text)
    sys.stdout.flush()
    for line in notices:
        print(f"newslint: note: {line}", file=sys.stderr)
    for line in problems:
        print(f"newslint: error: {line}", file=sys.stderr)
    print(fix_summary(fixer.applied, fixer.files_changed, would=args.diff), file=sys.stderr)
    if problems:
        return 2
    return 1 if args.diff and fixer.diffs else 0


def exit_code(diagnostics: list[Diagnostic], fail_on: Callable[[str], str]) -> int:
    """1 when a warning or error reaches the threshold of its file (``fail_on(path)``), else 0.

    Hints (info) never fail a run, whatever the threshold."""
    for d in diagnostics:
        threshold = fail_on(d.path)
        if threshold != "never" and d.severity > Severity.INFO and d.severity >= Severity.parse(threshold):
            return 1
    return 0
