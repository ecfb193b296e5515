"""Quantities in German prose, with their values: numbers, scales, units, ages.

- ``quantities(prose)``: a number (digits "3.000", "2,5"; or a number word
  "zehn", "zwei") with an optional scale ("Millionen", "Mrd.") and its unit:
  a currency ("Euro", "$"), percent ("%", "Prozent") or the capitalised noun
  it counts ("300 Menschen"). ``Quantity.value`` is the full value,
  ``Quantity.unit`` a normalised key (currency name, "%", or the noun's stem).
- ``percentages(prose)``: the percent quantities with what they are shares of
  ("40 Prozent der Stimmen": "stimmen") and whether they state a change ("um
  5 Prozent", "+5 %", "Prozentpunkte").
- ``ages(prose)``: ages of persons ("der 54-Jährige", "eine 23-jährige
  Frau", "Hans Berg (54)", "Berg, 54,").
- ``number_value(text)``: the value of a written number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lint.cache import regexcache

WORD_NUMBERS = {
    "null": 0, "ein": 1, "eine": 1, "einen": 1, "einer": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20,
    "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
    "hundert": 100, "tausend": 1000,
}
SCALES = {
    "tausend": 10**3, "tsd.": 10**3, "mio.": 10**6, "million": 10**6, "millionen": 10**6, "mrd.": 10**9,
    "milliarde": 10**9, "milliarden": 10**9, "bio.": 10**12, "billion": 10**12, "billionen": 10**12,
}
CURRENCIES = {"euro": "Euro", "€": "Euro", "eur": "Euro", "dollar": "Dollar", "us-dollar": "Dollar", "$": "Dollar",
              "franken": "Franken", "chf": "Franken", "pfund": "Pfund", "£": "Pfund", "yen": "Yen", "rubel": "Rubel"}

_NUMBER = r"(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|(?i:" + "|".join(sorted((w for w in WORD_NUMBERS if w not in ("ein", "eine", "einen", "einer", "eins", "null")), key=len, reverse=True)) + r"))"
_SCALE = r"(?:\s+(?P<scale>Tausend|Tsd\.|Mio\.|Millionen|Million|Mrd\.|Milliarden|Milliarde|Bio\.|Billionen|Billion)(?![\w-]))?"
_UNIT = r"(?:\s*(?P<unit>%|€|\$|£)|\s+(?P<word>Prozent(?![\w-])|Prozentpunkte?n?(?![\w-])|[A-ZÄÖÜ][\w-]*[a-zäöüß](?![\w-])))"
_QUANTITY = regexcache.compile(
    r"(?P<before>(?:\b(?i:um|auf|von|rund|etwa|mehr\s+als|weniger\s+als|knapp|fast|über|unter|insgesamt|nur|mindestens|bis\s+zu)\s+)?)"
    r"(?<![\w.,:/§#+\-–])" + _NUMBER + r"(?![.,:/]\d)(?![\w-])" + _SCALE + _UNIT
)
_AGE = regexcache.compile(
    r"(?P<art>\b(?i:der|die|dem|den|des|ein|eine|einem|einen|eines|einer)\s+)?(?:\w+\s+)?(?P<age>\d{1,3})-[Jj]ährige(?P<end>[rnms]?)\b"
    r"|(?P<name>[A-ZÄÖÜ][\w-]+)\s+\((?P<age2>\d{1,3})\)"
    r"|(?P<name3>[A-ZÄÖÜ][\w-]+),\s+(?P<age3>\d{1,3}),\s"
)
_WHOLE_AFTER = regexcache.compile(r"\s+(?:der|des|aller|aus\s+der|von)\s+(?:\w+\s+)?([A-ZÄÖÜ][\w-]+)")
_CHANGE_BEFORE = regexcache.compile(r"(?:\b(?:um|von|plus|minus|Plus|Minus|je|jeweils|bis)\s+(?:\w+\s+)?|[+\-–±]\s?)$")


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    value: float
    mantissa: float
    scale: int
    unit: str
    text: str
    before: str  # the word before the number ("um", "rund", ...), lower case


@dataclass(frozen=True, slots=True)
class Share:
    start: int
    end: int
    value: float
    whole: str  # what it is a share of ("stimmen"), "" when not said
    change: bool  # a change ("um 5 Prozent", "+5 %", percentage points), not a share


@dataclass(frozen=True, slots=True)
class Age:
    start: int
    end: int
    age: int
    definite: bool  # "der 54-Jährige": refers back to a person named before
    indefinite: bool  # "ein 54-jähriger Lehrer", "eine 23-Jährige": introduces a person by age alone
    gender: str  # "m", "f" or "" (unknown)
    name: str  # the person's name when written with it ("Berg (54)")


def number_value(text: str) -> float | None:
    """"3.000" 3000, "2,5" 2.5, "zehn" 10; ``None`` if not a number."""
    low = text.lower()
    if low in WORD_NUMBERS:
        return float(WORD_NUMBERS[low])
    try:
        return float(text.replace(".", "").replace(",", "."))
    except ValueError:
        return None


def unit_key(word: str) -> str:
    """A normalised unit: the currency, "%", or the noun without its plural or case ending."""
    low = word.lower()
    if low in CURRENCIES:
        return CURRENCIES[low]
    if low == "prozent":
        return "%"
    if low.startswith("prozentpunkt"):
        return "pp"
    for ending in ("innen", "ern", "en", "er", "n", "e", "s"):
        if low.endswith(ending) and len(low) - len(ending) >= 4:
            return low[: -len(ending)]
    return low


def quantities(prose: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    end = len(prose) if end is None else end
    out = []
    for m in _QUANTITY.finditer(prose, start, end):
        mantissa = number_value(m.group("num"))
        if mantissa is None:
            continue
        scale_word = m.group("scale")
        scale = SCALES[scale_word.lower()] if scale_word else 1
        unit = m.group("unit") or m.group("word")
        out.append(
            Quantity(m.start("num"), m.end(), mantissa * scale, mantissa, scale, unit_key(unit), m.group(0), m.group("before").strip().lower())
        )
    return out


def percentages(prose: str, start: int, end: int) -> list[Share]:
    out = []
    for q in quantities(prose, start, end):
        if q.unit not in ("%", "pp"):
            continue
        whole = _WHOLE_AFTER.match(prose, q.end)
        change = q.unit == "pp" or q.before in ("um", "von") or _CHANGE_BEFORE.search(prose, max(start, q.start - 12), q.start) is not None
        out.append(Share(q.start, q.end, q.value, unit_key(whole.group(1)) if whole else "", change))
    return out


def ages(prose: str) -> list[Age]:
    out = []
    for m in _AGE.finditer(prose):
        if m.group("age"):
            article = (m.group("art") or "").strip().lower()
            ending = m.group("end")
            gender = ""
            if ending == "r" or (article == "der" and not ending):
                gender = "m"
            elif article in ("die", "eine") and not ending:
                gender = "f"
            noun = m.group(0)[m.start("age") - m.start() :].split("-", 1)[1][:1] == "J"  # "der 54-Jährige", not "der 54-jährige Fahrer"
            out.append(Age(m.start("age"), m.end(), int(m.group("age")), noun and article in ("der", "die", "dem", "den", "des"), article.startswith("ein"), gender, ""))
        elif m.group("age2"):
            out.append(Age(m.start(), m.end(), int(m.group("age2")), False, False, "", m.group("name")))
        else:
            out.append(Age(m.start(), m.end() - 2, int(m.group("age3")), False, False, "", m.group("name3")))
    return out
