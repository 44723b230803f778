"""Lighthouse scores and page weight of the built site, against Pelican's own
default theme (notmyidea) building the same content in the same run.

Builds content/ twice (our theme, then notmyidea), serves each on loopback,
and audits the home page, an article, the thank-you page and the privacy page
in Debian's chromium. Prints each page's scores (0 to 1: performance,
accessibility, best practices, SEO), transferred bytes, Lighthouse's CPU
benchmark for the run (benchmarkIndex; about 2,000 on an idle 2-CPU machine),
the audits that keep accessibility, best practices or SEO under 1, and our
bytes as a share of the baseline's. The thank-you page stays out of the
sitemap but is not noindex (its "Robots: index"): the issue asks it to score
100 in SEO too, and it leads on to the articles for whoever lands there.
Performance varies from run to run,
most on a busy machine (a low benchmarkIndex): rerun before reading much into
a drop.
Needs node/npm (installs Lighthouse into bench/lighthouse/node_modules once)
and /usr/bin/chromium (`make test` installs it).
Run: .venv/bin/python bench/site_audit.py
"""

import functools
import http.server
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pelican
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
AUDITOR = Path(__file__).resolve().parent / "lighthouse"
PAGES = ["/", "/what-is-a-qualified-sales-lead.html", "/thanks.html", "/privacy.html"]
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


def baseline_theme(work: Path) -> Path:
    """Pelican's notmyidea, plus the page templates our content names (``Template:``
    in its metadata) as plain pages, so the same content builds with it."""
    theme = work / "notmyidea-theme"
    shutil.copytree(Path(pelican.__file__).parent / "themes" / "notmyidea", theme)
    for path in (ROOT / "content" / "pages").glob("*.md"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.lower().startswith("template:"):
                name = line.split(":", 1)[1].strip()
                (theme / "templates" / f"{name}.html").write_text('{% extends "page.html" %}\n')
    return theme


def main() -> None:
    sys.path.insert(0, str(ROOT))
    work = Path(tempfile.mkdtemp(prefix="leadpress-audit-"))
    sites = {}
    baseline = {"THEME": str(baseline_theme(work)), "PLUGINS": [], "JINJA_ENVIRONMENT": {},
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
          + "    bytes    cpu")
    for page in PAGES:
        rows = {name: scores[name][sites[name][1] + page] for name in sites}
        for name, row in rows.items():
            failed = f"  failed: {', '.join(row['failed'])}" if row["failed"] else ""
            print(f"{page:40} {name:10} " + " ".join(f"{row[c]:6.2f}" for c in CATEGORIES)
                  + f" {row['bytes']:8.0f} {row['benchmarkIndex']:6.0f}" + failed)
        share = rows["ours"]["bytes"] / rows["notmyidea"]["bytes"]
        print(f"{'':40} ours/baseline bytes: {share:.2f}")


if __name__ == "__main__":
    main()
