def test_every_response_carries_security_headers(client):
    response = client.get("/healthz")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_hsts_is_sent_only_in_production(client, app):
    assert "Strict-Transport-Security" not in client.get("/healthz").headers
    app.config["HSTS"] = True
    try:
        assert client.get("/healthz").headers["Strict-Transport-Security"].startswith("max-age=")
    finally:
        app.config["HSTS"] = False


def test_production_settings_refuse_to_start_without_secrets(monkeypatch):
    import pytest

    from intake_web.settings import Production

    for name in ("SECRET_KEY", "DATABASE_URL", "INTAKE_API_TOKEN", "TWILIO_AUTH_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        Production()
