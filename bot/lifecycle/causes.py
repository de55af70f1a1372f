"""Why a connection failed, in a few words: "connection refused", "host name not found".

HTTP and Redis clients wrap the operating system's error in their own, sometimes under a
misleading name (the openai SDK's aiohttp transport reports a refused connection as a
connect *timeout*). The reason is found by walking the exception's chain down to the
socket-level error.
"""

from __future__ import annotations

import errno
import socket
import ssl
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

_BY_ERRNO = {
    errno.ECONNREFUSED: "connection refused",
    errno.ECONNRESET: "connection reset",
    errno.EHOSTUNREACH: "host unreachable",
    errno.ENETUNREACH: "network unreachable",
    errno.ETIMEDOUT: "timed out",
}


def chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception and every one it was raised from or while handling, outermost first."""
    seen: set[int] = set()
    node: BaseException | None = exc
    while node is not None and id(node) not in seen:
        seen.add(id(node))
        yield node
        node = node.__cause__ or node.__context__


def cause(exc: BaseException) -> str | None:
    """The socket-level reason in the chain, or None when there is none (an HTTP error)."""
    nodes = list(chain(exc))
    for node in nodes:
        if isinstance(node, socket.gaierror):
            return "host name not found"
        if isinstance(node, ssl.SSLCertVerificationError):
            return "TLS certificate not trusted"
        if isinstance(node, ssl.SSLError):
            return "TLS failed"
        if isinstance(node, OSError) and node.errno in _BY_ERRNO:
            return _BY_ERRNO[node.errno]
    if any(isinstance(node, TimeoutError) or "Timeout" in type(node).__name__ for node in nodes):
        return "timed out"
    return None


def without_credentials(url: str) -> str:
    """`url` with any user and password taken out (a proxy or a Bot API server may have them)."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit(parts._replace(netloc=netloc))


def redis_address(url: str) -> str:
    """host:port of a Redis URL (never its user or password), or a unix socket's path."""
    parts = urlsplit(url)
    if parts.scheme == "unix":
        return parts.path
    return f"{parts.hostname or 'localhost'}:{parts.port or 6379}"
