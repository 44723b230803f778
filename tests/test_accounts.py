"""capture.accounts and the ``staff`` commands."""

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from capture import accounts
from capture.extensions import db
from capture.models import AuditEntry
from capture.models import StaffUser

CHEAP = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
GOOD = "a long enough password"


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield app


@pytest.mark.parametrize(("given", "stored"), [
    ("admin@localhost", "admin@localhost"),
    ("  Sam@Example.COM ", "sam@example.com"),
    ("dana@northwind-it.example", "dana@northwind-it.example"),
])
def test_staff_emails_need_only_one_at_sign(given, stored):
    assert accounts.normalize_email(given) == stored


@pytest.mark.parametrize("given", ["", "sam", "@example.com", "sam@", "a@b@c", "sa m@x"])
def test_malformed_staff_emails_are_refused(given):
    with pytest.raises(accounts.InvalidEmail):
        accounts.normalize_email(given)


def test_passwords_are_stored_as_argon2_hashes(ctx):
    user = accounts.create_staff(db.session, "sam@example.com", GOOD, hasher=CHEAP)
    assert user.password_hash.startswith("$argon2id$")
    assert GOOD not in user.password_hash
    assert user.role == "sales"


def test_duplicate_email_is_refused(ctx):
    accounts.create_staff(db.session, "sam@example.com", GOOD, hasher=CHEAP)
    with pytest.raises(accounts.DuplicateEmail):
        accounts.create_staff(db.session, "SAM@example.com", GOOD, hasher=CHEAP)


def test_short_password_is_refused(ctx):
    with pytest.raises(accounts.WeakPassword, match="at least 12 characters"):
        accounts.create_staff(db.session, "sam@example.com", "123456789", hasher=CHEAP)


def test_authenticate(ctx):
    accounts.create_staff(db.session, "sam@example.com", GOOD, hasher=CHEAP)
    assert accounts.authenticate(db.session, "Sam@example.com", GOOD, hasher=CHEAP).email == \
        "sam@example.com"
    assert accounts.authenticate(db.session, "sam@example.com", "wrong one!", hasher=CHEAP) \
        is None
    assert accounts.authenticate(db.session, "kim@example.com", GOOD, hasher=CHEAP) is None
    accounts.disable(db.session, "sam@example.com")
    assert accounts.authenticate(db.session, "sam@example.com", GOOD, hasher=CHEAP) is None


def test_set_password(ctx):
    accounts.create_staff(db.session, "sam@example.com", GOOD, hasher=CHEAP)
    accounts.set_password(db.session, "sam@example.com", "another long one", hasher=CHEAP)
    assert accounts.authenticate(db.session, "sam@example.com", GOOD, hasher=CHEAP) is None
    assert accounts.authenticate(db.session, "sam@example.com", "another long one",
                                 hasher=CHEAP) is not None


def test_account_changes_are_audited(ctx):
    accounts.create_staff(db.session, "sam@example.com", GOOD, hasher=CHEAP)
    accounts.disable(db.session, "sam@example.com")
    rows = db.session.execute(select(AuditEntry.action, AuditEntry.lead_id, AuditEntry.why))
    assert [tuple(row) for row in rows] == [
        ("create_account", None, "sam@example.com (sales)"),
        ("disable_account", None, "sam@example.com (sales)"),
    ]


def test_first_admin_is_created_once_on_an_empty_database(ctx):
    password = accounts.ensure_first_admin(db.session, hasher=CHEAP)
    assert len(password) >= 16
    user = accounts.authenticate(db.session, "admin@localhost", password, hasher=CHEAP)
    assert user.role == "admin"
    assert accounts.ensure_first_admin(db.session, hasher=CHEAP) is None


def test_no_first_admin_when_any_account_exists(ctx):
    accounts.create_staff(db.session, "sam@example.com", GOOD, hasher=CHEAP)
    assert accounts.ensure_first_admin(db.session, hasher=CHEAP) is None
    assert db.session.scalars(select(StaffUser.email)).all() == ["sam@example.com"]


