"""The URL fetch guard (factcheck.core.fetch) against a real HTTP server on 127.0.0.1.

`page_server` serves the saved pages of tests/fixtures/pages plus a few special routes (redirects,
a huge body, a page that never finishes). Other test modules import the fixture from here.
"""

import functools
import gzip
import shutil
import socket
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import urllib3

from factcheck.core import fetch as fetch_module
from factcheck.core.fetch import FetchRefused, address_allowed, fetch

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
LOCAL = ["127.0.0.1/32"]


class PageServer:
    """A ThreadingHTTPServer on 127.0.0.1:0 in a daemon thread. `pages` maps a name to HTML bytes
    (loaded from tests/fixtures/pages; a test may replace one); `requests` records (path, headers)."""

    def __init__(self, host="127.0.0.1"):
        self.pages = {p.stem: p.read_bytes() for p in PAGES.glob("*.html")}
        self.requests = []
        self.release = threading.Event()  # set at teardown: ends the never-finishing response
        self.gate = threading.Event()  # /held/… answers only once a test (or teardown) sets it
        server_class = _IPv6Server if ":" in host else ThreadingHTTPServer
        self.httpd = server_class((host, 0), _handler_for(self))
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base = f"http://{'[' + host + ']' if ':' in host else host}:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path):
        return self.base + path

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.release.set()
        self.gate.set()
        self.httpd.shutdown()
        self.httpd.server_close()


class _IPv6Server(ThreadingHTTPServer):
    address_family = socket.AF_INET6


def _handler_for(server):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def do_GET(self):  # noqa: N802 - http.server's name
            server.requests.append((self.path, dict(self.headers)))
            parts = urlsplit(self.path)
            query = parse_qs(parts.query)
            path = parts.path
            if path.startswith("/held/"):
                server.gate.wait(30)
                path = path.removeprefix("/held")
            if path.startswith("/pages/"):
                name = unquote(path.removeprefix("/pages/").removesuffix(".html"))
                if name not in server.pages:
                    return self._send(404, b"not found")
                return self._send(200, server.pages[name], "text/html; charset=utf-8")
            if path == "/redirect":
                return self._redirect(query["to"][0])
            if path.startswith("/loop/"):
                return self._redirect(f"/loop/{int(path.rsplit('/', 1)[1]) + 1}")
            if path == "/big":  # declares its size
                return self._send(200, b"x" * 4096, "text/html")
            if path == "/big-undeclared":  # no Content-Length: the reader must count
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                for _ in range(64):
                    self.wfile.write(b"<p>" + b"y" * 1021 + b"</p>")
                return None
            if path == "/gzip-bomb":
                body = gzip.compress(b" " * 2_000_000)
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return None
            if path == "/never-ends":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(b"<p>start")
                self.wfile.flush()
                server.release.wait(30)
                return None
            return self._send(404, b"not found")

        def _redirect(self, location):
            self.send_response(302)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _send(self, status, body, content_type="text/plain"):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


@pytest.fixture
def page_server():
    server = PageServer().start()
    yield server
    server.stop()


@pytest.fixture
def allow_local(settings):
    """List the test server's loopback address in the allow-list, as an operator would."""
    settings.FETCH_ALLOWED_NETWORKS = LOCAL
    return settings


# --- the guard refuses ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.1.2.3:8080/x",
        "http://localhost/",
        "http://[::1]/",
        "http://10.0.0.5/",
        "http://192.168.1.1/",
        "http://172.16.0.1/",
        "http://172.31.255.254/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:169.254.169.254]/",
        "http://[fd00::1]/",
        "http://[fe80::1]/",
        "http://0.0.0.0/",
        "http://[::]/",
        "http://224.0.0.1/",
        "http://240.0.0.1/",
        "http://100.64.0.1/",
        "http://[2002:7f00:1::1]/",  # 6to4 wrapping 127.0.0.1
        "http://[64:ff9b::a00:1]/",  # NAT64 wrapping 10.0.0.1
    ],
)
def test_it_refuses_non_public_addresses(url, settings):
    settings.FETCH_ALLOWED_NETWORKS = []
    with pytest.raises(FetchRefused) as caught:
        fetch(url)
    assert "private or reserved network address" in caught.value.message


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/", "javascript:alert(1)", "data:text/html,hi"],
)
def test_it_refuses_schemes_other_than_http(url):
    with pytest.raises(FetchRefused) as caught:
        fetch(url)
    assert "Only http and https" in caught.value.message


@pytest.mark.parametrize("url", ["http:///nohost", "http://user:pw@example.org/", "http://example.org:99999/"])
def test_it_refuses_malformed_links(url):
    with pytest.raises(FetchRefused):
        fetch(url)


