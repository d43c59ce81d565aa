"""Cover images drawn with Pillow: no downloads, the same picture every run."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter
from wagtail.images import get_image_model

WIDTH, HEIGHT = 1200, 675


def draw_cover(seed, colours):
    """A soft gradient with circles, deterministic for a given seed (JPEG bytes)."""
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    top, bottom = colours
    image = PILImage.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    for y in range(HEIGHT):
        t = y / HEIGHT
        draw.line(
            [(0, y), (WIDTH, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    overlay = PILImage.new("RGBA", (WIDTH, HEIGHT), (0, 0, 0, 0))
    shapes = ImageDraw.Draw(overlay)
    for _ in range(7):
        radius = rng.randint(60, 260)
        x, y = rng.randint(0, WIDTH), rng.randint(0, HEIGHT)
        alpha = rng.randint(40, 110)
        shapes.ellipse(
            [x - radius, y - radius, x + radius, y + radius],
            fill=(255, 255, 255, alpha),
        )
    overlay = overlay.filter(ImageFilter.GaussianBlur(6))
    image = PILImage.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()


def ensure_cover(title, seed, colours):
    """The Wagtail image called `title`, drawn and saved the first time."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    data = draw_cover(seed, colours)
    image = Image(title=title)
    image.file = ImageFile(io.BytesIO(data), name=f"{seed}.jpg")
    image.save()
    return image
