"""Security headers for every page the service renders itself."""

from flask import current_app
from flask import request


def web_link(url: str) -> str | None:
    """The URL if it may go into an href: http(s) only, so a "javascript:" address a
    visitor typed into the form stays inert text."""
    return url if url.startswith(("http://", "https://")) else None


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
    return response


def init_app(app):
    app.after_request(set_security_headers)
