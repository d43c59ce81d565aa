"""Settings of the app servers in tests/integration/test_cluster_alternating_servers.py:
the test settings with the anonymous page cache on, as in production."""

from mystic.settings.test import *  # noqa: F403

PAGE_CACHE_SECONDS = 300
