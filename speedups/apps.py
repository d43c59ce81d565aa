"""Speed-ups as an app, the way Wagtail ships `wagtail.contrib.frontend_cache`.

Each one is switched in settings and the site gives the same answers with all of
them off (`SPEEDUPS_ROUTER`, `SPEEDUPS_LOCALE_MEMO`, `SPEEDUPS_SITE_MEMO`,
`PAGE_CACHE_SECONDS`, `RENDER_CACHE_SECONDS`, `DB_PREPARED_STATEMENTS`): a Wagtail
upgrade is tested with all of them off first. Decisions 0071-0076.
"""

from django.apps import AppConfig


class SpeedupsConfig(AppConfig):
    name = "speedups"
    verbose_name = "Speed-ups"

    def ready(self):
        from speedups import locale_memo, page_cache, site_memo, stale_statements

        page_cache.connect_signals()
        locale_memo.install()  # each asks its switch on every call
        site_memo.install()
        stale_statements.connect_signals()
