"""Many files: worker processes give byte-identical output; the result cache
gives what an uncached run gives, sees every edit, and can be turned off or removed."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from lint.api import check_many, check_text
from lint.cache import results as result_cache
from lint.engine import batch, parallel
from lint.engine.core import Workspace

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FORMATS = ["full", "concise", "json", "sarif", "github", "gitlab", "junit"]
HYPE = "Ein beispielloser Erfolg: Die Firma meldet 40 Prozent mehr Umsatz.\n"
HOUSE_RULE = (
    'code = "HS001"\nname = "house-word"\nkind = "existence"\ncategory = "style"\nseverity = "warning"\n'
    'summary = "Hauswort"\nmessage = "„{match}“ ist kein Hauswort."\nwhy = "Hausstil."\n'
    '[examples]\nbad = ["Der Bundestag."]\ngood = ["Das Parlament."]\n'
    '[options]\nlists = ["data/house-words.txt"]\n'
)


def run(*args, cwd, env=None):
    full_env = {**os.environ, **(env or {})}
    full_env.pop("NEWSLINT_NO_CACHE", None)
    return subprocess.run(
        [sys.executable, "-m", "lint", *args], capture_output=True, text=True, cwd=cwd, env=full_env, timeout=300
    )


@pytest.fixture
def project(tmp_path):
    """An article folder with the seeds, a Markdown and an HTML article; results cached in the project."""
    art = tmp_path / "artikel"
    art.mkdir()
    for seed in SEEDS:
        (art / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (art / "meldung.md").write_text("# Börse\n\n" + HYPE + "\n> „Ein Rekord“, sagte sie.\n", encoding="utf-8")
    (art / "seite.html").write_text(f"<html><body><h1>Titel</h1><p>{HYPE}</p></body></html>\n", encoding="utf-8")
    return art


def project_env(project: Path) -> dict:
    """Results in the project's .newslint_cache/ (the default when NEWSLINT_CACHE_DIR is unset)."""
    env = {k: v for k, v in os.environ.items() if k != "NEWSLINT_CACHE_DIR"}
    env["XDG_CACHE_HOME"] = str(project.parent / "user-cache")
    return env


def articles(project: Path) -> list[Path]:
    return sorted(p for p in project.iterdir() if p.is_file())


def run_in(project, *args, extra=None):
    env = project_env(project)
    env.update(extra or {})
    r = subprocess.run([sys.executable, "-m", "lint", *args], capture_output=True, text=True, cwd=project, env=env, timeout=300)
    return r


# -- workers -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_workers_give_byte_identical_output(project, fmt):
    one = run_in(project, "check", "--no-cache", "-j", "1", "--format", fmt, "--show-hints", ".")
    two = run_in(project, "check", "--no-cache", "-j", "2", "--format", fmt, "--show-hints", ".",
                 extra={"NEWSLINT_CHARS_PER_WORKER": "1"})  # force the workers on this small set
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and one.stdout
    assert one.stderr == two.stderr


def test_crossover_keeps_a_small_run_in_one_process(monkeypatch):
    monkeypatch.delenv("NEWSLINT_CHARS_PER_WORKER", raising=False)
    small = sum(len(p.read_text(encoding="utf-8")) for p in SEEDS)
    assert parallel.workers_for(small, 8) == 1
    assert parallel.workers_for(parallel.CHARS_PER_WORKER * 3, 8) == 3
    assert parallel.workers_for(parallel.CHARS_PER_WORKER * 30, 2) == 2
    assert parallel.workers_for(parallel.CHARS_PER_WORKER * 30, 1) == 1


def test_run_ordered_keeps_the_order_in_workers():
    items = list(range(40))
    assert parallel.run_ordered(lambda i: (i, os.getpid()), items, 2) != [(i, os.getpid()) for i in items]
    assert [v for v, _ in parallel.run_ordered(lambda i: (i, os.getpid()), items, 2)] == items


@pytest.mark.parametrize("value", ["0", "-1", "zwei"])
def test_jobs_must_be_a_positive_number(project, value):
    r = run_in(project, "check", "-j", value, ".")
    assert r.returncode == 2 and "expected a number of processes" in r.stderr


# -- the result cache ----------------------------------------------------------


