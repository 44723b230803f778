"""Put the lead form into every article (and any page that asks for one), and give
the theme what Pelican 4.12 lacks.

The form's fields come from ``capture/contract.py``, the same module the capture
service validates against, so the page cannot ask for something the service
refuses. ``theme/templates/leadform.html`` renders a ``contract.FormView`` and
nothing else: the capture service renders that same file, with its own
``FormView``, to show a form with errors, where no Pelican variable exists.

Pelican 4.12 core has no neighbours or related-posts feature, so this plugin
sets ``prev_article``/``next_article`` and ``related_articles`` too (as
``Link``s: title and URL), and adds the ``reading_time``, ``page_window``,
``leadform_html`` and ``once`` Jinja filters. It also reads Markdown with one Markdown
instance per reader (reader.py).
"""

import math
from typing import NamedTuple
from urllib.parse import urlsplit

from markupsafe import Markup
from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.generators import PagesGenerator

from capture.contract import FormView

from .formcache import FormRenderer
from .fragments import rendered_once
from .pagination import page_window
from .reader import use_reusing_reader
from .related import related_by_tags

__all__ = [
    "LeadformSettingsError",
    "Link",
    "check_capture_url",
    "reading_time",
    "register",
]


WORDS_PER_MINUTE = 200
#: Templates that escape every value with |e, so autoescape adds only work.
SELF_ESCAPING_TEMPLATES = frozenset({"leadform.html"})
RELATED_LIMIT = 3
#: Every kind of article Pelican writes with article.html, hidden and drafts too.
ARTICLE_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
)
#: The same for pages: the theme links the about and privacy pages from every page.
PAGE_LISTS = (
    "pages",
    "translations",
    "hidden_pages",
    "hidden_translations",
    "draft_pages",
    "draft_translations",
)


class LeadformSettingsError(Exception):
    """CAPTURE_URL is missing or is not the service's full /leads endpoint.

    Raised while Pelican starts, before anything is written: a site whose form
    posts nowhere must not be built at all.
    """


def check_capture_url(value: object) -> str:
    """Return CAPTURE_URL if it is an http(s) URL ending in /leads, else explain why not."""
    text = value.strip() if isinstance(value, str) else ""
    parts = urlsplit(text)
    if parts.scheme in ("http", "https") and parts.netloc and parts.path.endswith("/leads"):
        return text
    raise LeadformSettingsError(
        "leadform: set CAPTURE_URL in the Pelican settings to the capture service's "
        "full /leads endpoint, e.g. CAPTURE_URL = 'http://127.0.0.1:8000/leads' "
        f"(got {value!r})"
    )


def reading_time(html: str) -> str:
    """Estimate "N min read" from an article's HTML at ~200 words a minute, rounded up."""
    words = len(Markup(html).striptags().split())
    return f"{max(1, math.ceil(words / WORDS_PER_MINUTE))} min read"


def check_settings(pelican) -> None:
    """Fail at start-up, before any generator has run or any plugin has queued output."""
    check_capture_url(pelican.settings.get("CAPTURE_URL"))


def remembered_reading_time():
    """reading_time, computed once per article for the build that owns this filter.

    Every listing page an article appears on (the index, its category, each
    of its tags, its author) shows its reading time, and each time striptags
    ran over the whole article again. Pelican hands the templates the same
    content string each time, so the string is the key; a filter per
    generator keeps the memory to one build.
    """
    known: dict[str, str] = {}

    def cached(html: str) -> str:
        if html not in known:
            known[html] = reading_time(html)
        return known[html]

    return cached


def autoescape_unless_self_escaping(template_name: str | None) -> bool:
    """Autoescape every template but those that escape each value themselves.

    leadform.html escapes every value with |e so that Pelican and the
    capture service (Flask, autoescape on) render the same form
    (tests/site/test_site_leadform_template.py renders it both ways).
    Autoescaping it as well escaped each value twice over, some 400 times an
    article page: half of the form's cost, with not a byte of difference.
    """
    return template_name not in SELF_ESCAPING_TEMPLATES


def set_up_environment(generator) -> None:
    """Every generator has its own Jinja environment, so each one gets the filters.

    The escaping rule is set here, not in the settings: Pelican's content
    cache pickles the settings with every article, and a function there
    would have to be importable by name from pelicanconf.py.
    """
    generator.env.filters["reading_time"] = remembered_reading_time()
    generator.env.filters["page_window"] = page_window
    generator.env.filters["leadform_html"] = FormRenderer(generator.env)
    generator.env.filters["once"] = rendered_once(generator.env)
    if generator.env.autoescape is True:
        generator.env.autoescape = autoescape_unless_self_escaping


