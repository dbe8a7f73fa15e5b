"""Human-readable references (CF-2026-00042), unique even under concurrent submissions."""
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from intake_web.constants import REFERENCE_PREFIX
from intake_web.extensions import db
from intake_web.models import ReferenceCounter


def _insert_counter_if_missing(year: int) -> None:
    dialect = db.session.get_bind().dialect.name
    insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}[dialect]
    db.session.execute(insert(ReferenceCounter).values(year=year, last_value=0).on_conflict_do_nothing())


def dao_allocate_reference(year: int) -> str:
    """Return the next reference for `year` inside the caller's transaction.

    The UPDATE ... RETURNING takes a row lock on PostgreSQL (and the database lock on
    SQLite) that is held until the caller commits, so two submissions can never be
    given the same number; a rolled-back submission leaves a gap, never a duplicate.
    """
    _insert_counter_if_missing(year)
    value = db.session.execute(
        sa.update(ReferenceCounter)
        .where(ReferenceCounter.year == year)
        .values(last_value=ReferenceCounter.last_value + 1)
        .returning(ReferenceCounter.last_value)
    ).scalar_one()
    return f"{REFERENCE_PREFIX}-{year}-{value:05d}"
