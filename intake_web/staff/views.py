"""Signing in and out, the queue, and a member of staff's own password."""
import time
from math import ceil
from urllib.parse import urlencode, urlsplit

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user

from intake_web.constants import STAGES, STATUSES
from intake_web.dao.audit_dao import dao_record_audit_event
from intake_web.dao.case_dao import (
    QueueFilters,
    dao_count_queue_alerts,
    dao_fetch_open_safeguarding_items,
    dao_fetch_queue_page,
    dao_save_case_change,
)
from intake_web.dao.kept_message_dao import dao_count_waiting_kept_messages
from intake_web.dao.staff_user_dao import dao_fetch_staff_user_by_email, dao_record_sign_in
from intake_web.extensions import db
from intake_web.staff import bp
from intake_web.staff.auth import (
    CASE_ROLES,
    ROLE_ADMIN,
    ROLE_OFFICER,
    ROLE_TEAM_MANAGER,
    SESSION_LAST_SEEN,
    SignedInStaff,
    hash_password,
    limiter,
    login_manager,
    password_hasher,
    sign_in_attempt_key,
    staff_login_required,
    verify_password,
)
from intake_web.staff.case_actions import STAGE_LABELS, due_soon_limit, london_today, working_days_left
from intake_web.staff.forms import ChangePasswordForm, LoginForm, QueueFilterForm, as_choices
from intake_web.validators import is_valid_email

# The only console pages anyone may open without signing in.
OPEN_ENDPOINTS = {"staff.login"}
PER_PAGE = 50
STATUS_LABELS = {"received": "Received", "for-triage": "For triage", "open": "Open", "closed": "Closed"}
SIGN_IN_FAILED = "The email address or password is not right"


@bp.before_request
def require_sign_in():
    """Refuse every console page to anyone not signed in, even one a decorator was forgotten on."""
    if request.endpoint in OPEN_ENDPOINTS or current_user.is_authenticated:
        return None
    return login_manager.unauthorized()


@bp.errorhandler(403)
def forbidden(error):
    return render_template("staff/forbidden.html"), 403


@bp.errorhandler(404)
def not_found(error):
    return render_template("staff/not-found.html"), 404


@bp.errorhandler(429)
def too_many_sign_in_attempts(error):
    email = (request.form.get("email") or "").strip()
    dao_record_audit_event(_attempted_actor(email), "sign-in-rate-limited", None,
                           {"ip": request.remote_addr})
    db.session.commit()
    form = LoginForm(formdata=None)
    form.email.data = email[:320]
    return render_template("staff/login.html", form=form, rate_limited=True), 429


def _attempted_actor(email: str) -> str:
    # Only something that looks like an address is kept: a password typed into the wrong box is not.
    return email.lower()[:320] if is_valid_email(email) else "(not an email address)"


def _safe_next(target: str | None) -> str | None:
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith("/staff/") or target.startswith("//"):
        return None
    return target


