"""The topic chain that carries a source forward (``lint.language.topics``), as a table."""

from __future__ import annotations

import pytest

from lint.language.segment import split_sentences
from lint.language.topics import chain, story_words, topic_words

WORDS = [
    # sentence, topic keys expected among its keys, keys that must not be there
    ("Die Bruttoanlageinvestitionen stiegen im Quartal.", {"brutt", "~titionen"}, set()),
    ("Im März stiegen die Preise um 3 Prozent.", {"preis"}, {"märz", "proze"}),
    ("Das geht aus dem Jahresbericht der Behörde hervor.", {"jahre", "behör"}, set()),
    ("Rund 42.000 Pendler standen im Stau.", {"pendl"}, {"rund"}),
    # a currency is a unit: it ties no two sentences about money to one topic
    ("Der Konzern verlor 600 Millionen Euro.", {"konze"}, {"euro", "milli"}),
]


@pytest.mark.parametrize("sentence, present, absent", WORDS)
def test_topic_words(sentence, present, absent):
    keys = topic_words(sentence, 0, len(sentence))
    assert present <= keys
    assert not (absent & keys)


CHAINS = [
    # text, from sentence, walked sentences, joined sentences
    ("Die Investitionen stiegen. Der Winter war mild. Die Bauinvestitionen legten zu.", 2, [1, 0], [0]),
    # through a sentence on the topic: "Ausrüstung" ties 0 to 1, "Investitionen" 1 to 2
    ("Die Investitionen stiegen. Auch Ausrüstungsinvestitionen zogen an. Die Ausrüstung wurde teurer.", 2, [1, 0], [1, 0]),
    ("Die Pendler standen im Stau. Der Trainer sagte ab.", 0, [1], []),
    ("Das Wetter war gut. Der Zoo war voll.", 1, [0], []),
]


@pytest.mark.parametrize("text, frm, walk, joined", CHAINS)
def test_chain(text, frm, walk, joined):
    spans = split_sentences(text, 0, len(text))
    assert list(chain(lambda i: topic_words(text, *spans[i]), frm, walk)) == joined


def test_hyphenated_compounds_count_by_their_parts():
    text = "Viele Github-Nutzer kamen."
    assert {"githu", "nutze"} <= topic_words(text, 0, len(text))


STORY = [
    # sentence, story keys expected among its keys, keys that must not be there
    ("Die OMV gehört zu 31,5 Prozent der Öbib.", {"OMV"}, set()),
    ("Bei Ö3 sank der Marktanteil.", {"Ö3", "markt"}, set()),
    # a capitalised first part of a compound is a name too
    ("Rund 2.500 Ärzte stehen auf der ÖVP-Liste.", {"ÖVP", "ärzte"}, set()),
    # currency codes, legal forms and units name no subject
    ("Die Firma AG zahlte 10 EUR.", {"firma"}, {"EUR", "AG"}),
]


@pytest.mark.parametrize("sentence, present, absent", STORY)
def test_story_words_add_names_in_capitals_to_the_topic_words(sentence, present, absent):
    keys = story_words(sentence, 0, len(sentence), topic_words(sentence, 0, len(sentence)))
    assert present <= keys
    assert not (absent & keys)
