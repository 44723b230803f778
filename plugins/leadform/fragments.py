"""Parts of a page that show one article, rendered once per article and reused.

An article appears on many listing pages: the index, its category, its
author and each of its three to six tags, so some nine times. Its entry
there (title, date, reading time, category, summary) is the same every
time, yet it was rendered every time, with an include, a copy of the whole
context and a striptags over the summary each time: at 2,000 articles, some
15,000 entries for 2,000 different ones.

The ``once`` filter renders a fragment template the first time an article
needs it and gives the same HTML afterwards. A fragment may read only the
article, the parameters passed to the filter and the site's settings
(SITEURL is part of the key, for RELATIVE_URLS): nothing about the page
it is on.
"""

from jinja2 import pass_context
from markupsafe import Markup

__all__ = ["rendered_once"]


def rendered_once(env):
    """The ``once`` filter for one Jinja environment: ``article|once("name.html", k=v)``."""
    known: dict[tuple, tuple[object, Markup]] = {}

    @pass_context
    def once(context, article, template_name: str, **params) -> Markup:
        """The fragment's HTML for this article, rendered on the first request."""
        key = (template_name, id(article), context.get("SITEURL"), tuple(sorted(params.items())))
        if key not in known:
            variables = context.get_all() | params | {"article": article}
            html = Markup(env.get_template(template_name).render(variables))
            known[key] = (article, html)  # the article kept alive, so its id stays its own
        return known[key][1]

    return once
