"""The review form learners fill in on the course page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from learning.reviews import MAX_TEXT

STAR_CHOICES = [(n, str(n)) for n in range(5, 0, -1)]


class ReviewForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Your rating"),
        choices=STAR_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Your review"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": MAX_TEXT}),
    )
