"""Finding a lead by company, person, email or phone through a text index (SQLite FTS5
trigram, PostgreSQL pg_trgm), on both databases: same answers as a scan, kept in
step with edits, and the query plan uses the index."""

import pytest
from sqlalchemy import select
from sqlalchemy import text

from capture import cli
from capture import queries
from capture import search
from capture.extensions import db
from capture.models import Lead
from tests.staff.helpers import add_lead

PEOPLE = [
    {"company": "Northwind IT Services", "name": "Dana Whitfield", "email": "dana@nw.example",
     "phone": "+1 555 0100"},
    {"company": "Contoso Managed IT", "name": "Ray O'Neil", "email": "ray@contoso.example",
     "phone": "(212) 555-0199"},
    {"company": "Fabrikam 100% Networks", "name": "Zoë Ångström", "email": "zoe@fab.example",
     "phone": ""},
    {"company": "Tailspin_Tech", "name": "Lee Chen", "email": "lee@tailspin.example",
     "phone": "020 7946 0000"},
]


@pytest.fixture
def leads(app, client, submission):
    return [add_lead(client, submission, **person) for person in PEOPLE]


def found(app, q: str) -> list[str]:
    with app.app_context():
        filters = queries.Filters(view="all", q=q)
        rows = queries.lead_page(db.session, filters, limit=100).rows
        assert queries.count(db.session, filters) == len(rows)
        return sorted(lead.company for lead in rows)


@pytest.mark.parametrize(("q", "companies"), [
    ("northwind", ["Northwind IT Services"]),
    ("NORTHWIND", ["Northwind IT Services"]),
    ("wind it serv", ["Northwind IT Services"]),
    ("managed", ["Contoso Managed IT"]),
    ("o'neil", ["Contoso Managed IT"]),
    ("0199", ["Contoso Managed IT"]),
    ("555", ["Contoso Managed IT", "Northwind IT Services"]),
    ("tailspin.example", ["Tailspin_Tech"]),
    ("100%", ["Fabrikam 100% Networks"]),
    ("n_t", ["Tailspin_Tech"]),
    ("s_t", []),                       # "_" is a letter here, not a wildcard
    ("ångström", ["Fabrikam 100% Networks"]),
    ("it", ["Contoso Managed IT", "Northwind IT Services"]),  # under a trigram: a scan
    ('"quoted"', []),
    ("nothing like it", []),
])
def test_search_finds_what_the_columns_contain(app, leads, q, companies):
    assert found(app, q) == companies


def test_the_index_follows_edits_and_deletes(app, leads):
    with app.app_context():
        lead = db.session.scalar(select(Lead).where(Lead.company.like("Northwind%")))
        lead.company = "Southwind Partners"
        db.session.commit()
    assert found(app, "northwind") == []
    assert found(app, "southwind") == ["Southwind Partners"]
    with app.app_context():
        gone = "(SELECT id FROM leads WHERE company = 'Tailspin_Tech')"
        db.session.execute(text(f"DELETE FROM outbox WHERE lead_id IN {gone}"))
        db.session.execute(text("DELETE FROM leads WHERE company = 'Tailspin_Tech'"))
        db.session.commit()
    assert found(app, "tailspin") == []


def plan_of(app, q: str) -> str:
    with app.app_context():
        dialect = db.engine.dialect.name
        statement = select(Lead.id).where(search.matches(q, dialect))
        compiled = statement.compile(db.engine, compile_kwargs={"literal_binds": True})
        if dialect == "sqlite":
            rows = db.session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")).all()
            return "\n".join(str(row[-1]) for row in rows)
        db.session.execute(text("SET enable_seqscan = off"))
        rows = db.session.execute(text(f"EXPLAIN {compiled}")).all()
        return "\n".join(row[0] for row in rows)


def test_a_search_uses_the_text_index_not_a_scan_of_leads(app, leads, backend):
    plan = plan_of(app, "northwind")
    if backend == "sqlite":
        assert "SCAN leads_search VIRTUAL TABLE INDEX" in plan, plan
        assert "SCAN leads\n" not in plan + "\n", plan
    else:
        assert "Index Scan on ix_leads_search_trgm" in plan, plan