def every_item(generator, lists: tuple[str, ...]):
    """The contents of the generator's lists named in ``lists``, one after another."""
    for name in lists:
        yield from getattr(generator, name, ())


def every_article(generator):
    """Published, hidden and draft articles and their translations: all that article.html shows."""
    return every_item(generator, ARTICLE_LISTS)


def fix_urls(contents) -> None:
    """Work out each article's or page's URL once, where Pelican would redo it at every use.

    ``Content.url`` formats ARTICLE_URL (PAGE_URL) from the metadata each time
    it is read, and the theme reads an article's a dozen times on its page and
    again on every listing page it appears on, and the about and privacy
    pages' on every page of the site: some 75,000 times at 2,000 articles.
    ``override_url`` is what Pelican itself reads first (a ``URL:`` metadata
    field sets it), so storing the same value there makes every later read a
    lookup. It is set after each article's or page's own cache entry is
    saved, at either caching layer, so one that comes back from the cache
    gets it afresh.
    """
    for content in contents:
        if not hasattr(content, "override_url"):
            content.override_url = content.url


def fix_page_urls(generator) -> None:
    fix_urls(every_item(generator, PAGE_LISTS))


def page_url(generators, slug: str) -> str:
    """The full address of the page with this slug (hidden pages too), or "" if none."""
    for generator in generators:
        if isinstance(generator, PagesGenerator):
            for page in (*generator.pages, *generator.hidden_pages):
                if page.slug == slug:
                    return f"{generator.settings['SITEURL']}/{page.url}"
    return ""


def attach_forms(generators) -> None:
    """Give each article its form, and each page whose metadata says ``Form: lead``
    (the "Talk to us" page), prefilled with where the lead will come from: the
    slug as ``source`` and the address as ``page_url``.

    Runs once every generator has read its content, so the form can link the
    privacy page, which the pages generator reads after the articles."""
    privacy_url = page_url(generators, "privacy")
    for generator in generators:
        if isinstance(generator, ArticlesGenerator):
            items = list(every_article(generator))
        elif isinstance(generator, PagesGenerator):
            items = [page for page in every_item(generator, PAGE_LISTS)
                     if getattr(page, "form", None) == "lead"]
        else:
            continue
        action = check_capture_url(generator.settings.get("CAPTURE_URL"))
        siteurl = generator.settings["SITEURL"]
        for item in items:
            item.leadform = FormView(
                action=action,
                privacy_url=privacy_url,
                values={"source": item.slug, "page_url": f"{siteurl}/{item.url}"},
            )


class Link(NamedTuple):
    """Another article as a page links to it: its title and URL, nothing more.

    Neighbours and related articles used to be the Article objects
    themselves, so each article led to others and on through the whole
    site. Pelican's generator-level content cache pickles the pages with the
    shared context, so with every article, and pickle followed that chain
    until the recursion limit stopped the build (at about 600 articles),
    leaving a truncated cache that stopped the next build too. The theme
    shows only titles and URLs.
    """

    title: str
    url: str


def link_to(article) -> Link:
    return Link(article.title, article.url)


def link_neighbours(generator) -> None:
    """Set prev_article (older) and next_article (newer) among published articles."""
    articles = sorted(generator.articles, key=lambda a: a.date, reverse=True)
    links = [link_to(article) for article in articles]
    for index, article in enumerate(articles):
        article.next_article = links[index - 1] if index > 0 else None
        article.prev_article = links[index + 1] if index + 1 < len(articles) else None


def relate_by_tags(generator) -> None:
    """Up to three other articles sharing the most tags, newest first on a tie."""
    articles = generator.articles
    for article, related in zip(articles, related_by_tags(articles, RELATED_LIMIT), strict=True):
        article.related_articles = [link_to(other) for other in related]


def finalize_articles(generator) -> None:
    fix_urls(every_article(generator))
    link_neighbours(generator)
    relate_by_tags(generator)


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.readers_init.connect(use_reusing_reader)
    signals.generator_init.connect(set_up_environment)
    signals.article_generator_finalized.connect(finalize_articles)
    signals.all_generators_finalized.connect(attach_forms)
    signals.page_generator_finalized.connect(fix_page_urls)
