"""The migrations are the schema: one head, and nothing in the models that a migration lacks."""
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from intake_web.extensions import db

MIGRATIONS = Path(__file__).resolve().parents[2] / "intake_web" / "migrations"


def _scripts() -> ScriptDirectory:
    config = Config(str(MIGRATIONS / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config)


def test_migrations_have_exactly_one_head():
    assert len(_scripts().get_heads()) == 1, "two migrations share a parent: run `flask db merge heads`"


def test_models_and_migrations_describe_the_same_schema(app):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, db.metadata)
    assert differences == [], "models changed without a migration: run `flask --app intake_web db migrate`"
