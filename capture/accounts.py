"""Staff accounts: create, set a password, disable, authenticate.

Staff emails are account names, not mailboxes we validate: any address with
exactly one ``@``, lower-cased, so ``admin@localhost`` is valid. Passwords are
hashed with argon2id (argon2-cffi); the cost comes from the caller's hasher so
tests can make it cheap while production keeps argon2-cffi's defaults.
No Flask here: callers pass the session, the hasher and the clock.
"""

import secrets
from datetime import UTC
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError
from argon2.exceptions import VerificationError
from sqlalchemy import func
from sqlalchemy import select
from zxcvbn import zxcvbn

from capture.models import AuditEntry
from capture.models import StaffUser

ROLES = ("sales", "admin")
# OWASP ASVS 4.0 section 2.1: at least 12 characters, up to 128 (2.1.2), any
# characters, no composition rules (2.1.9), and not a common or breached password
# (2.1.7): zxcvbn's estimator knows 30,000 common passwords and their variants.
MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 128
GUESSABLE_SCORE = 1
FIRST_ADMIN_EMAIL = "admin@localhost"


class AccountError(ValueError):
    """A request about an account that cannot be done; the message says why."""


class InvalidEmail(AccountError):
    pass


class DuplicateEmail(AccountError):
    pass


class WeakPassword(AccountError):
    pass


class UnknownAccount(AccountError):
    pass


class WrongPassword(AccountError):
    pass


def new_session_token() -> str:
    return secrets.token_urlsafe(24)


def hasher_from_config(config) -> PasswordHasher:
    """argon2-cffi's defaults unless ARGON2_TIME_COST / ARGON2_MEMORY_COST (KiB) are set."""
    defaults = PasswordHasher()
    return PasswordHasher(
        time_cost=int(config.get("ARGON2_TIME_COST") or defaults.time_cost),
        memory_cost=int(config.get("ARGON2_MEMORY_COST") or defaults.memory_cost),
        parallelism=int(config.get("ARGON2_PARALLELISM") or defaults.parallelism),
    )


def normalize_email(email: str) -> str:
    email = (email or "").strip().lower()
    local, at, domain = email.partition("@")
    if not at or not local or not domain or "@" in domain or any(c.isspace() for c in email):
        raise InvalidEmail(f"{email!r} is not an account name: use an address with one '@'.")
    if len(email) > 254:
        raise InvalidEmail("An account email has at most 254 characters.")
    return email


def check_password(password: str, email: str = "") -> str:
    """The password if policy allows it; otherwise WeakPassword says what to change."""
    password = password or ""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(
            f"The password is too short: use at least {MIN_PASSWORD_LENGTH} characters.")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise WeakPassword(
            f"The password is too long: use at most {MAX_PASSWORD_LENGTH} characters.")
    estimate = zxcvbn(password, user_inputs=[email, *email.replace("@", ".").split(".")],
                      max_length=MAX_PASSWORD_LENGTH)
    if estimate["score"] <= GUESSABLE_SCORE:
        why = estimate["feedback"]["warning"] or "It is close to a common password."
        raise WeakPassword(f"The password is too easy to guess. {why} "
                           "A few unrelated words make a strong one.")
    return password


def find(session, email: str) -> StaffUser | None:
    try:
        email = normalize_email(email)
    except InvalidEmail:
        return None
    return session.scalar(select(StaffUser).where(StaffUser.email == email))


def get(session, email: str) -> StaffUser:
    user = find(session, email)
    if user is None:
        raise UnknownAccount(f"There is no staff account {email!r}.")
    return user


def check_available(session, email: str) -> str:
    """The normalised email, if no account has it yet."""
    email = normalize_email(email)
    if find(session, email) is not None:
        raise DuplicateEmail(f"A staff account {email} already exists.")
    return email


def _audit(session, action: str, user: StaffUser, actor: StaffUser | None, now: datetime):
    session.add(AuditEntry(at=now, actor=actor, action=action, why=f"{user.email} ({user.role})"))


