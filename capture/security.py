"""Security for every request: headers, the client's real address behind a proxy,
and the text rule applied to paths and query strings before any view runs."""

from urllib.parse import urlsplit

from flask import current_app
from flask import request
from werkzeug.middleware.proxy_fix import ProxyFix

from capture import contract
from capture import errors


def web_link(url: str) -> str | None:
    """The URL if it may go into an href: http(s) only, so a "javascript:" address a
    visitor typed into the form stays inert text."""
    return url if url.startswith(("http://", "https://")) else None


def local_path(target: str | None, prefix: str = "/staff/") -> str | None:
    """A relative path under ``prefix`` to send someone back to, or None: never another
    host, scheme, '//' or backslash trick (an open redirect)."""
    if not target or "\\" in target or any(ord(c) < 32 for c in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("//"):
        return None
    if parts.path != prefix.rstrip("/") and not parts.path.startswith(prefix):
        return None
    return target


def set_security_headers(response):
    if request.endpoint == "devsite.serve":
        return response
    site = current_app.config["SITE_URL"]
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; "
        f"style-src 'self' {site}; img-src 'self' data:; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    )
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    hsts = current_app.config["HSTS_SECONDS"]
    if hsts:
        response.headers.setdefault("Strict-Transport-Security",
                                    f"max-age={int(hsts)}; includeSubDomains")
    return response


def refuse_hostile_addresses():
    """A control character in the path or a query parameter is a clear 400 naming
    it, before any view could hand it to the database (PostgreSQL refuses NUL)."""
    problem = contract.text_problem(request.path, one_line=True)
    if problem:
        return errors.render_error(400, f"The address is not valid. {problem}")
    for name, value in request.args.items(multi=True):
        problem = (contract.text_problem(name, one_line=True)
                   or contract.text_problem(value, one_line=True))
        if problem:
            shown = contract.one_line(name)[:40] or "?"
            return errors.render_error(400, f"The query parameter “{shown}” is not valid. "
                                            f"{problem}")
    return None


def init_app(app):
    proxies = int(app.config["TRUSTED_PROXIES"] or 0)
    if proxies:
        # Trust exactly that many X-Forwarded-For/-Proto/-Host hops: the client's
        # address is then the real one, and the rate limits count per visitor.
        # Without a proxy these headers are ignored, so nobody can spoof them.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies,
                                x_host=proxies)
    app.before_request(refuse_hostile_addresses)
    app.after_request(set_security_headers)
