"""The STORAGES entries for an S3-compatible object store (django-storages).

One function so production, tests (a local moto server, tests/support/s3.py) and
anyone reading the settings build the same two stores: public media under
`media/` served at their own URL, and private files under `private/` that are
never public (no ACL, and `operations.private_storage.PrivateS3Storage` refuses
`url()`), and the nightly database dumps under `backups/` (private too: they
hold every learner's personal data), in `backup_bucket` when one is given.
"""


def s3_storages(
    *,
    bucket,
    private_bucket=None,
    endpoint_url=None,
    region=None,
    access_key=None,
    secret_key=None,
    public_domain=None,
    backup_bucket=None,
):
    common = {
        "endpoint_url": endpoint_url,
        "region_name": region,
        "access_key": access_key,
        "secret_key": secret_key,
        "file_overwrite": False,
        # Large uploads go in 8 MB parts, one at a time: a worker never holds
        # more than a part (bench/files.py measures it).
        "max_memory_size": 8 * 1024 * 1024,
        "use_threads": False,
    }
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": bucket,
                "location": "media",
                "querystring_auth": False,
                "custom_domain": public_domain,
            },
        },
        "private": {
            "BACKEND": "operations.private_storage.PrivateS3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": private_bucket or bucket,
                "location": "private",
                "default_acl": "private",
                "querystring_auth": True,
            },
        },
        # Copies of `manage.py backup`'s dumps (operations/offsite_backups.py).
        "backups": {
            "BACKEND": "operations.private_storage.PrivateS3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": backup_bucket or private_bucket or bucket,
                "location": "backups",
                "default_acl": "private",
                "querystring_auth": True,
            },
        },
    }
