"""The review queue, the screened-out and spam lists, their filters, pages and CSV."""

import io
import re
from datetime import UTC
from datetime import datetime
from datetime import timedelta

from sqlalchemy import insert

from capture import export
from capture import queries
from capture.extensions import db
from capture.models import Lead
from tests.conftest import make_app
from tests.staff.conftest import CHEAP_HASH
from tests.staff.helpers import add_lead
from tests.staff.helpers import login
from tests.staff.helpers import make_staff

ROW_LINK = re.compile(r'href="/staff/leads/([^"]+)"')
NEXT = re.compile(r'href="([^"]+)" rel="next"')


def shown(page_html: str) -> list[str]:
    return ROW_LINK.findall(page_html)


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_queue_orders_no_flags_first_then_fewer_flags_then_budget_then_age(client,
                                                                           staff_client,
                                                                           submission):
    big_flagged = add_lead(client, submission, role="technician", monthly_budget="90000",
                           email="a@x.example")
    small = add_lead(client, submission, monthly_budget="2000", email="b@x.example")
    big = add_lead(client, submission, monthly_budget="50000", email="c@x.example")
    small_later = add_lead(client, submission, monthly_budget="2000", email="d@x.example")
    assert shown(html(staff_client, "/staff/")) == [big, small, small_later, big_flagged]


def test_queue_row_shows_what_staff_need(client, staff_client, submission):
    add_lead(client, submission, role="technician")
    page = html(staff_client, "/staff/")
    for text in ("Northwind IT Services", "Managed services provider (MSP)", "25", "$3,000",
                 "Technician", "Appointment setting", "Not decision maker",
                 "what-is-a-qualified-sales-lead", "just now"):
        assert text in page


def test_queue_never_shows_screened_out_or_spam(client, staff_client, submission):
    queued = add_lead(client, submission)
    screened = add_lead(client, submission, employees="900", email="big@x.example")
    spam = add_lead(client, submission, company_fax="bot", email="bot@x.example")
    assert shown(html(staff_client, "/staff/")) == [queued]
    moved = staff_client.get("/staff/?status=screened_out")
    assert moved.status_code == 302  # another status is the leads list, never in silence
    assert moved.headers["Location"] == "/staff/leads?status=screened_out"
    assert shown(html(staff_client, "/staff/screened-out")) == [screened]
    assert shown(html(staff_client, "/staff/spam")) == [spam]


def test_in_review_leads_are_behind_the_status_filter(client, staff_client, submission):
    lead = add_lead(client, submission)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"',
                      html(staff_client, f"/staff/leads/{lead}")).group(1)
    staff_client.post(f"/staff/leads/{lead}/claim", data={"csrf_token": token})
    assert shown(html(staff_client, "/staff/")) == []
    page = html(staff_client, "/staff/?status=in_review")
    assert shown(page) == [lead]
    assert "sam@example.com" in page


def test_screened_out_list_counts_leads_by_reason(client, staff_client, submission):
    add_lead(client, submission, employees="900", email="a@x.example")
    add_lead(client, submission, employees="900", monthly_budget="100", email="b@x.example")
    page = html(staff_client, "/staff/screened-out")
    counts = dict(re.findall(r'badge-reason">([^<]+)</span> (\d+)</li>', page))
    assert counts == {"Too large": "2", "Under budget": "1"}


def test_filters_search_source_flag_and_dates(app, client, staff_client, submission):
    a = add_lead(client, submission, company="Acme Networks", email="a@acme.example",
                 source="cold-calling")
    b = add_lead(client, submission, company="Bravo IT", email="b@bravo.example",
                 role="technician")
    assert shown(html(staff_client, "/staff/?q=acme")) == [a]
    assert shown(html(staff_client, "/staff/?q=BRAVO.example")) == [b]
    assert shown(html(staff_client, "/staff/?source=cold-calling")) == [a]
    assert shown(html(staff_client, "/staff/?flag=not_decision_maker")) == [b]
    assert shown(html(staff_client, "/staff/?flag=none")) == [a]
    today = datetime.now(UTC).date()
    assert len(shown(html(staff_client, f"/staff/?from={today}&to={today}"))) == 2
    assert shown(html(staff_client, f"/staff/?to={today - timedelta(days=1)}")) == []
    assert shown(html(staff_client, "/staff/?q=%25")) == []  # LIKE wildcards are literal


