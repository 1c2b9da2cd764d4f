"""Guessing what a Sweet Home 3D piece or room is from its catalog id and name.

Sweet Home 3D's own catalog ids are English ("eTeks#doubleBed", "Scopia#kitchen-cabinet"),
and architects name pieces in Danish or English. The words are tried in order, longest
meaning first ("sofabord" before "sofa", "armchair" before "chair"); a piece nothing matches
is `andet`, never a wrong guess made to look sure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from hjem.floorplan.model import FixtureKind, RoomKind
from hjem.floorplan.room_names import kind_named

# (words, category). Substrings of the lower-cased name or id, so Danish compounds match
# ("dobbeltseng", "hjørnesofa"); a word with a leading space only starts a word ("klædeskab"
# holds "desk").
CATEGORY_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("natbord", "sengebord", "bedside", "nightstand", "night table"), "natbord"),
    (("tv-bord", "tvbord", "tv bench", "tv stand", "tv unit", "tv-møbel"), "tvbord"),
    (("skænk", "skaenk", "sideboard", "buffet", "credenza"), "skaenk"),
    (("barstol", "bar stool", "barstool", "counter stool"), "barstol"),
    (("sofabord", "coffee table", "coffeetable", "sofa table"), "sofabord"),
    (("klædeskab", "klaedeskab", "garderobe", "wardrobe", "closet", "armoire"), "klaedeskab"),
    (("skrivebord", " desk"), "skrivebord"),
    (("spisebord", "dining table", "kitchen table", "køkkenbord", "table", "bord"), "spisebord"),
    (("lænestol", "laenestol", "armchair", "arm chair", "recliner", "hvilestol"), "laenestol"),
    (("sofa", "couch", "settee", "divan"), "sofa"),
    (("tremmeseng", "barneseng", "babyseng", "crib", " cot", "cradle", "vugge"), "barneseng"),
    (("madras", "mattress"), "madras"),
    (("seng", "bed"), "seng"),
    (("stol", "chair", "stool", "taburet", "skammel"), "stol"),
    (("kommode", "dresser", "chest of drawers", "drawer", "skuffe"), "kommode"),
    (("reol", "bookcase", "bookshelf", "shelf", "shelves", "hylde"), "reol"),
    (("tæppe", "taeppe", " rug", "carpet"), "taeppe"),
    (("lampe", "lamp"), "lampe"),
    (("køleskab", "koeleskab", "fryser", "fridge", "refrigerator", "freezer"), "koeleskab"),
    (("vaskemaskine", "tørretumbler", "washing machine", "washer", "dryer"), "vaskemaskine"),
    (("legetøj", "legetoej", " toy"), "legetoej"),
)

FIXTURE_WORDS: tuple[tuple[tuple[str, ...], FixtureKind], ...] = (
    (("radiator", "radiatør", "heater", "varmeapparat"), FixtureKind.RADIATOR),
    (
        (
            *("kitchen cabinet", "kitchen unit", "kitchen counter", "worktop", "countertop"),
            *("køkkenskab", "køkkenelement", "underskab", "bordplade", "sink", "køkkenvask"),
            *("cooker", "komfur", "stove", "oven", "ovn", "dishwasher", "opvaskemaskine"),
        ),
        FixtureKind.KITCHEN_COUNTER,
    ),
    (("column", "pillar", "søjle", "soejle"), FixtureKind.COLUMN),
    (("built-in wardrobe", "indbygget", "skabsvæg"), FixtureKind.BUILTIN_WARDROBE),
)

ROOM_WORDS: tuple[tuple[tuple[str, ...], RoomKind], ...] = (
    (("altan", "balkon", "balcony", "terrasse", "terrace", "patio"), RoomKind.ALTAN),
    (("børnevær", "boernevaer", "barnevær", "child", "kid", "nursery"), RoomKind.BOERNEVAERELSE),
    (("soveværelse", "sovevaerelse", "bedroom", "sove"), RoomKind.SOVEVAERELSE),
    (("køkken", "koekken", "kitchen"), RoomKind.KOEKKEN),
    (("stue", "living", "lounge", "opholds"), RoomKind.STUE),
    (("badeværelse", "bad", "bath", "shower"), RoomKind.BAD),
    (("toilet", "wc", "lavatory"), RoomKind.TOILET),
    (("bryggers", "utility", "laundry", "vaskerum"), RoomKind.BRYGGERS),
    (("entré", "entre", "hall", "forstue", "vindfang"), RoomKind.ENTRE),
    (("gang", "corridor", "passage"), RoomKind.GANG),
    (("depot", "storage", "pantry", "spisekammer", "pulterkammer"), RoomKind.DEPOT),
)

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def words_of(name: str, catalog_id: str = "") -> str:
    """The name and the catalog id's own part ("doubleBed" → "double bed"), lower case."""
    own = catalog_id.split("#", 1)[-1]
    spaced = _CAMEL.sub(" ", own).replace("-", " ").replace("_", " ")
    return f" {name} {spaced}".casefold()


def _first(text: str, table: tuple[tuple[tuple[str, ...], object], ...]) -> object | None:
    for words, what in table:
        if any(word in text for word in words):
            return what
    return None


@lru_cache(maxsize=1024)  # a home repeats its catalog's pieces: forty "Chair"s
def category_of(name: str, catalog_id: str = "") -> str:
    found = _first(words_of(name, catalog_id), CATEGORY_WORDS)
    return found if isinstance(found, str) else "andet"


@lru_cache(maxsize=1024)
def fixture_of(name: str, catalog_id: str = "") -> FixtureKind | None:
    found = _first(words_of(name, catalog_id), FIXTURE_WORDS)
    return found if isinstance(found, FixtureKind) else None


def room_kind_of(name: str, ceiling_visible: bool = True) -> RoomKind:
    """The kind a room's name says; a room without a ceiling (a balcony) is an `altan`."""
    if not ceiling_visible:
        return RoomKind.ALTAN
    plain = name.strip().rstrip("0123456789 ").strip()
    named = kind_named(plain) if plain else None
    if named is not None:
        return named
    found = _first(plain.casefold(), ROOM_WORDS)
    return found if isinstance(found, RoomKind) else RoomKind.ANDET
