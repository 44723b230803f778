"""Pelican settings for the local site: `make build`, `make run` and the tests.

The site and the capture service share http://127.0.0.1:8000 locally (the
service serves output/ in development), so every URL here points there.
publishconf.py takes these and swaps in the production addresses.
"""

import sys
from pathlib import Path

# The leadform plugin imports capture.contract, which lives at the repository
# root; `pelican` run from anywhere must still find it.
_ROOT = str(Path(__file__).resolve().parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

AUTHOR = "John Black"
SITENAME = "MSP Telemarketing"
SITESUBTITLE = "IT lead generation, appointment setting and the long sales cycle"
SITEURL = "http://127.0.0.1:8000"
RELATIVE_URLS = False
TIMEZONE = "America/New_York"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%B %-d, %Y"
# English month names whatever the builder's own locale is.
LOCALE = ["C.UTF-8", "C"]

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
THEME = "theme"
# Autoescape like Flask does, since the capture service renders leadform.html too.
# No auto_reload: Jinja would stat each template file again on every page and every
# include (three to five times a page, ~30,000 at 2,000 articles), yet Pelican makes
# new Jinja environments for each build, so templates are read afresh anyway.
JINJA_ENVIRONMENT = {"autoescape": True, "auto_reload": False}

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["leadform", "pelican.plugins.sitemap"]

# Flat URLs: every page is a file, so any static host or CDN serves them as is.
ARTICLE_URL = ARTICLE_SAVE_AS = "{slug}.html"
PAGE_URL = PAGE_SAVE_AS = "{slug}.html"
CATEGORY_URL = CATEGORY_SAVE_AS = "category/{slug}.html"
TAG_URL = TAG_SAVE_AS = "tag/{slug}.html"
AUTHOR_URL = AUTHOR_SAVE_AS = "author/{slug}.html"
ARCHIVES_URL = ARCHIVES_SAVE_AS = "archives.html"
CATEGORIES_URL = CATEGORIES_SAVE_AS = "categories.html"
TAGS_URL = TAGS_SAVE_AS = "tags.html"
AUTHORS_URL = AUTHORS_SAVE_AS = "authors.html"
# robots.txt comes from the theme so it can name the sitemap with SITEURL.
DIRECT_TEMPLATES = ["index", "categories", "tags", "authors", "archives", "robots"]
ROBOTS_URL = ROBOTS_SAVE_AS = "robots.txt"
TEMPLATE_EXTENSIONS = [".html", ".txt"]

DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {"index": None, "category": None, "tag": None, "author": None}

# One Atom feed of everything; the per-category, per-author and RSS feeds are off.
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None

SITEMAP = {"format": "xml", "exclude": [r"^robots\.txt$"]}

# No content cache by default: the whole site builds in about a second, and Pelican
# checks only each file's time, so after a change of Markdown settings or of a reader
# the cache would still serve the old HTML. The cache works with our plugin at both
# layers (tests/site/test_site_cache.py); for a large site, pass
# -e CACHE_CONTENT=true LOAD_CONTENT_CACHE=true (bench/site_build.py measures it).
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

AUTHOR_BIO = (
    "John Black is the Marketing Director at MSP Telemarketing and has over 10 years "
    "experience marketing for IT providers and VARs to help them get more IT leads "
    "that turn into IT sales!"
)

# The capture service's full endpoint; the lead form's action is exactly this.
CAPTURE_URL = "http://127.0.0.1:8000/leads"
