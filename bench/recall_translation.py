#!/usr/bin/env python3
"""Recall of the translation pack on artifacts planted into real articles.

Usage (from the project root, with newslint installed):

    python bench/recall_translation.py [FOLDER] [--half tune|judge] [--show CLASS]

The articles are read from FOLDER (default ../shared/corpus/gnad) at run time;
nothing of them is stored in the repository. Only the TUNE half (file row
% 4 == 0) is used unless ``--half judge`` is given. For each article and each
class below, one copy of the article gets one planted artifact; the pack
(``--select TR``) runs over the copy, and the artifact counts as found when a
*warning* of one of the class's rules overlaps its span (an info hint is not
a find).

Classes (artifact planted -> rules expected):
- ``name``: one of two occurrences of a name garbled (letter dropped, two
  swapped, one doubled) -> TR001
- ``thousands``, ``decimal``, ``clock``, ``date``, ``year``, ``currency``:
  a German format turned English ("45.000" -> "45,000", "3,5 Prozent" ->
  "3.5 Prozent", "14.30 Uhr" -> "2:30 PM", "3. März 2015" -> "3/3/2015",
  "im Jahr 2015" -> "in 2015", "500 Euro" -> "€500") -> TR005, TR006
- ``fragment``: a German word or phrase replaced by an English one ("of
  course", "by the way", "European Union") -> TR003
- ``embedded``: a German noun phrase inside a sentence replaced by the lower-case
  English a machine left ("in den nächsten zwei Wochen" -> "in den nächsten two
  weeks"), not from any list of the rule -> TR003
- ``leftover``: a credit line, share bar, "Mehr zum Thema", gallery or
  cookie text or machine-translation note inserted at a sentence boundary
  -> TR009, TR010, TR011
- ``truncation``: a sentence ending in a preposition and a stub ("in Be.")
  -> TR002
- ``cut-off``: the article cut after an article, preposition or conjunction
  in its last part -> TR012
- ``cut-noun``: the article cut before the noun of a noun phrase with an
  indefinite article and an adjective ("von einem insgesamt freundlichen") -> TR012

Hard negatives (each must stay silent, counted as the share that does):
- ``untouched``: the other occurrence of the garbled name
- ``english-quote``: an entirely English quotation inserted as a sentence
- ``similar-names``: two real, similar names of the gazetteer in one sentence
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "gnad"

EXPECTED = {
    "name": {"TR001"},
    "thousands": {"TR005"},
    "decimal": {"TR005"},
    "clock": {"TR005"},
    "date": {"TR005"},
    "year": {"TR005", "TR006"},
    "currency": {"TR005"},
    "fragment": {"TR003"},
    "embedded": {"TR003"},
    "leftover": {"TR009", "TR010", "TR011"},
    "truncation": {"TR002"},
    "cut-off": {"TR012"},
    "cut-noun": {"TR012"},
}
NEGATIVES = ("untouched", "english-quote", "similar-names")

# German words and phrases with the English a machine translation leaves behind.
FRAGMENTS = [
    ("natürlich", "of course"), ("übrigens", "by the way"), ("deshalb", "therefore"), ("daher", "therefore"),
    ("zum Beispiel", "for example"), ("jedoch", "however"), ("außerdem", "in addition"), ("tatsächlich", "in fact"),
    ("vor allem", "above all"), ("zumindest", "at least"), ("schließlich", "after all"), ("trotzdem", "nevertheless"),
    ("inzwischen", "in the meantime"), ("allerdings", "however"), ("offenbar", "apparently"), ("bereits", "already"),
    ("Europäische Union", "European Union"), ("Europäischen Union", "European Union"),
    ("Vereinten Nationen", "United Nations"), ("Weißen Haus", "White House"), ("Nahen Osten", "Middle East"),
    ("Sicherheitsrat", "Security Council"), ("Europäische Zentralbank", "European Central Bank"),
]
LEFTOVERS = [
    "Bild: dpa/Archiv", "Foto: APA/Hans Klaus Techt", "Foto: Reuters/Leonhard Foeger", "Mehr zum Thema",
    "Artikel teilen", "Teilen auf Facebook Twitter WhatsApp", "Alle Bilder der Galerie ansehen",
    "Diese Website verwendet Cookies.", "Dieser Text wurde maschinell übersetzt.", "Übersetzt mit DeepL.",
    "Zur Bildergalerie", "Lesen Sie auch:", "(Foto: AFP)", "Bildquelle: Getty Images",
]
ENGLISH_QUOTES = [
    "„We will never give up“, schrieb er auf Twitter.",
    "Der Titel des Berichts lautet „The State of the World’s Children“.",
    "Sie twitterte: „Thank you all for the support, see you next year!“",
]
MONTHS_EN = "January February March April May June July August September October November December".split()
MONTHS_DE = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()


@dataclass
class Plant:
    cls: str
    text: str
    span: tuple[int, int]
    negatives: list[tuple[str, tuple[int, int]]] = field(default_factory=list)


def _splice(text: str, start: int, end: int, new: str) -> tuple[str, tuple[int, int]]:
    return text[:start] + new + text[end:], (start, start + len(new))


def _garble(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 2)  # never the first or last letter
    how = rng.choice(("drop", "swap", "double"))
    if how == "drop":
        return word[:i] + word[i + 1:]
    if how == "swap" and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + word[i] + word[i:]


def plant_name(text, rng, common):
    counts: dict[str, list[re.Match]] = {}
    for m in re.finditer(r"(?<![\w-])[A-ZÄÖÜ][a-zäöüß]{4,}(?![\w-])", text):
        counts.setdefault(m.group(), []).append(m)
    names = sorted(w for w, ms in counts.items() if len(ms) == 2 and not common(w))
    if not names:
        return None
    word = rng.choice(names)
    garbled = _garble(word, rng)
    if common(garbled):
        return None
    target, other = counts[word][1], counts[word][0]
    new, span = _splice(text, target.start(), target.end(), garbled)
    return Plant("name", new, span, [("untouched", other.span())])


_QUOTE = re.compile(r"„[^“”\n]*[“”]|»[^«\n]*«|\"[^\"\n]*\"")


def _unquoted(matches, text):
    """Matches outside quotations: the pack leaves quoted text alone by design."""
    quotes = [q.span() for q in _QUOTE.finditer(text)]
    return [m for m in matches if not any(s <= m.start() < e for s, e in quotes)]


def _first(pattern, text, rng):
    found = _unquoted(list(re.finditer(pattern, text)), text)
    return rng.choice(found) if found else None


def plant_thousands(text, rng, common):
    m = _first(r"(?<![\w.,])(\d{1,3})\.(\d{3})(?![\d.,])", text, rng)
    return m and Plant("thousands", *_splice(text, m.start(), m.end(), f"{m.group(1)},{m.group(2)}"))


def plant_decimal(text, rng, common):
    m = _first(r"(?<![\w.,])(\d+),(\d{1,2})(?= (?:Prozent|Millionen|Milliarden|Euro|Meter|Kilometer|Grad))", text, rng)
    return m and Plant("decimal", *_splice(text, m.start(), m.end(), f"{m.group(1)}.{m.group(2)}"))


def plant_clock(text, rng, common):
    m = _first(r"(?<![\w.,])(\d{1,2})(?:[.:](\d{2}))? Uhr(?!\w)", text, rng)
    if not m or int(m.group(1)) > 23:
        return None
    hour, minute = int(m.group(1)), m.group(2) or "00"
    english = f"{(hour - 1) % 12 + 1}:{minute} {'PM' if hour >= 12 else 'AM'}"
    return Plant("clock", *_splice(text, m.start(), m.end(), english))


def plant_date(text, rng, common):
    months = "|".join(MONTHS_DE)
    m = _first(r"(?<![\w.])(\d{1,2})\. (" + months + r") (\d{4})(?!\d)", text, rng)
    if m:
        month = MONTHS_DE.index(m.group(2)) + 1
        english = rng.choice((f"{month}/{m.group(1)}/{m.group(3)}", f"{MONTHS_EN[month - 1]} {m.group(1)}, {m.group(3)}"))
        return Plant("date", *_splice(text, m.start(), m.end(), english))
    m = _first(r"(?<![\w.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)", text, rng)
    return m and Plant("date", *_splice(text, m.start(), m.end(), f"{int(m.group(2))}/{int(m.group(1))}/{m.group(3)}"))


def plant_year(text, rng, common):
    m = _first(r"(?<![\w-])(?:im Jahr(?:e)?|Im Jahr(?:e)?) ((?:19|20)\d\d)(?!\d)", text, rng)
    if m is None:
        return None
    word = "In" if m.group()[0] == "I" else "in"
    return Plant("year", *_splice(text, m.start(), m.end(), f"{word} {m.group(1)}"))


def plant_currency(text, rng, common):
    m = _first(r"(?<![\w.,])(\d+(?:[.,]\d+)*)( (?:Millionen|Milliarden))? (Euro|Dollar)(?!\w)", text, rng)
    if m is None:
        return None
    sign = "€" if m.group(3) == "Euro" else "$"
    return Plant("currency", *_splice(text, m.start(), m.end(), f"{sign}{m.group(1)}{m.group(2) or ''}"))


def _replace_one(text, rng, cls, pairs, before, after):
    """One German phrase of ``pairs`` (between the lookarounds ``before`` and ``after``)
    replaced by its English: the plant of class ``cls``."""
    options = [(g, e) for g, e in pairs if re.search(before + g + after, text)]
    if not options:
        return None
    german, english = rng.choice(options)
    m = _first(before + german + after, text, rng)
    return Plant(cls, *_splice(text, m.start(), m.end(), english))


def plant_fragment(text, rng, common):
    return _replace_one(text, rng, "fragment", FRAGMENTS, r"(?<![\w-])", r"(?![\w-])")


# German noun phrases and the English a machine translation leaves of them (none in TR003's fragment list).
EMBEDDED = [
    ("zwei Wochen", "two weeks"), ("drei Monate", "three months"), ("Lieferkette", "supply chain"),
    ("Lieferketten", "supply chains"), ("Zinserhöhung", "rate hike"), ("Fachkräfte", "skilled workers"),
    ("Kundendienst", "customer service"), ("Wendepunkt", "turning point"), ("Schlüsselrolle", "key role"),
    ("Zeitplan", "time frame"), ("Grundstein", "cornerstone"), ("Gesundheitswesen", "health care"),
    ("Arbeitsmarkt", "labor market"), ("Marktanteil", "market share"), ("Pressekonferenz", "press conference"),
    ("Wahlkampf", "election campaign"), ("Aufsichtsrat", "supervisory board"), ("Ölpreis", "oil price"),
    # added with the single-word mechanism (December 2026), before measuring it: common
    # news nouns a machine leaves as one English word or two
    ("Verhandlungen", "negotiations"), ("Ermittlungen", "investigations"), ("Wachstum", "growth"),
    ("Arbeitslosigkeit", "unemployment"), ("Waffenruhe", "ceasefire"), ("Bundesregierung", "federal government"),
    ("Umfrage", "survey"), ("Anleger", "investors"), ("Verbraucher", "consumers"), ("Zeugen", "witnesses"),
    ("Vereinbarung", "agreement"), ("Rücktritt", "resignation"), ("Steuererhöhung", "tax increase"),
    ("Übernahme", "takeover"), ("Nachfrage", "demand"), ("Stadtrat", "city council"), ("Gericht", "court"),
    ("Unternehmen", "company"), ("Ermittler", "investigators"), ("Bürgermeister", "mayor"),
]


def plant_embedded(text, rng, common):
    return _replace_one(text, rng, "embedded", EMBEDDED, r"(?<= )", r"(?= [a-zäöüß])")


def _sentence_ends(text):
    return [m.end() for m in re.finditer(r"(?<=[a-zäöüß]{3}[.!?]) (?=[A-ZÄÖÜ])", text)]


def plant_leftover(text, rng, common):
    ends = _sentence_ends(text)
    if not ends:
        return None
    at = rng.choice(ends)
    leftover = rng.choice(LEFTOVERS)
    new = text[:at] + leftover + " " + text[at:]
    return Plant("leftover", new, (at, at + len(leftover)))


def plant_truncation(text, rng, common):
    m = _first(r"(?<= )(in|aus|nach|mit|von|bei) ([A-ZÄÖÜ][a-zäöü]{3,})(?=\. [A-ZÄÖÜ])", text, rng)
    if m is None:
        return None
    stub = m.group(2)[:2]
    start = m.start(2)
    return Plant("truncation", *_splice(text, start, m.end(2), stub))


def _cut_at(text, rng, cls, pattern):
    """The article cut at the end of a match of ``pattern`` in its last part (the cut's class ``cls``)."""
    found = [m for m in _unquoted(list(re.finditer(pattern, text)), text) if m.start() > len(text) * 0.6]
    if not found:
        return None
    m = rng.choice(found)
    cut = text[: m.end() - 1].rstrip(",")
    return Plant(cls, cut, (m.start(), len(cut)))


def plant_cut_off(text, rng, common):
    return _cut_at(text, rng, "cut-off", r"(?<= )(?:die|der|dass|und|mit|von|in|für|auf) ")


def plant_cut_noun(text, rng, common):
    return _cut_at(text, rng, "cut-noun", r"(?<= )(?:ein|eine|einem|einen|einer|eines) (?:[a-zäöüß]+,? ){1,3}(?=[A-ZÄÖÜ])")


def plant_english_quote(text, rng, common):
    ends = _sentence_ends(text)
    if not ends:
        return None
    at = rng.choice(ends)
    quote = rng.choice(ENGLISH_QUOTES)
    return Plant("english-quote", text[:at] + quote + " " + text[at:], (at, at + len(quote)))


def similar_pairs() -> list[tuple[str, str]]:
    """Pairs of real names one typo apart, both in the gazetteer (say nothing)."""
    from lint.language.gazetteer import is_typo
    from lint.language.wordlist import read_lines

    data = ROOT / "rules" / "translation" / "data"
    names = sorted({e for f in data.glob("gazetteer-*.txt") for e in read_lines(f) if e.isalpha() and len(e) >= 5})
    by_head: dict[tuple[str, int], list[str]] = {}
    for n in names:
        by_head.setdefault((n[:3], len(n)), []).append(n)
    pairs = []
    for (head, n), group in by_head.items():
        longer = by_head.get((head, n + 1), [])
        pairs += [(a, b) for a in group for b in group + longer if a < b and (is_typo(a, b) or is_typo(b, a))]
    return sorted(pairs)


PLANTERS = [plant_name, plant_thousands, plant_decimal, plant_clock, plant_date, plant_year, plant_currency,
            plant_fragment, plant_embedded, plant_leftover, plant_truncation, plant_cut_off, plant_cut_noun, plant_english_quote]


def tune_files(folder: Path, half: str) -> list[Path]:
    rest = 0 if half == "tune" else 2
    return sorted(p for p in folder.glob("*.txt") if int(p.name.split("-")[0]) % 4 == rest)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--half", choices=("tune", "judge"), default="tune")
    parser.add_argument("--show", default="", help="print the misses of this class")
    args = parser.parse_args(argv)

    from lint.engine.core import Engine, Selection
    from lint.language.word_frequency import WordFrequency

    engine = Engine(selection=Selection(select=["TR"]))
    freq = WordFrequency()

    def common(word):
        return freq.is_common(word)

    def findings(text):
        return [d for d in engine.lint("a.txt", text)]

    found: dict[str, list[bool]] = {c: [] for c in [*EXPECTED, *NEGATIVES]}
    misses: list[str] = []
    pairs = similar_pairs()
    for path in tune_files(args.folder, args.half):
        text = path.read_text(encoding="utf-8")
        rng = random.Random(path.name)
        before = {(d.code, d.start, d.end) for d in findings(text)}
        plants = [p for p in (planter(text, rng, common) for planter in PLANTERS) if p]
        if pairs:
            a, b = rng.choice(pairs)
            ends = _sentence_ends(text)
            if ends:
                at = rng.choice(ends)
                sentence = f"Vertreter aus {a} und {b} trafen sich."
                plants.append(Plant("similar-names", text[:at] + sentence + " " + text[at:], (at, at + len(sentence))))
        for plant in plants:
            diags = findings(plant.text)
            s, e = plant.span
            if plant.cls in EXPECTED:
                hit = any(d.code in EXPECTED[plant.cls] and d.severity.name == "WARNING" and d.start < e and s < d.end
                          for d in diags)
                found[plant.cls].append(hit)
                if not hit and args.show == plant.cls:
                    misses.append(f"{path.name}: …{plant.text[max(0, s - 60):e + 40]}…".replace("\n", " "))
            else:  # a negative: silent means no new finding over the span
                new = [d for d in diags if d.start < e and s < d.end and (d.code, d.start, d.end) not in before]
                found[plant.cls].append(not new)
                if new and args.show == plant.cls:
                    misses.append(f"{path.name}: {[(d.code, plant.text[d.start:d.end]) for d in new]}")
            for kind, (ns, ne) in plant.negatives:
                new = [d for d in diags if d.start < ne and ns < d.end]
                found[kind].append(not new)
    print(f"{'class':<15} {'planted':>7} {'found':>6} {'recall':>7}")
    for cls, hits in found.items():
        if hits:
            label = "silent" if cls in NEGATIVES else "recall"
            print(f"{cls:<15} {len(hits):>7} {sum(hits):>6} {sum(hits) / len(hits):>7.2f}  {label}")
    for line in misses:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
