#!/usr/bin/env python3
"""Recall and hard negatives of the hype pack, planted into real sentences.

Usage (from the project root, with newslint installed)::

    python bench/recall_hype.py [CORPUS] [--per-class 60] [--show 3]

Sentences are read at run time from the TUNE half of the corpus (files whose
row number % 4 == 0); no corpus text is stored in the repository. Only
narrator-voice sentences are used: no quotation marks, no colon, no speech
span found by the analysis (the share left out is printed), 8 to 40 words, and
no hype finding of their own.

For every class of hype a sensational word or phrase is planted (an
inflected adjective before a noun, a prefix on a noun, a verb swapped for a
sensational one, an idiom or an interjection) and the class's *recall* is
the share of plants reported as a **warning** on the planted words (an info
hint does not count). Each plant also gets hard negatives: the same words
quoted with a speaker, reported without quotation marks (", so der
Sprecher …"), negated, inside a name or title; and written literal, name and
cue-less uses (an earthquake, a storm, a star, "der SK Sturm") appended to
corpus sentences; a hard negative *passes* when no warning
falls on the planted words.

Targets (DEVELOPERS.md): recall >= 0.85 per class, hard negatives >= 0.95.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lint import check_text  # noqa: E402
from lint.model.diagnostics import Severity  # noqa: E402
from lint.model.document import Block, Document, ReadResult  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpus" / "gnad"
TUNE_ROW = 0  # file row % 4 == 0: the TUNE half
SEED = 16
MIN_WORDS, MAX_WORDS = 8, 40

_SENTENCE = re.compile(r"[^.!?]+[.!?]")
_ARTICLE_NOUN = re.compile(
    r"(?<=\s)(der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines)\s+([A-ZÄÖÜ][a-zäöüß]{3,})\b"
)
_ENDING = {"der": "e", "die": "e", "das": "e", "eine": "e", "ein": "es"}
_FALL = re.compile(r"\b(fiel|fielen|sank|sanken|brach|brachen|stieg|stiegen|wuchs|wuchsen)\b")
_PLURAL_VERBS = {"fielen", "sanken", "brachen", "stiegen", "wuchsen"}


@dataclass
class Plant:
    text: str
    start: int
    end: int
    #: The planted words open with a finite verb ("rauschten in den Keller", finite=True).
    finite: bool = False


def ending(article: str) -> str:
    return _ENDING.get(article, "en")


def insert_adjective(lemma: str) -> Callable[[str], Plant | None]:
    """An inflected adjective between an article and its noun ("die beispiellose Wende")."""

    def plant(sentence: str) -> Plant | None:
        m = _ARTICLE_NOUN.search(sentence)
        if not m:
            return None
        word = lemma + ending(m.group(1))
        at = m.start(2)
        return Plant(sentence[:at] + word + " " + sentence[at:], at, at + len(word))

    return plant


def prefix_noun(prefix: str, hyphen: bool) -> Callable[[str], Plant | None]:
    """A prefix on a noun ("Turbo-Wachstum", "Monsterdeal")."""

    def plant(sentence: str) -> Plant | None:
        m = _ARTICLE_NOUN.search(sentence)
        if not m:
            return None
        noun = m.group(2)
        word = f"{prefix}-{noun}" if hyphen else prefix + noun.lower()
        return Plant(sentence[: m.start(2)] + word + sentence[m.end(2) :], m.start(2), m.start(2) + len(word))

    return plant


def swap_verb(singular: str, plural: str, tail: str = "") -> Callable[[str], Plant | None]:
    """A verb of change swapped for a sensational one ("fiel" -> "kollabierte");
    ``tail`` (a particle or phrase) follows right after it."""

    def plant(sentence: str) -> Plant | None:
        m = _FALL.search(sentence)
        if not m:
            return None
        verb = plural if m.group(1) in _PLURAL_VERBS else singular
        words = verb + (" " + tail if tail else "")
        return Plant(sentence[: m.start()] + words + sentence[m.end() :], m.start(), m.start() + len(words), True)

    return plant


def append_clause(lead: str, phrase: str, rest: str = "", finite: bool = False) -> Callable[[str], Plant | None]:
    """A clause added before the final stop: "…, und damit brach die Firma alle Rekorde."."""

    def plant(sentence: str) -> Plant | None:
        body = sentence.rstrip(".!? ")
        start = len(body) + len(lead)
        return Plant(body + lead + phrase + rest + ".", start, start + len(phrase), finite)

    return plant


def prepend(word: str) -> Callable[[str], Plant | None]:
    """An interjection before the sentence ("Wahnsinn! Die …")."""

    def plant(sentence: str) -> Plant | None:
        return Plant(word + " " + sentence, 0, len(word))

    return plant


# Each class: how to plant, several words per class (inflected forms are made by the plant).
CLASSES: dict[str, list[Callable[[str], Plant | None]]] = {
    "absolutes": [
        insert_adjective(w)
        for w in ("beispiellos", "bahnbrechend", "einzigartig", "sensationell", "epochal", "unvergleichlich",
                  "phänomenal", "nie da gewesen", "allergrößt", "weltbewegend", "unübertroffen", "konkurrenzlos")
    ],
    "prefixes": [
        prefix_noun(p, h)
        for p, h in (("Turbo", True), ("Turbo", False), ("Killer", True), ("Mega", True), ("Mega", False),
                     ("Monster", False), ("Wahnsinns", False), ("Bomben", True))
    ],
    "motion-collapse": [
        swap_verb("kollabierte", "kollabierten"),
        swap_verb("crashte", "crashten"),
        swap_verb("schmierte", "schmierten", "ab"),
        swap_verb("rauschte", "rauschten", "in den Keller"),
        swap_verb("ging durch die Decke", "gingen durch die Decke"),
        swap_verb("schoss", "schossen", "in die Höhe"),
        append_clause(", danach ", "schmierte die Aktie ab", finite=True),
        append_clause(" – die Zahlen ", "rauschten in den Keller", finite=True),
        append_clause(", worauf die Preise ", "durch die Decke gingen"),
    ],
    "shock-awe": [
        insert_adjective(w) for w in ("schockierend", "atemberaubend", "fassungslos")
    ]
    + [
        append_clause(" – ", "Schock-Zahlen", " für die Branche"),
        append_clause(", was die Branche ", "in Atem hielt"),
        append_clause(", das ", "raubte den Anlegern den Atem", finite=True),
    ],
    "idioms": [
        append_clause(", und damit ", "brach die Firma alle Rekorde", finite=True),
        append_clause(" – damit ", "schrieb das Team Geschichte", finite=True),
        append_clause(", was die Branche ", "auf den Kopf stellte"),
        append_clause(" – ", "das Maß aller Dinge", " für die Konkurrenz"),
        append_clause(", eine Leistung ", "in einer eigenen Liga"),
        append_clause(", und das Unternehmen ", "setzt neue Maßstäbe", finite=True),
    ],
    "interjections": [prepend(w) for w in ("Wahnsinn!", "Hammer!", "Unfassbar!", "Irre:", "Wow!", "Krass!")],
    "drama-combat": [
        append_clause(" – ", "ein Paukenschlag", " für die Branche"),
        append_clause(", ein ", "Börsenbeben", " folgte"),
        append_clause(" – der ", "Technologiekrieg", " geht weiter"),
        insert_adjective("desaströs"),
        append_clause(", ", "ein Desaster", " für die Aktionäre"),
        append_clause(" – die Aktie ", "im Sturzflug"),
    ],
}

def quoted(plant: Plant) -> Plant:
    lead = "„"
    text = lead + plant.text.rstrip(".") + "“, sagte ein Sprecher des Unternehmens."
    return Plant(text, plant.start + len(lead), plant.end + len(lead))


def negated(plant: Plant) -> Plant | None:
    """"keineswegs" where German puts it: after a finite verb ("rauschten keineswegs in
    den Keller", "kollabierte keineswegs"), else before the planted words ("die
    keineswegs beispiellose Wende"); an interjection is never negated."""
    words = plant.text[plant.start : plant.end]
    if plant.start == 0 or words[-1:] in "!:":
        return None
    cue = "keineswegs"
    if plant.finite:
        at = plant.start + len(words.split()[0])
        return Plant(plant.text[:at] + " " + cue + plant.text[at:], plant.start, plant.end + len(cue) + 1)
    return Plant(plant.text[: plant.start] + cue + " " + plant.text[plant.start :], plant.start + len(cue) + 1, plant.end + len(cue) + 1)


def in_title(plant: Plant) -> Plant:
    """The planted words as the title of a work after the sentence: … Im Kino lief der Film „…“."""
    words = plant.text[plant.start : plant.end]
    lead = plant.text + " Im Kino lief der Film „"
    title = words[:1].upper() + words[1:]
    return Plant(lead + title + "“ an.", len(lead), len(lead) + len(title))


# Literal uses written for this benchmark (word, sentence): appended to a corpus
# sentence, the word must not be a warning.
LITERAL = [
    ("Erdbeben", "Ein Erdbeben der Stärke 5,8 traf die Region, das Epizentrum lag im Meer."),
    ("Sturm", "Der Sturm deckte Dächer ab, der Wetterdienst meldete Orkanböen."),
    ("kollabierte", "Ein Patient kollabierte in der Notaufnahme des Krankenhauses."),
    ("Lawine", "Eine Lawine verschüttete zwei Tourengeher, die Bergrettung suchte am Hang."),
    ("Schock", "Der Fahrer stand unter Schock und kam ins Krankenhaus."),
    ("explodierte", "Ein Sprengsatz explodierte, Soldaten sperrten die Straße."),
    ("Drogenkrieg", "Der Drogenkrieg forderte Tote, Soldaten patrouillieren in der Stadt."),
    ("Revolution", "Die Revolution von 1789 stürzte die Monarchie."),
    ("Turbulenzen", "Das Flugzeug geriet beim Landeanflug in Turbulenzen, die Passagiere blieben angeschnallt."),
    ("einmaligen", "Die Regierung zahlt einen einmaligen Bonus von 300 Euro."),
    ("Tsunami", "Nach dem Seebeben traf ein Tsunami die Küste, es gab Tote."),
    ("Thron", "Nach dem Tod der Königin bestieg ihr Sohn den Thron."),
    # no cue word beside them: the sense decision must not make these warnings
    ("Erdbeben", "Ein schweres Erdbeben erschütterte in der Nacht die Provinz."),
    ("Sturm", "Der Sturm warf in der Nacht viele Bäume um."),
    ("explodierte", "Der Stern explodierte vor Millionen von Jahren."),
    ("Revolution", "Die Revolution veränderte das Land von Grund auf."),
    # names: the club, not the weather
    ("Sturm", "Der SK Sturm gewann am Samstag auswärts."),
]


def literal_negative(sentence: str, i: int) -> Plant:
    word, extra = LITERAL[i % len(LITERAL)]
    text = sentence + " " + extra
    start = len(sentence) + 1 + extra.index(word)
    return Plant(text, start, start + len(word))


def reported(plant: Plant) -> Plant | None:
    """The sentence closed by a speaker without quotation marks: "…, so ein Sprecher.";
    an interjection is a sentence of its own, outside that attribution."""
    if plant.start == 0 and plant.text[plant.start : plant.end][-1:] in "!:":
        return None
    return Plant(plant.text.rstrip(".!? ") + ", so der Sprecher des Unternehmens.", plant.start, plant.end)


NEGATIVES: dict[str, Callable[[Plant], Plant | None]] = {
    "quoted": quoted,
    "reported": reported,
    "negated": negated,
    "name": in_title,
}


def tune_sentences(corpus: Path) -> list[str]:
    out = []
    for path in sorted(corpus.glob("*.txt")):
        row = path.name.split("-", 1)[0]
        if not row.isdigit() or int(row) % 4 != TUNE_ROW:
            continue
        for m in _SENTENCE.finditer(path.read_text(encoding="utf-8")):
            s = " ".join(m.group().split())
            words = len(s.split())
            if not (MIN_WORDS <= words <= MAX_WORDS) or not s[:1].isupper():
                continue
            if re.search(r"[„“”\"»«:]", s):
                continue
            out.append(s)
    return out


def narrator_voice(sentence: str) -> bool:
    """No speech span (lint.language.speech) in the sentence: the writer's own words."""
    doc = Document("plant.txt", sentence, ReadResult(sentence, [Block(0, len(sentence))]))
    return not doc.analysis.speech


def warned(text: str, start: int, end: int) -> bool:
    found = check_text(text, "plant.txt", select=["HY001", "HY002", "HY003", "HY004", "HY005"])
    return any(d.severity >= Severity.WARNING and d.start < end and start < d.end for d in found)


def clean(sentence: str) -> bool:
    return not check_text(sentence, "plant.txt", select=["HY001", "HY002", "HY003", "HY004", "HY005"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--per-class", type=int, default=60)
    parser.add_argument("--show", type=int, default=3, help="misses to print per class")
    args = parser.parse_args()
    rng = random.Random(SEED)
    sentences = tune_sentences(args.corpus)
    rng.shuffle(sentences)
    candidates = sentences[: args.per_class * 6]
    narrated = [s for s in candidates if narrator_voice(s)]
    pool = [s for s in narrated if clean(s)]
    print(
        f"{len(candidates)} sentences from the TUNE half of {args.corpus}: {len(candidates) - len(narrated)} "
        f"reported speech, {len(narrated) - len(pool)} with hype of their own; {len(pool)} used"
    )
    total_found = total_planted = 0
    neg_pass: dict[str, list[int]] = {name: [0, 0] for name in [*NEGATIVES, "literal"]}
    for i, sentence in enumerate(pool[: args.per_class * 2]):
        neg = literal_negative(sentence, i)
        neg_pass["literal"][1] += 1
        if not warned(neg.text, neg.start, neg.end):
            neg_pass["literal"][0] += 1
        elif args.show:
            print(f"    hard negative warned (literal): {neg.text[neg.start:neg.end]!r} in {neg.text[-200:]!r}")
    for name, planters in CLASSES.items():
        found = planted = 0
        misses: list[str] = []
        for i, sentence in enumerate(pool[: args.per_class * 2]):
            if planted >= args.per_class:
                break
            plant = planters[i % len(planters)](sentence)
            if plant is None:
                continue
            planted += 1
            if warned(plant.text, plant.start, plant.end):
                found += 1
            elif len(misses) < args.show:
                misses.append(f"    miss: {plant.text[plant.start:plant.end]!r} in {plant.text[:160]!r}")
            for neg_name, make in NEGATIVES.items():
                neg = make(plant)
                if neg is None:
                    continue
                neg_pass[neg_name][1] += 1
                if not warned(neg.text, neg.start, neg.end):
                    neg_pass[neg_name][0] += 1
                elif args.show:
                    print(f"    hard negative warned ({neg_name}): {neg.text[neg.start:neg.end]!r} in {neg.text[:200]!r}")
        total_found += found
        total_planted += planted
        recall = found / planted if planted else 0.0
        print(f"{name:18} recall {recall:5.2f}  ({found}/{planted} warnings)")
        for line in misses:
            print(line)
    print(f"{'all classes':18} recall {total_found / max(1, total_planted):5.2f}  ({total_found}/{total_planted})")
    passed = sum(p for p, _ in neg_pass.values())
    count = sum(n for _, n in neg_pass.values())
    for neg_name, (p, n) in neg_pass.items():
        print(f"hard negatives {neg_name:9} pass {p / max(1, n):5.2f}  ({p}/{n})")
    print(f"hard negatives {'all':9} pass {passed / max(1, count):5.2f}  ({passed}/{count})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
