"""Error pages and JSON errors: every failure says what to do next."""
from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from intake_web.extensions import db


def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.path.startswith("/chat/messages") \
        or request.accept_mimetypes.best == "application/json"


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if _wants_json():
            return jsonify(errors=[{"field": None, "message": error.description}]), error.code
        return render_template("errors/error.html", error=error), error.code

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        db.session.rollback()
        app.logger.error("unhandled %s on %s", type(error).__name__, request.endpoint)
        if _wants_json():
            return jsonify(errors=[{"field": None, "message": "Something went wrong on our side. Please try again."}]), 500
        return render_template("errors/error.html", error=None), 500
