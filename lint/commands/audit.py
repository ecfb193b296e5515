"""``newslint audit SOURCE --out findings.parquet``: lint an archive, findings as Parquet.

SOURCE is a folder of articles, a JSON Lines or CSV export of a CMS (fields
mapped to zones as for ``check``; id and date kept), or a Parquet file. The
findings go to a partitioned Parquet dataset (a folder, one file per
partition, one row per finding); a summary (findings per 1,000 words by
category, section and month; the worst articles) is printed and written
beside the parts as ``_summary.txt`` and ``_summary.html``.

Locally it runs on worker processes (``--jobs``); ``--scheduler
dask://HOST:PORT`` (or ``[tool.newslint.audit] scheduler``) runs the same job
on a Dask cluster. A re-run skips the partitions already written.
Needs the extra: ``pip install 'newslint[audit]'`` (Dask and pyarrow).

Exit codes: 0 the audit ran (findings are its result, not a failure);
2 usage or input error, or some articles could not be read.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from lint.model.errors import UserError


def add_parser(sub, name: str, help_text: str) -> None:
    p = sub.add_parser(name, help=help_text, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("source", type=Path, metavar="SOURCE", help="folder, .jsonl, .csv or .parquet export")
    p.add_argument("--out", type=Path, required=True, help="the Parquet dataset to write (a folder)")
    p.add_argument("--scheduler", help="dask://HOST:PORT of a Dask scheduler (default: local worker processes)")
    p.add_argument("-j", "--jobs", type=int, help="local worker processes (default: the number of CPUs)")
    p.add_argument("--partition-size", type=int, default=500, help="articles per partition (default: 500)")
    p.add_argument("--config", type=Path, help="configuration file (default: found from SOURCE's folder upwards)")
    p.add_argument("--select", help="comma-separated rules to run (codes, prefixes, names, packs, categories)")
    p.add_argument("--ignore", help="comma-separated rules to skip")
    p.add_argument("--quiet", action="store_true", help="print no summary")


def _dask_address(value: str) -> str:
    if not value.startswith(("dask://", "tcp://", "tls://")):
        raise UserError(f"--scheduler {value!r}: expected dask://HOST:PORT")
    return "tcp://" + value[len("dask://"):] if value.startswith("dask://") else value


def _require_extra() -> None:
    import importlib.util

    missing = [m for m in ("pyarrow",) if importlib.util.find_spec(m) is None]
    if missing:
        raise UserError("audit needs pyarrow (and Dask for --scheduler): pip install 'newslint[audit]'")


def run(args) -> int:
    from lint.audit.job import Settings
    from lint.audit.partitions import source_kind
    from lint.audit.report import write_summaries
    from lint.audit.runner import default_jobs, run_dask, run_local
    from lint.engine.core import Workspace

    _require_extra()
    if not args.source.exists():
        raise UserError(f"{args.source}: no such file or folder")
    source_kind(args.source)
    if args.partition_size < 1:
        raise UserError("--partition-size must be at least 1")
    if args.out.exists() and not args.out.is_dir():
        raise UserError(f"{args.out}: exists and is not a folder (the findings are a partitioned Parquet dataset)")
    config = args.config
    if config is None:
        found = Workspace().config_file_for(args.source.resolve() / "x" if args.source.is_dir() else args.source.resolve())
        config = found
    settings = Settings(str(config) if config else None, args.select, args.ignore)
    scheduler = args.scheduler
    if scheduler is None:
        engine = Workspace(Path(config) if config else None).engine_for(args.source.resolve())
        scheduler = (engine.config.setting("audit") or {}).get("scheduler")
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if scheduler:
        result = run_dask(_dask_address(scheduler), args.source, args.out, settings, args.partition_size)
    else:
        progress = _progress if sys.stderr.isatty() else (lambda r: None)
        result = run_local(args.source, args.out, settings, args.jobs or default_jobs(), args.partition_size, progress)
    elapsed = time.perf_counter() - started
    text = write_summaries(args.out, result.summary)
    if not args.quiet:
        sys.stdout.write(text)
    if sys.stderr.isatty() and not args.scheduler:
        sys.stderr.write("\n")
    words = f"{result.summary.words:,}".replace(",", ".")
    print(
        f"newslint audit: {result.partitions} Partitionen ({result.skipped} schon geschrieben, übersprungen), "
        f"{result.findings} neue Befunde, {words} Wörter in {elapsed:.1f} s → {args.out}",
        file=sys.stderr,
    )
    for problem in result.problems:
        print(f"newslint: error: {problem}", file=sys.stderr)
    return 2 if result.problems else 0


def _progress(result) -> None:
    sys.stderr.write(f"\r  {result.partitions} Partitionen, {result.summary.articles} Artikel …")
    sys.stderr.flush()
