"""Run the action server on loopback, with the outbox's retry loop beside it.

    cd bot && python -m actions [--port 5055]

`rasa run actions` would listen on every interface (rasa-sdk 3.6 has no
--interface flag); this binds to 127.0.0.1 unless ACTION_SERVER_HOST says
otherwise, and starts the retry loop so a kept submission is delivered even if
nobody talks to the assistant again.
"""
import argparse
import logging
import os

from rasa_sdk.endpoint import create_app

from actions.intake_client import start_outbox_worker


def main() -> None:
    parser = argparse.ArgumentParser(description="The assistant's action server")
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTION_SERVER_PORT", "5055")))
    parser.add_argument("--host", default=os.environ.get("ACTION_SERVER_HOST", "127.0.0.1"))
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("sanic.access").setLevel(logging.WARNING)
    app = create_app("actions", cors_origins=None)
    start_outbox_worker()
    logging.getLogger(__name__).info("action server on http://%s:%s", args.host, args.port)
    app.run(host=args.host, port=args.port, workers=1, access_log=False, motd=False)


if __name__ == "__main__":
    main()
