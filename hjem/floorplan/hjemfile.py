"""Reading and writing .hjem files: a zip holding `plan.json` and the background image, if any.

Saving is atomic (temporary file in the same folder, flush, fsync, rename, fsync the folder):
an interrupted save leaves the old file as it was. Loading trusts nothing: sizes are capped
while unpacking (zip bombs), member names are checked (`../`), images are measured before they
are decoded (decompression bombs), and any problem ends in one `PlanFileError` naming it.
"""

from __future__ import annotations

import io
import json
import lzma
import os
import struct
import tempfile
import zipfile
import zlib
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from PIL import Image

from hjem.atomic import sync_folder
from hjem.floorplan.codec import BackgroundSettings, PlanFileError, plan_from_json, plan_to_json
from hjem.floorplan.model import Background, ImageFormat, Plan
from hjem.floorplan.validation import background_problems
from hjem.i18n import msg

PLAN_MEMBER = "plan.json"
BACKGROUND_MEMBERS = {"png": "background.png", "jpeg": "background.jpg"}
ALLOWED_MEMBERS = {PLAN_MEMBER, *BACKGROUND_MEMBERS.values()}
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_PLAN_JSON_BYTES = 32 * 1024 * 1024
MAX_IMAGE_BYTES = 64 * 1024 * 1024
MAX_IMAGE_PIXELS = 60_000_000  # an A3 page at 400 dpi is 31 million
MAX_MEMBERS = 16
ZIP_DATE = (2020, 1, 1, 0, 0, 0)  # fixed, so the same plan always gives the same bytes


# --- writing ---------------------------------------------------------------------------------


def plan_bytes(plan: Plan) -> bytes:
    """The .hjem file's bytes for `plan`."""
    buffer = io.BytesIO()
    _write_zip(buffer, plan)
    return buffer.getvalue()


def _write_zip(target: BinaryIO, plan: Plan) -> None:
    member = BACKGROUND_MEMBERS[plan.background.image_format] if plan.background else None
    text = json.dumps(plan_to_json(plan, member), ensure_ascii=False, indent=1, allow_nan=False)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo(PLAN_MEMBER, ZIP_DATE),
            text.encode("utf-8"),
            compress_type=zipfile.ZIP_DEFLATED,
        )
        if plan.background is not None and member is not None:
            # Images are compressed already; storing them keeps saving fast.
            archive.writestr(zipfile.ZipInfo(member, ZIP_DATE), plan.background.image)


def _open_temporary(folder: Path) -> tuple[BinaryIO, Path]:
    """A new temporary file beside the target (same file system, so the rename is atomic)."""
    handle, name = tempfile.mkstemp(dir=folder, prefix=".hjem-save-", suffix=".tmp")
    return os.fdopen(handle, "wb"), Path(name)


def save_plan(plan: Plan, path: str | os.PathLike[str]) -> None:
    """Write `plan` to `path` atomically: afterwards the file is the old one or the new one."""
    target = Path(path)
    data = plan_bytes(plan)
    stream, temporary = _open_temporary(target.parent)
    try:
        with stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    sync_folder(target.parent)


# --- reading ---------------------------------------------------------------------------------


def load_plan(path: str | os.PathLike[str]) -> Plan:
    """The plan in a .hjem file, or a `PlanFileError` saying what is wrong with the file."""
    source = Path(path)
    try:
        size = source.stat().st_size
        if size > MAX_FILE_BYTES:
            raise PlanFileError(msg("file.too_big"))
        data = source.read_bytes()
    except FileNotFoundError:
        raise PlanFileError(msg("file.not_found")) from None
    except IsADirectoryError:
        raise PlanFileError(msg("file.not_a_plan")) from None
    except OSError:
        raise PlanFileError(msg("file.unreadable")) from None
    return plan_from_bytes(data)


