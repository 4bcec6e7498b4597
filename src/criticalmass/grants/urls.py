from django.urls import path

from criticalmass.grants import views

app_name = "grants"
urlpatterns = [
    path("", views.calls, name="calls"),
    path("grants.csv", views.grants_csv, name="grants_csv"),
    path("iati.xml", views.iati_xml, name="iati"),
    path("mine/", views.mine, name="mine"),
    path("review/", views.review_list, name="review_list"),
    path("calls/<slug:slug>/", views.call, name="call"),
    path("calls/<slug:slug>/apply/", views.apply, name="apply"),
    path("applications/<int:pk>/", views.application, name="application"),
    path("applications/<int:pk>/review/", views.review, name="review"),
    path("applications/<int:pk>/decide/", views.decide, name="decide"),
    path("applications/<int:pk>/report/", views.report, name="report"),
    path("receipts/<int:pk>/", views.receipt, name="receipt"),
    path("<int:pk>/", views.grant, name="grant"),
]
