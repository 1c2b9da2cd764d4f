"""Where the team's server is, as the app's settings keep it: host, port, database, TLS mode and
the CA file; never a name's password. Light on purpose: the start screen reads it before the
database layer loads."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_PORT = 5432
DEFAULT_DATABASE = "hjem"
DEFAULT_TLS_MODE = "verify-full"  # as hjem.db.tls requires for another computer


@dataclass(frozen=True)
class TeamServer:
    """Where the team's server is, as the app's settings keep it: no name, no password."""

    host: str
    port: int = DEFAULT_PORT
    database: str = DEFAULT_DATABASE
    sslmode: str = DEFAULT_TLS_MODE
    sslrootcert: str = ""  # the CA file that signed the server's certificate

    def url(self, name: str, password: str) -> str:
        """The address to sign in as `name` with `password` (kept in memory only)."""
        from sqlalchemy.engine import URL  # loaded when someone signs in, not at start

        query = {"sslmode": self.sslmode}
        if self.sslrootcert:
            query["sslrootcert"] = self.sslrootcert
        address = URL.create(
            "postgresql+psycopg",
            username=name,
            password=password or None,
            host=self.host,
            port=self.port,
            database=self.database,
            query=query,
        )
        return address.render_as_string(hide_password=False)

    @property
    def label(self) -> str:
        """host/database, as the status line and the dialog show it."""
        return f"{self.host}/{self.database}"

    @property
    def keyring_service(self) -> str:
        """The name a remembered password is kept under in the OS keyring."""
        return f"hjem {self.host}:{self.port}/{self.database}"
