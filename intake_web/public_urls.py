"""Addresses for links that leave the service (emails, texts): PUBLIC_BASE_URL, or the council's website."""
from flask import current_app


def public_url(path: str = "/") -> str:
    """`path` on the address people reach the service at, e.g. public_url("/staff/")."""
    base = current_app.config.get("PUBLIC_BASE_URL") or current_app.extensions["council"].contacts["website"]
    return base.rstrip("/") + path
