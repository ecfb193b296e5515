"""German inflection for word lists: every form of an entry, compiled into one
trie-shaped regular expression per list.

Forms are generated from the entry's lemma by part of speech (see
``lint.language.wordlist``): adjectives take the strong/weak endings, comparative and
superlative; nouns the case and plural endings; verbs the present, preterite
and participle forms of weak and ``-ieren`` verbs (strong verbs list their
forms as separate entries). Entries tagged ``[compound]`` also match as the
head of a compound ("Börsenbeben", "KI-Titanen"); entries ending in ``-`` are
modifiers ("Mega-Deal", "Megadeal").

Generating forms was chosen over a lemmatiser (simplemma): it needs no data at
start-up, matches in one regex pass over the prose, and never lemmatises an
unrelated word onto a listed one ("Bebenhausen" is no form of "Beben").
"""

from __future__ import annotations

import marshal
import os
import re
from bisect import bisect_left
from functools import cached_property
from itertools import product
from operator import itemgetter
from typing import TYPE_CHECKING

from lint.cache import regexcache
from lint.cache.store import blake2b
from lint.language.word_gate import WordGate, build_gate, pack_words, unpack_words
from lint.language.wordlist import Entry
from lint.model.record import Record, named_tuple

if TYPE_CHECKING:
    from lint.language.word_gate import DocumentWords

ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
NOUN_ENDINGS = ("", "e", "en", "n", "s", "es", "er", "ern", "ns")
_PARTICLES = frozenset(
    "der die das den dem des ein eine einen einem einer eines zu zum zur vom von im in am an auf aus mit für um "
    "bei über unter vor nach und oder nicht kein keine sich es sie er wir ihr ihn ihm ihnen".split()
)
#: Longest first: "herausstellen" is "heraus" + "stellen", not "her" + "ausstellen".
_SEPARABLE_PREFIXES = tuple(sorted((
    "ab", "an", "auf", "aus", "bei", "ein", "fest", "her", "hin", "los", "mit", "nach", "vor", "weg", "zu", "zurück",
    "zusammen", "hoch", "herab", "heraus", "herum", "hervor", "durch", "um",
), key=len, reverse=True))


def adjective_forms(lemma: str, compare: bool = True) -> set[str]:
    """Declined forms; with ``compare`` also comparative and superlative."""
    stems = {lemma}
    if lemma.endswith("e"):
        stems = {lemma[:-1]}
    forms = {lemma}
    for stem in stems:
        degrees = ("", "er", "st" if stem[-1:] not in "sßztd" else "est") if compare else ("",)
        for degree in degrees:
            for ending in ADJ_ENDINGS:
                if degree == "st" and ending == "":
                    continue
                forms.add(stem + degree + ending)
    return forms


def noun_forms(lemma: str) -> set[str]:
    if lemma.endswith("e"):
        return {lemma, lemma + "n", lemma + "s"}
    return {lemma + ending for ending in NOUN_ENDINGS}


def separable_prefix(lemma: str) -> str | None:
    """The particle a verb separates in a main clause ("mit" of "mitteilen": "teilte … mit"),
    or None (not a separable verb, or an -ieren verb)."""
    if lemma.endswith("ieren"):
        return None
    for prefix in _SEPARABLE_PREFIXES:
        if lemma.startswith(prefix) and len(lemma) > len(prefix) + 4:
            return prefix
    return None


def bare_separable(entry: Entry, form: str) -> bool:
    """Whether ``form`` is a separable verb's finite form without its particle ("klagt" of
    "einklagen"). Where another entry has the same form as its own ("klagt" of "klagen"),
    that entry owns it, whatever the order of the list: the bare form is that verb only
    when the particle closes the clause."""
    if "v" not in entry.tags or " " in entry.term:
        return False
    prefix = separable_prefix(entry.term)
    return prefix is not None and not form.lower().startswith(prefix)


def takes_form(owner: "Entry | None", entry: Entry, form: str) -> bool:
    """Whether ``entry`` takes ``form`` from its ``owner`` so far (None: no owner): the first
    entry keeps a form, unless it has it only as a separable verb's bare form and ``entry``
    has it as its own (``bare_separable``)."""
    return owner is None or (bare_separable(owner, form) and not bare_separable(entry, form))


