"""TLS for a team server: required for anything but this computer.

A server on another computer is reached with `sslmode=verify-full` (the server proves its name
with a certificate signed by the team's CA, `sslrootcert`) unless the address says `verify-ca`
or `require` (the coordinator's guide says when). A weaker mode (`disable`, `allow`,
`prefer`) for another computer is refused before anything is sent: the password and the
families' addresses would cross the network readable. This computer (localhost, a Unix
socket) is left as it is.

libpq's own words for a TLS failure are looked at, never shown (they may name files).
"""

from __future__ import annotations

from sqlalchemy.engine import URL

from hjem.errors import DatabaseProblem
from hjem.i18n import Message, msg

LOCAL_HOSTS = frozenset({"", "localhost", "127.0.0.1", "::1"})
SAFE_MODES = ("verify-full", "verify-ca", "require")
DEFAULT_MODE = "verify-full"
# libpq's and OpenSSL's words for a TLS handshake that failed otherwise.
TLS_FAILURES = ("ssl error", "ssl syscall", "ssl connection", "ssl negotiation", "tlsv1")


def with_tls(address: URL) -> URL:
    """`address` (PostgreSQL) with TLS as hjem requires it; DatabaseProblem for a weak mode."""
    host = server_host(address)
    if is_local(host):
        return address
    mode = _query_value(address, "sslmode")
    if mode is None:
        return address.update_query_dict({"sslmode": DEFAULT_MODE})
    if mode not in SAFE_MODES:
        problem = ValueError("TLS required for a remote server")
        raise DatabaseProblem(problem, msg("tls.required", mode=mode, host=host))
    return address


def server_host(address: URL) -> str:
    """The host hjem connects to: the URL's, or libpq's `host` parameter (a socket folder)."""
    return address.host or _query_value(address, "host") or ""


def is_local(host: str) -> bool:
    """This computer: localhost, its loopback addresses, or a Unix socket's folder."""
    return host.lower() in LOCAL_HOSTS or host.startswith("/")


def tls_problem(error_text: str, host: str) -> Message | None:
    """What a connection's failure means when TLS is why; None when it is not."""
    text = error_text.lower()
    if "does not support ssl" in text:
        return msg("tls.not_offered", host=host)
    if "root certificate file" in text:  # missing or unreadable sslrootcert
        return msg("tls.no_ca", host=host)
    if "does not match host name" in text:
        return msg("tls.wrong_name", host=host)
    if "certificate" in text:  # "certificate verify failed", a revoked or expired one
        return msg("tls.untrusted", host=host)
    if any(words in text for words in TLS_FAILURES):
        return msg("tls.refused", host=host)
    return None


def _query_value(address: URL, name: str) -> str | None:
    value = address.query.get(name)
    if isinstance(value, tuple):  # given more than once: libpq takes the last
        value = value[-1] if value else None
    return value or None
