"""Direct quotations and who is quoted (lint.language.quotes), as a table of cases."""

import pytest

from lint.language.quotes import find_quotes, in_interview_answer

# Text, then per quotation the speaker as written ("" when the text names nobody).
CASES = [
    ("„Das ist falsch“, sagte Müller.", [("„Das ist falsch“", "Müller")]),
    ("„Das ist falsch“, sagte Anna Müller am Montag.", [("„Das ist falsch“", "Anna Müller")]),
    ("„Das ist falsch“, so der Sprecher.", [("„Das ist falsch“", "der Sprecher")]),
    ("„Das ist falsch“, sagte die frühere Ministerin.", [("„Das ist falsch“", "die Ministerin")]),
    ("„Das ist falsch“, sagte dann Müller.", [("„Das ist falsch“", "Müller")]),
    ("»Das ist falsch«, erklärte Ärztin Özdemir.", [("»Das ist falsch«", "Ärztin Özdemir")]),
    ("\"Das ist falsch,\" sagte Müller.", [("\"Das ist falsch,\"", "Müller")]),
    ("„Das ist falsch“, sagte er.", [("„Das ist falsch“", "")]),
    ("„Das ist falsch“, heißt es in dem Bericht.", [("„Das ist falsch“", "")]),
    ("„Das ist falsch“, weil Müller es sagt.", [("„Das ist falsch“", "")]),
    ("Müller sagte: „Das ist falsch.“", [("„Das ist falsch.“", "Müller")]),
    ("Die Ministerin erklärte am Montag: „Das ist falsch.“", [("„Das ist falsch.“", "die Ministerin")]),
    ("Am Montag erklärte Müller: „Das ist falsch.“", [("„Das ist falsch.“", "Müller")]),
    ("Am Montag erklärte sie: „Das ist falsch.“", [("„Das ist falsch.“", "")]),
    ("Anna Müller: „Das ist falsch.“", [("„Das ist falsch.“", "Anna Müller")]),
    ("Er nannte das „Unsinn“.", [("„Unsinn“", "")]),
    ("„Wir schaffen das“: Mit diesem Satz wurde sie bekannt.", [("„Wir schaffen das“", "")]),
    (
        "„Das ist falsch“, sagte Müller, „und das wissen alle.“",
        [("„Das ist falsch“", "Müller"), ("„und das wissen alle.“", "Müller")],
    ),
    (
        "„Das ist falsch“, sagte Müller. „Das wissen alle.“",
        [("„Das ist falsch“", "Müller"), ("„Das wissen alle.“", "Müller")],
    ),
    (
        "„Das ist falsch“, sagte Müller. Maier widersprach. „Das wissen alle.“",
        [("„Das ist falsch“", "Müller"), ("„Das wissen alle.“", "")],
    ),
    (
        "„Das ist falsch“, sagte Müller.\n„Das wissen alle.“",
        [("„Das ist falsch“", "Müller"), ("„Das wissen alle.“", "")],
    ),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_speaker(text, expected):
    found = [
        (text[q.start : q.end], f"{q.speaker.article} {q.speaker.text}".strip() if q.speaker else "")
        for q in find_quotes(text)
    ]
    assert found == expected


def test_speaker_span_points_at_the_name():
    text = "„Das ist falsch“, sagte Anna Müller."
    speaker = find_quotes(text)[0].speaker
    assert text[speaker.start : speaker.end] == "Anna Müller"


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Müller: Das war ein Erdbeben für uns.", "Erdbeben", True),
        ("FRAGE: War das ein Erdbeben? Müller: Ja.", "Erdbeben", False),
        ("STANDARD: War das ein Erdbeben?", "Erdbeben", False),
        ("Das war ein Erdbeben für uns.", "Erdbeben", False),
    ],
)
def test_interview_answer(text, word, expected):
    assert in_interview_answer(text, 0, text.index(word), ("FRAGE", "STANDARD")) is expected
