"""A media player's Range header gives the bytes it asked for; nonsense gives
the whole file, a range past the end a 416."""

import pytest

from operations.ranges import Unsatisfiable, parse_range


@pytest.mark.parametrize(
    "header, expected",
    [
        (None, None),
        ("", None),
        ("bytes=0-", (0, 999)),
        ("bytes=0-99", (0, 99)),
        ("bytes=500-2000", (500, 999)),
        ("bytes=-100", (900, 999)),
        ("bytes=-5000", (0, 999)),
        ("bytes=0-1,5-9", None),  # several ranges: the whole file
        ("items=0-1", None),
        ("bytes=-", None),
    ],
)
def test_a_range_header_selects_bytes(header, expected):
    assert parse_range(header, 1000) == expected


@pytest.mark.parametrize("header", ["bytes=1000-", "bytes=5-2", "bytes=-0"])
def test_a_range_outside_the_file_is_unsatisfiable(header):
    with pytest.raises(Unsatisfiable):
        parse_range(header, 1000)
