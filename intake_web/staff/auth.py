"""Staff sign-in for the console: Flask-Login sessions, argon2 password hashes, roles and the login rate limit.

Other blueprints that live under /staff/ (the reports dashboard) protect their views with the two
decorators here and extend templates/staff/staff_base.html:

    from intake_web.staff.auth import role_required, staff_login_required

    @bp.get("/staff/dashboard")
    @role_required("officer", "team_manager")
    def dashboard(): ...

Sessions end after PERMANENT_SESSION_LIFETIME seconds (30 minutes) without a request: the session
cookie is permanent, re-signed on every request, and its signature carries a timestamp that Flask
refuses once it is older than the lifetime. We also keep our own "last seen" time so that the person
is told why they were signed out.
"""
import hashlib
import hmac
import time
from collections.abc import Callable
from functools import wraps

import argon2
from flask import Flask, abort, current_app, flash, redirect, request, session, url_for
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import AnonymousUserMixin, LoginManager, UserMixin, current_user, logout_user

from intake_web.models import FeedbackItem, StaffUser

ROLE_OFFICER = "officer"
ROLE_TEAM_MANAGER = "team_manager"
ROLE_ADMIN = "admin"
ROLES = (ROLE_OFFICER, ROLE_TEAM_MANAGER, ROLE_ADMIN)
ROLE_LABELS = {
    ROLE_OFFICER: "Complaints officer (all cases)",
    ROLE_TEAM_MANAGER: "Team manager (their team's cases)",
    ROLE_ADMIN: "Administrator (users and settings)",
}
# Roles that work on cases. An administrator manages accounts and settings only.
CASE_ROLES = (ROLE_OFFICER, ROLE_TEAM_MANAGER)

SESSION_LAST_SEEN = "staff_last_seen"

login_manager = LoginManager()
login_manager.login_view = "staff.login"
login_manager.login_message = "Sign in to use the complaints console."
login_manager.login_message_category = "info"
# "strong": a session cookie replayed from another browser or address is dropped.
login_manager.session_protection = "strong"

# Storage comes from RATELIMIT_STORAGE_URI (memory:// by default, which is per process: use
# redis:// or memcached:// when running more than one gunicorn worker).
limiter = Limiter(key_func=get_remote_address)


class SignedInStaff(UserMixin):
    """The signed-in member of staff, as Flask-Login sees them; reads fall through to the StaffUser row."""

    def __init__(self, user: StaffUser) -> None:
        self.user = user

    def __getattr__(self, name: str):
        return getattr(self.user, name)

    @property
    def is_active(self) -> bool:
        return bool(self.user.is_active_account)

    def get_id(self) -> str:
        # The fingerprint changes with the password hash, so a password reset ends every other session.
        return f"{self.user.id}:{password_fingerprint(self.user)}"

    @property
    def display_name(self) -> str:
        return self.user.name or self.user.email


class AnonymousStaff(AnonymousUserMixin):
    role = None
    team = None
    email = None
    display_name = ""


login_manager.anonymous_user = AnonymousStaff


def password_fingerprint(user: StaffUser) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, (user.password_hash or "").encode(), hashlib.sha256).hexdigest()[:20]


@login_manager.user_loader
def _load_user(user_id: str) -> SignedInStaff | None:
    from intake_web.dao.staff_user_dao import dao_fetch_staff_user_by_id

    raw_id, _, fingerprint = user_id.partition(":")
    if not raw_id.isdigit():
        return None
    user = dao_fetch_staff_user_by_id(int(raw_id))
    if user is None or not user.is_active_account:
        return None
    if not hmac.compare_digest(fingerprint, password_fingerprint(user)):
        return None
    return SignedInStaff(user)


def password_hasher() -> argon2.PasswordHasher:
    """Return the argon2id hasher; STAFF_PASSWORD_HASHING = "cheapest" makes tests fast (never in production)."""
    if current_app.config.get("STAFF_PASSWORD_HASHING") == "cheapest" and current_app.config.get("TESTING"):
        return argon2.PasswordHasher.from_parameters(argon2.profiles.CHEAPEST)
    return argon2.PasswordHasher()


