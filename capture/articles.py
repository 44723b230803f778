"""The site's articles as the staff pages name them: slug -> title.

A lead's ``source`` is the slug of the article its form sat in (the leadform
plugin sets it), which reads badly in a list ("dirty-little-secret-about-...").
The titles come from the site's own source, the Markdown front matter of
``content/articles/*.md``, read once at start. No Pelican here: the service may
run where the site is not built, so a missing folder is an empty map and slugs
are shown as they are. Standard library only.
"""

from pathlib import Path


def front_matter(text: str) -> dict[str, str]:
    """The ``Key: value`` lines at the top of a Markdown article, up to the first
    blank line, keys lower-cased as Pelican reads them. A line without a colon
    ends the block too (Pelican takes the rest as the body)."""
    meta: dict[str, str] = {}
    for line in text.lstrip("\ufeff").splitlines():
        if not line.strip():
            break
        if line[:1].isspace() and meta:
            continue  # an indented continuation line: not needed for Title or Slug
        key, colon, value = line.partition(":")
        if not colon or not key.strip() or " " in key.strip():
            break
        meta[key.strip().lower()] = value.strip()
    return meta


def titles_from(texts: dict[str, str]) -> dict[str, str]:
    """Slug -> title from articles' texts (keyed by anything, such as the file name).
    An article without a Slug is left out: Pelican would derive it from the title
    with its own rules, and a wrong guess would name the wrong article."""
    titles = {}
    for text in texts.values():
        meta = front_matter(text)
        if meta.get("slug") and meta.get("title"):
            titles[meta["slug"]] = meta["title"]
    return titles


def read_titles(directory: str | Path) -> dict[str, str]:
    """Slug -> title for every ``*.md`` in ``directory``; {} if it does not exist."""
    folder = Path(directory)
    if not folder.is_dir():
        return {}
    texts = {path.name: path.read_text(encoding="utf-8", errors="replace")
             for path in sorted(folder.glob("*.md")) if path.is_file()}
    return titles_from(texts)


def title(titles: dict[str, str], slug: str) -> str:
    """The article's title, or the slug itself for an article the map does not know."""
    return titles.get(slug, slug)
