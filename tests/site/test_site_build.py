"""What a real build writes: every page, the feed, the sitemap, robots.txt, the assets."""

import re

import feedparser
import pytest
from lxml import etree
from sitebuild import ARTICLES
from sitebuild import CAPTURE_URL
from sitebuild import CONTENT
from sitebuild import PAGES
from sitebuild import SITEURL
from sitebuild import article_url

from pelicanconf import AUTHOR_BIO

pytestmark = pytest.mark.slow

LEFTOVERS = ("istock_", "xsmall", "man with bag on head", "trash can", "man kicking tire")
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
PUBLISHED_PAGES = [page for page in PAGES if page.get("status") != "hidden"]
HIDDEN_PAGES = [page for page in PAGES if page.get("status") == "hidden"]


def test_build_logs_no_warning(built_site):
    assert [record.getMessage() for record in built_site.warnings] == []


def test_content_has_the_five_articles_and_four_pages():
    assert len(ARTICLES) == 5
    assert {page["slug"] for page in PAGES} >= {"about", "privacy", "thanks", "404"}


@pytest.mark.parametrize(
    "name",
    [f"{item['slug']}.html" for item in ARTICLES + PAGES]
    + [
        "index.html",
        "archives.html",
        "categories.html",
        "tags.html",
        "authors.html",
        "author/john-black.html",
        "category/sales-cycle.html",
        "tag/follow-up.html",
        "feeds/all.atom.xml",
        "sitemap.xml",
        "robots.txt",
        "theme/css/style.css",
        "theme/js/leadform.js",
        "theme/js/thanks.js",
    ],
)
def test_page_is_built(built_site, name):
    assert built_site.path(name).is_file()


def test_index_lists_all_five_articles_on_one_page(built_site):
    index = built_site.parse("index.html")
    links = index.xpath("//main//article/*[self::h2 or self::h3]/a/@href")
    assert sorted(links) == sorted(article_url(item["slug"]) for item in ARTICLES)
    assert not built_site.path("index2.html").exists()
    assert index.xpath("//nav[@aria-label='Pages of articles']") == []


def test_home_page_says_what_the_firm_does_and_for_whom_with_one_call_to_action(built_site):
    main = built_site.parse("index.html").xpath("//main")[0]
    statement = main.xpath("normalize-space(h1)") + " " + main.xpath(
        "normalize-space(.//div[@class='home-intro'])")
    for words in ("MSPs", "IT consultants", "VARs", "telemarketing", "appointment setting",
                  "sales meetings", "sales cycle of 3 to 12 months"):
        assert words in statement, words
    assert main.xpath(".//a/@href[contains(., 'talk-to-us')]") == [f"{SITEURL}/talk-to-us.html"]
    assert main.xpath(".//a[@class='cta']/text()") == ["Talk to us about your campaign"]
    # The articles come under their own heading, so each title is one level down.
    assert main.xpath("h2/text()") == ["Articles"]
    assert len(main.xpath(".//article/h3")) == len(ARTICLES)


def test_talk_to_us_page_carries_one_form_whose_source_is_its_slug(built_site):
    forms = built_site.parse("talk-to-us.html").xpath("//form")
    assert len(forms) == 1
    assert forms[0].get("action") == CAPTURE_URL
    hidden = {i.get("name"): i.get("value") for i in forms[0].xpath(".//input[@type='hidden']")}
    assert (hidden["source"], hidden["page_url"]) == ("talk-to-us", f"{SITEURL}/talk-to-us.html")


def test_about_page_says_how_to_reach_the_firm(built_site):
    main = built_site.parse("about.html").xpath("//main")[0]
    assert main.xpath(".//h2/text()") == ["Talk to us"]
    assert main.xpath(".//a/@href") == [f"{SITEURL}/talk-to-us.html"]


@pytest.mark.parametrize("leftover", LEFTOVERS)
def test_no_web_page_leftovers_anywhere(built_site, leftover):
    hits = [
        path.relative_to(built_site.output).as_posix()
        for path in built_site.output.rglob("*")
        if path.is_file() and leftover in path.read_bytes().decode("utf-8", "replace").lower()
    ]
    assert hits == []


