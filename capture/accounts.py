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

from capture.models import AuditEntry
from capture.models import StaffUser

ROLES = ("sales", "admin")
MIN_PASSWORD_LENGTH = 10
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


def check_password(password: str) -> str:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise WeakPassword(
            f"The password is too short: use at least {MIN_PASSWORD_LENGTH} characters.")
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
    check_password(password)
    now = now or datetime.now(UTC)
    user = StaffUser(email=email, password_hash=hasher.hash(password), role=role,
                     active=True, created_at=now)
    session.add(user)
    session.flush()
    _audit(session, "create_account", user, actor, now)
    session.commit()
    return user


def set_password(session, email: str, password: str, *, hasher: PasswordHasher,
                 actor: StaffUser | None = None, now: datetime | None = None) -> StaffUser:
    user = get(session, email)
    check_password(password)
    user.password_hash = hasher.hash(password)
    _audit(session, "set_password", user, actor, now or datetime.now(UTC))
    session.commit()
    return user


def set_active(session, email: str, active: bool, *, actor: StaffUser | None = None,
               now: datetime | None = None) -> StaffUser:
    """Disabling keeps the row (audit entries point at it) and ends its sessions,
    because the user loader refuses inactive accounts."""
    user = get(session, email)
    user.active = active
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
