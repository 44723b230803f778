"""Staff fixtures: an app with a cheap password hash, logged-in sales and admin clients."""

import pytest

from tests.conftest import make_app
from tests.staff.helpers import login
from tests.staff.helpers import make_staff

# argon2 at its cheapest: these tests are about the pages, not the hash's cost.
CHEAP_HASH = {"ARGON2_TIME_COST": 1, "ARGON2_MEMORY_COST": 1024, "ARGON2_PARALLELISM": 1}


@pytest.fixture
def app(database_url):
    return make_app(database_url, **CHEAP_HASH)


@pytest.fixture
def sales_id(app):
    return make_staff(app, "sam@example.com", "sales")


@pytest.fixture
def admin_id(app):
    return make_staff(app, "ada@example.com", "admin")


@pytest.fixture
def staff_client(app, sales_id):
    """A sales account logged in through the real login form, CSRF token and all."""
    client = app.test_client()
    response = login(client, "sam@example.com")
    assert response.status_code == 302
    return client


@pytest.fixture
def admin_client(app, admin_id):
    client = app.test_client()
    assert login(client, "ada@example.com").status_code == 302
    return client


@pytest.fixture
def other_sales_client(app):
    make_staff(app, "kim@example.com", "sales")
    client = app.test_client()
    assert login(client, "kim@example.com").status_code == 302
    return client
