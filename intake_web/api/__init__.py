from flask import Blueprint

bp = Blueprint("api", __name__)

from intake_web.api import views  # noqa: E402,F401
