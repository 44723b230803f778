"""The capture service: receives the article forms, screens and stores leads, and
carries them through review and follow-up.

The package root stays light on purpose: the Pelican build imports
``capture.contract`` and must not load Flask, SQLAlchemy or Alembic on the way.
``create_app`` (what ``flask --app capture`` looks for) is fetched from
``capture.app`` only when someone asks for it.
"""

__all__ = ["ConfigurationError", "create_app"]


def __getattr__(name: str):
    if name in __all__:
        from capture import app

        return getattr(app, name)
    raise AttributeError(f"module 'capture' has no attribute {name!r}")
