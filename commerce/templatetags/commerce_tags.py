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


def _in_cart(request, course):
    """Is `course`'s product in the visitor's cart? An empty cart asks nothing."""
    cart_ids = _cart_ids(request)
    if not cart_ids:
        return False
    product = product_for_page(course)
    return product is not None and product.pk in cart_ids


@register.simple_tag(takes_context=True)
def course_in_cart(context, course):
    """ "in-cart" or "": what the buy box's fragment varies on
    (speedups/render_cache.py), not the whole cart."""
    return "in-cart" if _in_cart(context.get("request"), course) else ""


@register.simple_tag(takes_context=True)
def course_purchase(context, course):
    """What the course page's buy box needs: the product and whether it is in the
    visitor's cart. `{% course_purchase page as purchase %}`."""
    return {
        "product": product_for_page(course),
        "in_cart": _in_cart(context.get("request"), course),
    }
