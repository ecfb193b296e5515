#!/usr/bin/env python3
"""Recall of the sources pack on problems planted into real articles.

Usage (from the project root, with newslint installed)::

    python bench/recall_sources.py [CORPUS] [--half tune|judge|all] [--per-class N] [--seed S] [--show CLASS]

The corpus is read at run time and nothing of it is written anywhere: each
case takes a real article, plants one problem into it (or a hard negative:
the same plant done right) and lints the result. A planted problem counts as
found when a *warning* of its rule overlaps the planted span; a hard negative
passes when its rule reports nothing there. For the consistency rules the
precision is counted over the whole planted texts (positives and hard
negatives): every warning of the rule anywhere in them that is not the planted
contradiction is a false one. Classes:

- consistency (SO004-SO008, SO010): a quantity restated a power of ten away, vote
  shares above 100 percent, an age that changes, a wrong weekday beside a
  date, "gestern, <Wochentag>" against the publication date, an amount of money
  restated in another currency;
- unsourced figures (SO001): a real figure sentence, its source removed,
  moved to a place without a source nearby; counts of people by open-class
  nouns; crowd sizes, vague magnitudes and change without a number;
- record claims (SO003) and vague attributions (SO002).

Default half: tune (file row % 4 == 0); the judge half is for blind judging.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lint import check_text  # noqa: E402
from lint.language.segment import split_sentences  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpus" / "gnad"
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember")

# Words that may carry a source: a place for a planted claim must have none of these near it.
CUE = re.compile(
    r"\b(?:laut|zufolge|sagte\w*|sagt|sagen|teilte\w*|mit\b|berichte\w*|erklärte\w*|Angaben|heißt|hieß|hervor|so\s+[A-ZÄÖÜ]|"
    r"sei|seien|habe|hätten|wolle|werde|könne|müsse|meinte|betonte|schätz\w*|Studie|Umfrage|Bericht\w*|"
    r"bestätigte\w*|gab\w*|meldete\w*|zeig\w*|nannte\w*|rechne\w*|erwarte\w*|Experten|Quelle\w*|demnach|Daten|"
    r"gebe|stünden?|wäre|wären|hätte|würden?|[Ii]ch|[Ww]ir|soll\w*|beziffer\w*|verkünd\w*|mein\w*|beton\w*|"
    r"erklär\w*|Untersuchung\w*|Analyse\w*|Prognose\w*|Statistik\w*|Auskunft|beschl\w*|genehmig\w*|billig\w*|"
    r"[Dd]emnach|geklagt|belief\w*|forder\w*|verlang\w*|klagt\w*|präsentier\w*|vorgelegt|schreib\w*|schrieb\w*|Erhebung|Zählung|ergab|ergibt)\b"
    r"|angaben|schätzung|berechnung|[„“\"»«:?]"
)
# Figures the rule means: percentages and amounts in millions or billions (prices are not claims).
FIGURE = re.compile(r"(?<![\w.,])\d[\d.]*(?:,\d+)?\s+(?:(?:Millionen|Milliarden|Mio\.|Mrd\.)\s+(?:Euro|Dollar)|Prozent)(?![\w-])")
SOURCE_CUTS = [
    re.compile(r",?\s*(?:sagte|teilte|erklärte|berichtete|so)\b[^.]*(?=\.$)"),
    re.compile(r"\b(?:[Ll]aut|[Nn]ach Angaben)\s+(?:de[rsmn]|eine[rsmn]?)?\s*[\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)*\s*,?\s*"),
    re.compile(r"\b[\w-]+\s+zufolge\s*,?\s*"),
]
# Person nouns of the open class (not in the rule's lists): the mechanism must know them by their form.
PEOPLE = (
    "Pendler", "Patienten", "Besucher", "Mitglieder", "Beschäftigte", "Anrainer", "Studierende", "Fluggäste",
    "Pflegekräfte", "Demonstrierende", "Asylwerber", "Schülerinnen", "Lehrlinge", "Pensionisten", "Urlauber",
    "Arbeitnehmer", "Kundinnen", "Bewohner", "Radfahrer", "Helferinnen", "Polizisten", "Ärzte", "Landwirte",
)
PEOPLE_VERBS = ("waren betroffen", "nahmen teil", "mussten warten", "standen im Stau", "kamen dazu", "sind arbeitslos")
MAGNITUDES = (
    "Hunderte {p} protestierten vor dem Gebäude.",
    "Zehntausende {p} zogen durch die Innenstadt.",
    "Tausende {p} verloren ihre Arbeit.",
    "Der Schaden beläuft sich auf einen mittleren einstelligen Milliardenbetrag.",
    "Die Kosten liegen im hohen dreistelligen Millionenbereich.",
    "Die Zahl der {p} hat sich fast verdreifacht.",
    "Die Zahl der {p} ist um ein Vielfaches gestiegen.",
    "Seither hat sich die Zahl der {p} mehr als verdoppelt.",
    "Die Zahl der {p} hat sich binnen eines Jahres vervierfacht.",
)
RECORDS = (
    "Das ist der höchste Stand seit zwei Jahrzehnten.",
    "So viele {p} wie noch nie wurden gezählt.",
    "Der Kurs fiel auf ein historisches Tief.",
    "Die Aktie notiert auf einem Allzeithoch.",
    "Es waren die meisten {p} seit Beginn der Aufzeichnungen.",
    "Das ist der niedrigste Wert seit 1990.",
    "Die Zahl der {p} erreichte ein Rekordniveau.",
    "So wenige {p} wie nie zuvor kamen.",
    "Die Preise stiegen so stark wie seit Jahrzehnten nicht mehr.",
    "Es ist der stärkste Rückgang seit Beginn der Messungen.",
    "Die Arbeitslosigkeit erreichte ein Rekordhoch.",
    "Noch nie waren so viele {p} unterwegs.",
)
VAGUE = (
    "Aus {k}kreisen hieß es, ",
    "Aus {k}kreisen verlautete, ",
    "Wie aus {k}kreisen zu hören war, ",
    "Aus dem Umfeld des Ministers hieß es, ",
    "Kenner der Branche sagen, ",
    "Fachleute warnen, ",
    "Umfragen zeigen, dass ",
    "Gerüchten zufolge ",
    "Wie man hört, ",
    "Es heißt, ",
    "Beobachter meinen, ",
    "Insider berichten, ",
)
CIRCLES = ("Koalitions", "Ministeriums", "Verhandlungs", "Regierungs", "Partei", "Sicherheits", "Justiz", "Diplomaten", "Branchen", "Bank", "Unternehmens", "Polizei")
SOURCED_AFTER = (
    "Das geht aus dem Jahresbericht der {o} hervor.",
    "Das teilte die {o} am Montag mit.",
    "Diese Zahlen nannte die {o} in ihrem Bericht.",
)
SOURCED_IN = (
    "Nach Berechnungen der {o} {s}",
    "Wie aus dem Jahresbericht der {o} hervorgeht, {s}",
    "Die {o} gab bekannt, {s}",
)
ORGS = ("Statistik Austria", "Nationalbank", "Arbeiterkammer", "Wirtschaftskammer", "Polizei", "Behörde", "Stadt Wien")
NOT_VAGUE = (
    "Fachleute montierten die Anlage in der Nacht.",
    "Kenner der Branche wie Hans Berger sagen, der Markt sei gesättigt.",
    "Beobachter der OSZE verfolgten die Wahl.",
)
AGE_NOUNS = (("m", "Mann", "Der"), ("m", "Lenker", "Der"), ("m", "Lehrer", "Der"), ("f", "Frau", "Die"), ("f", "Lenkerin", "Die"))
AGE_TAILS = ("wurde ins Spital gebracht.", "bestreitet die Vorwürfe.", "wurde festgenommen.", "blieb unverletzt.")


@dataclass
class Case:
    cls: str
    code: str
    text: str
    span: tuple[int, int]
    negative: bool = False
    path: str = "case.txt"


def corpus(folder: Path, half: str) -> list[str]:
    out = []
    for path in sorted(folder.glob("*.txt")):
        row = int(path.name.split("-", 1)[0])
        if half == "all" or (half == "tune" and row % 4 == 0) or (half == "judge" and row % 4 == 2):
            out.append(path.read_text(encoding="utf-8"))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    return split_sentences(text, 0, len(text))


def quiet_place(text: str, spans, rng) -> int | None:
    """A sentence boundary with no source cue in the two sentences either side."""
    choices = list(range(3, len(spans) - 2))
    rng.shuffle(choices)
    for i in choices:
        around = text[spans[i - 2][0] : spans[min(len(spans) - 1, i + 1)][1]]
        if not CUE.search(around):
            return spans[i][0]
    return None


def insert(text: str, at: int, sentence: str) -> tuple[str, int]:
    """``text`` with ``sentence`` inserted at offset ``at`` (a sentence start); where it starts."""
    return text[:at] + sentence + " " + text[at:], at


def nouns(text: str, rng, n=3) -> list[str]:
    found = sorted(set(re.findall(r"(?<=[a-zäöüß,] )([A-ZÄÖÜ][a-zäöüß]{4,}(?:en|er))\b", text)))
    rng.shuffle(found)
    return found[:n] or ["Leute"]


def german(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}".replace(",", ".")
    return f"{value:.1f}".replace(".", ",")


# ----- consistency ----------------------------------------------------------
def restated(text, spans, cls, code, wrong, right) -> list[Case]:
    """Two cases: the article with ``wrong`` (a contradiction) appended at its end, and,
    as the hard negative, with ``right`` (the sentence restated as it was)."""
    later = spans[-1][1]
    cases = []
    for planted, negative in ((wrong, False), (right, True)):
        start = later + 1
        cases.append(Case(cls, code, text[:later] + " " + planted, (start, start + len(planted)), negative))
    return cases


def plant_quantity(text, rng):
    from lint.language.quantities import quantities

    spans = sentences(text)
    options = []
    for s, e in spans[1:-1]:
        for q in quantities(text, s, e):
            if q.unit != "pp" and q.before != "um" and 10 <= q.mantissa < 10000 and q.value < 10**13:
                options.append((s, e, q))
    if not options:
        return []
    s, e, q = rng.choice(options)
    sentence = text[s:e]
    number = re.match(r"[\d.,]+|\w+", text[q.start : q.end]).group(0)
    wrong = german(q.mantissa * 10) if rng.random() < 0.5 or q.mantissa >= 1000 else german(q.mantissa / 10)
    if q.scale in (10**6, 10**9) and rng.random() < 0.5:
        wrong_sentence = sentence.replace("Millionen", "§").replace("Milliarden", "Millionen").replace("§", "Milliarden")
        wrong_sentence = wrong_sentence.replace("Mio.", "§").replace("Mrd.", "Mio.").replace("§", "Mrd.")
    else:
        rel = q.start - s
        wrong_sentence = sentence[:rel] + wrong + sentence[rel + len(number) :]
    return restated(text, spans, "consistency:quantity", "SO004", wrong_sentence, sentence)


#: Currencies and the one a planted swap puts in their place.
SWAPS = {"Euro": "Dollar", "Dollar": "Euro", "US-Dollar": "Euro", "Franken": "Euro", "Pfund": "Euro"}


def plant_currency(text, rng):
    """An amount of money restated later with its currency swapped ("14,6 Milliarden Euro",
    later "14,6 Milliarden Dollar"); the hard negative restates it unchanged."""
    from lint.language.quantities import quantities

    spans = sentences(text)
    options = []
    for s, e in spans[1:-1]:
        for q in quantities(text, s, e):
            written = text[q.start : q.end].split()[-1]
            if written in SWAPS:
                options.append((s, e, q, written))
    if not options:
        return []
    s, e, q, written = rng.choice(options)
    sentence = text[s:e]
    rel = q.end - s - len(written)
    swapped = sentence[:rel] + SWAPS[written] + sentence[rel + len(written) :]
    return restated(text, spans, "consistency:currency", "SO010", swapped, sentence)


def plant_shares(text, rng):
    spans = sentences(text)
    if len(spans) < 4:
        return []
    names = nouns(text, rng, 3)
    while len(names) < 3:
        names.append("Liste " + "ABC"[len(names)])
    at = spans[rng.randrange(1, len(spans) - 1)][0]
    cases = []
    for negative in (False, True):
        total = rng.randint(78, 98) if negative else rng.randint(104, 140)
        a = rng.randint(total // 3, total // 2)
        b = rng.randint(5, total - a - 3)
        c = total - a - b
        if rng.random() < 0.5:
            sentence = f"Bei der Abstimmung stimmten {a + c} Prozent dafür und {b} Prozent dagegen."
        else:
            sentence = f"Die Liste {names[0]} erhielt {a} Prozent der Stimmen, die Liste {names[1]} kam auf {b} Prozent und die Liste {names[2]} auf {c} Prozent."
        full, start = insert(text, at, sentence)
        cases.append(Case("consistency:shares", "SO005", full, (start, start + len(sentence)), negative))
    return cases


def plant_age(text, rng):
    spans = sentences(text)
    if len(spans) < 5 or re.search(r"\d-[Jj]ährig", text):
        return []
    gender, noun, article = rng.choice(AGE_NOUNS)
    a = rng.randint(18, 89)
    b = int(str(a)[::-1]) if str(a)[::-1] != str(a) and int(str(a)[::-1]) >= 10 else a + 10
    intro = f"{'Ein' if gender == 'm' else 'Eine'} {a}-jährige{'r' if gender == 'm' else ''} {noun} war beteiligt."
    i = rng.randrange(1, len(spans) - 3)
    cases = []
    for value, negative in ((b, False), (a, True)):
        later = f"{article} {value}-Jährige {rng.choice(AGE_TAILS)}"
        j = spans[i + 2][0]
        full = text[: spans[i][0]] + intro + " " + text[spans[i][0] : j] + later + " " + text[j:]
        start = j + len(intro) + 1
        cases.append(Case("consistency:age", "SO006", full, (start, start + len(later)), negative))
    return cases


def plant_weekday(text, rng):
    spans = sentences(text)
    if len(spans) < 3:
        return []
    day = dt.date(rng.randint(2010, 2025), rng.randint(1, 12), rng.randint(1, 28))
    at = spans[rng.randrange(1, len(spans))][0]
    cases = []
    for negative in (False, True):
        weekday = day.weekday() if negative else (day.weekday() + rng.randint(1, 6)) % 7
        sentence = f"Die Entscheidung fiel am {WEEKDAYS[weekday]}, {day.day}. {MONTHS[day.month - 1]} {day.year}."
        full, start = insert(text, at, sentence)
        cases.append(Case("consistency:weekday", "SO007", full, (start, start + len(sentence)), negative))
    return cases


def plant_relative(text, rng):
    spans = sentences(text)
    if len(spans) < 3:
        return []
    published = dt.date(rng.randint(2010, 2025), rng.randint(1, 12), rng.randint(1, 28))
    offset, word = rng.choice(((-1, "gestern"), (0, "heute"), (-2, "vorgestern")))
    right = (published + dt.timedelta(days=offset)).weekday()
    head = f"---\ndate: {published.isoformat()}\n---\n\n"
    at = spans[rng.randrange(1, len(spans))][0]
    cases = []
    for negative in (False, True):
        weekday = right if negative else (right + rng.randint(1, 6)) % 7
        sentence = f"Die Behörde bestätigte das {word}, {WEEKDAYS[weekday]}, auf Anfrage."
        full, start = insert(text, at, sentence)
        full = head + full.replace("\n", " ")
        start += len(head)
        cases.append(Case("consistency:relative", "SO008", full, (start, start + len(sentence)), negative, "case.md"))
    return cases


# ----- sources -------------------------------------------------------------
def figure_sentences(texts) -> list[tuple[int, str]]:
    """Real sentences with a figure (and the article they come from), their
    source removed where one can be cut off cleanly."""
    out = []
    for index, text in enumerate(texts):
        for s, e in sentences(text):
            sentence = text[s:e]
            if not FIGURE.search(sentence) or len(sentence) > 300 or "?" in sentence:
                continue
            for cut in SOURCE_CUTS:
                sentence = cut.sub("", sentence)
            sentence = sentence.strip()
            if sentence and sentence[0].islower():
                sentence = sentence[0].upper() + sentence[1:]
            if FIGURE.search(sentence) and not CUE.search(sentence) and sentence.endswith("."):
                out.append((index, sentence))
    return out


def plant_claim(text, rng, cls, code, sentence):
    spans = sentences(text)
    at = quiet_place(text, spans, rng)
    if at is None:
        return []
    full, start = insert(text, at, sentence)
    return [Case(cls, code, full, (start, start + len(sentence)))]


def negative(case: Case, replacement: str) -> Case:
    """A hard negative of the planted ``case``: its text with the planted span replaced."""
    start, end = case.span
    return Case(case.cls, case.code, case.text[:start] + replacement + case.text[end:], (start, start + len(replacement)), True)


def plant_unsourced(text, rng, pool):
    # From another article: a figure said before in the same article is reported once, at its first mention.
    others = [sentence for index, sentence in pool if index != id(text) and sentence not in text]
    if not others:
        return []
    sentence = rng.choice(others)
    cases = plant_claim(text, rng, "sources:unsourced-figure", "SO001", sentence)
    if cases:
        # Hard negatives: the same figure with a source in a form of its own.
        org = rng.choice(ORGS)
        after = sentence + " " + rng.choice(SOURCED_AFTER).format(o=org)
        cases.append(negative(cases[0], after))
        cases.append(negative(cases[0], rng.choice(SOURCED_IN).format(o=org, s=sentence[0].lower() + sentence[1:])))
    return cases


def plant_people(text, rng):
    n = rng.choice((1200, 2500, 3400, 15000, 42000, 1800))
    sentence = f"Rund {german(n)} {rng.choice(PEOPLE)} {rng.choice(PEOPLE_VERBS)}."
    return plant_claim(text, rng, "sources:people-count", "SO001", sentence)


def plant_magnitude(text, rng):
    sentence = rng.choice(MAGNITUDES).format(p=rng.choice(PEOPLE))
    return plant_claim(text, rng, "sources:magnitude-change", "SO001", sentence)


def plant_record(text, rng):
    sentence = rng.choice(RECORDS).format(p=rng.choice(PEOPLE))
    cases = plant_claim(text, rng, "sources:record", "SO003", sentence)
    if cases:
        # Hard negative: the record with its source in the next sentence, pointing back. Drawn
        # from a generator of its own, so the cases of the other classes stay as they were.
        own = random.Random(sentence + str(cases[0].span))
        cases.append(negative(cases[0], sentence + " " + own.choice(SOURCED_AFTER).format(o=own.choice(ORGS))))
    return cases


def plant_vague(text, rng):
    spans = sentences(text)
    plain = [text[s:e] for s, e in spans[1:] if not CUE.search(text[s:e]) and 40 < e - s < 250 and text[s:e].endswith(".")]
    if not plain:
        return []
    base = rng.choice(plain)
    phrase = rng.choice(VAGUE).format(k=rng.choice(CIRCLES))
    sentence = phrase + base[0].lower() + base[1:]
    cases = plant_claim(text, rng, "sources:vague-attribution", "SO002", sentence)
    if cases:
        cases.append(negative(cases[0], rng.choice(NOT_VAGUE)))
    return cases


def run(cases: list[Case], show: str | None, dump: str | None = None, precision: dict | None = None) -> dict[str, list[int]]:
    """Recall per class; ``precision`` (if given) collects per consistency rule
    [right warnings, all warnings] over the whole planted texts: a warning on the
    planted contradiction is right, any other (elsewhere in the article, or on a
    hard negative) is wrong."""
    tally: dict[str, list[int]] = {}
    for case in cases:
        warnings = [d for d in check_text(case.text, Path(case.path), select=[case.code]) if d.code == case.code and str(d.severity) == "warning"]
        found = [d for d in warnings if d.start < case.span[1] and d.end > case.span[0]]
        if precision is not None and case.cls.startswith("consistency"):
            counts = precision.setdefault(case.code, [0, 0])
            counts[0] += 0 if case.negative else min(1, len(found))
            counts[1] += len(warnings) - (len(found) - min(1, len(found)) if not case.negative else 0)
        key = case.cls + (" (hard negatives)" if case.negative else "")
        ok = not found if case.negative else bool(found)
        counts = tally.setdefault(key, [0, 0])
        counts[0] += ok
        counts[1] += 1
        if show and show in key and not ok:
            print(f"  MISSED {key}: {case.text[case.span[0]:case.span[1]]!r}")
            if dump:
                Path(dump).mkdir(parents=True, exist_ok=True)
                (Path(dump) / f"{len(list(Path(dump).iterdir())):03d}.txt").write_text(f"{case.span}\n{case.text}", encoding="utf-8")
    return tally


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT))
    parser.add_argument("--half", choices=("tune", "judge", "all"), default="tune")
    parser.add_argument("--per-class", type=int, default=30)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--show", help="print the missed cases of classes containing this text")
    parser.add_argument("--dump", help="with --show: write each missed case (span, text) to this folder (outside the repository)")
    args = parser.parse_args(argv)
    texts = corpus(Path(args.corpus), args.half)
    if not texts:
        parser.error(f"no articles in {args.corpus}")
    rng = random.Random(args.seed)
    pool = figure_sentences(texts)
    planters = [plant_quantity, plant_shares, plant_age, plant_weekday, plant_relative,
                lambda t, r: plant_unsourced(t, r, pool), plant_people, plant_magnitude, plant_record, plant_vague]
    # Last, so that the cases of the classes above stay as they were.
    planters.append(plant_currency)
    cases: list[Case] = []
    for planter in planters:
        made = 0
        order = list(range(len(texts)))
        rng.shuffle(order)
        for i in order:
            if made >= args.per_class:
                break
            planted = planter(texts[i], rng)
            if planted:
                cases.extend(planted)
                made += 1
    precision: dict[str, list[int]] = {}
    tally = run(cases, args.show, args.dump, precision)
    print(f"{'class':48} {'found':>6} {'cases':>6} {'recall':>7}")
    consistency = [0, 0]
    for key in sorted(tally):
        ok, n = tally[key]
        print(f"{key:48} {ok:6d} {n:6d} {ok / n:7.2f}")
        if key.startswith("consistency") and "negatives" not in key:
            consistency[0] += ok
            consistency[1] += n
    if consistency[1]:
        print(f"{'consistency (all planted contradictions)':48} {consistency[0]:6d} {consistency[1]:6d} {consistency[0] / consistency[1]:7.2f}")
    print(f"{'precision over the planted texts':48} {'right':>6} {'warned':>6} {'prec.':>7}")
    for code in sorted(precision):
        right, warned = precision[code]
        print(f"{code:48} {right:6d} {warned:6d} {right / warned if warned else 1:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