def verb_forms(lemma: str) -> set[str]:
    """Present, preterite, participles and imperative of a weak or -ieren verb; a separable
    verb's finite forms also without their particle ("teilte … mit"), but not its bare stem."""
    prefix = separable_prefix(lemma)
    if prefix is not None:
        base = lemma[len(prefix):]
        inner = verb_forms(base)
        forms = {prefix + f for f in inner if not f.startswith("ge")} | {prefix + "ge" + base[:-2] + "t"}
        forms |= {prefix + "zu" + base}
        # Without its particle, a separable verb's bare stem (the imperative "teil … mit") is
        # the particle of another verb ("nahmen … teil"): not one of its forms.
        return forms | (inner_finite(base) - {_stem(base)})
    return inner_finite(lemma) | _participles(lemma)


def _stem(lemma: str) -> str:
    return lemma[:-2] if lemma.endswith("en") else lemma[:-1]


def inner_finite(lemma: str) -> set[str]:
    stem = _stem(lemma)
    e = "e" if stem.endswith(("t", "d")) or re.search(r"[^aeiouäöül]m$|[^aeiouäöülr]n$", stem) else ""
    forms = {lemma, stem, stem + "e", stem + e + "st", stem + e + "t", stem + "en"}
    forms |= {stem + e + "te" + ending for ending in ("", "n", "st", "t")}
    return forms


def _participles(lemma: str) -> set[str]:
    stem = _stem(lemma)
    e = "e" if stem.endswith(("t", "d")) else ""
    participle = stem + e + "t" if lemma.endswith("ieren") or lemma.startswith(("be", "er", "ver", "zer", "ent", "emp", "ge", "miss")) else "ge" + stem + e + "t"
    # Participles are declined but hardly ever compared ("schockierte", "schockierender").
    return adjective_forms(participle, compare=False) | adjective_forms(lemma + "d", compare=False)


def _pos(word: str, tags: frozenset[str]) -> str:
    for tag in ("n", "adj", "v", "exact"):
        if tag in tags:
            return tag
    if word[:1].isupper():
        return "n"
    if word.endswith(("ieren", "eln", "ern")) or (word.endswith("en") and len(word) > 5 and not word.endswith("lichen")):
        return "v"
    return "adj"


def word_forms(word: str, pos: str) -> set[str]:
    if pos == "exact" or word.lower() in _PARTICLES or not word.isalpha():
        return {word}
    return {"n": noun_forms, "adj": adjective_forms, "v": verb_forms}[pos](word)


def with_initial_case(forms: set[str], both: bool) -> set[str]:
    if not both:
        return forms
    return forms | {f[:1].upper() + f[1:] for f in forms} | {f[:1].lower() + f[1:] for f in forms}


def entry_forms(entry: Entry) -> set[str]:
    """All surface forms of an entry (single words and phrases, every ``|`` variant)."""
    forms: set[str] = set()
    for term in entry.variants or (entry.term,):
        forms |= _term_forms(term, entry.tags)
    return forms


#: In a phrase, "…" stands for up to ``GAP_MAX_WORDS`` words of the same sentence ("stellt … in den Schatten").
GAP = "…"
GAP_WORDS = frozenset({"…", "..."})
GAP_MAX_WORDS = 6
_GAP_REGEX = rf"(?:\s+[^\s.!?;:]+){{0,{GAP_MAX_WORDS}}}?"
#: A phrase whose words' forms combine to more than this must tag words ``[exact]``.
MAX_PHRASE_FORMS = 5000
#: The trie holds word stems at least this long (the form table then decides).
MIN_STEM = 4


def _word_slots(term: str, tags: frozenset[str]) -> list[set[str]]:
    """The forms of each word of a term (one slot for a single word)."""
    words = term.split()
    if len(words) == 1:
        pos = _pos(words[0], tags)
        return [with_initial_case(word_forms(words[0], pos), pos != "n")]
    slots = []
    for i, word in enumerate(words):
        if word in GAP_WORDS:
            slots.append({GAP})
            continue
        pos = "exact" if "exact" in tags else _pos(word, tags - {"phrase", "compound"})
        if pos == "v" and i == 0 and any(w in GAP_WORDS for w in words):
            forms = inner_finite(word)  # "stellt … in den Schatten": the finite verb of a main clause
        elif pos == "adj" and word.isalpha() and word.lower() not in _PARTICLES:
            forms = adjective_forms(word, compare=False)  # "historischer Sieg", not "historischster Sieg"
        else:
            forms = word_forms(word, pos)
        slots.append(with_initial_case(forms, i == 0 and pos != "n"))
    return slots


