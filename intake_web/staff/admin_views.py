"""Administrators' pages: staff accounts, and the council's settings as the service reads them."""
from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from intake_web.dao.case_dao import dao_save_case_change
from intake_web.dao.staff_user_dao import (
    dao_count_active_admins,
    dao_create_staff_user,
    dao_fetch_all_staff_users,
    dao_fetch_staff_user_by_email,
    dao_fetch_staff_user_by_id,
)
from intake_web.staff import bp
from intake_web.staff.auth import ROLE_ADMIN, ROLE_LABELS, ROLE_TEAM_MANAGER, hash_password, role_required
from intake_web.staff.forms import EditUserForm, NewUserForm, as_choices

admin_only = role_required(ROLE_ADMIN)
LAST_ADMIN_MESSAGE = ("There must always be one administrator who can sign in. "
                      "Make someone else an administrator first")


def _team_choices():
    teams = current_app.extensions["council"].teams
    return as_choices([("", "None")] + [(key, team.name) for key, team in teams.items()])


def _check_team(form) -> bool:
    if form.role.data == ROLE_TEAM_MANAGER and not form.team.data:
        form.team.errors = [*form.team.errors, "Choose the team this manager manages"]
        return False
    return True


@bp.get("/admin/users")
@admin_only
def admin_users():
    return render_template("staff/admin-users.html", users=dao_fetch_all_staff_users(), role_labels=ROLE_LABELS,
                           teams=current_app.extensions["council"].teams)


@bp.route("/admin/users/new", methods=["GET", "POST"])
@admin_only
def admin_new_user():
    form = NewUserForm()
    form.team.choices = _team_choices()
    if form.validate_on_submit() and _check_team(form):
        if dao_fetch_staff_user_by_email(form.email.data):
            form.email.errors = [*form.email.errors, "There is already an account with this email address"]
        else:
            team = form.team.data if form.role.data == ROLE_TEAM_MANAGER else None
            user = dao_create_staff_user(email=form.email.data, password_hash=hash_password(form.password.data),
                                         role=form.role.data, team=team, name=form.name.data)
            dao_save_case_change(current_user.email, "user-created", None,
                                 {"user": user.email, "role": user.role, "team": team})
            flash(f"Account created for {user.email}.", "success")
            return redirect(url_for("staff.admin_users"))
    return render_template("staff/admin-user-form.html", form=form, title="Add a user", button="Add the user")


@bp.route("/admin/users/<int:user_id>", methods=["GET", "POST"])
@admin_only
def admin_edit_user(user_id: int):
    user = dao_fetch_staff_user_by_id(user_id)
    if user is None:
        abort(404)
    form = EditUserForm()
    form.team.choices = _team_choices()
    if not form.is_submitted():
        form.name.data, form.role.data, form.team.data = user.name, user.role, user.team or ""
        form.active.data = "yes" if user.is_active_account else "no"
    elif form.validate() and _check_team(form):
        active = form.active.data == "yes"
        losing_admin = (user.role == ROLE_ADMIN and user.is_active_account
                        and (form.role.data != ROLE_ADMIN or not active))
        if losing_admin and dao_count_active_admins() <= 1:
            form.role.errors = [*form.role.errors, LAST_ADMIN_MESSAGE]
        else:
            changes = {}
            team = form.team.data if form.role.data == ROLE_TEAM_MANAGER else None
            for attribute, value in (("name", form.name.data), ("role", form.role.data), ("team", team),
                                     ("is_active_account", active)):
                if getattr(user, attribute) != value:
                    changes[attribute] = {"from": getattr(user, attribute), "to": value}
                    setattr(user, attribute, value)
            if form.password.data:
                user.password_hash = hash_password(form.password.data)
                changes["password"] = "reset"
            dao_save_case_change(current_user.email, "user-changed", None, {"user": user.email, "changes": changes})
            flash(f"Account for {user.email} saved.", "success")
            return redirect(url_for("staff.admin_users"))
    return render_template("staff/admin-user-form.html", form=form, title=f"Change {user.email}", button="Save",
                           user=user)


@bp.get("/admin/settings")
@admin_only
def admin_settings():
    council = current_app.extensions["council"]
    return render_template("staff/admin-settings.html", config_dir=council.config_dir, teams=council.teams,
                           timescales=council.timescales, provider=council.council["advocacy_provider"],
                           head_of_service=council.council.get("head_of_service_email"),
                           duty_team=council.council.get("duty_team_email"),
                           session_minutes=int(current_app.permanent_session_lifetime.total_seconds() // 60),
                           login_limit=current_app.config["STAFF_LOGIN_RATE_LIMIT"],
                           login_limit_per_address=current_app.config["STAFF_LOGIN_RATE_LIMIT_PER_ADDRESS"],
                           secure_cookies=current_app.config.get("SESSION_COOKIE_SECURE"),
                           update_templates=council.messages.get("case_updates", {}))
