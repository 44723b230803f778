"""How the staff pages answer at 100,000 leads (SQLite, the default database).

Seeds a SQLite file with the demo seeder (`flask --app capture dev seed`: 100,000
leads, about 300,000 touches), logs in through the real login form as a demo
salesperson, and times GET, through the Flask test client, of:
  - /staff/today          that person's overdue touches, today's and this week's
  - /staff/leads?q=WORD   every lead, searched for a word of many company names
  - /staff/pipeline       the board: counts, values, the latest leads per column
  - /staff/reports        its figures kept a minute (REPORTS_CACHE_SECONDS), then
                          once more counted afresh on every visit (cache off)
interleaved (page 1, 2, 3, 4, then again), --repeat runs each: the median and the
min-max, and whether the median is under 100 ms. Then, for one request of each
page, every SELECT it sent (captured with SQLAlchemy's before_cursor_execute event)
and SQLite's EXPLAIN QUERY PLAN for it, flagging a SCAN of a big table (a read of
the whole table or a whole index, where a SEARCH would read a range).

Run: .venv/bin/python bench/staff_pages.py [--leads 100000] [--repeat 9]
     [--database FILE]  (reuse a file seeded by an earlier run: no seeding)
"""

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC
from datetime import date
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import event  # noqa: E402
from sqlalchemy import func  # noqa: E402
from sqlalchemy import select  # noqa: E402

from bench.staff_login import logged_in  # noqa: E402
from capture import accounts  # noqa: E402
from capture import create_app  # noqa: E402
from capture import demo  # noqa: E402
from capture.app import followup_plan  # noqa: E402
from capture.app import screening_rules  # noqa: E402
from capture.extensions import db  # noqa: E402
from capture.models import Lead  # noqa: E402
from capture.models import Touch  # noqa: E402

PASSWORD = "benchmark staff password"
WHO = demo.DEMO_STAFF[0][0]
SEARCH_WORD = "summit"  # one of the demo's place names: about 1 company in 50
BUDGET_MS = 100
BIG_TABLES = ("leads", "touches", "audit_entries", "notes")
PAGES = {
    "Today": "/staff/today",
    "Leads search": f"/staff/leads?q={SEARCH_WORD}",
    "Pipeline": "/staff/pipeline",
    "Reports": "/staff/reports",
}


def seed(app, leads: int, seed_value: int, today: date) -> None:
    with app.app_context():
        upgrade()
        began = time.perf_counter()
        cpu = time.process_time()
        summary = demo.seed(db.session, leads=leads, seed=seed_value, today=today,
                            template=followup_plan(), rules=screening_rules(),
                            site_url=app.config["SITE_URL"],
                            hasher=accounts.hasher_from_config(app.config), password=PASSWORD)
        print(f"seeded {demo.describe(summary)} in {time.perf_counter() - began:.1f} s "
              f"({time.process_time() - cpu:.1f} s of CPU)")


def capture_selects(app, client, url: str) -> tuple[list[tuple[str, tuple, float]], float]:
    """Every SELECT one request sends, with its parameters and how long its execute
    took (SQLite computes rows as they are fetched, so a long result's rows come
    later; an aggregate or a sort is all in the execute)."""
    seen: list = []
    started: dict = {}

    def before(conn, cursor, statement, parameters, context, executemany):
        started[id(cursor)] = time.perf_counter()

    def after(conn, cursor, statement, parameters, context, executemany):
        took = (time.perf_counter() - started.pop(id(cursor), time.perf_counter())) * 1000
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, tuple(parameters or ()), took))

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    try:
        began = time.perf_counter()
        client.get(url).get_data()
        total = (time.perf_counter() - began) * 1000
    finally:
        event.remove(engine, "before_cursor_execute", before)
        event.remove(engine, "after_cursor_execute", after)
    return seen, total


def plan_lines(app, statement: str, parameters: tuple) -> list[str]:
    with app.app_context():
        rows = db.session.connection().exec_driver_sql(
            f"EXPLAIN QUERY PLAN {statement}", parameters).all()
        db.session.rollback()
    depth = {0: -1}
    lines = []
    for node, parent, _, detail in rows:
        depth[node] = depth.get(parent, -1) + 1
        lines.append("  " * depth[node] + detail)
    return lines


def big_scans(lines: list[str]) -> list[str]:
    """Plan lines that read a whole big table or index (SCAN), not a range (SEARCH)."""
    pattern = re.compile(rf"\bSCAN ({'|'.join(BIG_TABLES)})\b")
    return [line.strip() for line in lines if pattern.search(line)]


