"""Uploads go through the storage API only, so object storage (S3) works like local disk.

An in-memory storage stands in for S3 here: like S3 it has no filesystem path
(`.path()` raises), so any code reading files by path would fail these tests.
"""

from io import BytesIO

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from campaigns.models import EventAttachment
from tests.factories.campaigns import CampaignEventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def object_storage(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "tests.helpers.storage.ObjectStorage"},
    }
    storage = storages["default"]
    with pytest.raises(NotImplementedError):
        storage.path("anything")
    return storage


def test_upload_thumbnail_and_download_without_a_filesystem(
    client, secretariat, officer, campaign, object_storage
):
    event = CampaignEventFactory(campaign=campaign)
    buffer = BytesIO()
    Image.new("RGB", (900, 600), "red").save(buffer, format="PNG")
    client.force_login(secretariat)
    response = client.post(
        reverse("campaigns:event_detail", args=[event.pk]),
        {"file": SimpleUploadedFile("Ảnh lễ ký.png", buffer.getvalue())},
    )
    assert response.status_code == 302
    attachment = EventAttachment.objects.get(event=event)
    assert object_storage.exists(attachment.file.name)

    client.force_login(officer)
    original = client.get(reverse("campaigns:attachment", args=[attachment.pk]))
    assert original.status_code == 200
    assert b"".join(original.streaming_content) == buffer.getvalue()
    thumb = client.get(reverse("campaigns:attachment_thumbnail", args=[attachment.pk]))
    assert thumb.status_code == 200
    assert b"".join(thumb.streaming_content)[:2] == b"\xff\xd8"  # a JPEG


def test_a_file_missing_from_storage_answers_404_not_500(
    client, secretariat, officer, campaign, object_storage
):
    event = CampaignEventFactory(campaign=campaign)
    client.force_login(secretariat)
    client.post(
        reverse("campaigns:event_detail", args=[event.pk]),
        {"file": SimpleUploadedFile("Biên bản.pdf", b"%PDF-1.4 minutes")},
    )
    attachment = EventAttachment.objects.get(event=event)
    object_storage.delete(attachment.file.name)
    client.force_login(officer)
    response = client.get(reverse("campaigns:attachment", args=[attachment.pk]))
    assert response.status_code == 404
