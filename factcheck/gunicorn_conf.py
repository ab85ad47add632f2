"""gunicorn settings: `gunicorn -c python:factcheck.gunicorn_conf factcheck.wsgi -w 3 -b 127.0.0.1:8000`.

gunicorn believes X-Forwarded-Proto (and two other scheme headers) from 127.0.0.1 by default, so
behind no proxy at all a local client could make `request.is_secure()` true. Here the scheme headers
are trusted only when BEHIND_TLS_PROXY=1, as Django's SECURE_PROXY_SSL_HEADER is (settings.py), and
only the one header Django reads: X-Forwarded-Proto: https.

- BEHIND_TLS_PROXY=0 (default): no address is trusted; gunicorn's own FORWARDED_ALLOW_IPS is ignored.
- BEHIND_TLS_PROXY=1: the proxy's addresses from FORWARDED_ALLOW_IPS (comma-separated IPs or
  networks, default 127.0.0.1,::1). gunicorn always trusts UNIX-socket connections.

Command-line options (-w, -b, ...) still override anything set here.
"""

from factcheck.env import env_bool, env_list

BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", False)

if BEHIND_TLS_PROXY:
    forwarded_allow_ips = ",".join(env_list("FORWARDED_ALLOW_IPS", ["127.0.0.1", "::1"]))
    secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
else:
    forwarded_allow_ips = ""
    secure_scheme_headers = {}