def test_cached_run_equals_the_uncached_one(project):
    cold = run_in(project, "check", "--no-cache", "--format", "sarif", ".")
    assert not (project / ".newslint_cache").exists()  # --no-cache writes nothing
    first = run_in(project, "check", "--format", "sarif", ".")
    assert (project / ".newslint_cache" / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")
    entries = list((project / ".newslint_cache" / result_cache.KIND).iterdir())
    assert len(entries) == 1  # one pack for the folder's articles
    again = run_in(project, "check", "--format", "sarif", ".")
    assert cold.stdout == first.stdout == again.stdout and (cold.returncode, again.returncode) == (1, 1)


def _batch(project: Path, cache_root: Path, config: Path | None = None):
    items = [batch.Item(str(p), str(p), p.read_text(encoding="utf-8")) for p in articles(project)]
    cache = result_cache.ResultCache(result_cache.store.Store(cache_root), "test")
    return batch.lint_batch(Workspace(config), items, jobs=1, cache=cache)


def _as_rows(results):
    return [[d.as_dict() for d in r.diagnostics] for r in results]


def _uncached(project: Path, config: Path | None = None):
    items = [batch.Item(str(p), str(p), p.read_text(encoding="utf-8")) for p in articles(project)]
    return _as_rows(batch.lint_batch(Workspace(config), items, jobs=1, cache=None))


def test_second_run_is_served_from_the_cache(project, tmp_path):
    first = _batch(project, tmp_path / "c")
    second = _batch(project, tmp_path / "c")
    assert not any(r.cached for r in first) and all(r.cached for r in second)
    assert _as_rows(first) == _as_rows(second)


def _pack_entries(cache_root: Path) -> list[dict]:
    from lint.cache import store

    packs = []
    for path in sorted((cache_root / result_cache.KIND).iterdir()):
        data = path.read_bytes()
        size = int.from_bytes(data[len(store.MAGIC) : len(store.MAGIC) + 8], "little")
        packs.append(store.decode_entry(data, data[store._HEAD : store._HEAD + size])[0])
    return packs


def test_one_pack_per_folder_and_one_entry_per_file(project, tmp_path):
    other = project.parent / "zweiter-ordner"
    other.mkdir()
    (other / "kurz.md").write_text("# Kurz\n\n" + HYPE, encoding="utf-8")
    items = [batch.Item(str(p), str(p), p.read_text(encoding="utf-8")) for p in [*articles(project), other / "kurz.md"]]
    cache = result_cache.ResultCache(result_cache.store.Store(tmp_path / "c"), "test")
    batch.lint_batch(Workspace(None), items, jobs=1, cache=cache)
    assert sorted(len(p) for p in _pack_entries(tmp_path / "c")) == [1, len(articles(project))]
    article = project / "meldung.md"
    for version in range(3):  # edited again and again: the pack keeps the latest results only
        article.write_text(f"# Börse\n\nFassung {version}: {HYPE}", encoding="utf-8")
        assert [r.cached for r in _batch(project, tmp_path / "c")].count(False) == 1
    assert sorted(len(p) for p in _pack_entries(tmp_path / "c")) == [1, len(articles(project))]
    assert all(r.cached for r in _batch(project, tmp_path / "c"))


def test_a_pack_keeps_the_most_recently_written_files(project, tmp_path, monkeypatch):
    monkeypatch.setattr(result_cache, "PACK_LIMIT", 2)
    first = _batch(project, tmp_path / "c")
    [pack] = _pack_entries(tmp_path / "c")
    assert len(pack) == 2 and [name.split("\n")[0] for name in pack] == [str(p) for p in articles(project)[-2:]]
    again = _batch(project, tmp_path / "c")
    assert [r.cached for r in again] == [False] * (len(articles(project)) - 2) + [True, True]
    assert _as_rows(again) == _as_rows(first)


def test_runs_on_parts_of_a_folder_add_to_its_pack(project, tmp_path):
    cache_root = tmp_path / "c"
    for path in articles(project):  # one file per run, as a pre-commit hook on single commits
        items = [batch.Item(str(path), str(path), path.read_text(encoding="utf-8"))]
        cache = result_cache.ResultCache(result_cache.store.Store(cache_root), "test")
        batch.lint_batch(Workspace(None), items, jobs=1, cache=cache)
    assert all(r.cached for r in _batch(project, cache_root))


def test_edited_article_is_seen_on_the_next_cached_run(project, tmp_path):
    _batch(project, tmp_path / "c")
    article = project / "meldung.md"
    article.write_text("# Börse\n\nDer Bundestag tagte am Freitag.\n", encoding="utf-8")
    after = _batch(project, tmp_path / "c")
    assert [r.cached for r in after].count(False) == 1
    assert _as_rows(after) == _uncached(project)
    assert not [d for d in after[[str(p) for p in articles(project)].index(str(article))].diagnostics]


@pytest.mark.parametrize(
    "before,after",
    [
        ("", 'ignore = ["HY001"]\n'),
        ("", '[rules.HY001]\nseverity = "error"\n'),
        ('[rules.RD004]\nmax_words = 40\n', '[rules.RD004]\nmax_words = 12\n'),
        ("", 'fail-on = "never"\nselect = ["hype"]\n'),
    ],
)
def test_changed_configuration_is_seen_on_the_next_cached_run(project, tmp_path, before, after):
    config = project.parent / "newslint.toml"
    config.write_text(before, encoding="utf-8")
    cached_before = _as_rows(_batch(project, tmp_path / "c"))
    config.write_text(after, encoding="utf-8")
    changed = _batch(project, tmp_path / "c")
    assert not any(r.cached for r in changed)
    assert _as_rows(changed) == _uncached(project)
    assert _as_rows(changed) != cached_before


def test_edited_word_list_of_a_house_pack_is_seen(project):
    """Each run a new process, as on the command line."""
    pack = project.parent / "haus"
    (pack / "data").mkdir(parents=True)
    (pack / "HS001.toml").write_text(HOUSE_RULE, encoding="utf-8")
    words = pack / "data" / "house-words.txt"
    words.write_text("# Wörter, die der Hausstil meidet\nXylophon\n", encoding="utf-8")
    (project / "newslint.toml").write_text('packs = ["../haus"]\n', encoding="utf-8")
    before = run_in(project, "check", "--format", "json", ".")
    assert '"HS001"' not in before.stdout
    words.write_text("# Wörter, die der Hausstil meidet\nXylophon\nFirma\n", encoding="utf-8")
    after = run_in(project, "check", "--format", "json", ".")
    uncached = run_in(project, "check", "--no-cache", "--format", "json", ".")
    assert '"HS001"' in after.stdout and after.stdout == uncached.stdout


def test_damaged_result_entry_is_a_miss(project, tmp_path):
    first = _batch(project, tmp_path / "c")
    for entry in (tmp_path / "c" / result_cache.KIND).iterdir():
        data = bytearray(entry.read_bytes())
        data[len(data) // 2] ^= 0xFF
        entry.write_bytes(bytes(data))
    again = _batch(project, tmp_path / "c")
    assert not any(r.cached for r in again) and _as_rows(again) == _as_rows(first)


def _diagnostic(**changes):
    from lint.model.diagnostics import Diagnostic, Edit, EditPosition, Fix, Severity

    fields = dict(
        start=4, end=17, code="HY001", rule="hype-absolute", category="hype", severity=Severity.WARNING,
        message="„beispiellos“", help="Hilfe", fix=Fix((Edit(4, 17, "großer"),), "safe", "ersetzen"),
        path="a.txt", line=1, column=5, end_line=1, end_column=18,
        edit_positions=(EditPosition(1, 5, 1, 18, "großer"),), extra={"zahl": 3}, zone="body",
    )
    return Diagnostic(**{**fields, **changes})


def test_diagnostics_travel_through_the_cache_unchanged():
    diagnostics = [_diagnostic(), _diagnostic(fix=None, edit_positions=(), severity=result_cache.Severity.INFO)]
    rows = result_cache.encode(diagnostics)
    assert all(type(row) is tuple for row in rows)  # plain data: marshal keeps it
    import marshal

    assert result_cache.decode(marshal.loads(marshal.dumps(rows))) == diagnostics


def test_row_of_another_shape_is_a_miss(tmp_path):
    cache = result_cache.ResultCache(result_cache.store.Store(tmp_path / "c"), "test")
    key = result_cache.ResultKey("pack", "a.txt\n0", "digest")
    row = result_cache.encode([_diagnostic()])[0]
    for rows in ([row[:-1]], [list(row)], [dict(zip(result_cache.Diagnostic._fields, row))]):
        cache._packs["pack"] = {key.entry: (key.content, rows)}
        assert cache.get(key) is None
    cache._packs["pack"] = {key.entry: (key.content, [row])}
    assert cache.get(key) == [_diagnostic()]


def test_text_with_a_lone_surrogate_has_a_key(tmp_path):
    """Text from an API caller may hold a lone surrogate: it is keyed (as before, with ``surrogatepass``)."""
    cache = result_cache.ResultCache(result_cache.store.Store(tmp_path / "c"), "test")
    engine = object()
    cache._keys[engine] = "engine"
    odd, plain = (cache.key(engine, "a.txt", text, False) for text in ("Text \ud800 mit Rest", "Text  mit Rest"))
    assert odd.content != plain.content
    assert odd.content == result_cache.blake2b("Text \ud800 mit Rest".encode("utf-8", "surrogatepass"), digest_size=32).hexdigest()


def test_engine_key_is_read_from_its_kept_copy(project, tmp_path, monkeypatch):
    """A second run compares the packs and code with the kept copy instead of hashing them."""
    from lint.cache import regexcache

    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "user"))  # no key kept by stamps from another test
    monkeypatch.setattr(result_cache, "SETTLED_NS", 10**30)  # no key kept by the files' stamps: the copy is read
    engine = Workspace(None).engine_for_file(str(articles(project)[0]))
    first = result_cache.engine_key(engine, "test")
    kept, sizes = regexcache.kept_digest, []
    monkeypatch.setattr(regexcache, "kept_digest", lambda key, data, kind: sizes.append((len(data), kind)) or kept(key, data, kind))
    monkeypatch.setattr(regexcache, "_content_digest", lambda data: pytest.fail("hashed again"))
    assert result_cache.engine_key(engine, "test") == first
    assert sizes and sizes[0][0] > 1_000_000  # the rule packs and newslint's code: all of it through the kept copy
    # megabytes per copy: kept apart from the files' copies, and few of them
    assert sizes[0][1] == result_cache.ENGINE_KEY_KIND and result_cache.store.LIMITS[result_cache.ENGINE_KEY_KIND] <= 10


