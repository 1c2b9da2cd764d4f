"""Mutations of plan.json's value: numbers no writer makes, texts with lone surrogates and
control characters, missing keys, wrong types, cloned elements, dangling references, deep
nesting and arrays beyond the format's limits.

A mutation changes the parsed plan (a dict) in place, using a seeded `random.Random`, and
returns a short name. `Raw` holds JSON text that Python's `json` would not write (NaN, a
number of 5 000 digits, `\\udfff`), spliced in by `serialized`."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass
from typing import Any

from hjem.floorplan.validation import MAX_ELEMENTS, MAX_POLYGON_POINTS, MAX_TEXT

JsonMutation = Callable[[dict[str, Any], random.Random], str]
COLLECTIONS = ("walls", "rooms", "openings", "fixtures", "placements", "dimensions", "labels")
# How many copies of an element a clone makes. Larger plans are the format limits' business
# (issue 12, point 5); the limit itself is tried by `beyond_limit`.
CLONE_COUNTS = (1, 2, 5, 20, 60)


@dataclass(frozen=True)
class Raw:
    """JSON text written as it is."""

    text: str


NUMBER_TOKENS = (
    "0", "-0", "-0.0", "-1", "1e-320", "5e-324", "-1e9", "1e27", "1e300", "1.7976931348623157e308",
    "1e309", "-1e999", "NaN", "Infinity", "-Infinity", "1" + "0" * 30, "9" * 400,
    "1" + "0" * 5000, "18446744073709551616", "-9223372036854775809", "0.1e-999999",
    "1e999999999999", "true", "null", '"12"', "[]",
)  # fmt: skip
STRING_TOKENS = (
    '"\\udfff"', '"a\\ud800b"', '"\\ud83d"', '"\\u0000"', '"\\u0007\\u001b[2J"',
    '"\\u202eevil"', '"line\\nbreak\\ttab"', '""', '" "', '"../../etc/passwd"',
    '"C:\\\\con"', '"\\ufeff"', '"\\uffff"', '"e\\u0301\\u0301\\u0301\\u0301"', '"%s%n{0}{x}"',
    '"<b>&amp;</b>"', "0", "null", "[]", "{}",
)  # fmt: skip
ANY_TOKENS = ("null", "true", "false", "0", '""', "[]", "{}", '"x"', "[[1, 2]]", '{"id": "x"}')


def serialized(plan: Any, rng: random.Random) -> bytes:
    """`plan` as plan.json's bytes, `Raw` values spliced in; sometimes with invalid UTF-8."""
    raws: list[str] = []

    def placeholder(value: object) -> object:
        if isinstance(value, Raw):
            raws.append(value.text)
            return f"\0RAW{len(raws) - 1}\0"
        raise TypeError(type(value))

    text = json.dumps(plan, ensure_ascii=rng.random() < 0.5, default=placeholder)
    for index, raw in enumerate(raws):
        text = text.replace(f'"\\u0000RAW{index}\\u0000"', raw, 1)
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate as (invalid) UTF-8 bytes


def _nodes(value: Any, kinds: tuple[type, ...]) -> list[tuple[Any, Any]]:
    """(container, key) of every value of one of `kinds` below `value`."""
    found: list[tuple[Any, Any]] = []
    stack = [value]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, child in items:
            if (float in kinds) if _is_number(child) else isinstance(child, kinds):
                found.append((node, key))  # any number counts as a float
            if isinstance(child, dict | list):
                stack.append(child)
    return found


def _replace_one(plan: dict[str, Any], rng: random.Random, kinds: tuple[type, ...], tokens):
    nodes = _nodes(plan, kinds)
    if not nodes:
        return None
    container, key = rng.choice(nodes)
    token = rng.choice(tokens)
    container[key] = Raw(token)
    return f"{key}={token[:20]}"


def odd_number(plan: dict[str, Any], rng: random.Random) -> str:
    return f"json:number:{_replace_one(plan, rng, (float,), NUMBER_TOKENS)}"


def odd_string(plan: dict[str, Any], rng: random.Random) -> str:
    return f"json:string:{_replace_one(plan, rng, (str,), STRING_TOKENS)}"


def long_string(plan: dict[str, Any], rng: random.Random) -> str:
    nodes = _nodes(plan, (str,))
    if not nodes:
        return "json:long-string:none"
    container, key = rng.choice(nodes)
    length = rng.choice((MAX_TEXT, MAX_TEXT + 1, 100_000, 2_000_000))
    container[key] = rng.choice(("ø", "x", "\U0001f600", "\u0301")) * length
    return f"json:long-string:{key}*{length}"


