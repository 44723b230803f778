"""Markdown files read with one Markdown instance per reader, not a new one per file.

Pelican's MarkdownReader builds a fresh ``markdown.Markdown`` for every file:
loading the extensions (``extra`` alone is seven) and building the block,
inline and tree processors again each time, a fifth of the time spent reading
an article, 2,000 times over. Python-Markdown is made to be reused:
``Markdown.reset()`` clears what one document left behind (the HTML stash,
the references, each extension's own state, ``Meta``), and Pelican itself
resets the instance before converting a formatted field such as the summary.

The one thing a reset does not restore is the ``meta`` preprocessor, which
Pelican's ``_parse_metadata`` removes so that a summary's first line is not
taken for metadata. It is put back, at the priority the Meta extension gave
it, before the next file.
"""

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

__all__ = ["ReusingMarkdownReader", "use_reusing_reader"]

META = "meta"


class ReusingMarkdownReader(MarkdownReader):
    """MarkdownReader with one Markdown instance, reset between files."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shared: Markdown | None = None
        self._meta: tuple[object, float] | None = None

    def ready_markdown(self) -> Markdown:
        """The reader's Markdown instance, as a new one would be: reset, ``meta`` registered."""
        if self._shared is None:
            self._shared = Markdown(**self.settings["MARKDOWN"])
            registry = self._shared.preprocessors
            self._meta = (registry[META],
                          registry._priority[registry.get_index_for_name(META)].priority)
            return self._shared
        self._shared.reset()
        if META not in self._shared.preprocessors:
            preprocessor, priority = self._meta
            self._shared.preprocessors.register(preprocessor, META, priority)
        return self._shared

    def read(self, source_path):
        """Content and metadata of one Markdown file, as MarkdownReader gives them."""
        self._source_path = source_path
        self._md = self.ready_markdown()
        with pelican_open(source_path) as text:
            content = self._md.convert(text)
        return content, self._parse_metadata(getattr(self._md, "Meta", {}))


def use_reusing_reader(readers) -> None:
    """readers_init: read every extension MarkdownReader reads with the reusing reader."""
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is MarkdownReader:
            readers.reader_classes[extension] = ReusingMarkdownReader
