"""Every error answer: JSON in the contract's shape for API clients, a page in the
app's look for people. Never a traceback."""

from flask import current_app
from flask import render_template
from flask import request
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import InternalServerError

from capture import contract
from capture.extensions import db

MESSAGES = {
    400: "The request could not be understood.",
    403: "This origin may not send leads here.",
    404: "There is nothing at this address.",
    405: "This address does not accept that method.",
    415: "Unsupported content type.",
    429: "Too many requests; please wait a moment and try again.",
    500: "Something went wrong on our side; nothing you sent was lost if you saw a thank-you.",
}


def wants_json() -> bool:
    """JSON for fetch() and API clients, an HTML page for people and plain forms."""
    if request.mimetype == "application/json" or request.path.endswith(".json"):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def render_error(status: int, message: str | None = None):
    if status == 413 and not message:
        limit = contract.byte_size(current_app.config["MAX_CONTENT_LENGTH"])
        message = f"The request is too large: at most {limit}."
    message = message or MESSAGES.get(status, "The request failed.")
    if wants_json():
        key = {429: "_rate", 403: "_origin", 413: "_body", 415: "_body"}.get(status, "_request")
        return {"errors": {key: [message]}}, status
    template = "public/error.html" if request.blueprint == "public" else "error.html"
    return render_template(template, status=status, message=message), status


def handle_http_error(error: HTTPException):
    if error.code == 429:
        message = f"Too many requests ({error.description}); please try again later."
        body, status = render_error(429, message)
    else:
        body, status = render_error(error.code or 500)
    # Keep what the exception says beyond its page, such as a 405's Allow header.
    headers = [(name, value) for name, value in error.get_headers()
               if name.lower() != "content-type"]
    return body, status, headers


def handle_unexpected_error(error: Exception):
    """Log the traceback for us; the client gets the plain 500 page and nothing more."""
    original = getattr(error, "original_exception", None) or error
    current_app.logger.error("unhandled error on %s %s", request.method,
                             contract.one_line(request.path)[:300], exc_info=original)
    db.session.rollback()
    return render_error(500)


def init_app(app):
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(InternalServerError, handle_unexpected_error)
    app.register_error_handler(Exception, handle_unexpected_error)
