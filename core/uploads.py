"""Uploaded files: stored under generated names, checked by content, not only by name."""

import os
import re
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageOps

from core.exceptions import ActionRefused


@deconstructible
class UploadTo:
    """`upload_to` that keeps the user's file name out of the path (it is stored in a field)."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        suffix = PurePath(filename).suffix.lower()[:10]
        return f"{self.folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"

    def __eq__(self, other):
        return isinstance(other, UploadTo) and other.folder == self.folder


# --- Checking uploads -------------------------------------------------------------------------
#
# A file is accepted only when its extension is one of the allowed kinds and its content really
# is that kind of file. The browser's content type is never trusted: the stored content type is
# the canonical one of the checked extension.

MB = 1024 * 1024
MAX_IMAGE_PIXELS = 50_000_000  # larger images are refused (decompression bombs)
MAX_NAME_LENGTH = 200

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc and .xls
ZIP_MAGIC = b"PK\x03\x04"  # .docx and .xlsx
PDF_MAGIC = b"%PDF-"


class FileKind(models.TextChoices):
    PDF = "pdf", "PDF"
    WORD = "word", "Word"
    EXCEL = "excel", "Excel"
    IMAGE = "image", gettext_lazy("Image")


DOCUMENTS = frozenset({FileKind.PDF, FileKind.WORD, FileKind.EXCEL})
IMAGES = frozenset({FileKind.IMAGE})
DOCUMENTS_AND_IMAGES = DOCUMENTS | IMAGES


@dataclass(frozen=True)
class _Format:
    kind: str
    content_type: str
    pillow_format: str = ""  # images only: the format Pillow must detect


# Accepted extensions, in the order they are listed to the user.
FORMATS = {
    ".pdf": _Format(FileKind.PDF, "application/pdf"),
    ".docx": _Format(
        FileKind.WORD,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ".doc": _Format(FileKind.WORD, "application/msword"),
    ".xlsx": _Format(
        FileKind.EXCEL, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ),
    ".xls": _Format(FileKind.EXCEL, "application/vnd.ms-excel"),
    ".jpg": _Format(FileKind.IMAGE, "image/jpeg", "JPEG"),
    ".jpeg": _Format(FileKind.IMAGE, "image/jpeg", "JPEG"),
    ".png": _Format(FileKind.IMAGE, "image/png", "PNG"),
    ".webp": _Format(FileKind.IMAGE, "image/webp", "WEBP"),
}
PILLOW_FORMATS = ("JPEG", "PNG", "WEBP")  # the only decoders Pillow may use on an upload


@dataclass(frozen=True)
class CheckedUpload:
    kind: str  # a FileKind
    content_type: str  # canonical MIME type of the extension, not the browser's
    extension: str  # lower case, with the dot: ".pdf"
    size: int  # bytes
    original_name: str  # the user's file name, cleaned for display


def accepted_extensions(allowed) -> list[str]:
    """The extensions of the allowed kinds, e.g. for `<input accept="...">`."""
    return [ext for ext, fmt in FORMATS.items() if fmt.kind in allowed]


def clean_file_name(name: str) -> str:
    """The user's file name for display: last path part, NFC, no control characters, trimmed."""
    name = re.split(r"[\\/]", str(name or ""))[-1]
    name = "".join(c for c in name if unicodedata.category(c) not in {"Cc", "Cf", "Cs"})
    name = unicodedata.normalize("NFC", name).strip()
    if len(name) > MAX_NAME_LENGTH:
        stem, ext = os.path.splitext(name)
        if len(ext) > 20:  # not a real extension
            stem, ext = name, ""
        name = stem[: MAX_NAME_LENGTH - len(ext)].rstrip() + ext
    return name


def check_upload(uploaded, *, allowed, max_bytes: int) -> CheckedUpload:
    """Check an UploadedFile by size, extension and content; raise ActionRefused if refused.

    The file is always left at position 0.
    """
    try:
        return _check(uploaded, allowed=allowed, max_bytes=max_bytes)
    finally:
        uploaded.seek(0)


