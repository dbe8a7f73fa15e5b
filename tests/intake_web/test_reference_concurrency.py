"""Fifty people submitting at the same moment each get their own reference (PostgreSQL)."""
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import sqlalchemy as sa
from werkzeug.serving import make_server

from intake_web.extensions import db
from intake_web.models import FeedbackItem
from tests.conftest import API_TOKEN


@pytest.fixture
def live_api(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.mark.postgres_only
def test_fifty_concurrent_submissions_get_fifty_distinct_references(live_api, is_postgres):
    if not is_postgres:
        pytest.skip("concurrency is proven on PostgreSQL: run with TEST_DATABASE_URL=postgresql+psycopg://...")
    barrier = threading.Barrier(50)

    def submit(number: int) -> str:
        session = requests.Session()
        barrier.wait()
        response = session.post(f"{live_api}/api/v1/feedback", json={"text": f"concurrent submission {number}"},
                                headers={"Authorization": f"Bearer {API_TOKEN}"}, timeout=60)
        assert response.status_code == 201, response.text
        return response.json()["reference"]

    with ThreadPoolExecutor(max_workers=50) as pool:
        references = list(pool.map(submit, range(50)))

    assert len(set(references)) == 50
    stored = db.session.scalars(sa.select(FeedbackItem.reference)).all()
    assert sorted(stored) == sorted(references)
