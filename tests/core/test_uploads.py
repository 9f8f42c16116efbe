"""Safe uploads: files are accepted by their content, not only by their name."""

import unicodedata
import zipfile
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook
from PIL import Image

from core import uploads
from core.exceptions import ActionRefused
from core.uploads import (
    DOCUMENTS,
    DOCUMENTS_AND_IMAGES,
    IMAGES,
    MB,
    CheckedUpload,
    FileKind,
    check_upload,
    clean_file_name,
    make_thumbnail,
)

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


# --- Real files, built in memory ----------------------------------------------------------------


def pdf_bytes():
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def office_zip(*names):
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<?xml version='1.0'?><x/>")
    return buffer.getvalue()


def docx_bytes():
    return office_zip("[Content_Types].xml", "_rels/.rels", "word/document.xml")


def xlsx_bytes():
    buffer = BytesIO()
    workbook = Workbook()
    workbook.active.append(["Đơn vị", "Điểm"])
    workbook.save(buffer)
    return buffer.getvalue()


def image_bytes(fmt, size=(40, 30), mode="RGB", color="red", **options):
    buffer = BytesIO()
    Image.new(mode, size, color).save(buffer, format=fmt, **options)
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)


def refusal(uploaded, *, allowed=DOCUMENTS_AND_IMAGES, max_bytes=10 * MB):
    """The (English) message with which check_upload refuses the file."""
    with translation.override("en"), pytest.raises(ActionRefused) as refused:
        check_upload(uploaded, allowed=allowed, max_bytes=max_bytes)
    assert uploaded.tell() == 0
    return refused.value.message


def mismatch(name):
    return f"The file's content does not match its name ({name}): it may be damaged or disguised."


