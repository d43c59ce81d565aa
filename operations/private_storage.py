"""The private store: where paid files and lesson media live, never at a URL.

`STORAGES["private"]` (mystic/settings) is the local disk under `var/private/`
or a private prefix of the object store. Its files are fetched only through
`operations.streaming.stream_file`, after an access check, so `url()` refuses:
a template that tried to link a private file straight would fail loudly
instead of leaking it.

`private_storage` is what model fields name: it follows `STORAGES` even when
tests point the private store at another server (`override_settings`).
"""

from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.forms import ClearableFileInput, FileInput
from django.utils.functional import LazyObject, empty
from django.utils.html import format_html
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class NoPublicURL(Exception):
    """A private file has no URL: serve it through operations.streaming."""


class PrivateFileSystemStorage(FileSystemStorage):
    def url(self, name):
        raise NoPublicURL(name)


class PrivateS3Storage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        raise NoPublicURL(name)

    def iter_range(self, name, start, end, chunk_size):
        """Bytes `start`..`end` of `name` as they arrive from the store.

        django-storages' `open()` copies the whole object to a temporary file
        before the first byte; a ranged GET streams from the first byte, and
        only the part asked for (a player seeking, a resumed download).
        """
        key = self._normalize_name(clean_name(name))
        body = self.bucket.Object(key).get(Range=f"bytes={start}-{end}")["Body"]
        try:
            yield from body.iter_chunks(chunk_size)
        finally:
            body.close()


class _PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages["private"]


_private = _PrivateStorage()


def private_storage():
    """The private store, for `FileField(storage=private_storage)`."""
    return _private


@receiver(setting_changed)
def _forget_private_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        _private._wrapped = empty


class PrivateFileInput(ClearableFileInput):
    """The admin's file input for a private file: it names the current file
    instead of linking it (a private file has no URL, so Django's own widget
    fails on every edit form that holds one)."""

    def is_initial(self, value):
        return bool(value and getattr(value, "name", None))

    def render(self, name, value, attrs=None, renderer=None):
        upload = FileInput().render(name, None, self.build_attrs(attrs or {}))
        if not self.is_initial(value):
            return upload
        clear = ""
        if not self.is_required:
            checkbox = self.clear_checkbox_name(name)
            clear = format_html(
                ' <input type="checkbox" name="{}" id="{}_id">'
                ' <label for="{}_id">{}</label>',
                checkbox,
                checkbox,
                checkbox,
                self.clear_checkbox_label,
            )
        return format_html(
            "<p>{}: {}{}</p><p>{}: {}</p>",
            self.initial_text,
            value.name,
            clear,
            self.input_text,
            upload,
        )