def phrase_regexes(slots: list[set[str]]) -> tuple[str, ...]:
    """A phrase (the forms of each word, ``_word_slots``) as the main pattern finds it,
    without the character before it and the test after it: one pattern for each first
    letter ("Das …", "das …"), which then starts with a literal that the regex engine
    searches for fast (a pattern that starts with a choice tries a match at every letter
    of the choice: "D" or "d", each "d" of a text)."""
    rest = _phrase_rest(slots[1:])
    firsts: dict[str, set[str]] = {}
    for form in slots[0]:
        firsts.setdefault(form[:1], set()).add(form)
    return tuple(trie_regex(forms) + rest for _, forms in sorted(firsts.items()))


def _phrase_rest(slots: list[set[str]]) -> str:
    r"""The words of a phrase after its first: ``\s+`` and a word's forms, or a gap."""
    return "".join(_GAP_REGEX if slot == {GAP} else r"\s+" + trie_regex(slot) for slot in slots)


def _term_forms(term: str, tags: frozenset[str]) -> set[str]:
    slots = _word_slots(term, tags)
    if len(slots) == 1:
        return slots[0]
    combos = 1
    for forms in slots:
        combos *= len(forms)
    if combos > MAX_PHRASE_FORMS:
        raise ValueError(f"phrase {term!r} has too many forms; tag words [exact]")
    return {" ".join(parts) for parts in product(*slots)}


