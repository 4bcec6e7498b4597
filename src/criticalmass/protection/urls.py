from django.urls import path

from criticalmass.protection import views

app_name = "protection"
urlpatterns = [
    path("countries/<str:iso3>/<slug:name>.csv", views.country_csv, name="country_csv"),
]
