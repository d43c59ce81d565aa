"""Template tags for the shop: the header's cart count and the Enroll button."""

from django import template

from commerce import cart as carts
from commerce.access import is_enrolled
from commerce.catalog import product_for_page
from commerce.pricing import display_price

register = template.Library()


@register.simple_tag(takes_context=True)
def cart_count(context):
    request = context.get("request")
    if request is None or not hasattr(request, "session"):
        return 0
    return carts.count(request)


@register.simple_tag(takes_context=True)
def cart_signature(context):
    """ "12,40": the cart's products, for fragments that show "in your cart"
    (cms/render_cache.py); "" for an empty cart or no session."""
    request = context.get("request")
    if request is None or not hasattr(request, "session"):
        return ""
    return ",".join(str(pk) for pk in sorted(carts.product_ids(request)))


@register.inclusion_tag("commerce/includes/enroll.html", takes_context=True)
def enroll_button(context, course):
    """Price and an "Enroll" form for `course` (a course page), or "enrolled"."""
    request = context.get("request")
    user = getattr(request, "user", None)
    product = product_for_page(course)
    return {
        "request": request,
        "course": course,
        "product": product,
        "price": display_price(course) if product else "",
        "enrolled": bool(user) and is_enrolled(user, course),
        "in_cart": bool(product and request)
        and product.pk in carts.product_ids(request),
    }


@register.simple_tag(takes_context=True)
def course_purchase(context, course):
    """What the course page's buy box needs: the product and whether it is in the
    visitor's cart. `{% course_purchase page as purchase %}`."""
    request = context.get("request")
    product = product_for_page(course)
    return {
        "product": product,
        "in_cart": bool(product and request)
        and product.pk in carts.product_ids(request),
    }
