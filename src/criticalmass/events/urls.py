from django.urls import path

from criticalmass.events import views

app_name = "events"
urlpatterns = [
    path("events/", views.events, name="events"),
    path("events/pledge/", views.pledge, name="pledge"),
    path("events/tallies/", views.tallies, name="tallies"),
    path("events/new/", views.event_form, name="event_new"),
    path("events/<slug:slug>/edit/", views.event_form, name="event_edit"),
    path("events/tallies/<slug:name>.csv", views.tallies_csv, name="tallies_csv"),
    path("events/<slug:slug>/", views.event, name="event"),
    path("events/panels/<int:pk>/answer/", views.breach_answer, name="breach_answer"),
]
