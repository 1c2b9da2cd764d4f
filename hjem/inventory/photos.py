"""Photos of donated items: turned the right way up, every bit of metadata (GPS included)
stripped, stored as a display JPEG of at most 1600 px and a thumbnail. Anything that is not a
JPEG, PNG, WebP or GIF picture, or has too many pixels to decode safely, is refused with a
clear message (see `photo_decoding`)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session

from hjem.i18n import msg
from hjem.inventory.errors import InventoryError
from hjem.inventory.models import Photo
from hjem.inventory.photo_decoding import decoded

DISPLAY_PX = 1600
THUMBNAIL_PX = 256
MAX_BYTES = 50 * 1024 * 1024
JPEG_QUALITY = 85


@dataclass(frozen=True)
class ProcessedPhoto:
    display: bytes
    thumbnail: bytes
    width: int
    height: int


def _jpeg(image: Image.Image, longest: int) -> tuple[bytes, int, int]:
    copy = image.copy()
    copy.thumbnail((longest, longest), Image.Resampling.LANCZOS)
    # Pillow's JPEG writer takes a comment (and an ICC profile) from `info`: a donor's note,
    # even an address, would go along. The stored copy keeps the pixels and nothing else.
    copy.info.clear()
    buffer = io.BytesIO()
    copy.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)  # no exif= given: none kept
    return buffer.getvalue(), copy.width, copy.height


def process(data: bytes) -> ProcessedPhoto:
    if len(data) > MAX_BYTES:
        raise InventoryError(msg("inventory.photo.too_big"))
    image = decoded(data, DISPLAY_PX)
    display, width, height = _jpeg(image, DISPLAY_PX)
    thumbnail, _, _ = _jpeg(image, THUMBNAIL_PX)
    return ProcessedPhoto(display, thumbnail, width, height)


@dataclass
class PhotoChanges:
    """What the donation form did to an item's photos."""

    added: list[ProcessedPhoto] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)  # ids of photos already stored


def store_photo_changes(session: Session, item_id: int, changes: PhotoChanges) -> None:
    """Remove the item's photos the form took away; add the new ones after the last."""
    for photo_id in changes.removed:
        stored = session.get(Photo, photo_id)
        if stored is not None and stored.item_id == item_id:
            session.delete(stored)
    last = session.scalar(
        select(Photo.position)
        .where(Photo.item_id == item_id)
        .order_by(Photo.position.desc())
        .limit(1)
    )
    position = (last or 0) + 1
    for offset, photo in enumerate(changes.added):
        session.add(
            Photo(
                item_id=item_id,
                position=position + offset,
                width=photo.width,
                height=photo.height,
                display=photo.display,
                thumbnail=photo.thumbnail,
            )
        )


def first_photo(session: Session, item_id: int) -> bytes | None:
    """The item's first photo at display size, if it has one."""
    query = select(Photo.display).where(Photo.item_id == item_id).order_by(Photo.position)
    return session.scalar(query.limit(1))