def test_it_checks_every_address_a_name_resolves_to(monkeypatch, settings):
    # given a name with one public and one private address (a classic rebinding set-up)
    settings.FETCH_ALLOWED_NETWORKS = []
    answers = [(2, 1, 6, "", ("93.184.216.34", 80)), (2, 1, 6, "", ("10.1.2.3", 80))]
    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", lambda *a, **k: answers)
    # when / then
    with pytest.raises(FetchRefused) as caught:
        fetch("http://news.example.org/story")
    assert "10.1.2.3" in caught.value.message


def test_it_accepts_public_addresses_and_allow_listed_ones(settings):
    settings.FETCH_ALLOWED_NETWORKS = []
    assert address_allowed("93.184.216.34")
    assert address_allowed("2606:4700:4700::1111")
    assert not address_allowed("127.0.0.1")
    settings.FETCH_ALLOWED_NETWORKS = ["10.20.0.0/16"]
    assert address_allowed("10.20.3.4")
    assert address_allowed("::ffff:10.20.3.4")
    assert not address_allowed("10.21.0.1")


# --- against the local server ------------------------------------------------------------------


def test_it_refuses_the_local_server_without_the_allow_list(page_server, settings):
    settings.FETCH_ALLOWED_NETWORKS = []
    with pytest.raises(FetchRefused) as caught:
        fetch(page_server.url("/pages/harbour-tolls.html"))
    assert "private or reserved" in caught.value.message
    assert page_server.requests == []  # refused before connecting


def test_it_fetches_the_local_server_with_the_allow_list(page_server, allow_local):
    page = fetch(page_server.url("/pages/harbour-tolls.html"))
    assert page.status == 200
    assert page.content_type == "text/html"
    assert page.charset == "utf-8"
    assert b"Harbour tolls to rise 12%" in page.body
    assert "dredging the eastern channel" in page.text()
    path, headers = page_server.requests[0]
    assert headers["User-Agent"].startswith("FactcheckWorkbench/1.0")
    assert headers["Host"] == f"127.0.0.1:{page_server.port}"


def test_it_follows_redirects_and_reports_the_final_url(page_server, allow_local):
    page = fetch(page_server.url("/redirect?to=/pages/school-meals.html#top"))
    assert page.url == page_server.url("/pages/school-meals.html")
    assert b"41,000 pupils" in page.body


@pytest.mark.parametrize(
    "target", ["http://10.0.0.1/admin", "http://169.254.169.254/latest/meta-data/", "http://[::1]:22/"]
)
def test_it_refuses_a_redirect_from_an_allowed_server_to_a_private_address(page_server, allow_local, target):
    with pytest.raises(FetchRefused) as caught:
        fetch(page_server.url(f"/redirect?to={target}"))
    assert "private or reserved" in caught.value.message
    assert len(page_server.requests) == 1


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://example.org/", "gopher://127.0.0.1:70/"])
def test_it_refuses_a_redirect_to_another_scheme(page_server, allow_local, target):
    with pytest.raises(FetchRefused) as caught:
        fetch(page_server.url(f"/redirect?to={target}"))
    assert "only http and https are followed" in caught.value.message


def test_it_stops_after_too_many_redirects(page_server, allow_local):
    allow_local.FETCH_MAX_REDIRECTS = 3
    with pytest.raises(FetchRefused) as caught:
        fetch(page_server.url("/loop/0"))
    assert "redirected more than 3 times" in caught.value.message
    assert [p for p, _ in page_server.requests] == ["/loop/0", "/loop/1", "/loop/2", "/loop/3"]


@pytest.mark.parametrize("path", ["/big", "/big-undeclared", "/gzip-bomb"])
def test_it_refuses_a_body_over_the_size_limit(page_server, allow_local, path):
    with pytest.raises(FetchRefused) as caught:
        fetch(page_server.url(path), max_bytes=2048)
    assert "larger than" in caught.value.message


def test_it_reads_a_body_within_the_size_limit(page_server, allow_local):
    assert len(fetch(page_server.url("/big"), max_bytes=4096).body) == 4096


def test_it_gives_up_on_a_page_that_never_finishes(page_server, allow_local):
    with pytest.raises(FetchRefused) as caught:
        fetch(page_server.url("/never-ends"), timeout=0.5)
    assert "did not send the page in time" in caught.value.message


def test_it_reports_an_http_error_status(page_server, allow_local):
    with pytest.raises(FetchRefused) as caught:
        fetch(page_server.url("/pages/missing.html"))
    assert "answered 404" in caught.value.message


def test_it_reports_a_closed_port(allow_local):
    # a port nothing listens on: bind one, note it, close it
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchRefused) as caught:
        fetch(f"http://127.0.0.1:{port}/")
    assert "Could not connect" in caught.value.message


