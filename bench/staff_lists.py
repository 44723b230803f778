"""Staff search and list pages at 100,000 leads, on SQLite and on PostgreSQL.

Each database (SQLite: a temp file; PostgreSQL: a throwaway server, tests/postgres.py)
is migrated and seeded once with the demo seeder, then timed:
  - search, what /staff/leads?q=TERM asks for: its page of 50 and its count through
    capture.queries (SQLite's FTS5 trigram table, PostgreSQL's pg_trgm index) against
    the same page and count by the simplest means, ``lower(column) LIKE '%term%'``
    over company, name, email and phone (what the product did before the index), with
    the same other clauses, order, page size, eager load and Page wrapper. Both must
    return the same ids and count;
  - the same searches as whole GETs of the page through the real app, logged in
    through the real form: the issue's figure, under 100 ms;
  - keyset pages (queries.lead_page following a cursor, as the lists do) against
    OFFSET doing the same work (same query, eager load and wrapper, OFFSET for the
    cursor): page 1, page ~200 and the last page.
Every request gets a session of its own, ours and the baseline alternate request by
request (which goes first alternates by round), and every search a term of its own,
drawn from the seeded data by a seeded generator: a company word, a surname, an
email's local part or domain, a phone's last 4 digits (3+ characters: shorter ones
cannot use a trigram index, and the product falls back to LIKE for them). Medians,
min-max over all rounds, ours/baseline. PostgreSQL gets the VACUUM ANALYZE that
autovacuum runs a minute after a bulk load; SQLite is left as the product leaves it.
Last, the plan of one search (EXPLAIN QUERY PLAN / EXPLAIN), flagging a full scan.

Run: .venv/bin/python bench/staff_lists.py [--leads 100000] [--rounds 5] [--terms 4]
     [--db sqlite,postgresql] [--database FILE]  (reuse a seeded SQLite file)
"""

import argparse
import contextlib
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import event  # noqa: E402
from sqlalchemy import func  # noqa: E402
from sqlalchemy import or_  # noqa: E402
from sqlalchemy import select  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402
from sqlalchemy.orm import selectinload  # noqa: E402

from bench.staff_login import logged_in  # noqa: E402
from capture import accounts  # noqa: E402
from capture import create_app  # noqa: E402
from capture import demo  # noqa: E402
from capture import queries  # noqa: E402
from capture import search  # noqa: E402
from capture.app import followup_plan  # noqa: E402
from capture.app import screening_rules  # noqa: E402
from capture.extensions import db  # noqa: E402
from capture.models import Lead  # noqa: E402
from capture.models import StaffUser  # noqa: E402
from tests import postgres  # noqa: E402

EMAIL, PASSWORD = "bench@example.com", "benchmark staff password"
KINDS = ("company", "name", "email", "phone")
BUDGET_MS = 100
DEEP_PAGE = 200
FULL_SCAN = re.compile(r"\bSCAN leads\b|Seq Scan on leads\b")
TEXT_INDEX = re.compile(r"\bleads_search\b|\bix_leads_search_trgm\b")
CATCH_UP = re.compile(r"\bleads_search_state\b")


def term_of(kind: str, row, rng: random.Random) -> str:
    """What somebody looking for this lead would type."""
    company, name, email, phone = row
    if kind == "company":
        words = re.findall(r"[A-Za-z]{4,}", company)
        return rng.choice(words) if words else ""
    if kind == "name":
        return name.split()[-1] if name.split() else ""
    if kind == "email":
        local, _, domain = email.partition("@")
        return rng.choice((local, domain.split(".")[0]))
    return re.sub(r"\D", "", phone)[-4:]


def pick_terms(session, count: int, seed: int) -> dict[str, list[str]]:
    """``count`` distinct terms per kind, from leads picked at random."""
    rng = random.Random(seed)
    rows = session.execute(select(Lead.company, Lead.name, Lead.email, Lead.phone)
                           .order_by(Lead.id)).all()
    rng.shuffle(rows)
    terms = {}
    for kind in KINDS:
        found: dict[str, str] = {}
        for row in rows:
            term = term_of(kind, row, rng)
            if len(term) >= search.TRIGRAM:
                found.setdefault(term.lower(), term)
            if len(found) == count:
                break
        if len(found) < count:
            raise SystemExit(f"only {len(found)} distinct {kind} terms: lower --rounds or --terms")
        terms[kind] = list(found.values())
    return terms


