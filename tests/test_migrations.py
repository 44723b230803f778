"""The migrations build exactly the schema the models describe (indexes included),
so an index added to a model without its migration, or the reverse, fails here."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from capture.extensions import db


def test_the_migrated_database_matches_the_models(app):
    with app.app_context(), db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert differences == []
