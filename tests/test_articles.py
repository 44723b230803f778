"""capture.articles: the site's article titles by slug, from the Markdown front matter."""

from pathlib import Path

import pytest

from capture import articles
from tests.conftest import make_app

CONTENT = Path(__file__).resolve().parent.parent / "content" / "articles"

ARTICLE = """Title: The Dirty Little Secret about Referrals and Internet Leads!
Date: 2012-04-17 09:00
Slug: dirty-little-secret-about-referrals-and-internet-leads
Summary: Title: not this one.

Slug: body-text-is-not-metadata
"""


def test_front_matter_is_the_key_value_block_before_the_first_blank_line():
    meta = articles.front_matter(ARTICLE)
    assert meta["title"] == "The Dirty Little Secret about Referrals and Internet Leads!"
    assert meta["slug"] == "dirty-little-secret-about-referrals-and-internet-leads"
    assert meta["summary"] == "Title: not this one."
    assert "body-text-is-not-metadata" not in meta.values()


@pytest.mark.parametrize(("text", "expected"), [
    ("\ufeffTitle: With a BOM\nSlug: bom\n\nBody", {"bom": "With a BOM"}),
    ("title: Lower-case keys\nslug: lower\n", {"lower": "Lower-case keys"}),
    ("Title: No slug, so no guess\n\nBody", {}),
    ("Slug: no-title\n\nBody", {}),
    ("# A heading first\nTitle: Not metadata\nSlug: nope\n", {}),
])
def test_titles_from_texts(text, expected):
    assert articles.titles_from({"a.md": text}) == expected


def test_read_titles_reads_every_markdown_file_of_the_folder(tmp_path):
    (tmp_path / "one.md").write_text("Title: One\nSlug: one\n\nText", encoding="utf-8")
    (tmp_path / "two.md").write_text("Title: Two’s title\nSlug: two\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Title: Not an article\nSlug: txt\n")
    assert articles.read_titles(tmp_path) == {"one": "One", "two": "Two’s title"}


def test_a_missing_folder_is_an_empty_map(tmp_path):
    assert articles.read_titles(tmp_path / "nowhere") == {}


def test_the_sites_own_articles_all_have_titles():
    titles = articles.read_titles(CONTENT)
    assert titles["what-is-a-qualified-sales-lead"] == "What Is A Qualified Sales Lead?"
    assert len(titles) == len(list(CONTENT.glob("*.md")))


def test_an_unknown_slug_reads_as_itself():
    assert articles.title({"a": "A title"}, "a") == "A title"
    assert articles.title({"a": "A title"}, "cold-calling") == "cold-calling"


def test_the_app_reads_the_folder_named_by_capture_content_dir(tmp_path, monkeypatch,
                                                               database_url):
    (tmp_path / "x.md").write_text("Title: From the setting\nSlug: x\n", encoding="utf-8")
    monkeypatch.setenv("CAPTURE_CONTENT_DIR", str(tmp_path))
    assert make_app(database_url).extensions["article_titles"] == {"x": "From the setting"}
    monkeypatch.setenv("CAPTURE_CONTENT_DIR", str(tmp_path / "missing"))
    assert make_app(database_url).extensions["article_titles"] == {}
    monkeypatch.delenv("CAPTURE_CONTENT_DIR")
    assert make_app(database_url).extensions["article_titles"] == articles.read_titles(CONTENT)
