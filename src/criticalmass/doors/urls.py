from django.urls import path

from criticalmass.doors import views

app_name = "doors"
urlpatterns = [
    path("", views.posts, name="posts"),
    path("posts.csv", views.posts_csv, name="posts_csv"),
    path("posts/<int:pk>/", views.post, name="post"),
    path("processes/<slug:slug>/leadership.csv", views.leadership_csv, name="leadership_csv"),
    path("reprisals/", views.reprisals, name="reprisals"),
    path("reprisals/counts.csv", views.reprisals_csv, name="reprisals_csv"),
    path("accounts/", views.accounts, name="accounts"),
    path("accounts.csv", views.accounts_csv, name="accounts_csv"),
    path("posts/new/", views.post_new, name="post_new"),
    path("posts/<int:pk>/holders/new/", views.holder_new, name="holder_new"),
    path("holders/<int:pk>/", views.holder_edit, name="holder_edit"),
    path("requests/", views.requests, name="requests"),
    path("requests/new/", views.request_new, name="request_new"),
    path("requests/<int:pk>/", views.request_detail, name="request"),
    path("requests/<int:pk>/share/", views.share, name="share"),
    path("requests/<int:pk>/consent/", views.consent, name="consent"),
    path("requests/<int:pk>/meeting/", views.meeting, name="meeting"),
    path("requests/<int:pk>/promises/", views.promise_new, name="promise_new"),
    path("requests/<int:pk>/reprisals/new/", views.reprisal_new, name="reprisal_new"),
    path("requests/<int:pk>/<slug:action>/", views.act, name="act"),
    path("promises/<int:pk>/kept/", views.promise_kept, name="promise_kept"),
    path("records/<int:pk>/", views.reprisal, name="reprisal"),
    path("records/<int:pk>/share/", views.reprisal_share, name="reprisal_share"),
    path("records/<int:pk>/follow-up/", views.reprisal_follow_up, name="reprisal_follow_up"),
]
