"""Lighthouse scores and page weight of the built site, against Pelican's own
default theme (notmyidea) building the same content in the same run.

Builds content/ twice (our theme, then notmyidea), serves each on loopback,
and audits the home page, an article and the privacy page in Debian's
chromium. Prints each page's scores (0 to 1: performance, accessibility, best
practices, SEO), transferred bytes, and our bytes as a share of the baseline's.
Needs node/npm (installs Lighthouse into bench/lighthouse/node_modules once)
and /usr/bin/chromium (`make test` installs it).
Run: .venv/bin/python bench/site_audit.py
"""

import functools
import http.server
import json
import logging
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
AUDITOR = Path(__file__).resolve().parent / "lighthouse"
PAGES = ["/", "/what-is-a-qualified-sales-lead.html", "/privacy.html"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def serve(folder: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def build(output: Path, siteurl: str, **overrides) -> None:
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "OUTPUT_PATH": str(output), "SITEURL": siteurl, "CAPTURE_URL": f"{siteurl}/leads",
        **overrides})
    logging.getLogger("pelican").setLevel(logging.ERROR)
    Pelican(settings).run()


def audit(urls: list[str]) -> dict:
    if not (AUDITOR / "node_modules" / "lighthouse").exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--no-package-lock",
                        "--silent"], cwd=AUDITOR, check=True)
    result = subprocess.run(["node", "audit.mjs", *urls], cwd=AUDITOR, check=True,
                            capture_output=True, text=True,
                            env=os.environ | {"CHROME_PATH": "/usr/bin/chromium"})
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    sys.path.insert(0, str(ROOT))
    work = Path(tempfile.mkdtemp(prefix="leadpress-audit-"))
    sites = {}
    baseline = {"THEME": "notmyidea", "PLUGINS": [], "JINJA_ENVIRONMENT": {},
                "DIRECT_TEMPLATES": ["index", "tags", "categories", "authors", "archives"]}
    for name, overrides in (("ours", {}), ("notmyidea", baseline)):
        # The site must be built for the address it is served from.
        server = serve(work / name)
        base = f"http://127.0.0.1:{server.server_address[1]}"
        (work / name).mkdir()
        build(work / name, base, **overrides)
        sites[name] = (server, base)
    scores = {name: audit([base + page for page in PAGES]) for name, (_, base) in sites.items()}
    for server, _ in sites.values():
        server.shutdown()

    print(f"{'page':40} {'theme':10} " + " ".join(f"{c[:6]:>6}" for c in CATEGORIES)
          + "    bytes")
    for page in PAGES:
        rows = {name: scores[name][sites[name][1] + page] for name in sites}
        for name, row in rows.items():
            print(f"{page:40} {name:10} " + " ".join(f"{row[c]:6.2f}" for c in CATEGORIES)
                  + f" {row['bytes']:8.0f}")
        share = rows["ours"]["bytes"] / rows["notmyidea"]["bytes"]
        print(f"{'':40} ours/baseline bytes: {share:.2f}")


if __name__ == "__main__":
    main()
