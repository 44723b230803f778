"""The lists: the review queue (home page), screened out, spam, and their CSV."""

import itertools

from flask import Response
from flask import redirect
from flask import render_template
from flask import request
from flask import stream_with_context
from flask import url_for
from flask_login import current_user
from sqlalchemy import select

from capture import articles
from capture import export
from capture import lifecycle
from capture import queries
from capture.app import article_titles
from capture.extensions import db
from capture.models import StaffUser
from capture.staff import bp
from capture.staff import now
from capture.vocabulary import STAGES
from capture.vocabulary import STATUSES

TITLES = {"queue": "Review queue", "screened_out": "Screened out", "spam": "Spam",
          "all": "All leads"}
ENDPOINTS = {"queue": "staff.queue", "screened_out": "staff.screened_out", "spam": "staff.spam",
             "all": "staff.leads"}


def _list(view: str, template: str):
    status = request.args.get("status", "")
    if status in queries.VIEWS["all"] and status not in queries.VIEWS[view]:
        # ?status=accepted on the queue means the leads list, not the queue in silence.
        return redirect(url_for("staff.leads", **request.args))
    filters = queries.parse_filters(view, request.args, me=current_user.id)
    page = queries.lead_page(db.session, filters, request.args.get("after"))
    args = filters.as_args()
    next_url = (url_for(ENDPOINTS[view], **args, after=page.next_cursor)
                if page.next_cursor else None)
    context = {
        "view": view,
        "title": TITLES[view],
        "filters": filters,
        "page": page,
        "next_url": next_url,
        "first_url": url_for(ENDPOINTS[view], **args) if request.args.get("after") else None,
        "csv_url": url_for("staff.export_csv", view=view, **args),
        "total": queries.count(db.session, filters),
        "sources": _sources(),
        "owners": _owners() if view == "all" else [],
        "statuses": STATUSES,
        "stages": STAGES,
        "actions_for": lambda lead: lifecycle.available_actions(lead, current_user),
    }
    if view in ("screened_out", "spam"):
        context["reason_counts"] = queries.reason_counts(db.session, filters).most_common()
    return render_template(template, **context)


def _sources() -> list[tuple[str, str]]:
    """Source articles for the filter, (slug, title) by title; a short distinct list
    from the index."""
    titles = article_titles()
    options = [(slug, articles.title(titles, slug)) for slug in queries.sources(db.session)]
    return sorted(options, key=lambda option: (option[1].casefold(), option[0]))


def _owners() -> list[StaffUser]:
    return list(db.session.scalars(select(StaffUser).order_by(StaffUser.email)))


@bp.get("/leads")
def leads():
    """Every lead, whatever its status or age: nothing is ever archived out of sight."""
    return _list("all", "staff/queue.html")


@bp.get("/")
def queue():
    return _list("queue", "staff/queue.html")


@bp.get("/screened-out")
def screened_out():
    return _list("screened_out", "staff/queue.html")


@bp.get("/spam")
def spam():
    return _list("spam", "staff/queue.html")


@bp.get("/export.csv")
def export_csv():
    """The current list with its filters, in its order, through the one CSV writer.
    Streamed in batches, so a big list neither waits nor fills memory."""
    filters = queries.parse_filters(request.args.get("view", "queue"), request.args,
                                    me=current_user.id)

    leads = itertools.chain.from_iterable(queries.iter_leads(db.session, filters))
    filename = f"leads-{now():%Y%m%d}.csv"
    return Response(
        stream_with_context(export.csv_lines(leads)),
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename={filename}",
                 "Cache-Control": "no-store"},
    )