def test_the_login_named_at_start_up_is_the_first_admin_else_any_active_account(ctx):
    assert accounts.login_hint(db.session) is None
    accounts.create_staff(db.session, "sam@example.com", GOOD, hasher=CHEAP)
    assert accounts.login_hint(db.session) == "sam@example.com"
    accounts.create_staff(db.session, "ada@example.com", GOOD, role="admin", hasher=CHEAP)
    assert accounts.login_hint(db.session) == "ada@example.com"
    accounts.create_staff(db.session, "admin@localhost", GOOD, role="admin", hasher=CHEAP)
    assert accounts.login_hint(db.session) == "admin@localhost"
    accounts.disable(db.session, "admin@localhost")
    assert accounts.login_hint(db.session) == "ada@example.com"


def test_production_hasher_keeps_argon2_defaults():
    hasher = accounts.hasher_from_config({})
    assert (hasher.time_cost, hasher.memory_cost) == (PasswordHasher().time_cost,
                                                      PasswordHasher().memory_cost)


# --- the staff commands --------------------------------------------------------

@pytest.fixture
def cheap_runner(database_url):
    from tests.conftest import make_app

    app = make_app(database_url, ARGON2_TIME_COST=1, ARGON2_MEMORY_COST=1024,
                   ARGON2_PARALLELISM=1)
    return app.test_cli_runner(), app


def stored_user(app, email):
    with app.app_context():
        return db.session.scalar(select(StaffUser).where(StaffUser.email == email))


def can_log_in(app, email, password):
    with app.app_context():
        return accounts.authenticate(db.session, email, password,
                                     hasher=accounts.hasher_from_config(app.config)) is not None


def test_staff_create_reads_the_first_line_of_the_password_file(cheap_runner, tmp_path):
    runner, app = cheap_runner
    secret = tmp_path / "pw"
    secret.write_text(GOOD + "\r\nsecond line\n")
    result = runner.invoke(args=["staff", "create", "Admin@Localhost", "--role", "admin",
                                 "--password-file", str(secret)])
    assert result.exit_code == 0, result.output
    assert stored_user(app, "admin@localhost").role == "admin"
    assert can_log_in(app, "admin@localhost", GOOD)


def test_staff_create_prompts_twice(cheap_runner):
    runner, app = cheap_runner
    result = runner.invoke(args=["staff", "create", "sam@example.com"],
                           input=f"{GOOD}\n{GOOD}\n")
    assert result.exit_code == 0, result.output
    assert "Repeat for confirmation" in result.output
    assert stored_user(app, "sam@example.com").role == "sales"


def test_staff_create_refuses_a_duplicate_and_a_short_password(cheap_runner, tmp_path):
    runner, app = cheap_runner
    secret = tmp_path / "pw"
    secret.write_text(GOOD)
    assert runner.invoke(args=["staff", "create", "sam@example.com", "--password-file",
                               str(secret)]).exit_code == 0
    again = runner.invoke(args=["staff", "create", "SAM@example.com", "--password-file",
                                str(secret)])
    assert again.exit_code != 0
    assert "already exists" in again.output
    secret.write_text("short\n")
    weak = runner.invoke(args=["staff", "create", "kim@example.com", "--password-file",
                               str(secret)])
    assert weak.exit_code != 0
    assert "at least 12 characters" in weak.output
    assert stored_user(app, "kim@example.com") is None


def test_staff_set_password_and_disable(cheap_runner, tmp_path):
    runner, app = cheap_runner
    secret = tmp_path / "pw"
    secret.write_text(GOOD)
    runner.invoke(args=["staff", "create", "sam@example.com", "--password-file", str(secret)])
    secret.write_text("the new password\n")
    result = runner.invoke(args=["staff", "set-password", "sam@example.com",
                                 "--password-file", str(secret)])
    assert result.exit_code == 0, result.output
    assert can_log_in(app, "sam@example.com", "the new password")
    assert runner.invoke(args=["staff", "disable", "sam@example.com"]).exit_code == 0
    assert stored_user(app, "sam@example.com").active is False
    assert not can_log_in(app, "sam@example.com", "the new password")
    missing = runner.invoke(args=["staff", "disable", "nobody@example.com"])
    assert missing.exit_code != 0
    assert "no staff account" in missing.output


def test_staff_ensure_admin_prints_the_password_once(cheap_runner):
    runner, app = cheap_runner
    first = runner.invoke(args=["staff", "ensure-admin"])
    assert first.exit_code == 0
    assert first.stdout.startswith("Created admin@localhost with password: ")
    password = first.stdout.strip().rsplit(" ", 1)[1]
    assert can_log_in(app, "admin@localhost", password)
    second = runner.invoke(args=["staff", "ensure-admin"])
    assert (second.exit_code, second.output) == (0, "")
