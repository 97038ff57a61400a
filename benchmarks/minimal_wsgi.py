"""Reference 1 of the benchmark: the "Python ceiling".

The smallest useful WSGI application: it answers every request with the bytes
of one file, read once at start-up. Served by gunicorn with the same settings
as the portal (2 sync workers), it measures what gunicorn + Python can do at
best on this machine; no framework can go faster.

    BENCH_HTML_FILE=/tmp/home.html gunicorn -w 2 -b 127.0.0.1:8001 \
        --chdir benchmarks minimal_wsgi:application
"""

import os

_path = os.environ.get("BENCH_HTML_FILE")
if not _path:
    raise SystemExit("BENCH_HTML_FILE must name the HTML file to serve.")
with open(_path, "rb") as _file:
    BODY = _file.read()

HEADERS = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Content-Length", str(len(BODY))),
]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    if environ.get("REQUEST_METHOD") == "HEAD":
        return [b""]
    return [BODY]
