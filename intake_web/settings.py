"""Settings for the web application, chosen by INTAKE_ENVIRONMENT.

Secrets come only from the environment. The council's own data (teams, timescales,
contact numbers) lives in YAML under config/ and is read by council_config.py.
"""
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _sqlite_default() -> str:
    var = PROJECT_ROOT / "var"
    var.mkdir(exist_ok=True)
    return f"sqlite:///{var / 'intake.sqlite3'}"


class Config:
    ENVIRONMENT = "development"
    SECRET_KEY = os.environ.get("SECRET_KEY", "development-only-secret-key")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL") or _sqlite_default()
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    CONFIG_DIR = Path(os.environ.get("INTAKE_CONFIG_DIR", PROJECT_ROOT / "config"))
    INTAKE_API_TOKEN = os.environ.get("INTAKE_API_TOKEN", "development-api-token")
    # The address people and Twilio reach the service at (https://feedback.example.gov.uk), for links in
    # emails and texts, Twilio's status callbacks and checking Twilio's signatures behind a proxy.
    # None: links use the `website` in config/council.yaml, and Twilio signatures the request's own URL.
    PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL") or None
    # Whole request bodies above this are refused before any view runs.
    MAX_CONTENT_LENGTH = 256 * 1024
    MAX_TEXT_LENGTH = 20_000
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    PERMANENT_SESSION_LIFETIME = 30 * 60
    WTF_CSRF_TIME_LIMIT = None
    HSTS = False
    # Outgoing email (SMTP) and SMS (Twilio REST API).
    SMTP_HOST = os.environ.get("SMTP_HOST", "127.0.0.1")
    SMTP_PORT = int(os.environ.get("SMTP_PORT", "8025"))
    SMTP_USERNAME = os.environ.get("SMTP_USERNAME")
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD")
    TWILIO_ACCOUNT_SID = os.environ.get("TWILIO_ACCOUNT_SID", "ACdevelopment")
    TWILIO_AUTH_TOKEN = os.environ.get("TWILIO_AUTH_TOKEN", "development-twilio-token")
    # None means the real Twilio API; tests and development point it at a fake on loopback.
    TWILIO_API_BASE = os.environ.get("TWILIO_API_BASE")
    RASA_URL = os.environ.get("RASA_URL", "http://127.0.0.1:5005")
    TRIAGE_MODEL_DIR = os.environ.get("TRIAGE_MODEL_DIR")
    # Send email and SMS in this process (False: only store them, e.g. in a demo).
    NOTIFICATIONS_ENABLED = os.environ.get("NOTIFICATIONS_ENABLED", "1") == "1"


class Development(Config):
    pass


class Test(Config):
    ENVIRONMENT = "test"
    TESTING = True
    SECRET_KEY = "test-secret-key"
    INTAKE_API_TOKEN = "test-api-token"
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    TWILIO_AUTH_TOKEN = "test-twilio-token"
    TWILIO_ACCOUNT_SID = "ACtest"
    TWILIO_API_BASE = "http://you-forgot-to-fake-twilio.invalid"
    SMTP_HOST = "you-forgot-to-fake-smtp.invalid"
    RASA_URL = "http://you-forgot-to-start-rasa.invalid"
    PUBLIC_BASE_URL = None


class Production(Config):
    ENVIRONMENT = "production"
    SESSION_COOKIE_SECURE = True
    HSTS = True

    def __init__(self) -> None:
        missing = [name for name in ("SECRET_KEY", "DATABASE_URL", "INTAKE_API_TOKEN", "TWILIO_AUTH_TOKEN",
                                     "PUBLIC_BASE_URL") if not os.environ.get(name)]
        if missing:
            raise RuntimeError(f"Set these environment variables before starting in production: {', '.join(missing)}")
        # Behind the TLS proxy the app sees http://127.0.0.1:8000: without the real https address every
        # Twilio signature would fail, and links in emails would not reach the console.
        if not os.environ["PUBLIC_BASE_URL"].startswith("https://"):
            raise RuntimeError("PUBLIC_BASE_URL must be the service's https:// address in production")


CONFIGS = {"development": Development, "test": Test, "production": Production}


def config_for_environment(name: str | None = None) -> Config:
    """Return the settings object for INTAKE_ENVIRONMENT (development by default)."""
    name = name or os.environ.get("INTAKE_ENVIRONMENT", "development")
    try:
        return CONFIGS[name]()
    except KeyError:
        raise RuntimeError(f"INTAKE_ENVIRONMENT must be one of {', '.join(CONFIGS)}, not {name!r}") from None
