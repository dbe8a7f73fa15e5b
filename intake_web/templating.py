"""Jinja set-up: our templates first, then GOV.UK Frontend's component macros."""
from flask import Flask
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader

from intake_web.intake import format_date


def init_app(app: Flask) -> None:
    app.jinja_loader = ChoiceLoader([
        PackageLoader("intake_web"),
        PrefixLoader({
            "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
            "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
        }),
    ])
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.filters["govuk_date"] = lambda day: format_date(day) if day else ""

    @app.context_processor
    def inject_council():
        council = app.extensions["council"]
        return {"council": council.council, "contacts": council.contacts, "taxonomy": council.taxonomy}