def one_line(statement: str, width: int = 150) -> str:
    text = " ".join(statement.split())
    return text if len(text) <= width else text[:width - 3] + "..."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=date.fromisoformat, default=datetime.now(UTC).date(),
                        help="the seed's anchor day (default: today, UTC)")
    parser.add_argument("--repeat", type=int, default=9, help="runs of each page (>= 7)")
    parser.add_argument("--database", type=Path, default=None,
                        help="a SQLite file to use; seeded only if it holds no leads yet")
    args = parser.parse_args()
    if args.repeat < 7:
        parser.error("--repeat must be at least 7")
    folder = None
    if args.database is None:
        folder = Path(tempfile.mkdtemp(prefix="leadpress-bench-"))
        args.database = folder / "staff-pages.db"
    app = create_app({"DATABASE_URL": f"sqlite:///{args.database.resolve()}",
                      "SECRET_KEY": "bench", "RATELIMIT_ENABLED": False,
                      "ARGON2_TIME_COST": 1, "ARGON2_MEMORY_COST": 1024,
                      "ARGON2_PARALLELISM": 1})
    try:
        with app.app_context():
            upgrade()
            empty = not db.session.scalar(select(Lead.id).limit(1))
        if empty:
            seed(app, args.leads, args.seed, args.today)
        run(app, args.repeat)
    finally:
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


def run(app, repeat: int) -> None:
    with app.app_context():
        leads = db.session.scalar(select(func.count()).select_from(Lead))
        touches = db.session.scalar(select(func.count()).select_from(Touch))
        matches = db.session.scalar(select(func.count()).select_from(Lead).where(
            func.lower(Lead.company).like(f"%{SEARCH_WORD}%")))
    print(f"database: {leads:,} leads, {touches:,} touches; logged in as {WHO}; "
          f"'{SEARCH_WORD}' is in {matches:,} company names")
    client = logged_in(app, WHO, PASSWORD)
    present, missing, sizes = {}, [], {}
    for name, url in PAGES.items():
        response = client.get(url)  # also warms caches and the template
        if response.status_code == 404:
            missing.append(name)
        elif response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        else:
            present[name] = url
            sizes[name] = len(response.get_data())

    times: dict[str, list[float]] = {name: [] for name in present}
    for _ in range(repeat):
        for name, url in present.items():
            began = time.perf_counter()
            response = client.get(url)
            response.get_data()
            times[name].append((time.perf_counter() - began) * 1000)
            assert response.status_code == 200

    print(f"\nGET through the test client, {repeat} runs each, interleaved "
          f"(median, min-max; budget {BUDGET_MS} ms):")
    for name, url in PAGES.items():
        if name in missing:
            print(f"  {name:<13} {url:<34} missing (404: the page does not exist yet)")
            continue
        runs = times[name]
        median = statistics.median(runs)
        verdict = "under 100 ms" if median < BUDGET_MS else "OVER 100 ms"
        print(f"  {name:<13} {url:<34} {median:7.1f} ms  ({min(runs):.1f}-{max(runs):.1f})"
              f"  {verdict}  [{sizes[name] / 1024:,.0f} KiB of HTML]")
    if "Reports" in present:
        # What a visit costs when the page's figures are counted afresh (the first
        # visit of a minute, per worker): the report cache off.
        kept = app.config["REPORTS_CACHE_SECONDS"]
        app.config["REPORTS_CACHE_SECONDS"] = 0
        fresh = []
        for _ in range(repeat):
            began = time.perf_counter()
            client.get(present["Reports"]).get_data()
            fresh.append((time.perf_counter() - began) * 1000)
        app.config["REPORTS_CACHE_SECONDS"] = kept
        print(f"  {'Reports':<13} {'counted afresh (cache off)':<34} "
              f"{statistics.median(fresh):7.1f} ms  ({min(fresh):.1f}-{max(fresh):.1f})"
              f"  the first visit of each {kept} s, per worker")

    print("\nQuery plans (SQLite EXPLAIN QUERY PLAN of every SELECT of one request):")
    # Count afresh, so the plans are those of the report's own queries.
    app.config["REPORTS_CACHE_SECONDS"] = 0
    for name, url in present.items():
        selects, total = capture_selects(app, client, url)
        sql_ms = sum(took for *_, took in selects)
        print(f"\n== {name} {url}: {len(selects)} SELECTs, {sql_ms:.1f} ms in their "
              f"execute of {total:.1f} ms")
        flagged = 0
        shown = set()
        for statement, parameters, took in selects:
            if statement in shown:
                continue
            shown.add(statement)
            lines = plan_lines(app, statement, parameters)
            scans = big_scans(lines)
            flagged += bool(scans)
            mark = "  <-- SCAN of a big table: " + "; ".join(scans) if scans else ""
            walk = (scans and " LIMIT " in statement and "INDEX" in scans[0]
                    and not any("TEMP B-TREE" in line for line in lines))
            if walk:
                mark += (" (a walk in the list's own order that stops at the LIMIT; it reads"
                         " the whole index only when few rows match)")
            print(f"  [{took:6.1f} ms] {one_line(statement)}")
            for line in lines:
                print(f"      {line}")
            if mark:
                print(f"    {mark.strip()}")
        verdict = (f"{flagged} of {len(shown)} distinct SELECTs scan a big table" if flagged
                   else f"every one of {len(shown)} distinct SELECTs uses an index "
                        "(no SCAN of a big table)")
        print(f"  verdict: {verdict}")


if __name__ == "__main__":
    main()
