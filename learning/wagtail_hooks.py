"""Learning in the Wagtail admin: review moderation, and visits recorded as
learners open lessons."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from cms.models import LessonPage
from learning import progress, reviews
from learning.models import Review


@hooks.register("before_serve_page")
def record_lesson_visit(page, request, serve_args, serve_kwargs):
    """An enrolled learner opened a lesson: remember it for "Continue"."""
    user = getattr(request, "user", None)
    if (
        isinstance(page.specific_deferred, LessonPage)
        and user is not None
        and user.is_authenticated
        and request.method == "GET"
    ):
        progress.record_visit(user, page)


class ReviewPermissionPolicy(ModelPermissionPolicy):
    """Reviews are written by learners: moderators decide, never create."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Review, ReviewPermissionPolicy(Review))


class ReviewModerationForm(WagtailAdminModelForm):
    """Approve or reject; the note (optional) is emailed to the learner."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve and publish")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )

    def save(self, commit=True):
        review = super().save(commit=False)
        return reviews.moderate(
            review,
            approve=self.cleaned_data["decision"] == "approve",
            note=self.cleaned_data.get("moderation_note", ""),
            moderator=self.for_user,
        )


class ReviewViewSet(ModelViewSet):
    model = Review
    icon = "comment"
    menu_label = _("Course reviews")
    menu_order = 260
    add_to_admin_menu = True
    url_prefix = "learning/reviews"
    name = "learning_review"
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "product",
        "rating",
        Column("status", label=_("Status"), accessor="get_status_display"),
        "language",
        "user",
        DateColumn("updated_at", label=_("Written")),
    ]
    list_filter = ["status", "rating", "language"]
    search_fields = ["text", "product__title", "user__email"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("product", read_only=True),
            FieldPanel("user", read_only=True),
            FieldPanel("language", read_only=True),
            FieldPanel("rating", read_only=True),
            FieldPanel("text", read_only=True),
            FieldPanel("status", read_only=True),
            FieldPanel("decision"),
            FieldPanel("moderation_note"),
        ],
        base_form_class=ReviewModerationForm,
    )

    def get_queryset(self, request):
        return Review.objects.select_related("product", "user")


@hooks.register("register_admin_viewset")
def register_review_viewset():
    return ReviewViewSet()


class ReviewsAwaitingModerationPanel(Component):
    """Dashboard: how many reviews wait for a moderator, and the oldest few."""

    name = "learning_reviews_awaiting"
    order = 60
    template_name = "learning/admin/reviews_panel.html"
    shown = 5

    def get_context_data(self, parent_context):
        waiting = Review.objects.filter(status=Review.PENDING)
        return {
            "count": waiting.count(),
            "oldest": waiting.select_related("product", "user").order_by("updated_at")[
                : self.shown
            ],
        }


@hooks.register("construct_homepage_panels")
def add_reviews_panel(request, panels):
    if request.user.has_perm("learning.change_review"):
        panels.append(ReviewsAwaitingModerationPanel())


@hooks.register("course_json_ld")
def add_aggregate_rating(course, data):
    """The course's rating from approved reviews, as the page shows it."""
    if rating := reviews.aggregate_rating_json_ld(course):
        data["aggregateRating"] = rating
