"""Quantities in German prose, with their values: numbers, scales, units, ages.

- ``quantities(prose)``: a number in digits ("3.000", "2,5") with an optional scale ("Millionen", "Mrd.") and its unit:
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

import heapq
import re
from bisect import bisect_left
from collections.abc import Iterator

from lint.cache import regexcache
from lint.language.segment import mark_positions, matches_at
from lint.model.record import named_tuple

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

_SCALE = r"(?:\s+(?P<scale>Tausend|Tsd\.|Mio\.|Millionen|Million|Mrd\.|Milliarden|Milliarde|Bio\.|Billionen|Billion)(?![\w-]))?"
_UNIT = r"(?:\s*(?P<unit>%|€|\$|£)|\s+(?P<word>Prozent(?![\w-])|Prozentpunkte?n?(?![\w-])|[A-ZÄÖÜ][\w-]*[a-zäöüß](?![\w-])))"
# The number first, its first digit before anything else, so that the regex
# engine skips ahead to digits; the word before it is read afterwards. Numbers
# written as words are not compared ("zehn Menschen"): they are small and rare.
# The number is an atomic group: a shorter reading leaves a digit or a separator
# before a digit next, which the look ahead after it refuses, so the engine need
# not try one (about a tenth fewer instructions over the number starts of a text).
_QUANTITY_DIGITS = regexcache.compile(
    r"[0-9](?<![\w.,:/§#+\-–][0-9])(?>(?:\d{0,2}(?:\.\d{3})+|\d*)(?:,\d+)?)(?![.,:/]\d)(?![\w-])" + _SCALE + _UNIT
)
_BEFORE = regexcache.compile(r"\b(?i:um|auf|von|rund|etwa|mehr\s+als|weniger\s+als|knapp|fast|über|unter|insgesamt|nur|mindestens|bis\s+zu)\s+$")
# "-Jährige" first (a literal the engine finds fast), the number before it read back.
_AGE = regexcache.compile(r"ährige(?P<end>[rnms]?)\b")
_AGE_NUMBER = regexcache.compile(r"(?<![\d.,])(?P<age>\d{1,3})-(?P<j>[Jj])$")
_AGE_ARTICLE = regexcache.compile(r"\b(?P<art>(?i:der|die|dem|den|des|ein|eine|einem|einen|eines|einer))\s+(?:\w+\s+)?$")
#: An age after a name, "(54)" or ", 54, ": two patterns, each led by its own literal
#: (as one alternation without a common first character the regex engine tried both
#: branches at every character, several times the cost of two literal-led scans).
_NAMED_AGE_PARENS = regexcache.compile(r"\((?P<age>\d{1,3})\)")
_NAMED_AGE_COMMAS = regexcache.compile(r",\s+(?P<age>\d{1,3}),\s")
#: The name before "(54)" or ", 54,": its last word, and the capitalised word before
#: it where there is one ("Manchester City (64)" and "Leicester City (76)" are two names).
_NAME_BEFORE = regexcache.compile(r"(?:(?P<first>[A-ZÄÖÜ][\w-]+)\s+)?(?P<name>[A-ZÄÖÜ][\w-]+)\s*$")
#: No person is older.
MAX_AGE = 120
_WHOLE_AFTER = regexcache.compile(r"\s+(?:der|des|aller|aus\s+der|von)\s+(?:\w+\s+)?([A-ZÄÖÜ][\w-]+)")
_CHANGE_BEFORE = regexcache.compile(r"(?:\b(?:um|von|plus|minus|Plus|Minus|je|jeweils|bis)\s+(?:\w+\s+)?|[+\-–±]\s?)$")


@named_tuple
class Quantity:
    start: int
    end: int
    value: float
    mantissa: float
    scale: int
    unit: str
    text: str
    before: str  # the word before the number ("um", "rund", ...), lower case


@named_tuple
class Share:
    start: int
    end: int
    value: float
    whole: str  # what it is a share of ("stimmen"), "" when not said
    change: bool  # a change ("um 5 Prozent", "+5 %", percentage points), not a share


@named_tuple
class Age:
    start: int
    end: int
    age: int
    definite: bool  # "der 54-Jährige": refers back to a person named before
    indefinite: bool  # "ein 54-jähriger Lehrer", "eine 23-Jährige": introduces a person by age alone
    gender: str  # "m", "f", "n" or "" (unknown)
    name: str  # the person's name when written with it ("Berg (54)")
    first: str = ""  # the word before that name, if capitalised ("Anna Berg (54)": "Anna")


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


_NUMBER_AT = regexcache.compile(r"\d[\d.]*(?:,\d+)?")

#: What may stand right before the first digit of a number written in digits: no word
#: character and none of these (the look back of ``_QUANTITY_DIGITS`` and of figure
#: detection, ``[\w.,:/§#+\-–]``; ``\w`` is what ``str.isalnum`` accepts, and "_").
_GLUE = "_.,:/§#+-–"


def char_places(text: str, chars: str) -> list[int]:
    """The offsets in ``text`` of the characters ``chars`` that stand after no character
    a number's first digit may not follow (``_GLUE``, a letter or a digit), in order:
    ``segment.mark_positions`` (one search in C per character; a regex led by a
    character class, ``[0-9]``, tests every character of the text in turn)."""
    return [i for i in mark_positions(text, chars) if not i or not (text[i - 1].isalnum() or text[i - 1] in _GLUE)]


_DIGITS = "0123456789"


def number_starts(prose: str, words=None) -> list[int]:
    """Where a number written in digits may start in ``prose`` (``char_places`` of the
    digits), found once per document for every rule that asks (``words``: the
    document's analysis, when ``prose`` is its prose)."""
    if words is None:
        return char_places(prose, _DIGITS)
    found_in, starts = words.remember("number starts", lambda: (prose, char_places(prose, _DIGITS)))
    return starts if found_in is prose else char_places(prose, _DIGITS)


def quantities(prose: str, start: int = 0, end: int | None = None, words=None) -> list[Quantity]:
    """The quantities of ``prose[start:end]`` (``words``: the document's analysis, see
    ``number_starts``): ``_QUANTITY_DIGITS`` tried only where a number starts."""
    end = len(prose) if end is None else end
    out = []
    starts = number_starts(prose, words)
    starts = starts[bisect_left(starts, start) : bisect_left(starts, end)]
    for m in matches_at(_QUANTITY_DIGITS, prose, starts, end):
        at, stop = m.span()
        mantissa = number_value(_NUMBER_AT.match(prose, at).group())
        if mantissa is None:
            continue
        scale_word, unit, noun = m.group("scale", "unit", "word")
        scale = SCALES[scale_word.lower()] if scale_word else 1
        before = _BEFORE.search(prose, max(start, at - 16), at)
        if before is None:
            text, word = prose[at:stop], ""
        else:
            text, word = prose[before.start() : stop], " ".join(before.group().split()).lower()
        out.append(Quantity(at, stop, mantissa * scale, mantissa, scale, unit_key(unit or noun), text, word))
    return out


def percentages(prose: str, start: int, end: int, words=None) -> list[Share]:
    """The shares of ``prose[start:end]`` (``words``: see ``quantities``)."""
    out = []
    for q in quantities(prose, start, end, words):
        if q.unit not in ("%", "pp"):
            continue
        whole = _WHOLE_AFTER.match(prose, q.end)
        change = q.unit == "pp" or q.before in ("um", "von") or _CHANGE_BEFORE.search(prose, max(start, q.start - 12), q.start) is not None
        out.append(Share(q.start, q.end, q.value, unit_key(whole.group(1)) if whole else "", change))
    return out


def _named_ages(prose: str) -> Iterator[re.Match]:
    """The matches of "(54)" and of ", 54, " in the order of their starts, as one
    alternation of the two would find them: the two shapes never overlap (one holds
    no comma, the other no parenthesis), so the two scans merge into that order."""
    return heapq.merge(_NAMED_AGE_PARENS.finditer(prose), _NAMED_AGE_COMMAS.finditer(prose), key=re.Match.start)


def ages(prose: str) -> list[Age]:
    out = []
    for m in _AGE.finditer(prose):
        number = _AGE_NUMBER.search(prose, max(0, m.start() - 5), m.start())
        if number is None:
            continue
        art = _AGE_ARTICLE.search(prose, max(0, number.start() - 40), number.start())
        article = art.group("art").lower() if art else ""
        ending = m.group("end")
        gender = ""
        if ending == "r" or (article == "der" and not ending):
            gender = "m"
        elif ending == "s" and article in ("ein", "das", ""):
            gender = "n"  # "ein 16-jähriges Mädchen": "der 23-Jährige" is somebody else
        elif article in ("die", "eine") and not ending:
            gender = "f"
        noun = number.group("j") == "J"  # "der 54-Jährige", not "der 54-jährige Fahrer"
        definite = noun and article in ("der", "die", "dem", "den", "des")
        out.append(Age(number.start(), m.end(), int(number.group("age")), definite, article.startswith("ein"), gender, ""))
    for m in _named_ages(prose):
        name = _NAME_BEFORE.search(prose, max(0, m.start() - 40), m.start())
        if name is None:
            continue
        age = int(m.group("age"))
        if age > MAX_AGE:
            continue  # "Grüne (366)": a count, no age
        stop = m.end() if m.re is _NAMED_AGE_PARENS else m.end() - 2
        out.append(Age(name.start("name"), stop, age, False, False, "", name.group("name"), name.group("first") or ""))
    out.sort(key=lambda a: a.start)
    return out
