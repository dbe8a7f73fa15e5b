"""The intake web application: the only public surface of the service.

    flask --app intake_web run          (development server)
    gunicorn 'intake_web:create_app()'  (production)
"""
from flask import Flask

from intake_web.council_config import load_council_config
from intake_web.extensions import csrf, db, migrate
from intake_web.settings import Config, config_for_environment


def create_app(config: Config | dict | None = None) -> Flask:
    """Build the application; `config` overrides the environment's settings (tests pass one)."""
    app = Flask(__name__)
    app.config.from_object(config_for_environment())
    if isinstance(config, dict):
        app.config.update(config)
    elif config is not None:
        app.config.from_object(config)

    from intake_web.logging_setup import init_logging

    if not app.testing:
        init_logging()
    council = load_council_config(app.config["CONFIG_DIR"])
    _refuse_placeholder_contacts_in_production(app, council)
    app.extensions["council"] = council

    db.init_app(app)
    migrate.init_app(app, db, directory=str(app.root_path + "/migrations"), render_as_batch=True)
    csrf.init_app(app)

    from intake_web import cli, compression, errors, security, templating

    security.init_app(app)
    compression.init_app(app)
    templating.init_app(app)
    errors.init_app(app)
    cli.init_app(app)
    _register_blueprints(app)
    from intake_web import staff  # the officers' console: sign-in, rate limit, /staff/ pages, its CLI

    staff.init_app(app)
    return app


def _refuse_placeholder_contacts_in_production(app: Flask, council) -> None:
    from intake_web.council_config import PLACEHOLDER_OUT_OF_HOURS

    if app.config["ENVIRONMENT"] == "production" and council.contacts["out_of_hours_phone"] == PLACEHOLDER_OUT_OF_HOURS:
        raise RuntimeError("config/council.yaml still has the placeholder out-of-hours number: set the real one")


def _register_blueprints(app: Flask) -> None:
    from intake_web.api import bp as api_bp
    from intake_web.health import bp as health_bp
    from intake_web.public import bp as public_bp

    app.register_blueprint(health_bp)
    app.register_blueprint(api_bp, url_prefix="/api/v1")
    csrf.exempt(api_bp)
    app.register_blueprint(public_bp)
    from intake_web import chat, sms  # the web chat and Twilio's webhooks (each marks its own CSRF-free views)
    app.register_blueprint(chat.bp)
    app.register_blueprint(sms.bp)
    from intake_web.reports.dashboard import bp as reports_bp  # the managers' dashboard, /staff/dashboard

    app.register_blueprint(reports_bp)
