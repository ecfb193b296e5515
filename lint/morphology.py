"""German inflection for word lists: every form of an entry, compiled into one
trie-shaped regular expression per list.

Forms are generated from the entry's lemma by part of speech (see
``lint.wordlist``): adjectives take the strong/weak endings, comparative and
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

import re
from dataclasses import dataclass
from itertools import product

from lint.wordlist import Entry

ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
NOUN_ENDINGS = ("", "e", "en", "n", "s", "es", "er", "ern", "ns")
_PARTICLES = frozenset(
    "der die das den dem des ein eine einen einem einer eines zu zum zur vom von im in am an auf aus mit für um "
    "bei über unter vor nach und oder nicht kein keine sich es sie er wir ihr ihn ihm ihnen".split()
)
_SEPARABLE_PREFIXES = (
    "ab", "an", "auf", "aus", "bei", "ein", "fest", "her", "hin", "los", "mit", "nach", "vor", "weg", "zu", "zurück",
    "zusammen", "hoch", "herab", "heraus", "herum", "hervor", "durch", "um",
)


def adjective_forms(lemma: str) -> set[str]:
    stems = {lemma}
    if lemma.endswith("e"):
        stems = {lemma[:-1]}
    forms = {lemma}
    for stem in stems:
        for degree in ("", "er", "st" if stem[-1:] not in "sßztd" else "est"):
            for ending in ADJ_ENDINGS:
                if degree == "st" and ending == "":
                    continue
                forms.add(stem + degree + ending)
    return forms


def noun_forms(lemma: str) -> set[str]:
    if lemma.endswith("e"):
        return {lemma, lemma + "n", lemma + "s"}
    return {lemma + ending for ending in NOUN_ENDINGS}


def verb_forms(lemma: str) -> set[str]:
    """Present, preterite, participles and imperative of a weak or -ieren verb."""
    for prefix in _SEPARABLE_PREFIXES:
        if lemma.startswith(prefix) and len(lemma) > len(prefix) + 4 and not lemma.endswith("ieren"):
            base = lemma[len(prefix):]
            inner = verb_forms(base)
            forms = {prefix + f for f in inner if not f.startswith("ge")} | {prefix + "ge" + base[:-2] + "t"}
            forms |= {prefix + "zu" + base}
            return forms | inner_finite(base)
    return inner_finite(lemma) | _participles(lemma)


def inner_finite(lemma: str) -> set[str]:
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
    e = "e" if stem.endswith(("t", "d")) or re.search(r"[^aeiouäöül]m$|[^aeiouäöülr]n$", stem) else ""
    forms = {lemma, stem, stem + "e", stem + e + "st", stem + e + "t", stem + "en"}
    forms |= {stem + e + "te" + ending for ending in ("", "n", "st", "t")}
    return forms


def _participles(lemma: str) -> set[str]:
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
    e = "e" if stem.endswith(("t", "d")) else ""
    participle = stem + e + "t" if lemma.endswith("ieren") or lemma.startswith(("be", "er", "ver", "zer", "ent", "emp", "ge", "miss")) else "ge" + stem + e + "t"
    return adjective_forms(participle) | adjective_forms(lemma + "d")


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


def _term_forms(term: str, tags: frozenset[str]) -> set[str]:
    words = term.split()
    if len(words) == 1:
        word = words[0]
        pos = _pos(word, tags)
        return with_initial_case(word_forms(word, pos), pos != "n")
    per_word = []
    for i, word in enumerate(words):
        pos = "exact" if "exact" in tags else _pos(word, tags - {"phrase", "compound"})
        forms = word_forms(word, pos)
        per_word.append(with_initial_case(forms, i == 0 and pos != "n"))
    combos = 1
    for forms in per_word:
        combos *= len(forms)
    if combos > 5000:
        raise ValueError(f"phrase {term!r} has too many forms; tag words [exact]")
    return {" ".join(parts) for parts in product(*per_word)}


def trie_regex(words: set[str]) -> str:
    """A compact regex alternation of ``words`` (a trie), longest match first."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    return _trie_to_regex(trie) if trie else "(?!)"