def _home_for(user) -> str:
    return url_for("staff.admin_users") if user.role == ROLE_ADMIN else url_for("staff.queue")


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["STAFF_LOGIN_RATE_LIMIT"], key_func=sign_in_attempt_key, methods=["POST"])
@limiter.limit(lambda: current_app.config["STAFF_LOGIN_RATE_LIMIT_PER_ADDRESS"], methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(_home_for(current_user))
    form = LoginForm()
    failed = False
    if form.validate_on_submit():
        user = dao_fetch_staff_user_by_email(form.email.data)
        if verify_password(user, form.password.data) and user.is_active_account:
            hasher = password_hasher()
            if hasher.check_needs_rehash(user.password_hash):
                user.password_hash = hash_password(form.password.data)
            next_url = _safe_next(request.args.get("next"))
            session.clear()  # no session data survives from before sign-in
            login_user(SignedInStaff(user))
            session.permanent = True
            session[SESSION_LAST_SEEN] = time.time()
            dao_record_sign_in(user)
            dao_save_case_change(user.email, "signed-in", None, {"ip": request.remote_addr})
            return redirect(next_url or _home_for(user))
        reason = "no-account" if user is None else ("wrong-password" if user.is_active_account else "account-closed")
        dao_save_case_change(_attempted_actor(form.email.data), "sign-in-failed", None,
                             {"reason": reason, "ip": request.remote_addr})
        failed = True
    return render_template("staff/login.html", form=form, failed=failed, failed_message=SIGN_IN_FAILED)


@bp.post("/logout")
@staff_login_required
def logout():
    dao_save_case_change(current_user.email, "signed-out", None, None)
    logout_user()
    session.clear()
    flash("You have signed out.", "success")
    return redirect(url_for("staff.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@staff_login_required
def account_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if not verify_password(current_user.user, form.current_password.data):
            form.current_password.errors.append("Your current password is not right")
        else:
            current_user.user.password_hash = hash_password(form.new_password.data)
            dao_save_case_change(current_user.email, "password-changed", None, None)
            # The session's id includes a fingerprint of the hash: sign in again with the new one.
            login_user(SignedInStaff(current_user.user))
            flash("Your password has been changed.", "success")
            return redirect(_home_for(current_user))
    return render_template("staff/account-password.html", form=form)


def _queue_choices(form: QueueFilterForm, council) -> None:
    taxonomy = council.taxonomy
    form.category.choices = as_choices([("", "Any")] + [(key, label.split(":")[0])
                                                         for key, label in taxonomy["categories"].items()])
    form.team.choices = as_choices([("", "Any")] + [(key, team.name) for key, team in council.teams.items()])
    form.stage.choices = as_choices([("", "Any"), ("none", "No stage")] + [(stage, STAGE_LABELS[stage])
                                                                          for stage in STAGES])
    form.status.choices = as_choices([("", "Open (not closed)")] + [(status, STATUS_LABELS[status])
                                                                   for status in STATUSES]
                                     + [("all", "Any, including closed")])


@bp.get("/")
@staff_login_required
def queue():
    """Every item, safeguarding pinned at the top, with filters and search; no JavaScript needed."""
    if current_user.role == ROLE_ADMIN:
        return redirect(url_for("staff.admin_users"))
    if current_user.role not in CASE_ROLES:
        abort(403)
    council = current_app.extensions["council"]
    form = QueueFilterForm(request.args)
    _queue_choices(form, council)
    if request.args:
        form.validate()
    def valid(field):
        return None if field.errors else (field.data or None)
    show = set(form.show.data or []) if not form.show.errors else set()
    filters = QueueFilters(category=valid(form.category), team=valid(form.team), stage=valid(form.stage),
                           status=valid(form.status), overdue="overdue" in show, due_soon="due_soon" in show,
                           needs_review="needs_review" in show, search=valid(form.search),
                           sort=valid(form.sort) or "newest")
    team_only = current_user.team or "" if current_user.role == ROLE_TEAM_MANAGER else None
    try:
        page = max(int(request.args.get("page", "1")), 1)
    except ValueError:
        page = 1
    today = london_today()
    soon = due_soon_limit(today)
    rows, total = dao_fetch_queue_page(filters, today=today, due_soon_limit=soon, team_only=team_only,
                                       page=page, per_page=PER_PAGE)
    safeguarding = dao_fetch_open_safeguarding_items(team_only=team_only)
    alerts = dao_count_queue_alerts(today=today, due_soon_limit=soon, team_only=team_only)
    dao_save_case_change(current_user.email, "queue-viewed", None,
                         request.args.to_dict(flat=False) or None)
    pages = max(ceil(total / PER_PAGE), 1)
    args = [(key, value) for key, value in request.args.items(multi=True) if key != "page"]

    def page_url(number: int) -> str:
        return url_for("staff.queue") + "?" + urlencode(args + [("page", number)])

    return render_template(
        "staff/queue.html", form=form, rows=rows, total=total, page=page, pages=pages, page_url=page_url,
        safeguarding=safeguarding, alerts=alerts, today=today, days_left=working_days_left,
        stage_labels=STAGE_LABELS, status_labels=STATUS_LABELS, team_only=team_only,
        filtered=bool(request.args), due_soon_limit=soon, council_teams=council.teams,
        kept_waiting=dao_count_waiting_kept_messages() if current_user.role == ROLE_OFFICER else 0)


@bp.app_context_processor
def inject_staff_navigation():
    """Offer `staff_navigation()` to every template, so pages of other blueprints under /staff/ show it too."""
    def staff_navigation() -> list[dict]:
        if not current_user.is_authenticated:
            return []
        items = []
        if current_user.role in CASE_ROLES:
            items.append({"text": "Queue", "href": url_for("staff.queue")})
            dashboard = _dashboard_endpoint()
            if dashboard:
                items.append({"text": "Dashboard", "href": url_for(dashboard)})
        if current_user.role == ROLE_OFFICER:
            items.append({"text": "Kept messages", "href": url_for("staff.kept_messages")})
        if current_user.role == ROLE_ADMIN:
            items.append({"text": "Users", "href": url_for("staff.admin_users")})
            items.append({"text": "Settings", "href": url_for("staff.admin_settings")})
        items.append({"text": "Change your password", "href": url_for("staff.account_password")})
        for item in items:
            item["current"] = request.path == item["href"]
            item["active"] = item["href"] != url_for("staff.queue") and request.path.startswith(item["href"])
        if current_user.role in CASE_ROLES and request.path.startswith("/staff/cases/"):
            items[0]["active"] = True
        return items
    return {"staff_navigation": staff_navigation}


def _dashboard_endpoint() -> str | None:
    for rule in current_app.url_map.iter_rules():
        if rule.rule in ("/staff/dashboard", "/staff/dashboard/") and "GET" in (rule.methods or ()):
            return rule.endpoint
    return None


@bp.app_template_filter("staff_datetime")
def staff_datetime(moment) -> str:
    """Format a stored time in England's time zone: 6 January 2027, 2:05pm."""
    from datetime import timezone
    from zoneinfo import ZoneInfo

    if moment is None:
        return ""
    if moment.tzinfo is None:  # SQLite hands back UTC times without their zone
        moment = moment.replace(tzinfo=timezone.utc)
    local = moment.astimezone(ZoneInfo("Europe/London"))
    hour = local.hour % 12 or 12
    return f"{local.day} {local:%B %Y}, {hour}:{local:%M}{'am' if local.hour < 12 else 'pm'}"
