"""Which rules run: the command line's ``--select``/``--ignore`` over the configuration's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lint.model.record import Record

if TYPE_CHECKING:
    from lint.model.config import Config


class Selection(Record):
    """Selectors (codes, code prefixes, names, packs, categories) to run and to skip.

    ``select`` of ``None`` means "what the configuration selects" (on the
    command line) or "every enabled rule" (once resolved, ``within``)."""

    _fields = ("select", "ignore")
    __slots__ = _fields

    def __init__(self, select: list[str] | None = None, ignore: list[str] | None = None):
        self.select = select
        self.ignore = [] if ignore is None else ignore

    @classmethod
    def from_options(cls, select: str | None, ignore: str | None) -> "Selection":
        """From comma-separated ``--select`` / ``--ignore`` values."""

        def split(value: str | None) -> list[str] | None:
            return None if value is None else [v.strip() for v in value.split(",") if v.strip()]

        return cls(select=split(select), ignore=split(ignore) or [])

    def within(self, config: "Config") -> "Selection":
        """This selection layered over ``config``'s: a given ``select`` replaces
        the configuration's, ``ignore`` entries add up."""
        return Selection(self.select if self.select is not None else config.select, [*config.ignore, *self.ignore])
