from django.urls import path

from criticalmass.reviews import views

app_name = "reviews"
urlpatterns = [
    path("", views.documents, name="documents"),
    path("documents.csv", views.documents_csv, name="documents_csv"),
    path("submit/", views.submit, name="submit"),
    path("documents/<slug:slug>/", views.document, name="document"),
    path("documents/<slug:slug>/assign/", views.assign, name="assign"),
    path("documents/<slug:slug>/review/", views.review, name="review"),
]
