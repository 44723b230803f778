"""The plugin's reusing Markdown reader reads every file as Pelican's own reader does."""

from pelican.readers import MarkdownReader
from pelican.settings import read_settings
from sitebuild import CONTENT
from sitebuild import ROOT

from leadform.reader import ReusingMarkdownReader


def test_one_markdown_instance_reads_every_file_as_a_fresh_one_would():
    """Files read one after another, twice over, so state one leaves behind would show."""
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    files = sorted(CONTENT.glob("*/*.md")) * 2
    fresh, reusing = MarkdownReader(settings), ReusingMarkdownReader(settings)
    for path in files:
        assert reusing.read(str(path)) == fresh.read(str(path)), path.name