def test_engine_key_sees_an_edit_of_the_same_size_and_time(project):
    """One byte of a house pack's word list changed, size and modification time kept: another key."""
    from conftest import house_pack

    pack = house_pack(project.parent)
    config = project.parent / "newslint.toml"
    words = pack / "data" / "verboten.txt"
    engine = Workspace(config).engine_for_file(str(articles(project)[0]))
    first = result_cache.engine_key(engine, "test")
    assert result_cache.engine_key(engine, "test") == first
    stamp = words.stat()
    words.write_bytes(words.read_bytes().replace(b"Bundestag", b"Bundesrat"))
    os.utime(words, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert words.stat().st_size == stamp.st_size
    assert result_cache.engine_key(engine, "test") != first


def _house_engine(project):
    from conftest import house_pack

    pack = house_pack(project.parent)
    engine = Workspace(project.parent / "newslint.toml").engine_for_file(str(articles(project)[0]))
    return engine, pack / "data" / "verboten.txt"


def test_engine_key_is_taken_by_the_files_stamps_without_reading_them(project, monkeypatch):
    """Packs and code unchanged since a run before (and settled): that run's key, no file read."""
    from lint.cache import regexcache

    monkeypatch.setattr(result_cache, "SETTLED_NS", -10**15)  # keys kept by stamps whatever the files' times (the fixture's lie ahead)
    engine, _ = _house_engine(project)
    first = result_cache.engine_key(engine, "test")
    monkeypatch.setattr(regexcache, "kept_digest", lambda *a: pytest.fail("read the packs and code again"))
    read = []
    monkeypatch.setattr(result_cache.io, "FileIO", lambda *a, **k: read.append(a) or pytest.fail(f"read a file: {a}"))
    assert result_cache.engine_key(engine, "test") == first
    assert read == []


@pytest.mark.parametrize("edit", ["same-size-and-time", "appended", "removed", "added"])
def test_engine_key_by_stamps_sees_every_change_of_a_pack(project, monkeypatch, edit):
    monkeypatch.setattr(result_cache, "SETTLED_NS", -10**15)  # keys kept by stamps whatever the files' times (the fixture's lie ahead)
    engine, words = _house_engine(project)
    first = result_cache.engine_key(engine, "test")
    assert result_cache.engine_key(engine, "test") == first  # kept by stamps
    stamp = words.stat()
    if edit == "same-size-and-time":
        words.write_bytes(words.read_bytes().replace(b"Bundestag", b"Bundesrat"))
        os.utime(words, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
        assert words.stat().st_size == stamp.st_size
    elif edit == "appended":
        words.write_bytes(words.read_bytes() + b"Bundesrat\n")
    elif edit == "removed":
        words.unlink()
    else:
        (words.parent / "neu.txt").write_text("Landtag\n", encoding="utf-8")
    assert result_cache.engine_key(engine, "test") != first


def test_engine_key_is_not_kept_by_stamps_of_files_changed_just_now(project, tmp_path, monkeypatch):
    """A file changed within SETTLED_NS could change again within one tick of the clock: no key by stamps."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "user"))
    engine, words = _house_engine(project)
    words.write_bytes(words.read_bytes() + b"Bundesrat\n")  # changed now
    result_cache.engine_key(engine, "test")
    assert not list((tmp_path / "user").glob(f"{result_cache.ENGINE_STAMPS_KIND}/*"))


def test_languagetool_results_are_not_cached(project, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_LANGUAGETOOL", "http://127.0.0.1:9")  # a server: results depend on it
    items = [batch.Item(str(SEEDS[0]), str(SEEDS[0]), SEEDS[0].read_text(encoding="utf-8"))]
    cache = result_cache.ResultCache(result_cache.store.Store(tmp_path / "c"), "lt")
    workspace = Workspace(None, None)
    assert cache.key(workspace.engine_for_file(str(SEEDS[0])), "x", "y", False) is None
    batch.lint_batch(workspace, items, jobs=1, cache=cache)
    assert not (tmp_path / "c" / result_cache.KIND).exists()


def test_clean_removes_the_caches(project):
    run_in(project, "check", ".")
    assert (project / ".newslint_cache").is_dir()
    r = run_in(project, "clean")
    assert r.returncode == 0 and ".newslint_cache" in r.stderr
    assert not (project / ".newslint_cache").exists()


def test_clean_removes_every_kind_of_the_user_cache(project, tmp_path):
    user = {"NEWSLINT_CACHE_DIR": str(tmp_path / "user")}
    run_in(project, "check", ".", extra=user)
    kinds = {"regex", "regex-bundle", "data", "file-digest"}
    assert kinds <= {p.name for p in (tmp_path / "user").iterdir()}
    (tmp_path / "user" / "code" / "cpython").mkdir(parents=True)  # kept only where Python keeps no bytecode (lint.code_cache)
    (tmp_path / "user" / "code" / "cpython" / "lint.cli.pyc").write_bytes(b"entry")
    kinds.add("code")
    assert run_in(project, "clean", extra=user).returncode == 0
    assert not kinds & {p.name for p in (tmp_path / "user").iterdir()}


# -- progress and the batch API ------------------------------------------------


def test_no_progress_bar_when_standard_error_is_not_a_terminal(project):
    r = run_in(project, "check", "--no-cache", "-j", "1", ".")
    assert "\r" not in r.stderr and "Dateien/s" not in r.stderr


def test_progress_bar_on_a_terminal(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(batch.Progress, "DELAY", 0)
    with batch.Progress(10, 0) as advance:
        for _ in range(10):
            advance(1)
    assert "/10 [" in terminal.getvalue() and "Dateien/s" in terminal.getvalue()
    with batch.Progress(10, 0, enabled=False) as advance:
        assert advance is None


def test_check_many_equals_check_text_per_document():
    documents = [(str(p), p.read_text(encoding="utf-8")) for p in SEEDS] + [("notiz.md", "# Titel\n\n" + HYPE)]
    many = check_many(documents, jobs=1)
    assert [[d.as_dict() for d in found] for found in many] == [
        [d.as_dict() for d in check_text(text, path)] for path, text in documents
    ]
    assert sum(len(found) for found in many) > 50


def test_stats_with_workers_is_byte_identical(project):
    one = run_in(project, "stats", "--format", "json", "-j", "1", ".")
    two = run_in(project, "stats", "--format", "json", "-j", "2", ".", extra={"NEWSLINT_CHARS_PER_WORKER": "1"})
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout and '"path"' in one.stdout


def test_concurrent_runs_on_one_cache(project):
    env = project_env(project)
    cmd = [sys.executable, "-m", "lint", "check", "--format", "json", "."]
    runs = [subprocess.Popen(cmd, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [r.communicate(timeout=300)[0] for r in runs]
    uncached = run_in(project, "check", "--no-cache", "--format", "json", ".").stdout
    again = run_in(project, "check", "--format", "json", ".").stdout
    assert outputs == [uncached] * 3 and again == uncached
    assert not [p for p in (project / ".newslint_cache" / result_cache.KIND).iterdir() if not p.name.endswith(".nlc")]


def test_results_are_keyed_by_the_python_environment(monkeypatch):
    """Results computed in another environment (e.g. without a dependency) are never served."""
    import sys

    before = result_cache._environment()
    monkeypatch.setattr(sys, "prefix", "/elsewhere/venv")
    assert result_cache._environment() != before


@pytest.mark.parametrize("data", ["Text „mit“ Ümlaut\n".encode(), b"\xef\xbb\xbfMit Byte-Order-Mark\n", b"ascii\r\n"])
def test_key_from_the_bytes_as_read_equals_the_key_from_the_text(tmp_path, data):
    """A file's bytes, hashed as read (``Input.encoded``), give the key its text gives: the
    bytes are the text's UTF-8 exactly, or (after a byte-order mark) not passed on at all."""
    from lint.engine.inputs import read_inputs

    path = tmp_path / "a.txt"
    path.write_bytes(data)
    [item] = read_inputs([str(path)], None, [], [])
    assert item.encoded is None if data.startswith(b"\xef\xbb\xbf") else item.encoded == item.text.encode("utf-8")
    cache = result_cache.ResultCache(result_cache.store.Store(tmp_path / "c"), "test")
    engine = object()
    cache._keys[engine] = "engine"
    assert cache.key(engine, item.display, item.text, False, item.lookup, item.encoded) == cache.key(
        engine, item.display, item.text, False, item.lookup
    )


def test_a_replaced_text_drops_the_bytes_it_was_read_as(tmp_path):
    """``--fix`` replaces an input's text: its old bytes must not key the new text's results."""
    from lint.engine.inputs import read_inputs

    path = tmp_path / "a.txt"
    path.write_text("alt\n", encoding="utf-8")
    [item] = read_inputs([str(path)], None, [], [])
    assert item.encoded == b"alt\n"
    fixed = item._replace(text="neu\n")
    assert fixed.text == "neu\n" and fixed.encoded is None
    assert item._replace(display="b.txt").encoded == b"alt\n"
    assert item._replace(text="x", encoded=b"x").encoded == b"x"
    with pytest.raises(ValueError):
        item._replace(nope=1)


def test_fix_keeps_results_under_the_fixed_text(project):
    """``check --fix`` with the result cache on keeps the fixed text's results under the
    fixed text: the original text, written back, is not served them."""
    article = project / "fix.txt"
    original = "Der Umsatz stieg um 11,1% auf $600 Milliarden.\n"
    article.write_text(original, encoding="utf-8")
    fixed = run_in(project, "check", "--fix", "--unsafe-fixes", "--format", "json", "--fail-on", "never", str(article))
    assert fixed.returncode == 0 and article.read_text(encoding="utf-8") != original  # something was fixed
    article.write_text(original, encoding="utf-8")
    again = run_in(project, "check", "--format", "json", "--fail-on", "never", str(article))
    fresh = run_in(project, "check", "--no-cache", "--format", "json", "--fail-on", "never", str(article))
    assert again.returncode == fresh.returncode == 0
    assert again.stdout == fresh.stdout


def test_folder_of_a_name_is_the_folder_of_its_absolute_path(tmp_path, monkeypatch):
    """``ResultCache._folder`` remembers an absolute name's folder by its head: for every
    name it is ``dirname(abspath(name))``, also for odd ones (repeated and trailing
    slashes, "." and "..", a relative name after the working folder changed)."""
    monkeypatch.chdir(tmp_path)
    cache = result_cache.ResultCache(result_cache.store.Store(None), "test")
    heads = ["", "/", "//", "///", "/a", "/a/", "/a/.", "/a/..", "//a/b", "/a//b/../c", "/./a", "/../a", "a", "./a", "a/..", "."]
    tails = ["x.txt", "y.md", ".hidden", "..x", "", ".", ".."]
    for _ in range(2):  # the second time from what the first remembered
        for head in heads:
            for tail in tails:
                for name in (head + "/" + tail, head + tail):
                    assert cache._folder(name) == os.path.dirname(os.path.abspath(name)), name
        (tmp_path / "sub").mkdir(exist_ok=True)
        monkeypatch.chdir(tmp_path / "sub")
