"""A small bounded memo keyed by the identity of objects.

Plan values are immutable, and the same tuple or bytes object comes back while nothing changed:
asking "is it the very same object?" is far cheaper than hashing or comparing it. An entry keeps
its key objects alive, so an id is never reused while the entry lives and an identity match is
always the object itself. Plain values (numbers) may join the key; they are compared by value.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from operator import is_
from typing import Generic, TypeVar

V = TypeVar("V")


class IdentityMemo(Generic[V]):
    """Up to `size` values, the least recently used dropped first; safe to share across threads."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("a memo holds at least one entry")
        self.size = size
        self._entries: OrderedDict[Hashable, tuple[tuple[object, ...], V]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, objects: tuple[object, ...], make: Callable[[], V], values: Hashable = ()) -> V:
        """The value kept for these very `objects` (and equal `values`), made by `make` and kept
        if there is none."""
        key = (tuple(map(id, objects)), values)
        # A hit takes no lock: each OrderedDict call is atomic, and entries are never changed.
        entry = self._entries.get(key)
        if entry is not None and all(map(is_, entry[0], objects)):
            try:
                self._entries.move_to_end(key)
            except KeyError:  # another thread dropped it just now: still the right value
                return entry[1]
            return entry[1]
        value = make()  # outside the lock: making may take long, or use another memo
        with self._lock:
            self._entries[key] = (objects, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
