"""Parsing `Home.xml` with defusedxml and limits on what a home can hold.

defusedxml refuses entity declarations and external references (the "billion laughs" and
file-stealing attacks; a bare DOCTYPE naming a DTD is harmless and let through). The limits
below refuse what a parser would otherwise happily build: a million elements, elements nested
thousands deep, megabyte-long attribute values. They are checked as the parser goes, so a
hostile file stops early instead of after it is all in memory.
"""

from __future__ import annotations

import io
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from hjem.floorplan.sh3d.errors import HomeFileError
from hjem.i18n import msg

MAX_ELEMENTS = 50_000  # 2 000 pieces with their materials, 500 walls, 100 rooms: some 25 000
MAX_DEPTH = 48  # home > groups in groups > piece > material > texture: rarely past 10
MAX_ATTRIBUTE_CHARS = 100_000  # a door's cut-out outline is a few kilobytes at most


def parse_home(data: bytes) -> Element:
    """The `<home>` element of `data`, or HomeFileError saying why the XML is refused."""
    try:
        return _parse(data)
    except HomeFileError:
        raise
    except DefusedXmlException:
        raise HomeFileError(msg("sh3d.error.xml_entities")) from None
    except (ParseError, UnicodeError, ValueError, RecursionError):
        raise HomeFileError(msg("sh3d.error.bad_xml")) from None


def _parse(data: bytes) -> Element:
    root: Element | None = None
    depth = count = 0
    events = iterparse(io.BytesIO(data), events=("start", "end"))
    for event, element in events:
        if event == "end":
            depth -= 1
            continue
        depth += 1
        count += 1
        if root is None:
            root = element
        if depth > MAX_DEPTH:
            raise HomeFileError(msg("sh3d.error.too_deep", count=MAX_DEPTH))
        if count > MAX_ELEMENTS:
            raise HomeFileError(msg("sh3d.error.too_many_elements", count=MAX_ELEMENTS))
        if any(len(value) > MAX_ATTRIBUTE_CHARS for value in element.attrib.values()):
            raise HomeFileError(msg("sh3d.error.value_too_long", tag=element.tag[:40]))
    if root is None or root.tag != "home":
        raise HomeFileError(msg("sh3d.error.not_a_home"))
    return root
