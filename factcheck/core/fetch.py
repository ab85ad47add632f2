"""Fetch a web page for the newsroom, safely: `fetch(url) -> Fetched` or `FetchRefused(message)`.

Server-side request forgery guard: a submitted URL must not make the server read its own network.
For the first URL and for every redirect, the host name is resolved once, every address it resolves
to must be public (not loopback, private, link-local or cloud metadata, multicast, reserved,
unspecified, unique-local, nor such an address embedded in IPv4-mapped, 6to4 or NAT64 IPv6) unless
it lies in settings.FETCH_ALLOWED_NETWORKS, and the connection goes to the address that was checked
(the Host header and TLS SNI/certificate check carry the name), so a second DNS answer cannot
rebind the request elsewhere. Redirects are followed by hand, only to http(s), at most
FETCH_MAX_REDIRECTS times. The body is read in pieces and refused past `max_bytes`; the whole fetch,
redirects included, must end within `timeout` seconds.

Messages of FetchRefused are written for a newsroom user: they say what happened and what to do.
"""

import ipaddress
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from email.message import Message
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

import urllib3
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.exceptions import NewConnectionError, SSLError
from urllib3.exceptions import TimeoutError as Urllib3Timeout

from django.conf import settings

REDIRECTS = {301, 302, 303, 307, 308}
CHUNK = 64 * 1024
URL_SAFE = "/?&=:;@!$'()*+,~%-._"
# Addresses that embed an IPv4 address the guard must check instead of the IPv6 one.
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class FetchRefused(Exception):
    """The page was not fetched; `message` says why in words a newsroom user can act on."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Fetched:
    url: str  # the final URL, after redirects
    status: int
    content_type: str  # "text/html", lower-case, without parameters
    body: bytes
    charset: str | None  # from the Content-Type header, when it names one

    def text(self):
        """The body decoded with the declared charset, else UTF-8, replacing undecodable bytes."""
        try:
            return self.body.decode(self.charset or "utf-8", errors="replace")
        except LookupError:  # an unknown charset name
            return self.body.decode("utf-8", errors="replace")


def fetch(url, *, max_bytes=None, timeout=None) -> Fetched:
    """GET `url` through the guard. Raises FetchRefused for a refused address or scheme, a redirect
    loop, a body over `max_bytes` (default FETCH_MAX_BYTES), a fetch longer than `timeout` seconds
    (default FETCH_TIMEOUT), a network failure or an HTTP error status."""
    max_bytes = settings.FETCH_MAX_BYTES if max_bytes is None else max_bytes
    timeout = settings.FETCH_TIMEOUT if timeout is None else timeout
    deadline = time.monotonic() + timeout
    current = url
    for _hop in range(settings.FETCH_MAX_REDIRECTS + 1):
        target = _target(current)
        addresses = _vetted_addresses(target, deadline)
        pool, response = _request(target, addresses, deadline, timeout)
        try:
            if response.status in REDIRECTS and response.headers.get("Location"):
                current = _redirect_target(current, response.headers["Location"])
                continue
            if response.status >= 400:
                raise FetchRefused(
                    f"The site answered {response.status} {_reason(response)} for {target.display}: "
                    "check the link opens in a browser."
                )
            body = _read_body(response, max_bytes, deadline, target, timeout)
        finally:
            response.release_conn()
            pool.close()
        content_type, charset = _content_type(response.headers.get("Content-Type", ""))
        return Fetched(url=current, status=response.status, content_type=content_type, body=body, charset=charset)
    raise FetchRefused(
        f"The link redirected more than {settings.FETCH_MAX_REDIRECTS} times: open it in a browser and "
        "submit the address it finally shows."
    )


# --- the URL ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Target:
    scheme: str
    host: str  # lower-case, without brackets
    port: int
    path: str  # path and query, never empty
    host_header: str
    display: str  # scheme://host[:port] for messages


def _target(url):
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise FetchRefused("The link is not a valid web address.") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchRefused(f"Only http and https links can be fetched; this one starts with {scheme or 'nothing'}:.")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise FetchRefused("The link has no host name: give the full address, starting with https://.")
    try:
        host = host.encode("idna").decode("ascii")  # bücher.example → xn--bcher-kva.example
    except UnicodeError:
        raise FetchRefused("The link's site name is not a valid internet name.") from None
    if parts.username or parts.password:
        raise FetchRefused("Links with a user name or password in them are not fetched.")
    default = 443 if scheme == "https" else 80
    port = port or default
    bracketed = f"[{host}]" if ":" in host else host
    host_header = bracketed if port == default else f"{bracketed}:{port}"
    # Percent-encode what HTTP cannot carry as is (spaces, non-ASCII letters); existing escapes stay.
    path = quote(urlunsplit(("", "", parts.path or "/", parts.query, "")), safe=URL_SAFE)
    return _Target(scheme, host, port, path, host_header, f"{scheme}://{host_header}")


def _redirect_target(current, location):
    nxt = urljoin(current, location.strip())
    scheme = urlsplit(nxt).scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchRefused(f"The page redirected to a {scheme or 'relative'}: link; only http and https are followed.")
    return urlunsplit(urlsplit(nxt)._replace(fragment=""))


# --- the guard --------------------------------------------------------------------------------


def _vetted_addresses(target, deadline):
    """Resolve the host once and return its addresses, if every one of them is allowed."""
    addresses = _resolve(target, deadline)
    for address in addresses:
        if not address_allowed(address):
            raise FetchRefused(
                f"{target.host} points to a private or reserved network address ({address}); such "
                "addresses are never fetched. Submit a public web page."
            )
    return addresses


def _resolve(target, deadline):
    try:
        literal = ipaddress.ip_address(target.host)
    except ValueError:
        literal = None
    if literal is not None:
        return [literal]
    # getaddrinfo has no timeout of its own: run it in a thread and stop waiting at the deadline.
    pool = ThreadPoolExecutor(max_workers=1)
    future = pool.submit(socket.getaddrinfo, target.host, target.port, type=socket.SOCK_STREAM)
    pool.shutdown(wait=False)
    try:
        infos = future.result(timeout=max(0.01, deadline - time.monotonic()))
    except FutureTimeout:
        raise FetchRefused(f"Looking up {target.host} took too long; try again later.") from None
    except (socket.gaierror, UnicodeError):
        raise FetchRefused(f"{target.host} could not be found: check the address for typos.") from None
    addresses = []
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%", 1)[0])  # drop an IPv6 zone id
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise FetchRefused(f"{target.host} could not be found: check the address for typos.")
    return addresses


def address_allowed(address):
    """True when `address` (an ipaddress object or string) may be fetched: public, or allow-listed."""
    address = ipaddress.ip_address(address)
    if any(address in network for network in _allowed_networks()):
        return True
    for embedded in _embedded_ipv4(address):
        if any(embedded in network for network in _allowed_networks()):
            return True
        if not _is_public(embedded):
            return False
    return _is_public(address)


def link_refusal(url, refused="Only public web pages can be submitted"):
    """Why a link is refused at once, before any fetch (None when it may be used), as "<refused>: <why>": its
    host is an IP address that address_allowed refuses, "localhost" or a *.localhost name (this machine:
    checked as 127.0.0.1, so an allow-list that lists it admits them alike), or a *.local name (multicast DNS,
    the local network only). Any other name is checked when the fetch resolves it. One rule for submitted
    article links and webhook URLs."""
    host = (urlsplit(url.strip()).hostname or "").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        address = ipaddress.ip_address("127.0.0.1")
    elif host.endswith(".local"):
        return f"{refused}: {host} is a name on the local network."
    else:
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return None
    if address_allowed(address):
        return None
    return f"{refused}: {host} is on a private or reserved network."


def _is_public(address):
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or (address.version == 6 and address.is_site_local)
    )


def _embedded_ipv4(address):
    """IPv4 addresses hidden in an IPv6 one: IPv4-mapped (::ffff:a.b.c.d), 6to4, NAT64 (Teredo's 2001::/32
    is not global, so it is refused as it is)."""
    if address.version != 6:
        return []
    found = [address.ipv4_mapped, address.sixtofour]
    if address in NAT64:
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return [a for a in found if a is not None]


def _allowed_networks():
    return [ipaddress.ip_network(str(n), strict=False) for n in settings.FETCH_ALLOWED_NETWORKS]


# --- the request ------------------------------------------------------------------------------


def _request(target, addresses, deadline, timeout):
    """GET from the first checked address that takes the connection (an IPv6 address first on a machine
    without IPv6 routes, say); never a new lookup. Returns (pool, response); the caller closes both."""
    headers = {
        "Host": target.host_header,
        "User-Agent": settings.FETCH_USER_AGENT,
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "gzip, deflate",
    }
    for address in addresses:
        pool = _pool(target, address, deadline, timeout)
        try:
            response = pool.urlopen(
                "GET", target.path, headers=headers, redirect=False, retries=False, preload_content=False,
                assert_same_host=False,
            )  # fmt: skip
        except NewConnectionError:  # refused or unreachable (a subclass of urllib3's TimeoutError)
            pool.close()
            continue
        except SSLError:
            pool.close()
            raise FetchRefused(
                f"The secure connection to {target.display} failed (its certificate is not valid)."
            ) from None
        except Urllib3Timeout:
            pool.close()
            raise _too_slow(target, timeout) from None
        except Urllib3Error as exc:
            pool.close()
            raise FetchRefused(
                f"Could not connect to {target.display} ({exc.__class__.__name__}); try again later."
            ) from None
        return pool, response
    raise FetchRefused(f"Could not connect to {target.display}: the site is down or refuses connections.")


def _pool(target, address, deadline, timeout):
    """A one-connection pool to the checked IP; Host, SNI and the certificate check use the name."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _too_slow(target, timeout)
    ip = str(getattr(address, "ipv4_mapped", None) or address)
    pool_timeout = urllib3.Timeout(connect=remaining, read=remaining)
    if target.scheme == "https":
        return urllib3.HTTPSConnectionPool(
            host=ip,
            port=target.port,
            timeout=pool_timeout,
            maxsize=1,
            retries=False,
            server_hostname=target.host,
            assert_hostname=target.host,
            cert_reqs="CERT_REQUIRED",
        )
    return urllib3.HTTPConnectionPool(host=ip, port=target.port, timeout=pool_timeout, maxsize=1, retries=False)


def _read_body(response, max_bytes, deadline, target, timeout):
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(max_bytes)
    body = bytearray()
    try:
        while True:
            if time.monotonic() > deadline:
                raise _too_slow(target, timeout)
            piece = response.read1(CHUNK)
            if not piece:
                break
            body += piece
            if len(body) > max_bytes:
                raise _too_large(max_bytes)
    except Urllib3Timeout:
        raise _too_slow(target, timeout) from None
    except Urllib3Error as exc:
        raise FetchRefused(f"The download from {target.display} broke off ({exc.__class__.__name__}).") from None
    return bytes(body)


def _content_type(header):
    message = Message()
    message["Content-Type"] = header or "application/octet-stream"
    return message.get_content_type(), message.get_param("charset")


def _reason(response):
    return (response.reason or "").strip()[:60] or "an error"


def _too_slow(target, timeout):
    return FetchRefused(f"{target.display} did not send the page in time (limit {timeout:g} s); try again later.")


def _too_large(max_bytes):
    return FetchRefused(
        f"The page is larger than {max_bytes / 1024 / 1024:.1f} MB, the limit for a fetched page: "
        "paste the article's text instead."
    )
