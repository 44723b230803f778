"""publishconf.py takes the public addresses from the environment, or stops and says which."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import ROOT

pytestmark = pytest.mark.slow

SITEURL = "https://www.example.com"
CAPTURE_URL = "https://capture.example.com/leads"
PELICAN = Path(sys.executable).with_name("pelican")


def run(command, environment, **kwargs):
    env = {k: v for k, v in os.environ.items() if k not in ("SITEURL", "CAPTURE_URL")}
    env.update(environment)
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, **kwargs
    )


def load(environment):
    code = "import publishconf as p; print(p.SITEURL, p.CAPTURE_URL, p.DELETE_OUTPUT_DIRECTORY)"
    return run([sys.executable, "-c", code], environment)


@pytest.mark.parametrize(
    ("environment", "missing"),
    [
        ({"SITEURL": SITEURL}, "CAPTURE_URL"),
        ({"CAPTURE_URL": CAPTURE_URL}, "SITEURL"),
        ({"SITEURL": SITEURL, "CAPTURE_URL": ""}, "CAPTURE_URL"),
        ({"SITEURL": "www.example.com", "CAPTURE_URL": CAPTURE_URL}, "SITEURL"),
        ({"SITEURL": SITEURL, "CAPTURE_URL": "https://capture.example.com"}, "CAPTURE_URL"),
        ({"SITEURL": SITEURL, "CAPTURE_URL": "capture.example.com/leads"}, "CAPTURE_URL"),
    ],
)
def test_publishconf_names_the_variable_to_set(environment, missing):
    result = load(environment)
    assert result.returncode != 0
    assert f"set {missing} to" in result.stderr
    assert "e.g." in result.stderr
    assert "Traceback" not in result.stderr


def test_publishconf_takes_both_addresses_from_the_environment():
    result = load({"SITEURL": SITEURL + "/", "CAPTURE_URL": CAPTURE_URL})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [SITEURL, CAPTURE_URL, "True"]


def test_pelican_cli_builds_with_publishconf(tmp_path):
    environment = {"SITEURL": SITEURL, "CAPTURE_URL": CAPTURE_URL}
    result = run([PELICAN, "content", "-s", "publishconf.py", "-o", tmp_path], environment)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "about.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITEURL}/about.html">' in page


def test_pelican_cli_refuses_publishconf_without_capture_url(tmp_path):
    result = run([PELICAN, "content", "-s", "publishconf.py", "-o", tmp_path], {"SITEURL": SITEURL})
    assert result.returncode != 0
    assert "CAPTURE_URL" in result.stderr
