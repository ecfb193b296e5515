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
    """All surface forms of an entry (single words and phrases)."""
    words = entry.term.split()
    if len(words) == 1:
        word = words[0]
        pos = _pos(word, entry.tags)
        return with_initial_case(word_forms(word, pos), pos != "n")
    per_word = []
    for i, word in enumerate(words):
        pos = "exact" if "exact" in entry.tags else _pos(word, entry.tags - {"phrase", "compound"})
        forms = word_forms(word, pos)
        per_word.append(with_initial_case(forms, i == 0 and pos != "n"))
    combos = 1
    for forms in per_word:
        combos *= len(forms)
    if combos > 5000:
        raise ValueError(f"phrase {entry.term!r} has too many forms; tag words [exact]")
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

    def finditer(self, text: str, start: int = 0, end: int | None = None):
        """Yield ``(match_start, match_end, entry)`` for every listed form in ``text``."""
        for m in self.pattern.finditer(text, start, len(text) if end is None else end):
            if m.group("s") is not None:
                entry = self.forms.get(" ".join(m.group("s").split()))
            elif m.group("p") is not None:
                entry = self.prefixes.get(m.group("p").lower())
            else:
                head = m.group("hc") or m.group("hl")
                entry = self.heads.get(head.lower())
            if entry is not None:
                yield m.start(), m.end(), entry


def compile_entries(entries: tuple[Entry, ...] | list[Entry]) -> Matcher:
    forms: dict[str, Entry] = {}
    heads: dict[str, Entry] = {}
    prefixes: dict[str, Entry] = {}
    for entry in entries:
        if entry.term.endswith("-"):
            prefixes[entry.term[:-1].lower()] = entry
            continue
        for form in entry_forms(entry):
            forms.setdefault(form, entry)
        if "compound" in entry.tags and " " not in entry.term:
            for form in noun_forms(entry.term) if _pos(entry.term, entry.tags) == "n" else word_forms(entry.term, "adj"):
                heads.setdefault(form.lower(), entry)
    parts = [f"(?P<s>{trie_regex(set(forms))})"]
    if heads:
        cap = {h[:1].upper() + h[1:] for h in heads}
        parts.append(f"(?P<c>\\w+?)(?:-(?P<hc>{trie_regex(cap)})|(?P<hl>{trie_regex(set(heads))}))")
    else:
        parts.append("(?P<hc>(?!))(?P<hl>(?!))")
    if prefixes:
        pre = {p for p in prefixes} | {p[:1].upper() + p[1:] for p in prefixes}
        parts.append(f"(?P<p>{trie_regex(pre)})(?:-\\w+|[a-zäöüß]{{4,}})(?:-\\w+)*")
    else:
        parts.append("(?P<p>(?!))")
    regex = r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])"
    return Matcher(re.compile(regex), forms, heads, prefixes)