def test_it_connects_to_the_vetted_address_without_a_second_lookup(page_server, allow_local, monkeypatch):
    # given a name that resolves to the test server once, then (a rebinding attack) to a private address
    real = socket.getaddrinfo
    lookups = []

    def rebinding(host, *args, **kwargs):
        if host != "courier.test":
            return real(host, *args, **kwargs)
        lookups.append(host)
        address = "127.0.0.1" if len(lookups) == 1 else "10.9.9.9"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, page_server.port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    # when
    page = fetch(f"http://courier.test:{page_server.port}/pages/harbour-tolls.html")
    # then: the name was looked up once, the checked address was used, and the name went in Host
    assert page.status == 200
    assert lookups == ["courier.test"]
    assert page_server.requests[0][1]["Host"] == f"courier.test:{page_server.port}"


def _resolve_to_loopback(monkeypatch, *names):
    """Make `names` resolve to 127.0.0.1 (every other name resolves as usual)."""
    real = socket.getaddrinfo

    def resolver(host, port, *args, **kwargs):
        if host in names:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)


def test_it_checks_the_certificate_against_the_host_name_while_connecting_to_the_checked_address(
    tmp_path, allow_local, monkeypatch
):
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is needed to make a test certificate")
    # given an HTTPS server on 127.0.0.1 whose certificate names courier.test
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
         "-subj", "/CN=courier.test", "-addext", "subjectAltName=DNS:courier.test"],
        check=True, capture_output=True,
    )  # fmt: skip
    server = PageServer()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
    server.start()
    _resolve_to_loopback(monkeypatch, "courier.test", "other.test")
    try:
        # an untrusted (self-signed) certificate is refused
        with pytest.raises(FetchRefused) as caught:
            fetch(f"https://courier.test:{server.port}/pages/harbour-tolls.html")
        assert "certificate" in caught.value.message
        # when the certificate is trusted, the page comes, checked against the name, not the IP
        trusting = functools.partial(urllib3.HTTPSConnectionPool, ca_certs=str(cert))
        monkeypatch.setattr(fetch_module.urllib3, "HTTPSConnectionPool", trusting)
        page = fetch(f"https://courier.test:{server.port}/pages/harbour-tolls.html")
        assert b"Harbour tolls" in page.body
        assert server.requests[-1][1]["Host"] == f"courier.test:{server.port}"
        # a name the certificate does not cover is refused, though the address is the same
        with pytest.raises(FetchRefused) as caught:
            fetch(f"https://other.test:{server.port}/pages/harbour-tolls.html")
        assert "certificate" in caught.value.message
    finally:
        server.stop()


def test_it_fetches_over_ipv6_only_when_allow_listed(settings):
    try:
        server = PageServer(host="::1").start()
    except OSError:
        pytest.skip("no IPv6 loopback here")
    try:
        settings.FETCH_ALLOWED_NETWORKS = []
        with pytest.raises(FetchRefused):
            fetch(server.url("/pages/school-meals.html"))
        settings.FETCH_ALLOWED_NETWORKS = ["::1/128"]
        assert b"41,000 pupils" in fetch(server.url("/pages/school-meals.html")).body
        assert server.requests[0][1]["Host"] == f"[::1]:{server.port}"
    finally:
        server.stop()


def test_it_tries_the_next_checked_address_when_one_refuses_the_connection(page_server, settings, monkeypatch):
    # given a name with two checked addresses, the first of which nothing listens on
    settings.FETCH_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    answers = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, page_server.port)) for ip in ("127.0.0.2", "127.0.0.1")]
    real = socket.getaddrinfo
    monkeypatch.setattr(
        socket, "getaddrinfo", lambda host, *a, **k: answers if host == "courier.test" else real(host, *a, **k)
    )
    # when / then
    assert fetch(f"http://courier.test:{page_server.port}/pages/school-meals.html").status == 200


def test_it_encodes_non_ascii_links(page_server, allow_local, monkeypatch):
    page_server.pages["prix-énergie 2026"] = page_server.pages["school-meals"]
    page = fetch(page_server.url("/pages/prix-énergie 2026.html?q=été"))
    assert page.status == 200
    assert page_server.requests[0][0] == "/pages/prix-%C3%A9nergie%202026.html?q=%C3%A9t%C3%A9"
    # an internationalised host name is looked up and sent in its ASCII (IDNA) form
    _resolve_to_loopback(monkeypatch, "xn--bcher-kva.example")
    assert fetch(f"http://bücher.example:{page_server.port}/pages/school-meals.html").status == 200
    assert page_server.requests[-1][1]["Host"] == f"xn--bcher-kva.example:{page_server.port}"
