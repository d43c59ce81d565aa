"""Keep the search index current without a manual `update_index`.

Publishing (including wagtail-localize's translation sync, which publishes a
revision), unpublishing, deleting, and adding or removing a view restriction all
change what a visitor may find. Work runs after the transaction commits, so a
rolled-back publish leaves the index alone.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from cms.models import Category
from search import indexing

logger = logging.getLogger(__name__)


def _later(function, *args):
    def run():
        try:
            function(*args)
        except Exception:
            # The page is published either way; `manage.py index_courses` repairs.
            logger.exception("search index update failed")

    transaction.on_commit(run)


def on_published(sender, instance, **kwargs):
    if indexing.enabled():
        _later(indexing.reindex_related, instance)


def on_unpublished(sender, instance, **kwargs):
    if indexing.enabled():
        _later(indexing.reindex_related, instance)


def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and indexing.enabled():
        _later(indexing.remove_page, instance)


def on_restriction_changed(sender, instance, **kwargs):
    if indexing.enabled():
        _later(indexing.reindex_for_restriction, instance)


def on_category_saved(sender, instance, created=False, **kwargs):
    if indexing.enabled() and not created:
        _later(indexing.reindex_category, instance)


def connect():
    page_published.connect(on_published, dispatch_uid="search_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search_unpublished")
    post_delete.connect(on_page_deleted, dispatch_uid="search_page_deleted")
    post_save.connect(
        on_restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="search_restriction_saved",
    )
    post_delete.connect(
        on_restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="search_restriction_deleted",
    )
    post_save.connect(
        on_category_saved, sender=Category, dispatch_uid="search_category_saved"
    )
