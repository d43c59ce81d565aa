"""A named URL in a given language (learner paths are translated: /es/carrito/)."""

from django.urls import reverse
from django.utils import translation


def localized_url(name, language, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)
