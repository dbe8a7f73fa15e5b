"""The public feedback journey (web form)."""
from flask import render_template

from intake_web.public import bp


@bp.get("/")
def start():
    return render_template("public/start.html")
