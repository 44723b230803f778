"""Listing pages link a window of pages (first, last, a few around), not every page."""

import pytest
from linkcheck import LinkChecker
from sitebuild import SITEURL
from sitebuild import build
from sitebuild import copied_content
from sitebuild import parse_html

from leadform.pagination import page_window

PAGES = 12


@pytest.mark.parametrize(
    ("current", "last", "window"),
    [
        (1, 1, [1]),
        (1, 2, [1, 2]),
        (2, 2, [1, 2]),
        (1, 7, [1, 2, 3, None, 7]),
        (4, 7, [1, 2, 3, 4, 5, 6, 7]),
        (5, 10, [1, 2, 3, 4, 5, 6, 7, None, 10]),
        (6, 12, [1, None, 4, 5, 6, 7, 8, None, 12]),
        (12, 12, [1, None, 10, 11, 12]),
        (300, 667, [1, None, 298, 299, 300, 301, 302, None, 667]),
    ],
)
def test_window_keeps_first_last_and_two_each_side(current, last, window):
    assert page_window(current, last) == window


@pytest.mark.parametrize("last", [1, 2, 9, 10, 667])
def test_window_never_links_more_than_nine_pages(last):
    assert max(len([n for n in page_window(c, last) if n]) for c in range(1, last + 1)) <= 9


@pytest.fixture(scope="module")
def many_pages(tmp_path_factory):
    """The real pages and one real article copied twelve times, one article per page."""
    content = copied_content(tmp_path_factory.mktemp("content"), PAGES)
    output = tmp_path_factory.mktemp("site")
    warnings = build(output, PATH=str(content), DEFAULT_PAGINATION=1)
    assert [record.getMessage() for record in warnings] == []
    return output


def page_name(number: int) -> str:
    return "index.html" if number == 1 else f"index{number}.html"


@pytest.mark.slow
def test_middle_page_links_its_window_and_marks_itself(many_pages):
    tree = parse_html((many_pages / page_name(6)).read_text(encoding="utf-8"))
    nav = tree.xpath("//nav[@aria-label='Pages of articles']")[0]
    numbered = nav.xpath(".//a[not(@rel)]")
    assert [a.xpath("string()").replace("Page ", "") for a in numbered] == [
        "1", "4", "5", "6", "7", "8", "12"]
    assert [a.get("href") for a in numbered] == [
        f"{SITEURL}/{page_name(n)}" for n in (1, 4, 5, 6, 7, 8, 12)]
    assert nav.xpath(".//a[@aria-current='page']/@href") == [f"{SITEURL}/index6.html"]
    assert len(nav.xpath(".//li[@aria-hidden='true']")) == 2
    assert nav.xpath(".//a[@rel='prev']/@href") == [f"{SITEURL}/index5.html"]
    assert nav.xpath(".//a[@rel='next']/@href") == [f"{SITEURL}/index7.html"]


@pytest.mark.slow
def test_every_page_link_resolves(many_pages):
    assert LinkChecker(many_pages, SITEURL).check() == []
