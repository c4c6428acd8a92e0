"""The visitor's network address behind the site's own reverse proxies.

``X-Forwarded-For`` is written by whoever sends the request, so it is read
only when the direct peer (``REMOTE_ADDR``) is one of ``TRUSTED_PROXIES``;
then the visitor is the right-most address in it that is not itself a trusted
proxy (what the proxies saw; anything further left may be forged). With no
trusted proxy configured, or a request from anywhere else, the address is
``REMOTE_ADDR``.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(proxies):
    return tuple(ipaddress.ip_network(p, strict=False) for p in proxies)


def _address(value):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _trusted(address):
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    return address is not None and any(address in network for network in networks)


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    if not _trusted(_address(remote)):
        return remote
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            return remote  # a garbled header: believe none of it
        if not _trusted(address):
            return str(address)
    return remote
