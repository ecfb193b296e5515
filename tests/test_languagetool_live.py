"""LT001 against a real LanguageTool server: set NEWSLINT_LANGUAGETOOL_URL
(e.g. http://localhost:8081) to run it; CI tests the protocol with the stand-in
server in test_languagetool.py instead."""

from __future__ import annotations

import json
import os

import pytest

from lint.cli import main
from lint.kinds import languagetool

URL = os.environ.get("NEWSLINT_LANGUAGETOOL_URL")

pytestmark = pytest.mark.skipif(
    not URL,
    reason="no real LanguageTool server: set NEWSLINT_LANGUAGETOOL_URL=http://localhost:8081 "
    "(needs Java 17+ and about 1.5 GB memory, or the Docker image) to run this test",
)


def test_real_server_maps_a_grammar_mistake(isolated, capsys):
    languagetool.reset()
    (isolated / "newslint.toml").write_text(f'languagetool = "{URL}"\n', encoding="utf-8")
    (isolated / "a.md").write_text(
        "# Über „Erfolge“\n\n😀 Die Ärztin **glaubt**, das das Projekt gelingen wird.\n", encoding="utf-8"
    )
    main(["check", "--format", "json", "a.md"])
    out, err = capsys.readouterr()
    assert "note" not in err, err
    found = [d for d in json.loads(out) if d["code"] == "LT001"]
    assert found, "LanguageTool found nothing in a sentence with „das“ for „dass“"
    # whatever rule LanguageTool uses, it must point at the first „das“ (line 3, column 26)
    assert any(d["line"] == 3 and d["column"] <= 26 < d["end_column"] for d in found), found
    assert all(d["rule"] and d["category"] in ("grammar", "typography", "style") for d in found)
