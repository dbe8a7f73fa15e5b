"""The officers' console under /staff/: sign-in, the queue, case pages and actions, messages kept for officers,
users and settings.

create_app() calls init_app(app), which wires Flask-Login, the login rate limit, this blueprint and
the console's CLI commands (`users`, `digest`, `triage export-corrections`).
"""
from flask import Blueprint, Flask

bp = Blueprint("staff", __name__, url_prefix="/staff")


def init_app(app: Flask) -> None:
    from intake_web.staff import auth, cli

    auth.init_app(app)
    app.register_blueprint(bp)
    cli.init_app(app)


from intake_web.staff import admin_views, case_views, kept_message_views, views  # noqa: F401
