"""Where uploaded files live: local disk (MEDIA_ROOT) or S3-compatible object storage.

One web machine keeps uploads on its disk. Several web machines need one shared store:
set `STORAGE_BACKEND=s3` (or just `AWS_STORAGE_BUCKET_NAME`) and the AWS_* variables, and
django-storages writes to the bucket. Either way, files are read back only through the
storage API by permission-checked views (`core.http.stored_file_response`): no URL of a
file is ever handed out, the bucket stays private.
"""

FILESYSTEM = "django.core.files.storage.FileSystemStorage"
S3 = "storages.backends.s3.S3Storage"


def default_storage_from_env(env) -> dict:
    """The STORAGES["default"] entry for this environment (env: a django-environ Env)."""
    backend = env("STORAGE_BACKEND", default="").strip().lower()
    bucket = env("AWS_STORAGE_BUCKET_NAME", default="")
    if backend not in ("", "local", "filesystem", "s3"):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("STORAGE_BACKEND must be `local` or `s3`.")
    if backend == "s3" or (backend == "" and bucket):
        if not bucket:
            from django.core.exceptions import ImproperlyConfigured

            raise ImproperlyConfigured("STORAGE_BACKEND=s3 needs AWS_STORAGE_BUCKET_NAME.")
        options = {
            "bucket_name": bucket,
            # Empty means AWS itself; MinIO, Ceph, Viettel/FPT/CMC object storage give a URL.
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env("AWS_S3_REGION_NAME", default="") or None,
            # Unset keys: boto3 finds credentials itself (instance role, ~/.aws).
            "access_key": env("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default="") or None,
            "location": env("AWS_LOCATION", default=""),  # a key prefix inside the bucket
            "addressing_style": env("AWS_S3_ADDRESSING_STYLE", default="") or None,
            # Files are private: no public ACL, no public domain, signed URLs only.
            "default_acl": None,
            "custom_domain": None,
            "querystring_auth": True,
            "querystring_expire": 300,
            # Names are generated (uuid), so a clash is a bug: never overwrite silently.
            "file_overwrite": False,
        }
        return {"BACKEND": S3, "OPTIONS": options}
    return {"BACKEND": FILESYSTEM}
