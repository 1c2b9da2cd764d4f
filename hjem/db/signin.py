"""Signing in to a team's server as oneself: the server's settings (never a password), the
address made from them and a person's name and password, and the sign-in itself.

Signing in asks the server who the person is before the workspace is opened: a login in none
of hjem's groups would otherwise only hear "permission denied". What went wrong is said in the
sign-in dialog's words (name or password, a disabled login, TLS, a server that does not
answer), never in the driver's, which may name the server's files.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from hjem.db.engine import POSTGRES_CONNECT_ARGS, database_url
from hjem.db.problems import explain
from hjem.db.roles import Identity, identify
from hjem.db.server_address import TeamServer
from hjem.db.workspace import Workspace, open_workspace
from hjem.errors import DatabaseProblem, UserError
from hjem.i18n import Message, msg

# A server that takes the connection and never answers is given up on after this long, so
# the sign-in dialog says so within 5 s.
SIGN_IN_TIMEOUT_S = 4
# The general database messages, in the sign-in dialog's words (it has the name and password
# fields, and the server's settings are a menu away, not an environment variable).
IN_SIGN_IN_WORDS = {
    "database.login_refused": "signin.wrong_login",
    "database.login_disabled": "signin.disabled",
    "database.unreachable": "signin.unreachable",
    "database.no_such_database": "signin.no_such_database",
}


__all__ = [
    "SignInProblem",
    "SignedIn",
    "TeamServer",
    "sign_in",
    "sign_in_message",
    "sign_in_reachable",
]
# A server that says these has not answered at all (the others are answers: a refused
# password, TLS, a missing database).
NO_ANSWER = frozenset({"signin.unreachable", "signin.no_answer"})


class SignInProblem(UserError):
    """Signing in did not work; `message` says why, for the sign-in dialog."""


@dataclass(frozen=True)
class SignedIn:
    workspace: Workspace
    identity: Identity


def sign_in(url: str) -> SignedIn:
    """Connect as the person in `url`, learn their group, and open their workspace; a
    SignInProblem that says why not. Blocks for up to SIGN_IN_TIMEOUT_S: not on a UI thread."""
    identity = _identify(url)
    if identity.group is None:
        raise SignInProblem(msg("signin.not_a_person", user=identity.user))
    try:
        workspace = open_workspace(url)
    except DatabaseProblem as problem:  # an old schema on the server, a refused table
        raise SignInProblem(problem.message) from None
    return SignedIn(workspace, identity)


def sign_in_reachable(url: str) -> bool:
    """Whether the server at `url` answers at all: a refused password is an answer. Blocks
    for up to SIGN_IN_TIMEOUT_S, like `sign_in`."""
    try:
        _identify(url)
    except SignInProblem as problem:
        return problem.message.key not in NO_ANSWER
    return True


def _identify(url: str) -> Identity:
    try:
        address = database_url(url)  # TLS refused for another computer before anything is sent
    except DatabaseProblem as problem:
        raise SignInProblem(problem.message) from None
    arguments = {**POSTGRES_CONNECT_ARGS, "connect_timeout": SIGN_IN_TIMEOUT_S}
    engine = create_engine(address, hide_parameters=True, connect_args=arguments)
    try:
        with engine.connect() as connection:
            return identify(connection)
    except SQLAlchemyError as error:
        # `from None`: the driver's error stays out of the chain a log could print.
        raise SignInProblem(sign_in_message(error, address)) from None
    finally:
        engine.dispose()


def sign_in_message(error: BaseException, url: str) -> Message:
    """What a failed sign-in means, in the sign-in dialog's words."""
    if _no_connect_privilege(error):  # only hjem's groups may connect to its database
        return msg("signin.not_a_person", user=make_url(url).username or "")
    general = explain(error, url) or msg("signin.unreachable", host=_host(url))
    params = dict(general.params)
    if general.key == "database.no_answer":
        return msg("signin.no_answer", host=params.get("host", ""), count=SIGN_IN_TIMEOUT_S)
    if general.key in IN_SIGN_IN_WORDS:
        return msg(IN_SIGN_IN_WORDS[general.key], **params)
    return general


def _no_connect_privilege(error: BaseException) -> bool:
    cause = getattr(error, "orig", None) or error
    return "connect privilege" in str(cause).lower()  # looked at, never shown


def _host(url: str) -> str:
    return make_url(url).host or "localhost"
