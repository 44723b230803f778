"""The lead form rendered once per build and filled in per page, not rendered per page.

Every article carries the same form: the same fields, action, privacy link
and (empty) visible values. What changes from one article to the next is only
its hidden fields' values, ``source`` and ``page_url``. Rendering
leadform.html for each of 2,000 articles (groups, a macro per field, some 400
escapes) was more than half the time spent writing the article pages, and all
of it of a cached rebuild's.

So a form is rendered once per *shape* (everything but the hidden values),
with a marker in place of each hidden value, and the result is cut at the
markers. Each page then joins those pieces with its own escaped values,
which is what ``{{ values.get(name, '')|e }}`` in leadform.html writes.

A form that does not fit that picture renders as before, in full: one with
errors (the capture service's) or with a value the template might test or
show elsewhere (an empty one, or one for a visible field), or a shape whose
rendering does not hold each marker exactly once.

Pure of Pelican and Flask: it takes a Jinja environment and a form.
"""

from dataclasses import fields as dataclass_fields
from dataclasses import replace

from markupsafe import Markup
from markupsafe import escape

__all__ = ["FormRenderer"]

TEMPLATE = "leadform.html"
#: A private-use character no escaping touches and no contract text holds.
MARK = "\ue000"


def marker(name: str) -> str:
    return f"{MARK}{name}{MARK}"


def shape_of(form) -> tuple | None:
    """What the rendering depends on besides the hidden values, or None if that is not all.

    The values may only fill hidden fields and must be non-empty text, so that
    the template can do nothing with them but write them escaped.
    """
    hidden = {field.name for field in form.hidden_fields}
    values = form.values or {}
    if form.errors or not all(
        name in hidden and isinstance(value, str) and value for name, value in values.items()
    ):
        return None
    rest = tuple(getattr(form, f.name) for f in dataclass_fields(form)
                 if f.name not in ("values", "errors"))
    return rest, tuple(sorted(values))


def cut_at_markers(html: str, names: tuple[str, ...]) -> tuple[list[str], list[str]] | None:
    """The text between the markers and the value names in their order, if each occurs once."""
    if html.count(MARK) != 2 * len(names):
        return None
    pieces = html.split(MARK)
    texts, order = pieces[0::2], pieces[1::2]
    if sorted(order) != sorted(names):
        return None
    return texts, order


class FormRenderer:
    """``leadform|leadform_html``: leadform.html's output for a form, from its shape's pieces.

    One per Jinja environment (Pelican makes one per generator, hence per
    build), so the pieces never outlive the templates they came from.
    """

    def __init__(self, env) -> None:
        self.env = env
        self.shapes: dict[tuple, tuple[list[str], list[str]] | None] = {}

    def render(self, form) -> str:
        return self.env.get_template(TEMPLATE).render(leadform=form)

    def pieces(self, form, shape: tuple):
        """The shape's cut rendering, made on first use (None: it does not cut cleanly)."""
        if shape not in self.shapes:
            names = shape[1]
            blank = replace(form, values={name: marker(name) for name in names})
            self.shapes[shape] = cut_at_markers(self.render(blank), names)
        return self.shapes[shape]

    def __call__(self, form) -> Markup:
        shape = shape_of(form)
        cut = self.pieces(form, shape) if shape is not None else None
        if cut is None:
            return Markup(self.render(form))
        texts, order = cut
        out = [texts[0]]
        for name, text in zip(order, texts[1:], strict=True):
            out += [str(escape(form.values[name])), text]
        return Markup("".join(out))
