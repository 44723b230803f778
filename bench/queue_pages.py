"""How the staff lists behave at 100,000 leads (SQLite, the default database).

Seeds a throwaway database with N leads (default 100,000; a realistic mix of
statuses, flags and budgets), then times, as medians of several runs:
  - the queue's first, 200th and last page with keyset pagination
    (capture.queries.queue_page, what the staff page uses), against the same
    pages fetched with OFFSET (the baseline; keyset's main gain is that pages
    stay stable while new leads arrive, its cost must stay as low);
  - a full GET /staff/ through the real app (login, template, counts);
  - the screened-out list's counts by reason.
Run: .venv/bin/python bench/queue_pages.py [--leads 100000] [--repeat 7]
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import insert  # noqa: E402
from sqlalchemy import select  # noqa: E402

from capture import accounts  # noqa: E402
from capture import create_app  # noqa: E402
from capture import queries  # noqa: E402
from capture.extensions import db  # noqa: E402
from capture.models import Lead  # noqa: E402

STATUSES = ["queued"] * 40 + ["screened_out"] * 30 + ["spam"] * 10 + ["in_review"] * 5 + [
    "accepted"] * 10 + ["rejected"] * 5
REASONS = [{"id": "not_msp", "sentence": "Not a provider.", "evidence": "business"},
           {"id": "too_large", "sentence": "Too large.", "evidence": "900"},
           {"id": "under_budget", "sentence": "Under budget.", "evidence": "200"}]
FLAG = {"id": "tire_kicker", "sentence": "Only asks the price.", "evidence": "pricing_only"}


def seed(count: int) -> None:
    rng = random.Random(7)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    rows = []
    for number in range(count):
        status = rng.choice(STATUSES)
        flags = [FLAG] * rng.choice([0, 0, 0, 1, 2])
        rows.append({
            "public_id": f"bench{number:010d}", "status": status,
            "received_at": start + timedelta(minutes=5 * number),
            "updated_at": start + timedelta(minutes=5 * number),
            "name": f"Person {number}", "email": f"p{number}@example.com", "phone": "",
            "company": f"Company {number}", "website": "", "company_type": "msp",
            "employees": rng.randint(1, 900), "monthly_budget": rng.randrange(0, 20000, 250),
            "role": "owner", "interest": "appointment_setting", "message": "", "consent": True,
            "source": rng.choice(["what-is-a-qualified-sales-lead", "closing-it-sales-leads"]),
            "page_url": "", "utm_source": "", "utm_medium": "", "utm_campaign": "",
            "company_fax": "", "origin": "", "user_agent": "", "fingerprint": f"{number:064d}",
            "reasons": rng.sample(REASONS, rng.randint(1, 2)) if status == "screened_out" else [],
            "flags": flags, "flag_count": len(flags), "decision_reason": "",
        })
        if len(rows) == 5000:
            db.session.execute(insert(Lead), rows)
            rows.clear()
    if rows:
        db.session.execute(insert(Lead), rows)
    db.session.commit()


def median_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="leadpress-bench-"))
    app = create_app({"DATABASE_URL": f"sqlite:///{folder / 'bench.db'}", "SECRET_KEY": "bench",
                      "RATELIMIT_ENABLED": False, "ARGON2_TIME_COST": 1,
                      "ARGON2_MEMORY_COST": 1024, "ARGON2_PARALLELISM": 1})
    with app.app_context():
        upgrade()
        began = time.perf_counter()
        seed(args.leads)
        print(f"seeded {args.leads:,} leads in {time.perf_counter() - began:.1f} s")
        filters = queries.Filters(view="queue")
        cursors = [None]  # cursors[n] starts page n + 1
        while (following := queries.queue_page(db.session, filters, cursors[-1]).next_cursor):
            cursors.append(following)
        timings = []
        for number in (1, 200, len(cursors)):
            cursor = cursors[number - 1]
            offset_query = (select(Lead).where(Lead.status == "queued")
                            .order_by(*queries._order(filters))
                            .offset((number - 1) * queries.PAGE_SIZE).limit(queries.PAGE_SIZE))
            keyset_ids = [lead.id for lead in queries.queue_page(db.session, filters, cursor).rows]
            assert keyset_ids == [lead.id for lead in db.session.scalars(offset_query)], number
            keyset = median_ms(lambda c=cursor: queries.queue_page(db.session, filters, c),
                               args.repeat)
            offset = median_ms(lambda q=offset_query: list(db.session.scalars(q)), args.repeat)
            timings.append((number, keyset, offset))
        screened = queries.Filters(view="screened_out")
        counting = median_ms(lambda: queries.reason_counts(db.session, screened), args.repeat)
        accounts.create_staff(db.session, "bench@example.com", "benchmark-password",
                              role="admin", hasher=accounts.hasher_from_config(app.config))

    client = app.test_client()
    page = client.get("/staff/login").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    client.post("/staff/login", data={"email": "bench@example.com",
                                      "password": "benchmark-password", "csrf_token": token})
    assert client.get("/staff/").status_code == 200
    request_ms = median_ms(lambda: client.get("/staff/"), args.repeat)
    screened_ms = median_ms(lambda: client.get("/staff/screened-out"), args.repeat)

    print(f"medians of {args.repeat} runs; queue of {len(cursors)} pages")
    for number, keyset, offset in timings:
        print(f"queue page {number:4d}: keyset {keyset:7.2f} ms, OFFSET baseline {offset:7.2f} ms,"
              f" keyset/OFFSET {keyset / offset:5.2f}")
    print(f"screened-out counts by reason: {counting:7.2f} ms")
    print(f"GET /staff/ (whole request):  {request_ms:8.2f} ms")
    print(f"GET /staff/screened-out:      {screened_ms:8.2f} ms")


if __name__ == "__main__":
    main()