def wrap(filters: queries.Filters, rows: list) -> queries.Page:
    """The page as lead_page wraps it: PAGE_SIZE rows and the cursor past them."""
    more = len(rows) > queries.PAGE_SIZE
    rows = rows[:queries.PAGE_SIZE]
    cursor = queries.encode_cursor(queries._key(filters, rows[-1])) if more else None
    return queries.Page(rows, cursor)


def listing(filters: queries.Filters, *where):
    return (select(Lead).options(selectinload(Lead.owner)).where(*where)
            .order_by(*queries._order(filters)).limit(queries.PAGE_SIZE + 1))


def ours_search(session, filters: queries.Filters) -> tuple[list[int], int]:
    """What the list view asks for: one page and the count."""
    page = queries.lead_page(session, filters, None)
    return [lead.id for lead in page.rows], queries.count(session, filters)


def like_search(session, filters: queries.Filters) -> tuple[list[int], int]:
    """The same page and count with ``lower(column) LIKE '%term%'`` for the text index."""
    pattern = f"%{search.like_escape(filters.q.lower())}%"
    where = [*queries._where(replace(filters, q=""), session),
             or_(*(func.lower(column).like(pattern, escape="\\")
                   for column in (Lead.company, Lead.name, Lead.email, Lead.phone)))]
    page = wrap(filters, list(session.scalars(listing(filters, *where))))
    total = session.scalar(select(func.count()).select_from(Lead).where(*where))
    return [lead.id for lead in page.rows], total


def offset_page(session, filters: queries.Filters, number: int) -> queries.Page:
    """lead_page's query, eager load and wrapper, with OFFSET for the cursor."""
    query = listing(filters, *queries._where(filters, session))
    return wrap(filters, list(session.scalars(query.offset((number - 1) * queries.PAGE_SIZE))))


def timed(action) -> tuple[float, object]:
    """One request's worth of work in a session of its own, in ms, and its answer."""
    began = time.perf_counter()
    with Session(db.engine) as session:
        answer = action(session)
    return (time.perf_counter() - began) * 1000, answer


@contextlib.contextmanager
def database_url(name: str, reuse: Path | None):
    if name == "postgresql":
        with postgres.throwaway_server("leadpress_bench") as url:
            yield url
    elif reuse:
        yield f"sqlite:///{reuse.resolve()}"
    else:
        folder = tempfile.mkdtemp(prefix="leadpress-bench-")
        try:
            yield f"sqlite:///{folder}/staff-lists.db"
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def prepare(app, leads: int) -> None:
    """Migrate, seed if empty (timed), add the bench's admin account."""
    with app.app_context():
        upgrade()
        if not db.session.scalar(select(Lead.id).limit(1)):
            began, cpu = time.perf_counter(), time.process_time()
            summary = demo.seed(db.session, leads=leads, seed=1, today=datetime.now(UTC).date(),
                                template=followup_plan(), rules=screening_rules(),
                                site_url=app.config["SITE_URL"],
                                hasher=accounts.hasher_from_config(app.config), password=PASSWORD)
            print(f"  seeded {demo.describe(summary)} in {time.perf_counter() - began:.1f} s "
                  f"({time.process_time() - cpu:.1f} s of our CPU)")
        if db.engine.dialect.name == "postgresql":
            began = time.perf_counter()
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE"))
            print(f"  VACUUM ANALYZE in {time.perf_counter() - began:.1f} s")
        if not db.session.scalar(select(StaffUser.id).where(StaffUser.email == EMAIL)):
            accounts.create_staff(db.session, EMAIL, PASSWORD, role="admin",
                                  hasher=accounts.hasher_from_config(app.config))


