from django.urls import path

from criticalmass.awards import views

app_name = "awards"
urlpatterns = [
    path("", views.rounds, name="rounds"),
    path("laureates.csv", views.laureates_csv, name="laureates_csv"),
    path("nominations/<int:pk>/mark/", views.mark, name="mark"),
    path("<slug:slug>/", views.round_page, name="round"),
    path("<slug:slug>/nominate/", views.nominate, name="nominate"),
    path("<slug:slug>/jury/", views.jury, name="jury"),
    path("<slug:slug>/decide/", views.decide, name="decide"),
    path("<slug:slug>/publish/", views.publish, name="publish"),
]