def _check(uploaded, *, allowed, max_bytes: int) -> CheckedUpload:
    size = uploaded.size or 0
    if size == 0:
        raise ActionRefused(_("The file is empty."))
    if size > max_bytes:
        if max_bytes >= MB:
            message = _("The file is too large (at most %(size)d MB).") % {"size": max_bytes // MB}
        else:
            message = _("The file is too large (at most %(size)d KB).") % {
                "size": max_bytes // 1024
            }
        raise ActionRefused(message)

    name = clean_file_name(uploaded.name)
    extension = os.path.splitext(name)[1].lower()
    fmt = FORMATS.get(extension)
    if fmt is None or fmt.kind not in allowed:
        raise ActionRefused(
            _("This kind of file is not accepted. Accepted: %(kinds)s.")
            % {"kinds": ", ".join(accepted_extensions(allowed))}
        )

    if not _content_matches(uploaded, extension, fmt):
        raise ActionRefused(
            _(
                "The file's content does not match its name (%(name)s): "
                "it may be damaged or disguised."
            )
            % {"name": name}
        )
    return CheckedUpload(
        kind=fmt.kind,
        content_type=fmt.content_type,
        extension=extension,
        size=size,
        original_name=name,
    )


def _content_matches(uploaded, extension: str, fmt: _Format) -> bool:
    uploaded.seek(0)
    head = uploaded.read(8)
    if fmt.kind == FileKind.PDF:
        return head.startswith(PDF_MAGIC)
    if extension in (".doc", ".xls"):
        return head == OLE2_MAGIC
    if extension in (".docx", ".xlsx"):
        folder = "word/" if extension == ".docx" else "xl/"
        check_zip_container(uploaded)
        return head.startswith(ZIP_MAGIC) and _zip_has(uploaded, folder)
    return _image_matches(uploaded, fmt.pillow_format)


# --- Zip containers (.xlsx, .docx, .zip) ------------------------------------------------------
#
# A small upload may unpack to gigabytes (a "zip bomb": a 2.8 MB .xlsx once unpacked to 1 GB
# and held a worker for minutes). Every reader of an uploaded container checks the sizes the
# archive declares before it reads a member; Python's zipfile then never inflates a member past
# its declared size, so the declared sizes bound the work.

ZIP_MAX_ENTRIES = 1000
ZIP_MAX_RATIO = 100  # unpacked / packed, per member; real sheets compress about 10-20 times
ZIP_RATIO_FLOOR = MB  # members smaller than this may compress as much as they like


def check_zip_container(uploaded, *, max_unpacked=None, max_ratio=None, max_entries=None):
    """Refuse a zip container (.xlsx, .docx, .zip) that would unpack to too much data.

    Reads only the archive's directory: the number of members, each member's declared unpacked
    size and its compression ratio (for members above ZIP_RATIO_FLOOR), and the total unpacked
    size. Raises ActionRefused with a message for the user; a file that is not a readable zip
    archive is left to the caller's own check. The file is left at position 0.
    """
    max_unpacked = max_unpacked or settings.ZIP_MAX_UNPACKED_BYTES
    max_ratio = max_ratio or ZIP_MAX_RATIO
    max_entries = max_entries or ZIP_MAX_ENTRIES
    try:
        uploaded.seek(0)
        with zipfile.ZipFile(uploaded) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return
    finally:
        uploaded.seek(0)
    if len(members) > max_entries:
        raise ActionRefused(
            _("The file holds too many parts (%(count)d, at most %(max)d); it was refused.")
            % {"count": len(members), "max": max_entries}
        )
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if total > max_unpacked or (member.file_size > ZIP_RATIO_FLOOR and ratio > max_ratio):
            raise ActionRefused(
                _(
                    "The file unpacks to far more data than it holds (at most %(size)d MB "
                    "unpacked); it may be damaged or built to overload the server, and it was "
                    "refused."
                )
                % {"size": max_unpacked // MB}
            )


def _zip_has(uploaded, folder: str) -> bool:
    """An Office Open XML package: [Content_Types].xml and the main folder (reads no member)."""
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return False
    return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)


def _image_matches(uploaded, pillow_format: str) -> bool:
    """Pillow detects the expected format, the image is not too large and decodes completely."""
    try:
        uploaded.seek(0)
        with Image.open(uploaded, formats=PILLOW_FORMATS) as image:
            if image.format != pillow_format:
                return False
            _refuse_too_many_pixels(image)
            image.verify()
        # verify() checks little for JPEG and WebP: decode the whole image as well.
        uploaded.seek(0)
        with Image.open(uploaded, formats=PILLOW_FORMATS) as image:
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ActionRefused(_too_many_pixels_message()) from None
    except ActionRefused:
        raise
    except Exception:  # Pillow raises many kinds of errors on a damaged file
        return False
    return True


def _too_many_pixels_message() -> str:
    return _("The image is too large (at most %(megapixels)d megapixels).") % {
        "megapixels": MAX_IMAGE_PIXELS // 1_000_000
    }


def _refuse_too_many_pixels(image) -> None:
    width, height = image.size
    if width * height > MAX_IMAGE_PIXELS:
        raise ActionRefused(_too_many_pixels_message())


# --- Thumbnails -------------------------------------------------------------------------------


def make_thumbnail(uploaded, *, max_size=(320, 320)) -> ContentFile | None:
    """A JPEG thumbnail ("thumb.jpg") of an image upload, or None when it is not an image.

    Check the upload with `check_upload` first. Images that Pillow cannot read as JPEG, PNG or
    WebP, or that have more than MAX_IMAGE_PIXELS pixels, also give None. The file is left at
    position 0.
    """
    try:
        uploaded.seek(0)
        with Image.open(uploaded, formats=PILLOW_FORMATS) as image:
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                return None
            image.draft("RGB", max_size)  # JPEG: decode at a reduced scale
            thumbnail = ImageOps.exif_transpose(image)
            thumbnail.thumbnail(max_size)
            thumbnail = _to_rgb(thumbnail)
    except Exception:  # not an image, or a damaged one
        return None
    finally:
        uploaded.seek(0)
    buffer = BytesIO()
    thumbnail.save(buffer, format="JPEG", quality=85, optimize=True)
    return ContentFile(buffer.getvalue(), name="thumb.jpg")


def _to_rgb(image):
    """RGB, with transparent areas on white rather than black."""
    if image.mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def fill_stored_file(stored, uploaded, *, allowed, actor, max_bytes=None):
    """Check an upload and put it on a StoredFile row (not saved): file, name, type, thumbnail.

    Raises ActionRefused for a refused file; the row then stays untouched.
    """

    checked = check_upload(
        uploaded, allowed=allowed, max_bytes=max_bytes or settings.UPLOAD_MAX_BYTES
    )
    stored.file = uploaded
    stored.original_name = checked.original_name
    stored.content_type = checked.content_type
    stored.size = checked.size
    stored.uploaded_by = actor
    if hasattr(stored, "thumbnail"):
        thumbnail = make_thumbnail(uploaded)
        if thumbnail is not None:
            stored.thumbnail.save(thumbnail.name, thumbnail, save=False)
    return stored
