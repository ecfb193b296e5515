"""Big word lists by exact lookup: every word of the text is looked up in a
table, instead of one trie-shaped regular expression of every form.

A newsroom's house lists hold hundreds of thousands of words; compiling each
form of each entry into a regular expression costs minutes of CPU and grows
faster than the list. Here an entry costs one dictionary slot when the list
is read: entries are filed under the first four letters of their lemma
(three of a short word; lower case; a separable verb also under its base verb). A word of the text
asks only its bucket — under its own first letters, and for a participle
("gezahlt", "abgestimmt") or a ``zu`` infinitive ("abzustimmen") also under
the letters without ``ge``/``zu`` — and a bucket's forms are generated the
first time a word asks it (``lint.language.morphology.entry_forms``, the same
forms the regex path matches). So the cost is linear in the list and in the
text, and inflection is paid only for buckets a text reaches.

Only single words made of ``[\\w-]`` with plain tags take this path; phrases,
compounds, modifiers (``Mega-``) and exceptions stay with the regex matcher
(``compile_entries`` splits a list; see ``LOOKUP_FROM``).
"""

from __future__ import annotations


from lint.cache import regexcache
from lint.language.wordlist import Entry

_WORD = regexcache.compile(r"[\w-]+")
#: Tags an entry of the lookup path may carry (part of speech, no compounds or phrases).
PLAIN_TAGS = frozenset({"n", "adj", "v", "exact"})
_SEPARABLE = (
    "ab", "an", "auf", "aus", "bei", "ein", "fest", "her", "hin", "los", "mit", "nach", "vor", "weg", "zu", "zurück",
    "zusammen", "hoch", "herab", "heraus", "herum", "hervor", "durch", "um",
)


def plain(entry: Entry) -> bool:
    """Whether ``entry`` is a single word the lookup can find (else it needs the regex matcher)."""
    if entry.exception or not entry.tags <= PLAIN_TAGS:
        return False
    return all(
        len(v) >= 3 and not v.endswith("-") and (v.isalpha() or _WORD.fullmatch(v) is not None)
        for v in entry.variants or (entry.term,)
    )


def _keys(word: str, tags: frozenset[str]) -> set[str]:
    """The buckets an entry is filed under: the first four letters (three of a
    word shorter than six, whose stem may have three), a separable verb's base verb too."""
    low = word.lower()
    keys = {low[: 4 if len(low) >= 6 else 3]}
    if word[:1].islower() and ("v" in tags or low.endswith("en") or low.endswith("ern") or low.endswith("eln")):
        for prefix in _SEPARABLE:
            if low.startswith(prefix) and len(low) > len(prefix) + 3:
                base = low[len(prefix):]
                keys.add(base[: 4 if len(base) >= 6 else 3])
    return keys


def _asks(low: str) -> set[str]:
    """The buckets a word of the text asks: its first three and four letters, and those without ``ge``/``zu``."""
    keys = {low[:3], low[:4]}
    if low.startswith("ge"):
        keys.update((low[2:5], low[2:6]))
    for prefix in _SEPARABLE:
        if low.startswith(prefix):
            rest = low[len(prefix):]
            if rest.startswith(("ge", "zu")):
                joined = prefix + rest[2:]
                keys.update((joined[:3], joined[:4]))
    return keys


class WordIndex:
    """Single-word entries by bucket; a bucket's forms are built on first use."""

    def __init__(self, entries: list[Entry]):
        self._entries: dict[str, list[Entry]] = {}
        self._order = {id(e): i for i, e in enumerate(entries)}
        for entry in entries:
            for key in set().union(*(_keys(v, entry.tags) for v in entry.variants or (entry.term,))):
                self._entries.setdefault(key, []).append(entry)
        self._forms: dict[str, dict[str, Entry]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def _bucket(self, key: str) -> dict[str, Entry]:
        forms = self._forms.get(key)
        if forms is None:
            from lint.language.morphology import entry_forms

            forms = {}
            for entry in self._entries.get(key, ()):
                for form in entry_forms(entry):
                    forms.setdefault(form, entry)
            self._forms[key] = forms
        return forms

    def lookup(self, word: str) -> Entry | None:
        """The first listed entry (in list order) one of whose forms is ``word``."""
        found = None
        for key in _asks(word.lower()):
            if key in self._entries:
                entry = self._bucket(key).get(word)
                if entry is not None and (found is None or self._order[id(entry)] < self._order[id(found)]):
                    found = entry
        return found

    def finditer(self, text: str, start: int = 0, end: int | None = None, words=None):
        """``(start, end, entry)`` of every listed word in ``text[start:end]`` (a look-up per
        word: the document's ``words`` are not needed)."""
        end = len(text) if end is None else end
        entries, lookup = self._entries, self.lookup
        for m in _WORD.finditer(text, start, end):
            word = m.group()
            if len(word) < 3:
                continue
            low = word[:12].lower()
            if low[:3] in entries or low[:4] in entries or "ge" in low or "zu" in low:
                entry = lookup(word)
                if entry is not None:
                    yield m.start(), m.end(), entry


class SplitMatcher:
    """A big list: its plain words by lookup (``WordIndex``), the rest by the regex ``Matcher``."""

    def __init__(self, index: WordIndex, rest):
        self.index = index
        self.rest = rest

    def finditer(self, text: str, start: int = 0, end: int | None = None, words=None):
        from lint.language.morphology import Hit

        hits = list(self.index.finditer(text, start, end))
        exceptions = None
        if self.rest is not None:
            exceptions = self.rest.exceptions
            hits += list(self.rest.finditer(text, start, end, words))
            hits.sort(key=lambda h: (h[0], -h[1]))
        last_end = -1
        for a, b, entry in hits:
            if a < last_end:
                continue
            if exceptions is not None and exceptions.search(text, a, b):
                continue
            last_end = b
            yield Hit(a, b, entry)
