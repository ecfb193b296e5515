"""The structure kinds' word-list patterns (``lint.kinds.structure._pattern``)."""

from types import SimpleNamespace

import pytest

from lint.kinds.structure import _pattern


@pytest.mark.parametrize(
    "listed, text, found",
    [
        ("dpa\nReuters\n", "Foto: Reuters", True),
        ("dpa\nReuters\n", "Ein Bild vom Markt.", False),
        # an emptied list: any word does, so the rule stays silent instead of reporting everything
        ("", "Ein Bild vom Markt.", True),
    ],
)
def test_pattern_of_a_list(tmp_path, listed, text, found):
    (tmp_path / "credits.txt").write_text("# Credits for a test.\n" + listed, encoding="utf-8")
    rule = SimpleNamespace(data_file=lambda name: tmp_path / name)
    assert bool(_pattern(rule, "credits.txt", 0).search(text)) is found
