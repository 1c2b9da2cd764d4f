"""A real TLS connection: a test-only PostgreSQL server with ssl=on and a certificate for
"localhost" signed by a CA of the test's own. verify-full needs that CA and that name;
verify-ca needs the CA; a CA that did not sign the certificate is not trusted."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import text

from hjem.db.engine import database_url, make_engine
from hjem.db.server_address import TeamServer
from hjem.db.signin import SignInProblem, sign_in
from tests.postgres import PostgresServer

PEM = serialization.Encoding.PEM


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _certificate(subject: str, key, issuer: str, issuer_key, ca: bool, dns: str | None = None):
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(_name(issuer))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if dns:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(dns)]), False)
    return builder.sign(issuer_key, hashes.SHA256())


def _ca(folder: Path, name: str):
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = _certificate(name, key, name, key, ca=True)
    (folder / f"{name}.crt").write_bytes(certificate.public_bytes(PEM))
    return key


@pytest.fixture(scope="module")
def tls_server():
    """(port, folder with team-ca.crt and other-ca.crt) of a server that speaks TLS."""
    folder = Path(tempfile.mkdtemp(prefix="hjem-postgres-tls-"))
    ca_key = _ca(folder, "team-ca")
    _ca(folder, "other-ca")
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = _certificate("localhost", key, "team-ca", ca_key, ca=False, dns="localhost")
    options = f"-c ssl=on -c ssl_cert_file={folder}/server.crt -c ssl_key_file={folder}/server.key"
    server = PostgresServer(folder, options)
    (folder / "server.crt").write_bytes(certificate.public_bytes(PEM))
    private = serialization.PrivateFormat.TraditionalOpenSSL
    none = serialization.NoEncryption()
    (folder / "server.key").write_bytes(key.private_bytes(PEM, private, none))
    for name in ("server.crt", "server.key"):
        server.give_to_server(folder / name)
    try:
        server.start()
    except (FileNotFoundError, OSError) as error:
        pytest.skip(f"no PostgreSQL server: {error}")
    yield server.port, folder
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


def _url(port: int, host: str, mode: str, ca: Path) -> str:
    # The administrator: let in without a password, so only TLS decides here.
    return TeamServer(host, port, "postgres", mode, str(ca)).url("postgres", "")


def test_verify_full_with_the_teams_ca_and_the_servers_name_is_encrypted(tls_server):
    port, folder = tls_server
    engine = make_engine(
        database_url(_url(port, "localhost", "verify-full", folder / "team-ca.crt"))
    )
    with engine.connect() as connection:
        encrypted = connection.execute(
            text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        ).scalar_one()
    engine.dispose()
    assert encrypted is True


def _refusal(url: str) -> SignInProblem:
    started = time.monotonic()
    with pytest.raises(SignInProblem) as refused:
        sign_in(url)
    assert time.monotonic() - started < 5
    return refused.value


def test_a_certificate_another_ca_signed_is_not_trusted(tls_server):
    port, folder = tls_server
    problem = _refusal(_url(port, "localhost", "verify-full", folder / "other-ca.crt"))
    assert problem.message.key == "tls.untrusted"
    assert "stoler ikke på localhost" in problem.message.text("da")


def test_verify_full_checks_the_name_and_verify_ca_does_not(tls_server):
    port, folder = tls_server
    problem = _refusal(_url(port, "127.0.0.1", "verify-full", folder / "team-ca.crt"))
    assert problem.message.key == "tls.wrong_name"
    engine = make_engine(database_url(_url(port, "127.0.0.1", "verify-ca", folder / "team-ca.crt")))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT 1")).scalar_one() == 1
    engine.dispose()


def test_a_missing_ca_file_is_said_as_such(tls_server):
    port, folder = tls_server
    problem = _refusal(_url(port, "localhost", "verify-full", folder / "no-such-ca.crt"))
    assert problem.message.key == "tls.no_ca"