def wrong_type(plan: dict[str, Any], rng: random.Random) -> str:
    return f"json:type:{_replace_one(plan, rng, (dict, list, str, float, bool), ANY_TOKENS)}"


def delete_key(plan: dict[str, Any], rng: random.Random) -> str:
    objects = [(c, k) for c, k in _nodes(plan, (dict,)) if c[k]] + [(None, plan)]
    container, key = rng.choice(objects)
    target = plan if container is None else container[key]
    if not target:
        return "json:delete:none"
    gone = rng.choice(sorted(target))
    del target[gone]
    return f"json:delete:{gone}"


def _objects(plan: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """The objects in `plan[name]` (which an earlier mutation may have made no list)."""
    items = plan.get(name)
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _elements(plan: dict[str, Any]) -> list[tuple[str, list[Any]]]:
    return [
        (name, plan[name])
        for name in COLLECTIONS
        if isinstance(plan.get(name), list) and plan[name]
    ]


def clone_elements(plan: dict[str, Any], rng: random.Random) -> str:
    """Copies of an element with new ids, on the same spot or spread around: many overlapping
    pieces, walls over walls, doors in the same place."""
    collections = _elements(plan)
    if not collections:
        return "json:clone:none"
    name, items = rng.choice(collections)
    original = rng.choice(items)
    count = rng.choice(CLONE_COUNTS)
    spread = rng.choice((0.0, 1.0, 50.0))
    for n in range(count):
        copy = deepcopy(original)
        if isinstance(copy, dict):
            copy["id"] = f"fz{n}-{copy.get('id')}"
            _shift(copy, rng.uniform(-spread, spread), rng.uniform(-spread, spread))
        items.append(copy)
    return f"json:clone:{name}x{count}~{spread}"


def _shift(element: dict[str, Any], dx: float, dy: float) -> None:
    for key in ("start", "end", "center", "at"):
        point = element.get(key)
        if isinstance(point, list) and len(point) == 2 and all(_is_number(v) for v in point):
            element[key] = [point[0] + dx, point[1] + dy]


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def same_id(plan: dict[str, Any], rng: random.Random) -> str:
    """Two elements with one id, or an element with an empty one."""
    ids = [c for c, _ in _nodes(plan, (str,)) if isinstance(c, dict) and "id" in c]
    if not ids:
        return "json:same-id:none"
    element = rng.choice(ids)
    element["id"] = rng.choice([*(other["id"] for other in ids), ""])
    return f"json:same-id:{str(element['id'])[:20]}"


def dangling_reference(plan: dict[str, Any], rng: random.Random) -> str:
    openings = plan.get("openings")
    if not isinstance(openings, list) or not openings or not isinstance(openings[0], dict):
        return "json:dangling:none"
    opening = rng.choice([o for o in openings if isinstance(o, dict)] or [openings[0]])
    other_ids = [c["id"] for c, _ in _nodes(plan, (str,)) if isinstance(c, dict) and "id" in c]
    opening["wall"] = rng.choice(["nowhere", "", *other_ids])
    return f"json:dangling:{str(opening['wall'])[:20]}"


def deep_nesting(plan: dict[str, Any], rng: random.Random) -> str:
    depth = rng.choice((50, 1000, 100_000))
    nested = (
        "[" * depth + "]" * depth if rng.random() < 0.5 else '{"a":' * depth + "1" + "}" * depth
    )
    nodes = _nodes(plan, (dict, list, str, float))
    container, key = rng.choice(nodes) if nodes else (plan, "title")
    container[key] = Raw(nested)
    return f"json:nest:{key}@{depth}"


def beyond_limit(plan: dict[str, Any], rng: random.Random) -> str:
    """A collection or a polygon one longer than the format allows, or a polygon at its limit."""
    rooms = _objects(plan, "rooms")
    if rooms and rng.random() < 0.3:
        room = rng.choice(rooms)
        count = MAX_POLYGON_POINTS + 1
        room["polygon"] = [[i % 7, i // 7] for i in range(count)]
        return f"json:limit:polygon{count}"
    name = rng.choice(COLLECTIONS)
    count = MAX_ELEMENTS[name][0] + 1
    plan[name] = Raw("[" + ",".join(["0"] * count) + "]")
    return f"json:limit:{name}{count}"


def odd_polygon(plan: dict[str, Any], rng: random.Random) -> str:
    rooms = _objects(plan, "rooms")
    if not rooms:
        return "json:polygon:none"
    shapes = {
        "empty": [],
        "point": [[0, 0]],
        "line": [[0, 0], [100, 0]],
        "bowtie": [[0, 0], [400, 400], [400, 0], [0, 400]],
        "repeated": [[0, 0]] * 5 + [[300, 0], [300, 300], [300, 300]],
        "collinear": [[i * 10, 0] for i in range(50)],
        "spiky": [[0, 0], [500, 0], [500, 500], [250, 1], [0, 500]],
        "nested-list": [[[0, 0]], [[1, 1]], [[2, 2]]],
        "zigzag": [[i * 2, (i % 2) * 400] for i in range(120)] + [[240, 500], [0, 500]],
    }
    shape = rng.choice(sorted(shapes))
    rng.choice(rooms)["polygon"] = shapes[shape]
    return f"json:polygon:{shape}"


def odd_geometry(plan: dict[str, Any], rng: random.Random) -> str:
    """Values of the right type that make odd shapes: a wall of no length, a piece turned a
    billion degrees, a size below a float's precision, a plan a kilometre across."""
    elements = [e for _, items in _elements(plan) for e in items if isinstance(e, dict)]
    if not elements:
        return "json:geometry:none"
    element = rng.choice(elements)
    choice = rng.randrange(5)
    if choice == 0 and "start" in element and "end" in element:
        element["end"] = element["start"]
        return "json:geometry:zero-length"
    if choice == 1:
        key = rng.choice(("rotation", "swing_angle", "offset"))
        element[key] = rng.choice((1e9, -720.5, 359.9999999, 1e-12, 90.00000001))
        return f"json:geometry:{key}"
    if choice == 2:
        key = rng.choice(("width", "depth", "thickness", "height", "size"))
        element[key] = rng.choice((1e-300, 1e-9, 0.001, 99_999.0, 1e7))
        return f"json:geometry:{key}"
    far = rng.choice((1e5, 1e6, -1e6, 1e15))
    _shift(element, far, far)
    return f"json:geometry:far{far}"


def top_level(plan: dict[str, Any], rng: random.Random) -> str:
    key, value = rng.choice(
        [
            ("format", "hjem-plan "),
            ("schema_version", 0),
            ("schema_version", 2),
            ("schema_version", Raw("1.0")),
            ("schema_version", Raw("1" + "0" * 5000)),
            ("units", "inch"),
            ("case_code", "\u202e\ud800"),
            ("background", {"image": "background.png", "cm_per_pixel": 1, "origin": [0, 0]}),
            ("background", {"image": "../plan.json", "cm_per_pixel": 1, "origin": [0, 0]}),
            ("background", {"image": "plan.json", "cm_per_pixel": 0, "origin": [0, 0]}),
            ("background", []),
        ]
    )
    plan[key] = value
    return f"json:top:{key}"


ODD_TEXTS = (
    "\u202eevil\u202c", "\U0001f6cb\ufe0f sofa \U0001f600", "e\u0301" * 200, "\u200b\u200d\ufeff",
    "\u0007\u001b[2J\u0000", "\u4f60\u597d \u0645\u0631\u062d\u0628\u0627", "\U00010000" * 100,
    "\ufffd\uffff", "line\nbreak\ttab\r", "%s{x}{0}<b>&amp;", "\\\\server\\c$",
)  # fmt: skip


def odd_valid_text(plan: dict[str, Any], rng: random.Random) -> str:
    """A text the reader accepts but a printer or a font may not expect: other scripts, right
    to left, emoji, combining marks, control characters, zero-width ones, the longest allowed."""
    keys = ("title", "name", "label", "text")
    nodes = [(c, k) for c, k in _nodes(plan, (str,)) if k in keys] or [(plan, "title")]
    container, key = rng.choice(nodes)
    text = rng.choice(ODD_TEXTS)
    if rng.random() < 0.3:
        text = (text * MAX_TEXT)[:MAX_TEXT]
    container[key] = text
    return f"json:odd-text:{key}={text[:12]!r}"


# Weighted towards plans the reader still accepts, so that the engine and the printout see
# odd plans too, not only the reader's refusals.
JSON_MUTATIONS: tuple[JsonMutation, ...] = (
    *(odd_number, odd_number, odd_string, long_string, wrong_type, delete_key, same_id),
    *(dangling_reference, deep_nesting, beyond_limit, top_level),
    *(clone_elements,) * 4,
    *(odd_geometry,) * 4,
    *(odd_polygon,) * 2,
    *(odd_valid_text,) * 4,
)
