"""Small helpers for driving the staff pages like a browser does."""

import re

from capture import accounts
from capture.extensions import db

PASSWORD = "correct horse battery"
TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def csrf_token(client, url: str = "/staff/login") -> str:
    page = client.get(url).get_data(as_text=True)
    match = TOKEN.search(page)
    assert match, f"no CSRF token on {url}"
    return match.group(1)


def make_staff(app, email: str, role: str = "sales", password: str = PASSWORD):
    with app.app_context():
        user = accounts.create_staff(db.session, email, password, role=role,
                                     hasher=accounts.hasher_from_config(app.config))
        return user.id


def login(client, email: str, password: str = PASSWORD, **kwargs):
    token = csrf_token(client)
    return client.post("/staff/login", data={"email": email, "password": password,
                                             "csrf_token": token}, **kwargs)


def post_form(client, url: str, data: dict | None = None, token_from: str = "/staff/"):
    """POST a staff form with a token scraped from a page, as a browser would."""
    return client.post(url, data={"csrf_token": csrf_token(client, token_from)} | (data or {}))


def add_lead(client, submission: dict, **changes) -> str:
    response = client.post("/leads", json=submission | changes)
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()["id"]
