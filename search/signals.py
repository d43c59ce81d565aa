"""Keep the search index current without a manual `update_index`.

Publishing (including wagtail-localize's translation sync, which publishes a
revision), unpublishing, deleting, and adding or removing a view restriction all
change what a visitor may find. Each change enqueues a task (search/tasks.py)
in the same transaction, so a rolled-back publish enqueues nothing and the
worker, not the editor's request, does the indexing.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from cms.models import Category
from search import indexing, tasks


def on_published(sender, instance, **kwargs):
    if indexing.enabled():
        tasks.reindex_page.enqueue(instance.pk)


def on_unpublished(sender, instance, **kwargs):
    if indexing.enabled():
        tasks.reindex_page.enqueue(instance.pk)


def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and indexing.enabled():
        tasks.remove_page.enqueue(instance.pk, instance.path, instance.content_type_id)


def on_restriction_changed(sender, instance, **kwargs):
    if indexing.enabled():
        tasks.restriction_changed.enqueue(instance.pk, instance.page_id)


def on_category_saved(sender, instance, created=False, **kwargs):
    if indexing.enabled() and not created:
        tasks.reindex_category.enqueue(instance.pk)


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
