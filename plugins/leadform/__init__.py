"""Local Pelican plugin: the lead form, neighbours, related articles, reading time."""

from .leadform import *  # noqa: F403
