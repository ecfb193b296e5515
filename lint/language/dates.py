"""German calendar expressions: dates, weekdays and relative days, resolved to days.

- ``dates(prose)``: every date written as day and month name, with an
  optional year ("6. Januar 2025", "6. Jänner"), with the
  weekday written right before it ("Montag, 6. Januar 2025", "Montag, den 6.
  Januar", "am Montag (6. Januar)").
- ``relative_days(prose)``: "vorgestern", "gestern", "heute", "morgen",
  "übermorgen" with a weekday or date in apposition ("gestern, Montag,",
  "heute (6. Januar)", "am gestrigen Montag").
- ``publication_date(doc)``: the document's date from its metadata (front
  matter ``date:``), or ``None``.

A date without a year takes the year that puts it nearest to the publication
date (an article of 2 January 2025 about "28. Dezember" means 2024).
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from lint.cache import regexcache
from lint.model.record import named_tuple

if TYPE_CHECKING:
    import datetime as dt

    from lint.model.document import Document

WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
_WEEKDAY_INDEX = {name: i for i, name in enumerate(WEEKDAYS)} | {"Sonnabend": 5}
MONTHS = {
    "Januar": 1, "Jänner": 1, "Februar": 2, "Feber": 2, "März": 3, "April": 4, "Mai": 5, "Juni": 6, "Juli": 7,
    "August": 8, "September": 9, "Oktober": 10, "November": 11, "Dezember": 12,
}
RELATIVE = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}
_RELATIVE_ADJ = {"vorgestrigen": -2, "gestrigen": -1, "heutigen": 0, "morgigen": 1}

_WEEKDAY = "(?P<weekday>" + "|".join(_WEEKDAY_INDEX) + ")"


# The patterns are compiled by the first text that may hold a date, not at import: most
# articles name no month, and a run that reads none compiles none of the 25 patterns.


@cache
def _date_patterns() -> tuple[re.Pattern, dict[str, re.Pattern], re.Pattern, re.Pattern]:
    """``dates``' patterns: any month name, each month name on its own, the day (and
    weekday) before a month name, the year after it."""
    return (
        # The month name first (a literal the engine finds fast); day, weekday and year are read around it.
        regexcache.compile("(?:" + "|".join(MONTHS) + r")(?![\w-])"),
        # Each month name on its own: a scan led by one literal is several times cheaper than
        # the alternation, which has no common first character.
        {name: regexcache.compile(name + r"(?![\w-])") for name in MONTHS},
        regexcache.compile(
            rf"(?<![\w.])(?:{_WEEKDAY}(?:,\s*(?:den\s+|dem\s+)?|\s+\(\s*|\s+den\s+|\s+dem\s+))?(?<![\d.])(?P<day>[0-3]?\d)\.\s?$"
        ),
        regexcache.compile(r"\s+(?P<year>(?:19|20)\d\d)(?!\d)"),
    )


@cache
def _relative_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """``relative_days``' patterns: a relative day, what is set beside it, a relative
    adjective with its weekday ("am gestrigen Montag"), the preposition before that."""
    return (
        regexcache.compile(r"(?:vorgestern|gestern|heute|übermorgen|Vorgestern|Gestern|Heute|Übermorgen)(?![\w-])"),
        regexcache.compile(
            rf"(?:,\s*|\s+\(\s*)(?:am\s+|den\s+)?(?P<what>{'|'.join(_WEEKDAY_INDEX)}|[0-3]?\d\.\s?(?:{'|'.join(MONTHS)}))(?![\w-])"
        ),
        regexcache.compile(rf"(?:{'|'.join(_RELATIVE_ADJ)})\s+(?P<what>{'|'.join(_WEEKDAY_INDEX)})(?![\w-])"),
        regexcache.compile(r"\b(?i:am|vom|seit)\s+$"),
    )


@cache
def _hyphenated_weekday() -> re.Pattern:
    """A weekday ending a hyphenated word ("Rosen-Montag"), looked for in ``analysis.word_lines``."""
    return regexcache.compile("-(?:" + "|".join(_WEEKDAY_INDEX) + r")$", re.MULTILINE)


@cache
def _metadata_date_patterns() -> tuple[re.Pattern, re.Pattern]:
    """A metadata date: ISO ("2025-01-06") and German ("6.1.2025")."""
    return regexcache.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), regexcache.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})")


@cache
def _front_date() -> re.Pattern:
    """The ``date:`` line of front matter."""
    return regexcache.compile(r"^date\s*[:=]\s*[\"']?([^\"'\n]+)", re.MULTILINE)


@named_tuple
class DateMention:
    """A written date: its span, the day it names (``None`` when impossible,
    e.g. "31. Februar") and the weekday written with it (0 = Monday), if any."""

    start: int
    end: int
    day: dt.date | None
    weekday: int | None
    weekday_start: int | None
    year_given: bool


@named_tuple
class RelativeDay:
    """"gestern, Montag": the offset from the publication day and what it is set beside."""

    start: int
    end: int
    offset: int
    weekday: int | None
    day_month: tuple[int, int] | None


def make_date(year: int, month: int, day: int) -> dt.date:
    """``datetime.date(year, month, day)``. ``datetime`` is imported by the first
    date built, not by every run: its import is about 1% of the instructions of a
    one-article run, and a text without a written date never needs it."""
    import datetime

    return datetime.date(year, month, day)


def parse_date(text: str) -> dt.date | None:
    """A metadata date: ISO ("2025-01-06", also with a time after it) or German ("6.1.2025")."""
    text = str(text).strip()
    iso, german = _metadata_date_patterns()
    for rx, order in ((iso, (0, 1, 2)), (german, (2, 1, 0))):
        m = rx.match(text)
        if m:
            parts = [int(p) for p in m.groups()]
            try:
                return make_date(parts[order[0]], parts[order[1]], parts[order[2]])
            except ValueError:
                return None
    return None


def publication_date(doc: "Document") -> dt.date | None:
    """The document's date: ``doc.meta["date"]``; for a source with front
    matter that the reader has not parsed into metadata, its ``date:`` line."""
    value = doc.meta.get("date") if doc.meta else None
    if value:
        return parse_date(value)
    source = doc.source
    for fence in ("---", "+++"):
        if source.startswith(fence + "\n") or source.startswith(fence + "\r\n"):
            end = source.find("\n" + fence, 3)
            if end != -1:
                m = _front_date().search(source, 0, end)
                if m:
                    return parse_date(m.group(1))
    return None


def _resolve(day: int, month: int, year: int | None, near: dt.date | None) -> dt.date | None:
    try:
        if year is not None:
            return make_date(year, month, day)
        if near is None:
            return None
        candidates = []
        for y in (near.year - 1, near.year, near.year + 1):
            try:
                candidates.append(make_date(y, month, day))
            except ValueError:
                pass
        return min(candidates, key=lambda d: abs((d - near).days)) if candidates else None
    except ValueError:
        return None


def dates(prose: str, near: dt.date | None = None, months: Iterable[str] | None = None) -> list[DateMention]:
    """Dates with day and month name in ``prose``; year-less ones resolved near ``near``.
    ``months``: the month names to look for (None: all), such as those the text has as
    words of their own (``doc.analysis.word_counts``): a date's month name is one (a
    full stop or blank before it, neither letter nor hyphen after)."""
    out = []
    any_month, month_name, day_before, year_after = _date_patterns()
    for m in _month_names(prose, months, any_month, month_name):
        head = day_before.search(prose, max(0, m.start() - 40), m.start())
        if head is None:
            continue
        day, month = int(head.group("day")), MONTHS[m.group(0)]
        if not 1 <= day <= 31:
            continue
        year = year_after.match(prose, m.end())
        end = year.end() if year else m.end()
        weekday = head.group("weekday")
        resolved = _resolve(day, month, int(year.group("year")) if year else None, near)
        out.append(
            DateMention(
                head.start(), end, resolved, _WEEKDAY_INDEX[weekday] if weekday else None,
                head.start("weekday") if weekday else None, bool(year),
            )
        )
    return out


def _month_names(prose: str, months: Iterable[str] | None, any_month: re.Pattern, month_name: dict[str, re.Pattern]) -> Iterator[re.Match]:
    """The month names of ``months`` (None: all) in ``prose``, in the order of their
    starts: one literal-led scan per name, merged (no name ends another, so they never
    overlap and the order is the alternation's)."""
    if months is None:
        return any_month.finditer(prose)
    return heapq.merge(*(month_name[name].finditer(prose) for name in months), key=re.Match.start)


def may_hold_weekday_dates(words) -> bool:
    """Whether a text of these words (``doc.analysis``: ``word_counts``, ``word_lines``)
    can hold a date with its weekday (``dates``): the month name is a word of its own
    (a full stop or blank before it, neither letter nor hyphen after), and so is the
    weekday, or it ends a hyphenated word."""
    counts = words.word_counts.keys()  # a view: the names are looked up in it, not the words in the names
    if MONTHS.keys().isdisjoint(counts):
        return False
    return not _WEEKDAY_INDEX.keys().isdisjoint(counts) or _hyphenated_weekday().search(words.word_lines) is not None


def may_hold_relative_days(words) -> bool:
    """Whether a text of these words (``doc.analysis.word_counts``) can hold a relative
    day (``relative_days``): what it is set beside, a weekday or a date's month name,
    is a word of its own."""
    counts = words.word_counts.keys()  # a view: the names are looked up in it, not the words in the names
    return not (_WEEKDAY_INDEX.keys().isdisjoint(counts) and MONTHS.keys().isdisjoint(counts))


def relative_days(prose: str) -> list[RelativeDay]:
    """Relative day words set beside a weekday or date."""
    found = []
    relative, beside, adjective, adjective_before = _relative_patterns()
    for m in relative.finditer(prose):
        if m.start() and prose[m.start() - 1].isalnum():
            continue
        what = beside.match(prose, m.end())
        if what is not None:
            found.append((m.start(), what.end(), RELATIVE[m.group(0).lower()], what.group("what")))
    for m in adjective.finditer(prose):
        before = adjective_before.search(prose, max(0, m.start() - 6), m.start())
        if before is not None:
            word = m.group(0).split()[0]
            found.append((before.start(), m.end(), _RELATIVE_ADJ[word], m.group("what")))
    out = []
    for start, end, offset, what in sorted(found):
        weekday = _WEEKDAY_INDEX.get(what)
        day_month = None
        if weekday is None:
            d, _, month = what.partition(".")
            day_month = (int(d), MONTHS[month.strip()])
        out.append(RelativeDay(start, end, offset, weekday, day_month))
    return out