def trie_regex(words: set[str], space: str = r"\s+") -> str:
    """A compact regex alternation of ``words`` (a trie), longest match first; a space of
    a word stands for ``space`` (any run of white space unless given: "\\ " for one space)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    return _trie_to_regex(trie, space) if trie else "(?!)"


def _trie_to_regex(node: dict, space: str = r"\s+") -> str:
    end = "" in node
    branches = []
    singles = []
    for ch in sorted(k for k in node if k):
        child = _trie_to_regex(node[ch], space)
        esc = space if ch == " " else re.escape(ch)
        if child == "":
            singles.append(esc)
        else:
            branches.append(esc + child)
    if singles:
        branches.append(singles[0] if len(singles) == 1 else "[" + "".join(singles) + "]" if all(len(s) == 1 or s.startswith("\\") and len(s) == 2 for s in singles) else "(?:" + "|".join(singles) + ")")
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return "(?:" + body + ")?"
    return body


_WORDCHAR = regexcache.compile(r"[\w-]")


def _is_word_char(ch: str) -> bool:
    r"""``_WORDCHAR.match(ch)`` for one character without a regex match: ``\w`` is what
    ``str.isalnum`` accepts (the same Unicode test in C) and the underscore."""
    return ch.isalnum() or ch == "_" or ch == "-"


def _cuts_word(text: str, end: int) -> bool:
    """Whether ``end`` falls inside a word of ``text``."""
    return 0 < end < len(text) and _is_word_char(text[end]) and _is_word_char(text[end - 1])


@named_tuple
class Hit:
    """A listed form found in a text: ``text[start:end]`` is a form of ``entry``."""

    start: int
    end: int
    entry: Entry


class Matcher(Record):
    """Compiled patterns for a whole word list, and the entry of every form.

    ``pattern`` finds listed words, phrases and modifiers ("Mega-") at word
    starts; ``heads_pattern`` finds compound heads at word ends ("…beben",
    "…-Titanen"), whose word start is then checked in Python. Two simple scans
    are about twice as fast as one pattern that tries every compound split.
    """

    _fields = (
        "pattern", "forms", "heads", "prefixes", "exceptions", "heads_pattern", "noun_heads", "prefix_pattern",
        "head_needles", "gapped", "separated", "gate", "key",
    )

    def __init__(
        self,
        pattern: re.Pattern,
        forms: dict[str, Entry],
        heads: dict[str, Entry],
        prefixes: dict[str, Entry],
        exceptions: re.Pattern | None = None,
        heads_pattern: re.Pattern | None = None,
        noun_heads: frozenset[str] = frozenset(),
        prefix_pattern: re.Pattern | None = None,
        head_needles: tuple[str, ...] = (),
        gapped: tuple = (),
        separated: bool = False,
        gate: "WordGate | None" = None,
        key: str | None = None,
    ):
        self.pattern = pattern
        self.forms = forms
        self.heads = heads
        self.prefixes = prefixes
        #: Exceptions (``!term`` entries): a match containing one of them is dropped.
        self.exceptions = exceptions
        self.heads_pattern = heads_pattern
        #: Heads of noun entries (a compound starts with a capital); others are adjective heads.
        self.noun_heads = noun_heads
        #: Modifiers ("Mega-") at the start of a word the main pattern found.
        self.prefix_pattern = prefix_pattern
        #: Strings every compound head starts with ("beben", "-Beben"), for a quick search.
        self.head_needles = head_needles
        #: Phrases with a gap ("stellen … in den Schatten"): the text of their own full pattern
        #: and their entry, for the lookup (compiled on first need: ``_gapped_patterns``).
        self.gapped = gapped
        #: ``pattern`` consumes the character before a word (see ``_SEPARATOR``) instead of a lookbehind.
        self.separated = separated
        #: Whether a document can hold a form ``pattern`` finds (``lint.language.word_gate``);
        #: None: always scan.
        self.gate = gate
        #: The list's content key (``_entries_key``): names the gate's answer for a document.
        self.key = key

    def finditer(self, text: str, start: int = 0, end: int | None = None, words: "DocumentWords | None" = None):
        """Yield ``(match_start, match_end, entry)`` for every listed form in ``text``, in order.

        ``words``: the document's words (``doc.analysis``) when ``text`` is its prose; a
        document that holds none of the listed forms by the gate's test is not scanned
        for them (compound heads still are), one that can hold only plain forms has them
        looked up (``_held_words``)."""
        end = len(text) if end is None else end
        held, needles = self._open(text, words, whole=start == 0 and end == len(text))
        hits = self._listed(text, start, end, held, words) if held is None or held else []
        if self.heads_pattern is not None and needles:
            compounds = list(self._compounds(text, start, end, needles))
            if compounds:
                taken = {(a, b) for a, b, _ in hits}
                hits += [h for h in compounds if (h[0], h[1]) not in taken]
                hits.sort(key=lambda h: (h[0], -h[1]))
                kept, last_end = [], -1
                for hit in hits:
                    if hit[0] >= last_end:
                        kept.append(hit)
                        last_end = hit[1]
                hits = kept
        exceptions = self.exceptions
        for a, b, entry in hits:
            if exceptions is not None and exceptions.search(text, a, b):
                continue
            yield Hit(a, b, entry)

    def _open(self, text: str, words: "DocumentWords | None", whole: bool = True) -> tuple[frozenset[str] | None, tuple[str, ...]]:
        """The listed words the document of ``words`` may hold (``WordGate.held``: the plain
        forms it holds, or None when only a scan can tell), and the ``head_needles`` that
        stand inside its words (where a compound head can be); asked once per document
        and list (``analysis.remember``), however many sentences are scanned. The gate
        reads ``text`` (the document's prose) for phrases; asked with another text, the
        answer is a scan."""
        if words is None:
            return None, self.head_needles

        def answer() -> tuple[str, frozenset[str] | None, tuple[str, ...]]:
            held = self.gate.held(words, text if whole else None) if self.gate is not None else None
            return text, held, self._needles_in(words)

        keys = self._memo_keys
        asked, held, needles = words.remember(keys[0], answer) if keys else answer()
        return (held if asked is text else None), needles

    @cached_property
    def _memo_keys(self) -> tuple[str, str] | None:
        """The names of the per-document answers (``_open``'s gate answer, ``_listed``'s
        places of held words), made once per matcher, not on every call; None without a key."""
        return (f"gate {self.key}", f"held {self.key}") if self.key else None

    def _listed(self, text: str, start: int, end: int, held: frozenset[str] | None, words: "DocumentWords | None"):
        """The listed words and phrases in ``text[start:end]``: a scan, or, where the
        document can hold only the plain forms ``held``, their places in it (found once
        per document; the same as the scan's unless ``end`` cuts a word)."""
        keys = self._memo_keys
        if held is None or keys is None or _cuts_word(text, end):
            return list(self._words(text, start, end))
        found_in, found = words.remember(keys[1], lambda: (text, self._held_words(text, held)))
        if found_in is not text:
            return list(self._words(text, start, end))
        return found[bisect_left(found, (start,)) : bisect_left(found, (end,))]

    def _held_words(self, text: str, held: frozenset[str]) -> list[tuple[int, int, Entry]]:
        """Every place in ``text`` of the words ``held`` that are listed (a form, or a word a
        modifier starts), as a whole word, in order: what the scan finds where no punctuated
        form or phrase can match (it then matches single words, each on its own)."""
        is_word = _is_word_char  # not a regex match per character (about five times the instructions)
        size = len(text)
        found = []
        for word in held:
            entry = self.forms.get(word) or self._modifier_entry(word)
            if entry is None or entry.exception:
                continue
            n = len(word)
            i = text.find(word)
            while i != -1:
                if (i == 0 or not is_word(text[i - 1])) and (i + n == size or not is_word(text[i + n])):
                    found.append((i, i + n, entry))
                i = text.find(word, i + 1)
        found.sort(key=itemgetter(0))
        return found

    def _needles_in(self, words: "DocumentWords") -> tuple[str, ...]:
        """The ``head_needles`` worth a search in the document of ``words``: none when no
        needle stands inside one of its words (most documents); else those that do, and
        any with a character no word has (the words cannot tell where it stands).

        Each needle is one ``in`` test (a substring search in C that skips ahead by the
        needle's length): a pattern of them all would try a match at every letter one of
        them starts with, about twice the cost. A needle that holds a hyphen ("-Beben")
        can stand only in a word that holds one: it is looked for in those few words
        (``hyphenated_words``), not in all of them (``word_lines``)."""
        plain, hyphened = self._needle_tests
        present = set(filter(words.word_lines.__contains__, plain))
        if hyphened:
            hyphenated = "\n".join(words.hyphenated_words)  # no needle holds a line break: none spans two words
            present.update(filter(hyphenated.__contains__, hyphened))
        if not present:
            return ()
        return tuple(n for n in self.head_needles if n in present or not _PLAIN_WORD.fullmatch(n))

    @cached_property
    def _gapped_patterns(self) -> tuple[tuple[re.Pattern, Entry], ...]:
        """``gapped`` compiled, when a match first needs them (a phrase found across its
        gap, which few documents hold), not with every matcher (the hype scan's 35 patterns)."""
        return tuple((regexcache.compile(p), e) for p, e in self.gapped)

    @cached_property
    def _needle_tests(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The ``head_needles`` as ``_needles_in`` tests them: those without a hyphen, and
        those with one (looked for among the hyphenated words alone)."""
        plain = tuple(n for n in self.head_needles if "-" not in n)
        return plain, tuple(n for n in self.head_needles if "-" in n)

    def _words(self, text: str, start: int, end: int):
        forms = self.forms
        shift = lead = 0
        if self.separated:
            lead = 1
            # The pattern starts with the character before the word: give the
            # text's first word one (a copy is far cheaper than the scan).
            if start == 0:
                text, end, shift = " " + text, end + 1, 1
            else:
                start -= 1
        for m in self.pattern.finditer(text, start, end):
            groups = m.groupdict()
            word = groups.get("w")
            if word is not None:
                entry = forms.get(word)
                if entry is None:
                    if not word.isalnum() and any(c.isspace() for c in word):
                        entry = forms.get(" ".join(word.split()))
                        if entry is None:
                            entry = next((e for p, e in self._gapped_patterns if p.fullmatch(word)), None)
                    else:
                        entry = self._modifier_entry(word)
            elif groups.get("s") is not None:
                entry = forms.get(" ".join(groups["s"].split()))
            elif groups.get("p") is not None:
                entry = self.prefixes.get(groups["p"].lower())
            else:
                head = groups.get("hc") or groups.get("hl") or groups.get("ha")
                entry = self.heads.get(head.lower()) if head else None
            if entry is not None and not entry.exception:
                yield m.start() + lead - shift, m.end() - shift, entry

    def _modifier_entry(self, word: str) -> Entry | None:
        """The entry of the modifier that starts ``word`` ("Mega-" in "Megadeal"), or None."""
        if self.prefix_pattern is None:
            return None
        p = self.prefix_pattern.match(word)
        return self.prefixes.get(p.group(p.lastgroup).lower()) if p is not None else None

    def _compounds(self, text: str, start: int, end: int, needles: tuple[str, ...]):
        # The heads are few and rare: find them (``needles``: the ``head_needles`` the
        # document may hold) with str.find (fast in C) and confirm each place with the
        # anchored heads pattern.
        is_word = _is_word_char
        match = self.heads_pattern.match
        places = set()
        hyphened = []
        for needle in needles:
            if needle.startswith("-"):
                hyphened.append(needle)
                continue
            i = text.find(needle, start, end)
            while i != -1:
                places.add(i)
                i = text.find(needle, i + 1, end)
        if hyphened:
            # Hyphens are rarer than letters: one pass over them serves every "-Head" needle.
            hyphened = tuple(hyphened)
            starts = text.startswith
            i = text.find("-", start, end)
            while i != -1:
                if starts(hyphened, i, end):
                    places.add(i)
                i = text.find("-", i + 1, end)
        for head_start in sorted(places):
            m = match(text, head_start, end)
            if m is None:
                continue
            word_start = head_start
            while word_start > start and is_word(text[word_start - 1]):
                word_start -= 1
            if word_start == head_start:
                continue  # no modifier: the bare word is the main pattern's business
            head = m.group()
            hyphen = head.startswith("-")
            key = head[1:].lower() if hyphen else head
            entry = self.heads.get(key)
            if entry is None or entry.exception:
                continue
            first = text[word_start]
            if key in self.noun_heads:
                if not (first.isupper() or first.isdigit()):
                    continue
            elif hyphen or not first.islower():
                continue
            yield word_start, m.end(), entry


def tailed_trie_regex(items: dict[str, set[str]]) -> str:
    r"""A trie alternation of the keys of ``items``; after a key, one of its tail regexes must follow.

    Tails let one trie hold words, stems (tail ``[\w-]*``) and the first words
    of phrases (tail: the rest of the phrase), so the regex engine dispatches
    on the first letters once per position.
    """
    trie: dict = {}
    for word, tails in items.items():
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node.setdefault(None, set()).update(tails)
    return _tailed(trie) if trie else "(?!)"


def _tailed(node: dict) -> str:
    branches = [re.escape(ch) + _tailed(child) for ch, child in sorted((k, v) for k, v in node.items() if k is not None)]
    tails = node.get(None)
    if tails:
        branches += sorted(tails, key=lambda t: (-len(t), t))  # "" (nothing follows) last
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


_STEM_TAIL = r"[\w-]*"
_PLAIN_WORD = regexcache.compile(r"[\w-]+")


def exception_regex(exceptions: list[str]) -> str:
    """Exceptions match case-sensitively; inside a compound also with a
    lower-case first letter ("!Wirbelsturm" drops "Tropenwirbelsturm").
    "!Gigant" drops "Giganten", not "gigantischen"."""
    parts = []
    for e in sorted(set(exceptions), key=lambda e: (-len(e), e)):
        parts.append(re.escape(e))
        lower = e[:1].lower() + e[1:]
        if lower != e:
            parts.append(r"(?<=[\w-])" + re.escape(lower))
    return "|".join(parts)


def _separator_class() -> str:
    r"""A character class of every character that is not ``[\w-]``, written out.

    ``[^\w-]`` would be the same set, but the regex engine tests a category
    with Unicode look-ups at every position, while a written-out class is a
    bitmap: a pattern that starts with it scans about a third faster than one
    that starts with the lookbehind ``(?<![\w-])``. Characters outside the
    Basic Multilingual Plane all count as separators (emoji before a word).
    """
    bmp = "".join(map(chr, range(0x10000)))
    ranges: list[list[int]] = []
    for ch in re.findall(r"[^\w-]", bmp):
        c = ord(ch)
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    parts = [_class_char(a) if a == b else _class_char(a) + "-" + _class_char(b) for a, b in ranges]
    return "[" + "".join(parts) + "\\U00010000-\\U0010ffff]"


def _class_char(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


#: Bump when the built data's layout changes (the key also covers this module's source and the gate's).
_DATA_VERSION = 4


def _entries_key(entries) -> str | None:
    """A key for the built data of ``entries``: their content and the code that builds it (this module, the gate)."""
    from lint.language import word_gate

    try:  # the data holds the gate ``build_gate`` makes
        code = regexcache.source_digest(__file__) + regexcache.source_digest(word_gate.__file__)
    except OSError:
        return None
    content = [(e.term, sorted(e.tags), list(e.variants), e.exception) for e in entries]
    digest = blake2b(marshal.dumps(content), digest_size=16)
    digest.update(code.encode())
    return f"matcher-{_DATA_VERSION}-{digest.hexdigest()}"


#: A list with more single words than this (more than any built-in list) finds them by lookup (``lint.language.lookup``):
#: the regex of every form of a house list of 200,000 words took minutes to build.
LOOKUP_FROM = 20_000


def compile_entries(entries: tuple[Entry, ...] | list[Entry]):
    """Compile a word list into its patterns (see ``Matcher``); a big list's
    single words go to a lookup table instead (``lint.language.lookup``).

    Building the patterns (every form of every entry, as tries) costs more
    than linting a few articles, so the built data (pattern strings, form
    tables with entry numbers) is kept in the cache folder of
    ``lint.cache.regexcache``, keyed by the entries' content and this module's code;
    a missing, stale or damaged cache only means building afresh.
    """
    return compile_entries_with_data(entries)[0]


def compile_entries_with_data(entries: tuple[Entry, ...] | list[Entry]):
    """``compile_entries``, and the matcher's key and built data where it is one ``Matcher``
    with a key (else None): a caller that keeps a bigger unit in the cache stores them
    with it and makes the matcher again with ``matcher_from_data``."""
    entries = list(entries)
    if len(entries) > LOOKUP_FROM:
        from lint.language.lookup import SplitMatcher, WordIndex, plain

        words = [e for e in entries if plain(e)]
        if len(words) > LOOKUP_FROM:
            rest = [e for e in entries if not plain(e)]
            return SplitMatcher(WordIndex(words), _compiled(rest) if rest else None), None
    return _compiled_with_data(entries)


def _compiled(entries: list[Entry]) -> Matcher:
    return _compiled_with_data(entries)[0]


def _compiled_with_data(entries: list[Entry]) -> tuple[Matcher, tuple[str, dict] | None]:
    """The matcher of ``entries`` and its built data with their key (kept in the data
    cache, ``regexcache.kept``; None: entries no key can be made of, not kept)."""
    try:
        key = _entries_key(entries) or None
    except Exception:  # entries no key can be made of: built, not kept
        key = None

    def restore(data: dict) -> tuple[Matcher, tuple[str, dict]]:
        return _matcher(data, entries, key), (key, data)

    def build() -> tuple[tuple[Matcher, tuple[str, dict] | None], dict]:
        data = _build(entries)
        return (_matcher(data, entries, key), (key, data) if key else None), data

    return regexcache.kept(key, restore, build)


def matcher_from_data(data: dict, entries: list[Entry], key: str) -> Matcher:
    """The matcher of ``entries`` from its built data and key (``compile_entries_with_data``);
    raises on data of another shape (the caller then builds afresh)."""
    return _matcher(data, entries, key)


def _matcher(data: dict, entries: list[Entry], key: str | None = None) -> Matcher:
    def table(name: str) -> dict[str, Entry]:
        packed, numbers = data[name]
        forms = unpack_words(packed)
        if len(forms) != len(numbers):
            raise ValueError(f"stored table {name} of other entries")
        return dict(zip(forms, map(entries.__getitem__, numbers)))

    def compiled(name: str) -> re.Pattern | None:
        return regexcache.compile(data[name]) if data[name] is not None else None

    return Matcher(
        regexcache.compile(data["pattern"]),
        table("forms"),
        table("heads"),
        table("prefixes"),
        compiled("exceptions"),
        compiled("heads_pattern"),
        frozenset(data["noun_heads"]),
        compiled("prefix_pattern"),
        tuple(data["head_needles"]),
        tuple((p, entries[i]) for p, i in data["gapped"]),
        True,
        WordGate.from_data(data["gate"]) if data["gate"] is not None else None,
        key,
    )


def _build(entries: list[Entry]) -> dict:
    """The patterns and tables of ``compile_entries`` as plain data (entries by their index)."""
    index = {id(e): i for i, e in enumerate(entries)}
    forms: dict[str, Entry] = {}
    heads: dict[str, Entry] = {}
    noun_heads: set[str] = set()
    adj_heads: set[str] = set()
    prefixes: dict[str, Entry] = {}
    exceptions: list[str] = []
    prefix_forms: set[str] = set()
    hyphen_prefix_forms: set[str] = set()
    # Trie keys and their tails: word stems, modifiers, first words of phrases.
    keys: dict[str, set[str]] = {}
    phrase_rests: dict[str, set[tuple[int, str]]] = {}
    gapped: list[tuple[str, Entry]] = []
    #: What the gate (``lint.language.word_gate``) keeps: single-word forms, phrases, modifiers.
    gate_forms: set[str] = set()
    gate_phrases: list[list[set[str]]] = []
    gate_modifiers: set[str] = set()
    for entry in entries:
        if entry.exception:
            exceptions.extend(entry.variants or (entry.term,))
            continue
        if entry.term.endswith("-"):
            for variant in entry.variants or (entry.term,):
                prefix = variant.rstrip("-")
                prefixes[prefix.lower()] = entry
                # "Mega-" is a noun modifier (capitalised only); "super-" also starts adjectives.
                cased = {prefix, prefix[:1].upper() + prefix[1:]} if prefix[:1].islower() else {prefix}
                (hyphen_prefix_forms if "exact" in entry.tags else prefix_forms).update(cased)
                for form in cased:
                    keys.setdefault(form, set()).add(_STEM_TAIL)
                    gate_modifiers.add(form)
            continue
        if "head" not in entry.tags:
            for form in entry_forms(entry):
                if takes_form(forms.get(form), entry, form):
                    forms[form] = entry
            for variant in entry.variants or (entry.term,):
                slots = _word_slots(variant, entry.tags)
                if len(slots) > 1:
                    rest = _phrase_rest(slots[1:])
                    if any(slot == {GAP} for slot in slots):
                        gapped.append(("".join(
                            _GAP_REGEX if slot == {GAP} else (r"\s+" if i else "") + trie_regex(slot)
                            for i, slot in enumerate(slots)
                        ), entry))
                    for first in slots[0]:
                        phrase_rests.setdefault(first, set()).add((len(slots), rest))
                    gate_phrases.append(slots)
                else:
                    # The regex finds a stem; the whole word is then looked up in ``forms``.
                    cut = max(MIN_STEM, min(len(f) for f in slots[0]))
                    for form in slots[0]:
                        if _PLAIN_WORD.fullmatch(form):
                            keys.setdefault(form[:cut], set()).add(_STEM_TAIL)
                        else:
                            keys.setdefault(form, set()).add("")  # "z.B.", "Unfassbar!": the form itself
                        gate_forms.add(form)
        if "compound" in entry.tags or "head" in entry.tags:
            for variant in entry.variants or (entry.term,):
                if " " in variant:
                    continue
                is_noun = _pos(variant, entry.tags) == "n"
                for form in noun_forms(variant) if is_noun else word_forms(variant, "adj"):
                    heads.setdefault(form.lower(), entry)
                    (noun_heads if is_noun else adj_heads).add(form.lower())
    # First words that continue alike share one tail: "historisch|e|en|er…" + "\s+(?:Sieg…|Tag…)"
    # is one key "historisch" with the endings in its tail, not 24 copies of the tail.
    groups: dict[tuple[str, frozenset], set[str]] = {}
    for first, rests in phrase_rests.items():
        groups.setdefault((first[:1], frozenset(rests)), set()).add(first)
    for (_, rests), firsts in groups.items():
        # Longer phrases first: an alternation takes the first alternative that fits.
        ordered = [r for _, r in sorted(rests, key=lambda p: (-p[0], -len(p[1]), p[1]))]
        tail = ordered[0] if len(ordered) == 1 else "(?:" + "|".join(ordered) + ")"
        stem = os.path.commonprefix(sorted(firsts))
        endings = trie_regex({f[len(stem):] for f in firsts})
        keys.setdefault(stem, set()).add(f"(?:{endings}){tail}" if endings else tail)
    # The character before the word, then the word (see ``_separator_class``; the
    # match starts one character before the word).
    regex = _separator_class() + r"(?P<w>" + tailed_trie_regex(keys) + r")(?![\w-])"
    prefix_pattern = None
    if prefix_forms or hyphen_prefix_forms:
        prefix_pattern = "|".join(
            ([f"(?P<p>{trie_regex(prefix_forms)})(?=-\\w|[a-zäöüß]{{4}})"] if prefix_forms else [])
            + ([f"(?P<q>{trie_regex(hyphen_prefix_forms)})(?=-\\w)"] if hyphen_prefix_forms else [])
        )
    heads_pattern = None
    head_needles: tuple[str, ...] = ()
    if heads:
        # Lower-case heads end a compound ("Börsenbeben"); capitalised ones follow a hyphen ("KI-Titanen").
        alternatives = set(heads) | {"-" + h[:1].upper() + h[1:] for h in noun_heads}
        heads_pattern = trie_regex(alternatives) + r"(?![\w-])"
        needles: set[str] = set()
        for entry in {id(e): e for e in heads.values()}.values():
            own = [h for h, e in heads.items() if e is entry]
            stem = min(own, key=len)
            while not all(h.startswith(stem) for h in own):
                stem = stem[:-1]
            needles.add(stem)
            if stem in noun_heads or any(h in noun_heads for h in own):
                needles.add("-" + stem[:1].upper() + stem[1:])
        # A needle that contains another is found by the shorter one.
        head_needles = tuple(sorted(n for n in needles if not any(o != n and o in n for o in needles)))
    return {
        "pattern": regex,
        "forms": _table_data(forms, index),
        "heads": _table_data(heads, index),
        "prefixes": _table_data(prefixes, index),
        "exceptions": exception_regex(exceptions) if exceptions else None,
        "heads_pattern": heads_pattern,
        "noun_heads": sorted(noun_heads),
        "prefix_pattern": prefix_pattern,
        "head_needles": list(head_needles),
        "gapped": [(p, index[id(e)]) for p, e in gapped],
        "gate": gate.data() if (gate := build_gate(gate_forms, gate_phrases, gate_modifiers)) is not None else None,
    }


def _table_data(table: dict[str, Entry], index: dict[int, int]) -> tuple:
    """A form table as cache data: its forms packed (``word_gate.pack_words``: thousands of
    forms load as one string) and the number of each form's entry, in the same order."""
    return pack_words(table), [index[id(e)] for e in table.values()]
