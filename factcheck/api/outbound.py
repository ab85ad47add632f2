"""A guarded HTTP POST to a customer's URL (webhook deliveries).

The SSRF guard of issue 16, with factcheck.core.fetch's address rule (that module only GETs): the
host is resolved once, every address must be public (no loopback, private, link-local, metadata,
multicast or reserved ranges, also when hidden in IPv6) unless it lies in
settings.FETCH_ALLOWED_NETWORKS, and the connection goes to the address that was checked (no second
look-up a DNS rebinding could change). Redirects are not followed: a webhook answer's status is all
that counts. Only the first bytes of the answer are read.
"""

import http.client
import socket
import ssl
from urllib.parse import urlsplit

from factcheck.core.fetch import address_allowed

READ_AT_MOST = 64 * 1024


class OutboundRefused(Exception):
    """The URL may not be contacted (scheme, or an address that is not public and not allowed)."""


def resolve_public(host, port):
    """The first address of `host` when every address it resolves to is allowed; else OutboundRefused."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise OSError(f"cannot resolve {host}: {exc}") from None
    addresses = [info[4][0] for info in infos]
    refused = [a for a in addresses if not address_allowed(a)]
    if not addresses or refused:
        raise OutboundRefused(
            f"{host} resolves to {', '.join(refused) or 'nothing'}, which is not a public address "
            "(add its network to FETCH_ALLOWED_NETWORKS to allow it)."
        )
    return addresses[0]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host, port, *, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, *, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def post_json(url, body: bytes, headers, *, timeout) -> int:
    """POST `body` to `url` through the guard; returns the HTTP status. Raises OutboundRefused or OSError."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise OutboundRefused("Only http and https URLs can receive webhooks.")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = resolve_public(parts.hostname, port)
    connection_class = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
    connection = connection_class(parts.hostname, port, address=address, timeout=timeout)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        response.read(READ_AT_MOST)
        return response.status
    except http.client.HTTPException as exc:
        raise OSError(f"bad HTTP answer: {exc.__class__.__name__}") from None
    finally:
        connection.close()
