"""Compressed responses (Brotli, zstd or gzip, whichever the browser takes) with Flask-Compress.

The style sheet and scripts are compressed: they are most of the first visit's
bytes. HTML pages are not, because they hold the CSRF token next to text people
typed, the mix a BREACH attack needs; they are a few kilobytes each anyway.
"""
from flask import Flask, Response, request
from flask_compress import Compress

COMPRESSED_MIMETYPES = [
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "image/svg+xml",
]


def init_app(app: Flask) -> None:
    if "compress" in app.extensions:
        return
    app.config.setdefault("COMPRESS_MIMETYPES", COMPRESSED_MIMETYPES)
    app.config.setdefault("COMPRESS_ALGORITHM", ["br", "zstd", "gzip"])
    app.extensions["compress"] = Compress(app)

    # Registered after Compress, so it runs before it (Flask runs these in reverse).
    @app.after_request
    def read_static_files_into_memory(response: Response) -> Response:
        # Flask streams static files; Flask-Compress would then swap the stream for its
        # own and leave the file to be closed by the garbage collector. Our files are
        # small, so read them (werkzeug closes the file) and compress them whole.
        if request.endpoint == "static" and response.status_code == 200 \
                and response.mimetype in app.config["COMPRESS_MIMETYPES"]:
            response.direct_passthrough = False
            response.make_sequence()
        return response
