from django.urls import path

from criticalmass.hub import views

app_name = "hub"
urlpatterns = [
    path("", views.cards, name="cards"),
    path("evidence/", views.evidence, name="evidence"),
    path("evidence.csv", views.evidence_csv, name="evidence_csv"),
    path("search/", views.search_page, name="search"),
    path("practices/", views.practices, name="practices"),
    path("practices/new/", views.practice_new, name="practice_new"),
    path("practices/<slug:slug>/", views.practice, name="practice"),
    path("review/", views.review, name="review"),
    path("my/practices/", views.my_practices, name="my_practices"),
    path("my/practices/consent/", views.consent_answer, name="consent_answer"),
]
