"""Private files benchmark: a 200 MB upload and download never sit in memory.

Starts moto's S3 server on 127.0.0.1 (as the tests do) and, in one worker
process with the project's settings and the real django-storages/boto3 client:
1. parses a 200 MB multipart upload from a socket-like stream with Django's own
   upload handlers (what the admin's form does: spooled to a temporary file),
2. saves it to the private store (django-storages sends it in parts),
3. streams it back through `operations.streaming.stream_file`, whole and as a
   range, to /dev/null, checking the bytes with a hash.
The worker prints its peak RSS (`ru_maxrss`) after each step, for the object
store and for the local-disk store. Asserts nothing about time.
`python -m bench.files [MB]` (default 200); `make bench-files`.
"""

import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import time

MB = 1024 * 1024
BOUNDARY = "----mysticbenchboundary"


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_body(path, size_mb):
    """A multipart body with one `size_mb` file, written in 1 MB pieces."""
    digest = hashlib.sha256()
    block = os.urandom(MB)
    with open(path, "wb") as body:
        body.write(
            (
                f"--{BOUNDARY}\r\n"
                'Content-Disposition: form-data; name="file"; filename="big.mp4"\r\n'
                "Content-Type: video/mp4\r\n\r\n"
            ).encode()
        )
        for _ in range(size_mb):
            body.write(block)
            digest.update(block)
        body.write(f"\r\n--{BOUNDARY}--\r\n".encode())
    return digest.hexdigest()


def upload(storage, body_path):
    from django.core.handlers.wsgi import WSGIRequest

    size = os.path.getsize(body_path)
    with open(body_path, "rb") as stream:
        request = WSGIRequest(
            {
                "REQUEST_METHOD": "POST",
                "PATH_INFO": "/admin/",
                "CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}",
                "CONTENT_LENGTH": str(size),
                "wsgi.input": stream,
                "SERVER_NAME": "127.0.0.1",
                "SERVER_PORT": "80",
                "wsgi.url_scheme": "http",
            }
        )
        uploaded = request.FILES["file"]
        name = storage.save("bench/big.mp4", uploaded)
        uploaded.close()
    return name


def download(storage, name, range_header=None):
    from django.test import RequestFactory

    from operations.streaming import stream_file

    headers = {"Range": range_header} if range_header else {}
    request = RequestFactory().get("/download/", headers=headers)
    response = stream_file(request, storage, name, as_attachment=True)
    digest = hashlib.sha256()
    received = 0
    for chunk in response.streaming_content:
        digest.update(chunk)
        received += len(chunk)
    return response.status_code, received, digest.hexdigest()


def worker(kind, size_mb, endpoint):
    """One store's upload and download in this process; prints its peak RSS."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mystic.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.core.files.storage import storages
    from django.test import override_settings

    from mystic.settings.files import s3_storages

    if kind == "s3":
        import boto3

        boto3.client(
            "s3",
            endpoint_url=endpoint,
            aws_access_key_id="bench",
            aws_secret_access_key="bench",  # noqa: S106
            region_name="us-east-1",
        ).create_bucket(Bucket="bench")
        stores = {
            **settings.STORAGES,
            **s3_storages(
                bucket="bench",
                endpoint_url=endpoint,
                region="us-east-1",
                access_key="bench",
                secret_key="bench",  # noqa: S106
            ),
        }
    else:
        stores = {
            **settings.STORAGES,
            "private": {
                **settings.STORAGES["private"],
                "OPTIONS": {"location": tempfile.mkdtemp()},
            },
        }
    override_settings(STORAGES=stores).enable()  # resets the storage handler
    storage = storages["private"]
    print(
        f"[{kind}] {type(storage).__name__} after start-up: peak RSS {peak_mb():.0f} MB"
    )
    with tempfile.TemporaryDirectory() as tmp:
        body = os.path.join(tmp, "body")
        expected = write_body(body, size_mb)
        started = time.monotonic()
        name = upload(storage, body)
        took = time.monotonic() - started
        print(
            f"[{kind}] upload {size_mb} MB in {took:.1f}s: peak RSS {peak_mb():.0f} MB"
        )
    started = time.monotonic()
    status, received, digest = download(storage, name)
    took = time.monotonic() - started
    if (status, digest) != (200, expected):
        raise SystemExit("the download differs from the upload")
    print(
        f"[{kind}] download {received / MB:.0f} MB in {took:.1f}s: "
        f"peak RSS {peak_mb():.0f} MB"
    )
    status, received, _ = download(storage, name, f"bytes={100 * MB}-")
    print(
        f"[{kind}] range from 100 MB: HTTP {status}, {received / MB:.0f} MB: "
        f"peak RSS {peak_mb():.0f} MB"
    )
    storage.delete(name)


def main():
    size_mb = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    sys.path.insert(0, os.getcwd())
    from tests.support.s3 import start

    server = start()
    try:
        for kind in ("s3", "filesystem"):
            subprocess.run(
                [sys.executable, "-m", "bench.files", "--worker", kind, str(size_mb)],
                check=True,
                env={**os.environ, "BENCH_S3": server.endpoint_url},
            )
    finally:
        server.process.terminate()
        server.process.wait(timeout=10)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(sys.argv[2], int(sys.argv[3]), os.environ.get("BENCH_S3"))
    else:
        main()
