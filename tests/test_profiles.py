"""Profiles: severities per genre and zone from each pack's profiles.toml and the configuration."""

from __future__ import annotations

import pytest

from lint import check_text
from lint.engine.core import Engine
from lint.engine.profiles import Profiles, load_pack_profiles
from lint.model.diagnostics import Severity
from lint.model.errors import ConfigError
from lint.model.rulebook import load_rules
from lint.plugins.packs import builtin_rules_dir

REVIEW = (
    "Steven Spielbergs „Bridge of Spies“ ist ein beispielloser Thriller. Die Regie ist brillant, "
    "das Drehbuch eine Meisterleistung, die Bilder atemberaubend und der Hauptdarsteller sensationell.\n"
)


def _hype(text: str, path):
    return [d for d in check_text(text, path, select=["hype"]) if d.severity >= Severity.WARNING]


def test_review_as_rezension_gets_no_hype_warnings_as_meldung_it_does(tmp_path):
    as_review = _hype("---\ngenre: rezension\n---\n" + REVIEW, tmp_path / "a.md")
    as_news = _hype("---\ngenre: meldung\n---\n" + REVIEW, tmp_path / "a.md")
    assert as_review == []
    assert len(as_news) >= 3


@pytest.mark.parametrize("genre", ["kommentar", "glosse", "Kritik"])
def test_other_opinion_genres_turn_hype_off(tmp_path, genre):
    assert _hype(f"---\ngenre: {genre}\n---\n" + REVIEW, tmp_path / "a.md") == []


def test_hype_hint_in_a_headline_is_a_warning(tmp_path):
    text = "# Ein massiver Anstieg\n\nWien – Der Preis ist am Montag massiv gestiegen.\n"
    found = check_text(text, tmp_path / "a.md", select=["HY004"])
    assert [(d.zone, str(d.severity)) for d in found] == [("headline", "warning"), ("lead", "info")]


def test_configuration_profile_overrides_the_pack(tmp_path):
    (tmp_path / "newslint.toml").write_text(
        '[profiles.genre.rezension]\nHY001 = "warning"\n[profiles.zone.lead]\nHY004 = "off"\n', encoding="utf-8"
    )
    review = check_text("---\ngenre: rezension\n---\n" + REVIEW, tmp_path / "a.md", select=["hype"])
    assert {d.code for d in review} == {"HY001"}
    text = "# Ein massiver Anstieg\n\nWien – Der Preis ist am Montag massiv gestiegen.\n"
    assert [d.zone for d in check_text(text, tmp_path / "b.md", select=["HY004"])] == ["headline"]


@pytest.mark.parametrize(
    "content,message",
    [
        ('[genre.roman]\nhype = "off"\n', "roman"),
        ('[zone.headline]\nhype = "error"\n', "warning, info, off"),
        ('[mood.happy]\nhype = "off"\n', "genre, zone"),
    ],
)
def test_bad_pack_profiles(tmp_path, content, message):
    (tmp_path / "profiles.toml").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_pack_profiles(tmp_path)


def test_resolution_order():
    rules = load_rules([builtin_rules_dir() / "hype"])
    profiles = Profiles.build(rules, [{"genre": {"rezension": {"hype": "off"}}, "zone": {"headline": {"HY004": "warning"}}}])
    assert profiles.resolve("HY004", Severity.INFO, "", "headline") == Severity.WARNING
    assert profiles.resolve("HY004", Severity.INFO, "rezension", "headline") is None  # off wins
    assert profiles.resolve("HY004", Severity.INFO, "meldung", "body") == Severity.INFO
    assert profiles.resolve("RD001", Severity.INFO, "rezension", "headline") == Severity.INFO


def test_every_pack_profile_is_valid():
    for folder in sorted(p for p in builtin_rules_dir().iterdir() if p.is_dir()):
        load_pack_profiles(folder)  # raises on a bad file
    assert Engine().profiles.levels  # the shipped hype profile is in force


def test_a_zone_never_raises_a_finding_its_context_lowered(tmp_path):
    # Someone's verdict quoted in a headline stays a hint; the writer's own stays a warning.
    text = '# Kaiser über Lösung: "Ein beispielloser Meilenstein für Kärnten"\n\nWien – Das Gesetz ist ein beispielloser Erfolg.\n'
    found = check_text(text, tmp_path / "a.md", select=["HY001"])
    assert [(d.zone, str(d.severity)) for d in found][:1] == [("headline", "info")]
    assert ("lead", "warning") in [(d.zone, str(d.severity)) for d in found]
