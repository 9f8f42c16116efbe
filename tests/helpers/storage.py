from django.core.files.base import ContentFile
from django.core.files.storage import Storage


class ObjectStorage(Storage):
    """Like a bucket: keys and bytes, no path on any disk (Storage.path raises)."""

    objects: dict[str, bytes] = {}

    def _save(self, name, content):
        content.seek(0)
        self.objects[name] = content.read()
        return name

    def _open(self, name, mode="rb"):
        if name not in self.objects:
            raise FileNotFoundError(name)
        return ContentFile(self.objects[name], name=name)

    def exists(self, name):
        return name in self.objects

    def delete(self, name):
        self.objects.pop(name, None)

    def size(self, name):
        return len(self.objects[name])
