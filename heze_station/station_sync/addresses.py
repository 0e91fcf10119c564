"""The city server's address as a person types it, and whether it is encrypted; light, for the enrolment dialog."""

import ipaddress
from urllib.parse import urlsplit


def normalise_url(url: str) -> str:
    """The server address as typed ("city.example.cn:8000", with or without https://) in the form requests use:
    without a scheme, https."""
    url = url.strip().rstrip("/")
    if url and "://" not in url:
        url = "https://" + url
    return url


def unencrypted(url: str) -> bool:
    """Whether requests to ``url`` would cross a network in clear: plain http to anything but this computer."""
    parts = urlsplit(url)
    if parts.scheme == "https":
        return False
    host = parts.hostname or ""
    if host == "localhost":
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return True
