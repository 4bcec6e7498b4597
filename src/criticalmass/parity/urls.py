from django.urls import path

from criticalmass.parity import views

app_name = "parity"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("data/<slug:name>.csv", views.dashboard_csv, name="dashboard_csv"),
    path("missions/<slug:slug>/", views.mission, name="mission"),
    path("missions/<slug:slug>/<slug:name>.csv", views.mission_csv, name="mission_csv"),
    path("countries/<str:iso3>/", views.country, name="country"),
    path("countries/<str:iso3>/<slug:name>.csv", views.country_csv, name="country_csv"),
    path("negotiations/", views.negotiations, name="negotiations"),
    path("negotiations/<slug:name>.csv", views.negotiations_csv, name="negotiations_csv"),
    path("negotiations/<slug:slug>/", views.negotiations, name="negotiation"),
    path("negotiations/<slug:slug>/<slug:name>.csv", views.negotiations_csv, name="negotiation_csv"),
    path("targets/", views.policies, name="policies"),
    path("targets/<slug:name>.csv", views.policies_csv, name="policies_csv"),
    path("sources/", views.sources, name="sources"),
    path("sources/<slug:name>.csv", views.sources_csv, name="sources_csv"),
    path("sources/<slug:slug>/notes/", views.source_notes, name="source_notes"),
    path("sources/<slug:slug>/notes.csv", views.source_notes_csv, name="source_notes_csv"),
]
