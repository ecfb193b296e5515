"""``number-format``: English number, currency and date formats in German text.

Checks (each with the German form as suggestion):

- currency sign before the amount: "$600 Milliarden" -> "600 Milliarden Dollar"
- English magnitude words: "$5.5 million" -> "5,5 Millionen Dollar"
  ("billion" is a German *Milliarde*)
- decimal point: "11.1%", "5.5 Millionen" -> "11,1 Prozent", "5,5 Millionen"
  (only with one or two digits after the point, so "1.000" stays a thousand)
- percent sign without space: "11,1%" -> "11,1 Prozent"
- English thousands separators: "1,000,000" -> "1.000.000"
- English dates: "January 27, 2025", "27th January 2025", "3/27/2015" -> "27. Januar 2025"
- 12-hour clock: "2:30 PM" -> "14.30 Uhr"; one comma group: "45,000" -> "45.000" (unsafe)
- US and British units: "87 mph", "12 lbs", "95 °F" -> "etwa 140 km/h", "etwa 5,4 kg",
  "etwa 35 °C" (unsafe: a conversion rounds)
- "Billion"/"Trillion" where implausible for what is counted (a hint: English
  "billion" is a Milliarde), see ``_billions``

Every rewrite keeps the value, so fixes are safe, except where the currency
sign is ambiguous ("$" may be US, Canadian or Australian dollars; the fix
then writes "Dollar", which keeps the ambiguity). Values in quotations are
left alone. Message fields: ``{match}``, ``{suggestion}``, ``{reason}``.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

import re
from typing import Any, ClassVar

from lint.cache import regexcache
from lint.model.diagnostics import Severity
from lint.plugins.hookspecs import hookimpl
from lint.kinds.base import Kind
from lint.language.segment import matches_at

_CURRENCY = {"$": "Dollar", "US$": "US-Dollar", "€": "Euro", "£": "Pfund"}
_MAGNITUDE = {
    "million": "Millionen", "millions": "Millionen", "billion": "Milliarden", "billions": "Milliarden",
    "trillion": "Billionen", "trillions": "Billionen", "bn": "Milliarden",
}
_MONTHS = {
    "january": "Januar", "february": "Februar", "march": "März", "april": "April", "may": "Mai", "june": "Juni",
    "july": "Juli", "august": "August", "september": "September", "october": "Oktober", "november": "November",
    "december": "Dezember",
}
_GERMAN_MAGNITUDE = r"Milliarden|Millionen|Billionen|Milliarde|Million|Billion|Mrd\.|Mio\.|Tausend"
_NUMBER = r"\d+(?:[.,]\d+)*"
# Units after which a German decimal with three places is normal ("3,125 Prozent").
_UNITS = (
    r"Prozent|Prozentpunkte|Punkte|Sekunden|Minuten|Meter|Kilometer|Kilo|Kilogramm|Gramm|Tonnen|Liter|Grad|"
    r"Millionen|Milliarden|Mio\.|Mrd\.|Promille|Euro|Dollar|Franken|Pfund|Yen|Punkten|"
    # the same measures inflected and the common spans of time ("4.5 Metern", "1.5 Stunden")
    r"Metern|Kilometern|Zentimeter|Zentimetern|Millimeter|Millimetern|Litern|Prozentpunkten|"
    r"Stunden|Tage|Tagen|Wochen|Monate|Monaten|Jahre|Jahren|"
    # measures of area, volume, energy, power, data, screens and speed, written out or abbreviated
    r"Zoll|Quadratmeter|Quadratmetern|Kubikmeter|Kubikmetern|Hektar|Kilowatt|Kilowattstunden|Megawatt|Gigawatt|"
    r"Watt|Volt|Gigabyte|Terabyte|Megabyte|Megapixel|Gigahertz|Megahertz|Knoten|Meilen|Dezibel|Cent|Rappen|"
    r"km|cm|mm|kg|km/h|m²|kWh|MWh|kW|MW|GW|GB|TB|MB|GHz|MHz|mAh"
)
_UNIT_AFTER = regexcache.compile(r"\s?(?:%|" + _UNITS + r")(?!\w)")
#: US and British units (their abbreviations, which are no German words) → the metric
#: unit and the factor to it ("°F" is converted apart).
_IMPERIAL = {"mph": ("km/h", 1.609344), "mi": ("km", 1.609344), "ft": ("m", 0.3048), "lbs": ("kg", 0.45359237),
             "lb": ("kg", 0.45359237), "oz": ("g", 28.349523), "gal": ("l", 3.785411)}
# "am" is German ("am Montag"): lower-case a.m. counts only with its dots.
_MERIDIEM_WORDS = frozenset(("AM", "PM", "pm"))

# Month names, English and German ("Januar 12, 2023" is the English order in German
# words), each to its German name.
_TO_GERMAN_MONTH = {**_MONTHS, **{german.lower(): german for german in _MONTHS.values()}}
_MONTH_NAMES = "|".join(m.capitalize() for m in _TO_GERMAN_MONTH)
# Any month name: the pattern itself asks for the English shape ("April 3, 2015").
_MONTH_WORDS = frozenset(m.capitalize() for m in _TO_GERMAN_MONTH)
# Month names that are not German too; the shared ones (April, August, ...) are
# common in German text, so the English year after a comma (", 2015") is looked
# for first.
_ENGLISH_ONLY_MONTHS = frozenset(("January", "February", "March", "May", "June", "July", "October", "December"))

# ", 20" or ", 19" (an English year after a comma, "April 3, 2015"): one scan of the
# prose for its commas instead of two substring searches over all of it.
_YEAR_AFTER_COMMA = regexcache.compile(r", (?:20|19)")


def _source(text: str, flags: int = 0) -> tuple[str, int]:
    """A check's pattern as written: ``_compiled`` compiles it when a text first
    passes the check's test, not at import (most texts pass few of the tests)."""
    return text, flags


