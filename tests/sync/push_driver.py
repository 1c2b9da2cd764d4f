"""`python -m tests.sync.push_driver URL KILLS SEED`: push a working copy's outbox in a child
process and kill it (SIGKILL) at KILLS random moments of the push, then push once more to the
end. Forked children start in milliseconds (everything is imported once, here), so a hundred
kills fit in a test; each child opens the copy and the server itself, as `hjem sync` does.

A kill comes after a random number of answered operations (0 to 3) and a random part of the
next one: so it falls anywhere in an operation's path (before the server applies it, between
the server's commit and the copy's, after both). Prints one JSON line: the kills made, the
children that finished on their own, the seed, and how many answers came before the last
run and in it (the kills spread over the push)."""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time

from hjem.db.workspace import Workspace
from hjem.sync.copy import open_copy
from hjem.sync.push import push

MAX_OPS_BEFORE_KILL = 3
STEP_S = 0.004  # about one operation's time on the suite's server


def child(url: str, pipe: int, seed: int) -> None:
    """Open the server and the copy, say so, and push, saying each answer."""
    pace = random.Random(seed)
    server, copy = Workspace(url), open_copy(url)
    os.write(pipe, b"s")

    def answered(_done: int, _total: int) -> None:
        os.write(pipe, b".")
        time.sleep(pace.uniform(0, 0.002))  # the next operation starts a little later

    push(server, copy, answered)
    os.write(pipe, b"e")
    os._exit(0)


def attempt(url: str, chooser: random.Random, kill: bool) -> tuple[bool, int]:
    """One child: whether it finished the push (it was not killed first), and how many
    answers it said."""
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(reading)
        try:
            child(url, writing, chooser.randrange(1 << 30))
        finally:
            os._exit(3)
    os.close(writing)
    finished, answers = _watch(reading, chooser, kill, pid)
    _, status = os.waitpid(pid, 0)
    os.close(reading)
    if not finished and not kill:
        raise SystemExit(f"the last push failed: {status}")
    return finished, answers


def _watch(reading: int, chooser: random.Random, kill: bool, pid: int) -> tuple[bool, int]:
    if os.read(reading, 1) != b"s":
        return False, 0  # the child died before it began (its error is on stderr)
    wanted = chooser.randint(0, MAX_OPS_BEFORE_KILL) if kill else -1
    answers = 0
    while answers != wanted:
        said = os.read(reading, 1)
        if said in (b"e", b""):
            return said == b"e", answers
        answers += 1
    time.sleep(chooser.uniform(0, STEP_S))
    os.kill(pid, signal.SIGKILL)
    return False, answers


def main(url: str, kills: int, seed: int) -> None:
    chooser = random.Random(seed)
    made = finished = answered = 0
    while made < kills:
        done, answers = attempt(url, chooser, kill=True)
        answered += answers
        if done:
            finished += 1  # the outbox was empty, or emptied before the kill came
            break
        made += 1
    _, last = attempt(url, chooser, kill=False)
    outcome = {"kills": made, "finished_early": finished, "seed": seed}
    print(json.dumps({**outcome, "answered_while_killed": answered, "answered_last": last}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
