"""The pre-commit hook, with the real ``pre-commit`` tool.

``pre-commit try-repo`` installs the hook from this checkout into a fresh
environment and runs it in a temporary git repository holding articles. Slow
(it builds and installs newslint), but part of CI.

try-repo uses the HEAD commit of the repository it is given (plus changes to
tracked files, but not new files). So that the test sees exactly the working
tree under test, it snapshots the checkout's files (tracked and untracked,
minus ignored ones) into a temporary repository and commits them; in a clean
clone, as in CI, that is the same as the checkout itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

# A clean lead and a draft that HY001 (absolute judgements) flags.
HYPE = "Ein beispielloses Erdbeben an der Börse: Die Firma meldet einen beispiellosen Verlust.\n"
CLEAN = "Der Bundestag hat am Freitag das Gesetz beschlossen.\n"

pytestmark = pytest.mark.slow


def pre_commit() -> str:
    beside = Path(sys.executable).parent / "pre-commit"
    found = str(beside) if beside.exists() else shutil.which("pre-commit")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("pre-commit is not installed (pip install -e '.[test]')")
        pytest.skip("pre-commit is not installed")
    return found


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, timeout=60)


@pytest.fixture
def news_repo(tmp_path):
    repo = tmp_path / "redaktion mit leerzeichen"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.name", "Test Redaktion")
    git(repo, "config", "user.email", "redaktion@example.org")
    git(repo, "config", "commit.gpgsign", "false")
    return repo


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    """A committed snapshot of the checkout under test."""
    snapshot = tmp_path_factory.mktemp("newslint-snapshot")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, check=True, capture_output=True, timeout=60).stdout.decode("utf-8")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    git(snapshot, "init", "-q")
    git(snapshot, "add", "-A")
    git(snapshot, "-c", "user.name=newslint tests", "-c", "user.email=tests@example.org", "-c", "commit.gpgsign=false",
        "commit", "-q", "-m", "snapshot")
    return snapshot


def try_repo(repo: Path, hook_repo: Path, hook: str = "newslint") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env["PRE_COMMIT_HOME"] = str(repo.parent / "pre-commit-home")  # never the user's cache
    git(repo, "add", "-A")
    return subprocess.run(
        [pre_commit(), "try-repo", str(hook_repo), hook, "--all-files"],
        cwd=repo, capture_output=True, text=True, timeout=900, env=env,
    )


def test_hook_fails_on_hype_and_passes_on_a_clean_article(news_repo, hook_repo):
    article = news_repo / "artikel über die börse.md"
    article.write_text("# Börse\n\n" + HYPE, encoding="utf-8")
    (news_repo / "notiz.txt").write_text(CLEAN, encoding="utf-8")
    (news_repo / "skript.py").write_text("print('beispiellos')\n", encoding="utf-8")  # not an article type
    bad = try_repo(news_repo, hook_repo)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "newslint" in bad.stdout and "Failed" in bad.stdout
    # concise output: one line per finding naming file, position and rule
    assert "artikel über die börse.md:3:5: HY001 [hype-absolute] warning:" in bad.stdout
    assert "skript.py" not in bad.stdout

    article.write_text("# Börse\n\n" + CLEAN, encoding="utf-8")
    good = try_repo(news_repo, hook_repo)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout


def test_hook_reads_the_repository_configuration(news_repo, hook_repo):
    (news_repo / "artikel.md").write_text(HYPE, encoding="utf-8")
    (news_repo / "newslint.toml").write_text('ignore = ["hype"]\n', encoding="utf-8")
    r = try_repo(news_repo, hook_repo)
    assert r.returncode == 0, r.stdout + r.stderr


def test_fix_hook_fixes_safe_findings_and_reports_the_files_modified(news_repo, hook_repo):
    article = news_repo / "bilanz.md"
    article.write_text("# Bilanz\n\nDer Umsatz stieg um 11,1% auf $600 Milliarden. „Es waren 12%“, sagte sie.\n", encoding="utf-8")
    first = try_repo(news_repo, hook_repo, "newslint-fix")
    assert first.returncode == 1, first.stdout + first.stderr  # pre-commit's convention: files were modified
    assert "files were modified by this hook" in first.stdout
    fixed = article.read_text(encoding="utf-8")
    assert "11,1 Prozent" in fixed and "600 Milliarden Dollar" in fixed
    assert "„Es waren 12%“" in fixed  # never inside a quotation
    second = try_repo(news_repo, hook_repo, "newslint-fix")
    assert second.returncode == 0, second.stdout + second.stderr
    assert article.read_text(encoding="utf-8") == fixed