def get_ms(client, url: str) -> float:
    began = time.perf_counter()
    response = client.get(url)
    response.get_data()
    assert response.status_code == 200, (url, response.status_code)
    return (time.perf_counter() - began) * 1000


def run(app, args) -> tuple[dict, dict, str]:
    """Every measure, interleaved; returns {measure: {"ours": [...], "baseline": [...]}},
    {kind: [same, compared]} and one company term for the plan."""
    with app.app_context():
        me = db.session.scalar(select(StaffUser.id).where(StaffUser.email == EMAIL))
        per_kind = 1 + 2 * args.rounds * args.terms  # a warm-up, then the query's, the GET's
        terms = pick_terms(db.session, per_kind, seed=7)
        lists = {"queue": queries.parse_filters("queue", {}, me=me),
                 "all leads": queries.parse_filters("all", {}, me=me)}
        cursors = {}  # cursors[list][n] starts page n + 1: followed once, beforehand
        for name, filters in lists.items():
            cursors[name] = [None]
            while nxt := queries.lead_page(db.session, filters, cursors[name][-1]).next_cursor:
                cursors[name].append(nxt)
                db.session.expunge_all()
        db.session.remove()
    client = logged_in(app, EMAIL, PASSWORD)
    samples: dict[str, dict[str, list[float]]] = {}
    same = {kind: [0, 0] for kind in KINDS}

    def record(measure: str, side: str, ms: float) -> None:
        samples.setdefault(measure, {"ours": [], "baseline": []})[side].append(ms)

    def pair(measure: str, order: tuple, actions: dict) -> dict:
        answers = {}
        for side in order:
            ms, answers[side] = timed(actions[side])
            record(measure, side, ms)
        return answers

    def page_ids(page: queries.Page) -> tuple:
        return [lead.id for lead in page.rows], page.next_cursor

    with app.app_context():
        for kind in KINDS:  # warm-up: templates, caches, connections; not timed
            filters = queries.parse_filters("all", {"q": terms[kind][0]}, me=me)
            timed(lambda s, f=filters: ours_search(s, f))
            timed(lambda s, f=filters: like_search(s, f))
            get_ms(client, f"/staff/leads?q={quote(terms[kind][0])}")
        for number in range(args.rounds):
            order = ("ours", "baseline") if number % 2 == 0 else ("baseline", "ours")
            for kind in KINDS:
                for step in range(args.terms):
                    at = 1 + 2 * (number * args.terms + step)
                    f = queries.parse_filters("all", {"q": terms[kind][at]}, me=me)
                    answers = pair(f"search {kind}", order, {
                        "ours": lambda s, f=f: ours_search(s, f),
                        "baseline": lambda s, f=f: like_search(s, f)})
                    same[kind][0] += answers["ours"] == answers["baseline"]
                    same[kind][1] += 1
                    url = f"/staff/leads?q={quote(terms[kind][at + 1])}"
                    record(f"GET search {kind}", "ours", get_ms(client, url))
            for name, f in lists.items():
                last = len(cursors[name])
                for page in sorted({1, min(DEEP_PAGE, last), last}):
                    answers = pair(f"{name} page {page}/{last}", order, {
                        "ours": lambda s, f=f, c=cursors[name][page - 1]:
                            page_ids(queries.lead_page(s, f, c)),
                        "baseline": lambda s, f=f, p=page: page_ids(offset_page(s, f, p))})
                    assert answers["ours"] == answers["baseline"], (name, page)
        db.engine.dispose()
    return samples, same, terms["company"][1]


