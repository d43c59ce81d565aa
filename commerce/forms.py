"""What the cart's forms may post, parsed in one place.

`str.isdigit()` accepts characters `int()` refuses ("²", "①"), and a number beyond
PostgreSQL's integer range makes the lookup raise: Django's IntegerField with
bounds answers both with "not valid" instead of an error.
"""

from django import forms

MAX_ID = 2**31 - 1  # PostgreSQL integer primary keys


class ProductIdForm(forms.Form):
    product = forms.IntegerField(min_value=1, max_value=MAX_ID)


def product_id_from(data):
    """The product id a cart form posted, or None when it is not a valid id."""
    form = ProductIdForm(data)
    return form.cleaned_data["product"] if form.is_valid() else None


def database_id(value):
    """`value` as an integer primary key, or None: a signed Stripe event's
    metadata is ours, yet an old or hand-made one must not turn into a 500."""
    form = ProductIdForm({"product": value})
    return form.cleaned_data["product"] if form.is_valid() else None
