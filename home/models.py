"""The home page of each language tree."""

from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The root of one language's tree (`/en/`, `/es/`)."""

    intro = RichTextField(blank=True)

    content_panels = [*Page.content_panels, "intro"]
    max_count_per_parent = 1
