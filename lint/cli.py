"""The ``newslint`` command. Each subcommand lives in ``lint.commands.<name>``
with ``add_parser(subparsers)`` and ``run(args) -> int``; only the chosen one
is imported, so ``newslint --version`` and ``--help`` load no pack."""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys

from lint import __version__

# name -> (module in lint.commands, one-line help)
COMMANDS = {
    "check": ("check", "lint files, folders or standard input"),
    "rules": ("rules", "list every rule"),
    "rule": ("rules", "show the German documentation of one rule"),
    "stats": ("stats", "readability metrics and counts of each article"),
    "lsp": ("lsp", "run the language server over stdio"),
    "audit": ("audit", "lint an archive (folder, JSON Lines, CSV, Parquet) into a Parquet dataset"),
    "clean": ("clean", "remove the result cache (.newslint_cache/) and newslint's user cache"),
    "serve": ("serve", "local web app for editors on 127.0.0.1 (needs the web extra)"),
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors exit 2 with one line, like every other error
        self.print_usage(sys.stderr)
        self.exit(2, f"newslint: error: {message}\n")


def build_parser(argv: list[str]) -> argparse.ArgumentParser:
    parser = _Parser(prog="newslint", description="Editorial style and quality linter for German news text.")
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    chosen = next((a for a in argv if a in COMMANDS), None)
    for name, (module, help_text) in COMMANDS.items():
        if name == chosen:
            importlib.import_module(f"lint.commands.{module}").add_parser(sub, name, help_text)
        elif not _command_first(argv, chosen):
            sub.add_parser(name, help=help_text, add_help=False)
    return parser


def _command_first(argv: list[str], chosen: str | None) -> bool:
    """Whether the command comes first (``newslint check ...``): the main parser then
    hands every other argument to the command's parser, and the other commands, named
    only in the main parser's help and errors, need no parser (each costs more than a
    percent of a one-article run)."""
    return chosen is not None and argv[0] == chosen


#: Allocations between two young-generation garbage collections (Python's default: 700).
#: Start-up loads word lists, tables and matchers by the ten thousand objects, nearly
#: all kept for the whole run, and each collection walks the young ones again: at 700
#: collecting cost 3% of a cold start and of a run over a few articles. At 20,000 a run
#: over the corpus still spent 8-16 ms in 8 collections, most of it in one that walked
#: the loaded tables; at 50,000 it spends about 1 ms in 6, with the same peak memory
#: (54 MB: documents release their analysis, so little waits for the collector).
GC_YOUNG_THRESHOLD = 50_000


def main(argv: list[str] | None = None) -> int:
    """Run the command in ``argv`` (default: the process's own command line; a
    check run that way ends the process without the interpreter's teardown)."""
    own_command_line = argv is None
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in _SERVER_COMMANDS:  # from the first import on; not for the long-running servers
        gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    code = _run(args)
    if own_command_line and args.command == "check" and not _observed():
        _exit_without_teardown(code)
    return code


#: Commands that keep running (the collector keeps its default pace there; the others
#: run once over their input and end, so it may wait longer).
_SERVER_COMMANDS = frozenset(("lsp", "serve"))


def _observed() -> bool:
    """Whether a profiler, tracer or monitoring tool (coverage, cProfile on Python
    3.12+, which uses ``sys.monitoring``) watches the run: it writes at teardown."""
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return True
    monitoring = getattr(sys, "monitoring", None)
    return monitoring is not None and any(monitoring.get_tool(i) for i in range(6))


def _exit_without_teardown(code: int) -> None:
    """End the process now that a check is done: flush the output, run the exit
    handlers (the cache's pruning, the worker pool's), and skip the interpreter's
    teardown, which frees the loaded word lists, tables and matchers object by
    object after a last garbage collection over all of them (3.5% of the
    instructions of a one-file run, more of its time). Not under a profiler or a
    tracer (coverage): they write their results at teardown."""
    import atexit

    atexit._run_exitfuncs()  # a private API of CPython (and PyPy): the handlers first, their output too
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # a closed pipe (``| head``) or stream: nothing more to say
            pass
        except OSError:  # a full disk, an I/O error: the output is incomplete, say so by the exit code
            code = code or 1
    os._exit(code)


def _run(args: argparse.Namespace) -> int:
    from lint.model.errors import UserError

    try:
        module = COMMANDS[args.command][0]
        return importlib.import_module(f"lint.commands.{module}").run(args)
    except UserError as exc:
        print(f"newslint: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: one line for the user, the traceback on request
        if os.environ.get("NEWSLINT_DEBUG"):
            raise
        print(
            f"newslint: internal error: {type(exc).__name__}: {exc} "
            "(please report it; NEWSLINT_DEBUG=1 shows the traceback)",
            file=sys.stderr,
        )
        return 2
