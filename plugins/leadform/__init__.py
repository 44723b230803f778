"""Local Pelican plugin: the lead form, neighbours, related articles, reading time, page links."""

from .leadform import *  # noqa: F403
