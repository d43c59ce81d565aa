"""The learner's own pages, under /<lang>/accounts/ beside allauth's."""

from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.account_home, name="home"),
    path("profile/", views.profile, name="profile"),
    path("my-data/", views.my_data, name="my_data"),
    path("my-data/export/", views.export_data, name="export"),
    path("my-data/delete/", views.delete, name="delete"),
]
