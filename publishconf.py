"""Production settings: pelicanconf.py with the public addresses from the environment.

Run as `SITEURL=... CAPTURE_URL=... pelican content -s publishconf.py`. Both
are required: a build that quietly kept the local 127.0.0.1 addresses would
publish a site whose canonical links and lead form point at a laptop.
"""

import os
import sys
from urllib.parse import urlsplit

# `pelican -s publishconf.py` does not put this directory on sys.path.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402, F403


def _url_from_environment(name: str, meaning: str, example: str, path_end: str = "") -> str:
    """Read an http(s) URL from the environment, or stop with what to set."""
    value = os.environ.get(name, "").strip()
    parts = urlsplit(value)
    if (
        parts.scheme not in ("http", "https")
        or not parts.netloc
        or not parts.path.endswith(path_end)
    ):
        raise SystemExit(
            f"publishconf.py: set {name} to {meaning}, e.g. {name}={example}"
            + (f" (got {value!r})" if value else f" ({name} is not set)")
        )
    return value


SITEURL = _url_from_environment(
    "SITEURL", "the site's public address", "https://www.example.com"
).rstrip("/")
CAPTURE_URL = _url_from_environment(
    "CAPTURE_URL",
    "the capture service's full /leads endpoint",
    "https://capture.example.com/leads",
    path_end="/leads",
)
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
