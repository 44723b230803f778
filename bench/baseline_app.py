"""The floor for POST /leads: a bare Flask app doing the same durable insert by the
simplest means, for bench/intake_throughput.py to compare against.

Parses the form or JSON body, inserts one row holding every contract field into
SQLite (WAL, synchronous=FULL, one connection kept per worker process), commits,
and answers as the real service does (201 with an id, or 303). No validation, no
screening, no duplicate check, no outbox: what is left is Flask, parsing and the
fsync that durability costs.
Run by the benchmark: gunicorn 'bench.baseline_app:app' with BASELINE_DB set.
"""

import os
import secrets
import sqlite3
from datetime import UTC
from datetime import datetime

from flask import Flask
from flask import jsonify
from flask import redirect
from flask import request

FIELDS = ("name", "email", "phone", "company", "website", "company_type", "employees",
          "monthly_budget", "role", "interest", "message", "consent", "source", "page_url",
          "utm_source", "utm_medium", "utm_campaign", "company_fax")

app = Flask(__name__)
_connection: sqlite3.Connection | None = None
INSERT = (f"INSERT INTO leads (public_id, received_at, {', '.join(FIELDS)}) "
          f"VALUES ({', '.join('?' * (len(FIELDS) + 2))})")


def open_database(path: str) -> sqlite3.Connection:
    """WAL, synchronous=FULL: every commit durable, as the service's."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA busy_timeout=10000")
    return db


def connection() -> sqlite3.Connection:
    """One per worker process, opened on first use (after gunicorn forks)."""
    global _connection
    if _connection is None:
        _connection = open_database(os.environ["BASELINE_DB"])
    return _connection


def store(db: sqlite3.Connection, data) -> str:
    """One row with every contract field, committed; its public id."""
    public_id = secrets.token_urlsafe(16)
    db.execute("BEGIN")
    db.execute(INSERT, [public_id, datetime.now(UTC).isoformat(),
                        *(str(data.get(name, "")) for name in FIELDS)])
    db.execute("COMMIT")
    return public_id


def create_table(path: str) -> None:
    with sqlite3.connect(path) as db:
        columns = ", ".join(f"{name} TEXT" for name in FIELDS)
        db.execute(f"CREATE TABLE IF NOT EXISTS leads (id INTEGER PRIMARY KEY, "
                   f"public_id TEXT, received_at TEXT, {columns})")
        db.execute("PRAGMA journal_mode=WAL")


@app.post("/leads")
def submit():
    data = request.get_json() if request.is_json else request.form
    public_id = store(connection(), data)
    if request.is_json:
        return jsonify(id=public_id, status="received"), 201
    return redirect("http://127.0.0.1:8000/thanks.html", code=303)


@app.get("/openapi.json")
def ready():
    return {"ready": True}
