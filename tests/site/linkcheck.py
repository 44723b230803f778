"""A small link checker for a built static site.

Every internal ``href``/``src`` (relative, root-relative, or under SITEURL) must
name a file in the output, and a ``#fragment`` into one of our pages must name
an element id there. External addresses are not fetched: the tests stay offline.
"""

from functools import cache
from pathlib import Path
from urllib.parse import unquote
from urllib.parse import urljoin
from urllib.parse import urlsplit

import lxml.html

IGNORED_SCHEMES = ("mailto", "tel", "data", "javascript")


class LinkChecker:
    def __init__(self, output: Path, siteurl: str) -> None:
        self.output = output
        self.siteurl = siteurl.rstrip("/")
        self.ids = cache(self._ids)

    def _ids(self, target: Path) -> frozenset[str]:
        return frozenset(lxml.html.parse(str(target)).getroot().xpath("//@id"))

    def target(self, page: str, url: str) -> tuple[Path, str] | None:
        """The file and fragment ``url`` points to, or None when it leaves the site."""
        absolute = urljoin(f"{self.siteurl}/{page}", url.strip())
        parts = urlsplit(absolute)
        if parts.scheme in IGNORED_SCHEMES:
            return None
        base = f"{parts.scheme}://{parts.netloc}"
        if base != self.siteurl:
            return None
        path = unquote(parts.path).lstrip("/")
        if not path or path.endswith("/"):
            path += "index.html"
        return self.output / path, parts.fragment

    def problems(self, page: str) -> list[str]:
        """What is broken among the links of one built HTML page, in words."""
        found = []
        root = lxml.html.parse(str(self.output / page)).getroot()
        for _element, attribute, url, _pos in root.iterlinks():
            if attribute not in ("href", "src"):
                continue
            target = self.target(page, url)
            if target is None:
                continue
            path, fragment = target
            if not path.is_file():
                found.append(f"{page}: {url} -> no file {path.relative_to(self.output)}")
            elif fragment and path.suffix == ".html" and fragment not in self.ids(path):
                found.append(f"{page}: {url} -> no id {fragment!r}")
        return found

    def check(self) -> list[str]:
        pages = sorted(p.relative_to(self.output).as_posix() for p in self.output.rglob("*.html"))
        return [problem for page in pages for problem in self.problems(page)]
