"""The OpenAPI 3.1 description of the feedback API, built from the same request schema."""
from intake_web.api.schema import feedback_request_schema
from intake_web.council_config import CouncilConfig

_ERRORS = {
    "description": "Each problem, with the field it is about and what to do.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}},
}


def openapi_document(council: CouncilConfig) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": f"{council.council['name']} children's social care feedback API", "version": "1"},
        "servers": [{"url": "/api/v1"}],
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "FeedbackRequest": feedback_request_schema(council),
                "Feedback": {
                    "type": "object",
                    "description": "The stored item: the request's fields under the same names, plus "
                                   "reference, received_at, due_date, status, triage and stages.",
                    "required": ["reference", "received_at", "due_date", "text", "channel", "triage", "stages"],
                },
                "Errors": {
                    "type": "object",
                    "properties": {"errors": {"type": "array", "items": {
                        "type": "object",
                        "properties": {"field": {"type": ["string", "null"]}, "message": {"type": "string"}},
                    }}},
                },
            },
        },
        "security": [{"bearer": []}],
        "paths": {
            "/feedback": {"post": {
                "summary": "Submit feedback from any channel",
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/FeedbackRequest"}}}},
                "responses": {
                    "201": {"description": "Stored; returns the reference and the reply-by date",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Feedback"}}}},
                    "200": {"description": "Already stored under this client_submission_id",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Feedback"}}}},
                    "400": _ERRORS, "401": _ERRORS, "413": _ERRORS, "415": _ERRORS, "422": _ERRORS,
                },
            }},
            "/feedback/{reference}": {"get": {
                "summary": "Fetch one item by its reference",
                "parameters": [{"name": "reference", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {
                    "200": {"description": "The item",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Feedback"}}}},
                    "401": _ERRORS, "404": _ERRORS,
                },
            }},
        },
    }