def indexed_rows(app, q: str) -> int:
    """Rows the SQLite text index itself holds for ``q`` (no catch-up first)."""
    with app.app_context():
        return db.session.scalar(text("SELECT count(*) FROM leads_search WHERE leads_search "
                                      "MATCH :q"), {"q": f'"{q}"'})


def assert_index_is_sound(app):
    with app.app_context():  # FTS5 raises if its index and the rows disagree
        db.session.execute(text("INSERT INTO leads_search(leads_search, rank) "
                                "VALUES ('integrity-check', 1)"))
        db.session.rollback()


def test_a_new_lead_is_indexed_after_its_request_and_found_by_the_next_search(
        app, client, submission, backend):
    add_lead(client, submission, company="Quillfeather Networks")
    if backend == "sqlite":
        assert indexed_rows(app, "quillfeather") == 0  # POST /leads did not tokenise it
    assert found(app, "quillfeather") == ["Quillfeather Networks"]
    if backend == "sqlite":
        assert indexed_rows(app, "quillfeather") == 1
        assert_index_is_sound(app)
    with app.app_context():
        assert search.catch_up(db.engine) == 0  # nothing left to index


def test_the_outbox_worker_indexes_new_leads(app, client, submission, backend):
    add_lead(client, submission, company="Marrowgate Systems")
    with app.app_context():
        cli.outbox_round()
        if backend == "sqlite":
            upto, newest = db.session.execute(search.PENDING).one()
            assert upto == newest
    if backend == "sqlite":
        assert indexed_rows(app, "marrowgate") == 1


def test_edits_and_deletes_keep_the_index_sound_before_and_after_indexing(
        app, client, submission, leads, backend):
    assert found(app, "northwind") == ["Northwind IT Services"]   # the four are indexed now
    with app.app_context():
        northwind = db.session.scalar(select(Lead).where(Lead.company.like("Northwind%")))
        northwind.company = "Southwind Partners"                  # indexed, then edited
        db.session.commit()
    late = PEOPLE[0] | {"company": "Latecomer Tech", "email": "late@late.example"}
    gone = PEOPLE[0] | {"company": "Gonefast Tech", "email": "gone@gone.example"}
    for person in (late, gone):
        add_lead(client, submission, **person)
    with app.app_context():
        latecomer = db.session.scalar(select(Lead).where(Lead.company == "Latecomer Tech"))
        latecomer.company = "Latecomer Renamed"                   # edited before indexing
        db.session.commit()
        for company in ("Gonefast Tech", "Tailspin_Tech"):       # unindexed, indexed
            lead_id = f"(SELECT id FROM leads WHERE company = '{company}')"
            db.session.execute(text(f"DELETE FROM outbox WHERE lead_id IN {lead_id}"))
            db.session.execute(text(f"DELETE FROM leads WHERE company = '{company}'"))
        db.session.commit()
    assert found(app, "northwind") == []
    assert found(app, "southwind") == ["Southwind Partners"]
    assert found(app, "latecomer") == ["Latecomer Renamed"]
    assert found(app, "gonefast") == []
    assert found(app, "tailspin") == []
    if backend == "sqlite":
        assert_index_is_sound(app)


def test_the_id_of_a_deleted_newest_lead_given_again_is_indexed_anew(
        app, client, submission, leads, backend):
    """SQLite gives the id of a deleted newest row again (no AUTOINCREMENT)."""
    assert found(app, "tailspin") == ["Tailspin_Tech"]            # all four indexed
    with app.app_context():
        newest = db.session.scalar(select(Lead).order_by(Lead.id.desc()).limit(1))
        newest_id = newest.id
        db.session.execute(text("DELETE FROM outbox WHERE lead_id = :id"), {"id": newest_id})
        db.session.execute(text("DELETE FROM leads WHERE id = :id"), {"id": newest_id})
        db.session.commit()
    add_lead(client, submission, company="Reissued Networks", email="re@re.example")
    with app.app_context():
        reissued = db.session.scalar(select(Lead).where(Lead.company == "Reissued Networks"))
        if backend == "sqlite":
            assert reissued.id == newest_id
    assert found(app, "reissued") == ["Reissued Networks"]
    if backend == "sqlite":
        assert_index_is_sound(app)
