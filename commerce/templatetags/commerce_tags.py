"""Template tags for the shop: the header's cart count and the course's buy box."""

from django import template

from commerce import cart as carts
from commerce.catalog import product_for_page

register = template.Library()


def _cart_ids(request):
    """The cart's product ids, read once per render: the header's count and the
    course page's buy box both show them. Tags render after the view has done
    its changes to the cart, so the first read is the final state."""
    if request is None or not hasattr(request, "session"):
        return []
    if not hasattr(request, "_rendered_cart_ids"):
        request._rendered_cart_ids = carts.product_ids(request)
    return request._rendered_cart_ids


@register.simple_tag(takes_context=True)
def cart_count(context):
    return len(_cart_ids(context.get("request")))


@register.simple_tag(takes_context=True)
def cart_signature(context):
    """ "12,40": the cart's products, for fragments that show "in your cart"
    (speedups/render_cache.py); "" for an empty cart or no session."""
    return ",".join(str(pk) for pk in sorted(_cart_ids(context.get("request"))))


@register.simple_tag(takes_context=True)
def course_purchase(context, course):
    """What the course page's buy box needs: the product and whether it is in the
    visitor's cart. `{% course_purchase page as purchase %}`."""
    request = context.get("request")
    product = product_for_page(course)
    return {
        "product": product,
        "in_cart": bool(product and request) and product.pk in _cart_ids(request),
    }
