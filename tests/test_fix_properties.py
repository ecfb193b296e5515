"""Property tests of fixing (hypothesis): documents built from the seeds'
sentences, some quoted, some in Markdown markup. Fixing twice equals fixing
once, and nothing inside quotation marks or markup is ever changed."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from lint.engine.core import Selection, Workspace
from lint.engine.fixes import fix_document

SENTENCES = sorted({
    s.strip()
    for seed in SEEDS.glob("*.txt")
    for s in re.split(r"(?<=[.!?])\s+", seed.read_text(encoding="utf-8"))
    if 20 < len(s.strip()) < 300 and "„" not in s and "“" not in s and "*" not in s
})
ENGINE = Workspace(None, Selection()).engine_for(SEEDS / "x.md")

piece = st.tuples(st.sampled_from(SENTENCES), st.sampled_from(["plain", "quoted", "bold"]))


def render(pieces) -> tuple[str, list[str], int]:
    parts, quoted = [], []
    for sentence, how in pieces:
        if how == "quoted":
            text = f"„{sentence}“, sagte sie."
            quoted.append(f"„{sentence}“")
        elif how == "bold":
            text = f"**{sentence}**"
        else:
            text = sentence
        parts.append(text)
    doc = "# Entwurf\n\n" + "\n\n".join(parts) + "\n"
    return doc, quoted, doc.count("**")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(piece, min_size=1, max_size=6))
def test_fix_is_idempotent_and_spares_quotes_and_markup(pieces):
    doc, quoted, markers = render(pieces)
    once = fix_document(ENGINE, "entwurf.md", doc, unsafe=True)
    twice = fix_document(ENGINE, "entwurf.md", once.text, unsafe=True)
    assert twice.text == once.text
    for quote in quoted:
        assert quote in once.text
    assert once.text.count("**") == markers
    assert once.text.startswith("# Entwurf\n\n")
