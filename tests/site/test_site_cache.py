"""Pelican's content cache works with our plugin, at both of its caching layers.

"reader" (the default) keeps each file's HTML and metadata; "generator" keeps
whole article and page objects, and a page's object reaches every article
through the shared context, with whatever the plugin hung on them. When the
plugin linked articles to each other (older, newer, related), that made one
chain through the whole site, and pickle followed it until Python's
recursion limit stopped the build (at about 600 articles).
"""

import os

import pytest
from sitebuild import build
from sitebuild import copied_content

pytestmark = pytest.mark.slow

UNREAD = "A sentence the cached build must not see."
EDITED = "A sentence the rebuild must show."


def messages(records) -> list[str]:
    return [record.getMessage() for record in records]


def cache_settings(tmp_path, layer: str) -> dict:
    return {
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "CACHE_PATH": str(tmp_path / "cache"),
        "CONTENT_CACHING_LAYER": layer,
    }


def append(path, text: str, later_by_ns: int) -> None:
    """Add text to a file and set its modification time, which is all the cache compares."""
    stamp = path.stat()
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + later_by_ns))


@pytest.mark.parametrize("layer", ["reader", "generator"])
def test_rebuild_reads_only_the_article_that_changed(tmp_path, layer):
    content = copied_content(tmp_path / "content", 5)
    settings = cache_settings(tmp_path, layer) | {"PATH": str(content)}
    assert messages(build(tmp_path / "first", **settings)) == []
    # Same timestamp: only a build that took copy-1 from the cache misses the new text.
    append(content / "articles" / "copy-1.md", f"\n{UNREAD}\n", later_by_ns=0)
    append(content / "articles" / "copy-2.md", f"\n{EDITED}\n", later_by_ns=10**9)

    assert messages(build(tmp_path / "second", **settings)) == []
    assert UNREAD not in (tmp_path / "second" / "copy-1.html").read_text(encoding="utf-8")
    assert EDITED in (tmp_path / "second" / "copy-2.html").read_text(encoding="utf-8")


def test_generator_cache_of_a_large_site_is_saved_and_used(tmp_path):
    content = copied_content(tmp_path / "content", 800, body="A short article.\n")
    settings = cache_settings(tmp_path, "generator") | {
        "PATH": str(content), "DEFAULT_PAGINATION": 100}
    assert messages(build(tmp_path / "first", **settings)) == []
    append(content / "articles" / "copy-1.md", f"\n{UNREAD}\n", later_by_ns=0)

    assert messages(build(tmp_path / "second", **settings)) == []
    assert UNREAD not in (tmp_path / "second" / "copy-1.html").read_text(encoding="utf-8")
