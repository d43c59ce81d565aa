"""A bilingual digital product with its file in the private store, for tests."""

from dataclasses import dataclass

from django.core.files.base import ContentFile
from wagtail.models import Locale

from tests.support.commerce import publish


@dataclass
class Download:
    en: object
    es: object
    product: object
    content: bytes


def audio_bytes(size=300_000):
    """Deterministic bytes that look like nothing but themselves."""
    pattern = bytes(range(256))
    return (pattern * (size // 256 + 1))[:size]


def indexes(home):
    from downloads.models import DownloadIndexPage

    es = Locale.objects.get(language_code="es")
    index = DownloadIndexPage.objects.filter(locale=home.locale).first()
    if index is None:
        index = home.add_child(
            instance=DownloadIndexPage(title="Downloads", slug="downloads")
        )
        publish(index)
        index_es = index.copy_for_translation(es)
        index_es.title = index_es.draft_title = "Descargas"
        index_es.slug = "descargas"
        publish(index_es)
    return index


def build_download(
    home,
    title="Evening Meditation",
    title_es="Meditación de la tarde",
    kind="audio",
    usd=900,
    eur=800,
    limit=None,
    content=None,
    file_name="evening-meditation.mp3",
):
    from commerce.models import Price, Product
    from downloads.models import DownloadPage

    content = audio_bytes() if content is None else content
    index = indexes(home)
    slug = title.lower().replace(" ", "-")
    page = index.add_child(
        instance=DownloadPage(
            title=title,
            slug=slug,
            kind=kind,
            summary=f"About {title}.",
            download_limit=limit,
            file=ContentFile(content, name=file_name),
        )
    )
    publish(page)
    es = Locale.objects.get(language_code="es")
    page_es = page.copy_for_translation(es, copy_parents=False)
    page_es.title = page_es.draft_title = title_es
    page_es.slug = title_es.lower().replace(" ", "-").replace("ó", "o")
    publish(page_es)
    product = Product.objects.create(course_page=page)
    for currency, amount in (("USD", usd), ("EUR", eur)):
        if amount is not None:
            Price.objects.create(
                product=product, currency=currency, amount_minor=amount
            )
    return Download(page, page_es.specific, product, content)
