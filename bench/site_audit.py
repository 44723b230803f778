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
most on a busy machine (a low benchmarkIndex), so each theme is audited
--rounds times (default 3), the two alternating and taking turns to go first,
and each score is the median with its min-max.
Needs node/npm (installs Lighthouse into bench/lighthouse/node_modules once)
and /usr/bin/chromium (`make test` installs it).
Run: .venv/bin/python bench/site_audit.py [--rounds 3]
"""

import argparse
import functools
import http.server
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.stock_theme import stock_theme  # noqa: E402

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    work = Path(tempfile.mkdtemp(prefix="leadpress-audit-"))
    sites = {}
    baseline = {"THEME": str(stock_theme(work, ROOT / "content" / "pages")), "PLUGINS": [],
                "JINJA_ENVIRONMENT": {},
                "DIRECT_TEMPLATES": ["index", "tags", "categories", "authors", "archives"]}
    for name, overrides in (("ours", {}), ("notmyidea", baseline)):
        # The site must be built for the address it is served from.
        server = serve(work / name)
        base = f"http://127.0.0.1:{server.server_address[1]}"
        (work / name).mkdir()
        build(work / name, base, **overrides)
        sites[name] = (server, base)
    runs = {name: [] for name in sites}
    for number in range(args.rounds):
        order = list(sites) if number % 2 == 0 else list(reversed(sites))
        for name in order:
            runs[name].append(audit([sites[name][1] + page for page in PAGES]))
    for server, _ in sites.values():
        server.shutdown()

    print(f"Lighthouse, {args.rounds} rounds each, interleaved: median (min-max)")
    print(f"{'page':38} {'theme':10} " + " ".join(f"{c[:6]:>15}" for c in CATEGORIES)
          + "       bytes  cpu")
    for page in PAGES:
        bytes_of = {}
        for name in sites:
            rows = [run[sites[name][1] + page] for run in runs[name]]
            cells = [spread([row[c] for row in rows], "{:.2f}") for c in CATEGORIES]
            bytes_of[name] = statistics.median(row["bytes"] for row in rows)
            failed = sorted({audit_id for row in rows for audit_id in row["failed"]})
            print(f"{page:38} {name:10} " + " ".join(f"{cell:>15}" for cell in cells)
                  + f" {bytes_of[name]:11.0f} "
                  + f"{statistics.median(row['benchmarkIndex'] for row in rows):4.0f}"
                  + (f"  failed: {', '.join(failed)}" if failed else ""))
        print(f"{'':38} ours/baseline bytes: {bytes_of['ours'] / bytes_of['notmyidea']:.2f}")


def spread(values: list[float], fmt: str) -> str:
    """median (min-max), or the value alone when every run agreed."""
    low, mid, high = min(values), statistics.median(values), max(values)
    if low == high:
        return fmt.format(mid)
    return f"{fmt.format(mid)} ({fmt.format(low)}-{fmt.format(high)})"


if __name__ == "__main__":
    main()
