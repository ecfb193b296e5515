#!/usr/bin/env python3
"""Recall of the readability sentence rules on problems planted into real corpus sentences.

Usage (from the project root, with newslint installed):

    python bench/recall_readability.py [FOLDER]     # default: the TUNE half of ../shared/corpus/gnad

Reads sentences of the TUNE half at run time (no corpus text is stored) and plants:

- nested (RD005): into a sentence that opens "Der/Die/Das <Noun> <verb> ...", a relative
  clause with a relative clause inside after the subject, so the main verb waits for both:
  "Der Minister, der den Bericht, den die Beamten seit Monaten geschrieben hatten, gelesen
  hatte, sagte ...";
- long (RD004, a warning only when long AND hard): two body sentences of 10-30 words of one
  article that open "Der/Die/Das <Noun> <verb> ..." turned into verb-final clauses (the finite verb
  moved to the end) and stacked before the main verb of a third: "Dass der Minister den
  Bericht ... gelesen hat, obwohl die Beamten ... geschrieben hatten, überrascht <rest of a
  third sentence>" (more than 40 words: clauses before the main verb, long verb brackets).

Hard negatives, which must stay silent: the planted nested sentence as a direct quotation
(„…“, sagte sie.); two short sentences joined by a colon (a plain run-on under 50 words); a
chain of relative clauses that each end ("..., der ... hat, die ... ist"); long but clear:
two or three plain sentences without commas joined by ", und" into one of 41-60 words
(coordinated main clauses; RD004 may give a hint, never a warning).
Counts warnings only.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from lint import check_text
from lint.language.readability import measure_document

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "gnad"
OPENING = re.compile(r"^(Der|Die|Das) ([A-ZÄÖÜ][a-zäöüß]+) ([a-zäöüß]+) (.+)$")
RELATIVE = {"Der": "der", "Die": "die", "Das": "das"}
WORD = re.compile(r"\w+")
# Words that cannot be the finite verb after the subject ("Die Zahl der ...", "Die Öbib und ...").
NOT_VERBS = frozenset(
    "der die das des dem den ein eine einer eines einem einen und oder in im auf an am von vom mit für zu zum zur "
    "bei beim aus nach vor über unter als wie aber auch nur noch schon".split()
)
REPORTING = frozenset(
    (ROOT / "rules" / "readability" / "data" / "reporting-words.txt").read_text(encoding="utf-8").split()
)


def tune_half(path: Path) -> bool:
    head = path.name.split("-")[0]
    return head.isdigit() and int(head) % 4 == 0


def sentences(folder: Path):
    for path in sorted(folder.glob("*.txt")):
        if tune_half(path):
            a = measure_document(path.read_text(encoding="utf-8"))
            yield [s.text.replace("\n", " ") for s in a.sentences]


def plant_nested(s: str) -> str | None:
    m = OPENING.match(s)
    if not m or "," in s or len(WORD.findall(s)) > 25:
        return None
    article, noun, verb, rest = m.groups()
    if verb in NOT_VERBS or verb in REPORTING:
        return None
    return (f"{article} {noun}, {RELATIVE[article]} den Bericht, den die Beamten seit Monaten geschrieben hatten, "
            f"gelesen hatte, {verb} {rest}")


def verb_final(s: str) -> str | None:
    """"Der Minister las den Bericht." as "der Minister den Bericht las": the finite verb
    (the third word) moved to the end, for a sentence without a comma of 17-30 words."""
    m = OPENING.match(s)
    if not m or spoken(s) or "," in s or not 10 <= len(WORD.findall(s)) <= 30:
        return None
    article, noun, verb, rest = m.groups()
    if verb in NOT_VERBS or verb in REPORTING:
        return None
    return f"{article.lower()} {noun} {rest.rstrip('.!?')} {verb}"


def spoken(sentence: str) -> bool:
    """A source sentence that is speech already (a verb of saying, a colon, a quotation mark):
    planting length into it tests the speech exemption, not recall."""
    after_comma = re.findall(r",\s+(\w+)", sentence)
    if re.search(r"\b(?:[Ll]aut|zufolge|nach Angaben|[Ss]prich|[Ss]agt)\b", sentence):
        return True  # attributed: reported speech
    return ":" in sentence or any(q in sentence for q in "„“\"") or any(w in REPORTING for w in after_comma)


def fires(text: str, code: str) -> bool:
    return any(d.code == code and str(d.severity) == "warning" for d in check_text(text, "x.txt", select=[code]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=200, help="planted cases per class")
    args = ap.parse_args()
    cases: dict[str, list[tuple[str, str, bool]]] = {k: [] for k in ("nested", "long", "quoted nested", "colon run-on", "relative chain", "long but clear")}
    for article in sentences(args.folder):
        for i, s in enumerate(article):
            nested = plant_nested(s)
            if nested and len(cases["nested"]) < args.limit:
                cases["nested"].append((nested, "RD005", True))
                cases["quoted nested"].append((f"„{nested.rstrip('.')}“, sagte sie.", "RD005", False))
            three = article[i : i + 3]
            finals = [(k, verb_final(x)) for k, x in enumerate(article) if k >= i]
            finals = [(k, f) for k, f in finals if f][:2]
            if len(finals) == 2 and i == finals[0][0] and finals[1][0] + 1 < len(article) and len(cases["long"]) < args.limit:
                (_, b), (k, c) = finals
                rest = article[k + 1]
                if not spoken(rest) and rest[:1].isupper():
                    joined = f"Dass {b}, obwohl {c}, überrascht viele, denn {rest[0].lower()}{rest[1:]}"
                    if len(WORD.findall(joined)) > 40:
                        cases["long"].append((joined, "RD004", True))
            plain = [x for x in three if "," not in x and ":" not in x and not spoken(x)]
            if len(plain) == len(three) == 3 and len(cases["long but clear"]) < args.limit:
                for k in (2, 3):
                    parts = [x.rstrip(".!?") for x in three[:k]]
                    joined = ", und ".join([parts[0], *(p[0].lower() + p[1:] if not p.split()[0].isupper() and p.split()[0] not in ("Die", "Der", "Das") else p for p in parts[1:])]) + "."
                    if 41 <= len(WORD.findall(joined)) <= 60:
                        cases["long but clear"].append((joined, "RD004", False))
                        break
            two = article[i : i + 2]
            if len(two) == 2 and sum(len(WORD.findall(x)) for x in two) in range(41, 49) and all(
                "," not in x and len(WORD.findall(x)) <= 28 for x in two
            ) and len(cases["colon run-on"]) < args.limit:
                cases["colon run-on"].append((f"{two[0].rstrip('.')}: {two[1]}", "RD004", False))
            m = OPENING.match(s)
            if m and "," not in s and len(cases["relative chain"]) < args.limit:
                cases["relative chain"].append(
                    (f"{s.rstrip('.')}, was die Leute überraschte, die davon hörten, weil sie es nicht erwartet hatten.", "RD005", False)
                )
    print(f"{'class':<16} {'cases':>5} {'flagged':>8} {'rate':>6}")
    for name, items in cases.items():
        if not items:
            continue
        hit = sum(fires(text, code) for text, code, _ in items)
        planted = items[0][2]
        rate = hit / len(items) if planted else 1 - hit / len(items)
        label = "recall" if planted else "silent"
        print(f"{name:<16} {len(items):>5} {hit:>8} {rate:>6.2f}  ({label})")


if __name__ == "__main__":
    main()
