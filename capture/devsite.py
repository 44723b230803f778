"""Development only: serve the built site (output/) from the service's own address,
so `make run` gives one URL where the article's form posts to /leads same-origin.
In production a static host or CDN serves output/ instead."""

from pathlib import Path

from flask import Blueprint
from flask import current_app
from flask import send_from_directory
from werkzeug.exceptions import NotFound

bp = Blueprint("devsite", __name__)


@bp.get("/", defaults={"path": ""})
@bp.get("/<path:path>")
def serve(path: str):
    root = Path(current_app.config["SERVE_SITE"]).resolve()
    if path == "" or path.endswith("/"):
        path += "index.html"
    if (root / path).is_file():
        return send_from_directory(root, path)
    if (root / "404.html").is_file():
        return send_from_directory(root, "404.html"), 404
    raise NotFound()


def init_app(app):
    app.register_blueprint(bp)
