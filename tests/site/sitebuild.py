"""Build the site with Pelican's own API, and read what the content says it should hold.

The tests compare the output with the Markdown sources, read here without
Pelican, so a bug in how Pelican (or our plugin) reads them cannot hide itself.
"""

import logging
import shutil
from datetime import date
from datetime import timedelta
from functools import cache
from pathlib import Path

import html5lib
from lxml import etree
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
SITEURL = "https://site.test"
CAPTURE_URL = "https://capture.test/leads"


def read_metadata(path: Path) -> dict[str, str]:
    """The ``Key: value`` header of a Markdown file, keys lower-cased."""
    metadata = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            break
        key, _, value = line.partition(":")
        metadata[key.strip().lower()] = value.strip()
    metadata.setdefault("slug", path.stem)
    return metadata


def content_items(folder: str) -> list[dict[str, str]]:
    return [read_metadata(path) for path in sorted((CONTENT / folder).glob("*.md"))]


ARTICLES = content_items("articles")
PAGES = content_items("pages")


def copied_content(folder: Path, count: int, body: str | None = None) -> Path:
    """content/'s pages and ``count`` copies of one real article, a day apart.

    For what needs more articles than the five: pagination, a cache over
    hundreds of articles. Each copy has its own title, slug and date and the
    real one's tags, and its text unless ``body`` replaces it (a short one
    keeps a build of hundreds of articles quick).
    """
    shutil.copytree(CONTENT / "pages", folder / "pages")
    (folder / "articles").mkdir()
    source = sorted((CONTENT / "articles").glob("*.md"))[0].read_text(encoding="utf-8")
    head, _, text = source.partition("\n\n")
    body = text if body is None else body
    fields = dict(line.split(": ", 1) for line in head.splitlines())
    for number in range(1, count + 1):
        day = date(2012, 1, 1) + timedelta(days=number)
        fields |= {"Title": f"Copy {number}", "Slug": f"copy-{number}", "Date": f"{day} 09:00"}
        text = "\n".join(f"{key}: {value}" for key, value in fields.items())
        (folder / "articles" / f"copy-{number}.md").write_text(f"{text}\n\n{body}")
    return folder


class WarningRecorder(logging.Handler):
    """Keeps every WARNING or worse: Pelican reports problems by logging, not raising."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build(output: Path, **overrides) -> list[logging.LogRecord]:
    """Run a real build of content/ into ``output``; return the warnings it logged."""
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "OUTPUT_PATH": str(output),
            "SITEURL": SITEURL,
            "CAPTURE_URL": CAPTURE_URL,
            **overrides,
        },
    )
    recorder = WarningRecorder()
    root = logging.getLogger()
    level = root.level
    root.setLevel(min(level, logging.WARNING) if level else logging.WARNING)
    root.addHandler(recorder)
    try:
        Pelican(settings).run()
    finally:
        root.removeHandler(recorder)
        root.setLevel(level)
    return recorder.records


class BuiltSite:
    """The output of one build, with parsed pages cached for the many tests that read them."""

    def __init__(self, output: Path, warnings: list[logging.LogRecord]) -> None:
        self.output = output
        self.warnings = warnings
        self.parse = cache(self._parse)

    def path(self, name: str) -> Path:
        return self.output / name

    def read(self, name: str) -> str:
        return self.path(name).read_text(encoding="utf-8")

    def html_names(self) -> list[str]:
        return sorted(p.relative_to(self.output).as_posix() for p in self.output.rglob("*.html"))

    def _parse(self, name: str) -> etree._ElementTree:
        return parse_html(self.read(name))


def parse_html(text: str) -> etree._ElementTree:
    """Parse strictly: html5lib raises on the first HTML syntax error."""
    parser = html5lib.HTMLParser(
        tree=html5lib.getTreeBuilder("lxml"), strict=True, namespaceHTMLElements=False
    )
    return parser.parse(text)


def article_url(slug: str) -> str:
    return f"{SITEURL}/{slug}.html"
