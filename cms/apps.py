from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"

    def ready(self):
        from speedups import page_cache

        page_cache.connect_signals()

        from cms import ordering

        ordering.connect_signals()

        from speedups import locale_memo, site_memo

        locale_memo.install()
        site_memo.install()

        from speedups import stale_statements

        stale_statements.connect_signals()
