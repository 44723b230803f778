"""Build time and peak memory of our site against stock Pelican, on generated articles.

Generates N articles (default 500 and 2,000) from the five real ones in
content/articles: titles, slugs, dates, categories and tags vary (60 tags,
3 to 6 per article, a few common and many rare, as on a real blog), and the
text recombines real paragraphs. The real pages are copied as they are.

Each build runs in a fresh Python process, so imports, start-up and peak
memory are those of one build and nothing else: wall time around the child,
peak RSS from os.wait4 (that child's own rusage; RUSAGE_CHILDREN would keep
the maximum over every child so far), and its CPU seconds, which other work
on a shared machine disturbs less than wall time.

Ours (pelicanconf.py, theme/, the leadform and sitemap plugins) and stock
Pelican (its default theme, PLUGINS = [], the same content and our
DEFAULT_PAGINATION; a plain page template for the page our content names,
bench/stock_theme.py) alternate, round after round, so a slow moment of the
machine hits both.

Scenarios:
  - the full build at each size, content cache off (both);
  - at the largest size, the rebuild after one article's text changed, with
    CACHE_CONTENT and LOAD_CONTENT_CACHE on in both and a cache warmed by a
    previous build of the same flavour (untimed warm-up, then each round
    edits the article again and rebuilds).
Prints medians with min-max, ours/stock ratios, the growth from the smallest
to the largest size, and whether the build loaded Flask or SQLAlchemy.

The corpus and the output go to /dev/shm (memory) when it exists: on a disk
shared with other work, waiting for writes came to half the wall time of a
build and varied far more than the builds did. --work-dir /tmp puts the disk
back in.
Run: .venv/bin/python bench/site_build.py [--rounds 5] [--sizes 500,2000] [--work-dir DIR]
"""

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SITEURL = "http://127.0.0.1:8000"
HEAVY_MODULES = ("flask", "sqlalchemy", "flask_sqlalchemy", "alembic", "wtforms", "werkzeug")
FLAVOURS = ("ours", "stock")
TARGETS = {"time": 1.0, "memory": 1.2}

EXTRA_CATEGORIES = ["Cold calling", "Marketing", "Managed services", "Proposals",
                    "Prospecting", "Referrals"]
EXTRA_TAGS = [
    "cold calling", "lead generation", "prospecting", "proposals", "pricing", "objections",
    "gatekeepers", "decision makers", "voicemail", "email follow-up", "trade shows",
    "networking", "sales meetings", "pipeline", "crm", "forecasting", "budgets",
    "managed services", "break-fix", "help desk", "backup", "security", "cloud",
    "compliance", "healthcare", "legal", "manufacturing", "nonprofits", "smb", "enterprise",
    "vars", "consultants", "webinars", "lunch and learn", "case studies", "testimonials",
    "seo", "content marketing", "direct mail", "newsletters", "partnerships", "vendors",
    "hiring", "sales training", "scripts", "metrics", "roi", "retention",
]
TITLE_OPENERS = ["Why", "How", "When", "What Every MSP Should Know About",
                 "Five Mistakes With", "Stop Guessing About", "The Truth About",
                 "Getting Better Results From"]


# --- the corpus -----------------------------------------------------------------

def read_article(path: Path) -> dict:
    """Header fields and the body's blocks (paragraphs, headings, lists) of a real article."""
    head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    fields = dict(line.split(": ", 1) for line in head.splitlines())
    fields["blocks"] = [block.strip() for block in body.split("\n\n") if block.strip()]
    fields["tags"] = [tag.strip() for tag in fields["Tags"].split(",")]
    return fields


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def weighted_sample(rng: random.Random, items: list[str], weights: list[float], k: int):
    """k distinct items, common ones more often: tag use on a blog is far from uniform."""
    chosen: list[str] = []
    while len(chosen) < k:
        item = rng.choices(items, weights)[0]
        if item not in chosen:
            chosen.append(item)
    return chosen


def compose(rng: random.Random, number: int, seeds: list[dict], tags: list[str],
            weights: list[float], categories: list[str], start: datetime, step: timedelta
            ) -> tuple[str, str]:
    """One generated article: its file name and Markdown, from a real one's parts."""
    base = seeds[number % len(seeds)]
    own = rng.sample(base["tags"], rng.randint(1, 2))
    article_tags = own + [t for t in weighted_sample(rng, tags, weights, 6) if t not in own]
    article_tags = article_tags[: rng.randint(3, 6)]
    subject = article_tags[-1].title()
    title = f"{rng.choice(TITLE_OPENERS)} {subject}: {base['Title']}"
    slug = f"{slugify(title)[:60].strip('-')}-{number}"
    paragraphs = [b for b in base["blocks"] if not b.startswith(("#", "-"))]
    others = [b for seed in seeds for b in seed["blocks"]]
    blocks = [rng.choice(paragraphs)] + rng.sample(others, rng.randint(6, 12))
    date = start + step * number + timedelta(minutes=rng.randint(0, 600))
    summary = blocks[0].split(". ")[0].rstrip(".") + "."
    header = [
        f"Title: {title}",
        f"Date: {date:%Y-%m-%d %H:%M}",
        f"Category: {rng.choice(categories)}",
        f"Tags: {', '.join(article_tags)}",
        f"Slug: {slug}",
        f"Summary: {summary}",
        f"Author: {base['Author']}",
    ]
    return f"{slug}.md", "\n".join(header) + "\n\n" + "\n\n".join(blocks) + "\n"


