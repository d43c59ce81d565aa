"""Locales by language code, remembered per process for a minute.

Wagtail asks the database for the active Locale on every page request
(`Page.localized` while routing, then language links and catalog filters), and
the two rows never change in practice. `install()` (CmsConfig.ready) wraps
Wagtail's `LocaleManager.get_for_language`, which `Locale.get_active()` and
`get_default()` use, so a code looked up in the last TTL_SECONDS is answered
from memory with a fresh instance; misses and errors are Wagtail's own.

Saving or deleting a Locale empties the memory of this process; other
processes catch up within TTL_SECONDS (only an edited language code or a
deleted and re-created locale is affected). A rolled-back transaction sends no
signal, so tests empty it around every test (tests/conftest.py).
"""

import time

from django.conf import settings
from django.core.signals import setting_changed
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale
from wagtail.models.i18n import LocaleManager

TTL_SECONDS = 60
FIELDS = ["id", "language_code"]
LANGUAGE_SETTINGS = {
    "LANGUAGE_CODE",
    "LANGUAGES",
    "WAGTAIL_CONTENT_LANGUAGES",
    "WAGTAIL_I18N_ENABLED",
}

_remembered = {}  # language code asked for -> (expires, id, language_code)
_wagtail_get_for_language = LocaleManager.get_for_language


def clear(**kwargs):
    _remembered.clear()


def _language_setting_changed(setting, **kwargs):
    if setting in LANGUAGE_SETTINGS:
        clear()


def get_for_language(manager, language_code):
    if (
        manager.model is not Locale
        or manager._db is not None
        or not settings.SPEEDUPS_LOCALE_MEMO
    ):
        return _wagtail_get_for_language(manager, language_code)
    now = time.monotonic()
    hit = _remembered.get(language_code)
    if hit is not None and hit[0] > now:
        return Locale.from_db(manager.db, FIELDS, hit[1:])
    locale = _wagtail_get_for_language(manager, language_code)
    _remembered[language_code] = (now + TTL_SECONDS, locale.pk, locale.language_code)
    return locale


def install():
    LocaleManager.get_for_language = get_for_language
    post_save.connect(clear, sender=Locale, dispatch_uid="speedups.locale_memo")
    post_delete.connect(clear, sender=Locale, dispatch_uid="speedups.locale_memo")
    setting_changed.connect(
        _language_setting_changed, dispatch_uid="speedups.locale_memo"
    )
