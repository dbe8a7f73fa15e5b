def test_api_stores_feedback_and_returns_reference(client, api_headers):
    response = client.post("/api/v1/feedback", json={"text": "My social worker never calls me back", "channel": "chat"},
                           headers=api_headers)
    assert response.status_code == 201, response.json
    assert response.json["reference"].startswith("CF-")
    assert response.json["due_date"]
