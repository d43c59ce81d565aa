"""At login, the visitor's session cart joins the learner's saved cart."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from commerce.cart import merge_session_cart


@receiver(user_logged_in, dispatch_uid="commerce.merge_cart")
def merge_cart_at_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        merge_session_cart(request, user)