def plan_from_bytes(data: bytes) -> Plan:
    if not data.startswith(b"PK"):
        raise PlanFileError(msg("file.not_a_plan"))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = _checked_members(archive)
            raw = _parsed(_read_capped(archive, members[PLAN_MEMBER], MAX_PLAN_JSON_BYTES))
            plan, background = plan_from_json(raw)
            if background is None:
                return plan
            return replace(plan, background=_background(archive, members, background))
    except PlanFileError:
        raise
    except (
        zipfile.BadZipFile,
        zlib.error,
        lzma.LZMAError,
        struct.error,
        OSError,
        EOFError,
        NotImplementedError,
        RuntimeError,
        ValueError,
    ):
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression;
        # ValueError: a header whose offsets point before the file ("negative seek value");
        # OSError, LZMAError, struct.error: a member said to be bzip2 or LZMA that is not
        # (the bytes are in memory, so an OSError cannot be the disk's).
        raise PlanFileError(msg("file.damaged")) from None


def _parsed(data: bytes) -> Any:
    """plan.json's value, or PlanFileError: not UTF-8, not JSON, nested too deep, or an
    integer of more digits than Python converts (ValueError, not a JSONDecodeError)."""
    try:
        return json.loads(data.decode("utf-8"), parse_constant=_reject_constant)
    except PlanFileError:  # NaN or Infinity, said as such
        raise
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PlanFileError(msg("file.bad_json")) from None


def _reject_constant(name: str) -> Any:
    raise PlanFileError(msg("file.bad_value", path="plan.json", problem=msg("file.not_finite")))


def _checked_members(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise PlanFileError(msg("file.too_many_members"))
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.filename
        if name not in ALLOWED_MEMBERS:
            if ".." in name or name.startswith(("/", "\\")) or "\\" in name or ":" in name:
                raise PlanFileError(msg("file.unsafe_name", name=name[:80]))
            continue  # a member from a later hjem; this version ignores it
        if name in members:
            raise PlanFileError(msg("file.damaged"))
        members[name] = info
    if PLAN_MEMBER not in members:
        raise PlanFileError(msg("file.no_plan"))
    return members


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """A member's bytes, stopping as soon as more than `limit` come out (never trust headers)."""
    if info.file_size > limit:
        raise PlanFileError(msg("file.unpacks_too_big"))
    chunks, total = [], 0
    with archive.open(info) as stream:
        while chunk := stream.read(1024 * 1024):
            total += len(chunk)
            if total > limit:
                raise PlanFileError(msg("file.unpacks_too_big"))
            chunks.append(chunk)
    return b"".join(chunks)


def _background(
    archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], settings: BackgroundSettings
) -> Background:
    if settings.member not in BACKGROUND_MEMBERS.values() or settings.member not in members:
        raise PlanFileError(msg("file.no_background"))
    image = _read_capped(archive, members[settings.member], MAX_IMAGE_BYTES)
    background = Background(
        image=image,
        image_format=_checked_image(image),
        cm_per_pixel=settings.cm_per_pixel,
        origin=settings.origin,
        opacity=settings.opacity,
        locked=settings.locked,
        visible=settings.visible,
    )
    if problems := background_problems(background):
        raise PlanFileError(msg("file.bad_value", path="background", problem=problems[0]))
    return background


def _checked_image(data: bytes) -> ImageFormat:
    """ "png" or "jpeg", after making sure the image is one and not a decompression bomb."""
    try:
        with Image.open(io.BytesIO(data), formats=["PNG", "JPEG"]) as image:
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise PlanFileError(msg("file.image_too_large"))
            image_format: ImageFormat = "png" if image.format == "PNG" else "jpeg"
            image.verify()
    except PlanFileError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PlanFileError(msg("file.image_too_large")) from None
    except Exception:
        # Pillow raises many kinds of errors for a broken image; all mean the same to a volunteer.
        raise PlanFileError(msg("file.bad_image")) from None
    return image_format
