"""Pelican's own default theme, able to build our content: the baseline's theme."""

import shutil
from pathlib import Path

import pelican


def stock_theme(folder: Path, pages: Path) -> Path:
    """notmyidea, copied into ``folder``, plus a plain page template (``page.html``
    itself) for each ``Template:`` our pages name (the thank-you page's), without
    which stock Pelican stops on our content."""
    theme = folder / "notmyidea-theme"
    shutil.copytree(Path(pelican.__file__).parent / "themes" / "notmyidea", theme)
    for path in pages.glob("*.md"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.lower().startswith("template:"):
                name = line.split(":", 1)[1].strip()
                (theme / "templates" / f"{name}.html").write_text('{% extends "page.html" %}\n')
    return theme
