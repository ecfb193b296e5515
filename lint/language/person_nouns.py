"""Nouns for people, known by their form: the open class, not a list of words.

German names groups of people with a few productive endings: agent nouns
("Pendler", "Rentner", "Arbeitnehmer", "Kritiker"), -ist/-ant/-ent
("Polizisten", "Demonstranten", "Patienten"), nominalised participles
("Studierende", "Demonstrierende"), feminine and pair forms ("Schülerinnen")
and heads of compounds ("Pflegekräfte", "Fluggäste", "Fachleute",
"Mitglieder"). ``PersonNouns`` holds the endings (a word list of the rule)
and tells whether a capitalised word is such a noun.
"""

from __future__ import annotations

from lint.model.record import named_tuple


@named_tuple
class PersonNouns:
    endings: tuple[str, ...]
    never: frozenset[str] = frozenset()
    #: A word shorter than this is no noun of the class ("Ner", "Iker").
    min_length: int = 5

    def __contains__(self, word: str) -> bool:
        if len(word) < self.min_length or not word[:1].isupper() or word in self.never:
            return False
        low = word.lower()
        return low.endswith(self.endings)
