"""Reading `Home.xml` out of a .sh3d file (a ZIP) without trusting the archive.

Only `Home.xml` is unpacked; the models and textures beside it are never read. Sizes are
checked three times: the size the header declares, the bytes that actually come out while
streaming (a header may lie), and the ratio of the two to the compressed size (a zip bomb
packs a thousand times). The Java-serialized `Home` entry of older files is never touched:
deserializing Java objects from a stranger's file is how programs get taken over.
"""

from __future__ import annotations

import lzma
import os
import struct
import zipfile
import zlib
from pathlib import Path

from hjem.floorplan.sh3d.errors import HomeFileError
from hjem.i18n import msg

XML_MEMBER = "Home.xml"
JAVA_MEMBER = "Home"  # Sweet Home 3D before 5.3: Java serialization only
MAX_FILE_BYTES = 1024 * 1024 * 1024  # textures and models make real homes large; we skip them
MAX_XML_BYTES = 32 * 1024 * 1024  # a 1 000-piece home writes some 2 MB
MAX_RATIO = 200  # XML packs 10-30 times; deflate bombs about 1 000 times
RATIO_FROM_BYTES = 1024 * 1024  # below this, any ratio is harmless
MAX_MEMBERS = 50_000  # one model, texture or icon each; a large home has a few thousand
CHUNK = 256 * 1024


def read_home_xml(path: str | os.PathLike[str]) -> bytes:
    """The bytes of `Home.xml` in the .sh3d file at `path`, or HomeFileError."""
    source = Path(path)
    try:
        if source.stat().st_size > MAX_FILE_BYTES:
            raise HomeFileError(msg("sh3d.error.file_too_big"))
        archive = zipfile.ZipFile(source)
    except HomeFileError:
        raise
    except FileNotFoundError:
        raise HomeFileError(msg("sh3d.error.not_found")) from None
    except (IsADirectoryError, zipfile.BadZipFile, EOFError, ValueError, struct.error):
        raise HomeFileError(msg("sh3d.error.not_a_home")) from None
    except OSError:
        raise HomeFileError(msg("sh3d.error.unreadable")) from None
    with archive:
        return _home_xml_of(archive)


def _home_xml_of(archive: zipfile.ZipFile) -> bytes:
    try:
        return _home_xml(archive)
    except HomeFileError:
        raise
    except (
        *(zipfile.BadZipFile, zlib.error, lzma.LZMAError, struct.error, OSError, EOFError),
        *(NotImplementedError, RuntimeError, ValueError),
    ):
        # A bad CRC or a cut-off member, an unknown compression, an encrypted member, offsets
        # pointing before the file: all mean a damaged file to a volunteer.
        raise HomeFileError(msg("sh3d.error.damaged")) from None


def _home_xml(archive: zipfile.ZipFile) -> bytes:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise HomeFileError(msg("sh3d.error.too_many_members", count=MAX_MEMBERS))
    for info in infos:
        if _unsafe(info.filename):
            raise HomeFileError(msg("sh3d.error.unsafe_name", name=info.filename[:80]))
    names = {info.filename: info for info in infos}
    if XML_MEMBER in names:
        return _read_capped(archive, names[XML_MEMBER])
    if JAVA_MEMBER in names:
        raise HomeFileError(msg("sh3d.error.old_format"))
    raise HomeFileError(msg("sh3d.error.not_a_home"))


def _unsafe(name: str) -> bool:
    """A name that would escape a folder if anyone unpacked it (`../`, `/etc`, `C:\\`).

    Nothing is ever unpacked here; such a name only says who made the file."""
    parts = name.replace("\\", "/").split("/")
    drive = len(name) > 1 and name[1] == ":" and name[0].isalpha()
    return name.startswith(("/", "\\")) or ".." in parts or drive or "\x00" in name


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The member's bytes, stopped as soon as they pass the cap, the declared size or the ratio."""
    if info.file_size > MAX_XML_BYTES:
        raise HomeFileError(msg("sh3d.error.unpacks_too_big"))
    _check_ratio(info.file_size, info.compress_size)
    chunks: list[bytes] = []
    total = 0
    with archive.open(info) as stream:
        while chunk := stream.read(CHUNK):
            total += len(chunk)
            if total > MAX_XML_BYTES or total > info.file_size:
                raise HomeFileError(msg("sh3d.error.unpacks_too_big"))
            _check_ratio(total, info.compress_size)
            chunks.append(chunk)
    return b"".join(chunks)


def _check_ratio(unpacked: int, packed: int) -> None:
    if unpacked > RATIO_FROM_BYTES and unpacked > MAX_RATIO * max(packed, 1):
        raise HomeFileError(msg("sh3d.error.zip_bomb"))