def create_staff(session, email: str, password: str, *, role: str = "sales",
                 hasher: PasswordHasher, actor: StaffUser | None = None,
                 now: datetime | None = None) -> StaffUser:
    email = check_available(session, email)
    if role not in ROLES:
        raise AccountError(f"Unknown role {role!r}: use one of {', '.join(ROLES)}.")
    check_password(password, email)
    now = now or datetime.now(UTC)
    user = StaffUser(email=email, password_hash=hasher.hash(password), role=role,
                     active=True, created_at=now, session_token=new_session_token())
    session.add(user)
    session.flush()
    _audit(session, "create_account", user, actor, now)
    session.commit()
    return user


def set_password(session, email: str, password: str, *, hasher: PasswordHasher,
                 actor: StaffUser | None = None, now: datetime | None = None) -> StaffUser:
    user = get(session, email)
    check_password(password, user.email)
    user.password_hash = hasher.hash(password)
    user.session_token = new_session_token()
    _audit(session, "set_password", user, actor, now or datetime.now(UTC))
    session.commit()
    return user


def change_own_password(session, user: StaffUser, current: str, password: str, *,
                        hasher: PasswordHasher, now: datetime) -> StaffUser:
    """A staff member's own change: the current password first. Every session of the
    account ends; the caller logs the person in again on the new token."""
    if not _verify(hasher, user.password_hash, current):
        raise WrongPassword("The current password is wrong.")
    return set_password(session, user.email, password, hasher=hasher, actor=user, now=now)


def rotate_session_token(session, user: StaffUser) -> None:
    """Every session cookie carries the account's token; a new token makes every one
    of them worthless at its next request (logout does this)."""
    user.session_token = new_session_token()
    session.commit()


def end_sessions(session, user: StaffUser, *, actor: StaffUser | None = None,
                 now: datetime | None = None) -> StaffUser:
    """"Log out everywhere", with an audit entry: the account's own button, or an
    admin's when a laptop is lost."""
    user.session_token = new_session_token()
    _audit(session, "end_sessions", user, actor, now or datetime.now(UTC))
    session.commit()
    return user


def set_active(session, email: str, active: bool, *, actor: StaffUser | None = None,
               now: datetime | None = None) -> StaffUser:
    """Disabling keeps the row (audit entries point at it) and ends its sessions:
    the token changes, and the user loader refuses inactive accounts anyway."""
    user = get(session, email)
    user.active = active
    user.session_token = new_session_token()
    _audit(session, "enable_account" if active else "disable_account", user, actor,
           now or datetime.now(UTC))
    session.commit()
    return user


def disable(session, email: str, **kwargs) -> StaffUser:
    return set_active(session, email, False, **kwargs)


# A hash to verify against when the account does not exist, so that a wrong email
# costs as much time as a wrong password and timing does not reveal account names.
_DUMMY = {}


def authenticate(session, email: str, password: str, *, hasher: PasswordHasher,
                 now: datetime | None = None) -> StaffUser | None:
    user = find(session, email)
    if user is None or not user.active:
        key = (hasher.time_cost, hasher.memory_cost, hasher.parallelism)
        if key not in _DUMMY:
            _DUMMY[key] = hasher.hash(secrets.token_urlsafe(16))
        _verify(hasher, _DUMMY[key], password)
        return None
    if not _verify(hasher, user.password_hash, password):
        return None
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hasher.hash(password)
    user.last_login_at = now or datetime.now(UTC)
    session.commit()
    return user


def _verify(hasher: PasswordHasher, stored: str, password: str) -> bool:
    try:
        return hasher.verify(stored, password or "")
    except (VerificationError, InvalidHashError):
        return False


def ensure_first_admin(session, *, hasher: PasswordHasher) -> str | None:
    """On an empty database, create admin@localhost and return its one-time password
    (the caller prints it once); when any account exists, do nothing and return None."""
    if session.scalar(select(func.count()).select_from(StaffUser)):
        return None
    password = secrets.token_urlsafe(12)
    create_staff(session, FIRST_ADMIN_EMAIL, password, role="admin", hasher=hasher)
    return password


def login_hint(session) -> str | None:
    """The account a start-up message names: admin@localhost (the one `make run`
    creates), else the oldest active admin, else the oldest active account."""
    for query in (select(StaffUser.email).where(StaffUser.email == FIRST_ADMIN_EMAIL),
                  select(StaffUser.email).where(StaffUser.role == "admin"),
                  select(StaffUser.email)):
        email = session.scalar(query.where(StaffUser.active.is_(True))
                               .order_by(StaffUser.id).limit(1))
        if email:
            return email
    return None