def show_plan(app, term: str) -> None:
    """The plan of every SELECT on leads that one search sends: a full scan of leads
    is flagged, and so is a statement whose plan never touches the text index."""
    seen = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        if re.search(r"\bFROM leads\b", statement):
            seen.append((statement, parameters))

    print(f"  plan of one search (q={term!r}), every SELECT on leads it sends:")
    with app.app_context():
        engine = db.engine
        event.listen(engine, "before_cursor_execute", capture)
        try:
            timed(lambda s: ours_search(s, queries.parse_filters("all", {"q": term})))
        finally:
            event.remove(engine, "before_cursor_execute", capture)
        with engine.connect() as conn:
            for statement, parameters in seen:
                if engine.dialect.name == "sqlite":
                    rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
                    depth, lines = {0: -1}, []
                    for node, parent, _, detail in rows:
                        depth[node] = depth.get(parent, -1) + 1
                        lines.append("  " * depth[node] + detail)
                else:
                    lines = [row[0] for row in conn.exec_driver_sql(f"EXPLAIN {statement}",
                                                                    parameters)]
                print(f"    {' '.join(statement.split())[:150]}")
                for line in lines:
                    print(f"        {line}")
                scans = [line.strip() for line in lines if FULL_SCAN.search(line)]
                indexed = any(TEXT_INDEX.search(line) for line in lines)
                print("      -> " + ("FULL SCAN of leads: " + "; ".join(scans) if scans
                                     else "the text index's catch-up check (search.catch_up):"
                                          " its high-water mark and the newest id"
                                     if CATCH_UP.search(statement)
                                     else "text index used, no full scan" if indexed
                                     else "NO text index: the search is a filter on another"
                                          " index's walk"))
        engine.dispose()


def spread(runs: list[float]) -> str:
    return f"{statistics.median(runs):8.1f} ms ({min(runs):.1f}-{max(runs):.1f})"


def report(samples: dict, same: dict, args) -> None:
    print(f"  {args.rounds} rounds x {args.terms} terms per kind; medians (min-max) in ms:")
    print(f"  {'measure':<30} {'ours':>28} {'baseline':>28}  ours/baseline")
    for measure, sides in samples.items():
        ours, baseline = sides["ours"], sides["baseline"]
        if baseline:
            ratio = statistics.median(ours) / statistics.median(baseline)
            label = "LIKE" if measure.startswith("search") else "OFFSET"
            print(f"  {measure:<30} {spread(ours):>28} {label:>6} {spread(baseline):>21}"
                  f"  {ratio:6.2f}  (n={len(ours)})")
        else:
            verdict = ("under 100 ms" if statistics.median(ours) < BUDGET_MS
                       else "OVER 100 ms")
            print(f"  {measure:<30} {spread(ours):>28}  {verdict} (whole request, n={len(ours)})")
    agree = sum(kept for kept, _ in same.values())
    total = sum(compared for _, compared in same.values())
    detail = ", ".join(f"{kind} {kept}/{compared}" for kind, (kept, compared) in same.items())
    print(f"  same results: {agree}/{total} terms (page ids and count; {detail})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5,
                        help="interleaved rounds (3 or more for a figure to quote)")
    parser.add_argument("--terms", type=int, default=4,
                        help="searches of each kind per measure and round, each a new term")
    parser.add_argument("--db", default="sqlite,postgresql")
    parser.add_argument("--database", type=Path, default=None,
                        help="a SQLite file to use; seeded only if it holds no leads yet")
    args = parser.parse_args()
    databases = [name.strip() for name in args.db.split(",") if name.strip()]
    if args.rounds < 1 or args.terms < 1 or not set(databases) <= {"sqlite", "postgresql"}:
        parser.error("--rounds and --terms take 1 or more; --db sqlite and/or postgresql")
    for name in databases:
        began = time.perf_counter()
        print(f"== {name}", flush=True)
        with database_url(name, args.database if name == "sqlite" else None) as url:
            app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench",
                              "RATELIMIT_ENABLED": False, "ARGON2_TIME_COST": 1,
                              "ARGON2_MEMORY_COST": 1024, "ARGON2_PARALLELISM": 1,
                              "LOG_LEVEL": "WARNING"})
            prepare(app, args.leads)
            timing = time.perf_counter()
            samples, same, term = run(app, args)
            print(f"  measured in {time.perf_counter() - timing:.1f} s")
            report(samples, same, args)
            show_plan(app, term)
        print(f"  {name} done in {time.perf_counter() - began:.1f} s\n")


if __name__ == "__main__":
    main()
