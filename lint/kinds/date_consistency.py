"""``date-consistency``: weekdays and relative days that do not fit their date.

``check = "weekday"``: a weekday written with a date must be that date's
weekday ("Montag, 6. Januar 2025" is right, "Dienstag, 6. Januar 2025" is
not). A date without a year is resolved against the publication date
(``doc.meta["date"]``, front matter ``date:``, or the ``date`` option),
choosing the year nearest to it; without any date it is not checked.

``check = "relative"``: "gestern", "heute", "morgen" set beside a weekday or
date ("gestern, Montag," "heute (6. Januar)") must be that day counted from
the publication date; without a publication date nothing is checked.

Message fields: ``{match}``, ``{expected}`` (the weekday or date that fits).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from lint.kinds.base import Kind
from lint.language.dates import (
    MONTHS, WEEKDAYS, dates, may_hold_relative_days, may_hold_weekday_dates, parse_date, publication_date, relative_days,
)
from lint.model.errors import ConfigError
from lint.plugins.hookspecs import hookimpl

if TYPE_CHECKING:
    import datetime as dt

CHECKS = ("weekday", "relative")


class DateConsistency(Kind):
    name = "date-consistency"
    defaults: ClassVar[dict[str, Any]] = {"check": "weekday", "date": ""}

    def published(self, doc) -> dt.date | None:
        found = publication_date(doc)
        if found is None and self.options["date"]:
            found = parse_date(self.options["date"])
        return found

    def check(self, doc):
        check = self.options["check"]
        if check not in CHECKS:
            raise ConfigError(f"{self.rule.file}: check {check!r} is not one of {', '.join(CHECKS)}")
        published = self.published(doc)
        if check == "weekday":
            yield from self._weekdays(doc, published)
        elif published is not None:
            yield from self._relative(doc, published)

    def _weekdays(self, doc, published):
        if not may_hold_weekday_dates(doc.analysis):
            return
        counts = doc.analysis.word_counts
        for mention in dates(doc.prose, published, [name for name in MONTHS if name in counts]):
            if mention.weekday is None or mention.day is None:
                continue
            if mention.day.weekday() != mention.weekday:
                yield self.report(doc, mention.weekday_start, mention.end, expected=WEEKDAYS[mention.day.weekday()])

    def _relative(self, doc, published):
        if not may_hold_relative_days(doc.analysis):
            return
        import datetime  # imported with the publication date (``dates.make_date``), not by every run

        for rel in relative_days(doc.prose):
            day = published + datetime.timedelta(days=rel.offset)
            if rel.weekday is not None and day.weekday() != rel.weekday:
                yield self.report(doc, rel.start, rel.end, expected=WEEKDAYS[day.weekday()])
            elif rel.day_month is not None and (day.day, day.month) != rel.day_month:
                yield self.report(doc, rel.start, rel.end, expected=f"{day.day}. {day.month}.")


@hookimpl
def register_kinds():
    return [DateConsistency]
