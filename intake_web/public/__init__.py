"""The public blueprint: the start page and the feedback form (see views.py)."""
from flask import Blueprint
from govuk_frontend_wtf.main import wtforms_errors

bp = Blueprint("public", __name__)


@bp.record_once
def _set_up(state) -> None:
    # GOV.UK error summaries from WTForms errors, in any template.
    state.app.add_template_global(wtforms_errors)


from intake_web.public import views  # noqa: E402,F401
