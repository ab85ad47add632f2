"""An article read from a fetched web page: text, title, author, date and outlet name (trafilatura).

Pure functions on a `factcheck.core.fetch.Fetched`; the services decide what to save.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from factcheck.core.forms import WEB_URL_INVALID
from factcheck.sources.models import domain_of

HTML_TYPES = ("text/html", "application/xhtml+xml")
# Below this the "article" is a menu, a sign-in form or a cookie wall, not prose: at least this many
# words in lines of at least MIN_LINE_WORDS words (trafilatura falls back to any text it finds).
MIN_ARTICLE_WORDS = 40
MIN_LINE_WORDS = 8


class PageUnreadable(Exception):
    """The page has no article text; `message` says so for the newsroom."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class PageArticle:
    title: str
    body: str
    author: str
    published_on: datetime.date | None
    site_name: str  # the site's own name when the page gives one, else its domain
    home_url: str  # scheme://host/ of the page, for an outlet created from it


def url_normalise(url):
    """The URL an article is stored and found under: scheme and host lower-case, no default port, no
    fragment, a path of at least '/'. ValidationError({"url": ...}) when it is not a usable web link."""
    raw = (url or "").strip()
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        raise ValidationError({"url": WEB_URL_INVALID}) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise ValidationError(
            {"url": "Only http and https links can be fetched: give the address starting with https://."}
        )
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise ValidationError({"url": "The link has no site name: give the full address, starting with https://."})
    if parts.username or parts.password:
        raise ValidationError({"url": "Remove the user name and password from the link."})
    netloc = f"[{host}]" if ":" in host else host
    if port and port != {"http": 80, "https": 443}[scheme]:
        netloc = f"{netloc}:{port}"
    url = urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))
    try:  # what the Article's URLField checks, said as the forms say it (not "Enter a valid URL.")
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValidationError({"url": WEB_URL_INVALID}) from None
    return url


def page_article(fetched) -> PageArticle:
    """Read the article in a fetched page. Raises PageUnreadable when it holds no article text."""
    if fetched.content_type == "text/plain":
        text = fetched.text().strip()
        meta = {}
    elif fetched.content_type in HTML_TYPES:
        text, meta = _trafilatura(fetched)
    else:
        raise PageUnreadable(
            f"The link leads to a {fetched.content_type} file, not a web page: paste the article's text instead."
        )
    title = _clean(meta.get("title"))[:500]
    body = _paragraphs(text, title)
    if _prose_words(body) < MIN_ARTICLE_WORDS:
        raise PageUnreadable(
            "No article text was found on the page (only menus, forms or a few words: it may need a sign-in, "
            "be a cookie wall or be built by JavaScript). Open it in a browser and paste the text instead, or "
            "retry once the page shows the article."
        )
    parts = urlsplit(fetched.url)
    return PageArticle(
        title=title,
        body=body,
        author=_clean(meta.get("author"))[:300],
        published_on=_date(meta.get("date")),
        site_name=_clean(meta.get("sitename"))[:200] or domain_of(fetched.url),
        home_url=urlunsplit((parts.scheme, parts.netloc, "/", "", "")),
    )


def _trafilatura(fetched):
    import trafilatura

    # With a charset in the header, decode as told; without one, trafilatura reads <meta charset> or guesses.
    html = fetched.text() if fetched.charset else fetched.body
    document = trafilatura.bare_extraction(
        html, url=fetched.url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if document is None:
        return "", {}
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    return data.get("text") or "", data


def _clean(value):
    return " ".join(str(value or "").split())


def _paragraphs(text, title):
    """One blank line between paragraphs; the headline dropped when the text repeats it first."""
    lines = [" ".join(line.split()) for line in text.replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    if lines and title and lines[0] == title:
        lines = lines[1:]
    return "\n\n".join(lines)


def _prose_words(body):
    return sum(n for n in (len(line.split()) for line in body.split("\n")) if n >= MIN_LINE_WORDS)


def _date(value):
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
