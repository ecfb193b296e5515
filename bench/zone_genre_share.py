"""The share zone and genre analysis add to a corpus run, measured in one process.

    .venv/bin/python bench/zone_genre_share.py [FOLDER] [--repeat N]

Lints the corpus (every pack but grammar and the structure pack, whose rules
are new work, not analysis) twice in turn, N times: once as shipped, once
with the engine's per-finding zone and profile step switched off
(``Engine._profiled``). The difference in CPU time (best of N each) is what
zones, genre and profiles cost.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from lint.engine.core import Engine, Selection

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "gnad"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    texts = [(str(p), p.read_text(encoding="utf-8")) for p in sorted(args.folder.glob("*.txt"))]
    with_zones = Engine(selection=Selection(ignore=["grammar", "structure"]))
    without = Engine(selection=Selection(ignore=["grammar", "structure"]))
    without._profiled = lambda doc, d: True  # no zone, no genre, no profile

    def cost(engine: Engine) -> float:
        start = time.process_time()
        for path, text in texts:
            engine.lint(path, text)
        return time.process_time() - start

    cost(with_zones), cost(without)  # warm
    a, b = [], []
    for _ in range(args.repeat):
        a.append(cost(with_zones))
        b.append(cost(without))
    print(f"with zones, genre, profiles: {min(a):.3f} s CPU; without: {min(b):.3f} s; added: {min(a) / min(b) - 1:.1%}")


if __name__ == "__main__":
    main()
