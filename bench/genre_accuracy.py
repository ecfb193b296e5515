"""Genre detection against labels made blind by a separate session.

    .venv/bin/python bench/genre_accuracy.py LABELS.jsonl [CORPUS_DIR]

LABELS.jsonl has one object per line: {"file": "0002-web.txt", "genre": "bericht", ...};
the files are read from CORPUS_DIR (default ../shared/corpus/gnad). Prints the
accuracy and the confusion table (rows: label, columns: detector). Measure
only: the detector must not be tuned on these labels.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from lint.engine.core import Engine
from lint.language.genre import normalise_genre


def main(argv: list[str]) -> int:
    labels = Path(argv[0])
    corpus = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "gnad"
    engine = Engine()
    pairs: list[tuple[str, str]] = []
    for line in labels.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        path = corpus / row["file"]
        doc = engine.document(str(path), path.read_text(encoding="utf-8"))
        pairs.append((normalise_genre(row["genre"]) or row["genre"], doc.analysis.genre))
    right = sum(1 for label, guess in pairs if label == guess)
    print(f"articles: {len(pairs)}  correct: {right}  accuracy: {right / len(pairs):.1%}")
    names = sorted({g for pair in pairs for g in pair})
    table = Counter(pairs)
    width = max(len(n) for n in names) + 2
    print("label \\ detector".ljust(width + 4) + "".join(n[:10].rjust(11) for n in names))
    for label in names:
        print(label.ljust(width + 4) + "".join(str(table[(label, g)] or ".").rjust(11) for g in names))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
