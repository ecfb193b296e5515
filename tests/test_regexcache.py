"""The compiled-pattern cache: same matches as ``re``, survives damage, can be turned off."""

import os
import re

import pytest

from lint.cache import regexcache

PATTERN = "(?<![\\w-])(?:" + "|".join(f"wort{i}(?:e[nrs]?)?" for i in range(60)) + ")(?![\\w-])"
TEXT = "Das wort7 und die wort12en, nicht aber vorwort3 oder wort61x."


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    return tmp_path


def test_cached_pattern_matches_like_re(fresh_cache):
    first = regexcache.compile(PATTERN, re.IGNORECASE)
    [file] = (fresh_cache / regexcache.KIND).iterdir()
    second = regexcache.compile(PATTERN, re.IGNORECASE)
    expected = [m.span() for m in re.compile(PATTERN, re.IGNORECASE).finditer(TEXT)]
    assert [m.span() for m in first.finditer(TEXT)] == expected
    assert [m.span() for m in second.finditer(TEXT)] == expected
    assert second.flags == re.compile(PATTERN, re.IGNORECASE).flags
    assert expected == [(4, 9), (18, 26)]


def test_named_groups_survive(fresh_cache):
    pattern = "(?P<word>" + "|".join(f"name{i}" for i in range(80)) + ")(?P<tail>s?)\\b"
    regexcache.compile(pattern)
    m = regexcache.compile(pattern).search("xx name42s")
    assert m.group("word") == "name42" and m.group("tail") == "s"


def test_damaged_cache_file_is_ignored(fresh_cache):
    regexcache.compile(PATTERN)
    [path] = (fresh_cache / regexcache.KIND).iterdir()
    path.write_bytes(b"\x00 not marshal")
    assert [m.span() for m in regexcache.compile(PATTERN).finditer(TEXT)] == [(4, 9), (18, 26)]


def test_cache_can_be_turned_off(fresh_cache, monkeypatch):
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    regexcache.compile(PATTERN)
    assert list(fresh_cache.iterdir()) == []


def test_unwritable_cache_folder_is_harmless(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(blocker / "sub"))
    assert regexcache.compile(PATTERN).search(TEXT)  # must not raise


def test_second_compile_reads_the_entry(fresh_cache, monkeypatch):
    """An intact entry is used: the second compile needs neither parser nor compiler."""
    regexcache.compile(PATTERN)

    def no_parsing(*args):
        raise AssertionError("parsed again")

    monkeypatch.setattr(regexcache, "_program", no_parsing)
    assert [m.span() for m in regexcache.compile(PATTERN).finditer(TEXT)] == [(4, 9), (18, 26)]


SHORT = r"(?<![\w-])[Ww]ort\d+(?![\w-])"


def _next_process(monkeypatch) -> None:
    """Write the bundle as a process does at exit, and forget it as a new process would."""
    for bundle in regexcache._BUNDLES.values():
        bundle.write()
    monkeypatch.setattr(regexcache, "_BUNDLES", {})


def test_short_patterns_share_one_bundle_entry(fresh_cache, monkeypatch):
    monkeypatch.setattr(regexcache, "_BUNDLES", {})
    regexcache.compile(SHORT)
    regexcache.compile(SHORT, re.IGNORECASE)
    _next_process(monkeypatch)
    assert not (fresh_cache / regexcache.KIND).exists()  # no entry of its own
    [bundle] = (fresh_cache / regexcache.BUNDLE_KIND).iterdir()

    def no_parsing(*args):
        raise AssertionError("parsed again")

    monkeypatch.setattr(regexcache, "_program", no_parsing)
    assert [m.group() for m in regexcache.compile(SHORT).finditer("wort7, WORT8 und Wort9")] == ["wort7", "Wort9"]
    assert [m.group() for m in regexcache.compile(SHORT, re.IGNORECASE).finditer("wort7, WORT8")] == ["wort7", "WORT8"]


def test_damaged_bundle_is_ignored(fresh_cache, monkeypatch):
    monkeypatch.setattr(regexcache, "_BUNDLES", {})
    regexcache.compile(SHORT)
    _next_process(monkeypatch)
    [bundle] = (fresh_cache / regexcache.BUNDLE_KIND).iterdir()
    bundle.write_bytes(bundle.read_bytes()[:-40] + b"\x00" * 40)
    assert [m.group() for m in regexcache.compile(SHORT).finditer("wort7 und Wort9")] == ["wort7", "Wort9"]


