"""Normalised copies of a few built pages, kept in git to catch unintended changes.

A speed change to the theme or the plugin must not change what readers get. The
snapshots were taken from the build before that work; the test compares the
same pages of today's build with them. Whitespace is normalised (a template
may be re-indented freely) and every tag starts a line, so a failure reads as
a short diff.

To accept an intended change, rebuild the snapshots and commit them with it:
    .venv/bin/python tests/site/snapshots.py
"""

import re
import sys
import tempfile
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "snapshots"
#: An article with both neighbours and three related articles, the index, a tag
#: page and the archives. (At five articles and DEFAULT_PAGINATION = 10 nothing is
#: paginated; tests/site/test_site_pagination.py builds enough articles for that.)
SAMPLE = (
    "take-an-it-appointment-setting-campaign-off-life-support.html",
    "index.html",
    "tag/follow-up.html",
    "archives.html",
)


def normalise(html: str) -> str:
    """One tag per line, runs of whitespace collapsed: layout-only edits do not count."""
    text = re.sub(r"\s+", " ", html).strip()
    return re.sub(r"\s*(<[^>]+>)\s*", r"\n\1\n", text).replace("\n\n", "\n").strip() + "\n"


def snapshot_path(name: str) -> Path:
    """Flat file names, so tag/follow-up.html and a future follow-up.html cannot collide."""
    return FOLDER / name.replace("/", "__")


def write_snapshots(output: Path) -> None:
    FOLDER.mkdir(exist_ok=True)
    for name in SAMPLE:
        page = (output / name).read_text(encoding="utf-8")
        snapshot_path(name).write_text(normalise(page), encoding="utf-8")


def main() -> None:
    """Build content/ exactly as the tests do and store the sample."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from sitebuild import build

    with tempfile.TemporaryDirectory() as output:
        build(Path(output))
        write_snapshots(Path(output))


if __name__ == "__main__":
    main()
