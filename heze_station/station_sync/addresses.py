"""The city server's address as a person types it, and whether it is encrypted; light, for the enrolment dialog."""

import ipaddress
import unicodedata
from urllib.parse import urlsplit


def normalise_url(url: str) -> str:
    """The server address as typed ("city.example.cn:8000", with or without https://) in the form requests use:
    without a scheme, https. Typed with a Chinese input method left on (http：//10。37。17。2：8000), it is read as
    meant: full-width letters, digits and colons as ASCII, an ideographic full stop as a dot."""
    url = unicodedata.normalize("NFKC", url).replace("。", ".")
    url = "".join(url.split()).rstrip("/")
    if url and "://" not in url:
        url = "https://" + url
    return url


def unencrypted(url: str) -> bool:
    """Whether requests to ``url`` would cross a network in clear: plain http to anything but this computer."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False  # not an address at all: refused as such when sent (services.sync.enrol)
    if parts.scheme == "https":
        return False
    host = parts.hostname or ""
    if host == "localhost":
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return True


def is_address(url: str) -> bool:
    """Whether ``url`` names a server: http or https, a host, and a port if any that is a number."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises for a port that is not a number)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)
