"""Keep word lists tidy: ``python -m lint.language.sortlists rules/*/data/*.txt``.

Within each run of entry lines (runs are separated by comment or blank lines,
so a list can keep commented sections) entries are sorted case-insensitively
and exact duplicates are dropped. Files are rewritten atomically.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lint.engine.fileio import atomic_write


def sort_text(text: str) -> str:
    out: list[str] = []
    run: list[str] = []

    def flush():
        seen = set()
        for line in sorted(run, key=lambda l: (l.split("=>")[0].strip().casefold(), l)):
            if line not in seen:
                seen.add(line)
                out.append(line)
        run.clear()

    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            flush()
            out.append(line)
        else:
            run.append(line)
    flush()
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def main(paths: list[str]) -> int:
    changed = 0
    for name in paths:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        tidy = sort_text(text)
        if tidy != text:
            atomic_write(path, tidy)
            changed += 1
            print(f"sorted {path}")
    return 0 if not changed else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
