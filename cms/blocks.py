"""StreamField blocks shared by courses, lessons and simple pages.

Each block renders through its own template in `templates/blocks/`, so a course body,
a lesson and the FAQ page look the same. Video uses our own player block rather than
Wagtail's `EmbedBlock`: see `cms/video.py` for why.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from cms.video import embed_url


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video, played from the privacy-friendly host."""

    url = blocks.URLBlock(label=_("Video URL (YouTube or Vimeo)"))
    title = blocks.CharBlock(
        label=_("Title"), help_text=_("Read out by screen readers.")
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["embed_url"] = embed_url(value.get("url"))
        return context

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"))
    answer = blocks.RichTextBlock(
        label=_("Answer"), features=["bold", "italic", "link", "ol", "ul"]
    )


class FaqBlock(blocks.StructBlock):
    """Questions and answers as native `<details>` elements (no JavaScript)."""

    heading = blocks.CharBlock(label=_("Heading"), required=False)
    items = blocks.ListBlock(FaqItemBlock(), label=_("Questions"))

    class Meta:
        icon = "help"
        label = _("FAQ")
        template = "blocks/faq_block.html"


class CalloutBlock(blocks.StructBlock):
    TONES = [("info", _("Information")), ("tip", _("Tip")), ("warning", _("Warning"))]

    tone = blocks.ChoiceBlock(choices=TONES, default="info", label=_("Tone"))
    title = blocks.CharBlock(label=_("Title"), required=False)
    text = blocks.RichTextBlock(
        label=_("Text"), features=["bold", "italic", "link", "ol", "ul"]
    )

    class Meta:
        icon = "warning"
        label = _("Call-out")
        template = "blocks/callout_block.html"


RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "link", "ol", "ul", "hr"]


class ContentBlock(blocks.StreamBlock):
    """The body of courses, lessons and simple pages."""

    rich_text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Text"),
        template="blocks/rich_text_block.html",
    )
    # Wagtail's ImageBlock asks for alt text (or "decorative") on every image.
    image = ImageBlock(label=_("Image"), template="blocks/image_block.html")
    video = VideoBlock()
    quote = QuoteBlock()
    faq = FaqBlock()
    callout = CalloutBlock()


class ListItemsBlock(blocks.StreamBlock):
    """A plain list (learning outcomes, prerequisites): one line per item."""

    item = blocks.CharBlock(label=_("Item"))