def hash_password(password: str) -> str:
    return password_hasher().hash(password)


# Checked against when no account has the email address, so that an unknown address takes as long.
_DUMMY_HASH: dict[str, str] = {}


def verify_password(user: StaffUser | None, password: str) -> bool:
    """Check `password` against the user's hash (or a dummy one, taking the same time, when there is no user)."""
    hasher = password_hasher()
    if user is None:
        key = repr(hasher.time_cost) + repr(hasher.memory_cost)
        dummy = _DUMMY_HASH.setdefault(key, hasher.hash("no account has this address"))
        try:
            hasher.verify(dummy, password + "x")
        except argon2.exceptions.VerificationError:
            pass
        return False
    try:
        return hasher.verify(user.password_hash, password)
    except (argon2.exceptions.VerificationError, argon2.exceptions.InvalidHashError):
        return False


def can_open_case(user, item: FeedbackItem) -> bool:
    """Officers open every case; a team manager only their own team's."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.role == ROLE_OFFICER:
        return True
    if user.role == ROLE_TEAM_MANAGER:
        return bool(user.team) and item.service_area == user.team
    return False


def staff_login_required(view: Callable) -> Callable:
    """Let a signed-in member of staff through; send anyone else to the sign-in page."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        return view(*args, **kwargs)
    return wrapped


def role_required(*roles: str) -> Callable:
    """Let a signed-in member of staff with one of `roles` through; others get 403 (and an audit event)."""
    unknown = set(roles) - set(ROLES)
    if unknown or not roles:
        raise ValueError(f"role_required needs roles from {ROLES}, not {sorted(unknown) or 'none'}")

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in roles:
                _audit_refusal("role")
                abort(403)
            return view(*args, **kwargs)
        return wrapped
    return decorator


def _audit_refusal(reason: str, item: FeedbackItem | None = None) -> None:
    from intake_web.dao.audit_dao import dao_record_audit_event
    from intake_web.extensions import db

    dao_record_audit_event(current_user.email, "access-refused", item,
                           {"reason": reason, "path": request.path[:200], "role": current_user.role})
    db.session.commit()


def refuse_case(item: FeedbackItem) -> None:
    """Audit and refuse a signed-in user who may not open this case (403)."""
    _audit_refusal("team", item)
    abort(403)


def _keep_session_fresh():
    """On every /staff/ request: sign out after the idle limit, otherwise note the time and renew the cookie."""
    if not request.path.startswith("/staff/"):
        return None
    session.permanent = True
    now = time.time()
    if current_user.is_authenticated:
        last_seen = session.get(SESSION_LAST_SEEN)
        lifetime = current_app.permanent_session_lifetime.total_seconds()
        if last_seen is not None and now - float(last_seen) > lifetime:
            logout_user()
            session.clear()
            flash("You were signed out because you did nothing for 30 minutes. Sign in again.", "info")
            return redirect(url_for("staff.login", next=request.path if request.method == "GET" else None))
    session[SESSION_LAST_SEEN] = now
    return None


def sign_in_attempt_key() -> str:
    """Rate-limit key for one account from one address, so colleagues behind one council address are not
    locked out by each other (the looser per-address limit still stops guessing across many accounts)."""
    email = (request.form.get("email") or "").strip().lower()[:320]
    return f"{get_remote_address()}|{email}"


def init_app(app: Flask) -> None:
    app.config.setdefault("RATELIMIT_STORAGE_URI", "memory://")
    # Sign-in POSTs allowed for one account from one address, and from one address in all.
    app.config.setdefault("STAFF_LOGIN_RATE_LIMIT", "10 per minute")
    app.config.setdefault("STAFF_LOGIN_RATE_LIMIT_PER_ADDRESS", "30 per minute")
    # Flask refreshes a permanent session's cookie on each request by default; say so rather than rely on it.
    app.config.setdefault("SESSION_REFRESH_EACH_REQUEST", True)
    login_manager.init_app(app)
    limiter.init_app(app)
    app.before_request(_keep_session_fresh)
