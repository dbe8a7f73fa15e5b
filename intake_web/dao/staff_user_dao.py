"""Staff accounts for the console."""
from datetime import datetime, timezone

import sqlalchemy as sa

from intake_web.extensions import db
from intake_web.models import StaffUser


def dao_fetch_staff_user_by_id(user_id: int) -> StaffUser | None:
    """Return the account with this id, or None."""
    return db.session.get(StaffUser, user_id)


def dao_fetch_staff_user_by_email(email: str) -> StaffUser | None:
    """Return the account with this email address (compared without case), or None."""
    return db.session.scalar(sa.select(StaffUser).where(sa.func.lower(StaffUser.email) == email.strip().lower()))


def dao_fetch_all_staff_users() -> list[StaffUser]:
    """Return every account, active ones first, by email address."""
    return list(db.session.scalars(
        sa.select(StaffUser).order_by(StaffUser.is_active_account.desc(), StaffUser.email)
    ))


def dao_count_active_admins() -> int:
    """Count the active administrators (there must always be one)."""
    return db.session.scalar(sa.select(sa.func.count()).select_from(StaffUser).where(
        StaffUser.role == "admin", StaffUser.is_active_account.is_(True))) or 0


def dao_create_staff_user(*, email: str, password_hash: str, role: str, team: str | None = None,
                          name: str | None = None) -> StaffUser:
    """Add an account to the current transaction (the caller commits, with its audit event)."""
    user = StaffUser(email=email.strip().lower(), password_hash=password_hash, role=role, team=team, name=name,
                     is_active_account=True)
    db.session.add(user)
    db.session.flush()
    return user


def dao_record_sign_in(user: StaffUser) -> None:
    """Note when the account last signed in (the caller commits)."""
    user.last_login_at = datetime.now(timezone.utc)
