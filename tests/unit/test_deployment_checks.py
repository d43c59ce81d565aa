"""check_deployment on a site that is not there: every row fails, readably."""

import re
import socket

import pytest
from django.core.management import CommandError, call_command


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_unreachable_site_fails_every_row_with_a_short_reason(capsys):
    base = f"http://127.0.0.1:{closed_port()}"
    with pytest.raises(CommandError, match=r"^11 check\(s\) failed: health, pages"):
        call_command("check_deployment", base, timeout=2)
    table = capsys.readouterr().out
    assert re.search(rf"^health +FAIL +cannot connect: {base}/api/health$", table, re.M)
    assert re.search(r"^admin login page +FAIL +cannot connect: ", table, re.M)


def test_only_http_urls_are_checked():
    with pytest.raises(CommandError, match="not an http"):
        call_command("check_deployment", "ftp://courses.example.com")
