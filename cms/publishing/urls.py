"""Public URLs of the publishing app, mounted inside the language prefix."""

from django.urls import path

from cms.publishing import views

urlpatterns = [
    path("share/<str:token>/", views.share_draft, name="publishing_share_draft"),
]