def generate_corpus(size: int, folder: Path, seed: int = 7) -> Path:
    """content/ with `size` generated articles and the real pages; returns the article to edit."""
    seeds = [read_article(path) for path in sorted((CONTENT / "articles").glob("*.md"))]
    real_tags = sorted({tag for article in seeds for tag in article["tags"]})
    tags = real_tags + EXTRA_TAGS
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(tags))]
    categories = sorted({article["Category"] for article in seeds}) + EXTRA_CATEGORIES
    rng = random.Random(seed)
    start = datetime(2010, 1, 4, 9, 0)  # noqa: DTZ001 - a Markdown date, the site's own zone
    step = timedelta(days=6 * 365) / size
    articles = folder / "articles"
    articles.mkdir(parents=True)
    shutil.copytree(CONTENT / "pages", folder / "pages")
    names = []
    for number in range(size):
        name, text = compose(rng, number, seeds, tags, weights, categories, start, step)
        (articles / name).write_text(text, encoding="utf-8")
        names.append(name)
    return articles / names[size // 2]


# --- one build in a child process -------------------------------------------------

def flavour_settings(flavour: str, content: Path, output: Path, cache: Path | None) -> dict:
    """The settings file and overrides of one flavour; stock takes Pelican's defaults."""
    override = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "SITEURL": SITEURL,
        "CACHE_CONTENT": cache is not None,
        "LOAD_CONTENT_CACHE": cache is not None,
        "CACHE_PATH": str(cache or output.with_name(output.name + "-nocache")),
    }
    if flavour == "ours":
        return {"file": str(ROOT / "pelicanconf.py"),
                "override": override | {"CAPTURE_URL": f"{SITEURL}/leads"}}
    from pelican.settings import read_settings

    ours = read_settings(str(ROOT / "pelicanconf.py"))
    stock = {"ARTICLE_PATHS": ["articles"], "PAGE_PATHS": ["pages"], "PLUGINS": [],
             "THEME": str(output.parent / "notmyidea-theme"),  # made once by main()
             "DEFAULT_PAGINATION": ours["DEFAULT_PAGINATION"], "TIMEZONE": ours["TIMEZONE"]}
    return {"file": None, "override": override | stock}


def child(spec: str) -> None:
    """Runs in the fresh process: one build, then what it loaded, as JSON on stdout."""
    import logging

    from pelican import Pelican
    from pelican.settings import read_settings

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    settings = json.loads(spec)
    Pelican(read_settings(settings["file"], override=settings["override"])).run()
    print(json.dumps({"heavy": sorted(m for m in HEAVY_MODULES if m in sys.modules)}))


def run_build(settings: dict, scratch: Path) -> dict:
    """Build once in a new interpreter; wall seconds and that process's own peak RSS."""
    out_path, err_path = scratch / "child.out", scratch / "child.err"
    command = [sys.executable, str(Path(__file__).resolve()), "--child", json.dumps(settings)]
    with out_path.open("w") as out, err_path.open("w") as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = err_path.read_text()
    if process.returncode != 0:
        sys.exit(f"build failed ({settings['override']['OUTPUT_PATH']}):\n{errors}")
    report = json.loads(out_path.read_text().strip().splitlines()[-1])
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
            "mib": usage.ru_maxrss / 1024, "heavy": report["heavy"],
            "warnings": [line for line in errors.splitlines() if line.startswith("WARNING")]}


# --- the scenarios -------------------------------------------------------------------

class Results:
    """Every measurement by (scenario, flavour), and anything a build logged."""

    def __init__(self) -> None:
        self.runs: dict[tuple[str, str], list[dict]] = {}
        self.warnings: dict[str, set[str]] = {flavour: set() for flavour in FLAVOURS}
        self.heavy: dict[str, set[str]] = {flavour: set() for flavour in FLAVOURS}

    def add(self, scenario: str, flavour: str, run: dict) -> None:
        self.runs.setdefault((scenario, flavour), []).append(run)
        self.warnings[flavour].update(run["warnings"])
        self.heavy[flavour].update(run["heavy"])

    def values(self, scenario: str, flavour: str, key: str) -> list[float]:
        return [run[key] for run in self.runs[(scenario, flavour)]]

    def median(self, scenario: str, flavour: str, key: str) -> float:
        return statistics.median(self.values(scenario, flavour, key))


def report_run(number: int, what: str, flavour: str, run: dict) -> None:
    print(f"  round {number + 1}: {what} {flavour:5} {run['seconds']:6.2f} s wall "
          f"{run['cpu']:6.2f} s CPU {run['mib']:6.1f} MiB", flush=True)