@cache
def _compiled(text: str, flags: int) -> re.Pattern:
    """A check's pattern, compiled once per process (``_source``)."""
    return regexcache.compile(text, flags)


# Each check: a cheap test on the prose (``in``) or the shared word count,
# then a pattern that starts with literal text where it can, so that the
# regex engine skips ahead fast.
_PATTERNS = [
    (
        "currency",
        lambda prose, words: "$" in prose or "€" in prose or "£" in prose,
        _source(
            r"(?<![\w$€£])(US\$|[$€£])\s?(" + _NUMBER + r")(?:\s?(" + _GERMAN_MAGNITUDE + r"|"
            + "|".join(_MAGNITUDE) + r")(?![\w]))?",
            re.IGNORECASE,
        ),
    ),
    (
        "magnitude",
        lambda prose, words: not words.isdisjoint(_MAGNITUDE),
        _source(r"(?<![\w.,])(" + _NUMBER + r")\s?(" + "|".join(_MAGNITUDE) + r")(?!\w)(\s+(?:US-)?(?:Dollar|Euro))?"),
    ),
    ("thousands", lambda prose, words: "," in prose, _source(r",(?<=\d,)\d{3},\d{3}(?:,\d{3})*(?![\w,]|\.\d)")),
    (
        # "45,000 Menschen": one comma group. A German decimal with exactly three
        # places goes with a unit ("3,125 Prozent", "1,459 Euro") and never ends
        # in 0 ("346,000 Euro" is English); see ``_thousand``.
        "thousand",
        lambda prose, words: "," in prose,
        _source(r",(?<=\d,)\d{3}(?![\w,.]|,\d)"),
    ),
    (
        "clock",
        # ".m." stands in the prose only with "m" among its words (a dot on either side ends
        # the word): the dictionary look-up spares most documents the substring search
        lambda prose, words: not words.isdisjoint(_MERIDIEM_WORDS) or ("m" in words and ".m." in prose),
        _source(r"(?<![\w.:,])(1[0-2]|0?[1-9])(?::([0-5]\d))?\s?(?:([AP])M|([ap])\.m\.|(p)m)(?!\w)"),
    ),
    ("us_date", lambda prose, words: "/" in prose, _source(r"/(?<=\d/)\d{1,2}/(?:\d{4}|\d{2})(?![\w/.])")),
    (
        "decimal",
        lambda prose, words: True,
        # "4.5 Meter", "11.1%", and the first figure of a range: "1.5 bis 2 Prozent"
        _source(
            r"\.(?<=\d\.)(\d{1,2})(\s?%|\s(?:" + _UNITS + "|" + _GERMAN_MAGNITUDE + r")"
            r"|(?=\s?(?:bis|–|-)\s?\d+(?:[.,]\d+)?\s?(?:%|(?:" + _UNITS + "|" + _GERMAN_MAGNITUDE + r")(?!\w))))(?!\w)"
        ),
    ),
    ("percent", lambda prose, words: "%" in prose, _source(r"%(?<=\d%)")),
    (
        # "140 km/h (87 mph)": a unit of the US or British system left in a German text
        "imperial",
        # "°" alone is found with memchr, far cheaper than a search for "°F" (most texts have neither)
        lambda prose, words: not words.isdisjoint(_IMPERIAL) or ("°" in prose and "°F" in prose),
        _source(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s?(" + "|".join(map(re.escape, _IMPERIAL)) + r"|°F)(?![\w/²³])"),
    ),
    (
        "date",
        lambda prose, words: not words.isdisjoint(_ENGLISH_ONLY_MONTHS)
        or (not words.isdisjoint(_MONTH_WORDS) and _YEAR_AFTER_COMMA.search(prose) is not None),
        _source(
            r"(?<!\w)(?:(" + _MONTH_NAMES + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})"
            r"|(\d{1,2})(?:st|nd|rd|th)\s+(?:of\s+)?(" + _MONTH_NAMES + r"),?\s+(\d{4}))(?!\w)"
        ),
    ),
]

