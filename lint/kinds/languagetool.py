"""``languagetool``: grammar, spelling and typography findings from LanguageTool.

The prose of each paragraph (block) goes to a LanguageTool server as
*annotated text* (the ``data`` parameter of ``/v2/check``): what the reader
kept is ``text``, what it blanked (Markdown emphasis, links, tags, code) is
``markup``, so LanguageTool neither sees ``**`` nor runs of blanks, and its
offsets still count every character that was sent. LanguageTool counts in
UTF-16 code units; they are mapped to code points of what was sent, then to
prose offsets, which the engine maps to the source.

Configuration (top-level keys, see ``SETTINGS``): ``languagetool = "off" |
"local" | "<server URL>"`` and the ``languagetool-*`` keys. Without a
``languagetool`` key in the configuration the environment variable
``NEWSLINT_LANGUAGETOOL`` is used, else "off".

Each finding keeps the rule code ``LT001`` and carries LanguageTool's rule id as
its ``rule`` (``DASS_DAS_TEST``), its category mapped to newslint's
(``grammar``, ``typography``, ``style``). LanguageTool rule ids and category
ids (``TYPOS``) and the newslint categories typography/style can be given to
``--select``/``--ignore``, to ``[rules.<ID>] severity = ...`` and to
suppression comments like any rule. Replacements become unsafe fixes. Findings
are *secondary*: where one of newslint's own rules reports the same span in the
same category, the engine keeps only newslint's.

Results are cached per block text and settings for the life of the process
(the language server re-sends only changed paragraphs). When the backend is
unavailable the kind raises ``BackendUnavailable`` once (one note on stderr,
the exit code is unaffected) and stays quiet for the rest of the run.

Message fields: ``{match}``, ``{lt_message}``, ``{lt_rule}``, ``{lt_category}``,
``{suggestions}`` (e.g. ``Vorschlag: „dass das“. `` or empty).

The kind's declaration is this module: its settings, the selectors it claims,
and a check that does nothing while the backend is off. The client (what is
sent, the requests, the matches mapped back to findings) is
``lint.kinds.languagetool_client``, imported by the first document checked
with a backend: a run without LanguageTool does not load its code.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any, ClassVar

from lint.cache import regexcache
from lint.model.config import Setting
from lint.plugins.hookspecs import hookimpl
from lint.kinds.base import Kind

ENV = "NEWSLINT_LANGUAGETOOL"
LANGUAGES = ("de-DE", "de-AT", "de-CH", "de")

LT_ID = regexcache.compile(r"^[A-Z]{2}[A-Z_][A-Z0-9_]*$")
SUB_CATEGORIES = ("grammar", "typography", "style")


# ----- configuration -------------------------------------------------------
def _backend(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError('"off", "local" or a server URL such as "http://localhost:8081"')
    value = value.strip()
    if value in ("off", "local") or re.match(r"^https?://[^\s/]+", value):
        return value
    raise ValueError('"off", "local" or a server URL such as "http://localhost:8081"')


def _language(value: Any) -> str:
    if value not in LANGUAGES:
        raise ValueError(", ".join(LANGUAGES))
    return value


def _ids(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and re.match(r"^[A-Za-z0-9_]+$", v) for v in value):
        raise ValueError("a list of LanguageTool rule or category ids such as [\"GERMAN_SPELLER_RULE\"]")
    return list(value)


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("true or false")
    return value


def _seconds(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 1 <= value <= 60:
        raise ValueError("a number of seconds from 1 to 60")
    return float(value)


SETTINGS = [
    Setting("languagetool", None, _backend,
            '"off", "local" (managed local server, needs Java 17+) or a LanguageTool server URL; '
            f"unset: ${ENV}, else off"),
    Setting("languagetool-language", "de-DE", _language, "language variant: de-DE, de-AT or de-CH"),
    Setting("languagetool-enabled-rules", [], _ids, "LanguageTool rule ids to switch on"),
    Setting("languagetool-disabled-rules", [], _ids, "LanguageTool rule ids to switch off"),
    Setting("languagetool-enabled-categories", [], _ids, "LanguageTool category ids to switch on"),
    Setting("languagetool-disabled-categories", [], _ids, "LanguageTool category ids to switch off (e.g. TYPOS)"),
    Setting("languagetool-picky", False, _boolean, "LanguageTool's picky level (more style findings)"),
    Setting("languagetool-timeout", 10.0, _seconds, "seconds to wait for the server per document"),
]


class LanguageTool(Kind):
    name = "languagetool"
    defaults: ClassVar[dict[str, Any]] = {}

    @classmethod
    def claims(cls, selector: str) -> bool:
        """Selectors this kind resolves itself: LanguageTool rule/category ids (with the
        ``LT:`` prefix, or bare in LanguageTool's shape), newslint sub-categories."""
        if selector.startswith("LT:"):
            return bool(LT_ID.match(selector[3:]))
        return bool(LT_ID.match(selector)) or selector in SUB_CATEGORIES

    # -- settings
    def _backend(self) -> str:
        """The configured backend ("off", "local" or a server's URL), else the environment's."""
        backend = self.config.setting("languagetool") if self.config is not None else None
        if backend is None:
            backend = os.environ.get(ENV, "").strip() or "off"
        return backend

    def results_cacheable(self) -> bool:
        """LanguageTool's findings depend on a server: a run that asks one keeps no results."""
        return self._backend() == "off"

    # -- checking
    def check(self, doc):
        if not doc.blocks or self._backend() == "off":
            return  # the other settings are read only when LanguageTool runs
        from lint.kinds import languagetool_client

        yield from languagetool_client.check(self, doc)


@hookimpl
def register_kinds():
    return [LanguageTool]


@hookimpl
def register_settings():
    return SETTINGS


def reset() -> None:
    """Forget cached results and failed backends (tests; an editor's "retry"): the
    client's, if it was loaded (it holds them; never loaded, it holds none)."""
    client = sys.modules.get("lint.kinds.languagetool_client")
    if client is not None:
        client.reset()