# --- Accepted files -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "kind", "content_type"),
    [
        ("kế hoạch.pdf", pdf_bytes(), FileKind.PDF, "application/pdf"),
        (
            "báo cáo.docx",
            docx_bytes(),
            FileKind.WORD,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("báo cáo cũ.doc", OLE2 + b"\x00" * 504, FileKind.WORD, "application/msword"),
        (
            "bảng điểm.xlsx",
            xlsx_bytes(),
            FileKind.EXCEL,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        ("bảng điểm cũ.xls", OLE2 + b"\x00" * 504, FileKind.EXCEL, "application/vnd.ms-excel"),
        ("ảnh.jpg", image_bytes("JPEG"), FileKind.IMAGE, "image/jpeg"),
        ("ảnh.JPEG", image_bytes("JPEG"), FileKind.IMAGE, "image/jpeg"),
        ("ảnh.png", image_bytes("PNG", mode="RGBA"), FileKind.IMAGE, "image/png"),
        ("ảnh.webp", image_bytes("WEBP"), FileKind.IMAGE, "image/webp"),
    ],
)
def test_check_upload_accepts_each_kind_with_its_content_type(name, content, kind, content_type):
    uploaded = upload(name, content)
    checked = check_upload(uploaded, allowed=DOCUMENTS_AND_IMAGES, max_bytes=10 * MB)
    assert checked == CheckedUpload(
        kind=kind,
        content_type=content_type,
        extension="." + name.rsplit(".", 1)[1].lower(),
        size=len(content),
        original_name=name,
    )
    assert uploaded.tell() == 0


def test_check_upload_ignores_the_browsers_content_type():
    uploaded = SimpleUploadedFile("kế hoạch.pdf", pdf_bytes(), content_type="text/html")
    checked = check_upload(uploaded, allowed=DOCUMENTS, max_bytes=MB)
    assert checked.content_type == "application/pdf"


def test_groups_of_kinds():
    assert {FileKind.PDF, FileKind.WORD, FileKind.EXCEL} == DOCUMENTS
    assert {FileKind.IMAGE} == IMAGES
    assert DOCUMENTS_AND_IMAGES == DOCUMENTS | IMAGES
    assert uploads.accepted_extensions(IMAGES) == [".jpg", ".jpeg", ".png", ".webp"]


# --- File names ---------------------------------------------------------------------------------


def test_check_upload_keeps_vietnamese_name_in_nfc():
    decomposed = unicodedata.normalize("NFD", "Biên bản họp.pdf")
    assert decomposed != "Biên bản họp.pdf"
    checked = check_upload(upload(decomposed, pdf_bytes()), allowed=DOCUMENTS, max_bytes=MB)
    assert checked.original_name == "Biên bản họp.pdf"
    assert unicodedata.is_normalized("NFC", checked.original_name)


def test_check_upload_removes_windows_path_from_name():
    uploaded = upload("C:\\Users\\x\\Báo cáo.pdf", pdf_bytes())
    checked = check_upload(uploaded, allowed=DOCUMENTS, max_bytes=MB)
    assert checked.original_name == "Báo cáo.pdf"
    assert checked.extension == ".pdf"


def test_clean_file_name_removes_paths_and_control_characters():
    assert clean_file_name("../../etc/Tờ trình.pdf") == "Tờ trình.pdf"
    assert clean_file_name("  Tờ\x00 trình\x07\n.pdf ") == "Tờ trình.pdf"
    # A right-to-left override could show "invoice\u202efdp.exe" as "invoiceexe.pdf".
    assert clean_file_name("invoice\u202efdp.exe") == "invoicefdp.exe"


def test_clean_file_name_trims_long_names_keeping_the_extension():
    name = clean_file_name("Quyết định " * 40 + ".docx")
    assert len(name) == 200
    assert name.startswith("Quyết định Quyết định")
    assert name.endswith(".docx")


def test_check_upload_refuses_name_disguised_by_right_to_left_override():
    uploaded = upload("invoice\u202efdp.exe", b"MZ\x90\x00" + b"\x00" * 60)
    assert refusal(uploaded).startswith("This kind of file is not accepted.")


# --- Disguised or damaged content ---------------------------------------------------------------


def test_check_upload_refuses_exe_renamed_pdf():
    uploaded = upload("quyết định.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 120)
    assert refusal(uploaded) == mismatch("quyết định.pdf")


def test_check_upload_refuses_text_file_renamed_docx():
    assert refusal(upload("báo cáo.docx", "Chỉ là văn bản.".encode())) == mismatch("báo cáo.docx")


def test_check_upload_refuses_zip_without_word_folder_named_docx():
    content = office_zip("[Content_Types].xml", "xl/workbook.xml")
    assert refusal(upload("báo cáo.docx", content)) == mismatch("báo cáo.docx")


def test_check_upload_refuses_xlsx_renamed_docx():
    assert refusal(upload("bảng.docx", xlsx_bytes())) == mismatch("bảng.docx")


def test_check_upload_refuses_zip_without_content_types_named_xlsx():
    content = office_zip("xl/workbook.xml")
    assert refusal(upload("bảng.xlsx", content)) == mismatch("bảng.xlsx")


def test_check_upload_refuses_broken_zip():
    content = docx_bytes()
    broken = content[: len(content) // 2]  # the central directory is missing
    assert broken.startswith(b"PK\x03\x04")
    assert refusal(upload("báo cáo.docx", broken)) == mismatch("báo cáo.docx")


def test_check_upload_refuses_exe_with_appended_zip_named_docx():
    """A self-extracting archive reads as a zip but does not start like one."""
    content = b"MZ\x90\x00" + b"\x00" * 60 + docx_bytes()
    assert zipfile.is_zipfile(BytesIO(content))
    assert refusal(upload("báo cáo.docx", content)) == mismatch("báo cáo.docx")


@pytest.mark.parametrize("name", ["cũ.doc", "cũ.xls"])
def test_check_upload_refuses_legacy_office_name_without_ole2_content(name):
    assert refusal(upload(name, pdf_bytes())) == mismatch(name)


def test_check_upload_refuses_png_renamed_jpg():
    assert refusal(upload("ảnh.jpg", image_bytes("PNG"))) == mismatch("ảnh.jpg")


def test_check_upload_refuses_pdf_renamed_png():
    assert refusal(upload("ảnh.png", pdf_bytes())) == mismatch("ảnh.png")


@pytest.mark.parametrize(("fmt", "name"), [("PNG", "ảnh.png"), ("JPEG", "ảnh.jpg")])
def test_check_upload_refuses_truncated_image(fmt, name):
    buffer = BytesIO()
    Image.effect_noise((300, 200), 64).convert("RGB").save(buffer, format=fmt)
    content = buffer.getvalue()
    check_upload(upload(name, content), allowed=IMAGES, max_bytes=MB)  # whole: accepted
    truncated = content[: len(content) // 2]
    assert refusal(upload(name, truncated)) == mismatch(name)


def test_check_upload_refuses_corrupt_png():
    content = bytearray(image_bytes("PNG", size=(50, 50)))
    content[60:80] = b"\xff" * 20  # inside the image data: the checksum no longer matches
    assert refusal(upload("ảnh.png", bytes(content))) == mismatch("ảnh.png")


def test_check_upload_refuses_image_over_the_pixel_limit(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_IMAGE_PIXELS", 1000)
    message = refusal(upload("ảnh.png", image_bytes("PNG", size=(40, 30))))
    assert message == "The image is too large (at most 0 megapixels)."


def test_check_upload_refuses_image_of_more_than_50_megapixels():
    # 8000 x 7000 = 56 megapixels, a few kilobytes once compressed.
    uploaded = upload("bom.png", image_bytes("PNG", size=(8000, 7000), mode="1", color=0))
    assert uploaded.size < 100_000
    assert refusal(uploaded) == "The image is too large (at most 50 megapixels)."


def test_check_upload_refuses_decompression_bomb_found_by_pillow(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)  # Pillow raises over twice this
    message = refusal(upload("ảnh.png", image_bytes("PNG", size=(40, 30))))
    assert message == "The image is too large (at most 50 megapixels)."


# --- Size and kind --------------------------------------------------------------------------------


def test_check_upload_refuses_empty_file():
    assert refusal(upload("trống.pdf", b"")) == "The file is empty."


def test_check_upload_refuses_too_large_file():
    uploaded = upload("lớn.pdf", pdf_bytes().ljust(MB + 1, b"\x00"))  # one byte too many
    assert refusal(uploaded, max_bytes=MB) == "The file is too large (at most 1 MB)."


def test_check_upload_accepts_file_of_exactly_the_limit():
    content = pdf_bytes().ljust(MB, b"\x00")
    checked = check_upload(upload("vừa.pdf", content), allowed=DOCUMENTS, max_bytes=MB)
    assert checked.size == MB


def test_check_upload_checks_size_before_content():
    uploaded = upload("lớn.exe", b"MZ" + b"\x00" * (2 * MB))
    assert refusal(uploaded, max_bytes=MB) == "The file is too large (at most 1 MB)."


def test_check_upload_refuses_image_when_only_documents_allowed():
    message = refusal(upload("ảnh.png", image_bytes("PNG")), allowed=DOCUMENTS)
    assert message == (
        "This kind of file is not accepted. Accepted: .pdf, .docx, .doc, .xlsx, .xls."
    )


def test_check_upload_refuses_pdf_when_only_images_allowed():
    message = refusal(upload("kế hoạch.pdf", pdf_bytes()), allowed=IMAGES)
    assert message == "This kind of file is not accepted. Accepted: .jpg, .jpeg, .png, .webp."


@pytest.mark.parametrize("name", ["chương trình.exe", "không đuôi", "ảnh.gif", "trang.html"])
def test_check_upload_refuses_unknown_extensions(name):
    assert refusal(upload(name, b"GIF89a" + b"\x00" * 20)).startswith(
        "This kind of file is not accepted. Accepted: .pdf,"
    )


def test_refusal_messages_are_translated():
    with translation.override("vi"), pytest.raises(ActionRefused) as refused:
        check_upload(upload("lớn.pdf", b"%PDF-" * MB), allowed=DOCUMENTS, max_bytes=MB)
    assert refused.value.message != "The file is too large (at most 1 MB)."
    assert "1 MB" in refused.value.message


# --- File position ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("kế hoạch.pdf", pdf_bytes()),
        ("báo cáo.docx", docx_bytes()),
        ("ảnh.jpg", image_bytes("JPEG")),
        ("giả.pdf", b"MZ" + b"\x00" * 50),
    ],
)
def test_check_upload_leaves_file_at_position_zero(name, content):
    uploaded = upload(name, content)
    uploaded.read(5)
    try:
        check_upload(uploaded, allowed=DOCUMENTS_AND_IMAGES, max_bytes=MB)
    except ActionRefused:
        assert name == "giả.pdf"
    assert uploaded.tell() == 0
    assert uploaded.read() == content


# --- Thumbnails -----------------------------------------------------------------------------------


def open_thumbnail(thumbnail):
    image = Image.open(BytesIO(thumbnail.read()))
    image.load()
    return image


def test_make_thumbnail_shrinks_big_png_to_jpeg():
    uploaded = upload("ảnh lớn.png", image_bytes("PNG", size=(2000, 1000)))
    thumbnail = make_thumbnail(uploaded)
    assert thumbnail.name == "thumb.jpg"
    image = open_thumbnail(thumbnail)
    assert (image.format, image.mode, image.size) == ("JPEG", "RGB", (320, 160))
    assert uploaded.tell() == 0


def test_make_thumbnail_respects_max_size():
    uploaded = upload("ảnh.jpg", image_bytes("JPEG", size=(1000, 2000)))
    image = open_thumbnail(make_thumbnail(uploaded, max_size=(100, 100)))
    assert image.size == (50, 100)


def test_make_thumbnail_does_not_enlarge_small_images():
    image = open_thumbnail(make_thumbnail(upload("nhỏ.webp", image_bytes("WEBP", size=(40, 30)))))
    assert (image.format, image.size) == ("JPEG", (40, 30))


def test_make_thumbnail_applies_exif_orientation():
    exif = Image.Exif()
    exif[0x0112] = 6  # taken with the phone turned: rotate 90 degrees to display
    uploaded = upload("điện thoại.jpg", image_bytes("JPEG", size=(200, 100), exif=exif))
    assert open_thumbnail(make_thumbnail(uploaded)).size == (100, 200)


def test_make_thumbnail_puts_transparency_on_white():
    uploaded = upload("logo.png", image_bytes("PNG", mode="RGBA", color=(0, 0, 0, 0)))
    red, green, blue = open_thumbnail(make_thumbnail(uploaded)).getpixel((5, 5))
    assert min(red, green, blue) > 240


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("kế hoạch.pdf", pdf_bytes()),
        ("báo cáo.docx", docx_bytes()),
        ("hỏng.png", image_bytes("PNG")[:40]),
    ],
)
def test_make_thumbnail_returns_none_for_non_images(name, content):
    uploaded = upload(name, content)
    assert make_thumbnail(uploaded) is None
    assert uploaded.tell() == 0


def test_make_thumbnail_returns_none_over_the_pixel_limit(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_IMAGE_PIXELS", 1000)
    assert make_thumbnail(upload("ảnh.png", image_bytes("PNG", size=(40, 30)))) is None
