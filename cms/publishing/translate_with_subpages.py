"""A whole course (or any page) translated with its subpages in one action.

wagtail-localize's own "Translate this page" view, with its "Include subtree"
box ticked from the start and the missing language chosen: a course and all its
lessons become Spanish drafts ready in the translation editor, instead of one
submission per lesson.
"""

from wagtail_localize.views.submit_translations import SubmitPageTranslationView


class TranslateWithSubpagesView(SubmitPageTranslationView):
    def get_form(self):
        form = super().get_form()
        if self.request.method != "POST":
            form.initial["include_subtree"] = True
            if "locales" not in form.initial:
                form.initial["locales"] = list(form.fields["locales"].queryset)
        return form