def test_the_source_filter_offers_each_source_once_in_order(app, client, submission):
    for source in ("what-is-a-qualified-sales-lead", "", "cold-calling", "cold-calling",
                   "Zeta", "death-of-the-mythical-it-sales-close"):
        add_lead(client, submission, source=source, email=f"{source or 'none'}@x.example")
    with app.app_context():
        assert queries.sources(db.session) == [
            "Zeta", "cold-calling", "death-of-the-mythical-it-sales-close",
            "what-is-a-qualified-sales-lead"]
        assert queries.sources(db.session, limit=2) == ["Zeta", "cold-calling"]


def test_the_all_leads_list_shows_every_status(app, client, staff_client, submission):
    queued = add_lead(client, submission)
    screened = add_lead(client, submission, employees="900", email="big@x.example")
    spam = add_lead(client, submission, company_fax="bot", email="bot@x.example")
    assert set(shown(html(staff_client, "/staff/leads"))) == {queued, screened, spam}
    assert "3 leads" in html(staff_client, "/staff/leads")
    assert shown(html(staff_client, "/staff/leads?status=spam")) == [spam]


def test_malformed_filters_and_cursors_are_ignored(client, staff_client, submission):
    lead = add_lead(client, submission)
    for query in ("from=yesterday", "flag=<b>", "status=nonsense", "after=!!!",
                  "after=WzEsMl0", "after=bm90IGpzb24"):
        assert shown(html(staff_client, f"/staff/?{query}")) == [lead]


def seed(app, count: int) -> None:
    """Bulk insert: the page, not the intake, is under test."""
    start = datetime(2026, 1, 1, tzinfo=UTC)
    rows = [{
        "public_id": f"seed-{i:05d}", "received_at": start + timedelta(minutes=i),
        "updated_at": start, "status": "queued", "name": f"Person {i}",
        "email": f"p{i}@seed.example", "phone": "", "company": f"Seed Co {i:05d}",
        "website": "", "company_type": "msp", "employees": 10,
        "monthly_budget": 1500 + (i % 7) * 500, "role": "owner",
        "interest": "lead_generation", "message": "", "consent": True, "source": "seed",
        "page_url": "", "utm_source": "", "utm_medium": "", "utm_campaign": "",
        "company_fax": "", "reasons": [], "flags": [], "flag_count": i % 3,
        "origin": "", "user_agent": "", "fingerprint": f"{i:064d}", "decision_reason": "",
    } for i in range(count)]
    with app.app_context():
        db.session.execute(insert(Lead), rows)
        db.session.commit()


def expected_order(count: int) -> list[str]:
    keys = sorted(range(count), key=lambda i: (i % 3, -(1500 + (i % 7) * 500), i))
    return [f"seed-{i:05d}" for i in keys]


def test_queue_pages_through_2000_leads_in_priority_order(app, staff_client):
    seed(app, 2000)
    page = html(staff_client, "/staff/")
    assert "2000 leads" in page
    first = shown(page)
    assert first == expected_order(2000)[:50]
    next_url = NEXT.search(page).group(1).replace("&amp;", "&")
    second = shown(html(staff_client, next_url))
    assert second == expected_order(2000)[50:100]


def test_queue_page_function_walks_every_lead_exactly_once(app):
    seed(app, 2000)
    seen, cursor = [], None
    with app.app_context():
        while True:
            page = queries.queue_page(db.session, queries.Filters(), cursor, limit=333)
            seen += [lead.public_id for lead in page.rows]
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
    assert seen == expected_order(2000)


def test_next_link_keeps_the_filters(app, staff_client):
    seed(app, 300)
    page = html(staff_client, "/staff/?flag=none&source=seed")
    next_url = NEXT.search(page).group(1).replace("&amp;", "&")
    assert "flag=none" in next_url
    assert "source=seed" in next_url
    second = shown(html(staff_client, next_url))
    assert second == [lead for lead in expected_order(300) if int(lead[5:]) % 3 == 0][50:100]


