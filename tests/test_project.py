"""The two-command promise and the repository's shape."""

import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_direct_pin_in_pyproject_is_in_the_lock_file():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    pins = project["project"]["dependencies"] + project["project"]["optional-dependencies"]["test"]
    locked = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            locked[name.lower().replace("_", "-")] = version
    for pin in pins:
        name, version = re.sub(r"\[.*\]", "", pin).split("==")
        assert locked.get(name.lower().replace("_", "-")) == version, pin


def test_every_locked_package_is_pinned_exactly():
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][A-Za-z0-9.+\-]*", line), line


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    head = readme[: readme.index("\n## ", readme.index("make test"))]
    assert "make run" in head
    assert "make test" in head


def test_ci_runs_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_no_build_outputs_databases_or_secrets_are_tracked():
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    bad = [
        path for path in tracked
        if re.search(r"(^|/)(output|\.venv|instance)/|\.(db|sqlite3?)$|secret_key", path)
    ]
    assert bad == []


def test_ruff_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


HEAVY_MODULES = ("flask", "sqlalchemy", "alembic", "wtforms", "werkzeug", "flask_sqlalchemy")


def test_the_form_contract_imports_with_nothing_but_the_standard_library():
    """The Pelican build imports capture.contract; it must not load the service."""
    probe = (
        "import sys, capture.contract, capture.vocabulary; "
        f"print(sorted(m for m in {HEAVY_MODULES!r} if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_flask_still_finds_the_app_factory_in_the_light_package_root():
    result = subprocess.run([sys.executable, "-m", "flask", "--app", "capture", "leads", "--help"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "export" in result.stdout


def test_the_project_builds_as_one_package_with_its_templates(tmp_path):
    """`pip install .` used to stop at "Multiple top-level packages discovered"."""
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "capture", tmp_path / "capture",
                    ignore=shutil.ignore_patterns("__pycache__"))
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path / "dist"), str(tmp_path)],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    [wheel] = (tmp_path / "dist").glob("leadpress-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "capture/app.py" in names
    assert "capture/templates/staff/lead.html" in names
    assert "capture/static/staff.css" in names
    assert "capture/followup_plan.toml" in names  # the default plan create_app reads
    assert "capture/screening_model.json" in names  # the word model screening reads
    assert not [name for name in names if name.startswith(("tests/", "bench/", "plugins/"))]


def test_a_site_build_loads_no_service_module(tmp_path):
    """The whole Pelican build (settings, theme, plugins) stays off the database layer."""
    probe = (
        "import sys; from pathlib import Path; sys.path[:0] = ['tests/site']; "
        f"from sitebuild import build; build(Path({str(tmp_path)!r})); "
        f"print(sorted(m for m in {HEAVY_MODULES!r} if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "index.html").is_file()
