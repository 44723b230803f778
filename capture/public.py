"""The public blueprint: ``POST /leads`` (the form contract) and ``/openapi.json``.

Checks run in the contract's order: size (413), Origin (403), rate (429), then
parsing and validation (422); only then the honeypot, duplicates and screening,
inside ``intake.receive``.
"""

from datetime import UTC
from datetime import datetime
from datetime import timedelta

from flask import Blueprint
from flask import abort
from flask import current_app
from flask import jsonify
from flask import redirect
from flask import render_template
from flask import request
from werkzeug.datastructures import MultiDict
from werkzeug.wsgi import get_input_stream

from capture import contract
from capture import intake
from capture import payload
from capture.app import screening_rules
from capture.app import screening_version
from capture.errors import wants_json
from capture.extensions import db
from capture.extensions import limiter
from capture.forms import LeadForm
from capture.security import web_link

bp = Blueprint("public", __name__)


def origin_allowed() -> bool:
    """No Origin header (curl, a server-side client) is allowed; a browser's must be listed."""
    origin = request.headers.get("Origin")
    return origin is None or origin.rstrip("/") in current_app.config["ALLOWED_ORIGINS"]


@bp.before_request
def check_size_and_origin():
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    if request.content_length is not None and request.content_length > limit:
        abort(413)
    if not origin_allowed():
        abort(403)


@bp.after_request
def allow_cross_origin(response):
    origin = request.headers.get("Origin")
    if origin and origin_allowed():
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Expose-Headers"] = "Retry-After"
    response.vary.add("Origin")
    return response


@bp.route("/leads", methods=["OPTIONS"])
def preflight():
    response = current_app.response_class(status=204)
    response.headers["Access-Control-Allow-Methods"] = "POST, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
    response.headers["Access-Control-Max-Age"] = "600"
    return response


@bp.post("/leads")
@limiter.limit(lambda: current_app.config["LEADS_RATE_LIMIT"])
def submit_lead():
    try:
        raw = payload.parse(_body(), request.mimetype)
    except payload.BodyError as error:
        return invalid(error.errors, {}, error.status)
    form = LeadForm(formdata=MultiDict(raw))
    if not form.validate():
        return invalid(form.error_map(), raw, 422)

    receipt = intake.receive(
        db.engine,
        form.cleaned(),
        rules=screening_rules(),
        now=datetime.now(UTC),
        duplicate_window=timedelta(seconds=int(current_app.config["DUPLICATE_WINDOW_SECONDS"])),
        origin=request.headers.get("Origin", "") or request.remote_addr or "",
        user_agent=request.headers.get("User-Agent", ""),
        version=screening_version(),
    )
    if wants_json():
        return jsonify(id=receipt.public_id, status="received"), 201
    return redirect(current_app.config["THANKS_URL"], code=303)


def _body() -> bytes:
    """The body, at most the configured size. A chunked body has no Content-Length
    for the check above, and ``request.stream`` silently cuts it at the limit (it
    then parses as a broken form, a 422): reading one byte more tells, a 413."""
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    body = get_input_stream(request.environ, max_content_length=limit + 1).read(limit + 1)
    if len(body) > limit:
        abort(413)
    return body


def invalid(errors: dict[str, list[str]], values: dict[str, str], status: int):
    if wants_json():
        return jsonify(errors=errors), status
    view = contract.FormView(action=request.base_url, values=values, errors=errors,
                             privacy_url=current_app.config["SITE_URL"] + "/privacy.html")
    page = render_template(
        "public/invalid.html",
        leadform=view,
        body_errors=errors.get("_body", []),
        back_url=web_link(values.get("page_url", "")),
    )
    return page, status


@bp.get("/openapi.json")
def openapi():
    return jsonify(contract.openapi_document(request.host_url.rstrip("/"),
                                             current_app.config["MAX_CONTENT_LENGTH"]))