def _trie_to_regex(node: dict) -> str:
    end = "" in node
    branches = []
    singles = []
    for ch in sorted(k for k in node if k):
        child = _trie_to_regex(node[ch])
        esc = r"\s+" if ch == " " else re.escape(ch)
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


@dataclass
class Matcher:
    """One compiled pattern for a whole word list, and the entry of every form."""

    pattern: re.Pattern
    forms: dict[str, Entry]
    heads: dict[str, Entry]
    prefixes: dict[str, Entry]
    #: Exceptions (``!term`` entries): a match containing one of them is dropped.
    exceptions: re.Pattern | None = None

    def finditer(self, text: str, start: int = 0, end: int | None = None):
        """Yield ``(match_start, match_end, entry)`` for every listed form in ``text``."""
        exceptions = self.exceptions
        for m in self.pattern.finditer(text, start, len(text) if end is None else end):
            if m.group("s") is not None:
                entry = self.forms.get(" ".join(m.group("s").split()))
            elif m.group("p") is not None:
                entry = self.prefixes.get(m.group("p").lower())
            else:
                head = m.group("hc") or m.group("hl") or m.group("ha")
                entry = self.heads.get(head.lower())
            if entry is None or entry.exception:
                continue
            if exceptions is not None and exceptions.search(m.group()):
                continue
            yield m.start(), m.end(), entry


def compile_entries(entries: tuple[Entry, ...] | list[Entry]) -> Matcher:
    """Compile a word list into one regex (see the module docstring)."""
    forms: dict[str, Entry] = {}
    heads: dict[str, Entry] = {}
    noun_heads: set[str] = set()
    adj_heads: set[str] = set()
    prefixes: dict[str, Entry] = {}
    exceptions: list[str] = []
    prefix_forms: set[str] = set()
    hyphen_prefix_forms: set[str] = set()
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
            continue
        if "head" not in entry.tags:
            for form in entry_forms(entry):
                forms.setdefault(form, entry)
        if "compound" in entry.tags or "head" in entry.tags:
            for variant in entry.variants or (entry.term,):
                if " " in variant:
                    continue
                is_noun = _pos(variant, entry.tags) == "n"
                for form in noun_forms(variant) if is_noun else word_forms(variant, "adj"):
                    heads.setdefault(form.lower(), entry)
                    (noun_heads if is_noun else adj_heads).add(form.lower())
    parts = [f"(?P<s>{trie_regex(set(forms))})"]
    if noun_heads:
        # A noun compound starts with a capital ("Börsenbeben", "KI-Titanen",
        # "Big-Tech-Giganten"); the head ends the word.
        cap = {h[:1].upper() + h[1:] for h in noun_heads}
        parts.append(
            f"(?P<c>[A-ZÄÖÜ0-9][\\w-]*?)(?:-(?P<hc>{trie_regex(cap)})|(?P<hl>{trie_regex(noun_heads)}))"
        )
    else:
        parts.append("(?P<hc>(?!))(?P<hl>(?!))")
    if adj_heads:
        parts.append(f"[a-zäöüß]\\w*?(?P<ha>{trie_regex(adj_heads)})")
    else:
        parts.append("(?P<ha>(?!))")
    prefix_parts = []
    if prefix_forms:
        prefix_parts.append(f"{trie_regex(prefix_forms)}(?=-\\w|[a-zäöüß]{{4}})")
    if hyphen_prefix_forms:
        prefix_parts.append(f"{trie_regex(hyphen_prefix_forms)}(?=-\\w)")
    if prefix_parts:
        parts.append(f"(?P<p>{'|'.join(prefix_parts)})(?:-\\w+|[a-zäöüß]{{4,}})(?:-\\w+)*")
    else:
        parts.append("(?P<p>(?!))")
    regex = r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])"
    excluded = None
    if exceptions:
        excluded = re.compile("|".join(re.escape(e) for e in sorted(exceptions, key=len, reverse=True)), re.IGNORECASE)
    return Matcher(re.compile(regex), forms, heads, prefixes, excluded)
