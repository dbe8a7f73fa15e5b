"""SQLite, the embedded default, is set up for a web server with several workers."""
import sqlalchemy as sa

from intake_web.extensions import db


def test_a_sqlite_connection_uses_the_write_ahead_log_and_waits_for_a_busy_writer(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'case-store.sqlite3'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL: no loss on power failure
    engine.dispose()


def test_the_application_database_gets_the_same_settings_when_it_is_a_sqlite_file(tmp_path):
    from intake_web import create_app
    from intake_web.settings import Test

    app = create_app({**{key: getattr(Test, key) for key in dir(Test) if key.isupper()},
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'app.sqlite3'}"})
    with app.app_context():
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        db.engine.dispose()