def test_bundle_is_written_only_when_a_pattern_was_added(fresh_cache, monkeypatch):
    monkeypatch.setattr(regexcache, "_BUNDLES", {})
    regexcache.compile(SHORT)
    _next_process(monkeypatch)
    regexcache.compile(SHORT)
    [bundle] = regexcache._BUNDLES.values()
    assert not bundle.added  # read from the bundle: nothing to write at exit
    regexcache.compile(SHORT + "x")
    assert bundle.added


BIG = "".join(f"wort{i}\t{i % 7}\n" for i in range(regexcache.DIGEST_KEPT_FROM // 8))


def _hashing_fails(monkeypatch):
    monkeypatch.setattr(regexcache, "_content_digest", lambda data: pytest.fail("hashed again"))


def test_file_digest_is_the_content_digest(fresh_cache, tmp_path):
    small, big = tmp_path / "klein.txt", tmp_path / "gross.txt"
    small.write_text("eins\nzwei\n", encoding="utf-8")
    big.write_text(BIG, encoding="utf-8")
    for path in (small, big, big):  # the last one from the kept digest
        assert regexcache.file_digest(path) == regexcache.store.blake2b(path.read_bytes(), digest_size=16).digest()
    assert [p.name for p in (fresh_cache / regexcache.DIGEST_KIND).iterdir()] != []


def test_only_files_of_middle_size_keep_their_digest(fresh_cache, tmp_path, monkeypatch):
    monkeypatch.setattr(regexcache, "DIGEST_KEPT_UP_TO", len(BIG) - 1)
    big = tmp_path / "gross.txt"
    big.write_text(BIG, encoding="utf-8")
    assert regexcache.file_digest(big) == regexcache.store.blake2b(BIG.encode(), digest_size=16).digest()
    assert not (fresh_cache / regexcache.DIGEST_KIND).exists()


def test_kept_file_digest_is_read_not_hashed(fresh_cache, tmp_path, monkeypatch):
    big = tmp_path / "gross.txt"
    big.write_text(BIG, encoding="utf-8")
    first = regexcache.file_digest(big)
    _hashing_fails(monkeypatch)
    assert regexcache.file_digest(big) == first


def test_edited_file_is_hashed_afresh_whatever_its_stamp(fresh_cache, tmp_path):
    """Same size, same modification time, one byte changed: the kept copy differs."""
    big = tmp_path / "gross.txt"
    big.write_text(BIG, encoding="utf-8")
    stamp = big.stat()
    first = regexcache.file_digest(big)
    big.write_text(BIG.replace("wort1\t", "Wort1\t", 1), encoding="utf-8")
    os.utime(big, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert big.stat().st_size == stamp.st_size
    second = regexcache.file_digest(big)
    assert second != first and second == regexcache.store.blake2b(big.read_bytes(), digest_size=16).digest()


def test_damaged_kept_digest_is_a_miss(fresh_cache, tmp_path):
    big = tmp_path / "gross.txt"
    big.write_text(BIG, encoding="utf-8")
    first = regexcache.file_digest(big)
    [kept] = (fresh_cache / regexcache.DIGEST_KIND).iterdir()
    intact = kept.read_bytes()
    for at in (len(intact) - len(big.read_bytes()) - 3, len(intact) - 3):  # inside the digest, inside the copy
        data = bytearray(intact)
        data[at] ^= 0x01
        kept.write_bytes(bytes(data))
        assert regexcache.file_digest(big) == first
        assert kept.read_bytes() == intact  # kept anew


def _kept_calls(key, stored, restore_fails=False, keep=("data",)):
    """What ``regexcache.kept`` returned, built and left in the cache, from a cache holding ``stored``."""
    built = []
    if stored is not None:
        regexcache.put_data("kept-test", stored)

    def restore(data):
        if restore_fails:
            raise ValueError("stale shape")
        return ("restored", data)

    def build():
        built.append(True)
        return "built", keep

    value = regexcache.kept(key, restore, build)
    return value, bool(built), regexcache.get_data("kept-test")


@pytest.mark.parametrize(
    "key, stored, restore_fails, keep, expected",
    [
        # a stored entry is restored, nothing built
        ("kept-test", ["old"], False, ("data",), (("restored", ["old"]), False, ["old"])),
        # no entry: built, its data kept
        ("kept-test", None, False, ("data",), ("built", True, ("data",))),
        # an entry restore cannot read: dropped, built afresh and kept anew
        ("kept-test", ["odd"], True, ("data",), ("built", True, ("data",))),
        # no data to keep: built, nothing kept
        ("kept-test", None, False, None, ("built", True, None)),
        # no key: nothing read, nothing kept
        (None, ["old"], False, ("data",), ("built", True, ["old"])),
    ],
)
def test_kept_restores_builds_and_keeps(fresh_cache, key, stored, restore_fails, keep, expected):
    assert _kept_calls(key, stored, restore_fails, keep) == expected
