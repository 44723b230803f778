"""Defaults only. Real values come from ``CAPTURE_``-prefixed environment
variables, read once in ``create_app`` (nowhere else reads ``os.environ``)."""

#: CAPTURE_SQLITE_CHECKPOINT_SECONDS in every server process (gunicorn_conf, make
#: run's devserver) unless the operator sets it: no visitor's commit waits for a
#: checkpoint (capture/checkpoint.py).
SERVER_SQLITE_CHECKPOINT = "1"


class Defaults:
    # "production" demands CAPTURE_SECRET_KEY; anything else is development.
    ENV = "development"
    SECRET_KEY = None
    # None means: a SQLite file under the instance folder.
    DATABASE_URL = None
    # synchronous=FULL: an acknowledged lead survives a power loss, not only a crash.
    SQLITE_SYNCHRONOUS = "FULL"
    SQLITE_BUSY_TIMEOUT_MS = 10_000
    # Seconds between WAL checkpoints on a thread (capture/checkpoint.py); 0 leaves
    # them to SQLite, inside whichever commit fills the log. Servers set
    # SERVER_SQLITE_CHECKPOINT below.
    SQLITE_CHECKPOINT_SECONDS = 0

    # Where the static site lives; the 422 page borrows its stylesheet, staff pages link articles.
    SITE_URL = "http://127.0.0.1:8000"
    # None means: SITE_URL + "/thanks.html".
    THANKS_URL = None
    ALLOWED_ORIGINS = ["http://127.0.0.1:8000", "http://localhost:8000"]
    # In development the service also serves the built site from this folder (None: off).
    SERVE_SITE = None
    # The site's articles (Markdown); staff pages name a lead's source article by the
    # title found here. None: content/articles of this checkout. Missing: slugs shown.
    CONTENT_DIR = None

    MAX_CONTENT_LENGTH = 64 * 1024
    DUPLICATE_WINDOW_SECONDS = 600

    RATELIMIT_ENABLED = True
    # memory:// counts per process: right for `make run` (one process). gunicorn
    # with several workers needs one count for all of them: its config
    # (capture/gunicorn_conf.py) starts a private memcached and points this at it;
    # several machines share redis://host:6379 instead.
    RATELIMIT_STORAGE_URI = "memory://"
    # If the shared storage goes away, count per process rather than answer 500s.
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_STRATEGY = "fixed-window"
    LEADS_RATE_LIMIT = "10/minute;100/day"
    LOGIN_RATE_LIMIT_PER_IP = "20/minute;200/day"
    LOGIN_RATE_LIMIT_PER_ACCOUNT = "5/minute;50/day"

    # The follow-up plan every accepted lead gets (a TOML file); None: the default
    # plan of the seed articles, capture/followup_plan.toml.
    FOLLOWUP_PLAN = None
    # The hour (in each staff member's own time zone) their daily digest of due and
    # overdue touches goes out, when `outbox send --loop` runs.
    DIGEST_HOUR = 7
    # How many touches each group of the Today page shows before "all N"; a group in
    # full is paged by the same number.
    TODAY_GROUP_SIZE = 25
    # How long the reports page keeps its figures (per worker) before counting again;
    # 0 counts on every visit. The CSV download and `report funnel` always count afresh.
    REPORTS_CACHE_SECONDS = 60

    SCREEN_MAX_EMPLOYEES = 500
    SCREEN_MIN_MONTHLY_BUDGET = 1500

    # How many proxies (nginx, a load balancer) stand in front of the service; their
    # X-Forwarded-For/-Proto are trusted that many hops deep, and never without one.
    TRUSTED_PROXIES = 0
    # Strict-Transport-Security max-age in seconds; None: a year in production, off
    # in development (plain http on 127.0.0.1). 0 switches it off.
    HSTS_SECONDS = None
    LOG_LEVEL = "INFO"

    SMTP_HOST = "127.0.0.1"
    SMTP_PORT = 8025
    SMTP_USER = None
    SMTP_PASSWORD = None
    SMTP_STARTTLS = False
    SMTP_TIMEOUT = 10
    MAIL_SENDER = "Leadpress <leads@localhost>"
    STAFF_RECIPIENTS = ["sales@localhost"]
    # The outbox gives up on a message (marks it failed, shown to staff) after this
    # many attempts or this long after it was queued, whichever comes first.
    OUTBOX_MAX_ATTEMPTS = 10
    OUTBOX_MAX_AGE_HOURS = 72
    # Base URL of the capture service itself, for links in alert emails.
    SERVICE_URL = "http://127.0.0.1:8000"

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    # None: Secure in production, off in development (plain http on 127.0.0.1).
    SESSION_COOKIE_SECURE = None
    REMEMBER_COOKIE_HTTPONLY = True
    IDLE_TIMEOUT_MINUTES = 60
    WTF_CSRF_TIME_LIMIT = 3600
