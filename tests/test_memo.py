"""The identity memo behind the plan's layout, walkway, symbol and photo caches."""

import gc
import weakref

import pytest

from hjem.memo import IdentityMemo


class Thing:
    """An object that can be weakly referenced (tuples and bytes cannot)."""


def test_the_same_object_finds_its_value_and_an_equal_one_does_not():
    memo: IdentityMemo[str] = IdentityMemo(4)
    key = tuple([1, 2])
    made = []
    assert memo.get((key,), lambda: made.append(1) or "first") == "first"
    assert memo.get((key,), lambda: made.append(1) or "again") == "first"
    assert memo.get((tuple([1, 2]),), lambda: "equal, not the same") == "equal, not the same"
    assert len(made) == 1


def test_plain_values_join_the_key_by_value():
    memo: IdentityMemo[float] = IdentityMemo(4)
    piece = Thing()
    assert memo.get((piece,), lambda: 1.0, values=(10.0, 20.0)) == 1.0
    assert memo.get((piece,), lambda: 2.0, values=(10.0, 20.0)) == 1.0
    assert memo.get((piece,), lambda: 3.0, values=(10.0, 21.0)) == 3.0


def test_a_kept_key_stays_alive_so_its_id_cannot_name_another_object():
    memo: IdentityMemo[str] = IdentityMemo(2)
    key = Thing()
    alive = weakref.ref(key)
    memo.get((key,), lambda: "value")
    del key
    gc.collect()
    assert alive() is not None  # held by the memo: no new object can take its id
    memo.get((Thing(),), lambda: "b")
    memo.get((Thing(),), lambda: "c")  # the first entry is dropped now
    gc.collect()
    assert alive() is None


def test_it_is_bounded_and_drops_the_least_recently_used_first():
    memo: IdentityMemo[int] = IdentityMemo(2)
    a, b, c = Thing(), Thing(), Thing()
    memo.get((a,), lambda: 1)
    memo.get((b,), lambda: 2)
    memo.get((a,), lambda: 0)  # a used again: b is now the oldest
    memo.get((c,), lambda: 3)
    assert len(memo) == 2
    assert memo.get((a,), lambda: -1) == 1
    assert memo.get((b,), lambda: -2) == -2  # b was dropped and is made again


def test_a_memo_holds_at_least_one_entry():
    with pytest.raises(ValueError):
        IdentityMemo(0)
