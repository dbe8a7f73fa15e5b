"""Text messages: Twilio's messaging webhook (POST /sms/inbound) and status callback (POST /sms/status).

Twilio signs every request; both endpoints refuse any whose X-Twilio-Signature does
not validate, so they need no CSRF token.
"""
from flask import Blueprint

from intake_web.extensions import csrf

bp = Blueprint("sms", __name__, url_prefix="/sms")
csrf.exempt(bp)

from intake_web.sms import views  # noqa: E402,F401
