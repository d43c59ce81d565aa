"""Demo digital products: a guided-meditation audio and a PDF workbook, in
English and Spanish (through wagtail-localize), with small generated files in
the private store and prices in the shop. Safe to run again."""

import io
import math
import struct
import wave

from django.core.files.base import ContentFile
from wagtail.models import Locale

from commerce.models import Price, Product
from demo.localize import translate
from downloads.models import DownloadIndexPage, DownloadPage
from home.models import HomePage

INDEX = {
    "title": ("Downloads", "Descargas"),
    "slug": ("downloads", "descargas"),
    "intro": (
        "Guided meditations and workbooks to keep with you.",
        "Meditaciones guiadas y cuadernos para llevar contigo.",
    ),
}

PRODUCTS = [
    {
        "title": ("Evening Body Scan", "Escaneo corporal de la tarde"),
        "slug": ("evening-body-scan", "escaneo-corporal-de-la-tarde"),
        "summary": (
            "A ten-minute guided body scan to end the day.",
            "Un escaneo corporal guiado de diez minutos para cerrar el día.",
        ),
        "kind": DownloadPage.AUDIO,
        "file": "evening-body-scan.wav",
        "limit": 3,
        "prices": {"USD": 900, "EUR": 800},
    },
    {
        "title": ("Breathing Workbook", "Cuaderno de respiración"),
        "slug": ("breathing-workbook", "cuaderno-de-respiracion"),
        "summary": (
            "Twenty-one days of breathing practice, one page a day.",
            "Veintiún días de práctica de respiración, una página al día.",
        ),
        "kind": DownloadPage.PDF,
        "file": "breathing-workbook.pdf",
        "limit": None,
        "prices": {"USD": 0, "EUR": 0},
    },
]


def tone_wav(seconds=3, frequency=432, rate=8000):
    """A soft tone: a real, playable WAV of a few kilobytes."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        frames = (
            struct.pack("<h", int(8000 * math.sin(2 * math.pi * frequency * n / rate)))
            for n in range(seconds * rate)
        )
        out.writeframes(b"".join(frames))
    return buffer.getvalue()


def workbook_pdf(title):
    """A one-page PDF naming the workbook (hand-written, valid PDF 1.4)."""
    text = f"BT /F1 24 Tf 72 720 Td ({title}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return body


def _pairs(data, *keys):
    return {data[key][0]: data[key][1] for key in keys}


def seed_downloads():
    """Create what is missing; returns the number of products created."""
    en = Locale.objects.get(language_code="en")
    es = Locale.objects.get(language_code="es")
    home = HomePage.objects.filter(locale=en).first()
    if home is None:
        return 0
    index = DownloadIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=DownloadIndexPage(
                title=INDEX["title"][0],
                slug=INDEX["slug"][0],
                intro=f"<p>{INDEX['intro'][0]}</p>",
            )
        )
        index.save_revision().publish()
    if not index.has_translation(es):
        pairs = _pairs(INDEX, "title", "slug")
        pairs[f"{INDEX['intro'][0]}"] = INDEX["intro"][1]
        translate(index, es, pairs)
    created = 0
    for data in PRODUCTS:
        page = DownloadPage.objects.child_of(index).filter(slug=data["slug"][0]).first()
        if page is None:
            content = (
                tone_wav()
                if data["kind"] == DownloadPage.AUDIO
                else workbook_pdf(data["title"][0])
            )
            page = index.add_child(
                instance=DownloadPage(
                    title=data["title"][0],
                    slug=data["slug"][0],
                    summary=data["summary"][0],
                    kind=data["kind"],
                    download_limit=data["limit"],
                    file=ContentFile(content, name=data["file"]),
                )
            )
            page.save_revision().publish()
            created += 1
        if not page.has_translation(es):
            translate(page, es, _pairs(data, "title", "slug", "summary"))
        product, new = Product.objects.get_or_create(
            translation_key=page.translation_key,
            defaults={"course_page_id": page.pk, "title": page.title},
        )
        if new:
            for currency, amount in data["prices"].items():
                Price.objects.create(
                    product=product, currency=currency, amount_minor=amount
                )
    return created
