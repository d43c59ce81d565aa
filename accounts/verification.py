"""Whether a learner has proved they own their email address.

Browsing and the cart work without it; paying does not ("email verification is
required before the first purchase"). Commerce asks `has_verified_email(user)`
before creating an order and, when it is False, sends the learner to
`reverse("account_email")` where they can resend the verification email.
"""

from allauth.account.models import EmailAddress


def has_verified_email(user):
    """True when the user's current (primary) email address is verified."""
    if user is None or not user.is_authenticated:
        return False
    return EmailAddress.objects.filter(
        user=user, email__iexact=user.email, verified=True
    ).exists()
