"""The network between a laptop and the team server, as tests need it: a TCP relay in front of
the suite's PostgreSQL that a test can cut (refusing, every open connection dropped) or make
silent (taking connections and never answering), and put back. Real sockets, real driver:
what the laptop sees is what it would see on a train or in a basement."""

from __future__ import annotations

import socket
import threading
from contextlib import suppress
from enum import Enum


class Line(Enum):
    UP = "up"  # the relay forwards
    SILENT = "silent"  # connections are taken and never answered
    CUT = "cut"  # nothing listens: connections are refused, open ones dropped


class Relay:
    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self.line = Line.UP
        self._open: list[socket.socket] = []
        self._lock = threading.Lock()
        self._listener: socket.socket | None = None
        self.port = 0
        self._listen()

    def _listen(self) -> None:
        listener = socket.create_server(("127.0.0.1", self.port))  # the same port again
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def set(self, line: Line) -> None:
        before, self.line = self.line, line
        if line is not Line.UP:
            self._drop_all()
        if line is Line.CUT:
            self._stop_listening()
        elif before is Line.CUT:
            self._listen()

    def close(self) -> None:
        self._stop_listening()
        self._drop_all()

    def _stop_listening(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            with suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)  # wakes the thread waiting in accept()
            with suppress(OSError):
                listener.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            self._keep(client)
            if self.line is Line.UP:
                self._forward(client)
            # SILENT: kept open, never read, never answered

    def _forward(self, client: socket.socket) -> None:
        try:
            server = socket.create_connection(self.target, timeout=5)
        except OSError:
            self._drop(client)
            return
        server.settimeout(None)
        self._keep(server)
        for source, sink in ((client, server), (server, client)):
            threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        with suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        self._drop(source)
        self._drop(sink)

    def _keep(self, connection: socket.socket) -> None:
        with self._lock:
            self._open.append(connection)

    def _drop(self, connection: socket.socket) -> None:
        with suppress(OSError):
            connection.shutdown(socket.SHUT_RDWR)
        with suppress(OSError):
            connection.close()

    def _drop_all(self) -> None:
        with self._lock:
            connections, self._open = self._open, []
        for connection in connections:
            self._drop(connection)
