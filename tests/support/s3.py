"""A real S3-compatible server for the tests: moto's standalone server.

`s3_server` (session) starts `moto.server` as a subprocess on a free port of
127.0.0.1; `private_s3` points the private store (and public media) at it
through the same `s3_storages()` production uses, with a fresh bucket per test.
boto3 and django-storages talk HTTP to it: nothing is mocked.
"""

import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import dataclass

import boto3
import pytest

from mystic.settings.files import s3_storages

ACCESS_KEY, SECRET_KEY, REGION = "testing", "testing", "us-east-1"


@dataclass
class S3Server:
    endpoint_url: str
    process: subprocess.Popen

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name=REGION,
        )


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(port=None):
    port = port or _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/moto-api/", timeout=1).close()
            return S3Server(url, process)
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("moto server did not start")


@pytest.fixture(scope="session")
def s3_server():
    server = start()
    yield server
    server.process.terminate()
    server.process.wait(timeout=10)


@pytest.fixture
def private_s3(s3_server, settings):
    """The project's stores on the moto server, in a new bucket; the bucket name."""
    bucket = f"mystic-{uuid.uuid4().hex[:12]}"
    s3_server.client().create_bucket(Bucket=bucket)
    storages = dict(settings.STORAGES)
    storages.update(
        s3_storages(
            bucket=bucket,
            endpoint_url=s3_server.endpoint_url,
            region=REGION,
            access_key=ACCESS_KEY,
            secret_key=SECRET_KEY,
        )
    )
    settings.STORAGES = storages
    return bucket