# Checks whose every match starts at a comma between two digits ("1,000"): both look
# for their matches only at such commas, found in one scan of the prose for the two
# (each pattern's own scan stopped at every comma of the text).
_AT_DIGIT_COMMAS = frozenset(("thousands", "thousand"))
_DIGIT_COMMA = regexcache.compile(r",(?<=\d,)(?=\d)")


# Checks whose pattern matches only the tail of the number: the digits before are added.
_LEFT_DIGITS = regexcache.compile(r"(?<![\w.,])\d+\Z")
_LEFT_THOUSANDS = regexcache.compile(r"(?<![\w.,])\d{1,3}\Z")
_LEFT_PERCENT = regexcache.compile(r"(?<![\w.,])\d+(?:,\d+)?\Z")
_LEFT_US_DATE = regexcache.compile(r"(?<![\w./])\d{1,2}\Z")
_AMBIGUOUS = frozenset(("thousand", "us_date", "imperial"))  # no safe fix: a conversion rounds
_LEFT = {
    "decimal": _LEFT_DIGITS, "thousands": _LEFT_THOUSANDS, "thousand": _LEFT_THOUSANDS, "percent": _LEFT_PERCENT,
    "us_date": _LEFT_US_DATE,
}

# An English "billion" or "trillion", whose German look-alike means a thousand times more.
_WARNS_OF_MILLIARDE = regexcache.compile(r"[bt]r?illion", re.IGNORECASE)
_BILLION_WORDS = frozenset(("Billion", "Billionen", "Trillion", "Trillionen"))
_BILLION = regexcache.compile(r"(?<![\w.,])(\d+(?:,\d+)?) (Billionen|Billion|Trillionen|Trillion)(?!\w)")

