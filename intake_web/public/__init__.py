from flask import Blueprint

bp = Blueprint("public", __name__)

from intake_web.public import views  # noqa: E402,F401