def full_builds(results: Results, work: Path, corpora: dict[int, Path], rounds: int) -> None:
    """Each size, each round: ours then stock, cache off, into a fresh output folder."""
    for number in range(rounds):
        for size, content in corpora.items():
            for flavour in FLAVOURS:
                output = work / f"out-{flavour}-{size}-{number}"
                run = run_build(flavour_settings(flavour, content, output, None), work)
                results.add(f"full build, {size}", flavour, run)
                shutil.rmtree(output)
                report_run(number, f"full {size:>5}", flavour, run)


def cached_rebuilds(results: Results, work: Path, size: int, content: Path, edited: Path,
                    rounds: int) -> str:
    """Warm each flavour's own cache once, then per round edit one article and rebuild both."""
    scenario = f"rebuild 1 of {size}, cache on"
    specs = {flavour: flavour_settings(flavour, content, work / f"out-{flavour}-cached",
                                       work / f"cache-{flavour}") for flavour in FLAVOURS}
    for flavour in FLAVOURS:
        results.add("warm-up", flavour, run_build(specs[flavour], work))
    original = edited.read_text(encoding="utf-8")
    for number in range(rounds):
        edited.write_text(original + f"\nEdited for round {number + 1} of the benchmark.\n",
                          encoding="utf-8")
        for flavour in FLAVOURS:
            run = run_build(specs[flavour], work)
            results.add(scenario, flavour, run)
            report_run(number, f"rebuild {size:>5}", flavour, run)
    edited.write_text(original, encoding="utf-8")
    return scenario


# --- the report -----------------------------------------------------------------------

def spread(values: list[float], unit: str, digits: int) -> str:
    middle = statistics.median(values)
    return f"{middle:.{digits}f} {unit} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def verdict(ratio: float, limit: float) -> str:
    return "ok" if ratio <= limit else f"OVER {limit:.1f}x"


def print_table(results: Results, scenarios: list[str]) -> None:
    """Medians (min-max) per flavour and the ours/stock ratio against its target."""
    columns = (("seconds", "s", 2, "wall time", "time"), ("cpu", "s", 2, "CPU time", "time"),
               ("mib", "MiB", 0, "peak RSS", "memory"))
    for key, unit, digits, title, target in columns:
        print(f"\n{title:30} {'ours':>24} {'stock':>24} {'ours/stock':>10}")
        for scenario in scenarios:
            ratio = (results.median(scenario, "ours", key)
                     / results.median(scenario, "stock", key))
            cells = [f"{spread(results.values(scenario, flavour, key), unit, digits):>24}"
                     for flavour in FLAVOURS]
            print(f"{scenario:30} {' '.join(cells)} {ratio:9.2f}x "
                  f"{verdict(ratio, TARGETS[target])}")


def print_growth(results: Results, small: int, large: int) -> None:
    """How much longer the largest build takes than the smallest, per flavour."""
    print()
    for key, title in (("seconds", "wall time"), ("cpu", "CPU time")):
        growth = {flavour: results.median(f"full build, {large}", flavour, key)
                  / results.median(f"full build, {small}", flavour, key)
                  for flavour in FLAVOURS}
        outcome = "ok" if growth["ours"] <= growth["stock"] else "OURS GROWS FASTER"
        print(f"growth of the full build's {title} {small} -> {large} articles: "
              f"ours {growth['ours']:.2f}x, stock {growth['stock']:.2f}x ({outcome})")


def print_notes(results: Results) -> None:
    for flavour in FLAVOURS:
        heavy = ", ".join(sorted(results.heavy[flavour])) or "none"
        print(f"{flavour}: Flask/SQLAlchemy/WTForms modules loaded by the build: {heavy}")
        for line in sorted(results.warnings[flavour])[:5]:
            print(f"{flavour}: logged {line}")


def default_work_dir() -> str | None:
    """Memory when the system offers it (see the module's docstring), else the usual temp."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sizes", default="500,2000",
                        help="comma-separated article counts; the rebuild uses the largest")
    parser.add_argument("--work-dir", default=default_work_dir(),
                        help="where the corpus and the output go (default: %(default)s)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    sizes = sorted({int(size) for size in args.sizes.split(",")})
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="leadpress-site-build-", dir=args.work_dir) as folder:
        work = Path(folder)
        sys.path.insert(0, str(ROOT))
        from bench.stock_theme import stock_theme

        stock_theme(work, CONTENT / "pages")
        corpora, edited = {}, {}
        for size in sizes:
            edited[size] = generate_corpus(size, work / f"content-{size}")
            corpora[size] = work / f"content-{size}"
        print(f"corpora of {', '.join(map(str, sizes))} articles in {work}; "
              f"{args.rounds} rounds, ours and stock alternating", flush=True)
        results = Results()
        full_builds(results, work, corpora, args.rounds)
        largest = sizes[-1]
        rebuild = cached_rebuilds(results, work, largest, corpora[largest], edited[largest],
                                  args.rounds)
    print_table(results, [f"full build, {size}" for size in sizes] + [rebuild])
    if len(sizes) > 1:
        print_growth(results, sizes[0], largest)
    print_notes(results)
    print(f"\ntotal benchmark time {time.perf_counter() - started:.0f} s "
          f"({os.cpu_count()} CPUs, Python {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