_REASONS = {
    "currency": "Im Deutschen steht die Währung hinter dem Betrag",
    "magnitude": "Englisches Zahlwort (englisch „billion“ ist eine deutsche Milliarde)",
    "thousands": "Englische Tausendertrennzeichen",
    "thousand": "Komma als Tausendertrennzeichen (englisch); im Deutschen steht ein Punkt",
    "clock": "12-Stunden-Uhrzeit mit AM/PM (englisch)",
    "us_date": "Datum in der US-Schreibweise Monat/Tag/Jahr",
    "decimal": "Dezimalpunkt statt Dezimalkomma",
    "percent": "Prozentzeichen ohne Leerzeichen",
    "imperial": "Angloamerikanische Maßeinheit; im Deutschen metrisch",
    "date": "Englisches Datumsformat",
    "billion": "Englisches Zahlwort",
}


def german_number(text: str) -> str | None:
    """``text`` in German notation, or None if its notation is ambiguous."""
    if re.fullmatch(r"\d+", text) or re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,(?:\d{1,2}|\d{4,})", text):
        return text  # already German ("1,000" is left alone: a thousand or one?)
    if re.fullmatch(r"\d+\.\d{1,2}", text) or re.fullmatch(r"\d+\.\d{4,}", text):
        return text.replace(".", ",")
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?", text):
        return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return None


def _german_magnitude(word: str) -> str:
    lower = word.lower()
    if lower in _MAGNITUDE:
        return _MAGNITUDE[lower]
    return {"mrd.": "Milliarden", "mio.": "Millionen"}.get(lower, word)


