"""``newslint stats PATH ...``: readability metrics and counts of each article.

The same numbers the readability rules (RD) check, computed on newslint's own
sentence segmentation: Flesch reading ease after Amstad, Wiener
Sachtextformel 1-4, LIX, words per sentence, syllables per word, the share
of long words and the newsroom index (0-20). With several files a summary
(median and quartiles) follows. ``--reference`` adds textstat's German
Flesch (Amstad) and Wiener Sachtextformel 1 of the same body text, for
comparison with textstat-based dashboards (textstat is loaded only then).

Exit codes: 0 success; 2 usage or input error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from lint.model.errors import UserError

# (key, German label, format) in the order of the table.
ROWS = (
    ("sentences", "Sätze", "{:d}"),
    ("words", "Wörter", "{:d}"),
    ("syllables", "Silben", "{:d}"),
    ("asl", "Wörter je Satz", "{:.1f}"),
    ("asw", "Silben je Wort", "{:.2f}"),
    ("long_word_share", "Wörter mit mehr als 6 Buchstaben (%)", "{:.1f}"),
    ("polysyllable_share", "Wörter mit 3+ Silben (%)", "{:.1f}"),
    ("monosyllable_share", "Einsilbige Wörter (%)", "{:.1f}"),
    ("flesch_amstad", "Flesch (Amstad)", "{:.1f}"),
    ("wstf1", "Wiener Sachtextformel 1", "{:.1f}"),
    ("wstf2", "Wiener Sachtextformel 2", "{:.1f}"),
    ("wstf3", "Wiener Sachtextformel 3", "{:.1f}"),
    ("wstf4", "Wiener Sachtextformel 4", "{:.1f}"),
    ("lix", "LIX", "{:.1f}"),
    ("index", "Newsroom-Index (0–20)", "{:.1f}"),
)
# With --reference: textstat's values of the same body text (lint.language.reference).
REFERENCE_ROWS = (
    ("textstat_flesch_amstad", "textstat: Flesch (Amstad)", "{:.1f}"),
    ("textstat_wstf1", "textstat: Wiener Sachtextformel 1", "{:.1f}"),
)


def add_parser(sub, name: str, help_text: str) -> None:
    p = sub.add_parser(name, help=help_text, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; '-' reads standard input")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    p.add_argument("--config", type=Path, help="configuration file (default: found from each file's folder upwards)")
    p.add_argument("--stdin-filename", help="name for standard input (chooses the reader)")
    from lint.commands.check import _jobs, add_genre_option

    p.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                   help="worker processes (default: the number of CPUs; a small run stays in one process)")
    add_genre_option(p)
    p.add_argument(
        "--reference", action="store_true",
        help="also textstat's German Flesch (Amstad) and Wiener Sachtextformel 1 (loads textstat; slower)",
    )


def amstad_band(value: float) -> str:
    """Amstad's verbal scale of the Flesch score."""
    for limit, label in ((30, "sehr schwer"), (50, "schwer"), (60, "mittelschwer"), (70, "mittel"), (80, "mittelleicht"), (90, "leicht")):
        if value < limit:
            return label
    return "sehr leicht"


def wstf_band(value: float) -> str:
    """Bamberger and Vanecek: the school year (4 to 15) a reader needs."""
    if value < 6:
        return "leicht"
    if value < 10:
        return "mittel"
    if value < 13:
        return "schwer"
    return "sehr schwer"


def lix_band(value: float) -> str:
    """Björnsson's bands of the LIX."""
    for limit, label in ((30, "sehr leicht"), (40, "leicht"), (50, "mittel"), (60, "schwer")):
        if value < limit:
            return label
    return "sehr schwer"


BANDS = {"flesch_amstad": amstad_band, "wstf1": wstf_band, "wstf2": wstf_band, "wstf3": wstf_band,
         "wstf4": wstf_band, "lix": lix_band}


def _quartiles(values: list[float]) -> tuple[float, float, float]:
    from statistics import quantiles

    if len(values) == 1:
        return values[0], values[0], values[0]
    q1, q2, q3 = quantiles(values, n=4, method="inclusive")
    return q1, q2, q3


def index_band(value: float) -> str:
    """Where the newsroom index places a text among professionally edited news."""
    for limit, label in ((4, "schwerer als 90 % der Nachrichten"), (8, "schwer"), (12, "wie Nachrichten üblich")):
        if value < limit:
            return label
    return "leicht"


BANDS["index"] = index_band


def render_table(results: list[tuple[str, dict]]) -> str:
    out: list[str] = []
    rows = ROWS + (REFERENCE_ROWS if results and REFERENCE_ROWS[0][0] in results[0][1] else ())
    width = max(len(label) for _, label, _ in rows)
    for path, m in results:
        out.append(path)
        if "genre" in m:
            source = {"guess": "geschätzt"}.get(m["genre_source"], "angegeben")
            out.append(f"  {'Genre':<{width}}  {m['genre'] or '?'} ({source}: {m['genre_reason']})")
        for key, label, fmt in rows:
            value = fmt.format(m[key]).replace(".", ",")
            band = BANDS.get(key)
            note = f"  {band(m[key])}" if band and m["words"] else ""
            out.append(f"  {label:<{width}}  {value:>7}{note}")
        out.append("")
    if len(results) > 1:
        measured = [m for _, m in results if m["words"]]
        out.append(f"Zusammenfassung über {len(measured)} Texte mit Wörtern (Quartile: 25 % · Median · 75 %)")
        for key, label, fmt in rows:
            values = [m[key] for m in measured]
            if not values:
                break
            q = _quartiles(values)
            cell = "{:.0f}" if fmt == "{:d}" else fmt
            cells = " · ".join(cell.format(v).replace(".", ",") for v in q)
            out.append(f"  {label:<{width}}  {cells}")
        out.append("")
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    from lint.commands.check import collect
    from lint.engine.core import Selection, Workspace
    from lint.engine.inputs import read_inputs
    from lint.language.readability import analyse, newsroom_index

    if not args.paths:
        raise UserError("no path given; try `newslint stats artikel.txt` or `newslint stats -` for standard input")
    if args.config is not None and not args.config.is_file():
        raise UserError(f"configuration file not found: {args.config}")
    workspace = Workspace(args.config, Selection(select=[]), genre=args.genre)
    problems: list[str] = []
    files = collect(args.paths, workspace.registry.extensions, problems)
    notices: list[str] = []
    inputs = list(read_inputs(files, args.stdin_filename, problems, notices))
    engines = [workspace.engine_for_file(item.lookup) for item in inputs]  # built before any fork

    def measure(index: int) -> tuple[str, dict]:
        item = inputs[index]
        doc = engines[index].document(item.display, item.text)
        a = analyse(doc)
        guess = doc.analysis.genre_guess
        row = {**a.metrics.as_dict(), "index": round(newsroom_index(a).value, 2),
               "genre": guess.genre, "genre_source": guess.source, "genre_reason": guess.reason}
        if args.reference:
            from lint.language.reference import textstat_metrics

            row.update(textstat_metrics(a))
        return item.display, row

    from lint.engine import parallel

    workers = parallel.workers_for(sum(len(item.text) for item in inputs), args.jobs or parallel.default_jobs())
    results = parallel.run_ordered(measure, range(len(inputs)), workers)
    for line in notices:
        print(f"newslint: note: {line}", file=sys.stderr)
    if args.format == "json":
        sys.stdout.write(json.dumps([{"path": p, **m} for p, m in results], ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_table(results))
    for line in problems:
        print(f"newslint: error: {line}", file=sys.stderr)
    return 2 if problems else 0