def csv_rows(response):
    return list(export.read_rows(io.StringIO(response.get_data(as_text=True))))


def test_csv_download_is_the_current_filtered_list_with_the_cli_columns(client, staff_client,
                                                                        submission):
    a = add_lead(client, submission, company="Acme Networks", email="a@acme.example")
    add_lead(client, submission, company="Bravo IT", email="b@bravo.example")
    screened = add_lead(client, submission, employees="900", email="big@x.example")
    response = staff_client.get("/staff/export.csv?view=queue&q=acme")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    today = datetime.now(UTC).strftime("%Y%m%d")
    assert response.headers["Content-Disposition"] == f"attachment; filename=leads-{today}.csv"
    assert response.get_data(as_text=True).splitlines()[0] == ",".join(export.COLUMNS)
    assert [row["id"] for row in csv_rows(response)] == [a]
    rows = csv_rows(staff_client.get("/staff/export.csv?view=screened_out"))
    assert [(row["id"], row["reasons"]) for row in rows] == [(screened, "too_large")]


def test_the_list_page_links_its_csv_with_the_same_filters(client, staff_client, submission):
    add_lead(client, submission)
    page = html(staff_client, "/staff/spam?q=acme")
    assert 'href="/staff/export.csv?view=spam&amp;q=acme"' in page


def test_csv_download_streams_big_lists_in_order(app, staff_client):
    seed(app, 2500)
    rows = csv_rows(staff_client.get("/staff/export.csv"))
    assert [row["id"] for row in rows] == expected_order(2500)


TITLE = "What Is A Qualified Sales Lead?"
SLUG = "what-is-a-qualified-sales-lead"


def test_lists_and_lead_page_name_the_source_article_by_its_title(client, staff_client,
                                                                  submission):
    lead = add_lead(client, submission)
    add_lead(client, submission, source="cold-calling", email="b@x.example")
    for url in ("/staff/", "/staff/leads"):
        page = html(staff_client, url)
        assert f'href="http://site.test/{SLUG}.html">{TITLE}</a>' in page
        assert f">{SLUG}<" not in page
        assert 'href="http://site.test/cold-calling.html">cold-calling</a>' in page  # unknown
        options = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>',
                             page.split('id="source"')[1].split("</select>")[0])
        assert options == [("", "Any"), ("cold-calling", "cold-calling"), (SLUG, TITLE)]
    page = html(staff_client, f"/staff/leads/{lead}")
    assert f'href="http://site.test/{SLUG}.html">{TITLE}</a>' in page


def test_without_the_sites_articles_slugs_are_shown_as_they_are(database_url, tmp_path,
                                                                submission):
    app = make_app(database_url, CONTENT_DIR=str(tmp_path / "no-site-here"), **CHEAP_HASH)
    make_staff(app, "sam@example.com")
    staff = app.test_client()
    assert login(staff, "sam@example.com").status_code == 302
    add_lead(app.test_client(), submission)
    page = html(staff, "/staff/")
    assert f'href="http://site.test/{SLUG}.html">{SLUG}</a>' in page
    assert TITLE not in page


def test_queue_rows_decide_in_one_step_and_a_held_lead_shows_no_buttons(
        app, client, staff_client, other_sales_client, submission):
    mine = add_lead(client, submission, monthly_budget="9000")
    held = add_lead(client, submission, email="b@x.example")
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"',
                      html(other_sales_client, "/staff/")).group(1)
    other_sales_client.post(f"/staff/leads/{held}/claim", data={"csrf_token": token})
    page = html(staff_client, "/staff/")
    assert f'action="/staff/leads/{mine}/accept"' in page
    assert f'action="/staff/leads/{mine}/reject"' in page
    assert f'<textarea id="reject-{mine}" name="reason" rows="2" required>' in page
    page = html(staff_client, "/staff/?status=in_review")
    assert shown(page) == [held]
    assert f'action="/staff/leads/{held}/accept"' not in page
    assert "kim@example.com" in page
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    response = staff_client.post(f"/staff/leads/{mine}/reject",
                                 data={"csrf_token": token, "reason": "Too small"})
    assert response.status_code == 303
    assert shown(html(staff_client, "/staff/")) == []