class _Spans:
    """Non-overlapping spans taken so far, sorted: an overlap test in log time
    (a list scanned per match made thousands of figures quadratic)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start)
        before = i > 0 and self.ends[i - 1] > start
        after = i < len(self.starts) and self.starts[i] < end
        return before or after

    def add(self, start: int, end: int) -> None:
        i = bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


class NumberFormat(Kind):
    name = "number-format"
    defaults: ClassVar[dict[str, Any]] = {"checks": list(_REASONS), "billion_small": [], "billion_large": []}

    def check(self, doc):
        prose = doc.prose
        words = doc.analysis.word_counts.keys()
        enabled = set(self.options["checks"])
        taken = _Spans()
        digit_commas = None
        for name, wanted, source in _PATTERNS:
            if name not in enabled or not wanted(prose, words):
                continue
            pattern = _compiled(*source)
            if name in _AT_DIGIT_COMMAS:
                if digit_commas is None:
                    digit_commas = [m.start() for m in _DIGIT_COMMA.finditer(prose)]
                matches = matches_at(pattern, prose, digit_commas, len(prose))
            else:
                matches = pattern.finditer(prose)
            for m in matches:
                start, end = m.span()
                left = _LEFT.get(name)
                if left is not None:
                    head = left.search(prose, max(0, start - 20), start)
                    if head is None:
                        continue
                    start = head.start()
                if taken.overlaps(start, end) or doc.in_quote(start, end):
                    continue
                suggestion = getattr(self, "_" + name)(m, prose[start:end])
                if suggestion is None:
                    continue
                if name == "currency" and m.group(1) == "$" and prose[end:end + 20].lstrip().startswith(("Dollar", "US-Dollar")):
                    suggestion = ""
                taken.add(start, end)
                # "45,000" may be a German 45 with a stray comma; "3/4/2015" may be 3 April: no safe fix.
                safe = name not in _AMBIGUOUS or (name == "us_date" and int(prose[start:end].split("/")[1]) > 12)
                fix = self.replacement(start, end, suggestion, safe=safe) if suggestion else None
                reason = _REASONS[name]
                if name == "magnitude" and not _WARNS_OF_MILLIARDE.search(prose, start, end):
                    reason = _REASONS["billion"]  # "8.3 million": an English word, no Milliarde to warn of
                yield self.report(doc, start, end, fix=fix, suggestion=suggestion or "", reason=reason)
        if "billion" in enabled and not words.isdisjoint(_BILLION_WORDS):
            yield from self._billions(doc, taken)

    def _billions(self, doc, taken):
        """English "billion"/"trillion" kept as "Billion"/"Trillion" where the
        magnitude is implausible for what is counted: a sentence about a
        company's or a city's money (``billion_small``) and not about a
        country's economy or debt (``billion_large``). Only a hint."""
        prose = doc.prose
        small, large = self.options["billion_small"], self.options["billion_large"]
        for m in _BILLION.finditer(prose):
            start, end = m.span()
            if taken.overlaps(start, end) or doc.in_quote(start, end):
                continue
            sentence = doc.sentence_at(start)
            text = sentence.text if sentence is not None else prose[max(0, start - 200):end + 200]
            if not any(w in text for w in small) or any(w in text for w in large):
                continue
            english, magnitude = ("billion", "Milliarden") if m.group(2).startswith("B") else ("trillion", "Billionen")
            yield self.report(
                doc, start, end, severity=Severity.INFO, suggestion=f"{m.group(1)} {magnitude}",
                reason=f"„{m.group(2)}“ ist hier unplausibel groß; englisch „{english}“ heißt {magnitude}",
            )

    def _currency(self, m: re.Match, text: str) -> str | None:
        sign, number, magnitude = m.group(1), m.group(2), m.group(3)
        value = german_number(number)
        if value is None:
            return ""
        currency = _CURRENCY.get(sign.upper(), "Dollar")
        return f"{value} {_german_magnitude(magnitude)} {currency}" if magnitude else f"{value} {currency}"

    def _magnitude(self, m: re.Match, text: str) -> str | None:
        value = german_number(m.group(1))
        if value is None:
            return ""
        tail = m.group(3) or ""
        return f"{value} {_german_magnitude(m.group(2))}{tail}"

    def _thousands(self, m: re.Match, text: str) -> str | None:
        return german_number(text)

    def _decimal(self, m: re.Match, text: str) -> str | None:
        unit = m.group(2).strip()
        whole = text.split(".")[0]
        if not unit:
            return f"{whole},{m.group(1)}"  # the first figure of a range: its unit follows the second
        return f"{whole},{m.group(1)} {'Prozent' if unit == '%' else unit}"

    def _thousand(self, m: re.Match, text: str) -> str | None:
        if text.startswith("0"):
            return None
        if not text.endswith("0") and _UNIT_AFTER.match(m.string, m.end()):
            return None  # "3,125 Prozent": a German decimal
        return text.replace(",", ".")

    def _clock(self, m: re.Match, text: str) -> str | None:
        hour, minute = int(m.group(1)), m.group(2) or "00"
        half = (m.group(3) or m.group(4) or m.group(5)).lower()
        hour = hour % 12 + (12 if half == "p" else 0)
        return f"{hour}.{minute} Uhr"

    def _us_date(self, m: re.Match, text: str) -> str | None:
        month, day, year = text.split("/")
        if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
            return None
        if len(year) == 2:
            year = "20" + year
        return f"{int(day)}. {list(_MONTHS.values())[int(month) - 1]} {year}"

    def _imperial(self, m: re.Match, text: str) -> str | None:
        value = float(m.group(1).replace(",", "."))
        if m.group(2) == "°F":
            metric, unit = (value - 32) * 5 / 9, "°C"
        else:
            unit, factor = _IMPERIAL[m.group(2)]
            metric = value * factor
        return f"etwa {metric:.0f} {unit}" if metric >= 10 else f"etwa {metric:.1f} {unit}".replace(".", ",")

    def _percent(self, m: re.Match, text: str) -> str | None:
        return f"{text[:-1]} Prozent"

    def _date(self, m: re.Match, text: str) -> str | None:
        month, day, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        if not 1 <= int(day) <= 31:
            return None
        return f"{int(day)}. {_TO_GERMAN_MONTH[month.lower()]} {year}"


@hookimpl
def register_kinds():
    return [NumberFormat]
