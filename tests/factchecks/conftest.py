"""A local HTTP server serving a generated ClaimReview feed (the URL import goes through the SSRF guard)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.factchecks.feedgen import claim_texts, claimreview, data_feed


def feed_body(n=30):
    return json.dumps(data_feed([claimreview(i, text) for i, text in enumerate(claim_texts(n), start=1)])).encode()


@pytest.fixture
def feed_server():
    """A local HTTP server answering /feed.json with a generated feed."""
    body = feed_body()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server name
            if self.path != "/feed.json":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/ld+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
