"""Count the cache client's Redis reads and writes during one request.

The calls still reach the real Redis; this only counts them, so a test can say
how many round trips a page costs.
"""

from django_redis.client import DefaultClient


class RedisCalls:
    READS = ("get", "get_many")
    WRITES = ("set", "set_many", "delete", "delete_many", "incr")

    def __init__(self, monkeypatch):
        self.calls = []
        for name in self.READS + self.WRITES:
            original = getattr(DefaultClient, name)
            monkeypatch.setattr(DefaultClient, name, self._counting(name, original))

    def _counting(self, name, original):
        def call(redis_client, *args, **kwargs):
            self.calls.append((name, str(args[0]) if args else ""))
            return original(redis_client, *args, **kwargs)

        return call

    def during(self, client, url):
        """(response, reads, writes) of one GET, which must answer 200."""
        self.calls.clear()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        reads = sum(name in self.READS for name, _ in self.calls)
        writes = sum(name in self.WRITES for name, _ in self.calls)
        return response, reads, writes

    def reads_of(self, text):
        """How many reads of the last request named a key containing `text`."""
        return sum(name in self.READS and text in key for name, key in self.calls)
