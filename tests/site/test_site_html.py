"""Every built page: well-formed HTML, one h1, landmarks, SEO meta, JSON-LD, no broken link."""

import json

import pytest
from linkcheck import LinkChecker
from sitebuild import ARTICLES
from sitebuild import SITEURL
from sitebuild import article_url

pytestmark = pytest.mark.slow

ARTICLE_PAGES = {f"{item['slug']}.html": item for item in ARTICLES}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
REQUIRED_META = [
    "//meta[@charset='utf-8']",
    "//meta[@name='viewport']",
    "//link[@rel='icon'][@href='data:,']",
    "//link[@rel='alternate'][@type='application/atom+xml']",
    "//header",
    "//main[@id='main']",
    "//footer",
    "//nav",
    "//a[@href='#main']",
]
NON_EMPTY_CONTENT = [
    "description",
    "og:title",
    "og:description",
    "og:type",
    "og:url",
    "og:site_name",
    "twitter:card",
    "twitter:title",
    "twitter:description",
]


def each_page(built_site, check) -> list[str]:
    """Run ``check(name, tree)`` over every built page and gather what it found wrong."""
    return [
        f"{name}: {problem}"
        for name in built_site.html_names()
        for problem in check(name, built_site.parse(name))
    ]


def test_site_has_pages(built_site):
    assert len(built_site.html_names()) > len(ARTICLES)


def test_every_page_is_well_formed_html(built_site):
    # built_site.parse is html5lib in strict mode: it raises on any parse error.
    assert all(built_site.parse(name) is not None for name in built_site.html_names())


def test_every_page_has_landmarks_and_head_tags(built_site):
    def check(name, tree):
        yield from (f"missing {xpath}" for xpath in REQUIRED_META if not tree.xpath(xpath))
        if len(tree.xpath("//h1")) != 1:
            yield f"{len(tree.xpath('//h1'))} h1"
        if not tree.xpath("/html/@lang"):
            yield "no <html lang>"
        if not tree.xpath("normalize-space(//head/title)"):
            yield "no <title>"

    assert each_page(built_site, check) == []


def test_every_page_has_description_open_graph_and_twitter_tags(built_site):
    def check(name, tree):
        for key in NON_EMPTY_CONTENT:
            values = tree.xpath("//meta[@name=$k or @property=$k]/@content", k=key)
            if len(values) != 1 or not values[0].strip():
                yield f"meta {key} = {values!r}"
        canonical = tree.xpath("//link[@rel='canonical']/@href")
        if len(canonical) != 1 or not canonical[0].startswith(f"{SITEURL}/"):
            yield f"canonical {canonical!r}"
        elif tree.xpath("//meta[@property='og:url']/@content") != canonical:
            yield "og:url differs from the canonical link"

    assert each_page(built_site, check) == []


def test_heading_levels_never_skip(built_site):
    def check(name, tree):
        previous = 0
        for heading in tree.iter(*HEADINGS):
            level = HEADINGS.index(heading.tag) + 1
            if level > previous + 1:
                yield f"<{heading.tag}> {heading.xpath('string()')!r} after h{previous}"
            previous = level

    assert each_page(built_site, check) == []


def test_ids_are_unique(built_site):
    def check(name, tree):
        ids = tree.xpath("//@id")
        yield from sorted({f"duplicate id {i!r}" for i in ids if ids.count(i) > 1})

    assert each_page(built_site, check) == []


@pytest.mark.parametrize("name", sorted(ARTICLE_PAGES))
def test_article_json_ld_describes_the_article(built_site, name):
    item = ARTICLE_PAGES[name]
    tree = built_site.parse(name)
    blocks = tree.xpath("//script[@type='application/ld+json']/text()")
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "Article"
    assert data["headline"] == item["title"]
    assert data["datePublished"].startswith(item["date"].replace(" ", "T"))
    assert data["author"] == {
        "@type": "Person",
        "name": item["author"],
        "url": f"{SITEURL}/author/john-black.html",
    }
    assert data["mainEntityOfPage"]["@id"] == article_url(item["slug"])
    assert data["publisher"]["@type"] == "Organization"
    assert tree.xpath("//meta[@property='og:type']/@content") == ["article"]
    assert tree.xpath("//h1/text()") == [item["title"]]
    assert tree.xpath("//time/@datetime")[0] == data["datePublished"]


def test_every_internal_link_resolves(built_site):
    assert LinkChecker(built_site.output, SITEURL).check() == []


def test_link_checker_reports_missing_files_and_fragments(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "index.html").write_text('<p id="here">x</p>')
    (tmp_path / "sub" / "page.html").write_text(
        '<a href="../index.html#here">ok</a> <a href="/">ok</a> <a href="#nowhere">bad</a>'
        f' <a href="{SITEURL}/gone.html">bad</a> <img src="pic.png">'
        ' <a href="https://elsewhere.test/x">external</a> <a href="mailto:a@b.test">mail</a>'
    )
    problems = LinkChecker(tmp_path, SITEURL).check()
    assert problems == [
        "sub/page.html: #nowhere -> no id 'nowhere'",
        f"sub/page.html: {SITEURL}/gone.html -> no file gone.html",
        "sub/page.html: pic.png -> no file sub/pic.png",
    ]
