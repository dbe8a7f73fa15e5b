"""Flask extensions, created unbound and attached in create_app()."""
import sqlalchemy as sa
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    # Named constraints so that Alembic migrations work the same on SQLite and PostgreSQL.
    metadata = sa.MetaData(naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    })


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
csrf = CSRFProtect()


@sa.event.listens_for(sa.engine.Engine, "connect")
def _sqlite_settings(dbapi_connection, _connection_record) -> None:
    """SQLite (the embedded default for `make run`) as a small web server's database.

    WAL lets people read while someone else's message is being written, and each commit
    costs one sync of the log instead of two; busy_timeout makes a writer wait its turn
    for up to five seconds instead of failing with "database is locked" when gunicorn's
    workers write at once. Durability is unchanged: synchronous stays FULL.
    """
    import sqlite3

    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout = 5000")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()