@pytest.mark.parametrize("slug", [item["slug"] for item in ARTICLES])
def test_bio_appears_once_per_article_page(built_site, slug):
    assert built_site.read(f"{slug}.html").count(AUTHOR_BIO) == 1


@pytest.mark.parametrize("path", sorted((CONTENT / "articles").glob("*.md")), ids=lambda p: p.stem)
def test_bio_is_not_in_the_markdown(path):
    text = path.read_text(encoding="utf-8")
    assert AUTHOR_BIO not in text
    assert "Marketing Director at MSP Telemarketing" not in text


def test_atom_feed_lists_every_article_with_absolute_links(built_site):
    path = built_site.path("feeds/all.atom.xml")
    etree.parse(str(path))
    feed = feedparser.parse(path.read_bytes())
    assert feed.bozo == 0
    assert sorted(entry.link for entry in feed.entries) == sorted(
        article_url(item["slug"]) for item in ARTICLES
    )


def test_sitemap_lists_every_article_and_published_page(built_site):
    tree = etree.parse(str(built_site.path("sitemap.xml")))
    locs = set(tree.xpath("//s:url/s:loc/text()", namespaces=SITEMAP_NS))
    assert all(loc.startswith(f"{SITEURL}/") for loc in locs)
    assert {article_url(item["slug"]) for item in ARTICLES + PUBLISHED_PAGES} <= locs
    assert not {article_url(item["slug"]) for item in HIDDEN_PAGES} & locs
    assert f"{SITEURL}/robots.txt" not in locs


def test_robots_txt_names_the_sitemap(built_site):
    lines = built_site.read("robots.txt").splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {SITEURL}/sitemap.xml" in lines


@pytest.mark.parametrize(
    ("name", "limit"),
    [("theme/js/leadform.js", 8 * 1024), ("theme/js/thanks.js", 1024),
     ("theme/css/style.css", 8 * 1024)],
)
def test_asset_stays_small(built_site, name, limit):
    assert built_site.path(name).stat().st_size < limit


#: Each script and the only pages that load it.
SCRIPTS = {
    "leadform.js": {f"{item['slug']}.html" for item in ARTICLES} | {"talk-to-us.html"},
    "thanks.js": {"thanks.html"},
}


@pytest.mark.parametrize(("script", "pages"), SCRIPTS.items(), ids=list(SCRIPTS))
def test_script_loads_deferred_on_its_pages_only(built_site, script, pages):
    for name in built_site.html_names():
        scripts = built_site.parse(name).xpath("//script[contains(@src, $s)]", s=script)
        if name in pages:
            assert len(scripts) == 1, name
            assert scripts[0].get("defer") is not None, name
        else:
            assert scripts == [], name


def test_thank_you_page_says_what_happens_now_and_lists_every_article(built_site):
    main = built_site.parse("thanks.html").xpath("//main")[0]
    assert main.xpath(".//h2/text()")[0] == "What happens now"
    assert "within one business day" in main.xpath("string(.)")
    links = main.xpath(".//ul[@class='thanks-articles']//a")
    assert sorted(a.get("href") for a in links) == sorted(
        article_url(item["slug"]) for item in ARTICLES)
    assert {a.text for a in links} == {item["title"] for item in ARTICLES}
    # thanks.js fills and shows this when the browser names the article it came from.
    assert main.xpath(".//p[@class='thanks-back'][@hidden]/a")


def test_no_inline_scripts_handlers_or_styles(built_site):
    problems = []
    for name in built_site.html_names():
        tree = built_site.parse(name)
        for script in tree.xpath("//script[not(@src)]"):
            if script.get("type") != "application/ld+json":
                problems.append(f"{name}: inline script")
        for element in tree.iter():
            for attribute in element.attrib:
                if re.match(r"on[a-z]+$", attribute) or attribute == "style":
                    problems.append(f"{name}: <{element.tag} {attribute}=...>")
        problems += [f"{name}: <style>" for _ in tree.xpath("//style")]
    assert problems == []
