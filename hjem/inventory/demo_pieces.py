"""The demo inventory's pieces: what a local branch of the programme might have in stock.

Names, colours and notes are demo data in Danish (like a person would type them), not texts of
the program, so they are not in the translation catalogs. Sizes are w × d × h in cm (a bed's
width, then its length); values are what the piece is worth second-hand, in kroner."""

from __future__ import annotations

from typing import NamedTuple

from hjem.inventory.models import Condition

NEW, GOOD, FAIR, WORN = (c.value for c in Condition)

WHITE = (238, 237, 233)
OAK = (196, 156, 110)
BEECH = (214, 182, 138)
PINE = (222, 190, 140)
TEAK = (150, 100, 64)
WALNUT = (112, 78, 54)
GREY = (140, 142, 146)
BLACK = (58, 58, 60)
STEEL = (186, 188, 192)


class Piece(NamedTuple):
    name: str
    category: str
    size: tuple[float, float, float]
    colour: str
    rgb: tuple[int, int, int]
    value_kr: int
    condition: str = GOOD
    notes: str = ""
    repair: bool = False
    pet_free: bool = True


PIECES: tuple[Piece, ...] = (
    # Beds and mattresses
    Piece("Dobbeltseng 160 × 200 med madras", "seng", (166, 210, 100), "hvid", WHITE, 1200),
    Piece("Enkeltseng 90 × 200, fyr", "seng", (96, 206, 90), "fyr, natur", PINE, 500),
    Piece("Kontinentalseng 180 × 200, grå", "seng", (180, 200, 110), "grå, stof", GREY, 2500, NEW),
    Piece(
        "Boxmadras 140 × 200 med gavl",
        "seng",
        (140, 200, 105),
        "sand, stof",
        (204, 190, 164),
        900,
        FAIR,
        "Lidt slidt på hjørnerne",
    ),
    Piece("Juniorseng 70 × 160, hvid", "seng", (76, 166, 70), "hvid, lakeret", WHITE, 350),
    Piece("Madras 90 × 200, koldskum", "madras", (90, 200, 16), "hvid", (232, 232, 236), 300),
    Piece(
        "Topmadras 160 × 200",
        "madras",
        (160, 200, 7),
        "lysegrå",
        (220, 222, 226),
        200,
        NEW,
        "I original emballage",
    ),
    Piece(
        "Springmadras 140 × 200",
        "madras",
        (140, 200, 22),
        "hvid med blå kant",
        (170, 190, 214),
        400,
        FAIR,
        "Renset",
    ),
    # Living room
    Piece(
        "Sofa, 3-personers, grå stof",
        "sofa",
        (210, 88, 80),
        "grå, stof",
        (128, 130, 136),
        1500,
        notes="Lille plet på venstre armlæn",
    ),
    Piece(
        "Sofa, 2-personers, blå velour", "sofa", (160, 85, 78), "blå, velour", (64, 84, 128), 1000
    ),
    Piece(
        "Sovesofa, beige",
        "sofa",
        (196, 92, 84),
        "beige, stof",
        (214, 200, 176),
        800,
        FAIR,
        "Sengefunktionen virker; betrækket er vasket",
    ),
    Piece(
        "Sofa, 3-personers, brunt læder",
        "sofa",
        (200, 90, 80),
        "brun, læder",
        (120, 78, 52),
        600,
        WORN,
        "Slidt læder på sæderne",
    ),
    Piece("Lænestol, rustrød", "laenestol", (80, 82, 95), "rustrød, stof", (176, 96, 80), 600),
    Piece(
        "Lænestol, grå",
        "laenestol",
        (78, 84, 100),
        "grå, uld",
        GREY,
        400,
        FAIR,
        "Fra et hjem med kat",
        pet_free=False,
    ),
    Piece("Øreklapstol, grøn", "laenestol", (76, 86, 110), "flaskegrøn", (92, 120, 90), 900),
    Piece("Sofabord, eg, med hylde", "sofabord", (110, 60, 45), "eg", OAK, 400),
    Piece(
        "Sofabord, hvidt, 100 × 55",
        "sofabord",
        (100, 55, 44),
        "hvid",
        WHITE,
        200,
        FAIR,
        "Ridser i bordpladen",
    ),
    Piece("Sofabord, valnød", "sofabord", (120, 60, 46), "valnød", WALNUT, 450),
    Piece("Reol, hvid, 5 hylder", "reol", (80, 28, 202), "hvid", WHITE, 300),
    Piece("Bogreol, eg, 90 cm", "reol", (90, 30, 180), "eg", OAK, 400),
    Piece("Reol, sortbejdset", "reol", (80, 30, 190), "sort", BLACK, 200, FAIR),
    Piece("Tæppe 200 × 140, rødt mønster", "taeppe", (200, 140, 1), "rød", (150, 60, 56), 300),
    Piece("Tæppe 170 × 120, blå striber", "taeppe", (170, 120, 1), "blå", (64, 84, 128), 250, NEW),
    Piece("Tæppe 230 × 160, grå", "taeppe", (230, 160, 1.5), "grå", GREY, 200, FAIR, "Renset"),
    Piece("Gulvlampe, hvid skærm", "lampe", (40, 40, 160), "hvid", (240, 236, 226), 200),
    Piece("Standerlampe, grøn skærm", "lampe", (45, 45, 165), "grøn", (92, 120, 90), 300),
    Piece(
        "Gulvlampe, sort", "lampe", (38, 38, 150), "sort", BLACK, 150, FAIR, "Pære medfølger ikke"
    ),
    # Dining and work
    Piece("Spisebord, eg, 140 × 90", "spisebord", (140, 90, 75), "eg", OAK, 800),
    Piece("Spisebord, hvidt, 120 × 80", "spisebord", (120, 80, 74), "hvid", WHITE, 600),
    Piece(
        "Spisebord med udtræk, bøg, 160 × 90",
        "spisebord",
        (160, 90, 74),
        "bøg",
        BEECH,
        900,
        FAIR,
        "Én udtræksplade medfølger",
    ),
    Piece("Spisebordsstol, sort", "stol", (44, 50, 88), "sort", BLACK, 150),
    Piece(
        "Spisebordsstol, bøg",
        "stol",
        (42, 48, 86),
        "bøg",
        BEECH,
        120,
        FAIR,
        "Løst ben – skal limes",
        repair=True,
    ),
    Piece("Køkkenstol, hvid", "stol", (42, 46, 84), "hvid", WHITE, 100, FAIR),
    Piece("Stol, blå", "stol", (46, 52, 80), "blå, lakeret", (64, 96, 160), 75),
    Piece("Skrivebord med skuffesektion, hvidt", "skrivebord", (120, 60, 74), "hvid", WHITE, 500),
    Piece("Skrivebord, eg-finér, 140 × 70", "skrivebord", (140, 70, 74), "eg", OAK, 700),
    Piece(
        "Skrivebord til børneværelse, birk",
        "skrivebord",
        (100, 50, 72),
        "birk",
        PINE,
        250,
        FAIR,
        "Kuglepen på bordpladen",
    ),
    # Bedroom storage
    Piece("Natbord, hvidt, 1 skuffe", "natbord", (45, 38, 50), "hvid", WHITE, 150),
    Piece("Natbord, eg, med hylde", "natbord", (40, 35, 55), "eg", OAK, 200),
    Piece("Skænk, teak, 3 låger", "skaenk", (160, 45, 78), "teak", TEAK, 900, FAIR),
    Piece("TV-bord, sort, lavt", "tvbord", (150, 40, 45), "sort", BLACK, 300),
    Piece("Barstol, stål og sort sæde", "barstol", (40, 40, 76), "sort", BLACK, 150),
    Piece("Kommode, hvid, 3 skuffer", "kommode", (80, 45, 72), "hvid", WHITE, 400),
    Piece(
        "Kommode, teak, 4 skuffer",
        "kommode",
        (90, 45, 92),
        "teak",
        TEAK,
        700,
        FAIR,
        "En skuffebund er knækket",
        repair=True,
    ),
    Piece(
        "Kommode, grå, 4 skuffer",
        "kommode",
        (80, 42, 92),
        "grå",
        GREY,
        350,
        FAIR,
        "En skuffe går lidt trægt",
    ),
    Piece("Klædeskab, hvidt, 2 låger", "klaedeskab", (100, 58, 200), "hvid", WHITE, 700),
    Piece(
        "Klædeskab, 3 låger, eg-look",
        "klaedeskab",
        (150, 58, 201),
        "eg-look",
        OAK,
        800,
        FAIR,
        "Skilt ad – beslag i pose",
    ),
    Piece("Garderobeskab, gråt, 2 låger", "klaedeskab", (100, 60, 180), "grå", GREY, 900, NEW),
    # White goods and kitchen
    Piece("Køleskab med frostboks, Gram", "koeleskab", (60, 63, 145), "hvid", WHITE, 1500),
    Piece("Køle-/fryseskab, Bosch", "koeleskab", (60, 65, 186), "hvid", WHITE, 2000),
    Piece("Køleskab, Electrolux, rustfrit", "koeleskab", (60, 66, 175), "stål", STEEL, 1800, FAIR),
    Piece("Vaskemaskine, Siemens 7 kg", "vaskemaskine", (60, 59, 85), "hvid", WHITE, 1500),
    Piece(
        "Vaskemaskine, Miele",
        "vaskemaskine",
        (60, 64, 85),
        "hvid",
        WHITE,
        1800,
        FAIR,
        "Pumpen larmer – tjekkes af elektriker",
        repair=True,
    ),
    Piece("Vaskemaskine, Samsung 8 kg", "vaskemaskine", (60, 55, 85), "hvid", WHITE, 2200, NEW),
    Piece("Gryder, 3 stk., rustfrit stål", "koekkenudstyr", (40, 30, 20), "stål", STEEL, 150),
    Piece(
        "Kasse med køkkenting: gryde, pande, bestik",
        "koekkenudstyr",
        (50, 35, 30),
        "rød",
        (196, 64, 52),
        200,
    ),
    Piece("Stegepande og kasserolle", "koekkenudstyr", (50, 30, 15), "sort", BLACK, 80, FAIR),
    # Children
    Piece("Tremmeseng 60 × 120 med madras, hvid", "barneseng", (66, 126, 90), "hvid", WHITE, 500),
    Piece(
        "Tremmeseng 70 × 140, bøg",
        "barneseng",
        (76, 146, 88),
        "bøg",
        BEECH,
        400,
        FAIR,
        "Bunden kan sættes i to højder",
    ),
    Piece(
        "Børnebord med to taburetter, blåt",
        "boernemoebel",
        (60, 50, 48),
        "blå",
        (120, 176, 214),
        200,
    ),
    Piece("Børnebord og taburetter, bøg", "boernemoebel", (60, 60, 50), "bøg", BEECH, 250),
    Piece(
        "Kasse med legetøj: bamse, klodser, bold",
        "legetoej",
        (40, 30, 30),
        "blandet",
        (170, 120, 80),
        100,
    ),
    Piece(
        "Byggeklodser i træ og bamse", "legetoej", (40, 30, 20), "natur", (196, 150, 100), 80, NEW
    ),
    # Textiles and the rest
    Piece("Håndklæder, 6 stk., blå", "tekstiler", (50, 30, 20), "blå", (92, 140, 170), 100),
    Piece("Sengetøj, 2 sæt, 140 × 200", "tekstiler", (40, 30, 15), "lyseblå", (178, 200, 220), 150),
    Piece("Gardiner, 2 fag, grå", "tekstiler", (40, 30, 10), "grå", GREY, 100, FAIR, "Vasket"),
    Piece("Støvsuger, Nilfisk", "andet", (30, 40, 30), "rød", (190, 60, 50), 300),
    Piece("Strygebræt og strygejern", "andet", (120, 38, 10), "hvid", WHITE, 100),
    Piece("Kasse med billedrammer og vaser", "andet", (50, 40, 40), "blandet", (200, 170, 130), 50),
)
