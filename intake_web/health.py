"""GET /healthz: is the application up, and can it reach its database?"""
import sqlalchemy as sa
from flask import Blueprint, jsonify

from intake_web.extensions import db

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    try:
        db.session.execute(sa.text("SELECT 1"))
        database = "ok"
    except Exception as error:  # noqa: BLE001 - report, don't crash
        db.session.rollback()
        database = f"unavailable ({type(error).__name__})"
    status = 200 if database == "ok" else 503
    return jsonify(status="ok" if status == 200 else "degraded", database=database), status
